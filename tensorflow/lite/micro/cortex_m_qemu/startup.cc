// Reset and exit for firmware running under qemu-system-arm -semihosting on
// the MPS2/MPS3 machines: the vector table, the C/C++ runtime set-up, argv
// from the semihosting command line, and main's status as QEMU's exit
// status. Link with -nostartfiles and one of this folder's linker scripts,
// which define the symbols used here.
#include <sys/types.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "tensorflow/lite/micro/cortex_m_generic/core_clock.h"
#include "tensorflow/lite/micro/cortex_m_generic/debug_log_callback.h"
#include "tensorflow/lite/micro/cortex_m_generic/system_registers.h"
#include "tensorflow/lite/micro/cortex_m_qemu/board.h"
#include "tensorflow/lite/micro/cortex_m_qemu/semihosting.h"

extern "C" {
// Linker-script symbols (see cortex_m_qemu_sections.ld).
extern char __stack_limit[];
extern char __stack_top[];
extern char __stack_guard_size[];  // an absolute symbol: its address
extern char __heap_start[];
extern char __heap_end[];
extern char __data_load[];
extern char __data_start[];
extern char __data_end[];
extern char __tdata_load[];
extern char __tdata_start[];
extern char __tdata_end[];
extern char __bss_start[];
extern char __bss_end[];
extern char __tbss_start[];
extern char __tbss_end[];
extern char __arm_tp[];
extern void (*__preinit_array_start[])();
extern void (*__preinit_array_end[])();
extern void (*__init_array_start[])();
extern void (*__init_array_end[])();

// The application's main, under another name: C++ forbids calling main.
int ApplicationMain(int argc, char** argv) __asm__("main");
void Reset_Handler();
void* _sbrk(ptrdiff_t increment);  // syscalls.cc

// The exception handlers (fault_handlers.cc, or SysTick_Handler from
// cortex_m_generic's micro_time.cc). Unused ones fall to Default_Handler.
void NMI_Handler();
void HardFault_Handler();
void MemManage_Handler();
void BusFault_Handler();
void UsageFault_Handler();
void SecureFault_Handler();
void Default_Handler();
void SVC_Handler() noexcept __attribute__((weak, alias("Unhandled_Exception")));
void DebugMon_Handler() noexcept
    __attribute__((weak, alias("Unhandled_Exception")));
void PendSV_Handler() noexcept
    __attribute__((weak, alias("Unhandled_Exception")));
void SysTick_Handler() noexcept
    __attribute__((weak, alias("Unhandled_Exception")));

// Jumps (keeping LR's EXC_RETURN and the stack as they are) to
// Default_Handler, which reports the exception and exits.
__attribute__((naked)) void Unhandled_Exception() noexcept {
  __asm__ volatile(
      "ldr r0, 1f\n"
      "bx r0\n"
      ".p2align 2\n"
      "1: .word Default_Handler\n");
}

// newlib's __libc_init_array/__libc_fini_array call these; crti.o, which
// -nostartfiles leaves out, normally defines them. Our .init_array and
// .fini_array lists carry all the work.
void _init() {}
void _fini() {}

// C++ objects with static storage register their destructors against this
// (crtbegin.o, which -nostartfiles leaves out, normally defines it).
void* __dso_handle = nullptr;
}

namespace {

using Handler = void (*)();

// No interrupt is ever enabled, but room for the MPS2 machines' 32 device
// interrupts means a stray one reaches Default_Handler, not garbage.
constexpr int kDeviceInterrupts = 32;

struct VectorTable {
  void* initial_stack_pointer;
  Handler exceptions[15];
  Handler interrupts[kDeviceInterrupts];
};

}  // namespace

