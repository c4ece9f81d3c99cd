// Optimized integer LSTM == reference, bit for bit: the vector activations
// on every int16 input, and whole sequences on random cases (CIFG,
// peepholes, projection, clips, extreme shifts that take the fallback) for
// every instruction set this CPU runs.
#include "tensorflow/lite/kernels/internal/optimized/lstm.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <vector>

#include "tensorflow/lite/kernels/internal/optimized/test_util.h"
#include "tensorflow/lite/kernels/internal/reference/lstm.h"

namespace tflite {
namespace optimized_ops {
namespace {

using reference_ops::kLstmGateCount;
using reference_ops::kLstmInputGate;
using testing::BitEqual;
using testing::Random;
using testing::SupportedIsas;

std::vector<int16_t> AllInt16() {
  std::vector<int16_t> v(65536);
  for (int i = 0; i < 65536; ++i) v[i] = static_cast<int16_t>(i - 32768);
  return v;
}

TEST(OptimizedLstm, LogisticMatchesOnEveryInput) {
  const std::vector<int16_t> in = AllInt16();
  std::vector<int16_t> expected(in.size());
  using F3 = fixed_point::FixedPoint<int16_t, 3>;
  for (size_t i = 0; i < in.size(); ++i) {
    expected[i] = fixed_point::logistic(F3::FromRaw(in[i])).raw();
  }
  for (Isa isa : SupportedIsas()) {
    std::vector<int16_t> got(in.size());
    LstmLogisticQ3(in.data(), got.data(), static_cast<int>(in.size()), isa);
    EXPECT_TRUE(BitEqual(expected, got)) << IsaName(isa);
  }
}

TEST(OptimizedLstm, TanhMatchesOnEveryInput) {
  const std::vector<int16_t> in = AllInt16();
  for (int bits = 0; bits <= 6; ++bits) {
    std::vector<int16_t> expected(in.size());
    for (size_t i = 0; i < in.size(); ++i) {
      expected[i] = reference_ops::LstmCellTanh(bits, in[i]);
    }
    for (Isa isa : SupportedIsas()) {
      std::vector<int16_t> got(in.size());
      LstmTanh(bits, in.data(), got.data(), static_cast<int>(in.size()), isa);
      EXPECT_TRUE(BitEqual(expected, got)) << IsaName(isa) << " bits " << bits;
    }
  }
}

int Shift(Random& rng, bool extreme) {
  return extreme ? rng.Int(-40, 31) : rng.Int(-14, 0);
}

TEST(OptimizedLstm, SequenceMatchesReference) {
  Random rng(2024);
  for (int iteration = 0; iteration < 600; ++iteration) {
    reference_ops::LstmSizes sizes;
    sizes.batches = 1;
    sizes.input_size = rng.Chance(0.03) ? rng.Int(250, 300) : rng.Int(1, 45);
    sizes.cell_size = rng.Int(1, 40);
    const bool projection = rng.Chance(0.25);
    sizes.output_size = projection ? rng.Int(1, 30) : sizes.cell_size;
    const bool cifg = rng.Chance(0.3);
    const bool peephole = rng.Chance(0.3);
    const bool extreme = rng.Chance(0.05);
    const int steps = rng.Int(1, 6);
    const int cells = sizes.cell_size;

    std::vector<int8_t> in_w[kLstmGateCount], rec_w[kLstmGateCount];
    std::vector<int16_t> peep[kLstmGateCount];
    std::vector<int32_t> in_b[kLstmGateCount], rec_b[kLstmGateCount];
    reference_ops::LstmIntegerWeights w = {};
    reference_ops::LstmIntegerParams p = {};
    for (int g = 0; g < kLstmGateCount; ++g) {
      if (cifg && g == kLstmInputGate) continue;
      in_w[g] = rng.Ints<int8_t>(cells * sizes.input_size, -128, 127);
      rec_w[g] = rng.Ints<int8_t>(cells * sizes.output_size, -128, 127);
      in_b[g] = rng.Ints<int32_t>(cells, -200000, 200000);
      rec_b[g] = rng.Ints<int32_t>(cells, -200000, 200000);
      w.input_to_gate[g] = in_w[g].data();
      w.recurrent_to_gate[g] = rec_w[g].data();
      w.input_effective_bias[g] = in_b[g].data();
      w.recurrent_effective_bias[g] = rec_b[g].data();
      p.input_multiplier[g] = rng.Multiplier();
      p.input_shift[g] = Shift(rng, extreme);
      p.recurrent_multiplier[g] = rng.Multiplier();
      p.recurrent_shift[g] = Shift(rng, extreme);
      if (peephole && g != reference_ops::kLstmCellGate) {
        peep[g] = rng.Ints<int16_t>(cells, -32768, 32767);
        w.cell_to_gate[g] = peep[g].data();
        p.cell_multiplier[g] = rng.Multiplier();
        p.cell_shift[g] = rng.Int(-20, -8);
      }
    }
    std::vector<int8_t> proj_w;
    std::vector<int32_t> proj_b;
    if (projection) {
      proj_w = rng.Ints<int8_t>(sizes.output_size * cells, -128, 127);
      proj_b = rng.Ints<int32_t>(sizes.output_size, -50000, 50000);
      w.projection_weights = proj_w.data();
      w.projection_effective_bias = proj_b.data();
      p.projection_multiplier = rng.Multiplier();
      p.projection_shift = rng.Int(-14, -4);
      p.projection_clip = rng.Chance(0.3) ? rng.Int(1, 127) : 0;
    }
    p.hidden_multiplier = rng.Multiplier();
    p.hidden_shift = rng.Int(-24, -12);
    p.hidden_zero_point = rng.Chance(0.7) ? 0 : rng.Int(-128, 127);
    p.output_state_zero_point = rng.Int(-128, 127);
    p.cell_exponent = rng.Int(-15, -9);
    p.cell_clip = rng.Chance(0.3) ? rng.Int(1, 32767) : 0;

    const int in_stride = sizes.input_size + rng.Int(0, 3);
    const int out_stride = sizes.output_size + rng.Int(0, 3);
    const auto input = rng.Ints<int8_t>(steps * in_stride, -128, 127);
    const auto h0 = rng.Ints<int8_t>(sizes.output_size, -128, 127);
    const auto c0 = rng.Ints<int16_t>(cells, -32768, 32767);

    std::vector<int8_t> expected_out(steps * out_stride, 0);
    std::vector<int8_t> expected_h = h0;
    std::vector<int16_t> expected_c = c0;
    {
      std::vector<int16_t> gates(4 * cells);
      std::vector<int8_t> hidden(cells);
      for (int t = 0; t < steps; ++t) {
        reference_ops::LstmStepInteger(
            sizes, w, p, input.data() + t * in_stride, expected_h.data(),
            expected_c.data(), gates.data(), hidden.data(),
            expected_out.data() + t * out_stride);
      }
    }
    for (Isa isa : SupportedIsas()) {
      std::vector<int8_t> out(steps * out_stride, 0);
      std::vector<int8_t> h = h0;
      std::vector<int16_t> c = c0;
      std::vector<char> scratch(LstmScratchBytes(sizes));
      LstmSequenceInteger(sizes, w, p, steps, input.data(),
                          in_stride, out.data(), out_stride, h.data(),
                          c.data(), scratch.data(), isa);
      EXPECT_TRUE(BitEqual(expected_out, out))
          << IsaName(isa) << " iteration " << iteration;
      EXPECT_TRUE(BitEqual(expected_h, h))
          << IsaName(isa) << " iteration " << iteration;
      EXPECT_TRUE(BitEqual(expected_c, c))
          << IsaName(isa) << " iteration " << iteration;
    }
  }
}

// The hidden state's zero point is added to the rescaled o * tanh(c), as
// LiteRT and TFLM add it (a stacked LSTM's second layer met it first): with
// small weights nothing saturates, so every output moves by the zero point,
// on the reference steps and on every instruction set's.
TEST(OptimizedLstm, HiddenZeroPointIsAdded) {
  Random rng(7);
  reference_ops::LstmSizes sizes = {1, 37, 21, 21};
  const int cells = sizes.cell_size;
  std::vector<int8_t> in_w[kLstmGateCount], rec_w[kLstmGateCount];
  std::vector<int32_t> bias(cells, 0);
  reference_ops::LstmIntegerWeights w = {};
  reference_ops::LstmIntegerParams p = {};
  for (int g = 0; g < kLstmGateCount; ++g) {
    in_w[g] = rng.Ints<int8_t>(cells * sizes.input_size, -20, 20);
    rec_w[g] = rng.Ints<int8_t>(cells * cells, -20, 20);
    w.input_to_gate[g] = in_w[g].data();
    w.recurrent_to_gate[g] = rec_w[g].data();
    w.input_effective_bias[g] = bias.data();
    w.recurrent_effective_bias[g] = bias.data();
    p.input_multiplier[g] = 1 << 30;
    p.input_shift[g] = -2;
    p.recurrent_multiplier[g] = 1 << 30;
    p.recurrent_shift[g] = -2;
  }
  // h = o * tanh(c) / 2^23 with o and tanh(c) in Q0.15: within +-128.
  p.hidden_multiplier = 1 << 30;
  p.hidden_shift = -22;
  p.cell_exponent = -11;
  const auto input = rng.Ints<int8_t>(sizes.input_size, -128, 127);
  const auto h0 = rng.Ints<int8_t>(cells, -50, 50);
  const auto c0 = rng.Ints<int16_t>(cells, -6000, 6000);
  std::vector<int8_t> base(cells);
  for (int zero_point : {0, 23, -31}) {
    p.hidden_zero_point = zero_point;
    std::vector<int8_t> h = h0;
    std::vector<int16_t> c = c0;
    std::vector<int16_t> gates(4 * cells);
    std::vector<int8_t> hidden(cells), out(cells);
    reference_ops::LstmStepInteger(sizes, w, p, input.data(), h.data(),
                                   c.data(), gates.data(), hidden.data(),
                                   out.data());
    if (zero_point == 0) {
      base = out;
      int spread = 0;
      for (int8_t v : out) spread = std::max(spread, std::abs(int{v}));
      ASSERT_GT(spread, 5);
      ASSERT_LT(spread, 90);
    }
    for (int i = 0; i < cells; ++i) {
      EXPECT_EQ(out[i], base[i] + zero_point) << "zero point " << zero_point;
    }
    for (Isa isa : SupportedIsas()) {
      std::vector<int8_t> vh = h0, vout(cells);
      std::vector<int16_t> vc = c0;
      std::vector<char> scratch(LstmScratchBytes(sizes));
      LstmSequenceInteger(sizes, w, p, 1, input.data(), sizes.input_size,
                          vout.data(), cells, vh.data(), vc.data(),
                          scratch.data(), isa);
      EXPECT_TRUE(BitEqual(out, vout)) << IsaName(isa) << " zero point "
                                       << zero_point;
    }
  }
}

}  // namespace
}  // namespace optimized_ops
}  // namespace tflite
