#include "tensorflow/lite/micro/memory_helpers.h"

#include "tensorflow/lite/core/api/flatbuffer_conversions.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace micro {

TfLiteStatus BytesRequiredForTensor(const tflite::Tensor& flatbuffer_tensor,
                                    size_t* bytes, size_t* type_size) {
  TfLiteType type;
  TF_LITE_ENSURE_STATUS(ConvertTensorType(flatbuffer_tensor.type(), &type));
  TF_LITE_ENSURE_STATUS(TfLiteTypeSizeOf(type, type_size));
  size_t count = 1;
  if (flatbuffer_tensor.shape() != nullptr) {
    for (const int32_t dim : *flatbuffer_tensor.shape()) {
      count *= static_cast<size_t>(dim);
    }
  }
  *bytes = count * *type_size;
  return kTfLiteOk;
}

TfLiteStatus TfLiteEvalTensorByteLength(const TfLiteEvalTensor* eval_tensor,
                                        size_t* out_bytes) {
  size_t type_size;
  TF_LITE_ENSURE_STATUS(TfLiteTypeSizeOf(eval_tensor->type, &type_size));
  const int count =
      eval_tensor->dims == nullptr ? 1 : ElementCount(*eval_tensor->dims);
  *out_bytes = static_cast<size_t>(count) * type_size;
  return kTfLiteOk;
}

TfLiteStatus AllocateOutputDimensionsFromInput(TfLiteContext* context,
                                               const TfLiteTensor* input1,
                                               const TfLiteTensor* input2,
                                               TfLiteTensor* output) {
  const TfLiteTensor* larger =
      ElementCount(*input1->dims) == 1 ? input2 : input1;
  if (output->type != larger->type) {
    MicroPrintf("AllocateOutputDimensionsFromInput: output is %s, input %s",
                TfLiteTypeGetName(output->type),
                TfLiteTypeGetName(larger->type));
    return kTfLiteError;
  }
  return SetOutputShape(context, output, larger->dims);
}

}  // namespace micro
}  // namespace tflite