// The core reads the initial SP and the reset address from here (VTOR
// resets to 0 on all four machines; the linker scripts put .vectors at 0).
__attribute__((section(".vectors"), used)) const VectorTable vector_table = {
    __stack_top,
    {
        Reset_Handler,        // 1
        NMI_Handler,          // 2
        HardFault_Handler,    // 3
        MemManage_Handler,    // 4
        BusFault_Handler,     // 5
        UsageFault_Handler,   // 6
        SecureFault_Handler,  // 7 (Armv8-M; reserved before)
        nullptr,              // 8-10 reserved
        nullptr, nullptr,
        SVC_Handler,       // 11
        DebugMon_Handler,  // 12
        nullptr,           // 13 reserved
        PendSV_Handler,    // 14
        SysTick_Handler,   // 15
    },
    {
        Default_Handler, Default_Handler, Default_Handler, Default_Handler,
        Default_Handler, Default_Handler, Default_Handler, Default_Handler,
        Default_Handler, Default_Handler, Default_Handler, Default_Handler,
        Default_Handler, Default_Handler, Default_Handler, Default_Handler,
        Default_Handler, Default_Handler, Default_Handler, Default_Handler,
        Default_Handler, Default_Handler, Default_Handler, Default_Handler,
        Default_Handler, Default_Handler, Default_Handler, Default_Handler,
        Default_Handler, Default_Handler, Default_Handler, Default_Handler,
    },
};

