#include "signal/src/pcan_argc_fixed.h"

#include "signal/src/msb.h"

namespace tflite {
namespace tflm_signal {

int16_t WideDynamicFunction(uint32_t x, const int16_t* lut) {
  if (x <= 2) return lut[x];
  const int top = MostSignificantBit32(x);  // 2..32 here
  const int16_t* segment = lut + 4 * top - 6;
  // The 10 bits right below the top bit: the position within the segment.
  const uint32_t aligned = top < 11 ? x << (11 - top) : x >> (top - 11);
  const int32_t position = static_cast<int32_t>(aligned & 0x3FF);
  // Horner's rule, c2 * p / 32 + 32 * c1, times p, rounded from Q15, + c0;
  // 32-bit two's complement arithmetic throughout.
  int32_t acc = (static_cast<int32_t>(segment[2]) * position) >> 5;
  acc = WrapToInt32(static_cast<int64_t>(acc) +
                    WrapToInt32(static_cast<int64_t>(static_cast<uint32_t>(
                                    static_cast<int32_t>(segment[1])))
                                << 5));
  acc = WrapToInt32(static_cast<int64_t>(acc) * position);
  acc = WrapToInt32(static_cast<int64_t>(acc) + (1 << 14)) >> 15;
  acc = WrapToInt32(static_cast<int64_t>(acc) + segment[0]);
  return WrapToInt16(acc);
}

uint32_t PcanShrink(uint32_t snr) {
  if (snr < (2u << kPcanSnrBits)) {
    // snr < 2^13, so the square fits in 32 bits.
    return (snr * snr) >> (2 + 2 * kPcanSnrBits - kPcanOutputBits);
  }
  return (snr >> (kPcanSnrBits - kPcanOutputBits)) - (1u << kPcanOutputBits);
}

void ApplyPcanAutoGainControl(const int16_t* gain_lut, int snr_shift,
                              const uint32_t* noise_estimate, uint32_t* signal,
                              int num_channels) {
  for (int c = 0; c < num_channels; ++c) {
    const uint32_t gain = static_cast<uint32_t>(
        static_cast<int32_t>(WideDynamicFunction(noise_estimate[c], gain_lut)));
    const uint32_t snr = static_cast<uint32_t>(
        (static_cast<uint64_t>(signal[c]) * gain) >> snr_shift);
    signal[c] = PcanShrink(snr);
  }
}

}  // namespace tflm_signal
}  // namespace tflite
