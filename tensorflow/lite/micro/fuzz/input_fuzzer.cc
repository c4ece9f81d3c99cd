// libFuzzer target: input tensors (and resized input shapes) for a fixed set
// of valid models. The models are the .tflite files in the directory named by
// TFLITE_MICRO_FUZZ_MODELS (sorted by name); tools/fuzz.sh makes it.
//
// Fuzz input: byte 0 picks the model, byte 1 bit 0 asks for a resize of the
// dynamic input dimensions (bytes 2-5 give the sizes), the rest is the data
// written cyclically into the input tensors.
#include <dirent.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "tensorflow/lite/micro/fuzz/fuzz_util.h"

namespace {

std::vector<std::vector<uint8_t>>* models = nullptr;

void LoadModels() {
  models = new std::vector<std::vector<uint8_t>>();
  const char* dir = std::getenv("TFLITE_MICRO_FUZZ_MODELS");
  if (dir == nullptr) {
    std::fprintf(stderr, "input_fuzzer: set TFLITE_MICRO_FUZZ_MODELS\n");
    std::abort();
  }
  std::vector<std::string> names;
  if (DIR* d = opendir(dir)) {
    while (dirent* entry = readdir(d)) {
      const std::string name = entry->d_name;
      if (name.size() > 7 && name.substr(name.size() - 7) == ".tflite") {
        names.push_back(name);
      }
    }
    closedir(d);
  }
  std::sort(names.begin(), names.end());
  for (const std::string& name : names) {
    FILE* f = std::fopen((std::string(dir) + "/" + name).c_str(), "rb");
    if (f == nullptr) continue;
    std::vector<uint8_t> bytes;
    uint8_t buffer[65536];
    size_t n;
    while ((n = std::fread(buffer, 1, sizeof(buffer), f)) > 0) {
      bytes.insert(bytes.end(), buffer, buffer + n);
    }
    std::fclose(f);
    models->push_back(std::move(bytes));
  }
  if (models->empty()) {
    std::fprintf(stderr, "input_fuzzer: no .tflite files in %s\n", dir);
    std::abort();
  }
  std::fprintf(stderr, "input_fuzzer: %zu models from %s\n", models->size(),
               dir);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (models == nullptr) LoadModels();
  if (size < 2) return 0;
  const std::vector<uint8_t>& model = (*models)[data[0] % models->size()];
  int resize_seed = -1;
  size_t skip = 2;
  if ((data[1] & 1) && size >= 6) {
    resize_seed = static_cast<int>((static_cast<uint32_t>(data[2]) |
                                    static_cast<uint32_t>(data[3]) << 8 |
                                    static_cast<uint32_t>(data[4]) << 16) &
                                   0xffffff);
    skip = 6;
  }
  tflite::fuzz::RunModel(model.data(), model.size(), data + skip, size - skip,
                         resize_seed);
  return 0;
}
