// Replays, through the fuzzers' driver, every input that once crashed a
// fuzzer (crashers/) and the whole seed corpora (seeds/, custom_op_seeds/):
// each must run or be rejected with a message. Under --config=asan this
// also checks them for memory errors and undefined behaviour.
#include <algorithm>
#include <cstring>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "gtest/gtest.h"
#include "tensorflow/lite/micro/fuzz/fuzz_util.h"
#include "tensorflow/lite/micro/testing/model_files.h"
#include "tensorflow/lite/schema/schema_generated.h"

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

// [offset, size) in the file of the data of every input of the DECODE
// nodes of a (valid) compressed model: its encoded and ancillary bytes.
std::vector<std::pair<size_t, size_t>> DecodeInputBytes(
    const std::vector<uint8_t>& bytes) {
  std::vector<std::pair<size_t, size_t>> ranges;
  const Model* model = GetModel(bytes.data());
  const auto* graph = model->subgraphs()->Get(0);
  for (const Operator* op : *graph->operators()) {
    const auto* name =
        model->operator_codes()->Get(op->opcode_index())->custom_code();
    if (name == nullptr || std::strcmp(name->c_str(), "TFLM_DECODE") != 0) {
      continue;
    }
    for (const int32_t index : *op->inputs()) {
      const auto* data =
          model->buffers()->Get(graph->tensors()->Get(index)->buffer())->data();
      if (data != nullptr && data->size() > 0) {
        ranges.emplace_back(data->data() - bytes.data(), data->size());
      }
    }
  }
  return ranges;
}

// Compressed models with random bytes of their DECODE inputs (encoded data,
// decode headers, tables) changed: each must run or be rejected.
TEST(FuzzRegressionTest, CorruptDecodeInputs) {
  std::mt19937 random(7);
  int models = 0;
  int ran = 0;
  for (const auto& file : Directory("seeds")) {
    const std::string text(file.bytes.begin(), file.bytes.end());
    if (text.find("TFLM_DECODE") == std::string::npos) continue;
    const auto ranges = DecodeInputBytes(file.bytes);
    ASSERT_FALSE(ranges.empty()) << file.name;
    ++models;
    for (int trial = 0; trial < 200; ++trial) {
      std::vector<uint8_t> bytes = file.bytes;
      const int changes = 1 + static_cast<int>(random() % 3);
      for (int c = 0; c < changes; ++c) {
        const auto& range = ranges[random() % ranges.size()];
        // Headers (the first 16 bytes) half the time.
        const size_t span = random() % 2 ? range.second
                                         : std::min<size_t>(range.second, 16);
        bytes[range.first + random() % span] =
            static_cast<uint8_t>(random());
      }
      SCOPED_TRACE(file.name + " trial " + std::to_string(trial));
      ran += fuzz::RunModel(bytes.data(), bytes.size(), nullptr, 0);
    }
  }
  EXPECT_GE(models, 8);
  EXPECT_GT(ran, 0);
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
