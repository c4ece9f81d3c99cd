// Random cases for the optimized-versus-reference tests.
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_OPTIMIZED_TEST_UTIL_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_OPTIMIZED_TEST_UTIL_H_

#include <cstdint>
#include <cstring>
#include <functional>
#include <random>
#include <vector>

#include "tensorflow/lite/kernels/internal/optimized/cpu.h"
#include "tensorflow/lite/kernels/internal/reference/add_sub.h"
#include "tensorflow/lite/kernels/internal/types.h"

namespace tflite {
namespace optimized_ops {
namespace testing {

// Every instruction set this CPU runs.
inline std::vector<Isa> SupportedIsas() {
  std::vector<Isa> isas;
  for (Isa isa : {Isa::kGeneric, Isa::kAvx2, Isa::kAvx512Vnni}) {
    if (IsaSupported(isa)) isas.push_back(isa);
  }
  return isas;
}

class Random {
 public:
  explicit Random(uint32_t seed) : engine_(seed) {}
  int Int(int lo, int hi) {  // [lo, hi]
    return std::uniform_int_distribution<int>(lo, hi)(engine_);
  }
  bool Chance(double p) { return std::bernoulli_distribution(p)(engine_); }
  float Float(float lo, float hi) {
    return std::uniform_real_distribution<float>(lo, hi)(engine_);
  }
  template <typename T>
  std::vector<T> Ints(size_t n, int lo, int hi) {
    std::vector<T> v(n);
    for (auto& x : v) x = static_cast<T>(Int(lo, hi));
    return v;
  }
  std::vector<float> Floats(size_t n, float lo, float hi) {
    std::vector<float> v(n);
    for (auto& x : v) x = Float(lo, hi);
    return v;
  }
  // A quantized multiplier in [2^30, 2^31).
  int32_t Multiplier() {
    return static_cast<int32_t>((1u << 30) +
                                (static_cast<uint32_t>(engine_()) >> 2));
  }

 private:
  std::mt19937 engine_;
};

template <typename T>
bool BitEqual(const std::vector<T>& a, const std::vector<T>& b) {
  // Empty vectors may hold null data, which memcmp must not be given.
  return a.size() == b.size() &&
         (a.empty() ||
          std::memcmp(a.data(), b.data(), sizeof(T) * a.size()) == 0);
}

// int8 ADD's parameters as the kernel's Prepare makes them: int8 zero
// points, left shift 20, multipliers below one, any activation range.
inline ArithmeticParams RandomInt8AddParams(Random& rng) {
  ArithmeticParams p = {};
  p.left_shift = 20;
  p.input1_offset = rng.Int(-127, 128);
  p.input2_offset = rng.Int(-127, 128);
  p.output_offset = rng.Int(-128, 127);
  p.input1_multiplier = rng.Multiplier();
  p.input2_multiplier = rng.Multiplier();
  p.output_multiplier = rng.Multiplier();
  p.input1_shift = rng.Int(-8, 0);
  p.input2_shift = rng.Int(-8, 0);
  p.output_shift = rng.Int(-24, 3);
  const bool clamp = rng.Chance(0.5);
  p.quantized_activation_min = clamp ? rng.Int(-128, 0) : -128;
  p.quantized_activation_max = clamp ? rng.Int(0, 127) : 127;
  return p;
}

// reference_ops::QuantizedAddSub's ADD of two same-size int8 vectors.
inline std::vector<int8_t> ReferenceInt8Add(const ArithmeticParams& p,
                                            const std::vector<int8_t>& a,
                                            const std::vector<int8_t>& b) {
  const RuntimeShape shape({static_cast<int>(a.size())});
  std::vector<int8_t> sum(a.size());
  reference_ops::QuantizedAddSub<int8_t, std::plus<int32_t>>(
      p, shape, a.data(), shape, b.data(), shape, sum.data());
  return sum;
}

}  // namespace testing
}  // namespace optimized_ops
}  // namespace tflite

#endif  // TENSORFLOW_LITE_KERNELS_INTERNAL_OPTIMIZED_TEST_UTIL_H_
