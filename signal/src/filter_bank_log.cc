#include "signal/src/filter_bank_log.h"

#include <limits>

#include "signal/src/log.h"

namespace tflite {
namespace tflm_signal {

void FilterBankLog(const uint32_t* input, int size, uint32_t output_scale,
                   int correction_bits, int16_t* output) {
  constexpr uint32_t kMax = std::numeric_limits<int16_t>::max();
  for (int i = 0; i < size; ++i) {
    const uint32_t shifted = input[i] << correction_bits;
    if (shifted <= 1) {
      output[i] = 0;
      continue;
    }
    const uint32_t value = Log32(shifted, output_scale);
    output[i] = static_cast<int16_t>(value < kMax ? value : kMax);
  }
}

}  // namespace tflm_signal
}  // namespace tflite
