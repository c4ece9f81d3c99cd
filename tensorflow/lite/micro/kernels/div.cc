// DIV with numpy-style broadcasting: float32, int32 and quantized int8,
// int16 and uint8; fused activations. A float zero divisor follows IEEE
// (then the activation clamp, as in TFLite); an integer zero divisor (a
// quantized one equal to the zero point) makes Eval fail, as in TFLite.
#include "tensorflow/lite/kernels/internal/reference/div.h"

#include "tensorflow/lite/core/c/builtin_op_data.h"
#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/kernels/internal/quantization_util.h"
#include "tensorflow/lite/micro/kernels/elementwise_util.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace {

constexpr char kOp[] = "DIV";

struct OpData {
  ArithmeticParams params;
  // The divisor's zero point: the quantized value that means 0.
  int32_t divisor_zero;
};

void* Init(TfLiteContext* context, const char*, size_t) {
  return context->AllocatePersistentBuffer(context, sizeof(OpData));
}

TfLiteStatus PrepareQuantized(TfLiteContext* context,
                              TfLiteFusedActivation activation,
                              const TfLiteTensor* input1,
                              const TfLiteTensor* input2,
                              const TfLiteTensor* output, OpData* data) {
  ArithmeticParams& params = data->params;
  TF_LITE_ENSURE_STATUS(
      micro::PrepareQuantizedOffsets(kOp, input1, input2, output, &params));
  data->divisor_zero = input2->params.zero_point;
  // The scale ratio is formed in float, as TFLite does.
  const float real_multiplier =
      input1->params.scale / (input2->params.scale * output->params.scale);
  QuantizeMultiplier(static_cast<double>(real_multiplier),
                     &params.output_multiplier, &params.output_shift);
  return CalculateActivationRangeQuantized(
      context, activation, output, &params.quantized_activation_min,
      &params.quantized_activation_max);
}

TfLiteStatus Prepare(TfLiteContext* context, TfLiteNode* node) {
  TF_LITE_ENSURE(context, node->user_data != nullptr);
  auto* data = static_cast<OpData*>(node->user_data);
  const auto* options =
      static_cast<const TfLiteDivParams*>(node->builtin_data);
  const TfLiteFusedActivation activation =
      options != nullptr ? options->activation : kTfLiteActNone;
  micro::PrepareTensors tensors(context, node);
  TF_LITE_ENSURE_STATUS(micro::PrepareArithmetic(context, kOp, &tensors));
  const TfLiteTensor* output = tensors.output();

  *data = OpData();
  switch (output->type) {
    case kTfLiteFloat32:
      micro::SetActivationRange<float>(activation, &data->params);
      return kTfLiteOk;
    case kTfLiteInt32:
      micro::SetActivationRange<int32_t>(activation, &data->params);
      return kTfLiteOk;
    case kTfLiteInt8:
    case kTfLiteInt16:
    case kTfLiteUInt8:
      return PrepareQuantized(context, activation, tensors.input(0),
                              tensors.input(1), output, data);
    default:
      MicroPrintf("%s: type %s is not supported", kOp,
                  TfLiteTypeGetName(output->type));
      return kTfLiteError;
  }
}

template <typename T>
TfLiteStatus EvalQuantized(const OpData& data, const TfLiteEvalTensor* input1,
                           const TfLiteEvalTensor* input2,
                           TfLiteEvalTensor* output) {
  TF_LITE_ENSURE_STATUS(
      micro::CheckNoZeroDivisor<T>(kOp, input2, data.divisor_zero));
  micro::EvalBinary<T>(reference_integer_ops::Div, data.params, input1,
                       input2, output);
  return kTfLiteOk;
}

TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  const auto& data = *static_cast<const OpData*>(node->user_data);
  const TfLiteEvalTensor* input1 = micro::GetEvalInput(context, node, 0);
  const TfLiteEvalTensor* input2 = micro::GetEvalInput(context, node, 1);
  TfLiteEvalTensor* output = micro::GetEvalOutput(context, node, 0);
  switch (output->type) {
    case kTfLiteFloat32:
      micro::EvalBinary<float>(reference_ops::Div, data.params, input1,
                               input2, output);
      return kTfLiteOk;
    case kTfLiteInt32:
      TF_LITE_ENSURE_STATUS(micro::CheckNoZeroDivisor<int32_t>(kOp, input2));
      micro::EvalBinary<int32_t>(reference_ops::Div, data.params, input1,
                                 input2, output);
      return kTfLiteOk;
    case kTfLiteInt8:
      return EvalQuantized<int8_t>(data, input1, input2, output);
    case kTfLiteInt16:
      return EvalQuantized<int16_t>(data, input1, input2, output);
    case kTfLiteUInt8:
      return EvalQuantized<uint8_t>(data, input1, input2, output);
    default:
      MicroPrintf("%s: type %s is not supported", kOp,
                  TfLiteTypeGetName(output->type));
      return kTfLiteError;
  }
}

}  // namespace

TfLiteRegistration Register_DIV() {
  return micro::RegisterOp(Init, Prepare, Eval);
}

}  // namespace tflite
