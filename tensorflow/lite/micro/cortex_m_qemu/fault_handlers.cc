// Fault and unexpected-exception handlers: print what happened and where,
// then end the emulation with a failing status, so a firmware never hangs
// silently in a fault loop. Output goes through SYS_WRITE0 (QEMU's
// stderr), which needs no file handle, heap or C library state.
//
// The exit status mimics a host process killed by the matching signal
// (SIGSEGV 139, SIGBUS 135, SIGILL 132, SIGFPE 136; 134 otherwise), so a
// test fails the same way on QEMU as on the host.
#include <cstddef>
#include <cstdint>

#include "tensorflow/lite/micro/cortex_m_generic/system_registers.h"
#include "tensorflow/lite/micro/cortex_m_qemu/semihosting.h"

extern "C" {
extern char __stack_limit[];
extern char __stack_guard_size[];  // an absolute symbol: its address
void ReportFault(const uint32_t* frame, uint32_t exc_return);
extern char cortex_m_qemu_fault_stack[];
}

namespace {

namespace sh = cortex_m_qemu::semihosting;

using namespace cortex_m_registers;  // NOLINT: the register names

void PrintHex(const char* label, uint32_t value) {
  sh::Write0(label);
  char text[12] = {'0', 'x'};
  for (int i = 0; i < 8; ++i) {
    const uint32_t digit = (value >> (28 - 4 * i)) & 0xF;
    text[2 + i] =
        static_cast<char>(digit < 10 ? '0' + digit : 'a' + digit - 10);
  }
  text[10] = ' ';
  text[11] = '\0';
  sh::Write0(text);
}

void PrintDecimal(int value) {
  char text[12];
  char* p = text + sizeof(text) - 1;
  *p = '\0';
  unsigned magnitude = static_cast<unsigned>(value);
  do {
    *--p = static_cast<char>('0' + magnitude % 10);
    magnitude /= 10;
  } while (magnitude != 0);
  sh::Write0(p);
}

const char* ExceptionName(uint32_t number) {
  switch (number) {
    case 2:
      return "NMI";
    case 3:
      return "HardFault";
    case 4:
      return "MemManage fault";
    case 5:
      return "BusFault";
    case 6:
      return "UsageFault";
    case 7:
      return "SecureFault";
    case 11:
      return "unexpected SVCall";
    case 12:
      return "unexpected DebugMonitor exception";
    case 14:
      return "unexpected PendSV";
    case 15:
      return "unexpected SysTick (no handler linked)";
    default:
      return "unexpected device interrupt";
  }
}

// Names of the set bits of CFSR and HFSR (Armv7-M / Armv8-M Mainline).
void PrintFaultBits(uint32_t cfsr, uint32_t hfsr) {
  struct Bit {
    uint32_t mask;
    const char* name;
  };
  static const Bit kCfsrBits[] = {
      {1u << 0, "IACCVIOL(instruction access violation) "},
      {1u << 1, "DACCVIOL(data access violation) "},
      {1u << 3, "MUNSTKERR "},
      {1u << 4, "MSTKERR "},
      {1u << 5, "MLSPERR "},
      {1u << 8, "IBUSERR(instruction bus error) "},
      {1u << 9, "PRECISERR(data bus error) "},
      {1u << 10, "IMPRECISERR(imprecise data bus error) "},
      {1u << 11, "UNSTKERR "},
      {1u << 12, "STKERR(bus error stacking the exception frame) "},
      {1u << 13, "LSPERR "},
      {1u << 16, "UNDEFINSTR(undefined instruction) "},
      {1u << 17, "INVSTATE(invalid state, e.g. ARM-mode branch) "},
      {1u << 18, "INVPC "},
      {1u << 19, "NOCP(coprocessor disabled or absent) "},
      {1u << 20, "STKOF(stack overflow past MSPLIM) "},
      {1u << 24, "UNALIGNED(unaligned access) "},
      {1u << 25, "DIVBYZERO(integer division by zero) "},
  };
  for (const Bit& bit : kCfsrBits) {
    if (cfsr & bit.mask) sh::Write0(bit.name);
  }
  if (hfsr & (1u << 1)) sh::Write0("VECTTBL(vector table read failed) ");
  if (hfsr & (1u << 30)) sh::Write0("FORCED(escalated to HardFault) ");
}

int StatusFor(uint32_t exception, uint32_t cfsr) {
  if (cfsr & (1u << 20)) return 128 + 11;  // SIGSEGV: STKOF
  if (cfsr & (1u << 25)) return 128 + 8;   // SIGFPE
  if (cfsr & ((1u << 16) | (1u << 17) | (1u << 18) | (1u << 19))) {
    return 128 + 4;  // SIGILL
  }
  if (cfsr & ((1u << 24) | 0xFF00u)) return 128 + 7;  // SIGBUS
  if (exception == 3 || exception == 4 || exception == 7) {
    return 128 + 11;  // SIGSEGV
  }
  return 128 + 6;  // SIGABRT
}

}  // namespace

