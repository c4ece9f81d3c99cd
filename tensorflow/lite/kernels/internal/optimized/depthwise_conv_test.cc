// Optimized DEPTHWISE_CONV_2D == reference, bit for bit, on random cases for
// every instruction set this CPU runs.
#include "tensorflow/lite/kernels/internal/optimized/depthwise_conv.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>

#include <limits>
#include <vector>

#include "tensorflow/lite/kernels/internal/optimized/test_util.h"
#include "tensorflow/lite/kernels/internal/reference/depthwise_conv.h"

namespace tflite {
namespace optimized_ops {
namespace {

using testing::BitEqual;
using testing::Random;
using testing::SupportedIsas;

struct Case {
  DepthwiseParams params;
  RuntimeShape input_shape, filter_shape, output_shape;
};

Case RandomCase(Random& rng, bool big) {
  Case c;
  const int batches = rng.Int(1, 2);
  const int in_h = rng.Int(1, big ? 24 : 10);
  const int in_w = rng.Int(1, big ? 24 : 10);
  const int in_c = rng.Chance(0.25) ? 1 : rng.Int(1, big ? 150 : 40);
  const int multiplier =
      rng.Chance(0.6) ? 1 : rng.Int(2, in_c == 1 ? 40 : 3);
  const int f_h = rng.Int(1, std::min(in_h, 5));
  const int f_w = rng.Int(1, std::min(in_w, 5));
  DepthwiseParams& p = c.params;
  p = DepthwiseParams();
  p.depth_multiplier = static_cast<int16_t>(multiplier);
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
  c.filter_shape = RuntimeShape({1, f_h, f_w, in_c * multiplier});
  c.output_shape = RuntimeShape({batches, out_h, out_w, in_c * multiplier});
  return c;
}

TEST(OptimizedDepthwiseConv, Int8MatchesReference) {
  Random rng(4321);
  for (int iteration = 0; iteration < 300; ++iteration) {
    Case c = RandomCase(rng, iteration % 8 == 0);
    DepthwiseParams& p = c.params;
    p.input_offset = rng.Int(-127, 128);
    p.output_offset = rng.Int(-128, 127);
    const bool clamp = rng.Chance(0.5);
    p.quantized_activation_min = clamp ? rng.Int(-128, 0) : -128;
    p.quantized_activation_max = clamp ? rng.Int(0, 127) : 127;
    const int out_c = c.output_shape.Dims(3);
    std::vector<int32_t> multiplier(out_c), shift(out_c);
    const bool extreme = rng.Chance(0.1);
    for (int i = 0; i < out_c; ++i) {
      multiplier[i] = rng.Multiplier();
      shift[i] = extreme ? rng.Int(-31, 3) : rng.Int(-9, 1);
    }
    auto input = rng.Ints<int8_t>(c.input_shape.FlatSize(), -128, 127);
    auto filter = rng.Ints<int8_t>(c.filter_shape.FlatSize(), -128, 127);
    std::vector<int32_t> bias(out_c);
    for (auto& b : bias) {
      b = rng.Chance(0.05) ? rng.Int(std::numeric_limits<int32_t>::min(),
                                     std::numeric_limits<int32_t>::max())
                           : rng.Int(-30000, 30000);
    }
    const bool with_bias = rng.Chance(0.8);
    std::vector<int8_t> expected(c.output_shape.FlatSize());
    reference_integer_ops::DepthwiseConvPerChannel(
        p, multiplier.data(), shift.data(), c.input_shape, input.data(),
        c.filter_shape, filter.data(), RuntimeShape(),
        with_bias ? bias.data() : nullptr, c.output_shape, expected.data());
    for (Isa isa : SupportedIsas()) {
      std::vector<int8_t> actual(expected.size(), 55);
      optimized_integer_ops::DepthwiseConvPerChannel(
          p, multiplier.data(), shift.data(), c.input_shape, input.data(),
          c.filter_shape, filter.data(), with_bias ? bias.data() : nullptr,
          c.output_shape, actual.data(), isa);
      ASSERT_TRUE(BitEqual(expected, actual))
          << "iteration " << iteration << " isa " << IsaName(isa);
    }
  }
}

// Output written over the input where DepthwiseInPlaceAllowed says so.
TEST(OptimizedDepthwiseConv, Int8InPlaceMatchesReference) {
  Random rng(97531);
  int in_place_cases = 0;
  for (int iteration = 0; iteration < 400; ++iteration) {
    Case c = RandomCase(rng, false);
    DepthwiseParams& p = c.params;
    if (!DepthwiseInPlaceAllowed(p, c.input_shape, c.filter_shape,
                                 c.output_shape)) {
      continue;
    }
    p.input_offset = rng.Int(-127, 128);
    p.output_offset = rng.Int(-128, 127);
    p.quantized_activation_min = -128;
    p.quantized_activation_max = 127;
    const int out_c = c.output_shape.Dims(3);
    std::vector<int32_t> multiplier(out_c), shift(out_c), bias(out_c);
    for (int i = 0; i < out_c; ++i) {
      multiplier[i] = rng.Multiplier();
      shift[i] = rng.Int(-9, 1);
      bias[i] = rng.Int(-30000, 30000);
    }
    auto input = rng.Ints<int8_t>(c.input_shape.FlatSize(), -128, 127);
    auto filter = rng.Ints<int8_t>(c.filter_shape.FlatSize(), -128, 127);
    std::vector<int8_t> expected(c.output_shape.FlatSize());
    reference_integer_ops::DepthwiseConvPerChannel(
        p, multiplier.data(), shift.data(), c.input_shape, input.data(),
        c.filter_shape, filter.data(), RuntimeShape(), bias.data(),
        c.output_shape, expected.data());
    for (Isa isa : SupportedIsas()) {
      std::vector<int8_t> shared = input;
      optimized_integer_ops::DepthwiseConvPerChannel(
          p, multiplier.data(), shift.data(), c.input_shape, shared.data(),
          c.filter_shape, filter.data(), bias.data(), c.output_shape,
          shared.data(), isa);
      shared.resize(expected.size());
      ASSERT_TRUE(BitEqual(expected, shared))
          << "iteration " << iteration << " isa " << IsaName(isa);
      ++in_place_cases;
    }
  }
  EXPECT_GT(in_place_cases, 30);
}

TEST(OptimizedDepthwiseConv, FloatMatchesReference) {
  Random rng(77);
  for (int iteration = 0; iteration < 200; ++iteration) {
    Case c = RandomCase(rng, iteration % 8 == 0);
    DepthwiseParams& p = c.params;
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
    reference_ops::DepthwiseConv(p, c.input_shape, input.data(),
                                 c.filter_shape, filter.data(), RuntimeShape(),
                                 with_bias ? bias.data() : nullptr,
                                 c.output_shape, expected.data());
    for (Isa isa : SupportedIsas()) {
      std::vector<float> actual(expected.size(), 55.f);
      DepthwiseConv(p, c.input_shape, input.data(), c.filter_shape,
                    filter.data(), with_bias ? bias.data() : nullptr,
                    c.output_shape, actual.data(), isa);
      ASSERT_TRUE(BitEqual(expected, actual))
          << "iteration " << iteration << " isa " << IsaName(isa);
    }
  }
}

// MobileNet-like layers (depth multiplier 1, 3 x 3 windows, stride 1 or 2,
// wide rows): the row-blocked float paths, with full and partial 16-channel
// blocks and non-finite weights next to the padding.
TEST(OptimizedDepthwiseConv, FloatRowsMatchReference) {
  Random rng(2024);
  int in_place_cases = 0;
  for (int iteration = 0; iteration < 120; ++iteration) {
    const int batches = rng.Int(1, 2);
    const int in_h = rng.Int(1, 12);
    const int in_w = rng.Int(1, 40);
    const int in_c = rng.Chance(0.5) ? 16 * rng.Int(1, 5) : rng.Int(1, 70);
    const int f_h = std::min(in_h, rng.Chance(0.8) ? 3 : rng.Int(1, 5));
    const int f_w = std::min(in_w, rng.Chance(0.8) ? 3 : rng.Int(1, 5));
    DepthwiseParams p = DepthwiseParams();
    p.depth_multiplier = 1;
    p.stride_height = static_cast<int16_t>(rng.Int(1, 2));
    p.stride_width = static_cast<int16_t>(rng.Int(1, 2));
    p.dilation_height_factor = 1;
    p.dilation_width_factor =
        static_cast<int16_t>(rng.Chance(0.1) && 2 * f_w - 1 <= in_w ? 2 : 1);
    const int eff_w = (f_w - 1) * p.dilation_width_factor + 1;
    p.padding_values.height = static_cast<int16_t>(rng.Int(0, f_h - 1));
    p.padding_values.width = static_cast<int16_t>(rng.Int(0, eff_w - 1));
    const int out_h =
        (in_h + 2 * p.padding_values.height - f_h) / p.stride_height + 1;
    const int out_w =
        (in_w + 2 * p.padding_values.width - eff_w) / p.stride_width + 1;
    const RuntimeShape input_shape({batches, in_h, in_w, in_c});
    const RuntimeShape filter_shape({1, f_h, f_w, in_c});
    const RuntimeShape output_shape({batches, out_h, out_w, in_c});
    const int act = rng.Int(0, 2);
    p.float_activation_min =
        act == 0 ? std::numeric_limits<float>::lowest() : 0.f;
    p.float_activation_max =
        act == 2 ? 6.f : std::numeric_limits<float>::max();
    auto input = rng.Floats(input_shape.FlatSize(), -3.f, 3.f);
    auto filter = rng.Floats(filter_shape.FlatSize(), -1.f, 1.f);
    if (rng.Chance(0.1)) {
      filter[rng.Int(0, filter.size() - 1)] =
          -std::numeric_limits<float>::infinity();
    }
    auto bias = rng.Floats(in_c, -2.f, 2.f);
    const bool with_bias = rng.Chance(0.8);
    std::vector<float> expected(output_shape.FlatSize());
    reference_ops::DepthwiseConv(p, input_shape, input.data(), filter_shape,
                                 filter.data(), RuntimeShape(),
                                 with_bias ? bias.data() : nullptr,
                                 output_shape, expected.data());
    // The input at any float offset from a 64-byte line.
    const int shift = rng.Int(0, 15);
    std::vector<float> shifted_storage(input.size() + 32);
    float* shifted = reinterpret_cast<float*>(
        (reinterpret_cast<uintptr_t>(shifted_storage.data()) + 63) &
        ~static_cast<uintptr_t>(63)) +
                     shift;
    std::copy(input.begin(), input.end(), shifted);
    for (Isa isa : SupportedIsas()) {
      std::vector<float> actual(expected.size(), 55.f);
      DepthwiseConv(p, input_shape, shifted, filter_shape, filter.data(),
                    with_bias ? bias.data() : nullptr, output_shape,
                    actual.data(), isa);
      ASSERT_TRUE(BitEqual(expected, actual))
          << "iteration " << iteration << " isa " << IsaName(isa);
      // Output over input, as the planner may place it.
      if (DepthwiseInPlaceAllowed(p, input_shape, filter_shape,
                                  output_shape)) {
        std::vector<float> shared = input;
        DepthwiseConv(p, input_shape, shared.data(), filter_shape,
                      filter.data(), with_bias ? bias.data() : nullptr,
                      output_shape, shared.data(), isa);
        shared.resize(expected.size());
        ASSERT_TRUE(BitEqual(expected, shared))
            << "iteration " << iteration << " isa " << IsaName(isa)
            << " (in place)";
        ++in_place_cases;
      }
    }
  }
  EXPECT_GT(in_place_cases, 30);
}

// The int8 row-blocked paths on MobileNet-like layers, also in place.
TEST(OptimizedDepthwiseConv, Int8RowsMatchReference) {
  Random rng(5150);
  int in_place_cases = 0;
  for (int iteration = 0; iteration < 120; ++iteration) {
    const int batches = rng.Int(1, 2);
    const int in_h = rng.Int(1, 12);
    const int in_w = rng.Int(1, 40);
    const int in_c = rng.Chance(0.5) ? 16 * rng.Int(1, 5) : rng.Int(1, 70);
    const int f_h = std::min(in_h, rng.Chance(0.8) ? 3 : rng.Int(1, 5));
    const int f_w = std::min(in_w, rng.Chance(0.8) ? 3 : rng.Int(1, 5));
    DepthwiseParams p = DepthwiseParams();
    p.depth_multiplier = 1;
    p.stride_height = static_cast<int16_t>(rng.Int(1, 2));
    p.stride_width = static_cast<int16_t>(rng.Int(1, 3));
    p.dilation_height_factor = 1;
    p.dilation_width_factor =
        static_cast<int16_t>(rng.Chance(0.1) && 2 * f_w - 1 <= in_w ? 2 : 1);
    const int eff_w = (f_w - 1) * p.dilation_width_factor + 1;
    p.padding_values.height = static_cast<int16_t>(rng.Int(0, f_h - 1));
    p.padding_values.width = static_cast<int16_t>(rng.Int(0, eff_w - 1));
    const int out_h =
        (in_h + 2 * p.padding_values.height - f_h) / p.stride_height + 1;
    const int out_w =
        (in_w + 2 * p.padding_values.width - eff_w) / p.stride_width + 1;
    const RuntimeShape input_shape({batches, in_h, in_w, in_c});
    const RuntimeShape filter_shape({1, f_h, f_w, in_c});
    const RuntimeShape output_shape({batches, out_h, out_w, in_c});
    p.input_offset = rng.Int(-127, 128);
    p.output_offset = rng.Int(-128, 127);
    const bool clamp = rng.Chance(0.5);
    p.quantized_activation_min = clamp ? rng.Int(-128, 0) : -128;
    p.quantized_activation_max = clamp ? rng.Int(0, 127) : 127;
    std::vector<int32_t> multiplier(in_c), shift(in_c), bias(in_c);
    for (int i = 0; i < in_c; ++i) {
      multiplier[i] = rng.Multiplier();
      shift[i] = rng.Int(-9, 1);
      bias[i] = rng.Int(-30000, 30000);
    }
    const bool with_bias = rng.Chance(0.8);
    auto input = rng.Ints<int8_t>(input_shape.FlatSize(), -128, 127);
    auto filter = rng.Ints<int8_t>(filter_shape.FlatSize(), -128, 127);
    std::vector<int8_t> expected(output_shape.FlatSize());
    reference_integer_ops::DepthwiseConvPerChannel(
        p, multiplier.data(), shift.data(), input_shape, input.data(),
        filter_shape, filter.data(), RuntimeShape(),
        with_bias ? bias.data() : nullptr, output_shape, expected.data());
    for (Isa isa : SupportedIsas()) {
      std::vector<int8_t> actual(expected.size(), 55);
      optimized_integer_ops::DepthwiseConvPerChannel(
          p, multiplier.data(), shift.data(), input_shape, input.data(),
          filter_shape, filter.data(), with_bias ? bias.data() : nullptr,
          output_shape, actual.data(), isa);
      ASSERT_TRUE(BitEqual(expected, actual))
          << "iteration " << iteration << " isa " << IsaName(isa);
      if (DepthwiseInPlaceAllowed(p, input_shape, filter_shape,
                                  output_shape)) {
        std::vector<int8_t> shared = input;
        optimized_integer_ops::DepthwiseConvPerChannel(
            p, multiplier.data(), shift.data(), input_shape, shared.data(),
            filter_shape, filter.data(), with_bias ? bias.data() : nullptr,
            output_shape, shared.data(), isa);
        shared.resize(expected.size());
        ASSERT_TRUE(BitEqual(expected, shared))
            << "iteration " << iteration << " isa " << IsaName(isa)
            << " (in place)";
        ++in_place_cases;
      }
    }
  }
  EXPECT_GT(in_place_cases, 30);
}

}  // namespace
}  // namespace optimized_ops
}  // namespace tflite
