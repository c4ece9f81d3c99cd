// TFLM's reference_integer_ops:: ADD, LOGISTIC, TANH and MEAN entry points,
// activation_utils.h and lstm_eval.h, called with arguments prepared the way
// TFLM's kernels prepare them, checked against this runtime's own kernels
// (run through KernelRunner) and reference functions. The forwarding headers
// under TFLM's newer paths are included (and some used) too.
#include <cmath>
#include <cstdint>
#include <cstdlib>

#include "tensorflow/lite/c/builtin_op_data.h"
#include "tensorflow/lite/c/common.h"
#include "tensorflow/lite/kernels/internal/quantization_util.h"
#include "tensorflow/lite/kernels/internal/reference/integer_ops/add.h"
#include "tensorflow/lite/kernels/internal/reference/integer_ops/logistic.h"
#include "tensorflow/lite/kernels/internal/reference/integer_ops/mean.h"
#include "tensorflow/lite/kernels/internal/reference/integer_ops/tanh.h"
#include "tensorflow/lite/kernels/internal/reference/logistic.h"
#include "tensorflow/lite/kernels/internal/reference/tanh.h"
#include "tensorflow/lite/kernels/internal/tensor_utils.h"
#include "tensorflow/lite/kernels/internal/types.h"
#include "tensorflow/lite/micro/c/builtin_op_data.h"
#include "tensorflow/lite/micro/c/common.h"
#include "tensorflow/lite/micro/kernels/activation_utils.h"
#include "tensorflow/lite/micro/kernels/internal/cppmath.h"
#include "tensorflow/lite/micro/kernels/internal/reference/add.h"
#include "tensorflow/lite/micro/kernels/internal/reference/binary_function.h"
#include "tensorflow/lite/micro/kernels/internal/reference/integer_ops/add.h"
#include "tensorflow/lite/micro/kernels/internal/reference/integer_ops/logistic.h"
#include "tensorflow/lite/micro/kernels/internal/reference/integer_ops/mul.h"
#include "tensorflow/lite/micro/kernels/internal/reference/integer_ops/pooling.h"
#include "tensorflow/lite/micro/kernels/internal/reference/logistic.h"
#include "tensorflow/lite/micro/kernels/internal/reference/mul.h"
#include "tensorflow/lite/micro/kernels/internal/reference/process_broadcast_shapes.h"
#include "tensorflow/lite/micro/kernels/internal/reference/space_to_depth.h"
#include "tensorflow/lite/micro/kernels/kernel_runner.h"
#include "tensorflow/lite/micro/kernels/lstm_eval.h"
#include "tensorflow/lite/micro/kernels/micro_ops.h"
#include "tensorflow/lite/micro/kernels/padding.h"
#include "tensorflow/lite/micro/micro_error_reporter.h"
#include "tensorflow/lite/micro/test_helpers.h"
#include "tensorflow/lite/micro/testing/micro_test.h"

namespace {

using tflite::testing::CreateQuantizedTensor;
using tflite::testing::CreateTensor;
using tflite::testing::IntArrayFromInts;

// Runs `registration` on `tensors` (inputs 0..n_inputs-1, output last).
TfLiteStatus RunKernel(const TFLMRegistration& registration,
                       TfLiteTensor* tensors, int n_inputs,
                       void* builtin_data) {
  int inputs[4] = {n_inputs, 0, 1, 2};
  int outputs[2] = {1, n_inputs};
  tflite::micro::KernelRunner runner(registration, tensors, n_inputs + 1,
                                     IntArrayFromInts(inputs),
                                     IntArrayFromInts(outputs), builtin_data);
  const TfLiteStatus status = runner.InitAndPrepare();
  return status != kTfLiteOk ? status : runner.Invoke();
}

// Every int8 value, in order.
void AllInt8(int8_t* values) {
  for (int i = 0; i < 256; ++i) values[i] = static_cast<int8_t>(i - 128);
}

// TFLM's int8 LOGISTIC/TANH preparation: the input scale into Q4.27 and the
// radius beyond which the output saturates.
struct Int8ActivationArgs {
  int32_t multiplier;
  int left_shift;
  int radius;
};
Int8ActivationArgs PrepareInt8Activation(float input_scale) {
  Int8ActivationArgs args;
  tflite::QuantizeMultiplierGreaterThanOne(
      static_cast<double>(input_scale) * (1 << (31 - 4)), &args.multiplier,
      &args.left_shift);
  args.radius = tflite::CalculateInputRadius(4, args.left_shift, 31);
  return args;
}

// Our int8 kernel's outputs for every int8 input.
void RunInt8Activation(const TFLMRegistration& registration, float in_scale,
                       int in_zero_point, float out_scale, int out_zero_point,
                       const int8_t* input, int8_t* output) {
  int dims[] = {1, 256};
  TfLiteTensor tensors[] = {
      CreateQuantizedTensor(input, IntArrayFromInts(dims), in_scale,
                            in_zero_point),
      CreateQuantizedTensor(output, IntArrayFromInts(dims), out_scale,
                            out_zero_point),
  };
  TF_LITE_MICRO_EXPECT_EQ(kTfLiteOk,
                          RunKernel(registration, tensors, 1, nullptr));
}

}  // namespace

