// A free-running tick counter for timing code (profilers, benchmarks).
// Each platform supplies micro_time.cc: the host's counts microseconds of a
// monotonic clock; cortex_m_generic's counts core clock cycles.
#ifndef TENSORFLOW_LITE_MICRO_MICRO_TIME_H_
#define TENSORFLOW_LITE_MICRO_MICRO_TIME_H_

#include <cstdint>

namespace tflite {

// How many ticks GetCurrentTimeTicks advances per second, or 0 when the
// platform does not know (then only tick differences are meaningful).
uint32_t ticks_per_second();

// The current tick count. It wraps modulo 2^32: subtract two readings as
// uint32_t to get an interval, which is right while the interval is
// shorter than 2^32 ticks (71 minutes at 1 MHz, 172 s at 25 MHz).
uint32_t GetCurrentTimeTicks();

}  // namespace tflite

#endif  // TENSORFLOW_LITE_MICRO_MICRO_TIME_H_
