// AFFINE_CLIP's kernel test, written as TFLM kernel tests are: tensors over
// local arrays, KernelRunner, TF_LITE_MICRO_* macros. The options are built
// with flexbuffers::Builder (test code).
#include <cstdint>
#include <vector>

#include "examples/tflm_style_op/affine_clip.h"
#include "flatbuffers/flexbuffers.h"
#include "tensorflow/lite/c/common.h"
#include "tensorflow/lite/micro/kernels/kernel_runner.h"
#include "tensorflow/lite/micro/test_helpers.h"
#include "tensorflow/lite/micro/testing/micro_test.h"

namespace {

std::vector<uint8_t> Options(float scale, float offset, float lower,
                             float upper) {
  flexbuffers::Builder fbb;
  fbb.Map([&]() {
    fbb.Float("scale", scale);
    fbb.Float("offset", offset);
    fbb.Float("lower", lower);
    fbb.Float("upper", upper);
  });
  fbb.Finish();
  return fbb.GetBuffer();
}

template <typename T>
TfLiteStatus Run(TfLiteTensor* tensors, const std::vector<uint8_t>& options) {
  int inputs_array[] = {1, 0};
  int outputs_array[] = {1, 1};
  tflite::micro::KernelRunner runner(
      *tflm_style_op::Register_AFFINE_CLIP(), tensors, 2,
      tflite::testing::IntArrayFromInts(inputs_array),
      tflite::testing::IntArrayFromInts(outputs_array),
      /*builtin_data=*/nullptr);
  const TfLiteStatus status = runner.InitAndPrepare(
      reinterpret_cast<const char*>(options.data()), options.size());
  if (status != kTfLiteOk) return status;
  return runner.Invoke();
}

}  // namespace

TF_LITE_MICRO_TESTS_BEGIN

TF_LITE_MICRO_TEST(Float32ScalesShiftsAndClips) {
  int dims[] = {2, 2, 3};
  const float input[] = {-3.f, -1.f, 0.f, 0.5f, 1.f, 4.f};
  float output[6] = {};
  TfLiteTensor tensors[] = {
      tflite::testing::CreateTensor(input,
                                    tflite::testing::IntArrayFromInts(dims)),
      tflite::testing::CreateTensor(output,
                                    tflite::testing::IntArrayFromInts(dims)),
  };
  TF_LITE_MICRO_EXPECT_EQ(kTfLiteOk,
                          Run<float>(tensors, Options(2.f, 1.f, -2.f, 5.f)));
  const float expected[] = {-2.f, -1.f, 1.f, 2.f, 3.f, 5.f};
  for (int i = 0; i < 6; ++i) {
    TF_LITE_MICRO_EXPECT_NEAR(expected[i], output[i], 1e-6f);
  }
}

TF_LITE_MICRO_TEST(Int8GoesThroughTheQuantization) {
  int dims[] = {1, 4};
  const float values[] = {-1.f, 0.f, 1.f, 3.f};
  int8_t input[4];
  int8_t output[4] = {};
  TfLiteTensor tensors[] = {
      tflite::testing::CreateQuantizedTensor(
          values, input, tflite::testing::IntArrayFromInts(dims), 0.5f, 2),
      tflite::testing::CreateQuantizedTensor(
          output, tflite::testing::IntArrayFromInts(dims), 0.25f, -4),
  };
  TF_LITE_MICRO_EXPECT_EQ(kTfLiteOk,
                          Run<int8_t>(tensors, Options(0.5f, 0.f, -0.25f, 1.f)));
  // -0.5 -> -0.25 (clipped), 0, 0.5, 1.5 -> 1 (clipped); q = y / 0.25 - 4.
  const int8_t expected[] = {-5, -4, -2, 0};
  for (int i = 0; i < 4; ++i) TF_LITE_MICRO_EXPECT_EQ(expected[i], output[i]);
}

TF_LITE_MICRO_TEST(InvertedRangeFailsToPrepare) {
  int dims[] = {1, 1};
  const float input[] = {1.f};
  float output[1] = {};
  TfLiteTensor tensors[] = {
      tflite::testing::CreateTensor(input,
                                    tflite::testing::IntArrayFromInts(dims)),
      tflite::testing::CreateTensor(output,
                                    tflite::testing::IntArrayFromInts(dims)),
  };
  TF_LITE_MICRO_EXPECT_EQ(kTfLiteError,
                          Run<float>(tensors, Options(1.f, 0.f, 2.f, 1.f)));
}

TF_LITE_MICRO_TESTS_END
