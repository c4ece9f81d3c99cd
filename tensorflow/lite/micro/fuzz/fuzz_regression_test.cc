// Replays, through the fuzzers' driver, every input that once crashed a
// fuzzer (crashers/) and the whole seed corpus (seeds/): each must run or be
// rejected with a message. Under --config=asan this also checks them for
// memory errors and undefined behaviour.
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tensorflow/lite/micro/fuzz/fuzz_util.h"
#include "tensorflow/lite/micro/testing/model_files.h"

namespace tflite {
namespace {

std::vector<testing::ModelFile> Directory(const std::string& name) {
  return testing::ReadModelDirectory(testing::RunfilesPath(
      "tflite_micro", "tensorflow/lite/micro/fuzz/" + name));
}

TEST(FuzzRegressionTest, Crashers) {
  const auto crashers = Directory("crashers");
  ASSERT_FALSE(crashers.empty());
  for (const auto& file : crashers) {
    SCOPED_TRACE(file.name);
    fuzz::RunModel(file.bytes.data(), file.bytes.size(), nullptr, 0);
    // With input bytes taken from the file itself, and resized inputs.
    fuzz::RunModel(file.bytes.data(), file.bytes.size(), file.bytes.data(),
                   file.bytes.size(), 0x123456);
  }
}

TEST(FuzzRegressionTest, Seeds) {
  const auto seeds = Directory("seeds");
  ASSERT_GT(seeds.size(), 100u);
  int ran = 0;
  for (const auto& file : seeds) {
    SCOPED_TRACE(file.name);
    ran += fuzz::RunModel(file.bytes.data(), file.bytes.size(), nullptr, 0);
  }
  // Most seeds are valid models that the kernel tests ran.
  EXPECT_GT(ran, static_cast<int>(seeds.size()) / 2);
}

TEST(FuzzRegressionTest, SharedModels) {
  const auto models = testing::SharedModels();
  if (models.empty()) GTEST_SKIP() << "../shared is not beside the checkout";
  int ran = 0;
  for (const auto& file : models) {
    SCOPED_TRACE(file.name);
    // The audio preprocessors need custom signal ops, which the all-ops
    // resolver does not have: they are rejected with a message.
    ran += fuzz::RunModel(file.bytes.data(), file.bytes.size(), nullptr, 0);
  }
  EXPECT_GE(ran, static_cast<int>(models.size()) - 2);
}

}  // namespace
}  // namespace tflite
