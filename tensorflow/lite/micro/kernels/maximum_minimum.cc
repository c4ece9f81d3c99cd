// MAXIMUM and MINIMUM with numpy-style broadcasting: float32, int8, int16,
// int32 and int64. Quantized values are compared as stored (TFLite does not
// rescale them), so the output reuses the inputs' encoding.
#include "tensorflow/lite/kernels/internal/reference/maximum_minimum.h"

#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/micro/kernels/elementwise_util.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace {

constexpr TfLiteType kTypes[] = {kTfLiteFloat32, kTfLiteInt8, kTfLiteInt16,
                                 kTfLiteInt32, kTfLiteInt64};

enum class Kind { kMaximum, kMinimum };

template <Kind kind>
const char* OpName() {
  return kind == Kind::kMaximum ? "MAXIMUM" : "MINIMUM";
}

template <Kind kind>
TfLiteStatus Prepare(TfLiteContext* context, TfLiteNode* node) {
  return micro::PrepareSimpleBinary(context, node, OpName<kind>(), kTypes,
                                    kTfLiteNoType);
}

template <Kind kind, typename T>
void EvalTyped(const TfLiteEvalTensor* input1, const TfLiteEvalTensor* input2,
               TfLiteEvalTensor* output) {
  micro::EvalBinary<T>(kind == Kind::kMaximum ? reference_ops::Maximum<T>
                                              : reference_ops::Minimum<T>,
                       input1, input2, output);
}

template <Kind kind>
TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  const TfLiteEvalTensor* input1 = micro::GetEvalInput(context, node, 0);
  const TfLiteEvalTensor* input2 = micro::GetEvalInput(context, node, 1);
  TfLiteEvalTensor* output = micro::GetEvalOutput(context, node, 0);
  switch (input1->type) {
    case kTfLiteFloat32:
      EvalTyped<kind, float>(input1, input2, output);
      return kTfLiteOk;
    case kTfLiteInt8:
      EvalTyped<kind, int8_t>(input1, input2, output);
      return kTfLiteOk;
    case kTfLiteInt16:
      EvalTyped<kind, int16_t>(input1, input2, output);
      return kTfLiteOk;
    case kTfLiteInt32:
      EvalTyped<kind, int32_t>(input1, input2, output);
      return kTfLiteOk;
    case kTfLiteInt64:
      EvalTyped<kind, int64_t>(input1, input2, output);
      return kTfLiteOk;
    default:
      MicroPrintf("%s: type %s is not supported", OpName<kind>(),
                  TfLiteTypeGetName(input1->type));
      return kTfLiteError;
  }
}

}  // namespace

TfLiteRegistration Register_MAXIMUM() {
  return micro::RegisterOp(nullptr, Prepare<Kind::kMaximum>,
                           Eval<Kind::kMaximum>);
}

TfLiteRegistration Register_MINIMUM() {
  return micro::RegisterOp(nullptr, Prepare<Kind::kMinimum>,
                           Eval<Kind::kMinimum>);
}

}  // namespace tflite
