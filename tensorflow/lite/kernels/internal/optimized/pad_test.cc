// Optimized PAD / MIRROR_PAD == reference, element for element, on random
// shapes, paddings, element types and padding values.
#include "tensorflow/lite/kernels/internal/optimized/pad.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <vector>

#include "tensorflow/lite/kernels/internal/optimized/test_util.h"
#include "tensorflow/lite/kernels/internal/reference/pad.h"

namespace tflite {
namespace optimized_ops {
namespace {

using testing::BitEqual;
using testing::Random;

struct Case {
  reference_ops::PadSpec spec;
  RuntimeShape input_shape;
  RuntimeShape output_shape;
};

// A random shape of rank 0..6 with sizes 0..6 (mostly >= 1) and paddings
// 0..3; with `mirror_limit` >= 0 the paddings respect MIRROR_PAD's limit.
Case RandomCase(Random& rng, int mirror_limit) {
  Case c;
  const int rank = rng.Int(0, 6);
  c.spec.rank = rank;
  c.input_shape.Resize(rank);
  c.output_shape.Resize(rank);
  for (int d = 0; d < rank; ++d) {
    const int size = rng.Chance(0.05) ? 0 : rng.Int(1, 6);
    int limit = 3;
    if (mirror_limit >= 0) {
      limit = size - mirror_limit < 0 ? 0 : size - mirror_limit;
    }
    if (limit > 3) limit = 3;
    const bool padded = rng.Chance(0.6);
    c.spec.before[d] = padded ? rng.Int(0, limit) : 0;
    c.spec.after[d] = padded ? rng.Int(0, limit) : 0;
    c.input_shape.SetDim(d, size);
    c.output_shape.SetDim(d, size + c.spec.before[d] + c.spec.after[d]);
  }
  return c;
}

template <typename T>
std::vector<T> RandomValues(Random& rng, int count) {
  std::vector<T> values(count);
  for (auto& v : values) v = static_cast<T>(rng.Int(-1000, 1000));
  return values;
}

template <>
std::vector<bool> RandomValues<bool>(Random&, int) = delete;

template <typename T>
void CheckPad(Random& rng, int iterations) {
  for (int iteration = 0; iteration < iterations; ++iteration) {
    const Case c = RandomCase(rng, -1);
    const auto input = RandomValues<T>(rng, c.input_shape.FlatSize());
    const T value = static_cast<T>(rng.Int(-100, 100));
    const int out_size = c.output_shape.FlatSize();
    std::vector<T> expected(out_size + 1, static_cast<T>(7));
    std::vector<T> actual(out_size + 1, static_cast<T>(7));
    reference_ops::Pad(c.spec, c.input_shape, input.data(), value,
                       c.output_shape, expected.data());
    optimized_ops::Pad(c.spec, c.input_shape, input.data(), value, c.output_shape,
        actual.data());
    ASSERT_TRUE(BitEqual(expected, actual)) << "iteration " << iteration;
  }
}

template <typename T>
void CheckMirrorPad(Random& rng, int iterations) {
  for (int iteration = 0; iteration < iterations; ++iteration) {
    const bool reflect = rng.Chance(0.5);
    const Case c = RandomCase(rng, reflect ? 1 : 0);
    const auto input = RandomValues<T>(rng, c.input_shape.FlatSize());
    const int out_size = c.output_shape.FlatSize();
    std::vector<T> expected(out_size + 1, static_cast<T>(7));
    std::vector<T> actual(out_size + 1, static_cast<T>(7));
    reference_ops::MirrorPad(c.spec, reflect, c.input_shape, input.data(),
                             c.output_shape, expected.data());
    optimized_ops::MirrorPad(c.spec, reflect, c.input_shape, input.data(), c.output_shape,
                             actual.data());
    ASSERT_TRUE(BitEqual(expected, actual))
        << "iteration " << iteration << (reflect ? " REFLECT" : " SYMMETRIC");
  }
}

TEST(OptimizedPad, MatchesReference) {
  Random rng(61);
  CheckPad<int8_t>(rng, 400);
  CheckPad<uint8_t>(rng, 100);
  CheckPad<int16_t>(rng, 300);
  CheckPad<int32_t>(rng, 100);
  CheckPad<float>(rng, 400);
  CheckPad<int64_t>(rng, 100);
}

TEST(OptimizedPad, NhwcSpatialPaddingMatchesReference) {
  // The converters' case: H and W padded, large rows.
  Random rng(62);
  for (int iteration = 0; iteration < 40; ++iteration) {
    Case c;
    c.spec.rank = 4;
    const int dims[4] = {rng.Int(1, 2), rng.Int(1, 40), rng.Int(1, 40),
                         rng.Int(1, 70)};
    c.input_shape.Resize(4);
    c.output_shape.Resize(4);
    for (int d = 0; d < 4; ++d) {
      const bool spatial = d == 1 || d == 2;
      c.spec.before[d] = spatial ? rng.Int(0, 3) : 0;
      c.spec.after[d] = spatial ? rng.Int(0, 3) : 0;
      c.input_shape.SetDim(d, dims[d]);
      c.output_shape.SetDim(d, dims[d] + c.spec.before[d] + c.spec.after[d]);
    }
    const auto input = rng.Floats(c.input_shape.FlatSize(), -5, 5);
    std::vector<float> expected(c.output_shape.FlatSize());
    std::vector<float> actual(c.output_shape.FlatSize(), 1.5f);
    reference_ops::Pad(c.spec, c.input_shape, input.data(), -0.0f,
                       c.output_shape, expected.data());
    optimized_ops::Pad(c.spec, c.input_shape, input.data(), -0.0f, c.output_shape,
        actual.data());
    ASSERT_TRUE(BitEqual(expected, actual)) << "iteration " << iteration;
  }
}

TEST(OptimizedPad, BoolMatchesReference) {
  Random rng(63);
  for (int iteration = 0; iteration < 100; ++iteration) {
    const Case c = RandomCase(rng, -1);
    const int in_size = c.input_shape.FlatSize();
    std::unique_ptr<bool[]> input(new bool[in_size + 1]);
    for (int i = 0; i < in_size; ++i) input[i] = rng.Chance(0.5);
    const int out_size = c.output_shape.FlatSize();
    std::unique_ptr<bool[]> expected(new bool[out_size + 1]());
    std::unique_ptr<bool[]> actual(new bool[out_size + 1]());
    const bool value = rng.Chance(0.5);
    reference_ops::Pad(c.spec, c.input_shape, input.get(), value,
                       c.output_shape, expected.get());
    optimized_ops::Pad(c.spec, c.input_shape, input.get(), value, c.output_shape,
        actual.get());
    ASSERT_EQ(0, std::memcmp(expected.get(), actual.get(), out_size + 1))
        << "iteration " << iteration;
  }
}

TEST(OptimizedMirrorPad, MatchesReference) {
  Random rng(64);
  CheckMirrorPad<int8_t>(rng, 400);
  CheckMirrorPad<int16_t>(rng, 200);
  CheckMirrorPad<float>(rng, 400);
  CheckMirrorPad<int64_t>(rng, 100);
}

}  // namespace
}  // namespace optimized_ops
}  // namespace tflite
