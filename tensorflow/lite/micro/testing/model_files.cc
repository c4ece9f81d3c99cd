#include "tensorflow/lite/micro/testing/model_files.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

// Bare-metal newlib has no directory listing (and semihosting none to back
// it): there a directory's files are named by "<directory>.manifest", one
// file name a line, which the BUILD files generate (file_manifest).
#if !defined(__NEWLIB__)
#include <dirent.h>
#define TFLM_HAS_DIRENT 1
#endif

namespace tflite {
namespace testing {
namespace {

bool IsModelName(const std::string& name) {
  return name.size() > 7 && name.compare(name.size() - 7, 7, ".tflite") == 0;
}

std::vector<std::string> ListDirectory(const std::string& dir) {
  std::vector<std::string> names;
#if TFLM_HAS_DIRENT
  if (DIR* d = opendir(dir.c_str())) {
    while (dirent* entry = readdir(d)) names.push_back(entry->d_name);
    closedir(d);
  }
#else
  if (FILE* f = std::fopen((dir + ".manifest").c_str(), "r")) {
    std::string line;
    int c;
    while ((c = std::fgetc(f)) != EOF) {
      if (c != '\n') {
        line.push_back(static_cast<char>(c));
      } else if (!line.empty()) {
        names.push_back(line);
        line.clear();
      }
    }
    if (!line.empty()) names.push_back(line);
    std::fclose(f);
  }
#endif
  return names;
}

}  // namespace

std::vector<uint8_t> ReadFile(const std::string& path) {
  std::vector<uint8_t> bytes;
  FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return bytes;
  uint8_t buffer[4096];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof(buffer), f)) > 0) {
    bytes.insert(bytes.end(), buffer, buffer + n);
  }
  std::fclose(f);
  return bytes;
}

std::vector<ModelFile> ReadModelDirectory(const std::string& dir) {
  std::vector<std::string> names;
  for (const std::string& name : ListDirectory(dir)) {
    if (IsModelName(name)) names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  std::vector<ModelFile> models;
  for (const std::string& name : names) {
    ModelFile model{name, ReadFile(dir + "/" + name)};
    if (!model.bytes.empty()) models.push_back(std::move(model));
  }
  return models;
}

std::string RunfilesPath(const std::string& repository,
                         const std::string& path) {
  const char* root = std::getenv("TEST_SRCDIR");
  if (root == nullptr) root = std::getenv("RUNFILES_DIR");
  // Firmware has no environment; Bazel runs tests (and QEMU) in the main
  // repository's runfiles directory, beside the other repositories'.
  return std::string(root != nullptr ? root : "..") + "/" + repository + "/" +
         path;
}

std::vector<ModelFile> SharedModels() {
  return ReadModelDirectory(RunfilesPath("shared_data", "models"));
}

}  // namespace testing
}  // namespace tflite
