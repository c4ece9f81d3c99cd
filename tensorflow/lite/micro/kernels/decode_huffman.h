// DECODE's Huffman type (decode_huffman.cc describes the table format).
#ifndef TENSORFLOW_LITE_MICRO_KERNELS_DECODE_HUFFMAN_H_
#define TENSORFLOW_LITE_MICRO_KERNELS_DECODE_HUFFMAN_H_

#include <cstdint>

#include "tensorflow/lite/micro/kernels/decode_state.h"

namespace tflite {
namespace decode {

// Reads the Huffman parameters from the 16-byte `header` and decodes the
// whole stream once without output, so that every codeword and table entry
// is known good; errors are reported with MicroPrintf.
TfLiteStatus SetupHuffman(const uint8_t* header, DecodeState* state);

// Writes the `count` elements of the output.
TfLiteStatus DecodeHuffman(const DecodeState& state, void* output);

}  // namespace decode
}  // namespace tflite

#endif  // TENSORFLOW_LITE_MICRO_KERNELS_DECODE_HUFFMAN_H_
