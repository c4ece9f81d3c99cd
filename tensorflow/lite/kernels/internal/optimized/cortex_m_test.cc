// The Cortex-M int8 paths (cortex_m_scalar.cc, cortex_m_dsp.cc,
// cortex_m_mve.cc) == the reference kernels, bit for bit, on random shapes
// and quantization. Every path runs on every machine: on Cortex-M4/M7/M55
// firmware the DSP path runs its real instructions, on M55 firmware the
// Helium path too, elsewhere their portable definitions.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <limits>
#include <vector>

#include "tensorflow/lite/kernels/internal/optimized/conv.h"
#include "tensorflow/lite/kernels/internal/optimized/cortex_m_common.h"
#include "tensorflow/lite/kernels/internal/optimized/cortex_m_dsp.h"
#include "tensorflow/lite/kernels/internal/optimized/cortex_m_mve.h"
#include "tensorflow/lite/kernels/internal/optimized/cortex_m_scalar.h"
#include "tensorflow/lite/kernels/internal/optimized/test_util.h"
#include "tensorflow/lite/kernels/internal/reference/add_sub.h"
#include "tensorflow/lite/kernels/internal/reference/conv.h"
#include "tensorflow/lite/kernels/internal/reference/depthwise_conv.h"
#include "tensorflow/lite/kernels/internal/reference/fully_connected.h"
#include "tensorflow/lite/kernels/internal/reference/pooling.h"

