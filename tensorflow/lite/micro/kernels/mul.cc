// MUL with numpy-style broadcasting: float32, int32, int64, and quantized
// int8 and int16 (int16 zero points must be 0, as in TFLite); fused
// activations.
#include "tensorflow/lite/kernels/internal/reference/mul.h"

#include "tensorflow/lite/core/c/builtin_op_data.h"
#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/kernels/internal/quantization_util.h"
#include "tensorflow/lite/micro/kernels/elementwise_util.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace {

constexpr char kOp[] = "MUL";

void* Init(TfLiteContext* context, const char*, size_t) {
  return context->AllocatePersistentBuffer(context, sizeof(ArithmeticParams));
}

TfLiteStatus PrepareQuantized(TfLiteContext* context,
                              TfLiteFusedActivation activation,
                              const TfLiteTensor* input1,
                              const TfLiteTensor* input2,
                              const TfLiteTensor* output,
                              ArithmeticParams* params) {
  TF_LITE_ENSURE_STATUS(
      micro::PrepareQuantizedOffsets(kOp, input1, input2, output, params));
  if (output->type == kTfLiteInt16) {
    TF_LITE_ENSURE_STATUS(
        micro::CheckZeroZeroPoints(kOp, input1, input2, output));
  }
  // The scale ratio is formed in float, as TFLite does.
  const float real_multiplier =
      input1->params.scale * input2->params.scale / output->params.scale;
  QuantizeMultiplier(static_cast<double>(real_multiplier),
                     &params->output_multiplier, &params->output_shift);
  return CalculateActivationRangeQuantized(
      context, activation, output, &params->quantized_activation_min,
      &params->quantized_activation_max);
}

TfLiteStatus Prepare(TfLiteContext* context, TfLiteNode* node) {
  TF_LITE_ENSURE(context, node->user_data != nullptr);
  auto* params = static_cast<ArithmeticParams*>(node->user_data);
  const auto* options =
      static_cast<const TfLiteMulParams*>(node->builtin_data);
  const TfLiteFusedActivation activation =
      options != nullptr ? options->activation : kTfLiteActNone;
  micro::PrepareTensors tensors(context, node);
  TF_LITE_ENSURE_STATUS(micro::PrepareArithmetic(context, kOp, &tensors));
  const TfLiteTensor* output = tensors.output();

  *params = ArithmeticParams();
  switch (output->type) {
    case kTfLiteFloat32:
      micro::SetActivationRange<float>(activation, params);
      return kTfLiteOk;
    case kTfLiteInt32:
      micro::SetActivationRange<int32_t>(activation, params);
      return kTfLiteOk;
    case kTfLiteInt64:
      micro::SetActivationRange<int64_t>(activation, params);
      return kTfLiteOk;
    case kTfLiteInt8:
    case kTfLiteInt16:
      return PrepareQuantized(context, activation, tensors.input(0),
                              tensors.input(1), output, params);
    default:
      MicroPrintf("%s: type %s is not supported", kOp,
                  TfLiteTypeGetName(output->type));
      return kTfLiteError;
  }
}

TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  const auto& params = *static_cast<const ArithmeticParams*>(node->user_data);
  const TfLiteEvalTensor* input1 = micro::GetEvalInput(context, node, 0);
  const TfLiteEvalTensor* input2 = micro::GetEvalInput(context, node, 1);
  TfLiteEvalTensor* output = micro::GetEvalOutput(context, node, 0);
  switch (output->type) {
    case kTfLiteFloat32:
      micro::EvalBinary<float>(reference_ops::Mul, params, input1, input2,
                               output);
      return kTfLiteOk;
    case kTfLiteInt32:
      micro::EvalBinary<int32_t>(reference_ops::Mul, params, input1, input2,
                                 output);
      return kTfLiteOk;
    case kTfLiteInt64:
      micro::EvalBinary<int64_t>(reference_ops::Mul, params, input1, input2,
                                 output);
      return kTfLiteOk;
    case kTfLiteInt8:
      micro::EvalBinary<int8_t>(reference_integer_ops::Mul, params, input1,
                                input2, output);
      return kTfLiteOk;
    case kTfLiteInt16:
      micro::EvalBinary<int16_t>(reference_integer_ops::Mul, params, input1,
                                 input2, output);
      return kTfLiteOk;
    default:
      MicroPrintf("%s: type %s is not supported", kOp,
                  TfLiteTypeGetName(output->type));
      return kTfLiteError;
  }
}

}  // namespace

TfLiteRegistration Register_MUL() {
  return micro::RegisterOp(Init, Prepare, Eval);
}

}  // namespace tflite
