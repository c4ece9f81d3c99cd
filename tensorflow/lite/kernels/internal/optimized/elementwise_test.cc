// Optimized float16 DEQUANTIZE and float RELU == reference, bit for bit.
#include "tensorflow/lite/kernels/internal/optimized/elementwise.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "tensorflow/lite/kernels/internal/optimized/test_util.h"
#include "tensorflow/lite/kernels/internal/quantization_util.h"
#include "tensorflow/lite/kernels/internal/reference/activations.h"

namespace tflite {
namespace optimized_ops {
namespace {

using testing::BitEqual;
using testing::Random;

TEST(OptimizedHalfToFloat, EveryValueMatchesReference) {
  std::vector<uint16_t> halves(65536);
  for (int i = 0; i < 65536; ++i) halves[i] = static_cast<uint16_t>(i);
  std::vector<float> expected(65536);
  for (int i = 0; i < 65536; ++i) expected[i] = tflite::HalfToFloat(halves[i]);
  // Every offset and length up to 40 around the vector width, then all.
  for (int start = 0; start < 9; ++start) {
    for (int size = 0; size < 40; ++size) {
      std::vector<float> actual(size);
      optimized_ops::HalfToFloat(halves.data() + start * 1000, size,
                                 actual.data());
      std::vector<float> want(expected.begin() + start * 1000,
                              expected.begin() + start * 1000 + size);
      ASSERT_TRUE(BitEqual(want, actual)) << start << " " << size;
    }
  }
  std::vector<float> actual(65536);
  optimized_ops::HalfToFloat(halves.data(), 65536, actual.data());
  EXPECT_TRUE(BitEqual(expected, actual));
}

TEST(OptimizedReluX, FloatMatchesReference) {
  Random rng(81);
  const float inf = std::numeric_limits<float>::infinity();
  const float bounds[][2] = {{0.0f, inf}, {0.0f, 6.0f}, {-1.0f, 1.0f}};
  for (int iteration = 0; iteration < 300; ++iteration) {
    const int size = rng.Int(0, 200);
    auto input = rng.Floats(size, -8, 8);
    for (auto& x : input) {
      if (rng.Chance(0.03)) x = -0.0f;
      if (rng.Chance(0.03)) x = 0.0f;
      if (rng.Chance(0.02)) x = std::numeric_limits<float>::quiet_NaN();
      if (rng.Chance(0.02)) x = rng.Chance(0.5) ? inf : -inf;
    }
    const auto& b = bounds[iteration % 3];
    std::vector<float> expected(size);
    std::vector<float> actual(size, 9.0f);
    reference_ops::ReluX(b[0], b[1], input.data(), size, expected.data());
    optimized_ops::ReluX(b[0], b[1], input.data(), size, actual.data());
    ASSERT_TRUE(BitEqual(expected, actual)) << "iteration " << iteration;
  }
}

}  // namespace
}  // namespace optimized_ops
}  // namespace tflite
