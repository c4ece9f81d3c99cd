// ADD with numpy-style broadcasting: float32, int32, int64, and quantized
// int8 and int16 (general scales, or power-of-two scales when the model asks
// for pot_scale_int16 and every scale is a power of two); int16 without
// quantization parameters adds plain integers, as in TFLite; fused
// activations.
#include "tensorflow/lite/kernels/internal/optimized/add.h"
#include "tensorflow/lite/kernels/internal/reference/add.h"

#include "tensorflow/lite/core/c/builtin_op_data.h"
#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/micro/kernels/add_sub_common.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace {

void* Init(TfLiteContext* context, const char*, size_t) {
  return context->AllocatePersistentBuffer(context, sizeof(AddSubOpData));
}

TfLiteStatus Prepare(TfLiteContext* context, TfLiteNode* node) {
  TF_LITE_ENSURE(context, node->user_data != nullptr);
  const auto* params = static_cast<const TfLiteAddParams*>(node->builtin_data);
  if (params == nullptr) {
    MicroPrintf("ADD: the operator has no options");
    return kTfLiteError;
  }
  return PrepareAddSub(context, node, AddSubKind::kAdd, params->activation,
                       params->pot_scale_int16,
                       static_cast<AddSubOpData*>(node->user_data));
}

template <typename T>
void EvalPlain(const ArithmeticParams& params, const TfLiteEvalTensor* input1,
               const TfLiteEvalTensor* input2, TfLiteEvalTensor* output) {
  reference_ops::Add(params, micro::GetTensorShape(input1),
                     micro::GetTensorData<T>(input1),
                     micro::GetTensorShape(input2),
                     micro::GetTensorData<T>(input2),
                     micro::GetTensorShape(output),
                     micro::GetTensorData<T>(output));
}

template <typename T>
void EvalQuantized(const ArithmeticParams& params,
                   const TfLiteEvalTensor* input1,
                   const TfLiteEvalTensor* input2, TfLiteEvalTensor* output) {
  reference_integer_ops::Add(params, micro::GetTensorShape(input1),
                             micro::GetTensorData<T>(input1),
                             micro::GetTensorShape(input2),
                             micro::GetTensorData<T>(input2),
                             micro::GetTensorShape(output),
                             micro::GetTensorData<T>(output));
}

TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  const auto& data = *static_cast<const AddSubOpData*>(node->user_data);
  const TfLiteEvalTensor* input1 = micro::GetEvalInput(context, node, 0);
  const TfLiteEvalTensor* input2 = micro::GetEvalInput(context, node, 1);
  TfLiteEvalTensor* output = micro::GetEvalOutput(context, node, 0);
  switch (output->type) {
    case kTfLiteFloat32:
      EvalPlain<float>(data.params, input1, input2, output);
      return kTfLiteOk;
    case kTfLiteInt32:
      EvalPlain<int32_t>(data.params, input1, input2, output);
      return kTfLiteOk;
    case kTfLiteInt64:
      EvalPlain<int64_t>(data.params, input1, input2, output);
      return kTfLiteOk;
    case kTfLiteInt8:
      // Same shapes: the optimized element-wise loop (equal results).
      if (micro::HaveSameShapes(input1, input2)) {
        optimized_integer_ops::AddElementwise(
            data.params, micro::ElementCount(*output->dims),
            micro::GetTensorData<int8_t>(input1),
            micro::GetTensorData<int8_t>(input2),
            micro::GetTensorData<int8_t>(output));
        return kTfLiteOk;
      }
      EvalQuantized<int8_t>(data.params, input1, input2, output);
      return kTfLiteOk;
    case kTfLiteInt16:
      if (data.unquantized_int16) {
        reference_ops::AddUnquantizedInt16(
            data.params, micro::GetTensorShape(input1),
            micro::GetTensorData<int16_t>(input1),
            micro::GetTensorShape(input2),
            micro::GetTensorData<int16_t>(input2),
            micro::GetTensorShape(output),
            micro::GetTensorData<int16_t>(output));
      } else if (data.power_of_two_int16) {
        reference_integer_ops::AddPowerOfTwoScaled(
            data.params, micro::GetTensorShape(input1),
            micro::GetTensorData<int16_t>(input1),
            micro::GetTensorShape(input2),
            micro::GetTensorData<int16_t>(input2),
            micro::GetTensorShape(output),
            micro::GetTensorData<int16_t>(output));
      } else {
        EvalQuantized<int16_t>(data.params, input1, input2, output);
      }
      return kTfLiteOk;
    default:
      MicroPrintf("ADD: type %s is not supported",
                  TfLiteTypeGetName(output->type));
      return kTfLiteError;
  }
}

}  // namespace

TfLiteRegistration Register_ADD() {
  return micro::RegisterOp(Init, Prepare, Eval);
}

}  // namespace tflite