TF_LITE_MICRO_TESTS_BEGIN

TF_LITE_MICRO_TEST(IntegerAddMatchesTheAddKernel) {
  // a [2, 3] + b [3] (broadcast), int8 with different scales.
  const float a_scale = 0.05f, b_scale = 0.08f, out_scale = 0.1f;
  const int a_zp = -3, b_zp = 5, out_zp = 2;
  int a_dims[] = {2, 2, 3};
  int b_dims[] = {1, 3};
  const int8_t a[] = {-128, -50, -1, 0, 77, 127};
  const int8_t b[] = {-128, 9, 127};
  int8_t expected[6] = {};
  TfLiteTensor tensors[] = {
      CreateQuantizedTensor(a, IntArrayFromInts(a_dims), a_scale, a_zp),
      CreateQuantizedTensor(b, IntArrayFromInts(b_dims), b_scale, b_zp),
      CreateQuantizedTensor(expected, IntArrayFromInts(a_dims), out_scale,
                            out_zp),
  };
  TfLiteAddParams add_params = {};
  add_params.activation = kTfLiteActNone;
  TF_LITE_MICRO_EXPECT_EQ(
      kTfLiteOk, RunKernel(tflite::Register_ADD(), tensors, 2, &add_params));

  // TFLM's ADD preparation.
  tflite::ArithmeticParams params = {};
  params.left_shift = 20;
  const double twice_max = 2.0 * (a_scale > b_scale ? a_scale : b_scale);
  int shift;
  tflite::QuantizeMultiplierSmallerThanOneExp(
      a_scale / twice_max, &params.input1_multiplier, &shift);
  params.input1_shift = shift;
  tflite::QuantizeMultiplierSmallerThanOneExp(
      b_scale / twice_max, &params.input2_multiplier, &shift);
  params.input2_shift = shift;
  tflite::QuantizeMultiplierSmallerThanOneExp(
      twice_max / ((1 << 20) * static_cast<double>(out_scale)),
      &params.output_multiplier, &shift);
  params.output_shift = shift;
  params.input1_offset = -a_zp;
  params.input2_offset = -b_zp;
  params.output_offset = out_zp;
  params.quantized_activation_min = -128;
  params.quantized_activation_max = 127;

  const tflite::RuntimeShape a_shape({2, 3});
  const tflite::RuntimeShape b_shape({3});
  int8_t output[6] = {};
  tflite::reference_integer_ops::BroadcastAdd4DSlow(params, a_shape, a, b_shape,
                                                    b, a_shape, output);
  for (int i = 0; i < 6; ++i) TF_LITE_MICRO_EXPECT_EQ(expected[i], output[i]);

  int8_t output6[6] = {};
  tflite::reference_integer_ops::BroadcastBinaryFunction6DSlow(
      params, a_shape, a, b_shape, b, a_shape, output6,
      tflite::reference_integer_ops::CheckArithmeticParams,
      tflite::reference_integer_ops::AddFunc);
  for (int i = 0; i < 6; ++i) TF_LITE_MICRO_EXPECT_EQ(expected[i], output6[i]);

  // Same shapes: Add and AddElementwise, against the broadcast results.
  const int8_t b_full[] = {-128, 9, 127, -128, 9, 127};
  int8_t same[6] = {};
  tflite::reference_integer_ops::Add(params, a_shape, a, a_shape, b_full,
                                     a_shape, same);
  for (int i = 0; i < 6; ++i) TF_LITE_MICRO_EXPECT_EQ(expected[i], same[i]);
  int8_t elementwise[6] = {};
  tflite::reference_integer_ops::AddElementwise(6, params, a, b_full,
                                                elementwise);
  for (int i = 0; i < 6; ++i) {
    TF_LITE_MICRO_EXPECT_EQ(expected[i], elementwise[i]);
  }
}

