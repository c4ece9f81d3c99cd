// SignalFilterBankSpectralSubtraction: tracks each channel's noise floor with
// a one-pole smoother and subtracts it, keeping a minimum fraction of the
// signal.
#ifndef SIGNAL_SRC_FILTER_BANK_SPECTRAL_SUBTRACTION_H_
#define SIGNAL_SRC_FILTER_BANK_SPECTRAL_SUBTRACTION_H_

#include <cstdint>

namespace tflite {
namespace tflm_signal {

struct SpectralSubtractionConfig {
  int num_channels;
  // Smoother coefficients in units of 2^-spectral_subtraction_bits; even
  // channels use smoothing/one_minus_smoothing, odd ones the alternates.
  uint32_t smoothing;
  uint32_t one_minus_smoothing;
  uint32_t alternate_smoothing;
  uint32_t alternate_one_minus_smoothing;
  // Extra fractional bits of the noise estimate ([0, 31]).
  int smoothing_bits;
  // The fraction of the signal always kept, in units of
  // 2^-spectral_subtraction_bits.
  uint32_t min_signal_remaining;
  int spectral_subtraction_bits;  // [0, 63]
  // When the estimate rises above the signal, pull it down to the signal.
  bool clamping;
};

// One frame: updates noise_estimate (num_channels values, kept between frames
// by the caller; zero initially) and writes the cleaned signal to output.
// Arithmetic is unsigned 32-bit with 64-bit products, wrapping as on the
// device.
void SpectralSubtraction(const SpectralSubtractionConfig& config,
                         const uint32_t* input, uint32_t* output,
                         uint32_t* noise_estimate);

}  // namespace tflm_signal
}  // namespace tflite

#endif  // SIGNAL_SRC_FILTER_BANK_SPECTRAL_SUBTRACTION_H_
