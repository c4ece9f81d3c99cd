// Builtin kernels and TFLM's kernel-author headers, used as a kernel or a
// kernel test written for TFLM uses them (TFLM's include paths and names).
#include <cstdint>
#include <vector>

#include "flatbuffers/flexbuffers.h"
#include "tensorflow/lite/c/builtin_op_data.h"
#include "tensorflow/lite/c/c_api_types.h"
#include "tensorflow/lite/c/common.h"
#include "tensorflow/lite/kernels/internal/portable_tensor_utils.h"
#include "tensorflow/lite/kernels/internal/reference/add.h"
#include "tensorflow/lite/kernels/internal/reference/binary_function.h"
#include "tensorflow/lite/kernels/internal/reference/depthwiseconv_float.h"
#include "tensorflow/lite/kernels/internal/reference/integer_ops/conv.h"
#include "tensorflow/lite/kernels/internal/reference/integer_ops/depthwise_conv.h"
#include "tensorflow/lite/kernels/internal/reference/integer_ops/fully_connected.h"
#include "tensorflow/lite/kernels/internal/reference/integer_ops/l2normalization.h"
#include "tensorflow/lite/kernels/internal/reference/integer_ops/mul.h"
#include "tensorflow/lite/kernels/internal/reference/integer_ops/pooling.h"
#include "tensorflow/lite/kernels/internal/reference/integer_ops/transpose_conv.h"
#include "tensorflow/lite/kernels/internal/reference/process_broadcast_shapes.h"
#include "tensorflow/lite/micro/builtin_op_data.h"
#include "tensorflow/lite/micro/flatbuffer_utils.h"
#include "tensorflow/lite/micro/kernels/add.h"
#include "tensorflow/lite/micro/kernels/fully_connected.h"
#include "tensorflow/lite/micro/kernels/internal/common.h"
#include "tensorflow/lite/micro/kernels/internal/quantization_util.h"
#include "tensorflow/lite/micro/kernels/internal/reference/pooling.h"
#include "tensorflow/lite/micro/kernels/internal/tensor_ctypes.h"
#include "tensorflow/lite/micro/kernels/op_macros.h"
#include "tensorflow/lite/micro/kernels/kernel_runner.h"
#include "tensorflow/lite/micro/memory_helpers.h"
#include "tensorflow/lite/micro/micro_arena_constants.h"
#include "tensorflow/lite/micro/micro_profiler.h"
#include "tensorflow/lite/micro/micro_utils.h"
#include "tensorflow/lite/micro/test_helpers.h"
#include "tensorflow/lite/micro/testing/micro_test.h"
#include "tensorflow/lite/portable_type_to_tflitetype.h"

namespace {

float Sum(float a, float b) { return a + b; }

}  // namespace

TF_LITE_MICRO_TESTS_BEGIN

TF_LITE_MICRO_TEST(FullyConnectedInt8ThroughTheInt8Variant) {
  int input_dims[] = {2, 1, 4};
  int weights_dims[] = {2, 2, 4};
  int bias_dims[] = {1, 2};
  int output_dims[] = {2, 1, 2};
  const float input_values[] = {1.f, 2.f, 3.f, 4.f};
  const float weights_values[] = {1.f, 0.f, -1.f, 0.5f, 0.25f, 0.5f, 0.75f, 1.f};
  const float bias_values[] = {0.5f, -1.f};
  int8_t input[4];
  int8_t weights[8];
  int32_t bias[2];
  int8_t output[2] = {};
  TfLiteTensor tensors[] = {
      tflite::testing::CreateQuantizedTensor(
          input_values, input,
          tflite::testing::IntArrayFromInts(input_dims), 0.5f, 0),
      tflite::testing::CreateQuantizedTensor(
          weights_values, weights,
          tflite::testing::IntArrayFromInts(weights_dims), 0.25f, 0),
      tflite::testing::CreateQuantizedBiasTensor(
          bias_values, bias, tflite::testing::IntArrayFromInts(bias_dims),
          0.5f, 0.25f),
      tflite::testing::CreateQuantizedTensor(
          output, tflite::testing::IntArrayFromInts(output_dims), 0.5f, -1),
  };
  int inputs_array[] = {3, 0, 1, 2};
  int outputs_array[] = {1, 3};
  TfLiteFullyConnectedParams params = {};
  params.activation = kTfLiteActNone;
  tflite::micro::KernelRunner runner(
      tflite::Register_FULLY_CONNECTED_INT8(), tensors, 4,
      tflite::testing::IntArrayFromInts(inputs_array),
      tflite::testing::IntArrayFromInts(outputs_array), &params);
  TF_LITE_MICRO_EXPECT_EQ(kTfLiteOk, runner.InitAndPrepare());
  TF_LITE_MICRO_EXPECT_EQ(kTfLiteOk, runner.Invoke());
  // 0.5 and 6.5 at scale 0.5, zero point -1.
  TF_LITE_MICRO_EXPECT_EQ(0, output[0]);
  TF_LITE_MICRO_EXPECT_EQ(12, output[1]);
  // Invoking again reads the (changed) input data.
  input[0] = 4;
  TF_LITE_MICRO_EXPECT_EQ(kTfLiteOk, runner.Invoke());
  // 1.5 and 6.75: 6.75 / 0.5 = 13.5 rounds away from zero, minus 1.
  TF_LITE_MICRO_EXPECT_EQ(2, output[0]);
  TF_LITE_MICRO_EXPECT_EQ(13, output[1]);
}

