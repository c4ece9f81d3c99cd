#include "tensorflow/lite/micro/testing/model_files.h"

#include <dirent.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace tflite {
namespace testing {

std::vector<ModelFile> ReadModelDirectory(const std::string& dir) {
  std::vector<std::string> names;
  if (DIR* d = opendir(dir.c_str())) {
    while (dirent* entry = readdir(d)) {
      const std::string name = entry->d_name;
      if (name.size() > 7 && name.compare(name.size() - 7, 7, ".tflite") == 0) {
        names.push_back(name);
      }
    }
    closedir(d);
  }
  std::sort(names.begin(), names.end());
  std::vector<ModelFile> models;
  for (const std::string& name : names) {
    FILE* f = std::fopen((dir + "/" + name).c_str(), "rb");
    if (f == nullptr) continue;
    ModelFile model{name, {}};
    uint8_t buffer[65536];
    size_t n;
    while ((n = std::fread(buffer, 1, sizeof(buffer), f)) > 0) {
      model.bytes.insert(model.bytes.end(), buffer, buffer + n);
    }
    std::fclose(f);
    models.push_back(std::move(model));
  }
  return models;
}

std::string RunfilesPath(const std::string& repository,
                         const std::string& path) {
  const char* root = std::getenv("TEST_SRCDIR");
  if (root == nullptr) root = std::getenv("RUNFILES_DIR");
  return std::string(root != nullptr ? root : ".") + "/" + repository + "/" +
         path;
}

std::vector<ModelFile> SharedModels() {
  return ReadModelDirectory(RunfilesPath("shared_data", "models"));
}

}  // namespace testing
}  // namespace tflite
