// SignalFilterBankLog: channel magnitudes to a scaled natural log (int16).
#ifndef SIGNAL_SRC_FILTER_BANK_LOG_H_
#define SIGNAL_SRC_FILTER_BANK_LOG_H_

#include <cstdint>

namespace tflite {
namespace tflm_signal {

// output[i] = min(Log32(input[i] << correction_bits, output_scale), 32767),
// or 0 when the shifted value (wrapped to 32 bits) is 0 or 1.
// correction_bits must be in [0, 31].
void FilterBankLog(const uint32_t* input, int size, uint32_t output_scale,
                   int correction_bits, int16_t* output);

}  // namespace tflm_signal
}  // namespace tflite

#endif  // SIGNAL_SRC_FILTER_BANK_LOG_H_
