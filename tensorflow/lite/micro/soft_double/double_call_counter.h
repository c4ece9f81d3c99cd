// Counts calls to double-precision routines: the software double helpers of
// libgcc and the C library's double math functions (soft_double.bzl lists
// them). A program that links :double_call_counter has each of those
// symbols wrapped by a counting thunk (double_call_thunks.S), so every call,
// from any code, adds one to that symbol's counter.
//
// What is counted depends on the target (Coverage()):
//   kAll       Cortex-M cores without a double-precision FPU (M0+, M3,
//              M4F): every double operation there is one of these calls.
//   kLibmOnly  x86-64 hosts and Cortex-M cores with a double FPU (M7,
//              M55): double arithmetic and conversions are instructions,
//              only calls to the math functions (and, on Arm, the 64-bit
//              conversions) are seen.
//   kNone      other hosts: nothing is wrapped and the counters stay 0.
#ifndef TENSORFLOW_LITE_MICRO_SOFT_DOUBLE_DOUBLE_CALL_COUNTER_H_
#define TENSORFLOW_LITE_MICRO_SOFT_DOUBLE_DOUBLE_CALL_COUNTER_H_

#include <cstdint>

namespace tflite {
namespace soft_double {

enum class Coverage { kNone, kLibmOnly, kAll };

Coverage CountedCalls();
// "every double operation", "math-library calls only" or "nothing".
const char* CoverageDescription();

// The symbols, in counter order.
int SymbolCount();
const char* SymbolName(int symbol);
// -1 when `name` is not counted.
int SymbolIndex(const char* name);

// Calls so far to one symbol, and to all of them.
uint32_t Count(int symbol);
uint32_t TotalCount();
// Copies every counter into counts[0 .. SymbolCount()).
void ReadCounts(uint32_t* counts);

}  // namespace soft_double
}  // namespace tflite

#endif  // TENSORFLOW_LITE_MICRO_SOFT_DOUBLE_DOUBLE_CALL_COUNTER_H_
