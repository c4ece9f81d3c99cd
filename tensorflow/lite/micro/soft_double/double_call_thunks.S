/*
 * Counting thunks for the double-precision entry points of
 * double_symbols.inc (made from soft_double.bzl). The link wraps each
 * symbol S (-Wl,--wrap=S): every call to S from another object, the C
 * library's and libgcc's included, reaches __wrap_S here, which adds one to
 * soft_double_call_counts[index of S] and jumps on to the real S
 * (__real_S) with the caller's registers, stack and return address as they
 * were. (Branches inside the object that defines S, such as those between
 * libgcc's double routines in one file, are not wrapped.) The thunks touch no floating-point register and keep every
 * argument register, so one thunk serves every signature and both Arm
 * float ABIs (and the helpers that return their result in the flags).
 *
 *   Arm (every Cortex-M, Thumb-1 instructions only): the libgcc helpers
 *     and the libm functions.
 *   x86-64 hosts: the libm functions only (there double arithmetic and
 *     conversions are instructions).
 *   Any other target: no thunks, and nothing is wrapped (see BUILD).
 */
#if defined(__arm__)

  .syntax unified
  .thumb

  .macro DOUBLE_THUNK name, index
  .section .text.__wrap_\name, "ax", %progbits
  .globl __wrap_\name
  .type __wrap_\name, %function
  .thumb_func
  .balign 4
__wrap_\name:
  /* r0-r3 may hold arguments; ip is the scratch register a call may
     clobber (as linker veneers do). */
  push {r0, r1}
  ldr r0, =soft_double_call_counts + 4 * \index
  ldr r1, [r0]
  adds r1, r1, #1
  str r1, [r0]
  ldr r0, =__real_\name
  mov ip, r0
  pop {r0, r1}
  bx ip
  .ltorg
  .size __wrap_\name, . - __wrap_\name
  .endm

#define SOFT_DOUBLE_HELPER(index, name) DOUBLE_THUNK name, index
#define LIBM_DOUBLE_FUNCTION(index, name) DOUBLE_THUNK name, index
#define SOFT_DOUBLE_HAS_THUNKS 1

#elif defined(__x86_64__)

  .macro DOUBLE_THUNK name, index
  .section .text.__wrap_\name, "ax", @progbits
  .globl __wrap_\name
  .type __wrap_\name, @function
  .balign 16
__wrap_\name:
  addl $1, soft_double_call_counts + 4 * \index(%rip)
  jmp __real_\name@PLT
  .size __wrap_\name, . - __wrap_\name
  .endm

#define SOFT_DOUBLE_HELPER(index, name)
#define LIBM_DOUBLE_FUNCTION(index, name) DOUBLE_THUNK name, index
#define SOFT_DOUBLE_HAS_THUNKS 1

#endif

#if defined(SOFT_DOUBLE_HAS_THUNKS)

#include "tensorflow/lite/micro/soft_double/double_symbols.inc"

  /* One 32-bit counter per symbol, zero at reset. Hidden: the counter
     library and these thunks are linked into the same image. */
  .bss
  .balign 4
  .globl soft_double_call_counts
  .hidden soft_double_call_counts
  .type soft_double_call_counts, %object
soft_double_call_counts:
  .space 4 * SOFT_DOUBLE_SYMBOL_COUNT
  .size soft_double_call_counts, . - soft_double_call_counts

#endif

  .section .note.GNU-stack, "", %progbits
