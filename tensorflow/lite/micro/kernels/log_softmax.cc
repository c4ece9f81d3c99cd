// LOG_SOFTMAX over the last dimension (beta 1): float32, and int8 with output
// scale 16/256 and zero point 127 as TFLite requires.
#include <cstdint>

#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/kernels/internal/quantization_util.h"
#include "tensorflow/lite/kernels/internal/reference/log_softmax.h"
#include "tensorflow/lite/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/unary_op_util.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace {

constexpr char kName[] = "LOG_SOFTMAX";

void* Init(TfLiteContext* context, const char*, size_t) {
  return micro::AllocateOpData<LogSoftmaxQuantParams>(context);
}

TfLiteStatus Prepare(TfLiteContext* context, TfLiteNode* node) {
  TF_LITE_ENSURE(context, node->user_data != nullptr);
  auto* params = static_cast<LogSoftmaxQuantParams*>(node->user_data);
  micro::ScopedTempTensors temps(context);
  TfLiteTensor* input;
  TfLiteTensor* output;
  TF_LITE_ENSURE_STATUS(
      micro::PrepareUnary(context, node, kName, &temps, &input, &output));
  if (NumDimensions(input) < 1) {
    MicroPrintf("%s: the input needs at least one dimension", kName);
    return kTfLiteError;
  }
  if (input->type == kTfLiteFloat32) return kTfLiteOk;
  if (input->type != kTfLiteInt8) return micro::UnsupportedType(input, kName);

  micro::QuantParams in;
  micro::QuantParams out;
  TF_LITE_ENSURE_STATUS(micro::GetUnaryQuantization(
      kName, input, output, /*symmetric=*/false, &in, &out));
  TF_LITE_ENSURE_STATUS(micro::CheckFixedOutputQuantization(
      kName, out, 16.0 / 256, "16/256", 127));
  const float input_scale = in.scale;
  constexpr int kScaledDiffIntegerBits = 5;
  int reverse_left_shift;
  PreprocessLogSoftmaxScalingExp(
      /*beta=*/1.0, static_cast<double>(input_scale), kScaledDiffIntegerBits,
      &params->input_multiplier, &params->input_left_shift,
      &params->reverse_multiplier, &reverse_left_shift);
  params->reverse_left_shift = reverse_left_shift;
  if (params->input_left_shift < 1 || params->input_left_shift > 31) {
    MicroPrintf("%s: input scale %g is out of the supported range", kName,
                static_cast<double>(input_scale));
    return kTfLiteError;
  }
  params->diff_min = -CalculateInputRadius(kScaledDiffIntegerBits,
                                           params->input_left_shift);
  return kTfLiteOk;
}

TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  const auto& params =
      *static_cast<const LogSoftmaxQuantParams*>(node->user_data);
  const TfLiteEvalTensor* input = micro::GetEvalInput(context, node, 0);
  TfLiteEvalTensor* output = micro::GetEvalOutput(context, node, 0);
  int outer;
  int depth;
  micro::LastDimRows(input, output, &outer, &depth);
  switch (input->type) {
    case kTfLiteFloat32:
      reference_ops::LogSoftmax(micro::GetTensorData<float>(input), outer,
                                depth, micro::GetTensorData<float>(output));
      return kTfLiteOk;
    case kTfLiteInt8:
      reference_integer_ops::LogSoftmax(
          params, outer, depth, micro::GetTensorData<int8_t>(input),
          micro::GetTensorData<int8_t>(output));
      return kTfLiteOk;
    default:
      return micro::UnsupportedType(input, kName);
  }
}

}  // namespace

TfLiteRegistration Register_LOG_SOFTMAX() {
  return micro::RegisterOp(Init, Prepare, Eval);
}

}  // namespace tflite
