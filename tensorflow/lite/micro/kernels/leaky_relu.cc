// LEAKY_RELU: float32, int8 and int16 (symmetric).
//
// The quantized multipliers are formed as TFLite's reference kernel forms
// them: input_scale * alpha / output_scale and input_scale / output_scale
// evaluated in float, then quantized. (TFLM evaluates the same ratios in
// double, which moves some multipliers by one unit and makes its int16 output
// differ from TFLite's by one on a few elements, e.g. in the seanet
// conformance cases; TFLite's results win.)
#include <cstdint>

#include "tensorflow/lite/core/c/builtin_op_data.h"
#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/kernels/internal/quantization_util.h"
#include "tensorflow/lite/kernels/internal/reference/activations.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/unary_op_util.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace {

constexpr char kName[] = "LEAKY_RELU";

void* Init(TfLiteContext* context, const char*, size_t) {
  return micro::AllocateOpData<LeakyReluParams>(context);
}

TfLiteStatus Prepare(TfLiteContext* context, TfLiteNode* node) {
  TF_LITE_ENSURE(context, node->user_data != nullptr);
  if (node->builtin_data == nullptr) {
    MicroPrintf("%s: missing options (alpha)", kName);
    return kTfLiteError;
  }
  auto* data = static_cast<LeakyReluParams*>(node->user_data);
  const auto* options =
      static_cast<const TfLiteLeakyReluParams*>(node->builtin_data);
  data->alpha = options->alpha;

  micro::ScopedTempTensors temps(context);
  TfLiteTensor* input;
  TfLiteTensor* output;
  TF_LITE_ENSURE_STATUS(
      micro::PrepareUnary(context, node, kName, &temps, &input, &output));
  const TfLiteType type = input->type;
  if (type == kTfLiteFloat32) return kTfLiteOk;
  if (type != kTfLiteInt8 && type != kTfLiteInt16) {
    return micro::UnsupportedType(input, kName);
  }
  micro::QuantParams in;
  micro::QuantParams out;
  TF_LITE_ENSURE_STATUS(micro::GetUnaryQuantization(
      kName, input, output, /*symmetric=*/type == kTfLiteInt16, &in, &out));
  data->input_offset = in.zero_point;
  data->output_offset = out.zero_point;
  const float input_scale = in.scale;
  const float output_scale = out.scale;
  int shift;
  QuantizeMultiplier(
      static_cast<double>(input_scale * options->alpha / output_scale),
      &data->output_multiplier_alpha, &shift);
  data->output_shift_alpha = shift;
  QuantizeMultiplier(static_cast<double>(input_scale / output_scale),
                     &data->output_multiplier_identity, &shift);
  data->output_shift_identity = shift;
  return kTfLiteOk;
}

TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  const auto& data = *static_cast<const LeakyReluParams*>(node->user_data);
  const TfLiteEvalTensor* input = micro::GetEvalInput(context, node, 0);
  TfLiteEvalTensor* output = micro::GetEvalOutput(context, node, 0);
  const int size = MatchingFlatSize(micro::GetTensorShape(input),
                                    micro::GetTensorShape(output));
  switch (input->type) {
    case kTfLiteFloat32:
      reference_ops::LeakyRelu(data.alpha, micro::GetTensorData<float>(input),
                               size, micro::GetTensorData<float>(output));
      return kTfLiteOk;
    case kTfLiteInt8:
      reference_ops::QuantizeLeakyRelu(
          data, micro::GetTensorData<int8_t>(input), size,
          micro::GetTensorData<int8_t>(output));
      return kTfLiteOk;
    case kTfLiteInt16:
      reference_ops::QuantizeLeakyRelu(
          data, micro::GetTensorData<int16_t>(input), size,
          micro::GetTensorData<int16_t>(output));
      return kTfLiteOk;
    default:
      return micro::UnsupportedType(input, kName);
  }
}

}  // namespace

TfLiteRegistration Register_LEAKY_RELU() {
  return micro::RegisterOp(Init, Prepare, Eval);
}

}  // namespace tflite
