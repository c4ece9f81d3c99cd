// Convolution2DTransposeBias: MediaPipe's transposed convolution with bias
// (see mediapipe_ops.h for the tensors and options, and
// mediapipe/src/transpose_conv_bias.h for the arithmetic).
#include <cstdint>
#include <cstring>

#include "mediapipe/micro/kernels/mediapipe_kernel_util.h"
#include "mediapipe/micro/kernels/mediapipe_ops.h"
#include "mediapipe/src/transpose_conv_bias.h"
#include "tensorflow/lite/kernels/internal/tensor_ctypes.h"
#include "tensorflow/lite/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/micro_context.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace mediapipe_ops {
namespace {

constexpr char kOp[] = "Convolution2DTransposeBias";
// TfLitePadding values in the options.
constexpr int32_t kPaddingSame = 1;
constexpr int32_t kPaddingValid = 2;
constexpr size_t kOptionsBytes = 3 * sizeof(int32_t);
// Strides beyond this would make the output size overflow int.
constexpr int32_t kMaxStride = 1 << 16;

struct OpData {
  const uint8_t* options;
  size_t options_length;
  TransposeConvBiasShape shape;
};

void* Init(TfLiteContext* context, const char* buffer, size_t length) {
  return InitOpData<OpData>(context, buffer, length);
}

bool CheckTensor(const TfLiteTensor* tensor, const char* role, int rank) {
  return CheckFloatTensor(kOp, tensor, role, rank);
}

TfLiteStatus Prepare(TfLiteContext* context, TfLiteNode* node) {
  OpData* data = static_cast<OpData*>(node->user_data);
  TF_LITE_ENSURE(context, data != nullptr);
  if (data->options == nullptr || data->options_length < kOptionsBytes) {
    MicroPrintf("%s: custom options must hold TfLiteTransposeConvParams "
                "{padding, stride_width, stride_height} (%u bytes), got %u "
                "bytes",
                kOp, static_cast<unsigned>(kOptionsBytes),
                static_cast<unsigned>(data->options_length));
    return kTfLiteError;
  }
  const int32_t padding = ReadLittleEndianInt32(data->options);
  const int32_t stride_width = ReadLittleEndianInt32(data->options + 4);
  const int32_t stride_height = ReadLittleEndianInt32(data->options + 8);
  if (padding != kPaddingSame && padding != kPaddingValid) {
    MicroPrintf("%s: padding is %d; expected 1 (SAME) or 2 (VALID)", kOp,
                static_cast<int>(padding));
    return kTfLiteError;
  }
  if (stride_width < 1 || stride_height < 1 || stride_width > kMaxStride ||
      stride_height > kMaxStride) {
    MicroPrintf("%s: strides must be in [1, %d], got width %d, height %d",
                kOp, static_cast<int>(kMaxStride),
                static_cast<int>(stride_width),
                static_cast<int>(stride_height));
    return kTfLiteError;
  }
  if (!CheckCounts(kOp, node, 3, 1)) return kTfLiteError;
  TempTensors t(context, node);
  TfLiteTensor* input = t.Input(0);
  TfLiteTensor* weights = t.Input(1);
  TfLiteTensor* bias = t.Input(2);
  TfLiteTensor* output = t.Output(0);
  if (!CheckTensor(input, "input", 4) ||
      !CheckTensor(weights, "weights (OHWI)", 4) ||
      !CheckTensor(bias, "bias", 1)) {
    return kTfLiteError;
  }
  if (output == nullptr || output->type != kTfLiteFloat32) {
    MicroPrintf("%s: output must be FLOAT32", kOp);
    return kTfLiteError;
  }
  const int* in = input->dims->data;
  const int* w = weights->dims->data;
  if (w[3] != in[3]) {
    MicroPrintf("%s: the weights' input depth (dimension 3) is %d, the "
                "input's depth %d",
                kOp, static_cast<int>(w[3]), static_cast<int>(in[3]));
    return kTfLiteError;
  }
  if (bias->dims->data[0] != w[0]) {
    MicroPrintf("%s: bias has %d values, the weights %d output channels", kOp,
                static_cast<int>(bias->dims->data[0]),
                static_cast<int>(w[0]));
    return kTfLiteError;
  }
  TransposeConvBiasShape& s = data->shape;
  s.batches = in[0];
  s.input_height = in[1];
  s.input_width = in[2];
  s.input_depth = in[3];
  s.output_depth = w[0];
  s.filter_height = w[1];
  s.filter_width = w[2];
  s.stride_height = stride_height;
  s.stride_width = stride_width;
  const bool same = padding == kPaddingSame;
  // stride * (input - 1) + filter must fit in an int.
  const int64_t rows = static_cast<int64_t>(stride_height) *
                           (s.input_height - 1) + s.filter_height;
  const int64_t columns = static_cast<int64_t>(stride_width) *
                              (s.input_width - 1) + s.filter_width;
  if (rows > (1 << 24) || columns > (1 << 24)) {
    MicroPrintf("%s: the output would be %lld x %lld; too large", kOp,
                static_cast<long long>(rows), static_cast<long long>(columns));
    return kTfLiteError;
  }
  TransposeConvOutputSize(same, s.input_height, s.filter_height,
                          s.stride_height, &s.output_height, &s.pad_top);
  TransposeConvOutputSize(same, s.input_width, s.filter_width, s.stride_width,
                          &s.output_width, &s.pad_left);
  const int32_t shape[4] = {s.batches, s.output_height, s.output_width,
                            s.output_depth};
  return micro::SetOutputShape(context, output, RuntimeShape(4, shape));
}

TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  const OpData& data = *static_cast<const OpData*>(node->user_data);
  TransposeConvBias(
      data.shape,
      micro::GetTensorData<float>(micro::GetEvalInput(context, node, 0)),
      micro::GetTensorData<float>(micro::GetEvalInput(context, node, 1)),
      micro::GetTensorData<float>(micro::GetEvalInput(context, node, 2)),
      micro::GetTensorData<float>(micro::GetEvalOutput(context, node, 0)));
  return kTfLiteOk;
}

}  // namespace

TfLiteRegistration* Register_CONVOLUTION_2D_TRANSPOSE_BIAS() {
  static TfLiteRegistration registration =
      micro::RegisterOp(Init, Prepare, Eval);
  return &registration;
}

}  // namespace mediapipe_ops
}  // namespace tflite
