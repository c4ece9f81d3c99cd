// The checks the decode types share (decode_state.h).
#include "tensorflow/lite/micro/kernels/decode_state.h"

#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace decode {

TfLiteStatus CheckFormatVersion(const uint8_t* header, const DecodeState& state,
                                const char* what) {
  if (header[kFormatVersionByte] == 1) return kTfLiteOk;
  MicroPrintf("%s: output %d: %s format version %u (this runtime reads 1)",
              kOp, state.output_number, what,
              static_cast<unsigned>(header[kFormatVersionByte]));
  return kTfLiteError;
}

TfLiteStatus CheckValueType(const DecodeState& state, const char* what) {
  switch (state.output_type) {
    case kTfLiteBool:
    case kTfLiteInt8:
    case kTfLiteInt16:
    case kTfLiteInt32:
    case kTfLiteInt64:
    case kTfLiteFloat32:
      return kTfLiteOk;
    default:
      MicroPrintf(
          "%s: output %d: %s decoding of %s is not supported (bool, int8, "
          "int16, int32, int64, float32)",
          kOp, state.output_number, what,
          TfLiteTypeGetName(state.output_type));
      return kTfLiteError;
  }
}

TfLiteStatus CheckBools(const DecodeState& state, const uint8_t* values,
                        size_t count, const char* what) {
  for (size_t i = 0; i < count; ++i) {
    if (values[i] > 1) {
      MicroPrintf("%s: output %d: %s bool value %u is byte %u (0 or 1)", kOp,
                  state.output_number, what, static_cast<unsigned>(i),
                  static_cast<unsigned>(values[i]));
      return kTfLiteError;
    }
  }
  return kTfLiteOk;
}

}  // namespace decode
}  // namespace tflite
