// micro_time for any Cortex-M core: counts core clock cycles.
//
// Where the DWT cycle counter exists and really counts (Armv7-M and
// Armv8-M Mainline parts that implement it), it is the 32-bit tick.
// Otherwise (Armv6-M, or QEMU, whose DWT reads as zero) SysTick counts the
// processor clock down from 2^24 - 1, and its interrupt counts the wraps:
// tick = wraps * 2^24 + cycles into the current period.
//
// Limits of the SysTick path:
//  - This file owns SysTick: it defines SysTick_Handler and programs the
//    timer on first use. Do not combine it with an RTOS tick on SysTick.
//  - Ticks are right while the SysTick interrupt is not held off for a
//    whole period (2^24 cycles: 0.67 s at 25 MHz); a reading with
//    interrupts masked handles one pending wrap.
//  - The 32-bit count wraps after 2^32 cycles (172 s at 25 MHz); intervals
//    up to that long are right when computed as uint32_t differences.
//  - Resolution is one core cycle. (Under QEMU with -icount shift=0 each
//    instruction takes 1 ns, so a tick is 1e9 / ticks_per_second()
//    instructions: 40 at the MPS2 machines' 25 MHz.)
#include "tensorflow/lite/micro/micro_time.h"

#include <cstdint>

#include "tensorflow/lite/micro/cortex_m_generic/core_clock.h"
#include "tensorflow/lite/micro/cortex_m_generic/system_registers.h"

// Tests may shorten the SysTick period to exercise the wrap handling.
#ifndef CORTEX_M_SYSTICK_PERIOD_BITS
#define CORTEX_M_SYSTICK_PERIOD_BITS 24
#endif

namespace {

using namespace cortex_m_registers;  // NOLINT: the register names

constexpr uint32_t kPeriodBits = CORTEX_M_SYSTICK_PERIOD_BITS;
constexpr uint32_t kPeriod = 1u << kPeriodBits;
constexpr uint32_t kPendStSet = 1u << 26;
constexpr uint32_t kPendStClr = 1u << 25;

enum class Source { kNone, kDwt, kSysTick };
Source source = Source::kNone;
volatile uint32_t systick_wraps = 0;
uint32_t last_ticks = 0;  // the previous SysTick reading

bool StartDwt() {
#if defined(__ARM_ARCH_6M__) || defined(__ARM_ARCH_8M_BASE__)
  return false;  // no cycle counter in the baseline architectures
#else
  // CPUID's architecture field is 0xF where the DWT is architected.
  if (((Register(kCpuid) >> 16) & 0xF) != 0xF) return false;
  // TRCENA powers the DWT; NOCYCCNT says it has no cycle counter.
  Register(kDemcr) |= 1u << 24;
  if (Register(kDwtCtrl) & (1u << 25)) return false;
  Register(kDwtCyccnt) = 0;
  Register(kDwtCtrl) |= 1u;  // CYCCNTENA
  // A counter that does not move is not there (QEMU: reads as zero).
  const uint32_t first = Register(kDwtCyccnt);
  for (volatile int i = 0; i < 64; i = i + 1) {
  }
  return Register(kDwtCyccnt) != first;
#endif
}

void StartSysTick() {
  Register(kSysTickCsr) = 0;
  Register(kSysTickRvr) = kPeriod - 1;
  Register(kSysTickCvr) = 0;  // any write clears the count
  Register(kSysTickCsr) = (1u << 2) | (1u << 1) | 1u;  // CPU clock, IRQ, on
  // The count reloads at the first clock edge; until then (for a long
  // while under QEMU without -icount) it reads 0. Start counting after.
  for (uint32_t spin = 0; spin < 1000000 && Register(kSysTickCvr) == 0;
       ++spin) {
  }
  Register(kIcsr) = kPendStClr;  // forget a wrap from the start-up reload
  const uint32_t clear_countflag = Register(kSysTickCsr);  // reading clears
  (void)clear_countflag;
  systick_wraps = 0;
  last_ticks = 0;
}

void Start() {
  if (source != Source::kNone) return;
  if (StartDwt()) {
    source = Source::kDwt;
  } else {
    StartSysTick();
    source = Source::kSysTick;
  }
}

uint32_t ReadSysTick() {
  uint32_t primask;
  __asm__ volatile("mrs %0, primask" : "=r"(primask));
  __asm__ volatile("cpsid i" : : : "memory");
  uint32_t wraps = systick_wraps;
  uint32_t value = Register(kSysTickCvr);
  // With interrupts masked, a wrap since the handler last ran shows as a
  // pending SysTick: count it, and re-read the value so it is from after
  // the wrap too.
  if (Register(kIcsr) & kPendStSet) {
    value = Register(kSysTickCvr);
    ++wraps;
  }
  // The handler runs as the count reaches 0, which is the period's first
  // cycle; then the reload value, 2^bits - 1, is the second.
  uint32_t ticks = (wraps << kPeriodBits) + ((kPeriod - value) & (kPeriod - 1));
  // A count that wrapped before its interrupt was even pended looks like
  // time going back by up to a period. Hardware pends at once, but QEMU
  // (without -icount) pends from its timer thread some time later.
  if (static_cast<int32_t>(ticks - last_ticks) < 0 &&
      last_ticks - ticks < kPeriod) {
    ticks += kPeriod;
  }
  last_ticks = ticks;
  if ((primask & 1) == 0) __asm__ volatile("cpsie i" : : : "memory");
  return ticks;
}

}  // namespace

extern "C" {

void SysTick_Handler() { systick_wraps = systick_wraps + 1; }

// The board's definition replaces this one.
__attribute__((weak)) uint32_t CortexMCoreClockHz(void) { return 0; }

}  // extern "C"

namespace tflite {

uint32_t ticks_per_second() {
  Start();
  return CortexMCoreClockHz();
}

uint32_t GetCurrentTimeTicks() {
  Start();
  return source == Source::kDwt ? Register(kDwtCyccnt) : ReadSysTick();
}

}  // namespace tflite
