#include "signal/src/filter_bank_spectral_subtraction.h"

namespace tflite {
namespace tflm_signal {

void SpectralSubtraction(const SpectralSubtractionConfig& config,
                         const uint32_t* input, uint32_t* output,
                         uint32_t* noise_estimate) {
  const int bits = config.spectral_subtraction_bits;
  for (int c = 0; c < config.num_channels; ++c) {
    const bool odd = (c % 2) == 1;
    const uint64_t weight_new =
        odd ? config.alternate_smoothing : config.smoothing;
    const uint64_t weight_old =
        odd ? config.alternate_one_minus_smoothing : config.one_minus_smoothing;
    // The signal with the estimate's extra fractional bits (may wrap).
    const uint32_t scaled_signal = input[c] << config.smoothing_bits;
    const uint64_t mixed = static_cast<uint64_t>(scaled_signal) * weight_new +
                           static_cast<uint64_t>(noise_estimate[c]) * weight_old;
    noise_estimate[c] = static_cast<uint32_t>(mixed >> bits);

    uint32_t subtrahend = noise_estimate[c];
    if (subtrahend > scaled_signal) {
      // Never subtract more than there is.
      subtrahend = scaled_signal;
      if (config.clamping) noise_estimate[c] = subtrahend;
    }
    const uint32_t floor = static_cast<uint32_t>(
        (static_cast<uint64_t>(input[c]) * config.min_signal_remaining) >>
        bits);
    const uint32_t remaining =
        (scaled_signal - subtrahend) >> config.smoothing_bits;
    output[c] = remaining > floor ? remaining : floor;
  }
}

}  // namespace tflm_signal
}  // namespace tflite