TF_LITE_MICRO_TEST(AddFloatBroadcasts) {
  int a_dims[] = {2, 2, 2};
  int b_dims[] = {1, 2};
  const float a[] = {1.f, 2.f, 3.f, 4.f};
  const float b[] = {10.f, 20.f};
  float output[4] = {};
  TfLiteTensor tensors[] = {
      tflite::testing::CreateTensor(a, tflite::testing::IntArrayFromInts(a_dims)),
      tflite::testing::CreateTensor(b, tflite::testing::IntArrayFromInts(b_dims)),
      tflite::testing::CreateTensor(output,
                                    tflite::testing::IntArrayFromInts(a_dims)),
  };
  int inputs_array[] = {2, 0, 1};
  int outputs_array[] = {1, 2};
  TfLiteAddParams params = {};
  params.activation = kTfLiteActRelu6;
  tflite::micro::KernelRunner runner(
      tflite::Register_ADD_INT8(), tensors, 3,
      tflite::testing::IntArrayFromInts(inputs_array),
      tflite::testing::IntArrayFromInts(outputs_array), &params);
  TF_LITE_MICRO_EXPECT_EQ(kTfLiteOk, runner.InitAndPrepare());
  TF_LITE_MICRO_EXPECT_EQ(kTfLiteOk, runner.Invoke());
  for (int i = 0; i < 4; ++i) TF_LITE_MICRO_EXPECT_NEAR(6.f, output[i], 0.f);
  TF_LITE_MICRO_EXPECT_EQ(kTfLiteError, runner.Reset());  // ADD has no reset
}

TF_LITE_MICRO_TEST(FlexbufferWrapperReadsValuesInKeyOrder) {
  flexbuffers::Builder fbb;
  fbb.Map([&]() {
    fbb.Int("count", -7);
    fbb.Bool("enabled", true);
    fbb.Double("alpha", 0.25);
    fbb.UInt("big", 1ull << 40);
  });
  fbb.Finish();
  const std::vector<uint8_t> bytes = fbb.GetBuffer();
  const tflite::FlexbufferWrapper options(bytes.data(), bytes.size());
  // alpha, big, count, enabled
  TF_LITE_MICRO_EXPECT_EQ(4u, options.size());
  TF_LITE_MICRO_EXPECT_NEAR(0.25, options.ElementAsDouble(0), 0.0);
  TF_LITE_MICRO_EXPECT_NEAR(0.25f, options.ElementAsFloat(0), 0.f);
  TF_LITE_MICRO_EXPECT_EQ(1ull << 40, options.ElementAsUInt64(1));
  TF_LITE_MICRO_EXPECT_EQ(int64_t{-7}, options.ElementAsInt64(2));
  TF_LITE_MICRO_EXPECT_EQ(int32_t{-7}, options.ElementAsInt32(2));
  TF_LITE_MICRO_EXPECT_TRUE(options.ElementAsBool(3));
}

TF_LITE_MICRO_TEST(QuantizeHelpersRoundAndSaturate) {
  TF_LITE_MICRO_EXPECT_EQ(int8_t{127},
                          tflite::FloatToQuantizedType<int8_t>(100.f, 0.5f, 0));
  TF_LITE_MICRO_EXPECT_EQ(int8_t{-127},
                          tflite::FloatToSymmetricQuantizedType<int8_t>(-100.f, 0.5f));
  int dims_data[] = {2, 2, 2};
  TfLiteIntArray* dims = tflite::testing::IntArrayFromInts(dims_data);
  TF_LITE_MICRO_EXPECT_EQ(4, tflite::ElementCount(*dims));
  const float values[] = {1.f, -2.f, 0.5f, 0.25f};
  int8_t quantized[4];
  float scales[2];
  tflite::SignedSymmetricPerChannelQuantize(values, dims, 0, quantized, scales);
  TF_LITE_MICRO_EXPECT_NEAR(2.f / 127.f, scales[0], 1e-7f);
  TF_LITE_MICRO_EXPECT_NEAR(0.5f / 127.f, scales[1], 1e-7f);
  TF_LITE_MICRO_EXPECT_EQ(int8_t{-127}, quantized[1]);
  TF_LITE_MICRO_EXPECT_EQ(int8_t{127}, quantized[2]);
  float back[4];
  tflite::Dequantize(quantized, 4, 0.5f, 1, back);
  TF_LITE_MICRO_EXPECT_NEAR(-64.f, back[1], 0.f);
}

