// SignalPCAN: per-channel automatic gain control (PCAN, "per-channel
// amplitude normalization") in fixed point: each channel is multiplied by a
// gain that falls with its noise estimate, then compressed.
#ifndef SIGNAL_SRC_PCAN_ARGC_FIXED_H_
#define SIGNAL_SRC_PCAN_ARGC_FIXED_H_

#include <cstdint>

namespace tflite {
namespace tflm_signal {

// Entries a gain table needs: the segment of a 32-bit value whose top bit is
// bit 31 starts at 4 * 32 - 6 and uses three coefficients.
constexpr int kPcanGainLutSize = 125;

// Fractional bits of the SNR (signal * gain >> snr_shift) and of the output.
constexpr int kPcanSnrBits = 12;
constexpr int kPcanOutputBits = 6;

// The gain for noise level x from a piecewise quadratic table: x <= 2 reads
// lut[x]; otherwise the segment of x's top bit b (lut[4b - 6 ...]) is
// evaluated at the 10 bits below it. int16 result, wrapping as on the device.
int16_t WideDynamicFunction(uint32_t x, const int16_t* lut);

// shrink(s) = s^2 / 4 below s = 2 and s - 1 above, from kPcanSnrBits to
// kPcanOutputBits fractional bits.
uint32_t PcanShrink(uint32_t snr);

// signal[c] = PcanShrink((signal[c] * gain(noise_estimate[c])) >> snr_shift),
// the gain's int16 sign-extended to 32 bits and the product taken in 64 bits.
// snr_shift must be in [0, 63].
void ApplyPcanAutoGainControl(const int16_t* gain_lut, int snr_shift,
                              const uint32_t* noise_estimate, uint32_t* signal,
                              int num_channels);

}  // namespace tflm_signal
}  // namespace tflite

#endif  // SIGNAL_SRC_PCAN_ARGC_FIXED_H_
