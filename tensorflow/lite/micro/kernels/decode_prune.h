// DECODE's pruning type (decode_state.h has the format).
#ifndef TENSORFLOW_LITE_MICRO_KERNELS_DECODE_PRUNE_H_
#define TENSORFLOW_LITE_MICRO_KERNELS_DECODE_PRUNE_H_

#include <cstdint>

#include "tensorflow/lite/micro/kernels/decode_state.h"

namespace tflite {
namespace decode {

// Checks the pruning header and mask against the encoded and ancillary
// bytes (the caller fills the zero points first); errors are reported with
// MicroPrintf.
TfLiteStatus SetupPrune(const uint8_t* header, DecodeState* state);

// Writes the `count` elements of the output.
void DecodePrune(const DecodeState& state, void* output);

}  // namespace decode
}  // namespace tflite

#endif  // TENSORFLOW_LITE_MICRO_KERNELS_DECODE_PRUNE_H_