TF_LITE_MICRO_TEST(BroadcastHelpers) {
  const int32_t a_dims[] = {2, 1, 3};
  const int32_t b_dims[] = {3};
  tflite::ArithmeticParams params = {};
  TF_LITE_MICRO_EXPECT_TRUE(tflite::reference_ops::ProcessBroadcastShapes(
      tflite::RuntimeShape(3, a_dims), tflite::RuntimeShape(1, b_dims),
      &params));
  TF_LITE_MICRO_EXPECT_FALSE(tflite::reference_ops::ProcessBroadcastShapes(
      tflite::RuntimeShape(3, a_dims), tflite::RuntimeShape(3, a_dims),
      &params));
  TF_LITE_MICRO_EXPECT(params.broadcast_category ==
                       tflite::BroadcastableOpCategory::kNonBroadcast);
  const float a[] = {1.f, 2.f, 3.f, 4.f, 5.f, 6.f};
  const float b[] = {10.f, 20.f, 30.f};
  float out[6];
  tflite::reference_ops::BroadcastBinaryFunction4DSlow(
      tflite::RuntimeShape(3, a_dims), a, tflite::RuntimeShape(1, b_dims), b,
      tflite::RuntimeShape(3, a_dims), out, Sum);
  TF_LITE_MICRO_EXPECT_NEAR(36.f, out[5], 0.f);
  params.float_activation_min = 0.f;
  params.float_activation_max = 30.f;
  tflite::reference_ops::BroadcastAdd4DSlow(
      params, tflite::RuntimeShape(3, a_dims), a,
      tflite::RuntimeShape(1, b_dims), b, tflite::RuntimeShape(3, a_dims), out);
  TF_LITE_MICRO_EXPECT_NEAR(30.f, out[5], 0.f);
  TF_LITE_MICRO_EXPECT_NEAR(11.f, out[0], 0.f);

  // int8 multiply with broadcasting, through TFLite's integer_ops entry point.
  tflite::ArithmeticParams mul = {};
  mul.output_multiplier = 1 << 30;  // 0.5
  mul.output_shift = 0;
  mul.quantized_activation_min = -128;
  mul.quantized_activation_max = 127;
  const int8_t x[] = {2, 4, 6, 8, 10, 12};
  const int8_t y[] = {1, 2, 3};
  int8_t product[6];
  tflite::reference_integer_ops::BroadcastMul6DSlow(
      mul, tflite::RuntimeShape(3, a_dims), x, tflite::RuntimeShape(1, b_dims),
      y, tflite::RuntimeShape(3, a_dims), product);
  TF_LITE_MICRO_EXPECT_EQ(int8_t{18}, product[5]);
}

TF_LITE_MICRO_TEST(TensorUtilsAndMemoryHelpers) {
  const int8_t values[] = {-8, 7, 3, -1, 5};
  int8_t packed[3];
  int8_t unpacked[5];
  tflite::tensor_utils::PackInt8IntoDenseInt4(values, 5, packed);
  tflite::tensor_utils::UnpackDenseInt4IntoInt8(packed, 5, unpacked);
  for (int i = 0; i < 5; ++i) TF_LITE_MICRO_EXPECT_EQ(values[i], unpacked[i]);
  TF_LITE_MICRO_EXPECT_FALSE(tflite::tensor_utils::IsZeroVector(values, 5));

  TF_LITE_MICRO_EXPECT_EQ(16, tflite::MicroArenaBufferAlignment());
  TF_LITE_MICRO_EXPECT_EQ(size_t{32}, tflite::AlignSizeUp(17, 16));
  TF_LITE_MICRO_EXPECT_EQ(size_t{12}, tflite::AlignSizeUp<int32_t>(3));
  size_t size = 0;
  TF_LITE_MICRO_EXPECT_EQ(kTfLiteOk, tflite::TfLiteTypeSizeOf(kTfLiteInt16, &size));
  TF_LITE_MICRO_EXPECT_EQ(size_t{2}, size);
  TF_LITE_MICRO_EXPECT(tflite::typeToTfLiteType<int8_t>() == kTfLiteInt8);
  TF_LITE_MICRO_EXPECT(tflite::typeToTfLiteType<char*>() == kTfLiteNoType);
  static_assert(std::is_same<tflite::TfLiteTypeToType<kTfLiteFloat32>::Type,
                             float>::value,
                "float32 maps to float");
}

TF_LITE_MICRO_TEST(ScopedMicroProfilerRecordsOneEventPerScope) {
  tflite::MicroProfiler profiler;
  {
    tflite::ScopedMicroProfiler scope("MyKernel", &profiler);
  }
  { tflite::ScopedMicroProfiler no_profiler("Nothing", nullptr); }
  TF_LITE_MICRO_EXPECT_EQ(1, profiler.num_events());
  TF_LITE_MICRO_EXPECT_STRING_EQ("MyKernel", profiler.event_tag(0));
}

TF_LITE_MICRO_TESTS_END
