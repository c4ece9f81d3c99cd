// Optimized CONV_2D == reference CONV_2D, bit for bit, on random cases for
// every instruction set this CPU runs.
#include "tensorflow/lite/kernels/internal/optimized/conv.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "tensorflow/lite/kernels/internal/optimized/test_util.h"
#include "tensorflow/lite/kernels/internal/reference/conv.h"

namespace tflite {
namespace optimized_ops {
namespace {

using testing::BitEqual;
using testing::Random;
using testing::SupportedIsas;

struct Case {
  ConvParams params;
  RuntimeShape input_shape, filter_shape, output_shape;
};

// A random convolution; `big` allows larger shapes.
Case RandomCase(Random& rng, bool big) {
  Case c;
  const int batches = rng.Int(1, 2);
  const int in_h = rng.Int(1, big ? 20 : 9);
  const int in_w = rng.Int(1, big ? 20 : 9);
  const int in_c = rng.Chance(0.3) ? rng.Int(1, 4) : rng.Int(1, big ? 70 : 24);
  const int out_c = rng.Int(1, big ? 80 : 40);
  const int f_h = rng.Int(1, std::min(in_h, 5));
  const int f_w = rng.Int(1, std::min(in_w, 5));
  ConvParams& p = c.params;
  p = ConvParams();
  p.stride_height = static_cast<int16_t>(rng.Int(1, 3));
  p.stride_width = static_cast<int16_t>(rng.Int(1, 3));
  p.dilation_height_factor = static_cast<int16_t>(rng.Chance(0.2) ? 2 : 1);
  p.dilation_width_factor = static_cast<int16_t>(rng.Chance(0.2) ? 2 : 1);
  int eff_h = (f_h - 1) * p.dilation_height_factor + 1;
  int eff_w = (f_w - 1) * p.dilation_width_factor + 1;
  if (eff_h > in_h) p.dilation_height_factor = 1, eff_h = f_h;
  if (eff_w > in_w) p.dilation_width_factor = 1, eff_w = f_w;
  p.padding_values.height = static_cast<int16_t>(rng.Int(0, eff_h - 1));
  p.padding_values.width = static_cast<int16_t>(rng.Int(0, eff_w - 1));
  const int out_h =
      (in_h + 2 * p.padding_values.height - eff_h) / p.stride_height + 1;
  const int out_w =
      (in_w + 2 * p.padding_values.width - eff_w) / p.stride_width + 1;
  c.input_shape = RuntimeShape({batches, in_h, in_w, in_c});
  c.filter_shape = RuntimeShape({out_c, f_h, f_w, in_c});
  c.output_shape = RuntimeShape({batches, out_h, out_w, out_c});
  return c;
}

TEST(OptimizedConv, Int8MatchesReference) {
  Random rng(1234);
  int cases = 0;
  for (int iteration = 0; iteration < 300; ++iteration) {
    Case c = RandomCase(rng, iteration % 10 == 0);
    ConvParams& p = c.params;
    p.input_offset = rng.Int(-127, 128);
    p.output_offset = rng.Int(-128, 127);
    const int kind = rng.Int(0, 3);
    p.quantized_activation_min = kind == 0 ? -128 : rng.Int(-128, 0);
    p.quantized_activation_max = kind == 0 ? 127 : rng.Int(0, 127);
    const int out_c = c.output_shape.Dims(3);
    std::vector<int32_t> multiplier(out_c), shift(out_c);
    const bool extreme = rng.Chance(0.1);
    for (int i = 0; i < out_c; ++i) {
      multiplier[i] = rng.Multiplier();
      shift[i] = extreme ? rng.Int(-31, 2) : rng.Int(-10, 0);
    }
    auto input = rng.Ints<int8_t>(c.input_shape.FlatSize(), -128, 127);
    auto filter = rng.Ints<int8_t>(c.filter_shape.FlatSize(),
                                   rng.Chance(0.1) ? -128 : -127, 127);
    std::vector<int32_t> bias(out_c);
    for (auto& b : bias) {
      b = rng.Chance(0.05) ? rng.Int(std::numeric_limits<int32_t>::min(),
                                     std::numeric_limits<int32_t>::max())
                           : rng.Int(-20000, 20000);
    }
    const bool with_bias = rng.Chance(0.8);
    std::vector<int8_t> expected(c.output_shape.FlatSize());
    reference_integer_ops::ConvPerChannel(
        p, multiplier.data(), shift.data(), c.input_shape, input.data(),
        c.filter_shape, filter.data(), RuntimeShape(),
        with_bias ? bias.data() : nullptr, c.output_shape, expected.data());
    std::vector<uint8_t> scratch(
        ConvScratchBytes(c.input_shape, c.filter_shape, false));
    for (Isa isa : SupportedIsas()) {
      std::vector<int8_t> actual(expected.size(), 55);
      optimized_integer_ops::ConvPerChannel(
          p, multiplier.data(), shift.data(), c.input_shape, input.data(),
          c.filter_shape, filter.data(), with_bias ? bias.data() : nullptr,
          c.output_shape, actual.data(), scratch.data(), isa);
      ASSERT_TRUE(BitEqual(expected, actual))
          << "iteration " << iteration << " isa " << IsaName(isa);
      ++cases;
    }
  }
  // Every iteration ran on every instruction set this CPU has.
  EXPECT_EQ(cases, 300 * static_cast<int>(SupportedIsas().size()));
}

// Pointwise convolutions writing their output over their input.
TEST(OptimizedConv, Int8InPlaceMatchesReference) {
  Random rng(2468);
  int in_place_cases = 0;
  for (int iteration = 0; iteration < 200; ++iteration) {
    const int batches = rng.Int(1, 2);
    const int h = rng.Int(1, 12), w = rng.Int(1, 12);
    const int in_c = rng.Int(1, 48), out_c = rng.Int(1, 64);
    ConvParams p = ConvParams();
    p.stride_height = p.stride_width = 1;
    p.dilation_height_factor = p.dilation_width_factor = 1;
    p.input_offset = rng.Int(-127, 128);
    p.output_offset = rng.Int(-128, 127);
    p.quantized_activation_min = -128;
    p.quantized_activation_max = 127;
    const RuntimeShape input_shape({batches, h, w, in_c});
    const RuntimeShape filter_shape({out_c, 1, 1, in_c});
    const RuntimeShape output_shape({batches, h, w, out_c});
    if (!ConvInPlaceAllowed(p, input_shape, filter_shape)) continue;
    std::vector<int32_t> multiplier(out_c), shift(out_c), bias(out_c);
    for (int i = 0; i < out_c; ++i) {
      multiplier[i] = rng.Multiplier();
      shift[i] = rng.Int(-10, 0);
      bias[i] = rng.Int(-20000, 20000);
    }
    auto input = rng.Ints<int8_t>(input_shape.FlatSize(), -128, 127);
    auto filter = rng.Ints<int8_t>(filter_shape.FlatSize(), -127, 127);
    std::vector<int8_t> expected(output_shape.FlatSize());
    reference_integer_ops::ConvPerChannel(
        p, multiplier.data(), shift.data(), input_shape, input.data(),
        filter_shape, filter.data(), RuntimeShape(), bias.data(),
        output_shape, expected.data());
    std::vector<uint8_t> scratch(
        ConvInPlaceScratchBytes(input_shape, filter_shape));
    for (Isa isa : SupportedIsas()) {
      std::vector<int8_t> shared(
          std::max(input.size(), expected.size()), 0);
      std::copy(input.begin(), input.end(), shared.begin());
      optimized_integer_ops::ConvPerChannel(
          p, multiplier.data(), shift.data(), input_shape, shared.data(),
          filter_shape, filter.data(), bias.data(), output_shape,
          shared.data(), scratch.data(), isa);
      shared.resize(expected.size());
      ASSERT_TRUE(BitEqual(expected, shared))
          << "iteration " << iteration << " isa " << IsaName(isa);
      ++in_place_cases;
    }
  }
  EXPECT_GT(in_place_cases, 100);
}

TEST(OptimizedConv, FloatMatchesReference) {
  Random rng(99);
  for (int iteration = 0; iteration < 200; ++iteration) {
    Case c = RandomCase(rng, iteration % 10 == 0);
    ConvParams& p = c.params;
    const int act = rng.Int(0, 2);
    p.float_activation_min =
        act == 0 ? std::numeric_limits<float>::lowest() : 0.f;
    p.float_activation_max =
        act == 2 ? 6.f : std::numeric_limits<float>::max();
    const int out_c = c.output_shape.Dims(3);
    auto input = rng.Floats(c.input_shape.FlatSize(), -3.f, 3.f);
    auto filter = rng.Floats(c.filter_shape.FlatSize(), -1.f, 1.f);
    if (rng.Chance(0.05)) {
      filter[rng.Int(0, filter.size() - 1)] =
          std::numeric_limits<float>::infinity();
    }
    auto bias = rng.Floats(out_c, -2.f, 2.f);
    const bool with_bias = rng.Chance(0.8);
    std::vector<float> expected(c.output_shape.FlatSize());
    reference_ops::Conv(p, c.input_shape, input.data(), c.filter_shape,
                        filter.data(), RuntimeShape(),
                        with_bias ? bias.data() : nullptr, c.output_shape,
                        expected.data());
    std::vector<uint8_t> scratch(
        ConvScratchBytes(c.input_shape, c.filter_shape, true));
    for (Isa isa : SupportedIsas()) {
      std::vector<float> actual(expected.size(), 55.f);
      Conv(p, c.input_shape, input.data(), c.filter_shape, filter.data(),
           with_bias ? bias.data() : nullptr, c.output_shape, actual.data(),
           scratch.data(), isa);
      ASSERT_TRUE(BitEqual(expected, actual))
          << "iteration " << iteration << " isa " << IsaName(isa);
    }
  }
}

// Pointwise convolutions (inputs read in place), with many rows or channels.
TEST(OptimizedConv, FloatPointwiseMatchesReference) {
  Random rng(1234);
  for (int iteration = 0; iteration < 150; ++iteration) {
    const int batches = rng.Int(1, 2);
    const int h = rng.Int(1, 12), w = rng.Int(1, 12);
    const int in_c = rng.Int(1, 70), out_c = rng.Int(1, 100);
    ConvParams p = ConvParams();
    p.stride_height = p.stride_width = 1;
    p.dilation_height_factor = p.dilation_width_factor = 1;
    const RuntimeShape input_shape({batches, h, w, in_c});
    const RuntimeShape filter_shape({out_c, 1, 1, in_c});
    const RuntimeShape output_shape({batches, h, w, out_c});
    const int act = rng.Int(0, 2);
    p.float_activation_min =
        act == 0 ? std::numeric_limits<float>::lowest() : 0.f;
    p.float_activation_max =
        act == 2 ? 6.f : std::numeric_limits<float>::max();
    auto input = rng.Floats(input_shape.FlatSize(), -3.f, 3.f);
    auto filter = rng.Floats(filter_shape.FlatSize(), -1.f, 1.f);
    auto bias = rng.Floats(out_c, -2.f, 2.f);
    const bool with_bias = rng.Chance(0.8);
    std::vector<float> expected(output_shape.FlatSize());
    reference_ops::Conv(p, input_shape, input.data(), filter_shape,
                        filter.data(), RuntimeShape(),
                        with_bias ? bias.data() : nullptr, output_shape,
                        expected.data());
    std::vector<uint8_t> scratch(
        ConvScratchBytes(input_shape, filter_shape, true));
    for (Isa isa : SupportedIsas()) {
      std::vector<float> actual(expected.size(), 55.f);
      Conv(p, input_shape, input.data(), filter_shape, filter.data(),
           with_bias ? bias.data() : nullptr, output_shape, actual.data(),
           scratch.data(), isa);
      ASSERT_TRUE(BitEqual(expected, actual))
          << "iteration " << iteration << " isa " << IsaName(isa);
    }
  }
}

}  // namespace
}  // namespace optimized_ops
}  // namespace tflite
