// Optimized TRANSPOSE == reference on random shapes (with size-1 and
// mergeable dimensions), permutations and element sizes.
#include "tensorflow/lite/kernels/internal/optimized/transpose.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "tensorflow/lite/kernels/internal/optimized/test_util.h"
#include "tensorflow/lite/kernels/internal/reference/transpose.h"

namespace tflite {
namespace optimized_ops {
namespace {

using testing::BitEqual;
using testing::Random;

// At most this many elements a case: three buffers of it must fit a
// Cortex-M board's heap when the test runs as firmware.
constexpr int kMaxElements = 1 << 14;

template <typename T>
void Check(Random& rng, int iterations, int max_size) {
  for (int iteration = 0; iteration < iterations; ++iteration) {
    const int rank = rng.Int(0, 6);
    RuntimeShape input_shape(rank);
    TransposeParams params;
    params.perm_count = static_cast<int8_t>(rank);
    for (int d = 0; d < rank; ++d) {
      input_shape.SetDim(d, rng.Chance(0.3) ? 1 : rng.Int(0, max_size));
      params.perm[d] = d;
    }
    while (input_shape.FlatSize() > kMaxElements) {
      int largest = 0;
      for (int d = 1; d < rank; ++d) {
        if (input_shape.Dims(d) > input_shape.Dims(largest)) largest = d;
      }
      input_shape.SetDim(largest, input_shape.Dims(largest) / 2);
    }
    for (int d = rank - 1; d > 0; --d) {
      std::swap(params.perm[d], params.perm[rng.Int(0, d)]);
    }
    RuntimeShape output_shape(rank);
    for (int k = 0; k < rank; ++k) {
      output_shape.SetDim(k, input_shape.Dims(params.perm[k]));
    }
    const int count = input_shape.FlatSize();
    const auto input = rng.Ints<T>(count, -100, 100);
    std::vector<T> expected(count + 1, 9);
    std::vector<T> actual(count + 1, 9);
    reference_ops::Transpose(params, input_shape, input.data(), output_shape,
                             expected.data());
    optimized_ops::Transpose(params, input_shape, input.data(), output_shape,
                             actual.data());
    ASSERT_TRUE(BitEqual(expected, actual)) << "iteration " << iteration;
  }
}

TEST(OptimizedTranspose, MatchesReference) {
  Random rng(91);
  Check<int8_t>(rng, 500, 5);
  Check<int16_t>(rng, 300, 5);
  Check<int32_t>(rng, 300, 5);
  Check<int64_t>(rng, 200, 5);
  Check<int8_t>(rng, 100, 40);   // rank >= 3 large: tiles with edges
}

TEST(OptimizedTranspose, NchwToNhwcMatchesReference) {
  Random rng(92);
  for (int iteration = 0; iteration < 30; ++iteration) {
    const int n = rng.Int(1, 2), c = rng.Int(1, 40), h = rng.Int(1, 37),
              w = rng.Int(1, 37);
    const RuntimeShape input_shape({n, c, h, w});
    const RuntimeShape output_shape({n, h, w, c});
    TransposeParams params;
    params.perm_count = 4;
    const int perm[4] = {0, 2, 3, 1};
    std::copy(perm, perm + 4, params.perm);
    const auto input = rng.Floats(input_shape.FlatSize(), -3, 3);
    std::vector<float> expected(input.size());
    std::vector<float> actual(input.size(), 2.0f);
    reference_ops::Transpose(params, input_shape, input.data(), output_shape,
                             expected.data());
    optimized_ops::Transpose(params, input_shape, input.data(), output_shape,
                             actual.data());
    ASSERT_TRUE(BitEqual(expected, actual)) << "iteration " << iteration;
  }
}

}  // namespace
}  // namespace optimized_ops
}  // namespace tflite
