// Optimized int8 ADD == reference, bit for bit, on random cases.
#include "tensorflow/lite/kernels/internal/optimized/add.h"

#include <gtest/gtest.h>

#include <functional>
#include <vector>

#include "tensorflow/lite/kernels/internal/optimized/test_util.h"
#include "tensorflow/lite/kernels/internal/reference/add_sub.h"

namespace tflite {
namespace optimized_ops {
namespace {

using testing::BitEqual;
using testing::Random;
using testing::SupportedIsas;

TEST(OptimizedAdd, Int8MatchesReference) {
  Random rng(31);
  for (int iteration = 0; iteration < 300; ++iteration) {
    const int size = rng.Int(1, 300);
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
    auto a = rng.Ints<int8_t>(size, -128, 127);
    auto b = rng.Ints<int8_t>(size, -128, 127);
    const RuntimeShape shape({size});
    std::vector<int8_t> expected(size);
    reference_ops::QuantizedAddSub<int8_t, std::plus<int32_t>>(
        p, shape, a.data(), shape, b.data(), shape, expected.data());
    for (Isa isa : SupportedIsas()) {
      std::vector<int8_t> actual(size, 55);
      optimized_integer_ops::AddElementwise(p, size, a.data(), b.data(),
                                            actual.data(), isa);
      ASSERT_TRUE(BitEqual(expected, actual))
          << "iteration " << iteration << " isa " << IsaName(isa);
    }
  }
}

}  // namespace
}  // namespace optimized_ops
}  // namespace tflite
