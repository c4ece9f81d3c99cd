#include "tensorflow/lite/micro/kernels/kernel_util.h"

#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace micro {

TfLiteRegistration RegisterOp(
    void* (*init)(TfLiteContext* context, const char* buffer, size_t length),
    TfLiteStatus (*prepare)(TfLiteContext* context, TfLiteNode* node),
    TfLiteStatus (*invoke)(TfLiteContext* context, TfLiteNode* node),
    void (*free)(TfLiteContext* context, void* buffer),
    TfLiteStatus (*reset)(TfLiteContext* context, void* buffer)) {
  TfLiteRegistration registration = {};
  registration.init = init;
  registration.free = free;
  registration.prepare = prepare;
  registration.invoke = invoke;
  registration.reset = reset;
  registration.profiling_string = nullptr;
  registration.builtin_code = 0;
  registration.custom_name = nullptr;
  registration.version = 0;
  return registration;
}

bool HaveSameShapes(const TfLiteEvalTensor* input1,
                    const TfLiteEvalTensor* input2) {
  return TfLiteIntArrayEqual(input1->dims, input2->dims);
}

int ElementCount(const TfLiteIntArray& dims) {
  int count = 1;
  for (int i = 0; i < dims.size; ++i) count *= dims.data[i];
  return count;
}

PaddingType RuntimePaddingType(TfLitePadding padding) {
  switch (padding) {
    case kTfLitePaddingSame:
      return PaddingType::kSame;
    case kTfLitePaddingValid:
      return PaddingType::kValid;
    default:
      return PaddingType::kNone;
  }
}

namespace {

// Shapes come as int32_t and as TfLiteIntArray's int (long and int on
// arm-none-eabi).
template <typename Int>
const char* FormatDims(const Int* dims, int rank, char* buffer, size_t size,
                       const char* separator) {
#if defined(TF_LITE_STRIP_ERROR_STRINGS)
  // Shapes are only formatted for messages, which this build drops.
  (void)dims;
  (void)rank;
  (void)separator;
  if (size > 0) buffer[0] = '\0';
  return buffer;
#else
  size_t used = static_cast<size_t>(MicroSnprintf(buffer, size, "["));
  for (int i = 0; i < rank && used < size; ++i) {
    used += static_cast<size_t>(MicroSnprintf(buffer + used, size - used, "%s%d",
                                         i == 0 ? "" : separator,
                                         static_cast<int>(dims[i])));
  }
  if (used < size) MicroSnprintf(buffer + used, size - used, "]");
  return buffer;
#endif
}

}  // namespace

const char* FormatShape(const int32_t* dims, int rank, char* buffer,
                        size_t size, const char* separator) {
  return FormatDims(dims, rank, buffer, size, separator);
}

const char* FormatShape(const TfLiteIntArray* dims, char* buffer, size_t size,
                        const char* separator) {
  return dims == nullptr ? FormatDims<int>(nullptr, 0, buffer, size, separator)
                         : FormatDims(dims->data, dims->size, buffer, size,
                                      separator);
}

TfLiteStatus SetOutputShape(TfLiteContext* context, TfLiteTensor* output,
                            const RuntimeShape& shape) {
  return GetMicroContext(context)->ResizeTensor(
      output, shape.DimensionsCount(), shape.DimsData());
}

TfLiteStatus SetOutputShape(TfLiteContext* context, TfLiteTensor* output,
                            const TfLiteIntArray* shape) {
  const RuntimeShape dims(shape->size, shape->data);
  return GetMicroContext(context)->ResizeTensor(output, dims.DimensionsCount(),
                                                dims.DimsData());
}

}  // namespace micro
}  // namespace tflite
