#include "tensorflow/lite/kernels/internal/optimized/cpu.h"

#include <atomic>

namespace tflite {
namespace optimized_ops {
namespace {

Isa Detect() {
#if TFLITE_OPTIMIZED_X86 && defined(__GNUC__)
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
      __builtin_cpu_supports("avx512vl") &&
      __builtin_cpu_supports("avx512dq") &&
      __builtin_cpu_supports("avx512vnni")) {
    return Isa::kAvx512Vnni;
  }
  if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) {
    return Isa::kAvx2;
  }
#endif
  return Isa::kGeneric;
}

std::atomic<int> max_isa{static_cast<int>(Isa::kAvx512Vnni)};

}  // namespace

Isa BestIsa() {
  static const Isa best = Detect();
  return best;
}

bool IsaSupported(Isa isa) {
  return static_cast<int>(isa) <= static_cast<int>(BestIsa());
}

Isa ActiveIsa() {
  const int best = static_cast<int>(BestIsa());
  const int limit = max_isa.load(std::memory_order_relaxed);
  return static_cast<Isa>(best < limit ? best : limit);
}

void SetMaxIsa(Isa isa) {
  max_isa.store(static_cast<int>(isa), std::memory_order_relaxed);
}

const char* IsaName(Isa isa) {
  switch (isa) {
    case Isa::kGeneric:
      return "generic";
    case Isa::kAvx2:
      return "avx2";
    case Isa::kAvx512Vnni:
      return "avx512vnni";
  }
  return "?";
}

}  // namespace optimized_ops
}  // namespace tflite