namespace tflite {
namespace optimized_ops {
namespace cortex_m {
namespace {

using testing::BitEqual;
using testing::Random;

constexpr int32_t kInt32Min = std::numeric_limits<int32_t>::min();
constexpr int32_t kInt32Max = std::numeric_limits<int32_t>::max();

// Per-channel multipliers and shifts: mostly real ones, sometimes the
// edges of the 32-bit requantization (shifts -31..31, multipliers 0,
// negative, INT32_MIN) that must fall back or still be exact.
void RandomScales(Random& rng, int n, std::vector<int32_t>* multiplier,
                  std::vector<int32_t>* shift) {
  multiplier->resize(n);
  shift->resize(n);
  const int kind = rng.Int(0, 9);
  for (int i = 0; i < n; ++i) {
    (*multiplier)[i] = rng.Multiplier();
    (*shift)[i] = rng.Int(-10, 1);
    if (kind == 0) (*shift)[i] = rng.Int(-33, 31);
    if (kind == 1 && rng.Chance(0.3)) {
      const int32_t edges[] = {0, 1, -1, kInt32Min, kInt32Max,
                               -(1 << 30), rng.Int(kInt32Min, kInt32Max)};
      (*multiplier)[i] = edges[rng.Int(0, 6)];
      (*shift)[i] = rng.Int(-31, 31);
    }
  }
}

// Input offsets: mostly int8 zero points; sometimes ones whose sums with
// int8 need more than 16 bits (the DSP path then takes plain loops, or the
// reference CONV_2D).
int32_t RandomInputOffset(Random& rng) {
  if (rng.Chance(0.05)) {
    return rng.Chance(0.5) ? rng.Int(-70000, 70000) : rng.Int(32600, 32800);
  }
  return rng.Int(-127, 128);
}

std::vector<int32_t> RandomBias(Random& rng, int n) {
  std::vector<int32_t> bias(n);
  for (auto& b : bias) {
    b = rng.Chance(0.05) ? rng.Int(kInt32Min, kInt32Max)
                         : rng.Int(-30000, 30000);
  }
  return bias;
}

void RandomActivation(Random& rng, int32_t* lo, int32_t* hi) {
  const bool clamp = rng.Chance(0.4);
  *lo = clamp ? rng.Int(-128, 0) : -128;
  *hi = clamp ? rng.Int(0, 127) : 127;
}

// ------------------------------------------------------------- CONV_2D

struct ConvCase {
  ConvParams params;
  RuntimeShape input_shape, filter_shape, output_shape;
};

ConvCase RandomConv(Random& rng) {
  ConvCase c;
  const bool pointwise = rng.Chance(0.4);
  const int batches = rng.Int(1, 2);
  const int in_h = rng.Int(1, 8), in_w = rng.Int(1, 8);
  const int in_c = rng.Chance(0.3) ? rng.Int(1, 5) : rng.Int(1, 40);
  const int out_c = rng.Int(1, 24);
  const int f_h = pointwise ? 1 : rng.Int(1, std::min(in_h, 4));
  const int f_w = pointwise ? 1 : rng.Int(1, std::min(in_w, 4));
  ConvParams& p = c.params;
  p = ConvParams();
  p.stride_height = static_cast<int16_t>(pointwise ? 1 : rng.Int(1, 3));
  p.stride_width = static_cast<int16_t>(pointwise ? 1 : rng.Int(1, 3));
  p.dilation_height_factor = static_cast<int16_t>(rng.Chance(0.2) ? 2 : 1);
  p.dilation_width_factor = static_cast<int16_t>(rng.Chance(0.2) ? 2 : 1);
  int eff_h = (f_h - 1) * p.dilation_height_factor + 1;
  int eff_w = (f_w - 1) * p.dilation_width_factor + 1;
  if (eff_h > in_h) p.dilation_height_factor = 1, eff_h = f_h;
  if (eff_w > in_w) p.dilation_width_factor = 1, eff_w = f_w;
  p.padding_values.height =
      static_cast<int16_t>(pointwise ? 0 : rng.Int(0, eff_h - 1));
  p.padding_values.width =
      static_cast<int16_t>(pointwise ? 0 : rng.Int(0, eff_w - 1));
  const int out_h =
      (in_h + 2 * p.padding_values.height - eff_h) / p.stride_height + 1;
  const int out_w =
      (in_w + 2 * p.padding_values.width - eff_w) / p.stride_width + 1;
  c.input_shape = RuntimeShape({batches, in_h, in_w, in_c});
  c.filter_shape = RuntimeShape({out_c, f_h, f_w, in_c});
  c.output_shape = RuntimeShape({batches, out_h, out_w, out_c});
  return c;
}

using ConvFn = void (*)(const ConvGeometry&, const QuantizedOutput&,
                        const int8_t*, const int8_t*, const int32_t*, int8_t*,
                        void*, bool);

struct ConvPath {
  const char* name;
  ConvFn fn;
};
const ConvPath kConvPaths[] = {
    {"scalar", ConvInt8Scalar}, {"dsp", ConvInt8Dsp}, {"mve", ConvInt8Mve}};

TEST(CortexMConv, Int8MatchesReference) {
  Random rng(8086);
  for (int iteration = 0; iteration < 250; ++iteration) {
    ConvCase c = RandomConv(rng);
    ConvParams& p = c.params;
    p.input_offset = RandomInputOffset(rng);
    p.output_offset = rng.Int(-128, 127);
    RandomActivation(rng, &p.quantized_activation_min,
                     &p.quantized_activation_max);
    const int out_c = c.output_shape.Dims(3);
    std::vector<int32_t> multiplier, shift;
    RandomScales(rng, out_c, &multiplier, &shift);
    auto input = rng.Ints<int8_t>(c.input_shape.FlatSize(), -128, 127);
    auto filter = rng.Ints<int8_t>(c.filter_shape.FlatSize(), -128, 127);
    const std::vector<int32_t> bias = RandomBias(rng, out_c);
    const int32_t* b = rng.Chance(0.85) ? bias.data() : nullptr;
    std::vector<int8_t> expected(c.output_shape.FlatSize());
    reference_integer_ops::ConvPerChannel(
        p, multiplier.data(), shift.data(), c.input_shape, input.data(),
        c.filter_shape, filter.data(), RuntimeShape(), b, c.output_shape,
        expected.data());
    const ConvGeometry g =
        MakeConvGeometry(p, c.input_shape, c.filter_shape, c.output_shape);
    const QuantizedOutput q =
        MakeQuantizedOutput(p, multiplier.data(), shift.data());
    for (const ConvPath& path : kConvPaths) {
      // Exactly the scratch the kernel gets, so overruns show (ASan).
      std::vector<uint8_t> scratch(
          ConvScratchBytes(c.input_shape, c.filter_shape, false));
      std::vector<int8_t> actual(expected.size(), 55);
      path.fn(g, q, input.data(), filter.data(), b, actual.data(),
              scratch.data(), false);
      ASSERT_TRUE(BitEqual(expected, actual))
          << "iteration " << iteration << " path " << path.name;
    }
  }
}

TEST(CortexMConv, Int8InPlaceMatchesReference) {
  Random rng(4004);
  int in_place_cases = 0;
  for (int iteration = 0; iteration < 120; ++iteration) {
    const int batches = rng.Int(1, 2);
    const int h = rng.Int(1, 7), w = rng.Int(1, 7);
    const int in_c = rng.Int(1, 40), out_c = rng.Int(1, 48);
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
    std::vector<int32_t> multiplier, shift;
    RandomScales(rng, out_c, &multiplier, &shift);
    const std::vector<int32_t> bias = RandomBias(rng, out_c);
    auto input = rng.Ints<int8_t>(input_shape.FlatSize(), -128, 127);
    auto filter = rng.Ints<int8_t>(filter_shape.FlatSize(), -127, 127);
    std::vector<int8_t> expected(output_shape.FlatSize());
    reference_integer_ops::ConvPerChannel(
        p, multiplier.data(), shift.data(), input_shape, input.data(),
        filter_shape, filter.data(), RuntimeShape(), bias.data(),
        output_shape, expected.data());
    const ConvGeometry g =
        MakeConvGeometry(p, input_shape, filter_shape, output_shape);
    const QuantizedOutput q =
        MakeQuantizedOutput(p, multiplier.data(), shift.data());
    for (const ConvPath& path : kConvPaths) {
      std::vector<int8_t> buffer(
          std::max(input.size(), expected.size()), 77);
      std::copy(input.begin(), input.end(), buffer.begin());
      std::vector<uint8_t> scratch(
          ConvInPlaceScratchBytes(input_shape, filter_shape));
      path.fn(g, q, buffer.data(), filter.data(), bias.data(), buffer.data(),
              scratch.data(), true);
      buffer.resize(expected.size());
      ASSERT_TRUE(BitEqual(expected, buffer))
          << "iteration " << iteration << " path " << path.name;
    }
    ++in_place_cases;
  }
  EXPECT_GT(in_place_cases, 40);
}

// --------------------------------------------------- DEPTHWISE_CONV_2D

using DepthwiseFn = void (*)(const ConvGeometry&, const QuantizedOutput&,
                             const int8_t*, const int8_t*, const int32_t*,
                             int8_t*);
struct DepthwisePath {
  const char* name;
  DepthwiseFn fn;
};
const DepthwisePath kDepthwisePaths[] = {{"scalar", DepthwiseInt8Scalar},
                                         {"dsp", DepthwiseInt8Dsp},
                                         {"mve", DepthwiseInt8Mve}};

TEST(CortexMDepthwiseConv, Int8MatchesReference) {
  Random rng(6502);
  for (int iteration = 0; iteration < 250; ++iteration) {
    const int batches = rng.Int(1, 2);
    const int in_h = rng.Int(1, 9), in_w = rng.Int(1, 9);
    // Up to 40 channels: Helium blocks of 16 and 8 and the rest.
    const int in_c = rng.Chance(0.3) ? 1 : rng.Int(1, 40);
    const int mult = rng.Chance(0.5)
                         ? 1
                         : (rng.Chance(0.5) ? 4 * rng.Int(1, 3)
                                            : rng.Int(2, in_c == 1 ? 13 : 5));
    const int f_h = rng.Int(1, std::min(in_h, 4));
    const int f_w = rng.Int(1, std::min(in_w, 4));
    DepthwiseParams p = DepthwiseParams();
    p.depth_multiplier = static_cast<int16_t>(mult);
    p.stride_height = static_cast<int16_t>(rng.Int(1, 3));
    p.stride_width = static_cast<int16_t>(rng.Int(1, 3));
    p.dilation_height_factor = static_cast<int16_t>(rng.Chance(0.2) ? 2 : 1);
    p.dilation_width_factor = static_cast<int16_t>(rng.Chance(0.2) ? 2 : 1);
    int eff_h = (f_h - 1) * p.dilation_height_factor + 1;
    int eff_w = (f_w - 1) * p.dilation_width_factor + 1;
    if (eff_h > in_h) p.dilation_height_factor = 1, eff_h = f_h;
    if (eff_w > in_w) p.dilation_width_factor = 1, eff_w = f_w;
    // Padding up to the whole filter: some output pixels have no taps.
    p.padding_values.height = static_cast<int16_t>(rng.Int(0, eff_h));
    p.padding_values.width = static_cast<int16_t>(rng.Int(0, eff_w));
    const int out_h =
        (in_h + 2 * p.padding_values.height - eff_h) / p.stride_height + 1;
    const int out_w =
        (in_w + 2 * p.padding_values.width - eff_w) / p.stride_width + 1;
    const int out_c = in_c * mult;
    const RuntimeShape input_shape({batches, in_h, in_w, in_c});
    const RuntimeShape filter_shape({1, f_h, f_w, out_c});
    const RuntimeShape output_shape({batches, out_h, out_w, out_c});
    p.input_offset = RandomInputOffset(rng);
    p.output_offset = rng.Int(-128, 127);
    RandomActivation(rng, &p.quantized_activation_min,
                     &p.quantized_activation_max);
    std::vector<int32_t> multiplier, shift;
    RandomScales(rng, out_c, &multiplier, &shift);
    auto input = rng.Ints<int8_t>(input_shape.FlatSize(), -128, 127);
    auto filter = rng.Ints<int8_t>(filter_shape.FlatSize(), -128, 127);
    const std::vector<int32_t> bias = RandomBias(rng, out_c);
    const int32_t* b = rng.Chance(0.85) ? bias.data() : nullptr;
    std::vector<int8_t> expected(output_shape.FlatSize());
    reference_integer_ops::DepthwiseConvPerChannel(
        p, multiplier.data(), shift.data(), input_shape, input.data(),
        filter_shape, filter.data(), RuntimeShape(), b, output_shape,
        expected.data());
    const ConvGeometry g =
        MakeConvGeometry(p, input_shape, filter_shape, output_shape);
    const QuantizedOutput q =
        MakeQuantizedOutput(p, multiplier.data(), shift.data());
    for (const DepthwisePath& path : kDepthwisePaths) {
      std::vector<int8_t> actual(expected.size(), 55);
      path.fn(g, q, input.data(), filter.data(), b, actual.data());
      ASSERT_TRUE(BitEqual(expected, actual))
          << "iteration " << iteration << " path " << path.name;
    }
  }
}

// ------------------------------------------------------- FULLY_CONNECTED

using FcFn = void (*)(const FcInt8Args&, const int8_t*, const int8_t*,
                      const int32_t*, int8_t*);
struct FcPath {
  const char* name;
  FcFn fn;
};
const FcPath kFcPaths[] = {{"scalar", FullyConnectedInt8Scalar},
                           {"dsp", FullyConnectedInt8Dsp},
                           {"mve", FullyConnectedInt8Mve}};

TEST(CortexMFullyConnected, Int8MatchesReference) {
  Random rng(68000);
  for (int iteration = 0; iteration < 300; ++iteration) {
    const int batches = rng.Chance(0.7) ? 1 : rng.Int(2, 4);
    const int outputs = rng.Int(1, 40);
    const int depth = rng.Chance(0.2) ? rng.Int(1, 5) : rng.Int(1, 200);
    FullyConnectedParams p = FullyConnectedParams();
    p.input_offset = RandomInputOffset(rng);
    p.weights_offset = rng.Chance(0.3) ? rng.Int(-127, 128) : 0;
    p.output_offset = rng.Int(-128, 127);
    std::vector<int32_t> tensor_multiplier, tensor_shift;
    RandomScales(rng, 1, &tensor_multiplier, &tensor_shift);
    p.output_multiplier = tensor_multiplier[0];
    p.output_shift = tensor_shift[0];
    RandomActivation(rng, &p.quantized_activation_min,
                     &p.quantized_activation_max);
    const bool per_channel = rng.Chance(0.4);
    std::vector<int32_t> multiplier, shift;
    RandomScales(rng, outputs, &multiplier, &shift);
    const bool litert = rng.Chance(0.2);
    if (litert) {
      // Its single rounding shifts by 31 - shift: defined for [-32, 30].
      for (auto& v : shift) v = std::min<int32_t>(std::max<int32_t>(v, -32), 30);
      p.output_shift = std::min(std::max(p.output_shift, -32), 30);
    }
    const RuntimeShape input_shape({batches, depth});
    const RuntimeShape filter_shape({outputs, depth});
    const RuntimeShape output_shape({batches, outputs});
    auto input = rng.Ints<int8_t>(input_shape.FlatSize(), -128, 127);
    auto filter = rng.Ints<int8_t>(filter_shape.FlatSize(), -128, 127);
    const std::vector<int32_t> bias = RandomBias(rng, outputs);
    const int32_t* b = rng.Chance(0.85) ? bias.data() : nullptr;
    const int32_t* m = per_channel ? multiplier.data() : nullptr;
    const int32_t* s = per_channel ? shift.data() : nullptr;
    std::vector<int8_t> expected(output_shape.FlatSize());
    reference_integer_ops::FullyConnectedImpl<int8_t, int32_t, int32_t,
                                              int8_t>(
        p, m, s, input_shape, input.data(), filter_shape, filter.data(),
        RuntimeShape(), b, output_shape, expected.data(), litert);
    FcInt8Args a;
    a.batches = batches;
    a.outputs = outputs;
    a.depth = depth;
    a.per_channel_multiplier = m;
    a.per_channel_shift = s;
    a.multiplier = p.output_multiplier;
    a.shift = p.output_shift;
    a.input_offset = p.input_offset;
    a.weights_offset = p.weights_offset;
    a.output_offset = p.output_offset;
    a.act_min = p.quantized_activation_min;
    a.act_max = p.quantized_activation_max;
    a.litert_rescale = litert;
    for (const FcPath& path : kFcPaths) {
      std::vector<int8_t> actual(expected.size(), 55);
      path.fn(a, input.data(), filter.data(), b, actual.data());
      ASSERT_TRUE(BitEqual(expected, actual))
          << "iteration " << iteration << " path " << path.name;
    }
  }
}

// ------------------------------------------------------------------ ADD

using AddFn = void (*)(const ArithmeticParams&, int, const int8_t*,
                       const int8_t*, int8_t*);
struct AddPath {
  const char* name;
  AddFn fn;
};
const AddPath kAddPaths[] = {{"scalar", AddInt8Scalar}, {"mve", AddInt8Mve}};

TEST(CortexMAdd, Int8MatchesReference) {
  Random rng(6809);
  for (int iteration = 0; iteration < 60; ++iteration) {
    // Below and above kAddTableMinSize, and tails of 1..3.
    const int size = rng.Chance(0.5) ? rng.Int(1, 40) : rng.Int(500, 1100);
    ArithmeticParams p = testing::RandomInt8AddParams(rng);
    // Sometimes what the 32-bit paths must refuse or still get right:
    // other left shifts, offsets outside int8 zero points, any multiplier
    // and shift (RandomScales' edges).
    if (rng.Chance(0.1)) p.left_shift = rng.Int(0, 23);
    if (rng.Chance(0.05)) p.input1_offset = rng.Int(-300, 300);
    std::vector<int32_t> multiplier, shift;
    RandomScales(rng, 3, &multiplier, &shift);
    if (rng.Chance(0.1)) {
      p.input1_multiplier = multiplier[0];
      p.input1_shift = shift[0];
    }
    if (rng.Chance(0.1)) {
      p.input2_multiplier = multiplier[1];
      p.input2_shift = shift[1];
    }
    if (rng.Chance(0.2)) {
      p.output_multiplier = multiplier[2];
      p.output_shift = shift[2];
    }
    if (p.left_shift > 22) {
      // The reference's int32 product must not overflow.
      p.input1_offset = std::min<int32_t>(
          std::max<int32_t>(p.input1_offset, -64), 64);
      p.input2_offset = std::min<int32_t>(
          std::max<int32_t>(p.input2_offset, -64), 64);
    }
    auto a = rng.Ints<int8_t>(size, -128, 127);
    auto b = rng.Ints<int8_t>(size, -128, 127);
    const std::vector<int8_t> expected = testing::ReferenceInt8Add(p, a, b);
    for (const AddPath& path : kAddPaths) {
      std::vector<int8_t> actual(size, 55);
      path.fn(p, size, a.data(), b.data(), actual.data());
      ASSERT_TRUE(BitEqual(expected, actual))
          << "iteration " << iteration << " path " << path.name;
    }
  }
}

// ---------------------------------------------- AVERAGE/MAX_POOL_2D

using PoolFn = void (*)(const PoolParams&, const RuntimeShape&,
                        const int8_t*, const RuntimeShape&, int8_t*);
struct PoolPath {
  const char* name;
  PoolFn average;
  PoolFn max;
};
const PoolPath kPoolPaths[] = {
    {"scalar", AveragePoolInt8Scalar, MaxPoolInt8Scalar},
    {"dsp", AveragePoolInt8Dsp, MaxPoolInt8Dsp},
    {"mve", AveragePoolInt8Mve, MaxPoolInt8Mve}};

TEST(CortexMPool, Int8MatchesReference) {
  Random rng(1802);
  for (int iteration = 0; iteration < 80; ++iteration) {
    const int batches = rng.Int(1, 2);
    const bool global = rng.Chance(0.2);
    // Up to 16 x 16 windows (256 taps, int16 sums at their limit), and
    // channels past a 64-channel block with tails of every length.
    const int in_h = global ? rng.Int(1, 16) : rng.Int(1, 9);
    const int in_w = global ? rng.Int(1, 16) : rng.Int(1, 9);
    const int depth = rng.Chance(0.3) ? rng.Int(65, 150) : rng.Int(1, 40);
    PoolParams p = PoolParams();
    p.filter_height = global ? in_h : rng.Int(1, std::min(in_h, 4));
    p.filter_width = global ? in_w : rng.Int(1, std::min(in_w, 4));
    p.stride_height = global ? 1 : rng.Int(1, 3);
    p.stride_width = global ? 1 : rng.Int(1, 3);
    // Padding up to the whole filter: some windows are empty.
    p.padding_values.height = global ? 0 : rng.Int(0, p.filter_height);
    p.padding_values.width = global ? 0 : rng.Int(0, p.filter_width);
    const int out_h =
        (in_h + 2 * p.padding_values.height - p.filter_height) /
            p.stride_height + 1;
    const int out_w =
        (in_w + 2 * p.padding_values.width - p.filter_width) /
            p.stride_width + 1;
    RandomActivation(rng, &p.quantized_activation_min,
                     &p.quantized_activation_max);
    const RuntimeShape input_shape({batches, in_h, in_w, depth});
    const RuntimeShape output_shape({batches, out_h, out_w, depth});
    // Sometimes all -128 or all 127: the int16 sums' extremes.
    const int fill = rng.Int(0, 9);
    auto input = rng.Ints<int8_t>(input_shape.FlatSize(), -128, 127);
    if (fill < 2) std::fill(input.begin(), input.end(), fill ? 127 : -128);
    std::vector<int8_t> expected_average(output_shape.FlatSize());
    std::vector<int8_t> expected_max(output_shape.FlatSize());
    reference_integer_ops::AveragePool(p, input_shape, input.data(),
                                       output_shape, expected_average.data());
    reference_integer_ops::MaxPool(p, input_shape, input.data(), output_shape,
                                   expected_max.data());
    for (const PoolPath& path : kPoolPaths) {
      std::vector<int8_t> actual(expected_average.size(), 55);
      path.average(p, input_shape, input.data(), output_shape, actual.data());
      ASSERT_TRUE(BitEqual(expected_average, actual))
          << "average, iteration " << iteration << " path " << path.name;
      std::fill(actual.begin(), actual.end(), 55);
      path.max(p, input_shape, input.data(), output_shape, actual.data());
      ASSERT_TRUE(BitEqual(expected_max, actual))
          << "max, iteration " << iteration << " path " << path.name;
    }
  }
}

// ----------------------------------------------------------------- SVDF

// out[r] = sum(a[r % a_rows] * (b[r * b_stride] - zero_point)), wrapping.
template <typename T>
std::vector<int32_t> PlainSvdfSums(const std::vector<T>& a, int a_rows,
                                   const std::vector<T>& b, int b_stride,
                                   int rows, int n, int32_t zero_point) {
  std::vector<int32_t> out(rows);
  for (int r = 0; r < rows; ++r) {
    uint32_t sum = 0;
    for (int i = 0; i < n; ++i) {
      sum += static_cast<uint32_t>(a[(r % a_rows) * n + i]) *
             (static_cast<uint32_t>(b[r * b_stride + i]) -
              static_cast<uint32_t>(zero_point));
    }
    out[r] = static_cast<int32_t>(sum);
  }
  return out;
}

template <typename T>
void CheckSvdfSums(Random& rng, int iterations) {
  const T lo = std::numeric_limits<T>::min();
  const T hi = std::numeric_limits<T>::max();
  for (int iteration = 0; iteration < iterations; ++iteration) {
    const int a_rows = rng.Int(1, 6);
    const int rows = a_rows * rng.Int(1, 3);
    const int n = rng.Int(1, 45);
    // Feature sums: one input row for all (stride 0); time sums: a row each.
    const int b_stride = rng.Chance(0.5) ? 0 : n;
    const int32_t zero_point = rng.Int(lo, hi);
    auto a = rng.Ints<T>(static_cast<size_t>(a_rows) * n, lo, hi);
    auto b = rng.Ints<T>(static_cast<size_t>(rows) * n, lo, hi);
    const std::vector<int32_t> expected =
        PlainSvdfSums(a, a_rows, b, b_stride, rows, n, zero_point);
    std::vector<int32_t> dsp(rows, 55), mve(rows, 55);
    SvdfSumsDsp(a.data(), a_rows, b.data(), b_stride, rows, n, zero_point,
                dsp.data());
    SvdfSumsMve(a.data(), a_rows, b.data(), b_stride, rows, n, zero_point,
                mve.data());
    ASSERT_EQ(expected, dsp) << "iteration " << iteration;
    ASSERT_EQ(expected, mve) << "iteration " << iteration;
  }
}

TEST(CortexMSvdf, SumsMatchPlainLoops) {
  Random rng(8051);
  CheckSvdfSums<int8_t>(rng, 60);
  CheckSvdfSums<int16_t>(rng, 60);
}

// The 32-bit requantization against MultiplyByQuantizedMultiplier on
// random and edge accumulators, multipliers and shifts.
TEST(CortexMRequantize, MatchesMultiplyByQuantizedMultiplier) {
  Random rng(1979);
  const int32_t edges[] = {0,         1,         -1,        2,
                           -2,        kInt32Min, kInt32Max, kInt32Min + 1,
                           1 << 30,   -(1 << 30), (1 << 30) - 1, 12345};
  int checked = 0;
  for (int i = 0; i < 20000; ++i) {
    const int32_t acc =
        rng.Chance(0.2) ? edges[rng.Int(0, 11)] : rng.Int(kInt32Min, kInt32Max);
    int32_t multiplier = rng.Chance(0.5) ? rng.Multiplier()
                                         : rng.Int(kInt32Min, kInt32Max);
    if (rng.Chance(0.1)) multiplier = edges[rng.Int(0, 11)];
    const int32_t shift = rng.Int(-31, 31);
    if (!MultiplierFits32(multiplier, shift)) continue;
    ASSERT_EQ(MultiplyByQuantizedMultiplier32(acc, multiplier, shift),
              MultiplyByQuantizedMultiplier(acc, multiplier,
                                            static_cast<int>(shift)))
        << acc << " " << multiplier << " " << shift;
    ++checked;
  }
  EXPECT_GT(checked, 18000);
}

}  // namespace
}  // namespace cortex_m
}  // namespace optimized_ops
}  // namespace tflite
