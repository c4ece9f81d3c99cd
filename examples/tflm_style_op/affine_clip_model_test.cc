// AFFINE_CLIP through the C++ API: the models affine_clip_model.py builds,
// run by a MicroInterpreter with the op added to a MicroMutableOpResolver,
// against the outputs numpy computed for them. Runs on the host and as
// firmware (the files are read through semihosting there).
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "examples/tflm_style_op/affine_clip.h"
#include "gtest/gtest.h"
#include "tensorflow/lite/micro/micro_interpreter.h"
#include "tensorflow/lite/micro/micro_mutable_op_resolver.h"
#include "tensorflow/lite/micro/testing/model_files.h"
#include "tensorflow/lite/micro/testing/test_model_builder.h"

namespace tflite {
namespace {

std::vector<uint8_t> TestFile(const std::string& name) {
  return testing::ReadFile(testing::RunfilesPath(
      "tflite_micro", "examples/tflm_style_op/testdata/" + name));
}

class AffineClipModelTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(resolver_.AddCustom("AFFINE_CLIP",
                                  tflm_style_op::Register_AFFINE_CLIP()),
              kTfLiteOk);
  }

  // Runs <name>.tflite on <name>.input; the output's bytes.
  std::vector<uint8_t> Run(const std::string& name) {
    const std::vector<uint8_t> bytes = TestFile(name + ".tflite");
    const std::vector<uint8_t> input = TestFile(name + ".input");
    EXPECT_FALSE(bytes.empty()) << name;
    testing::AlignedModel model(bytes);
    MicroInterpreter interpreter(model.data(), model.size(), resolver_,
                                 arena_, sizeof(arena_));
    if (interpreter.AllocateTensors() != kTfLiteOk) {
      ADD_FAILURE() << interpreter.error_message();
      return {};
    }
    TfLiteTensor* in = interpreter.input(0);
    EXPECT_EQ(in->bytes, input.size());
    if (in->bytes != input.size()) return {};
    std::memcpy(in->data.raw, input.data(), input.size());
    if (interpreter.Invoke() != kTfLiteOk) {
      ADD_FAILURE() << interpreter.error_message();
      return {};
    }
    const TfLiteTensor* out = interpreter.output(0);
    return std::vector<uint8_t>(out->data.raw, out->data.raw + out->bytes);
  }

  MicroMutableOpResolver<1> resolver_;
  alignas(16) uint8_t arena_[4096];
};

TEST_F(AffineClipModelTest, Float32MatchesNumpy) {
  const std::vector<uint8_t> output = Run("affine_clip_float");
  const std::vector<uint8_t> expected = TestFile("affine_clip_float.expected");
  ASSERT_EQ(output.size(), expected.size());
  ASSERT_EQ(output.size(), 16 * sizeof(float));
  for (size_t i = 0; i < 16; ++i) {
    float got, want;
    std::memcpy(&got, &output[i * sizeof(float)], sizeof(float));
    std::memcpy(&want, &expected[i * sizeof(float)], sizeof(float));
    EXPECT_EQ(got, want) << "element " << i;
  }
}

TEST_F(AffineClipModelTest, Int8MatchesNumpyForEveryValue) {
  const std::vector<uint8_t> output = Run("affine_clip_int8");
  const std::vector<uint8_t> expected = TestFile("affine_clip_int8.expected");
  ASSERT_EQ(output.size(), 256u);
  ASSERT_EQ(expected.size(), 256u);
  for (size_t i = 0; i < 256; ++i) {
    EXPECT_EQ(static_cast<int8_t>(output[i]), static_cast<int8_t>(expected[i]))
        << "input " << static_cast<int>(i) - 128;
  }
}

}  // namespace
}  // namespace tflite
