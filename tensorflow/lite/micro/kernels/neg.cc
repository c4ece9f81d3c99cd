// NEG: float32, int8, int16, int32, int64. Integer inputs are negated as
// raw values with two's-complement wrap-around, ignoring any quantization
// parameters; that is what TFLite's reference kernel does (checked against
// LiteRT, including -(-128) == -128 for int8).
#include <cstdint>

#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/kernels/internal/reference/elementwise.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/unary_op_util.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace {

constexpr char kName[] = "NEG";

TfLiteStatus Prepare(TfLiteContext* context, TfLiteNode* node) {
  micro::ScopedTempTensors temps(context);
  TfLiteTensor* input;
  TfLiteTensor* output;
  TF_LITE_ENSURE_STATUS(
      micro::PrepareUnary(context, node, kName, &temps, &input, &output));
  switch (input->type) {
    case kTfLiteFloat32:
    case kTfLiteInt8:
    case kTfLiteInt16:
    case kTfLiteInt32:
    case kTfLiteInt64:
      return kTfLiteOk;
    default:
      return micro::UnsupportedType(input, kName);
  }
}

template <typename T>
void Negate(const TfLiteEvalTensor* input, int size,
            TfLiteEvalTensor* output) {
  reference_ops::Map(micro::GetTensorData<T>(input), size,
                     micro::GetTensorData<T>(output),
                     reference_ops::WrappingNegate<T>);
}

TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  const TfLiteEvalTensor* input = micro::GetEvalInput(context, node, 0);
  TfLiteEvalTensor* output = micro::GetEvalOutput(context, node, 0);
  const int size = MatchingFlatSize(micro::GetTensorShape(input),
                                    micro::GetTensorShape(output));
  switch (input->type) {
    case kTfLiteFloat32:
      reference_ops::Map(micro::GetTensorData<float>(input), size,
                         micro::GetTensorData<float>(output),
                         [](float x) { return -x; });
      return kTfLiteOk;
    case kTfLiteInt8:
      Negate<int8_t>(input, size, output);
      return kTfLiteOk;
    case kTfLiteInt16:
      Negate<int16_t>(input, size, output);
      return kTfLiteOk;
    case kTfLiteInt32:
      Negate<int32_t>(input, size, output);
      return kTfLiteOk;
    case kTfLiteInt64:
      Negate<int64_t>(input, size, output);
      return kTfLiteOk;
    default:
      return micro::UnsupportedType(input, kName);
  }
}

}  // namespace

TfLiteRegistration Register_NEG() {
  return micro::RegisterOp(nullptr, Prepare, Eval);
}

}  // namespace tflite