namespace cortex_m_qemu {
namespace {

constexpr uint32_t kStackPaint = 0x5AC0FFEE;
// Reset leaves this many bytes under its own frame unpainted.
constexpr size_t kPaintMargin = 256;
// The lowest usable bytes of the stack: if these lose their paint, the
// stack has (almost certainly) overflowed.
constexpr size_t kCanaryBytes = 32;

// The stack's lowest usable address: above the MPU guard region when
// there is one.
char* stack_floor = __stack_limit;

using namespace cortex_m_registers;  // NOLINT: the register names

// Word loops through volatile pointers, so the compiler neither turns them
// into memcpy/memset calls (the C library is not set up yet) nor
// vectorizes them (before the FPU/MVE enable has taken effect).
void CopyWords(const char* from, char* to, const char* to_end) {
  const volatile uint32_t* source =
      reinterpret_cast<const volatile uint32_t*>(from);
  volatile uint32_t* target = reinterpret_cast<volatile uint32_t*>(to);
  const uint32_t* end = reinterpret_cast<const uint32_t*>(to_end);
  while (target < end) *target++ = *source++;
}

void FillWords(char* from, const char* to, uint32_t value) {
  volatile uint32_t* word = reinterpret_cast<volatile uint32_t*>(from);
  const uint32_t* end = reinterpret_cast<const uint32_t*>(to);
  while (word < end) *word++ = value;
}

// Paints the stack below the current frame so StackHighWaterBytes can find
// the deepest point reached later.
__attribute__((noinline)) void PaintStack() {
  char* here = static_cast<char*>(__builtin_frame_address(0));
  char* paint_end = here - kPaintMargin;
  FillWords(__stack_limit,
            reinterpret_cast<char*>(reinterpret_cast<uintptr_t>(paint_end) &
                                    ~uintptr_t{3}),
            kStackPaint);
}

bool StackCanaryIntact() {
  const uint32_t* canary = reinterpret_cast<const uint32_t*>(stack_floor);
  for (size_t i = 0; i < kCanaryBytes / 4; ++i) {
    if (canary[i] != kStackPaint) return false;
  }
  return true;
}

// Armv7-M (and Armv6-M images, which QEMU runs on its Cortex-M3): an MPU
// region that forbids all access to the stack's lowest __stack_guard_size
// bytes, so running off the stack is a MemManage fault rather than a
// silent overwrite of whatever lies below. (Armv8-M uses MSPLIM instead;
// its MPU also has another register layout.)
void ConfigureStackGuard() {
#if !defined(__ARM_ARCH_8M_MAIN__) && !defined(__ARM_ARCH_8M_BASE__)
  constexpr uintptr_t kMpuType = 0xE000ED90;
  constexpr uintptr_t kMpuRnr = 0xE000ED98;
  constexpr uintptr_t kMpuRbar = 0xE000ED9C;
  constexpr uintptr_t kMpuRasr = 0xE000EDA0;
  const uintptr_t base = reinterpret_cast<uintptr_t>(__stack_limit);
  const uintptr_t size = reinterpret_cast<uintptr_t>(__stack_guard_size);
  int size_log2 = 0;
  while ((uintptr_t{1} << size_log2) < size) ++size_log2;
  const bool usable = ((Register(kCpuid) >> 16) & 0xF) == 0xF &&
                      ((Register(kMpuType) >> 8) & 0xFF) != 0 && size >= 32 &&
                      (uintptr_t{1} << size_log2) == size && base % size == 0;
  if (!usable) return;
  Register(kMpuRnr) = 0;
  Register(kMpuRbar) = static_cast<uint32_t>(base);
  // XN, no access for anyone (AP 0), SIZE = log2(size) - 1, enabled.
  Register(kMpuRasr) =
      (1u << 28) | (static_cast<uint32_t>(size_log2 - 1) << 1) | 1u;
  // PRIVDEFENA: everything else keeps the default memory map.
  Register(kMpuCtrl) = (1u << 2) | 1u;
  __asm__ volatile("dsb\n isb" ::: "memory");
  stack_floor = __stack_limit + size;
#endif
}

// The core's fault and trap settings, once per reset.
void ConfigureTraps() {
#if defined(__ARM_ARCH_6M__)
  // An Armv6-M image runs on mps2-an385's Cortex-M3, which (unlike an
  // M0/M0+) would quietly do unaligned word and halfword accesses. Trap
  // them, as the core the image is built for would.
  Register(kCcr) |= 1u << 3;  // UNALIGN_TRP
#else
  // Integer division by zero traps, as it does on the hosts tests also run
  // on, rather than silently giving 0.
  Register(kCcr) |= 1u << 4;  // DIV_0_TRP
  // MemManage, BusFault, UsageFault (and on Armv8-M SecureFault) get their
  // own handlers instead of escalating to HardFault.
  uint32_t enable = (1u << 16) | (1u << 17) | (1u << 18);
#if defined(__ARM_ARCH_8M_MAIN__)
  enable |= 1u << 19;
#endif
  Register(kShcsr) |= enable;
#endif
  __asm__ volatile("dsb\n isb" ::: "memory");
}

// Splits the semihosting command line at spaces. QEMU joins the arg=
// values with single spaces and no quoting, so an argument cannot itself
// contain a space (tools/qemu/run_firmware.sh refuses such arguments).
int SplitCommandLine(char* text, char** argv, int max_args) {
  int argc = 0;
  char* p = text;
  while (*p != '\0' && argc < max_args) {
    while (*p == ' ' || *p == '\t' || *p == '\n') *p++ = '\0';
    if (*p == '\0') break;
    argv[argc++] = p;
    while (*p != '\0' && *p != ' ' && *p != '\t' && *p != '\n') ++p;
  }
  argv[argc] = nullptr;
  return argc;
}

}  // namespace

void WriteToStderr(const char* text) { write(2, text, std::strlen(text)); }

size_t StackSizeBytes() {
  return static_cast<size_t>(__stack_top - stack_floor);
}

size_t StackHighWaterBytes() {
  const uint32_t* word = reinterpret_cast<const uint32_t*>(stack_floor);
  const uint32_t* top = reinterpret_cast<const uint32_t*>(__stack_top);
  while (word < top && *word == kStackPaint) ++word;
  return static_cast<size_t>(reinterpret_cast<const char*>(top) -
                             reinterpret_cast<const char*>(word));
}

size_t HeapSizeBytes() {
  return static_cast<size_t>(__heap_end - __heap_start);
}

size_t HeapUsedBytes() {
  // _sbrk(0) is the heap's current end.
  return static_cast<size_t>(static_cast<char*>(_sbrk(0)) - __heap_start);
}

const char* MachineName() {
  switch ((Register(kCpuid) >> 4) & 0xFFF) {
    case 0xC23:
      return "mps2-an385";
    case 0xC24:
      return "mps2-an386";
    case 0xC27:
      return "mps2-an500";
    case 0xD22:
      return "mps3-an547";
    default:
      return "unknown";
  }
}

uint32_t CoreClockHz() {
  // QEMU clocks the MPS2 FPGA images' cores at 25 MHz and the AN547's at
  // 32 MHz (each machine's SYSCLK).
  return std::strcmp(MachineName(), "mps3-an547") == 0 ? 32000000u : 25000000u;
}

}  // namespace cortex_m_qemu

