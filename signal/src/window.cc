#include "signal/src/window.h"

#include <limits>

namespace tflite {
namespace tflm_signal {

void ApplyWindow(const int16_t* input, const int16_t* window, int size,
                 int shift, int16_t* output) {
  constexpr int32_t kLowest = std::numeric_limits<int16_t>::min();
  constexpr int32_t kHighest = std::numeric_limits<int16_t>::max();
  for (int i = 0; i < size; ++i) {
    // |input * window| <= 2^30: the product always fits in 32 bits.
    const int32_t product = static_cast<int32_t>(input[i]) * window[i];
    const int32_t scaled = product >> shift;
    output[i] = static_cast<int16_t>(
        scaled < kLowest ? kLowest : (scaled > kHighest ? kHighest : scaled));
  }
}

}  // namespace tflm_signal
}  // namespace tflite
