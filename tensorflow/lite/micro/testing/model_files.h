// Reads .tflite files for C++ tests from their runfiles: ../shared's models
// (when ../shared is present) and this repository's generated fuzz seeds.
#ifndef TENSORFLOW_LITE_MICRO_TESTING_MODEL_FILES_H_
#define TENSORFLOW_LITE_MICRO_TESTING_MODEL_FILES_H_

#include <cstdint>
#include <string>
#include <vector>

namespace tflite {
namespace testing {

struct ModelFile {
  std::string name;
  std::vector<uint8_t> bytes;
};

// A whole file's bytes (empty when it cannot be read).
std::vector<uint8_t> ReadFile(const std::string& path);

// Every *.tflite file directly in `dir`, sorted by name (none if absent).
std::vector<ModelFile> ReadModelDirectory(const std::string& dir);

// A directory inside the test's runfiles: `repository`/`path`.
std::string RunfilesPath(const std::string& repository,
                         const std::string& path);

// ../shared/models (empty when ../shared is not beside the checkout).
std::vector<ModelFile> SharedModels();

}  // namespace testing
}  // namespace tflite

#endif  // TENSORFLOW_LITE_MICRO_TESTING_MODEL_FILES_H_
