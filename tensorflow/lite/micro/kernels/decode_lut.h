// DECODE's look-up-table type (decode_state.h has the format).
#ifndef TENSORFLOW_LITE_MICRO_KERNELS_DECODE_LUT_H_
#define TENSORFLOW_LITE_MICRO_KERNELS_DECODE_LUT_H_

#include <cstdint>

#include "tensorflow/lite/micro/kernels/decode_state.h"

namespace tflite {
namespace decode {

// Reads the LUT parameters from the 16-byte `header` and checks them, and
// every index, against the encoded and ancillary bytes, so that DecodeLut
// reads only within them; errors are reported with MicroPrintf. `dims` is
// the output's shape (for the channel axis); `legacy_*` are the channels of
// its quantization, the layout of files written before the axis field.
TfLiteStatus SetupLut(const uint8_t* header, const TfLiteIntArray* dims,
                      int legacy_channels, bool legacy_last,
                      DecodeState* state);

// Writes the `count` elements of the output.
void DecodeLut(const DecodeState& state, void* output);

}  // namespace decode
}  // namespace tflite

#endif  // TENSORFLOW_LITE_MICRO_KERNELS_DECODE_LUT_H_
