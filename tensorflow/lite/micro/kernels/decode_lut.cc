// DECODE's look-up-table type: fixed-width indices into per-channel value
// tables (decode_state.h has the format).
#include "tensorflow/lite/micro/kernels/decode_lut.h"

#include <cstddef>
#include <cstdint>

#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace decode {
namespace {

// Reads consecutive `width`-bit fields (width <= 8), most significant bit
// first, touching only the bytes that hold them.
class IndexReader {
 public:
  IndexReader(const uint8_t* bytes, int width)
      : next_(bytes), width_(width), mask_((1u << width) - 1u) {}

  uint32_t Next() {
    if (held_ < width_) {
      bits_ = (bits_ << 8) | *next_++;
      held_ += 8;
    }
    held_ -= width_;
    return (bits_ >> held_) & mask_;
  }

 private:
  const uint8_t* next_;
  int width_;
  uint32_t mask_;
  uint32_t bits_ = 0;
  int held_ = 0;
};

template <typename U>
void Decode(const DecodeState& state, U* out) {
  IndexReader indices(state.encoded, state.bit_width);
  const uint8_t* tables = state.data;
  const size_t table_bytes = state.stride * sizeof(U);
  if (!state.channel_last) {
    for (int c = 0; c < state.channels; ++c) {
      const uint8_t* table = tables + static_cast<size_t>(c) * table_bytes;
      for (size_t k = 0; k < state.per_channel; ++k) {
        *out++ = LoadElement<U>(table + indices.Next() * sizeof(U));
      }
    }
    return;
  }
  for (size_t i = 0; i < state.count;
       i += static_cast<size_t>(state.channels)) {
    const uint8_t* table = tables;
    for (int c = 0; c < state.channels; ++c) {
      *out++ = LoadElement<U>(table + indices.Next() * sizeof(U));
      table += table_bytes;
    }
  }
}

}  // namespace

TfLiteStatus SetupLut(const uint8_t* header, const TfLiteIntArray* dims,
                      int legacy_channels, bool legacy_last,
                      DecodeState* state) {
  const int n = state->output_number;
  TF_LITE_ENSURE_STATUS(CheckFormatVersion(header, *state, "LUT"));
  TF_LITE_ENSURE_STATUS(CheckValueType(*state, "LUT"));
  state->bit_width = header[kParamsByte] & 0x07;
  state->stride = header[kStrideByte];
  const int axis = header[kParamsByte] >> 4;
  const int rank = dims->size;
  state->channels = 1;
  state->channel_last = false;
  state->per_channel = state->count;
  if (axis != kLutWholeTensorAxis) {
    if (axis >= rank || (axis != 0 && axis != rank - 1)) {
      MicroPrintf(
          "%s: output %d: LUT channel axis %d of a rank-%d output (the "
          "first or last axis, or %d for one table)",
          kOp, n, axis, rank, kLutWholeTensorAxis);
      return kTfLiteError;
    }
    state->channels = dims->data[axis];
    state->channel_last = axis == rank - 1 && axis != 0;
    state->per_channel =
        state->channels == 0 ? 0 : state->count / state->channels;
    // Compressors before the axis field wrote 0 there and laid the tables
    // out by the output's quantization channels (`legacy_*`); a file whose
    // tables do not fill an axis-0 layout exactly is read that way.
    if (axis == 0 &&
        state->data_size != static_cast<uint64_t>(state->channels) *
                                state->stride * state->element_size) {
      state->channels = legacy_channels;
      state->channel_last = legacy_last;
      state->per_channel =
          legacy_last ? 1 : state->count / static_cast<size_t>(legacy_channels);
    }
  }
  if (state->bit_width == 0) {
    MicroPrintf("%s: output %d: LUT index bit width 0 (must be 1..%d)", kOp, n,
                kLutMaxBitWidth);
    return kTfLiteError;
  }
  if (state->count == 0) return kTfLiteOk;
  if (state->stride == 0) {
    MicroPrintf("%s: output %d: LUT value tables have stride 0", kOp, n);
    return kTfLiteError;
  }
  const uint64_t table_bytes = static_cast<uint64_t>(state->channels) *
                               state->stride * state->element_size;
  if (table_bytes > state->data_size) {
    MicroPrintf(
        "%s: output %d: %d LUT value table(s) of %u %s values need %u bytes, "
        "the ancillary tensor has %u after its header",
        kOp, n, state->channels, static_cast<unsigned>(state->stride),
        TfLiteTypeGetName(state->output_type),
        static_cast<unsigned>(table_bytes),
        static_cast<unsigned>(state->data_size));
    return kTfLiteError;
  }
  const uint64_t index_bytes =
      (static_cast<uint64_t>(state->count) * state->bit_width + 7) / 8;
  if (index_bytes > state->encoded_size) {
    MicroPrintf(
        "%s: output %d: %u %d-bit indices need %u bytes, the encoded tensor "
        "has %u",
        kOp, n, static_cast<unsigned>(state->count), state->bit_width,
        static_cast<unsigned>(index_bytes),
        static_cast<unsigned>(state->encoded_size));
    return kTfLiteError;
  }
  // Every index within its table.
  IndexReader indices(state->encoded, state->bit_width);
  for (size_t i = 0; i < state->count; ++i) {
    const uint32_t index = indices.Next();
    if (index >= state->stride) {
      MicroPrintf(
          "%s: output %d: element %u has index %u, past the %u-entry value "
          "table",
          kOp, n, static_cast<unsigned>(i), static_cast<unsigned>(index),
          static_cast<unsigned>(state->stride));
      return kTfLiteError;
    }
  }
  // A bool is one byte holding 0 or 1.
  if (state->output_type == kTfLiteBool) {
    return CheckBools(*state, state->data, table_bytes, "LUT table");
  }
  return kTfLiteOk;
}

void DecodeLut(const DecodeState& state, void* output) {
  WithElementWords(state.element_size, output,
                   [&state](auto* out) { Decode(state, out); });
}

}  // namespace decode
}  // namespace tflite