TF_LITE_MICRO_TEST(IntegerLogisticInt8IsWithinOneOfTheKernel) {
  const float in_scale = 0.0625f;
  const int in_zp = 10;
  int8_t input[256];
  AllInt8(input);
  int8_t kernel[256] = {};
  RunInt8Activation(tflite::Register_LOGISTIC(), in_scale, in_zp, 1.0f / 256,
                    -128, input, kernel);
  const Int8ActivationArgs args = PrepareInt8Activation(in_scale);
  int8_t output[256] = {};
  tflite::reference_integer_ops::Logistic(in_zp, args.radius, args.multiplier,
                                          args.left_shift, 256, input, output);
  int differing = 0;
  for (int i = 0; i < 256; ++i) {
    TF_LITE_MICRO_EXPECT_LE(std::abs(output[i] - kernel[i]), 1);
    differing += output[i] != kernel[i];
    const float x = (input[i] - in_zp) * in_scale;
    const float want = 256.0f / (1.0f + std::exp(-x)) - 128.0f;
    TF_LITE_MICRO_EXPECT_NEAR(want, static_cast<float>(output[i]), 1.0f);
  }
  TF_LITE_MICRO_EXPECT_LT(differing, 32);
}

TF_LITE_MICRO_TEST(IntegerTanhInt8IsWithinOneOfTheKernel) {
  const float in_scale = 0.03125f;
  const int in_zp = -7;
  int8_t input[256];
  AllInt8(input);
  int8_t kernel[256] = {};
  RunInt8Activation(tflite::Register_TANH(), in_scale, in_zp, 1.0f / 128, 0,
                    input, kernel);
  const Int8ActivationArgs args = PrepareInt8Activation(in_scale);
  const tflite::RuntimeShape shape({256});
  int8_t output[256] = {};
  tflite::reference_integer_ops::Tanh(in_zp, args.radius, args.multiplier,
                                      args.left_shift, shape, input, shape,
                                      output);
  int differing = 0;
  for (int i = 0; i < 256; ++i) {
    TF_LITE_MICRO_EXPECT_LE(std::abs(output[i] - kernel[i]), 1);
    differing += output[i] != kernel[i];
    const float x = (input[i] - in_zp) * in_scale;
    const float want = std::fmin(127.0f, 128.0f * std::tanh(x));
    TF_LITE_MICRO_EXPECT_NEAR(want, static_cast<float>(output[i]), 1.0f);
  }
  TF_LITE_MICRO_EXPECT_LT(differing, 32);
}

