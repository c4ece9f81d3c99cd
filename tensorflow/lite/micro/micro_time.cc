// micro_time for hosted builds: microseconds of a monotonic clock (not the
// wall clock, so intervals survive clock adjustments).
#include "tensorflow/lite/micro/micro_time.h"

#include <chrono>

namespace tflite {

uint32_t ticks_per_second() { return 1000000; }

uint32_t GetCurrentTimeTicks() {
  const auto now = std::chrono::steady_clock::now().time_since_epoch();
  // Truncating to 32 bits keeps differences right across the wrap.
  return static_cast<uint32_t>(
      std::chrono::duration_cast<std::chrono::microseconds>(now).count());
}

}  // namespace tflite
