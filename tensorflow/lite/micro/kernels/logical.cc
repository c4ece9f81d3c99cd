// LOGICAL_AND and LOGICAL_OR (bool, numpy-style broadcasting) and
// LOGICAL_NOT (bool).
#include "tensorflow/lite/kernels/internal/reference/logical.h"

#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/micro/kernels/elementwise_util.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace {

constexpr TfLiteType kBool[] = {kTfLiteBool};

enum class Kind { kAnd, kOr };

template <Kind kind>
const char* OpName() {
  return kind == Kind::kAnd ? "LOGICAL_AND" : "LOGICAL_OR";
}

template <Kind kind>
TfLiteStatus PrepareBinary(TfLiteContext* context, TfLiteNode* node) {
  return micro::PrepareSimpleBinary(context, node, OpName<kind>(), kBool,
                                    kTfLiteBool);
}

template <Kind kind>
TfLiteStatus EvalBinary(TfLiteContext* context, TfLiteNode* node) {
  micro::EvalBinary<bool>(
      kind == Kind::kAnd ? reference_ops::LogicalAnd : reference_ops::LogicalOr,
      micro::GetEvalInput(context, node, 0),
      micro::GetEvalInput(context, node, 1),
      micro::GetEvalOutput(context, node, 0));
  return kTfLiteOk;
}

TfLiteStatus PrepareNot(TfLiteContext* context, TfLiteNode* node) {
  micro::PrepareTensors tensors(context, node);
  TF_LITE_ENSURE_STATUS(tensors.Fetch("LOGICAL_NOT", 1));
  TF_LITE_ENSURE_STATUS(micro::CheckType("LOGICAL_NOT", "the input",
                                         tensors.input(0), kTfLiteBool));
  TF_LITE_ENSURE_STATUS(micro::CheckType("LOGICAL_NOT", "the output",
                                         tensors.output(), kTfLiteBool));
  return micro::SetOutputShape(context, tensors.output(),
                               tensors.input(0)->dims);
}

TfLiteStatus EvalNot(TfLiteContext* context, TfLiteNode* node) {
  const TfLiteEvalTensor* input = micro::GetEvalInput(context, node, 0);
  TfLiteEvalTensor* output = micro::GetEvalOutput(context, node, 0);
  reference_ops::LogicalNot(micro::ElementCount(*input->dims),
                            micro::GetTensorData<bool>(input),
                            micro::GetTensorData<bool>(output));
  return kTfLiteOk;
}

}  // namespace

TfLiteRegistration Register_LOGICAL_AND() {
  return micro::RegisterOp(nullptr, PrepareBinary<Kind::kAnd>,
                           EvalBinary<Kind::kAnd>);
}

TfLiteRegistration Register_LOGICAL_OR() {
  return micro::RegisterOp(nullptr, PrepareBinary<Kind::kOr>,
                           EvalBinary<Kind::kOr>);
}

TfLiteRegistration Register_LOGICAL_NOT() {
  return micro::RegisterOp(nullptr, PrepareNot, EvalNot);
}

}  // namespace tflite
