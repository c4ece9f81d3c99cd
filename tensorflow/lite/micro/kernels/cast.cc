// CAST between float32, float16, float64, int8, uint8, int16, uint16, int32,
// uint32, int64 and bool (any pair). Quantization parameters are ignored:
// CAST converts raw values, as in TFLite.
#include <cstdint>

#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/kernels/internal/reference/cast.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/unary_op_util.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace {

constexpr char kName[] = "CAST";

bool IsSupported(TfLiteType type) {
  switch (type) {
    case kTfLiteFloat32:
    case kTfLiteFloat16:
    case kTfLiteFloat64:
    case kTfLiteInt8:
    case kTfLiteUInt8:
    case kTfLiteInt16:
    case kTfLiteUInt16:
    case kTfLiteInt32:
    case kTfLiteUInt32:
    case kTfLiteInt64:
    case kTfLiteBool:
      return true;
    default:
      return false;
  }
}

TfLiteStatus Prepare(TfLiteContext* context, TfLiteNode* node) {
  micro::ScopedTempTensors temps(context);
  TfLiteTensor* input;
  TfLiteTensor* output;
  TF_LITE_ENSURE_STATUS(
      micro::PrepareUnary(context, node, kName, &temps, &input, &output,
                          micro::UnaryOutputType::kAny));
  if (!IsSupported(input->type)) return micro::UnsupportedType(input, kName);
  if (!IsSupported(output->type)) {
    MicroPrintf("%s: output type %s is not supported", kName,
                TfLiteTypeGetName(output->type));
    return kTfLiteError;
  }
  return kTfLiteOk;
}

template <typename From>
TfLiteStatus CastFrom(const From* in, int size, TfLiteEvalTensor* output) {
  switch (output->type) {
    case kTfLiteFloat32:
      reference_ops::Cast(in, size, micro::GetTensorData<float>(output));
      return kTfLiteOk;
    case kTfLiteFloat16:
      reference_ops::Cast(in, size, micro::GetTensorData<Half>(output));
      return kTfLiteOk;
    case kTfLiteFloat64:
      reference_ops::Cast(in, size, micro::GetTensorData<double>(output));
      return kTfLiteOk;
    case kTfLiteInt8:
      reference_ops::Cast(in, size, micro::GetTensorData<int8_t>(output));
      return kTfLiteOk;
    case kTfLiteUInt8:
      reference_ops::Cast(in, size, micro::GetTensorData<uint8_t>(output));
      return kTfLiteOk;
    case kTfLiteInt16:
      reference_ops::Cast(in, size, micro::GetTensorData<int16_t>(output));
      return kTfLiteOk;
    case kTfLiteUInt16:
      reference_ops::Cast(in, size, micro::GetTensorData<uint16_t>(output));
      return kTfLiteOk;
    case kTfLiteInt32:
      reference_ops::Cast(in, size, micro::GetTensorData<int32_t>(output));
      return kTfLiteOk;
    case kTfLiteUInt32:
      reference_ops::Cast(in, size, micro::GetTensorData<uint32_t>(output));
      return kTfLiteOk;
    case kTfLiteInt64:
      reference_ops::Cast(in, size, micro::GetTensorData<int64_t>(output));
      return kTfLiteOk;
    case kTfLiteBool:
      reference_ops::Cast(in, size, micro::GetTensorData<bool>(output));
      return kTfLiteOk;
    default:
      return kTfLiteError;
  }
}

template <typename From>
TfLiteStatus CastTensor(const TfLiteEvalTensor* input, int size,
                        TfLiteEvalTensor* output) {
  return CastFrom(micro::GetTensorData<From>(input), size, output);
}

TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  const TfLiteEvalTensor* input = micro::GetEvalInput(context, node, 0);
  TfLiteEvalTensor* output = micro::GetEvalOutput(context, node, 0);
  const int size = MatchingFlatSize(micro::GetTensorShape(input),
                                    micro::GetTensorShape(output));
  TfLiteStatus status = kTfLiteError;
  switch (input->type) {
    case kTfLiteFloat32:
      status = CastTensor<float>(input, size, output);
      break;
    case kTfLiteFloat16:
      status = CastTensor<Half>(input, size, output);
      break;
    case kTfLiteFloat64:
      status = CastTensor<double>(input, size, output);
      break;
    case kTfLiteInt8:
      status = CastTensor<int8_t>(input, size, output);
      break;
    case kTfLiteUInt8:
      status = CastTensor<uint8_t>(input, size, output);
      break;
    case kTfLiteInt16:
      status = CastTensor<int16_t>(input, size, output);
      break;
    case kTfLiteUInt16:
      status = CastTensor<uint16_t>(input, size, output);
      break;
    case kTfLiteInt32:
      status = CastTensor<int32_t>(input, size, output);
      break;
    case kTfLiteUInt32:
      status = CastTensor<uint32_t>(input, size, output);
      break;
    case kTfLiteInt64:
      status = CastTensor<int64_t>(input, size, output);
      break;
    case kTfLiteBool:
      status = CastTensor<bool>(input, size, output);
      break;
    default:
      break;
  }
  if (status != kTfLiteOk) {
    MicroPrintf("%s: %s to %s is not supported", kName,
                TfLiteTypeGetName(input->type),
                TfLiteTypeGetName(output->type));
  }
  return status;
}

}  // namespace

TfLiteRegistration Register_CAST() {
  return micro::RegisterOp(nullptr, Prepare, Eval);
}

}  // namespace tflite