TF_LITE_MICRO_TEST(IntegerLogisticAndTanhInt16MatchTheKernels) {
  // Q3.12 input (scale 1/4096): TFLM passes multiplier 0, shift 0.
  int dims[] = {1, 64};
  int16_t input[64];
  for (int i = 0; i < 64; ++i) {
    input[i] = static_cast<int16_t>(-32768 + i * 1040);
  }
  const tflite::RuntimeShape shape({64});
  int16_t kernel[64] = {};
  int16_t output[64] = {};
  {
    TfLiteTensor tensors[] = {
        CreateQuantizedTensor(input, IntArrayFromInts(dims), 1.0f / 4096, 0),
        CreateQuantizedTensor(kernel, IntArrayFromInts(dims), 1.0f / 32768, 0),
    };
    TF_LITE_MICRO_EXPECT_EQ(
        kTfLiteOk, RunKernel(tflite::Register_LOGISTIC(), tensors, 1, nullptr));
    tflite::reference_integer_ops::Logistic(0, 0, 64, input, output);
    for (int i = 0; i < 64; ++i) TF_LITE_MICRO_EXPECT_EQ(kernel[i], output[i]);
  }
  {
    TfLiteTensor tensors[] = {
        CreateQuantizedTensor(input, IntArrayFromInts(dims), 1.0f / 4096, 0),
        CreateQuantizedTensor(kernel, IntArrayFromInts(dims), 1.0f / 32768, 0),
    };
    TF_LITE_MICRO_EXPECT_EQ(
        kTfLiteOk, RunKernel(tflite::Register_TANH(), tensors, 1, nullptr));
    tflite::reference_integer_ops::Tanh(0, 0, shape, input, shape, output);
    for (int i = 0; i < 64; ++i) TF_LITE_MICRO_EXPECT_EQ(kernel[i], output[i]);
  }
}

TF_LITE_MICRO_TEST(FloatLogisticAndTanhMatchTheKernels) {
  int dims[] = {1, 9};
  const float input[] = {-20.f, -4.f, -1.f, -0.25f, 0.f, 0.3f, 1.f, 5.f, 30.f};
  const tflite::RuntimeShape shape({9});
  float kernel[9] = {};
  float output[9] = {};
  TfLiteTensor tensors[] = {
      CreateTensor(input, IntArrayFromInts(dims)),
      CreateTensor(kernel, IntArrayFromInts(dims)),
  };
  TF_LITE_MICRO_EXPECT_EQ(
      kTfLiteOk, RunKernel(tflite::Register_LOGISTIC(), tensors, 1, nullptr));
  tflite::reference_ops::Logistic(shape, input, shape, output);
  for (int i = 0; i < 9; ++i) {
    TF_LITE_MICRO_EXPECT_NEAR(kernel[i], output[i], 0.0f);
  }
  TF_LITE_MICRO_EXPECT_EQ(
      kTfLiteOk, RunKernel(tflite::Register_TANH(), tensors, 1, nullptr));
  tflite::reference_ops::Tanh(shape, input, shape, output);
  for (int i = 0; i < 9; ++i) {
    TF_LITE_MICRO_EXPECT_NEAR(kernel[i], output[i], 0.0f);
  }
}

TF_LITE_MICRO_TEST(IntegerMeanMatchesTheMeanKernel) {
  // [2, 3, 2, 2] int8 over height and width.
  int in_dims[] = {4, 2, 3, 2, 2};
  int axis_dims[] = {1, 2};
  int out_dims[] = {4, 2, 1, 1, 2};
  int8_t input[24];
  for (int i = 0; i < 24; ++i) {
    input[i] = static_cast<int8_t>((i * 37) % 256 - 128);
  }
  const int32_t axis[] = {1, 2};
  const float in_scale = 0.5f, out_scale = 0.3f;
  const int in_zp = 4, out_zp = -6;
  int8_t expected[4] = {};
  TfLiteTensor tensors[] = {
      CreateQuantizedTensor(input, IntArrayFromInts(in_dims), in_scale, in_zp),
      CreateTensor(axis, IntArrayFromInts(axis_dims)),
      CreateQuantizedTensor(expected, IntArrayFromInts(out_dims), out_scale,
                            out_zp),
  };
  TfLiteReducerParams reducer = {};
  reducer.keep_dims = true;
  TF_LITE_MICRO_EXPECT_EQ(
      kTfLiteOk, RunKernel(tflite::Register_MEAN(), tensors, 2, &reducer));

  tflite::MeanParams op_params = {};
  op_params.axis_count = 2;
  op_params.axis[0] = 1;
  op_params.axis[1] = 2;
  int32_t multiplier;
  int shift;
  tflite::QuantizeMultiplier(static_cast<double>(in_scale) / out_scale,
                             &multiplier, &shift);
  int8_t output[4] = {};
  tflite::reference_integer_ops::Mean(
      op_params, multiplier, shift, tflite::RuntimeShape({2, 3, 2, 2}), input,
      in_zp, tflite::RuntimeShape({2, 1, 1, 2}), output, out_zp);
  for (int i = 0; i < 4; ++i) TF_LITE_MICRO_EXPECT_EQ(expected[i], output[i]);
}

