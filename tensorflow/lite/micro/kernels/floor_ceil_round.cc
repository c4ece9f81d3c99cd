// FLOOR, CEIL and ROUND (ties to even) for float32.
#include <cmath>

#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/kernels/internal/reference/elementwise.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/unary_op_util.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace {

enum class Op { kFloor, kCeil, kRound };

const char* OpName(Op op) {
  switch (op) {
    case Op::kFloor:
      return "FLOOR";
    case Op::kCeil:
      return "CEIL";
    case Op::kRound:
      return "ROUND";
  }
  return "?";
}

template <Op kOp>
TfLiteStatus Prepare(TfLiteContext* context, TfLiteNode* node) {
  const char* name = OpName(kOp);
  micro::ScopedTempTensors temps(context);
  TfLiteTensor* input;
  TfLiteTensor* output;
  TF_LITE_ENSURE_STATUS(
      micro::PrepareUnary(context, node, name, &temps, &input, &output));
  if (input->type != kTfLiteFloat32) return micro::UnsupportedType(input, name);
  return kTfLiteOk;
}

template <Op kOp>
TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  const TfLiteEvalTensor* input = micro::GetEvalInput(context, node, 0);
  TfLiteEvalTensor* output = micro::GetEvalOutput(context, node, 0);
  const int size = MatchingFlatSize(micro::GetTensorShape(input),
                                    micro::GetTensorShape(output));
  if (input->type != kTfLiteFloat32) {
    return micro::UnsupportedType(input, OpName(kOp));
  }
  const float* in = micro::GetTensorData<float>(input);
  float* out = micro::GetTensorData<float>(output);
  for (int i = 0; i < size; ++i) {
    switch (kOp) {
      case Op::kFloor:
        out[i] = std::floor(in[i]);
        break;
      case Op::kCeil:
        out[i] = std::ceil(in[i]);
        break;
      case Op::kRound:
        out[i] = reference_ops::RoundHalfToEven(in[i]);
        break;
    }
  }
  return kTfLiteOk;
}

}  // namespace

TfLiteRegistration Register_FLOOR() {
  return micro::RegisterOp(nullptr, Prepare<Op::kFloor>, Eval<Op::kFloor>);
}

TfLiteRegistration Register_CEIL() {
  return micro::RegisterOp(nullptr, Prepare<Op::kCeil>, Eval<Op::kCeil>);
}

TfLiteRegistration Register_ROUND() {
  return micro::RegisterOp(nullptr, Prepare<Op::kRound>, Eval<Op::kRound>);
}

}  // namespace tflite
