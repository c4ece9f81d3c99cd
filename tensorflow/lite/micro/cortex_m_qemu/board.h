// What the QEMU MPS2/MPS3 board support tells an application about the
// machine it runs on. The startup code (startup.cc) fills the stack with a
// pattern at reset, so the deepest point the stack has reached can be read
// back at any time.
#ifndef TENSORFLOW_LITE_MICRO_CORTEX_M_QEMU_BOARD_H_
#define TENSORFLOW_LITE_MICRO_CORTEX_M_QEMU_BOARD_H_

#include <cstddef>
#include <cstdint>

namespace cortex_m_qemu {

// The stack region's size, from the linker script (__stack_size).
size_t StackSizeBytes();

// The most stack used since reset, in bytes: the stack region's top down to
// the lowest word no longer holding the reset pattern. Exact to a word
// unless the program stored the pattern itself (0x5AC0FFEE).
size_t StackHighWaterBytes();

// The heap's capacity and what malloc has taken from it so far.
size_t HeapSizeBytes();
size_t HeapUsedBytes();

// Which QEMU machine this core belongs to, from CPUID's part number:
// "mps2-an385" (Cortex-M3; also where Armv6-M images run), "mps2-an386"
// (M4), "mps2-an500" (M7), "mps3-an547" (M55), or "unknown".
const char* MachineName();

// The core clock SysTick counts: 25 MHz on the MPS2 machines, 32 MHz on
// the MPS3 AN547 (QEMU's models; measured with -icount shift=0).
uint32_t CoreClockHz();

// Writes text to stderr through semihosting: the DebugLog callback the
// startup registers (for re-registering after installing another).
void WriteToStderr(const char* text);

}  // namespace cortex_m_qemu

#endif  // TENSORFLOW_LITE_MICRO_CORTEX_M_QEMU_BOARD_H_
