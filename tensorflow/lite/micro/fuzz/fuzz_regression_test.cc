// Replays, through the fuzzers' driver, every input that once crashed a
// fuzzer (crashers/) and the whole seed corpora (seeds/, custom_op_seeds/):
// each must run or be rejected with a message. Under --config=asan this
// also checks them for memory errors and undefined behaviour.
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

TEST(FuzzRegressionTest, CustomOpSeeds) {
  const auto seeds = Directory("custom_op_seeds");
  ASSERT_GT(seeds.size(), 50u);
  int ran = 0;
  std::string rejected;
  for (const auto& file : seeds) {
    SCOPED_TRACE(file.name);
    if (fuzz::RunModel(file.bytes.data(), file.bytes.size(), nullptr, 0)) {
      ++ran;
    } else {
      rejected += " " + file.name;
    }
  }
  // Valid models of the signal and MediaPipe ops; a few fail at invoke on
  // the driver's input pattern (e.g. SignalFilterBankSquareRoot's shift
  // input out of range), with a message.
  EXPECT_GE(ran, static_cast<int>(seeds.size()) * 9 / 10) << rejected;
}

TEST(FuzzRegressionTest, SharedModels) {
  const auto models = testing::SharedModels();
  if (models.empty()) GTEST_SKIP() << "../shared is not beside the checkout";
  int ran = 0;
  for (const auto& file : models) {
    SCOPED_TRACE(file.name);
    // The audio preprocessors run too: the driver has the signal ops.
    ran += fuzz::RunModel(file.bytes.data(), file.bytes.size(), nullptr, 0);
  }
  EXPECT_EQ(ran, static_cast<int>(models.size()));
}

}  // namespace
}  // namespace tflite