extern "C" {

// Called on the fault stack with the exception's stacked frame (r0-r3, r12,
// lr, pc, xPSR) and the EXC_RETURN value.
void ReportFault(const uint32_t* frame, uint32_t exc_return) {
  uint32_t ipsr;
  __asm__ volatile("mrs %0, ipsr" : "=r"(ipsr));
  const uint32_t exception = ipsr & 0x1FF;
  // CPUID's architecture field is 0xF on Armv7-M and Armv8-M Mainline,
  // which have the fault status registers; Armv6-M has only HardFault.
  // Checked at run time: an Armv6-M image on QEMU runs on a Cortex-M3.
  const bool has_status = ((Register(kCpuid) >> 16) & 0xF) == 0xF;
  const uint32_t cfsr = has_status ? Register(kCfsr) : 0;
  const uint32_t hfsr = has_status ? Register(kHfsr) : 0;
  // The MPU's stack guard must not fault us again while we look around.
  if (has_status) Register(kMpuCtrl) = 0;
  // A frame that could not be stacked (MSTKERR, STKERR, STKOF) holds no
  // registers of the faulting code.
  const bool frame_lost = (cfsr & ((1u << 4) | (1u << 12) | (1u << 20))) != 0;

  sh::Write0("\n*** firmware fault: ");
  sh::Write0(ExceptionName(exception));
  if (exception >= 16) {
    sh::Write0(" ");
    PrintDecimal(static_cast<int>(exception - 16));
  }
  sh::Write0(" ***\n");
  if (frame_lost) {
    sh::Write0(
        "(the exception frame could not be stacked: pc and lr unknown)\n");
  } else {
    PrintHex("pc ", frame[6]);
    PrintHex("lr ", frame[5]);
    PrintHex("xpsr ", frame[7]);
  }
  PrintHex("sp ", static_cast<uint32_t>(reinterpret_cast<uintptr_t>(frame)));
  PrintHex("exc_return ", exc_return);
  sh::Write0("\n");
  if (has_status) {
    PrintHex("CFSR ", cfsr);
    PrintHex("HFSR ", hfsr);
    if (cfsr & (1u << 7)) PrintHex("MMFAR ", Register(kMmfar));
    if (cfsr & (1u << 15)) PrintHex("BFAR ", Register(kBfar));
#if defined(__ARM_ARCH_8M_MAIN__)
    if (exception == 7) {
      PrintHex("SFSR ", Register(kSfsr));
      PrintHex("SFAR ", Register(kSfar));
    }
#endif
    sh::Write0("\n");
    PrintFaultBits(cfsr, hfsr);
    sh::Write0("\n");
  }
  // Overflow shows as STKOF (MSPLIM), as an access to the MPU guard at the
  // stack's base, or as a frame that could not be stacked near there.
  const uintptr_t sp = reinterpret_cast<uintptr_t>(frame);
  const uintptr_t limit = reinterpret_cast<uintptr_t>(__stack_limit);
  const uintptr_t guard = reinterpret_cast<uintptr_t>(__stack_guard_size);
  const bool guard_hit = (cfsr & (1u << 7)) && Register(kMmfar) >= limit &&
                         Register(kMmfar) < limit + guard;
  const bool near_limit = sp >= limit - 64 && sp < limit + guard + 64;
  if ((cfsr & (1u << 20)) || guard_hit ||
      (near_limit && (cfsr & ((1u << 4) | (1u << 12))))) {
    sh::Write0(
        "*** stack overflow: the stack ran past its base; raise "
        "__stack_size (-Wl,--defsym=__stack_size=...) ***\n");
  }
  const int status = StatusFor(exception, cfsr);
  sh::Write0("exiting with status ");
  PrintDecimal(status);
  sh::Write0(" (as if killed by signal ");
  PrintDecimal(status - 128);
  sh::Write0(")\n");
  sh::Exit(status);
}

#define FAULT_STACK_BYTES "2048"  // the size of cortex_m_qemu_fault_stack

// Every fault and unexpected exception enters here: take the frame from
// the stack that was in use (EXC_RETURN bit 2), move to a stack of our own
// (the faulting one may be the problem, e.g. an overflow), and report.
// Thumb-1 instructions only, so Armv6-M builds can use it too.
__attribute__((naked)) void Fault_Entry() {
  __asm__ volatile(
      ".syntax unified\n"  // Armv6-M builds read inline asm as divided
      "movs r0, #4\n"
      "mov r1, lr\n"
      "tst r0, r1\n"
      "beq 1f\n"
      "mrs r0, psp\n"
      "b 2f\n"
      "1:\n"
      "mrs r0, msp\n"
      "2:\n"
#if defined(__ARM_ARCH_8M_MAIN__)
      "movs r2, #0\n"
      "msr msplim, r2\n"  // the fault stack lies outside the stack region
#endif
      "ldr r2, 3f\n"
      "mov sp, r2\n"
      "ldr r2, 4f\n"
      "bx r2\n"
      ".p2align 2\n"
      "3: .word cortex_m_qemu_fault_stack + " FAULT_STACK_BYTES
      "\n"
      "4: .word ReportFault\n");
}

__attribute__((used)) alignas(8) char cortex_m_qemu_fault_stack[2048];

void NMI_Handler() noexcept __attribute__((alias("Fault_Entry")));
void HardFault_Handler() noexcept __attribute__((alias("Fault_Entry")));
void MemManage_Handler() noexcept __attribute__((alias("Fault_Entry")));
void BusFault_Handler() noexcept __attribute__((alias("Fault_Entry")));
void UsageFault_Handler() noexcept __attribute__((alias("Fault_Entry")));
void SecureFault_Handler() noexcept __attribute__((alias("Fault_Entry")));
void Default_Handler() noexcept __attribute__((alias("Fault_Entry")));

}  // extern "C"
