// The decode types of TFLM's DECODE operator ("TFLM_DECODE", decode.cc):
// what one output needs at invoke, checked once while preparing, shared by
// the three decoders (decode_lut.h, decode_huffman.h, decode_prune.h).
//
// Format (TFLM's compressed models). Each output of DECODE has two inputs:
// the encoded tensor and an ancillary tensor, both constants of the model.
// The ancillary bytes start with a 16-byte header (the DECODE Common
// Metadata, DCM):
//   byte 0   decode type: 0 LUT, 1 Huffman, 2 pruning; 3..127 reserved,
//            128..255 custom (application-defined)
//   byte 1   DCM version, 1
//   byte 2-3 reserved
//   byte 4   the decode type's own format version, 1
//   byte 5.. the decode type's parameters (below)
// and the decode type's data follows from byte 16 on.
//
// LUT: byte 5 bits 0-2 = index bit width (1..7), bits 4-7 = the channel
//   axis of the output's shape (0 or the last; 15 = one table for the whole
//   tensor), byte 6 = value-table stride in elements. The encoded bytes are
//   the indices, bit-width wide, packed most significant bit first; each
//   channel (element of the axis) has a table of `stride` values of the
//   output's type, the tables concatenated.
// Huffman: byte 5 bit 0 = 32-bit table entries (else 16-bit), bits 4-7 =
//   bits read for the first table level minus 1. The encoded bytes are the
//   codewords, most significant bit first; the data is the table.
// Pruning: the encoded bytes hold one bit per element (most significant
//   first), 1 = stored; the data holds the stored values in order. Pruned
//   elements are the output's zero point (per channel for int8).
//
// Pruning's channels (for int8 zero points) follow the output's
// quantization: one per scale, along dimension 0 or the last dimension.
#ifndef TENSORFLOW_LITE_MICRO_KERNELS_DECODE_STATE_H_
#define TENSORFLOW_LITE_MICRO_KERNELS_DECODE_STATE_H_

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "tensorflow/lite/core/c/common.h"

namespace tflite {
namespace decode {

constexpr char kOp[] = "TFLM_DECODE";

constexpr size_t kHeaderBytes = 16;
constexpr size_t kTypeByte = 0;
constexpr size_t kHeaderVersionByte = 1;
constexpr size_t kFormatVersionByte = 4;
constexpr size_t kParamsByte = 5;
constexpr size_t kStrideByte = 6;

constexpr uint8_t kTypeLut = 0;
constexpr uint8_t kTypeHuffman = 1;
constexpr uint8_t kTypePrune = 2;
constexpr uint8_t kFirstCustomType = 128;

constexpr int kLutMaxBitWidth = 7;
constexpr int kLutWholeTensorAxis = 15;

// Everything one output needs at invoke; filled and checked while
// preparing (persistent, one per output).
struct DecodeState {
  int output_number;  // for messages
  uint8_t type;
  TfLiteType output_type;
  size_t element_size;  // bytes per output element
  size_t count;         // output elements
  const uint8_t* encoded;
  size_t encoded_size;
  const uint8_t* data;  // the ancillary bytes after the header
  size_t data_size;
  // Channels (LUT tables, pruning zero points): the output's elements
  // grouped along dimension 0 (per_channel each), or interleaved along the
  // last dimension.
  int channels;
  bool channel_last;
  size_t per_channel;
  // LUT.
  int bit_width;
  size_t stride;
  // Huffman.
  bool table32;
  int first_level_bits;
  // Pruning: the value of pruned elements, one per channel or one for all.
  const int8_t* zero_points;  // per channel (int8), or nullptr
  int64_t zero_point;
};

// Checks shared by the decode types' setups (decode_state.cc); each
// reports what is wrong with MicroPrintf. `what` names the decode type
// ("LUT", "Huffman", "pruning").
// The decode type's own format version (header byte 4) must be 1.
TfLiteStatus CheckFormatVersion(const uint8_t* header, const DecodeState& state,
                                const char* what);
// LUT and pruning decode bool, int8, int16, int32, int64 and float32.
TfLiteStatus CheckValueType(const DecodeState& state, const char* what);
// `count` bool values at `values` must each be 0 or 1.
TfLiteStatus CheckBools(const DecodeState& state, const uint8_t* values,
                        size_t count, const char* what);

// An element of `U`'s size at `bytes` (any alignment).
template <typename U>
inline U LoadElement(const uint8_t* bytes) {
  U value;
  std::memcpy(&value, bytes, sizeof(U));
  return value;
}

// Bit `index` of a most-significant-bit-first bit string.
inline unsigned BitAt(const uint8_t* bits, size_t index) {
  return (bits[index >> 3] >> (7 - (index & 7))) & 1u;
}

// Calls f(U*) with the output as unsigned words of its element size (1, 2,
// 4 or 8 bytes): the decoders copy bit patterns, whatever the type.
template <typename F>
inline void WithElementWords(size_t element_size, void* output, F f) {
  switch (element_size) {
    case 1:
      f(static_cast<uint8_t*>(output));
      break;
    case 2:
      f(static_cast<uint16_t*>(output));
      break;
    case 4:
      f(static_cast<uint32_t*>(output));
      break;
    default:
      f(static_cast<uint64_t*>(output));
      break;
  }
}

}  // namespace decode
}  // namespace tflite

#endif  // TENSORFLOW_LITE_MICRO_KERNELS_DECODE_STATE_H_
