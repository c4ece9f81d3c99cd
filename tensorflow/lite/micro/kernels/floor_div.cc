// FLOOR_DIV and FLOOR_MOD with numpy-style broadcasting.
//   FLOOR_DIV: float32, int8, int16, int32; any zero divisor (float too)
//              makes Eval fail, as in TFLite.
//   FLOOR_MOD: float32, int8, int16, int32, int64; an integer zero divisor
//              makes Eval fail, a float one gives NaN, as in TFLite.
// int8/int16 tensors are treated as plain integers even when quantized
// (TFLite ignores their quantization parameters).
#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/kernels/internal/reference/floor_div.h"
#include "tensorflow/lite/kernels/internal/reference/floor_mod.h"
#include "tensorflow/lite/micro/kernels/elementwise_util.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace {

enum class Kind { kFloorDiv, kFloorMod };

constexpr TfLiteType kFloorDivTypes[] = {kTfLiteFloat32, kTfLiteInt8,
                                         kTfLiteInt16, kTfLiteInt32};
constexpr TfLiteType kFloorModTypes[] = {kTfLiteFloat32, kTfLiteInt8,
                                         kTfLiteInt16, kTfLiteInt32,
                                         kTfLiteInt64};

template <Kind kind>
const char* OpName() {
  return kind == Kind::kFloorDiv ? "FLOOR_DIV" : "FLOOR_MOD";
}

template <Kind kind>
TfLiteStatus Prepare(TfLiteContext* context, TfLiteNode* node) {
  if (kind == Kind::kFloorDiv) {
    return micro::PrepareSimpleBinary(context, node, OpName<kind>(),
                                      kFloorDivTypes, kTfLiteNoType);
  }
  return micro::PrepareSimpleBinary(context, node, OpName<kind>(),
                                    kFloorModTypes, kTfLiteNoType);
}

template <Kind kind, typename T>
TfLiteStatus EvalTyped(const TfLiteEvalTensor* input1,
                       const TfLiteEvalTensor* input2,
                       TfLiteEvalTensor* output) {
  // A float FLOOR_MOD by zero gives NaN.
  if (kind == Kind::kFloorDiv || input1->type != kTfLiteFloat32) {
    TF_LITE_ENSURE_STATUS(
        micro::CheckNoZeroDivisor<T>(OpName<kind>(), input2));
  }
  micro::EvalBinary<T>(kind == Kind::kFloorDiv ? reference_ops::FloorDiv<T>
                                               : reference_ops::FloorMod<T>,
                       input1, input2, output);
  return kTfLiteOk;
}

template <Kind kind>
TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  const TfLiteEvalTensor* input1 = micro::GetEvalInput(context, node, 0);
  const TfLiteEvalTensor* input2 = micro::GetEvalInput(context, node, 1);
  TfLiteEvalTensor* output = micro::GetEvalOutput(context, node, 0);
  switch (input1->type) {
    case kTfLiteFloat32:
      return EvalTyped<kind, float>(input1, input2, output);
    case kTfLiteInt8:
      return EvalTyped<kind, int8_t>(input1, input2, output);
    case kTfLiteInt16:
      return EvalTyped<kind, int16_t>(input1, input2, output);
    case kTfLiteInt32:
      return EvalTyped<kind, int32_t>(input1, input2, output);
    case kTfLiteInt64:
      if (kind == Kind::kFloorMod) {
        return EvalTyped<kind, int64_t>(input1, input2, output);
      }
      break;
    default:
      break;
  }
  MicroPrintf("%s: type %s is not supported", OpName<kind>(),
              TfLiteTypeGetName(input1->type));
  return kTfLiteError;
}

}  // namespace

TfLiteRegistration Register_FLOOR_DIV() {
  return micro::RegisterOp(nullptr, Prepare<Kind::kFloorDiv>,
                           Eval<Kind::kFloorDiv>);
}

TfLiteRegistration Register_FLOOR_MOD() {
  return micro::RegisterOp(nullptr, Prepare<Kind::kFloorMod>,
                           Eval<Kind::kFloorMod>);
}

}  // namespace tflite
