// DECODE's Huffman type (decode_state.h has the header). The table is read
// in levels: the first level is indexed by the next `first_level_bits` bits
// of the codeword stream. An entry with bit 15 (16-bit entries) or bit 31
// (32-bit entries) set holds a symbol: its value in the low bits and, in
// the 4-bit count field (bits 11-14 or 27-30), how many of the bits just
// read belong to its codeword; the rest are given back to the stream. Any
// other entry points to the next level: it starts `offset` entries after
// the current entry (the low 11 or 27 bits) and is indexed by the next
// count + 1 bits. Table entries are little-endian; the codeword stream is
// read most significant bit first.
#include "tensorflow/lite/micro/kernels/decode_huffman.h"

#include <cstddef>
#include <cstdint>

#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace decode {
namespace {

struct EntryLayout {
  size_t bytes;
  uint32_t symbol_flag;
  int count_shift;
  uint32_t offset_mask;
};

constexpr EntryLayout kEntry16 = {2, 0x8000u, 11, 0x07FFu};
constexpr EntryLayout kEntry32 = {4, 0x80000000u, 27, 0x07FFFFFFu};

uint32_t LoadEntry(const uint8_t* table, const EntryLayout& layout,
                   size_t index) {
  const uint8_t* p = table + index * layout.bytes;
  uint32_t entry = 0;
  for (size_t b = layout.bytes; b > 0; --b) entry = (entry << 8) | p[b - 1];
  return entry;
}

// Up to 16 bits of the stream from bit `position`; bits past its end read
// as zero (a final lookup may look ahead of the last codeword).
uint32_t PeekBits(const uint8_t* bytes, size_t size, uint64_t position,
                  int count) {
  uint32_t window = 0;  // 24 bits from the byte holding `position`
  const uint64_t first = position >> 3;
  for (uint64_t b = first; b < first + 3; ++b) {
    window = (window << 8) | (b < size ? bytes[b] : 0u);
  }
  const int shift = 24 - static_cast<int>(position & 7) - count;
  return (window >> shift) & ((1u << count) - 1u);
}

// Decodes state.count symbols, writing them to `out` unless it is null
// (the check while preparing). Stops at the first inconsistency.
template <typename U>
TfLiteStatus Run(const DecodeState& state, U* out) {
  const EntryLayout& layout = state.table32 ? kEntry32 : kEntry16;
  const size_t entries = state.data_size / layout.bytes;
  const uint64_t total_bits = static_cast<uint64_t>(state.encoded_size) * 8;
  const uint32_t count_mask = 0x0Fu << layout.count_shift;
  uint64_t position = 0;
  for (size_t i = 0; i < state.count; ++i) {
    int used = state.first_level_bits;
    size_t index = PeekBits(state.encoded, state.encoded_size, position, used);
    position += static_cast<uint64_t>(used);
    uint32_t entry = 0;
    while (true) {
      if (index >= entries) {
        MicroPrintf(
            "%s: output %d: Huffman symbol %u leads to table entry %u, past "
            "the table's %u entries",
            kOp, state.output_number, static_cast<unsigned>(i),
            static_cast<unsigned>(index), static_cast<unsigned>(entries));
        return kTfLiteError;
      }
      entry = LoadEntry(state.data, layout, index);
      if (entry & layout.symbol_flag) break;
      if (position > total_bits) break;  // reported below
      used = static_cast<int>((entry & count_mask) >> layout.count_shift) + 1;
      index += (entry & layout.offset_mask) +
               PeekBits(state.encoded, state.encoded_size, position, used);
      position += static_cast<uint64_t>(used);
    }
    if (entry & layout.symbol_flag) {
      const int own = static_cast<int>((entry & count_mask) >>
                                       layout.count_shift);
      if (used > own) position -= static_cast<uint64_t>(used - own);
    }
    if (!(entry & layout.symbol_flag) || position > total_bits) {
      MicroPrintf(
          "%s: output %d: the %u-byte Huffman stream ends inside symbol %u "
          "of %u",
          kOp, state.output_number, static_cast<unsigned>(state.encoded_size),
          static_cast<unsigned>(i), static_cast<unsigned>(state.count));
      return kTfLiteError;
    }
    if (out != nullptr) out[i] = static_cast<U>(entry);
  }
  return kTfLiteOk;
}

}  // namespace

TfLiteStatus SetupHuffman(const uint8_t* header, DecodeState* state) {
  const int n = state->output_number;
  TF_LITE_ENSURE_STATUS(CheckFormatVersion(header, *state, "Huffman"));
  state->table32 = (header[kParamsByte] & 0x01) != 0;
  state->first_level_bits = (header[kParamsByte] >> 4) + 1;
  const bool int8 = state->output_type == kTfLiteInt8;
  if (!int8 && !(state->table32 && state->output_type == kTfLiteInt16)) {
    MicroPrintf(
        "%s: output %d: Huffman decoding of %s with %d-bit table entries is "
        "not supported (int8 with 16- or 32-bit entries, int16 with 32-bit)",
        kOp, n, TfLiteTypeGetName(state->output_type),
        state->table32 ? 32 : 16);
    return kTfLiteError;
  }
  // Decode once without output: the stream and table are constants.
  return int8 ? Run<uint8_t>(*state, nullptr) : Run<uint16_t>(*state, nullptr);
}

TfLiteStatus DecodeHuffman(const DecodeState& state, void* output) {
  if (state.element_size == 1) {
    return Run(state, static_cast<uint8_t*>(output));
  }
  return Run(state, static_cast<uint16_t*>(output));
}

}  // namespace decode
}  // namespace tflite
