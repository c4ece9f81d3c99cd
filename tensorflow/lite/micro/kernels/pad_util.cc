#include "tensorflow/lite/micro/kernels/pad_util.h"

#include <cstdint>

#include "tensorflow/lite/micro/kernels/index_tensor_util.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace micro {

TfLiteStatus CheckPaddingsTensor(const char* op, TfLiteType type,
                                 const TfLiteIntArray* dims, int rank) {
  if (!IsIndexType(type)) {
    MicroPrintf("%s: paddings must be int32 or int64, not %s", op,
                TfLiteTypeGetName(type));
    return kTfLiteError;
  }
  if (dims == nullptr || dims->size != 2 || dims->data[0] != rank ||
      dims->data[1] != 2) {
    MicroPrintf("%s: paddings must have shape [%d, 2] for a %d-D input", op,
                rank, rank);
    return kTfLiteError;
  }
  return kTfLiteOk;
}

TfLiteStatus ReadPaddings(const char* op, const void* data, TfLiteType type,
                          const RuntimeShape& input_shape, int mirror_limit,
                          reference_ops::PadSpec* spec,
                          RuntimeShape* output_shape) {
  const int rank = input_shape.DimensionsCount();
  spec->rank = rank;
  output_shape->Resize(rank);
  for (int d = 0; d < rank; ++d) {
    const int64_t before = IndexValue(data, type, 2 * d);
    const int64_t after = IndexValue(data, type, 2 * d + 1);
    if (before < 0 || after < 0) {
      MicroPrintf("%s: paddings of dimension %d are negative (%d, %d)", op, d,
                  static_cast<int>(before), static_cast<int>(after));
      return kTfLiteError;
    }
    const int64_t size = input_shape.Dims(d);
    if (mirror_limit >= 0 && ((before > 0 && before > size - mirror_limit) ||
                              (after > 0 && after > size - mirror_limit))) {
      MicroPrintf(
          "%s: paddings (%d, %d) of dimension %d are larger than %s allows "
          "for size %d",
          op, static_cast<int>(before), static_cast<int>(after), d,
          mirror_limit == 1 ? "REFLECT" : "SYMMETRIC", static_cast<int>(size));
      return kTfLiteError;
    }
    // Each term is checked first, so the sum cannot overflow int64.
    if (before > INT32_MAX || after > INT32_MAX ||
        size + before + after > INT32_MAX) {
      MicroPrintf("%s: padded dimension %d is too large", op, d);
      return kTfLiteError;
    }
    spec->before[d] = static_cast<int32_t>(before);
    spec->after[d] = static_cast<int32_t>(after);
    output_shape->SetDim(d, static_cast<int32_t>(size + before + after));
  }
  return kTfLiteOk;
}

}  // namespace micro
}  // namespace tflite