TF_LITE_MICRO_TEST(ActivationValFloat) {
  using tflite::ops::micro::ActivationValFloat;
  TF_LITE_MICRO_EXPECT_NEAR(-2.5f, ActivationValFloat(kTfLiteActNone, -2.5f),
                            0.0f);
  TF_LITE_MICRO_EXPECT_NEAR(0.0f, ActivationValFloat(kTfLiteActRelu, -2.5f),
                            0.0f);
  TF_LITE_MICRO_EXPECT_NEAR(
      -1.0f, ActivationValFloat(kTfLiteActReluN1To1, -2.5f), 0.0f);
  TF_LITE_MICRO_EXPECT_NEAR(6.0f, ActivationValFloat(kTfLiteActRelu6, 7.0f),
                            0.0f);
  TF_LITE_MICRO_EXPECT_NEAR(std::tanh(0.5f),
                            ActivationValFloat(kTfLiteActTanh, 0.5f), 1e-7f);
  TF_LITE_MICRO_EXPECT_NEAR(0.5f, ActivationValFloat(kTfLiteActSigmoid, 0.0f),
                            1e-7f);
  TF_LITE_MICRO_EXPECT_NEAR(1.0f, ActivationValFloat(kTfLiteActSignBit, -0.0f),
                            0.0f);
  TF_LITE_MICRO_EXPECT_NEAR(0.0f, ActivationValFloat(kTfLiteActSignBit, 3.0f),
                            0.0f);
}

TF_LITE_MICRO_TEST(LstmInternalElementwiseStages) {
  namespace li = tflite::lstm_internal;
  const tflite::RuntimeShape shape({2, 4});
  // Sigmoid of Q3.12 equals the int16 LOGISTIC arithmetic.
  int16_t gate[8] = {-32768, -8192, -4096, -1, 0, 4096, 8192, 32767};
  int16_t reference[8];
  tflite::reference_ops::LogisticInt16(0, 0, gate, 8, reference);
  li::Sigmoid(shape, gate);
  for (int i = 0; i < 8; ++i) TF_LITE_MICRO_EXPECT_EQ(reference[i], gate[i]);
  // Tanh of a cell state at scale 2^-12 (Q3.12) equals TANH's at Q3.12; at
  // 2^-11 (Q4.11) it is close to the float tanh.
  int16_t cell[8] = {-32768, -8192, -4096, -1, 0, 4096, 8192, 32767};
  int16_t tanh_out[8];
  li::Tanh(-12, shape, cell, shape, tanh_out);
  tflite::reference_ops::TanhInt16(0, 0, cell, 8, reference);
  for (int i = 0; i < 8; ++i)
    TF_LITE_MICRO_EXPECT_EQ(reference[i], tanh_out[i]);
  li::Tanh(-11, shape, cell, shape, tanh_out);
  for (int i = 0; i < 8; ++i) {
    TF_LITE_MICRO_EXPECT_NEAR(std::tanh(cell[i] / 2048.0f),
                              tanh_out[i] / 32768.0f, 2e-3f);
  }
  float fcell[8] = {-3.f, -1.f, -0.5f, 0.f, 0.25f, 1.f, 2.f, 9.f};
  float ftanh[8];
  li::Tanh(0, shape, fcell, shape, ftanh);
  for (int i = 0; i < 8; ++i) {
    TF_LITE_MICRO_EXPECT_NEAR(std::tanh(fcell[i]), ftanh[i], 0.0f);
  }
  // Saturating add and clipping.
  const int16_t a[2] = {30000, -30000};
  const int16_t b[2] = {10000, -10000};
  int16_t sum[2];
  li::AddElementWise(a, b, 1, 2, sum);
  TF_LITE_MICRO_EXPECT_EQ(32767, sum[0]);
  TF_LITE_MICRO_EXPECT_EQ(-32768, sum[1]);
  tflite::CellStateInfo info = {};
  info.cell_clip = 1.5f;
  info.quantized_cell_clip = 1000;
  li::Clipping(2, info, sum);
  TF_LITE_MICRO_EXPECT_EQ(1000, sum[0]);
  TF_LITE_MICRO_EXPECT_EQ(-1000, sum[1]);
  li::Clipping(8, info, fcell);
  TF_LITE_MICRO_EXPECT_NEAR(-1.5f, fcell[0], 0.0f);
  TF_LITE_MICRO_EXPECT_NEAR(0.25f, fcell[4], 0.0f);
  TF_LITE_MICRO_EXPECT_NEAR(1.5f, fcell[7], 0.0f);
}

