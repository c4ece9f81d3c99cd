// SQUARED_DIFFERENCE with numpy-style broadcasting: float32, int32 and
// quantized int8 and int16 (TFLite's int8 arithmetic: inputs widened by 2^7
// and brought to a common scale, the squared difference rescaled to the
// output; TFLM's int16, the same without the widening and with zero zero
// points).
#include "tensorflow/lite/kernels/internal/reference/squared_difference.h"

#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/kernels/internal/quantization_util.h"
#include "tensorflow/lite/micro/kernels/elementwise_util.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace {

constexpr char kOp[] = "SQUARED_DIFFERENCE";
constexpr TfLiteType kTypes[] = {kTfLiteFloat32, kTfLiteInt32, kTfLiteInt8,
                                 kTfLiteInt16};

void* Init(TfLiteContext* context, const char*, size_t) {
  return context->AllocatePersistentBuffer(context, sizeof(ArithmeticParams));
}

TfLiteStatus Prepare(TfLiteContext* context, TfLiteNode* node) {
  TF_LITE_ENSURE(context, node->user_data != nullptr);
  auto* params = static_cast<ArithmeticParams*>(node->user_data);
  *params = ArithmeticParams();
  micro::PrepareTensors tensors(context, node);
  TF_LITE_ENSURE_STATUS(micro::PrepareSimpleBinary(context, kOp, kTypes,
                                                   kTfLiteNoType, &tensors));
  const TfLiteTensor* input1 = tensors.input(0);
  const TfLiteTensor* input2 = tensors.input(1);
  const TfLiteTensor* output = tensors.output();
  const bool int16 = input1->type == kTfLiteInt16;
  if (input1->type != kTfLiteInt8 && !int16) return kTfLiteOk;

  TF_LITE_ENSURE_STATUS(
      micro::PrepareQuantizedOffsets(kOp, input1, input2, output, params));
  if (int16) {
    // Nonzero zero points could push the square past int32.
    TF_LITE_ENSURE_STATUS(
        micro::CheckZeroZeroPoints(kOp, input1, input2, output));
  }
  params->left_shift = int16 ? 0 : 7;
  const double twice_max_input_scale =
      micro::SetCommonScaleMultipliers(input1, input2, params);
  const double output_real =
      twice_max_input_scale * twice_max_input_scale /
      (static_cast<double>(1 << (2 * params->left_shift)) *
       static_cast<double>(output->params.scale));
  QuantizeMultiplier(output_real, &params->output_multiplier,
                     &params->output_shift);
  params->quantized_activation_min = int16 ? -32768 : -128;
  params->quantized_activation_max = int16 ? 32767 : 127;
  return kTfLiteOk;
}

TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  const auto& params = *static_cast<const ArithmeticParams*>(node->user_data);
  const TfLiteEvalTensor* input1 = micro::GetEvalInput(context, node, 0);
  const TfLiteEvalTensor* input2 = micro::GetEvalInput(context, node, 1);
  TfLiteEvalTensor* output = micro::GetEvalOutput(context, node, 0);
  switch (input1->type) {
    case kTfLiteFloat32:
      micro::EvalBinary<float>(reference_ops::SquaredDifference, input1, input2,
                               output);
      return kTfLiteOk;
    case kTfLiteInt32:
      micro::EvalBinary<int32_t>(reference_ops::SquaredDifference, input1,
                                 input2, output);
      return kTfLiteOk;
    case kTfLiteInt8:
      micro::EvalBinary<int8_t>(
          reference_integer_ops::SquaredDifference<int8_t>, params, input1,
          input2, output);
      return kTfLiteOk;
    case kTfLiteInt16:
      micro::EvalBinary<int16_t>(
          reference_integer_ops::SquaredDifference<int16_t>, params, input1,
          input2, output);
      return kTfLiteOk;
    default:
      MicroPrintf("%s: type %s is not supported", kOp,
                  TfLiteTypeGetName(input1->type));
      return kTfLiteError;
  }
}

}  // namespace

TfLiteRegistration Register_SQUARED_DIFFERENCE() {
  return micro::RegisterOp(Init, Prepare, Eval);
}

}  // namespace tflite
