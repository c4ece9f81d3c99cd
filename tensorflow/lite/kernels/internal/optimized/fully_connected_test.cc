// Optimized FULLY_CONNECTED == reference, bit for bit, on random cases for
// every instruction set this CPU runs, in both arithmetic choices (TFLM's
// and LiteRT's rescaling).
#include "tensorflow/lite/kernels/internal/optimized/fully_connected.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "tensorflow/lite/kernels/internal/optimized/test_util.h"
#include "tensorflow/lite/kernels/internal/reference/fully_connected.h"
#include "tensorflow/lite/kernels/internal/reference/lstm.h"

namespace tflite {
namespace optimized_ops {
namespace {

using testing::BitEqual;
using testing::Random;
using testing::SupportedIsas;

TEST(OptimizedFullyConnected, Int8MatchesReference) {
  Random rng(555);
  for (int iteration = 0; iteration < 400; ++iteration) {
    const int batches = rng.Int(1, 3);
    const int depth = rng.Chance(0.1) ? rng.Int(200, 1300) : rng.Int(1, 150);
    const int outputs = rng.Int(1, 40);
    const RuntimeShape input_shape({batches, depth});
    const RuntimeShape filter_shape({outputs, depth});
    const RuntimeShape output_shape({batches, outputs});
    FullyConnectedParams p = {};
    p.input_offset = rng.Int(-127, 128);
    p.weights_offset = rng.Chance(0.3) ? rng.Int(-127, 128) : 0;
    p.output_offset = rng.Int(-128, 127);
    p.output_multiplier = rng.Multiplier();
    p.output_shift = rng.Int(-12, 1);
    const bool clamp = rng.Chance(0.5);
    p.quantized_activation_min = clamp ? rng.Int(-128, 0) : -128;
    p.quantized_activation_max = clamp ? rng.Int(0, 127) : 127;
    const bool per_channel = rng.Chance(0.5);
    std::vector<int32_t> multiplier(outputs), shift(outputs);
    for (int i = 0; i < outputs; ++i) {
      multiplier[i] = rng.Multiplier();
      shift[i] = rng.Int(-12, 1);
    }
    auto input = rng.Ints<int8_t>(input_shape.FlatSize(), -128, 127);
    auto filter = rng.Ints<int8_t>(filter_shape.FlatSize(), -128, 127);
    std::vector<int32_t> bias(outputs);
    for (auto& b : bias) {
      b = rng.Chance(0.05) ? rng.Int(std::numeric_limits<int32_t>::min(),
                                     std::numeric_limits<int32_t>::max())
                           : rng.Int(-30000, 30000);
    }
    const bool with_bias = rng.Chance(0.8);
    for (bool litert : {false, true}) {
      std::vector<int8_t> expected(output_shape.FlatSize());
      reference_integer_ops::FullyConnectedImpl<int8_t, int32_t, int32_t,
                                                int8_t>(
          p, per_channel ? multiplier.data() : nullptr,
          per_channel ? shift.data() : nullptr, input_shape, input.data(),
          filter_shape, filter.data(), RuntimeShape(),
          with_bias ? bias.data() : nullptr, output_shape, expected.data(),
          litert);
      for (Isa isa : SupportedIsas()) {
        std::vector<int8_t> actual(expected.size(), 55);
        optimized_integer_ops::FullyConnected(
            p, per_channel ? multiplier.data() : nullptr,
            per_channel ? shift.data() : nullptr, input_shape, input.data(),
            filter_shape, filter.data(), with_bias ? bias.data() : nullptr,
            output_shape, actual.data(), litert, isa);
        ASSERT_TRUE(BitEqual(expected, actual))
            << "iteration " << iteration << " isa " << IsaName(isa)
            << (litert ? " litert" : " tflm");
      }
    }
  }
}

TEST(OptimizedFullyConnected, FloatMatchesReference) {
  Random rng(556);
  for (int iteration = 0; iteration < 300; ++iteration) {
    const int batches = rng.Int(1, 3);
    const int depth = rng.Chance(0.1) ? rng.Int(200, 1300) : rng.Int(1, 100);
    const int outputs = rng.Int(1, 50);
    const RuntimeShape input_shape({batches, depth});
    const RuntimeShape weights_shape({outputs, depth});
    const RuntimeShape output_shape({batches, outputs});
    FullyConnectedParams p = {};
    const int act = rng.Int(0, 2);
    p.float_activation_min =
        act == 0 ? std::numeric_limits<float>::lowest() : 0.f;
    p.float_activation_max =
        act == 2 ? 6.f : std::numeric_limits<float>::max();
    auto input = rng.Floats(input_shape.FlatSize(), -3.f, 3.f);
    auto weights = rng.Floats(weights_shape.FlatSize(), -1.f, 1.f);
    auto bias = rng.Floats(outputs, -2.f, 2.f);
    const bool with_bias = rng.Chance(0.8);
    std::vector<float> expected(output_shape.FlatSize());
    reference_ops::FullyConnected(p, input_shape, input.data(), weights_shape,
                                  weights.data(), RuntimeShape(),
                                  with_bias ? bias.data() : nullptr,
                                  output_shape, expected.data());
    for (Isa isa : SupportedIsas()) {
      std::vector<float> actual(expected.size(), 55.f);
      FullyConnected(p, input_shape, input.data(), weights_shape,
                     weights.data(), with_bias ? bias.data() : nullptr,
                     output_shape, actual.data(), isa);
      ASSERT_TRUE(BitEqual(expected, actual))
          << "iteration " << iteration << " isa " << IsaName(isa);
    }
  }
}

// The row dots behind the optimized float LSTM: the reference loop's sums.
TEST(OptimizedFloatRowDots, MatchReferenceLoop) {
  Random rng(91);
  for (int iteration = 0; iteration < 300; ++iteration) {
    const int rows = rng.Int(1, 70);
    const int depth = rng.Int(1, 90);
    auto x = rng.Floats(depth, -2.f, 2.f);
    auto weights = rng.Floats(static_cast<size_t>(rows) * depth, -1.f, 1.f);
    if (rng.Chance(0.3)) {
      // Zero input against negative weights: -0.f products, +0.f sums.
      for (auto& v : x) v = 0.f;
      for (auto& v : weights) v = -std::abs(v);
    }
    std::vector<float> expected(rows);
    reference_ops::LstmRowDotsReference(x.data(), weights.data(), rows, depth,
                                        expected.data());
    for (Isa isa : SupportedIsas()) {
      std::vector<float> actual(rows, 7.f);
      FloatRowDots(x.data(), weights.data(), rows, depth, actual.data(), isa);
      ASSERT_TRUE(BitEqual(expected, actual))
          << "iteration " << iteration << " isa " << IsaName(isa);
    }
  }
}

}  // namespace
}  // namespace optimized_ops
}  // namespace tflite