TF_LITE_MICRO_TEST(LstmStepManagerOffsets) {
  // Batch major: [B=2, T=3, I=4] input, states [2, 5].
  const tflite::LstmSizeInfo batch_major = {false, 2, 3, 4, 5};
  tflite::lstm_internal::LstmStepManager steps(&batch_major);
  TF_LITE_MICRO_EXPECT_EQ(1, steps.InputShape().Dims(0));
  TF_LITE_MICRO_EXPECT_EQ(4, steps.InputShape().Dims(1));
  TF_LITE_MICRO_EXPECT_EQ(5, steps.StateShape().Dims(1));
  for (int t = 0; t < 3; ++t) steps.UpdateTime();
  TF_LITE_MICRO_EXPECT_EQ(12, steps.InputOffset());
  TF_LITE_MICRO_EXPECT_EQ(15, steps.OutputOffset());
  steps.UpdateBatch();
  steps.ResetTime();
  TF_LITE_MICRO_EXPECT_EQ(5, steps.HiddenStateOffset());
  TF_LITE_MICRO_EXPECT_EQ(5, steps.CellStateOffset());
  // Time major: [T=3, B=2, I=4]; a step covers both batches.
  const tflite::LstmSizeInfo time_major = {true, 2, 3, 4, 5};
  tflite::lstm_internal::LstmStepManager all(&time_major);
  TF_LITE_MICRO_EXPECT_EQ(2, all.StateShape().Dims(0));
  all.UpdateTime();
  TF_LITE_MICRO_EXPECT_EQ(8, all.InputOffset());
  TF_LITE_MICRO_EXPECT_EQ(10, all.OutputOffset());
  all.UpdateBatch();
  TF_LITE_MICRO_EXPECT_EQ(0, all.HiddenStateOffset());
}

TF_LITE_MICRO_TEST(ForwardingHeadersUnderTflmPaths) {
  // micro/kernels/padding.h: SAME padding of a 5-wide input, 3-wide filter.
  int out_height = 0, out_width = 0;
  const TfLitePaddingValues padding = tflite::ComputePaddingHeightWidth(
      /*stride_height=*/1, /*stride_width=*/1, /*dilation_rate_height=*/1,
      /*dilation_rate_width=*/1, /*in_height=*/5, /*in_width=*/5,
      /*filter_height=*/3, /*filter_width=*/3, kTfLitePaddingSame, &out_height,
      &out_width);
  TF_LITE_MICRO_EXPECT_EQ(5, out_height);
  TF_LITE_MICRO_EXPECT_EQ(1, padding.width);
  // micro/kernels/internal/reference/space_to_depth.h.
  tflite::SpaceToDepthParams params;
  params.block_size = 2;
  const int8_t input[] = {1, 2, 3, 4};
  int8_t output[4] = {};
  tflite::reference_ops::SpaceToDepth(
      params, tflite::RuntimeShape({1, 2, 2, 1}), input,
      tflite::RuntimeShape({1, 1, 1, 4}), output);
  for (int i = 0; i < 4; ++i) TF_LITE_MICRO_EXPECT_EQ(input[i], output[i]);
  // micro/kernels/internal/cppmath.h: TfLiteRound.
  TF_LITE_MICRO_EXPECT_EQ(3, static_cast<int>(tflite::TfLiteRound(2.5f)));
  // micro_error_reporter.h brings MicroPrintf.
  MicroPrintf("forwarding headers compile");
}

TF_LITE_MICRO_TESTS_END
