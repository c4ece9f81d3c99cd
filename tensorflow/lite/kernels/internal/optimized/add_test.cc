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
    const ArithmeticParams p = testing::RandomInt8AddParams(rng);
    auto a = rng.Ints<int8_t>(size, -128, 127);
    auto b = rng.Ints<int8_t>(size, -128, 127);
    const std::vector<int8_t> expected = testing::ReferenceInt8Add(p, a, b);
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
