// HARD_SWISH: x * relu6(x + 3) / 6 for float32 and int8, the latter in the
// 16-bit fixed-point formulation of TFLite's reference kernel.
#include <cstdint>
#include <limits>

#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/kernels/internal/quantization_util.h"
#include "tensorflow/lite/kernels/internal/reference/activations.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/unary_op_util.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace {

constexpr char kName[] = "HARD_SWISH";

void* Init(TfLiteContext* context, const char*, size_t) {
  return micro::AllocateOpData<HardSwishParams>(context);
}

// A Q0.31 multiplier rounded to Q0.15 (saturating at the top).
int16_t ToInt16Multiplier(int32_t multiplier) {
  constexpr int32_t kHalf = 1 << 15;
  if (multiplier >= std::numeric_limits<int32_t>::max() - kHalf) {
    return std::numeric_limits<int16_t>::max();
  }
  return static_cast<int16_t>((multiplier + kHalf) >> 16);
}

TfLiteStatus Prepare(TfLiteContext* context, TfLiteNode* node) {
  TF_LITE_ENSURE(context, node->user_data != nullptr);
  auto* params = static_cast<HardSwishParams*>(node->user_data);
  micro::ScopedTempTensors temps(context);
  TfLiteTensor* input;
  TfLiteTensor* output;
  TF_LITE_ENSURE_STATUS(
      micro::PrepareUnary(context, node, kName, &temps, &input, &output));
  if (input->type == kTfLiteFloat32) return kTfLiteOk;
  if (input->type != kTfLiteInt8) return micro::UnsupportedType(input, kName);

  micro::QuantParams in;
  micro::QuantParams out;
  TF_LITE_ENSURE_STATUS(micro::GetUnaryQuantization(
      kName, input, output, /*symmetric=*/false, &in, &out));
  const float input_scale = in.scale;
  const float output_scale = out.scale;
  params->input_zero_point = static_cast<int16_t>(in.zero_point);
  params->output_zero_point = static_cast<int16_t>(out.zero_point);

  // All ratios in float, as in the reference.
  const float hires_input_scale = (1.0f / 128.0f) * input_scale;
  const float reluish_scale = 3.0f / 32768.0f;
  int32_t multiplier;
  QuantizeMultiplier(static_cast<double>(hires_input_scale / output_scale),
                     &multiplier, &params->output_multiplier_exponent);
  params->output_multiplier_fixedpoint_int16 = ToInt16Multiplier(multiplier);
  if (params->output_multiplier_exponent > 0) {
    MicroPrintf(
        "%s: input scale %g is too large for output scale %g (their ratio "
        "must be at most 128)",
        kName, static_cast<double>(input_scale),
        static_cast<double>(output_scale));
    return kTfLiteError;
  }
  QuantizeMultiplier(static_cast<double>(hires_input_scale / reluish_scale),
                     &multiplier, &params->reluish_multiplier_exponent);
  params->reluish_multiplier_fixedpoint_int16 = ToInt16Multiplier(multiplier);
  return kTfLiteOk;
}

TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  const auto& params = *static_cast<const HardSwishParams*>(node->user_data);
  const TfLiteEvalTensor* input = micro::GetEvalInput(context, node, 0);
  TfLiteEvalTensor* output = micro::GetEvalOutput(context, node, 0);
  const int size = MatchingFlatSize(micro::GetTensorShape(input),
                                    micro::GetTensorShape(output));
  switch (input->type) {
    case kTfLiteFloat32:
      reference_ops::HardSwish(micro::GetTensorData<float>(input), size,
                               micro::GetTensorData<float>(output));
      return kTfLiteOk;
    case kTfLiteInt8:
      reference_ops::HardSwish(params, micro::GetTensorData<int8_t>(input),
                               size, micro::GetTensorData<int8_t>(output));
      return kTfLiteOk;
    default:
      return micro::UnsupportedType(input, kName);
  }
}

}  // namespace

TfLiteRegistration Register_HARD_SWISH() {
  return micro::RegisterOp(Init, Prepare, Eval);
}

}  // namespace tflite
