// DECODE's pruning type: a bitmask (1 = stored) and the stored values in
// order; pruned elements take the output's zero point (decode_state.h).
#include "tensorflow/lite/micro/kernels/decode_prune.h"

#include <cstddef>
#include <cstdint>

#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace decode {
namespace {

template <typename U>
void Decode(const DecodeState& state, U* out) {
  const uint8_t* next_value = state.data;
  size_t bit = 0;
  auto element = [&](U pruned) {
    U value = pruned;
    if (BitAt(state.encoded, bit++)) {
      value = LoadElement<U>(next_value);
      next_value += sizeof(U);
    }
    *out++ = value;
  };
  if (state.zero_points == nullptr) {
    const U pruned = static_cast<U>(state.zero_point);
    for (size_t i = 0; i < state.count; ++i) element(pruned);
  } else if (!state.channel_last) {
    for (int c = 0; c < state.channels; ++c) {
      const U pruned = static_cast<U>(state.zero_points[c]);
      for (size_t k = 0; k < state.per_channel; ++k) element(pruned);
    }
  } else {
    for (size_t i = 0; i < state.count;
         i += static_cast<size_t>(state.channels)) {
      for (int c = 0; c < state.channels; ++c) {
        element(static_cast<U>(state.zero_points[c]));
      }
    }
  }
}

}  // namespace

TfLiteStatus SetupPrune(const uint8_t* header, DecodeState* state) {
  const int n = state->output_number;
  TF_LITE_ENSURE_STATUS(CheckFormatVersion(header, *state, "pruning"));
  TF_LITE_ENSURE_STATUS(CheckValueType(*state, "pruning"));
  const uint64_t mask_bytes = (static_cast<uint64_t>(state->count) + 7) / 8;
  if (mask_bytes > state->encoded_size) {
    MicroPrintf(
        "%s: output %d: the pruning mask of %u elements needs %u bytes, the "
        "encoded tensor has %u",
        kOp, n, static_cast<unsigned>(state->count),
        static_cast<unsigned>(mask_bytes),
        static_cast<unsigned>(state->encoded_size));
    return kTfLiteError;
  }
  size_t stored = 0;
  for (size_t i = 0; i < state->count; ++i) {
    stored += BitAt(state->encoded, i);
  }
  const size_t available = state->data_size / state->element_size;
  if (stored > available) {
    MicroPrintf(
        "%s: output %d: the pruning mask keeps %u values, the ancillary "
        "tensor holds %u",
        kOp, n, static_cast<unsigned>(stored),
        static_cast<unsigned>(available));
    return kTfLiteError;
  }
  if (state->output_type == kTfLiteBool) {
    return CheckBools(*state, state->data, stored, "stored");
  }
  return kTfLiteOk;
}

void DecodePrune(const DecodeState& state, void* output) {
  WithElementWords(state.element_size, output,
                   [&state](auto* out) { Decode(state, out); });
}

}  // namespace decode
}  // namespace tflite
