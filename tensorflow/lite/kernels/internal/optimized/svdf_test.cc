// Optimized integer SVDF == reference, bit for bit (state and output), over
// several invokes of random cases, for int16 and int8 state.
#include "tensorflow/lite/kernels/internal/optimized/svdf.h"

#include <gtest/gtest.h>

#include <vector>

#include "tensorflow/lite/kernels/internal/optimized/test_util.h"

namespace tflite {
namespace optimized_ops {
namespace {

using testing::BitEqual;
using testing::Random;
using testing::SupportedIsas;

template <typename StateT>
void CheckRandomCases(uint32_t seed) {
  constexpr int kLow = std::numeric_limits<StateT>::min();
  constexpr int kHigh = std::numeric_limits<StateT>::max();
  Random rng(seed);
  for (int iteration = 0; iteration < 200; ++iteration) {
    reference_ops::SvdfShape shape;
    shape.batches = rng.Int(1, 3);
    shape.input_size = rng.Int(1, 130);
    shape.rank = rng.Int(1, 3);
    shape.num_units = rng.Int(1, 20);
    shape.num_filters = shape.rank * shape.num_units;
    shape.memory_size = rng.Int(1, 40);
    reference_ops::SvdfQuantizedParams params;
    params.input_zero_point = rng.Int(-128, 127);
    params.state_zero_point = sizeof(StateT) == 2 ? 0 : rng.Int(-128, 127);
    params.output_zero_point = rng.Int(-128, 127);
    params.feature_multiplier = rng.Multiplier();
    params.feature_shift = rng.Int(-12, 2);
    params.output_multiplier = rng.Multiplier();
    params.output_shift = rng.Int(-20, 1);
    const size_t state_size = static_cast<size_t>(shape.batches) *
                              shape.num_filters * shape.memory_size;
    const auto weights_feature = rng.Ints<int8_t>(
        static_cast<size_t>(shape.num_filters) * shape.input_size, -128, 127);
    const auto weights_time = rng.Ints<StateT>(
        static_cast<size_t>(shape.num_filters) * shape.memory_size, kLow,
        kHigh);
    const bool has_bias = rng.Chance(0.7);
    const auto bias = rng.Ints<int32_t>(shape.num_units, -100000, 100000);
    const auto initial_state = rng.Ints<StateT>(state_size, kLow, kHigh);
    for (Isa isa : SupportedIsas()) {
      std::vector<StateT> expected_state = initial_state;
      std::vector<StateT> actual_state = initial_state;
      for (int step = 0; step < 3; ++step) {
        const auto input = rng.Ints<int8_t>(
            static_cast<size_t>(shape.batches) * shape.input_size, -128, 127);
        const size_t outputs =
            static_cast<size_t>(shape.batches) * shape.num_units;
        std::vector<int32_t> scratch(
            static_cast<size_t>(shape.batches) * shape.num_filters);
        std::vector<int8_t> expected(outputs), actual(outputs, 55);
        reference_ops::SvdfInteger<StateT>(
            shape, params, input.data(), weights_feature.data(),
            weights_time.data(), has_bias ? bias.data() : nullptr,
            expected_state.data(), scratch.data(), expected.data());
        optimized_integer_ops::SvdfInteger<StateT>(
            shape, params, input.data(), weights_feature.data(),
            weights_time.data(), has_bias ? bias.data() : nullptr,
            actual_state.data(), scratch.data(), actual.data(), isa);
        ASSERT_TRUE(BitEqual(expected_state, actual_state))
            << "iteration " << iteration << " step " << step << " isa "
            << IsaName(isa);
        ASSERT_TRUE(BitEqual(expected, actual))
            << "iteration " << iteration << " step " << step << " isa "
            << IsaName(isa);
      }
    }
  }
}

TEST(OptimizedSvdf, Int16StateMatchesReference) { CheckRandomCases<int16_t>(7); }

TEST(OptimizedSvdf, Int8StateMatchesReference) { CheckRandomCases<int8_t>(8); }

}  // namespace
}  // namespace optimized_ops
}  // namespace tflite
