// The core clock frequency, which only the board knows. cortex_m_generic's
// micro_time counts core clock cycles (DWT cycle counter or SysTick on the
// processor clock) and asks this for ticks_per_second().
#ifndef TENSORFLOW_LITE_MICRO_CORTEX_M_GENERIC_CORE_CLOCK_H_
#define TENSORFLOW_LITE_MICRO_CORTEX_M_GENERIC_CORE_CLOCK_H_

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

// Boards define this. The library's own definition is weak and returns 0,
// meaning "unknown": ticks still count, ticks_per_second() is 0.
uint32_t CortexMCoreClockHz(void);

#ifdef __cplusplus
}  // extern "C"
#endif

#endif  // TENSORFLOW_LITE_MICRO_CORTEX_M_GENERIC_CORE_CLOCK_H_
