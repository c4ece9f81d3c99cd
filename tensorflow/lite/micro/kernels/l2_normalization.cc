// L2_NORMALIZATION over the last dimension: float32, and int8 with output
// scale 1/128 and zero point 0 as TFLite requires. Fused activations are not
// supported (TFLite rejects them too).
#include <cstdint>

#include "tensorflow/lite/core/c/builtin_op_data.h"
#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/kernels/internal/reference/l2normalization.h"
#include "tensorflow/lite/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/unary_op_util.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace {

constexpr char kName[] = "L2_NORMALIZATION";
// Longest int8 row whose squared sum fits int32 (255^2 per element).
constexpr int kMaxInt8Depth = 33025;

void* Init(TfLiteContext* context, const char*, size_t) {
  return micro::AllocateOpData<int32_t>(context);  // the input zero point
}

TfLiteStatus Prepare(TfLiteContext* context, TfLiteNode* node) {
  TF_LITE_ENSURE(context, node->user_data != nullptr);
  auto* input_zero_point = static_cast<int32_t*>(node->user_data);
  const auto* options =
      static_cast<const TfLiteL2NormParams*>(node->builtin_data);
  if (options != nullptr && options->activation != kTfLiteActNone) {
    MicroPrintf("%s: fused activations are not supported", kName);
    return kTfLiteError;
  }
  micro::ScopedTempTensors temps(context);
  TfLiteTensor* input;
  TfLiteTensor* output;
  TF_LITE_ENSURE_STATUS(
      micro::PrepareUnary(context, node, kName, &temps, &input, &output));
  if (NumDimensions(input) < 1) {
    MicroPrintf("%s: the input needs at least one dimension", kName);
    return kTfLiteError;
  }
  if (input->type == kTfLiteFloat32) return kTfLiteOk;
  if (input->type != kTfLiteInt8) return micro::UnsupportedType(input, kName);

  micro::QuantParams in;
  micro::QuantParams out;
  TF_LITE_ENSURE_STATUS(micro::GetUnaryQuantization(
      kName, input, output, /*symmetric=*/false, &in, &out));
  *input_zero_point = in.zero_point;
  TF_LITE_ENSURE_STATUS(
      micro::CheckFixedOutputQuantization(kName, out, 1.0 / 128, "1/128", 0));
  const int depth = input->dims->data[input->dims->size - 1];
  if (depth > kMaxInt8Depth) {
    MicroPrintf("%s: int8 rows of %d elements are too long (at most %d)",
                kName, depth, kMaxInt8Depth);
    return kTfLiteError;
  }
  return kTfLiteOk;
}

TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  const int32_t input_zero_point = *static_cast<const int32_t*>(node->user_data);
  const TfLiteEvalTensor* input = micro::GetEvalInput(context, node, 0);
  TfLiteEvalTensor* output = micro::GetEvalOutput(context, node, 0);
  int outer;
  int depth;
  micro::LastDimRows(input, output, &outer, &depth);
  switch (input->type) {
    case kTfLiteFloat32:
      reference_ops::L2Normalization(micro::GetTensorData<float>(input),
                                     outer, depth,
                                     micro::GetTensorData<float>(output));
      return kTfLiteOk;
    case kTfLiteInt8:
      reference_integer_ops::L2Normalization(
          input_zero_point, outer, depth, micro::GetTensorData<int8_t>(input),
          micro::GetTensorData<int8_t>(output));
      return kTfLiteOk;
    default:
      return micro::UnsupportedType(input, kName);
  }
}

}  // namespace

TfLiteRegistration Register_L2_NORMALIZATION() {
  return micro::RegisterOp(Init, Prepare, Eval);
}

}  // namespace tflite