extern "C" {

uint32_t CortexMCoreClockHz(void) { return cortex_m_qemu::CoreClockHz(); }

// Weak references: the startup offers its semihosting writer to
// cortex_m_generic's DebugLog only when that is linked in.
void RegisterDebugLogCallback(DebugLogCallback cb) __attribute__((weak));

// The thread pointer for `thread_local` (the compiler calls this; it may
// change only r0). One thread: the .tdata/.tbss image in RAM is its block,
// and the linker script puts __arm_tp where the ABI expects (the block
// minus the 8-byte thread control block, rounded to the TLS alignment).
__attribute__((naked)) void* __aeabi_read_tp() {
  __asm__ volatile(
      "ldr r0, 1f\n"
      "bx lr\n"
      ".p2align 2\n"
      "1: .word __arm_tp\n");
}

void Reset_Handler() {
#if defined(__ARM_ARCH_8M_MAIN__)
  // Armv8-M checks the main stack against MSPLIM: overflowing the stack
  // region becomes a UsageFault (STKOF) instead of silent corruption.
  __asm__ volatile("msr msplim, %0" : : "r"(__stack_limit));
#endif
#if defined(__ARM_FP) || defined(__ARM_FEATURE_MVE)
  // Full access to coprocessors 10 and 11: the FPU and, on Armv8.1-M, MVE.
  // Before any code that may use them.
  cortex_m_qemu::Register(cortex_m_qemu::kCpacr) |= 0xFu << 20;
  __asm__ volatile("dsb\n isb" ::: "memory");
#endif
  cortex_m_qemu::CopyWords(__data_load, __data_start, __data_end);
  cortex_m_qemu::CopyWords(__tdata_load, __tdata_start, __tdata_end);
  cortex_m_qemu::FillWords(__bss_start, __bss_end, 0);
  cortex_m_qemu::FillWords(__tbss_start, __tbss_end, 0);
  cortex_m_qemu::PaintStack();
  cortex_m_qemu::ConfigureTraps();
  cortex_m_qemu::ConfigureStackGuard();

  for (auto* f = __preinit_array_start; f < __preinit_array_end; ++f) (*f)();
  for (auto* f = __init_array_start; f < __init_array_end; ++f) (*f)();

  if (RegisterDebugLogCallback != nullptr) {
    RegisterDebugLogCallback(cortex_m_qemu::WriteToStderr);
  }

  constexpr int kMaxArgs = 128;
  static char command_line[4096];
  static char* argv[kMaxArgs + 1];
  int argc = 0;
  if (cortex_m_qemu::semihosting::GetCommandLine(command_line,
                                                 sizeof(command_line))) {
    argc = cortex_m_qemu::SplitCommandLine(command_line, argv, kMaxArgs);
  } else {
    cortex_m_qemu::semihosting::Write0(
        "firmware: warning: no command line from the host (longer than 4095 "
        "characters?); running without arguments\n");
  }
  if (argc == kMaxArgs) {
    cortex_m_qemu::semihosting::Write0(
        "firmware: warning: arguments past the 128th are dropped\n");
  }
  if (argc == 0) {
    static char name[] = "firmware";
    argv[0] = name;
    argv[1] = nullptr;
    argc = 1;
  }
  // exit() runs atexit handlers and static destructors, flushes stdio,
  // then calls _exit below.
  exit(ApplicationMain(argc, argv));
}

// The end of every run: report an overflowed stack, then hand the status
// to QEMU, which exits with it.
void _exit(int status) {
  if (!cortex_m_qemu::StackCanaryIntact()) {
    cortex_m_qemu::semihosting::Write0(
        "firmware: the stack overflowed its region (its lowest bytes were "
        "overwritten); raise __stack_size\n");
    if (status == 0) status = 1;
  }
  cortex_m_qemu::semihosting::Exit(status);
}

}  // extern "C"
