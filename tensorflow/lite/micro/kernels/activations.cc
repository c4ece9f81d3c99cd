// RELU (float32, int8, int16), RELU6 (float32, int8, int16) and RELU_N1_TO_1
// (float32, int8). Quantized inputs are rescaled to the output scale and
// clamped to the activation's range expressed in output units, as TFLite's
// kernels do.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/kernels/internal/optimized/elementwise.h"
#include "tensorflow/lite/kernels/internal/quantization_util.h"
#include "tensorflow/lite/kernels/internal/reference/activations.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/unary_op_util.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace {

enum class Op { kRelu, kRelu6, kReluN1To1 };

struct OpTraits {
  const char* name;
  float lower;
  float upper;  // infinity for RELU
  bool supports_int16;
};

OpTraits Traits(Op op) {
  switch (op) {
    case Op::kRelu:
      return {"RELU", 0.0f, std::numeric_limits<float>::infinity(), true};
    case Op::kRelu6:
      return {"RELU6", 0.0f, 6.0f, true};
    case Op::kReluN1To1:
      return {"RELU_N1_TO_1", -1.0f, 1.0f, false};
  }
  return {"?", 0.0f, 0.0f, false};
}

void* Init(TfLiteContext* context, const char*, size_t) {
  return micro::AllocateOpData<ReluQuantParams>(context);
}

// zero_point + round(bound / scale), clamped to T (computed without
// overflowing int32 for tiny scales).
template <typename T>
int32_t QuantizeBound(float bound, float scale, int32_t zero_point) {
  constexpr int32_t kMin = std::numeric_limits<T>::min();
  constexpr int32_t kMax = std::numeric_limits<T>::max();
  const float steps = std::round(bound / scale);
  if (steps >= static_cast<float>(kMax - zero_point)) return kMax;
  if (steps <= static_cast<float>(kMin - zero_point)) return kMin;
  return zero_point + static_cast<int32_t>(steps);
}

template <typename T>
void SetBounds(const OpTraits& traits, float output_scale,
               ReluQuantParams* params) {
  params->quantized_activation_min =
      QuantizeBound<T>(traits.lower, output_scale, params->output_offset);
  params->quantized_activation_max =
      std::isinf(traits.upper)
          ? std::numeric_limits<T>::max()
          : QuantizeBound<T>(traits.upper, output_scale,
                             params->output_offset);
}

template <Op kOp>
TfLiteStatus Prepare(TfLiteContext* context, TfLiteNode* node) {
  const OpTraits traits = Traits(kOp);
  TF_LITE_ENSURE(context, node->user_data != nullptr);
  auto* params = static_cast<ReluQuantParams*>(node->user_data);
  micro::ScopedTempTensors temps(context);
  TfLiteTensor* input;
  TfLiteTensor* output;
  TF_LITE_ENSURE_STATUS(
      micro::PrepareUnary(context, node, traits.name, &temps, &input, &output));
  const TfLiteType type = input->type;
  if (type == kTfLiteFloat32) return kTfLiteOk;
  if (type != kTfLiteInt8 && !(type == kTfLiteInt16 && traits.supports_int16)) {
    return micro::UnsupportedType(input, traits.name);
  }
  micro::QuantParams in;
  micro::QuantParams out;
  TF_LITE_ENSURE_STATUS(micro::GetUnaryQuantization(
      traits.name, input, output, /*symmetric=*/type == kTfLiteInt16, &in,
      &out));
  params->input_offset = in.zero_point;
  params->output_offset = out.zero_point;
  // The scale ratio is formed in float, as in the reference.
  QuantizeMultiplier(static_cast<double>(in.scale / out.scale),
                     &params->output_multiplier, &params->output_shift);
  if (type == kTfLiteInt16) {
    SetBounds<int16_t>(traits, out.scale, params);
  } else {
    SetBounds<int8_t>(traits, out.scale, params);
  }
  return kTfLiteOk;
}

template <Op kOp>
TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  const OpTraits traits = Traits(kOp);
  const auto& params = *static_cast<const ReluQuantParams*>(node->user_data);
  const TfLiteEvalTensor* input = micro::GetEvalInput(context, node, 0);
  TfLiteEvalTensor* output = micro::GetEvalOutput(context, node, 0);
  const int size = MatchingFlatSize(micro::GetTensorShape(input),
                                    micro::GetTensorShape(output));
  switch (input->type) {
    case kTfLiteFloat32:
      optimized_ops::ReluX(traits.lower, traits.upper,
                           micro::GetTensorData<float>(input), size,
                           micro::GetTensorData<float>(output));
      return kTfLiteOk;
    case kTfLiteInt8:
      reference_ops::ReluX(params, micro::GetTensorData<int8_t>(input), size,
                           micro::GetTensorData<int8_t>(output));
      return kTfLiteOk;
    case kTfLiteInt16:
      reference_ops::ReluX(params, micro::GetTensorData<int16_t>(input), size,
                           micro::GetTensorData<int16_t>(output));
      return kTfLiteOk;
    default:
      return micro::UnsupportedType(input, traits.name);
  }
}

}  // namespace

TfLiteRegistration Register_RELU() {
  return micro::RegisterOp(Init, Prepare<Op::kRelu>, Eval<Op::kRelu>);
}

TfLiteRegistration Register_RELU6() {
  return micro::RegisterOp(Init, Prepare<Op::kRelu6>, Eval<Op::kRelu6>);
}

TfLiteRegistration Register_RELU_N1_TO_1() {
  return micro::RegisterOp(Init, Prepare<Op::kReluN1To1>,
                           Eval<Op::kReluN1To1>);
}

}  // namespace tflite
