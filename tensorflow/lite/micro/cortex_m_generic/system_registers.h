// The Armv6-M/v7-M/v8-M system registers the Cortex-M support code uses
// (addresses from the Armv7-M and Armv8-M architecture reference manuals;
// the same on every core that has the register).
#ifndef TENSORFLOW_LITE_MICRO_CORTEX_M_GENERIC_SYSTEM_REGISTERS_H_
#define TENSORFLOW_LITE_MICRO_CORTEX_M_GENERIC_SYSTEM_REGISTERS_H_

#include <cstdint>

namespace cortex_m_registers {

inline volatile uint32_t& Register(uintptr_t address) {
  return *reinterpret_cast<volatile uint32_t*>(address);
}

// Debug: DWT cycle counter and its enable.
constexpr uintptr_t kDwtCtrl = 0xE0001000;
constexpr uintptr_t kDwtCyccnt = 0xE0001004;
// SysTick.
constexpr uintptr_t kSysTickCsr = 0xE000E010;
constexpr uintptr_t kSysTickRvr = 0xE000E014;
constexpr uintptr_t kSysTickCvr = 0xE000E018;
// System control block.
constexpr uintptr_t kCpuid = 0xE000ED00;
constexpr uintptr_t kIcsr = 0xE000ED04;
constexpr uintptr_t kCcr = 0xE000ED14;
constexpr uintptr_t kShcsr = 0xE000ED24;
constexpr uintptr_t kCfsr = 0xE000ED28;
constexpr uintptr_t kHfsr = 0xE000ED2C;
constexpr uintptr_t kMmfar = 0xE000ED34;
constexpr uintptr_t kBfar = 0xE000ED38;
constexpr uintptr_t kCpacr = 0xE000ED88;
constexpr uintptr_t kMpuCtrl = 0xE000ED94;
constexpr uintptr_t kSfsr = 0xE000EDE4;
constexpr uintptr_t kSfar = 0xE000EDE8;
constexpr uintptr_t kDemcr = 0xE000EDFC;

}  // namespace cortex_m_registers

#endif  // TENSORFLOW_LITE_MICRO_CORTEX_M_GENERIC_SYSTEM_REGISTERS_H_
