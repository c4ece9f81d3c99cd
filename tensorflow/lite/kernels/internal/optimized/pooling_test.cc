// Optimized pooling == reference, bit for bit, on random shapes, strides,
// padding and filter sizes (float average/max/L2, int8 and int16
// average/max).
#include "tensorflow/lite/kernels/internal/optimized/pooling.h"

#include <gtest/gtest.h>

#include <vector>

#include "tensorflow/lite/kernels/internal/optimized/test_util.h"
#include "tensorflow/lite/kernels/internal/reference/pooling.h"

namespace tflite {
namespace optimized_ops {
namespace {

using testing::BitEqual;
using testing::Random;

struct Case {
  PoolParams params;
  RuntimeShape input_shape;
  RuntimeShape output_shape;
};

Case RandomCase(Random& rng) {
  Case c;
  c.params = {};
  const int batches = rng.Int(1, 2);
  const int height = rng.Int(1, 12);
  const int width = rng.Int(1, 12);
  const int depth = rng.Chance(0.3) ? rng.Int(60, 200) : rng.Int(1, 40);
  c.params.filter_height = rng.Int(1, 4);
  c.params.filter_width = rng.Int(1, 4);
  c.params.stride_height = rng.Int(1, 3);
  c.params.stride_width = rng.Int(1, 3);
  c.params.padding_values.height = rng.Int(0, c.params.filter_height - 1);
  c.params.padding_values.width = rng.Int(0, c.params.filter_width - 1);
  const int out_h = (height + 2 * c.params.padding_values.height -
                     c.params.filter_height) / c.params.stride_height + 1;
  const int out_w = (width + 2 * c.params.padding_values.width -
                     c.params.filter_width) / c.params.stride_width + 1;
  c.input_shape = RuntimeShape({batches, height, width, depth});
  c.output_shape = RuntimeShape({batches, std::max(out_h, 1),
                                 std::max(out_w, 1), depth});
  return c;
}

TEST(OptimizedPooling, FloatMatchesReference) {
  Random rng(17);
  for (int iteration = 0; iteration < 300; ++iteration) {
    Case c = RandomCase(rng);
    const bool clamp = rng.Chance(0.5);
    c.params.float_activation_min = clamp ? -0.5f : -1e30f;
    c.params.float_activation_max = clamp ? 0.7f : 1e30f;
    const auto input =
        rng.Floats(static_cast<size_t>(c.input_shape.FlatSize()), -2.f, 2.f);
    const size_t outputs = static_cast<size_t>(c.output_shape.FlatSize());
    for (int kind = 0; kind < 3; ++kind) {
      std::vector<float> expected(outputs), actual(outputs, 9.f);
      if (kind == 0) {
        reference_ops::AveragePool(c.params, c.input_shape, input.data(),
                                   c.output_shape, expected.data());
        AveragePool(c.params, c.input_shape, input.data(), c.output_shape,
                    actual.data());
      } else if (kind == 1) {
        reference_ops::MaxPool(c.params, c.input_shape, input.data(),
                               c.output_shape, expected.data());
        MaxPool(c.params, c.input_shape, input.data(), c.output_shape,
                actual.data());
      } else {
        reference_ops::L2Pool(c.params, c.input_shape, input.data(),
                              c.output_shape, expected.data());
        L2Pool(c.params, c.input_shape, input.data(), c.output_shape,
               actual.data());
      }
      ASSERT_TRUE(BitEqual(expected, actual))
          << "iteration " << iteration << " kind " << kind;
    }
  }
}

template <typename T>
void CheckIntegerPools(uint32_t seed) {
  Random rng(seed);
  constexpr int kLow = std::numeric_limits<T>::min();
  constexpr int kHigh = std::numeric_limits<T>::max();
  for (int iteration = 0; iteration < 300; ++iteration) {
    Case c = RandomCase(rng);
    const bool clamp = rng.Chance(0.5);
    c.params.quantized_activation_min = clamp ? kLow / 2 : kLow;
    c.params.quantized_activation_max = clamp ? kHigh / 3 : kHigh;
    const auto input = rng.Ints<T>(
        static_cast<size_t>(c.input_shape.FlatSize()), kLow, kHigh);
    const size_t outputs = static_cast<size_t>(c.output_shape.FlatSize());
    for (int kind = 0; kind < 2; ++kind) {
      std::vector<T> expected(outputs), actual(outputs, 3);
      if (kind == 0) {
        reference_integer_ops::AveragePool(c.params, c.input_shape,
                                           input.data(), c.output_shape,
                                           expected.data());
        optimized_integer_ops::AveragePool(c.params, c.input_shape,
                                           input.data(), c.output_shape,
                                           actual.data());
      } else {
        reference_integer_ops::MaxPool(c.params, c.input_shape, input.data(),
                                       c.output_shape, expected.data());
        optimized_integer_ops::MaxPool(c.params, c.input_shape, input.data(),
                                       c.output_shape, actual.data());
      }
      ASSERT_TRUE(BitEqual(expected, actual))
          << "iteration " << iteration << " kind " << kind;
    }
  }
}

TEST(OptimizedPooling, Int8MatchesReference) { CheckIntegerPools<int8_t>(18); }

TEST(OptimizedPooling, Int16MatchesReference) {
  CheckIntegerPools<int16_t>(19);
}

}  // namespace
}  // namespace optimized_ops
}  // namespace tflite
