// Optimized PRELU == reference, bit for bit, for random sizes, alpha
// repeats and quantization parameters.
#include "tensorflow/lite/kernels/internal/optimized/prelu.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "tensorflow/lite/kernels/internal/optimized/test_util.h"
#include "tensorflow/lite/kernels/internal/reference/activations.h"

namespace tflite {
namespace optimized_ops {
namespace {

using testing::BitEqual;
using testing::Random;

TEST(OptimizedPrelu, FloatMatchesReference) {
  Random rng(71);
  for (int iteration = 0; iteration < 300; ++iteration) {
    const int alpha_size = rng.Chance(0.2) ? 1 : rng.Int(1, 70);
    const int size = alpha_size * rng.Int(0, 40);
    auto input = rng.Floats(size, -4, 4);
    // Signed zeros, infinities and NaN where present.
    if (size > 3) {
      input[0] = -0.0f;
      input[1] = -std::numeric_limits<float>::infinity();
      input[2] = std::numeric_limits<float>::quiet_NaN();
    }
    const auto alpha = rng.Floats(alpha_size, -1, 1);
    std::vector<float> expected(size);
    for (int i = 0; i < size; ++i) {
      expected[i] = reference_ops::Prelu(input[i], alpha[i % alpha_size]);
    }
    std::vector<float> actual(size, 3.0f);
    PreluRepeating(input.data(), size, alpha.data(), alpha_size,
                   actual.data());
    ASSERT_TRUE(BitEqual(expected, actual)) << "iteration " << iteration;
  }
}

TEST(OptimizedPrelu, Int8MatchesReference) {
  Random rng(72);
  for (int iteration = 0; iteration < 300; ++iteration) {
    const int alpha_size = rng.Chance(0.2) ? 1 : rng.Int(1, 70);
    const int size = alpha_size * rng.Int(0, 40);
    PreluParams p;
    p.input_offset = rng.Int(-127, 128);
    p.alpha_offset = rng.Int(-127, 128);
    p.output_offset = rng.Int(-128, 127);
    p.output_multiplier_1 = rng.Multiplier();
    p.output_multiplier_2 = rng.Multiplier();
    p.output_shift_1 = rng.Int(-10, 4);
    p.output_shift_2 = rng.Int(-16, 2);
    const auto input = rng.Ints<int8_t>(size, -128, 127);
    const auto alpha = rng.Ints<int8_t>(alpha_size, -128, 127);
    std::vector<int8_t> expected(size);
    for (int i = 0; i < size; ++i) {
      expected[i] =
          reference_ops::QuantizedPrelu(p, input[i], alpha[i % alpha_size]);
    }
    std::vector<int8_t> actual(size, 5);
    PreluRepeating(p, input.data(), size, alpha.data(), alpha_size,
                   actual.data());
    ASSERT_TRUE(BitEqual(expected, actual)) << "iteration " << iteration;
  }
}

TEST(OptimizedPrelu, AlphaRepeats) {
  int size = 0;
  const int32_t nhwc[] = {1, 8, 8, 16};
  const int32_t per_channel[] = {1, 1, 16};
  EXPECT_TRUE(PreluAlphaRepeats(nhwc, 4, per_channel, 3, &size));
  EXPECT_EQ(size, 16);
  const int32_t scalar[] = {1};
  EXPECT_TRUE(PreluAlphaRepeats(nhwc, 4, scalar, 1, &size));
  EXPECT_EQ(size, 1);
  EXPECT_TRUE(PreluAlphaRepeats(nhwc, 4, nullptr, 0, &size));
  EXPECT_EQ(size, 1);
  const int32_t rows[] = {8, 1, 16};  // broadcast inside: not repeating
  EXPECT_FALSE(PreluAlphaRepeats(nhwc, 4, rows, 3, &size));
  const int32_t spatial[] = {8, 8, 16};
  EXPECT_TRUE(PreluAlphaRepeats(nhwc, 4, spatial, 3, &size));
  EXPECT_EQ(size, 8 * 8 * 16);
  const int32_t channel_one[] = {8, 1};  // alpha [8, 1] against [.., 8, 16]
  EXPECT_FALSE(PreluAlphaRepeats(nhwc, 4, channel_one, 2, &size));
}

}  // namespace
}  // namespace optimized_ops
}  // namespace tflite
