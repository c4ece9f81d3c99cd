#include "tensorflow/lite/micro/soft_double/double_call_counter.h"

#include <cstring>

#include "tensorflow/lite/micro/soft_double/double_symbols.inc"

namespace {

const char* const kSymbolNames[] = {
#define SOFT_DOUBLE_HELPER(index, name) #name,
#define LIBM_DOUBLE_FUNCTION(index, name) #name,
#include "tensorflow/lite/micro/soft_double/double_symbols.inc"
#undef SOFT_DOUBLE_HELPER
#undef LIBM_DOUBLE_FUNCTION
};
static_assert(sizeof(kSymbolNames) / sizeof(kSymbolNames[0]) ==
                  SOFT_DOUBLE_SYMBOL_COUNT,
              "one name per counter");

}  // namespace

#if defined(__arm__) || defined(__x86_64__)
#define SOFT_DOUBLE_HAS_THUNKS 1
// Defined in double_call_thunks.S.
extern "C" __attribute__((visibility("hidden"))) volatile uint32_t
    soft_double_call_counts[SOFT_DOUBLE_SYMBOL_COUNT];
#endif

namespace tflite {
namespace soft_double {

Coverage CountedCalls() {
#if defined(__arm__) && !(defined(__ARM_FP) && (__ARM_FP & 8))
  return Coverage::kAll;
#elif defined(SOFT_DOUBLE_HAS_THUNKS)
  return Coverage::kLibmOnly;
#else
  return Coverage::kNone;
#endif
}

const char* CoverageDescription() {
  switch (CountedCalls()) {
    case Coverage::kAll:
      return "every double operation";
    case Coverage::kLibmOnly:
      return "math-library calls only";
    case Coverage::kNone:
      break;
  }
  return "nothing";
}

int SymbolCount() { return SOFT_DOUBLE_SYMBOL_COUNT; }

const char* SymbolName(int symbol) {
  return symbol >= 0 && symbol < SOFT_DOUBLE_SYMBOL_COUNT ? kSymbolNames[symbol]
                                                          : "?";
}

int SymbolIndex(const char* name) {
  for (int i = 0; i < SOFT_DOUBLE_SYMBOL_COUNT; ++i) {
    if (std::strcmp(kSymbolNames[i], name) == 0) return i;
  }
  return -1;
}

uint32_t Count(int symbol) {
#if defined(SOFT_DOUBLE_HAS_THUNKS)
  if (symbol >= 0 && symbol < SOFT_DOUBLE_SYMBOL_COUNT) {
    return soft_double_call_counts[symbol];
  }
#endif
  (void)symbol;
  return 0;
}

uint32_t TotalCount() {
  uint32_t total = 0;
  for (int i = 0; i < SOFT_DOUBLE_SYMBOL_COUNT; ++i) total += Count(i);
  return total;
}

void ReadCounts(uint32_t* counts) {
  for (int i = 0; i < SOFT_DOUBLE_SYMBOL_COUNT; ++i) counts[i] = Count(i);
}

}  // namespace soft_double
}  // namespace tflite
