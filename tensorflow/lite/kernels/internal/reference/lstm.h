// Reference LSTM cell steps, as UNIDIRECTIONAL_SEQUENCE_LSTM runs them once
// per time step.
//
// Gates, in the order input, forget, cell, output:
//   gate = act(bias + W_x . x + W_h . h_prev [+ w_c * c] ), with optional
//          layer normalisation before the bias (float only here);
//   act is sigmoid, except for the cell gate (the op's activation, tanh in
//   the integer kernel);
//   c = f * c_prev + i * g (CIFG: i = 1 - f), clipped to +-cell_clip;
//   the output gate's peephole sees the new c;
//   h = o * act(c), then an optional projection W_p . h + b_p, clipped to
//   +-proj_clip. The new h is both the output and the recurrent state.
//
// The integer variant is TFLite's 8x8->16 LSTM (TFLM's integer LSTM
// computes differently; this one matches TFLite's reference kernels): int8 input, weights and
// output state; int16 gates (Q3.12 before the activations, Q0.15 after)
// and cell state (scale 2^cell_exponent); int32 biases, folded together
// with the zero points into "effective" biases ahead of time.
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_LSTM_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_LSTM_H_

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "tensorflow/lite/core/c/builtin_op_data.h"
#include "tensorflow/lite/kernels/internal/common.h"
#include "tensorflow/lite/kernels/internal/fixedpoint.h"
#include "tensorflow/lite/kernels/internal/reference/wrapping_arithmetic.h"

namespace tflite {
namespace reference_ops {

enum LstmGate { kLstmInputGate = 0, kLstmForgetGate, kLstmCellGate,
                kLstmOutputGate, kLstmGateCount };

struct LstmSizes {
  int batches;  // rows processed together (independent of each other)
  int input_size;
  int cell_size;
  int output_size;
};

// ---------------------------------------------------------------- float

struct LstmFloatWeights {
  // Per gate; the input gate's entries are null for CIFG, cell_to_gate is
  // null without peepholes (and always for the cell gate), layer_norm is
  // null without layer normalisation.
  const float* input_to_gate[kLstmGateCount];
  const float* recurrent_to_gate[kLstmGateCount];
  const float* cell_to_gate[kLstmGateCount];
  const float* layer_norm[kLstmGateCount];
  const float* bias[kLstmGateCount];
  const float* projection_weights;  // null without projection
  const float* projection_bias;     // may be null
};

inline float LstmActivation(TfLiteFusedActivation activation, float x) {
  switch (activation) {
    case kTfLiteActRelu:
      return std::max(0.0f, x);
    case kTfLiteActReluN1To1:
      return std::min(1.0f, std::max(-1.0f, x));
    case kTfLiteActRelu6:
      return std::min(6.0f, std::max(0.0f, x));
    case kTfLiteActTanh:
      return std::tanh(x);
    case kTfLiteActSigmoid:
      return 1.0f / (1.0f + std::exp(-x));
    default:
      return x;
  }
}

// out[r] = sum over d of x[d] * weights[r][d], from 0.0f in the order of d.
// The float LSTM takes its dot products through this signature so that an
// optimized kernel can supply the same sums faster.
using LstmRowDots = void (*)(const float* x, const float* weights, int rows,
                             int depth, float* out);

inline void LstmRowDotsReference(const float* x, const float* weights,
                                 int rows, int depth, float* out) {
  for (int r = 0; r < rows; ++r) {
    const float* w = weights + r * depth;
    float sum = 0.0f;
    for (int d = 0; d < depth; ++d) sum += w[d] * x[d];
    out[r] = sum;
  }
}

// Rows of a gate or projection handled per call of the row dots (their sums
// wait on the stack).
constexpr int kLstmDotBlock = 64;

// gate[batches][cell] for one gate.
inline void LstmFloatGate(const LstmSizes& sizes, const float* input_weights,
                          const float* recurrent_weights,
                          const float* cell_weights, const float* layer_norm,
                          const float* bias, const float* input,
                          const float* output_state, const float* cell_state,
                          TfLiteFusedActivation activation, float* gate,
                          LstmRowDots row_dots = LstmRowDotsReference) {
  const int cells = sizes.cell_size;
  for (int b = 0; b < sizes.batches; ++b) {
    float* row = gate + b * cells;
    const float* x = input + b * sizes.input_size;
    const float* h = output_state + b * sizes.output_size;
    const float* c = cell_state + b * cells;
    for (int i0 = 0; i0 < cells; i0 += kLstmDotBlock) {
      const int count = std::min(kLstmDotBlock, cells - i0);
      float from_input[kLstmDotBlock];
      float from_state[kLstmDotBlock];
      row_dots(x, input_weights + i0 * sizes.input_size, count,
               sizes.input_size, from_input);
      row_dots(h, recurrent_weights + i0 * sizes.output_size, count,
               sizes.output_size, from_state);
      for (int j = 0; j < count; ++j) {
        const int i = i0 + j;
        float value = layer_norm != nullptr ? 0.0f : bias[i];
        value += from_input[j];
        value += from_state[j];
        if (cell_weights != nullptr) value += cell_weights[i] * c[i];
        row[i] = value;
      }
    }
    if (layer_norm != nullptr) {
      // Normalise to zero mean and unit variance, then scale and shift.
      float sum = 0.0f;
      for (int i = 0; i < cells; ++i) sum += row[i];
      const float mean = sum / cells;
      float squares = 0.0f;
      for (int i = 0; i < cells; ++i) {
        const float d = row[i] - mean;
        squares += d * d;
      }
      const float inv_stddev = 1.0f / std::sqrt(squares / cells + 1e-8f);
      for (int i = 0; i < cells; ++i) {
        row[i] = (row[i] - mean) * inv_stddev * layer_norm[i] + bias[i];
      }
    }
    for (int i = 0; i < cells; ++i) row[i] = LstmActivation(activation, row[i]);
  }
}

// One time step for `sizes.batches` rows. `scratch` holds
// 4 * batches * cell_size floats. Writes the new h into output_state and
// output.
inline void LstmStepFloat(const LstmSizes& sizes, const LstmFloatWeights& w,
                          TfLiteFusedActivation activation, float cell_clip,
                          float proj_clip, const float* input,
                          float* output_state, float* cell_state,
                          float* scratch, float* output,
                          LstmRowDots row_dots = LstmRowDotsReference) {
  const int n = sizes.batches * sizes.cell_size;
  float* input_gate = scratch;
  float* forget_gate = scratch + n;
  float* cell_gate = scratch + 2 * n;
  float* output_gate = scratch + 3 * n;
  const bool cifg = w.input_to_gate[kLstmInputGate] == nullptr;
  if (!cifg) {
    LstmFloatGate(sizes, w.input_to_gate[kLstmInputGate],
                  w.recurrent_to_gate[kLstmInputGate],
                  w.cell_to_gate[kLstmInputGate], w.layer_norm[kLstmInputGate],
                  w.bias[kLstmInputGate], input, output_state, cell_state,
                  kTfLiteActSigmoid, input_gate, row_dots);
  }
  LstmFloatGate(sizes, w.input_to_gate[kLstmForgetGate],
                w.recurrent_to_gate[kLstmForgetGate],
                w.cell_to_gate[kLstmForgetGate], w.layer_norm[kLstmForgetGate],
                w.bias[kLstmForgetGate], input, output_state, cell_state,
                kTfLiteActSigmoid, forget_gate, row_dots);
  LstmFloatGate(sizes, w.input_to_gate[kLstmCellGate],
                w.recurrent_to_gate[kLstmCellGate], nullptr,
                w.layer_norm[kLstmCellGate], w.bias[kLstmCellGate], input,
                output_state, cell_state, activation, cell_gate, row_dots);
  for (int i = 0; i < n; ++i) {
    const float in = cifg ? 1.0f - forget_gate[i] : input_gate[i];
    float c = forget_gate[i] * cell_state[i];
    c += cell_gate[i] * in;
    if (cell_clip > 0.0f) c = std::min(cell_clip, std::max(-cell_clip, c));
    cell_state[i] = c;
  }
  LstmFloatGate(sizes, w.input_to_gate[kLstmOutputGate],
                w.recurrent_to_gate[kLstmOutputGate],
                w.cell_to_gate[kLstmOutputGate], w.layer_norm[kLstmOutputGate],
                w.bias[kLstmOutputGate], input, output_state, cell_state,
                kTfLiteActSigmoid, output_gate, row_dots);
  // h before projection, in the input gate's scratch.
  float* hidden = input_gate;
  for (int i = 0; i < n; ++i) {
    hidden[i] = output_gate[i] * LstmActivation(activation, cell_state[i]);
  }
  const int outputs = sizes.batches * sizes.output_size;
  if (w.projection_weights != nullptr) {
    for (int b = 0; b < sizes.batches; ++b) {
      for (int o0 = 0; o0 < sizes.output_size; o0 += kLstmDotBlock) {
        const int count = std::min(kLstmDotBlock, sizes.output_size - o0);
        float sums[kLstmDotBlock];
        row_dots(hidden + b * sizes.cell_size,
                 w.projection_weights + o0 * sizes.cell_size, count,
                 sizes.cell_size, sums);
        for (int j = 0; j < count; ++j) {
          const int o = o0 + j;
          float value =
              w.projection_bias != nullptr ? w.projection_bias[o] : 0.0f;
          value += sums[j];
          if (proj_clip > 0.0f) {
            value = std::min(proj_clip, std::max(-proj_clip, value));
          }
          output_state[b * sizes.output_size + o] = value;
        }
      }
    }
  } else {
    for (int i = 0; i < outputs; ++i) output_state[i] = hidden[i];
  }
  for (int i = 0; i < outputs; ++i) output[i] = output_state[i];
}

// -------------------------------------------------------------- integer

struct LstmIntegerWeights {
  const int8_t* input_to_gate[kLstmGateCount];
  const int8_t* recurrent_to_gate[kLstmGateCount];
  const int16_t* cell_to_gate[kLstmGateCount];
  // bias + (-input zero point) * row sums of input_to_gate, and
  // (-output state zero point) * row sums of recurrent_to_gate.
  const int32_t* input_effective_bias[kLstmGateCount];
  const int32_t* recurrent_effective_bias[kLstmGateCount];
  const int8_t* projection_weights;
  // projection bias - hidden zero point * row sums.
  const int32_t* projection_effective_bias;
};

struct LstmIntegerParams {
  int32_t input_multiplier[kLstmGateCount];
  int input_shift[kLstmGateCount];
  int32_t recurrent_multiplier[kLstmGateCount];
  int recurrent_shift[kLstmGateCount];
  int32_t cell_multiplier[kLstmGateCount];
  int cell_shift[kLstmGateCount];
  int32_t hidden_multiplier;
  int hidden_shift;
  int32_t hidden_zero_point;
  int32_t projection_multiplier;
  int projection_shift;
  int32_t output_state_zero_point;
  int cell_exponent;  // cell state scale is 2^cell_exponent, in [-15, -9]
  int16_t cell_clip;  // 0: none
  int8_t projection_clip;  // 0: none
};

// x * multiplier * 2^shift with two roundings (a rounding doubling high
// multiply, then a rounding shift), whatever the build's rounding mode:
// LiteRT's integer LSTM rescales this way even in its single-rounding build
// (found by comparing with ai-edge-litert 2.3: with one rounding the gate
// and projection products differ by one now and then; the peephole and
// hidden-state products could not be told apart and follow the others).
// So every rescale of the integer LSTM uses it.
inline int32_t LstmRescaleTwice(int32_t x, int32_t multiplier, int shift) {
  const int left_shift = shift > 0 ? shift : 0;
  const int right_shift = shift > 0 ? 0 : -shift;
  const int32_t shifted = static_cast<int32_t>(
      static_cast<uint32_t>(x) * (static_cast<uint32_t>(1) << left_shift));
  return fixed_point::RoundingDivideByPOT(
      fixed_point::SaturatingRoundingDoublingHighMul(shifted, multiplier),
      right_shift);
}

inline int16_t LstmSaturate16(int64_t x) {
  return static_cast<int16_t>(
      std::min<int64_t>(32767, std::max<int64_t>(-32768, x)));
}

// gate (int16) += rescaled(effective_bias + W . v); v is int8.
inline void LstmAccumulateProduct(const LstmSizes& sizes, const int8_t* v,
                                  int v_size, const int8_t* weights,
                                  const int32_t* effective_bias,
                                  int32_t multiplier, int shift,
                                  int16_t* gate) {
  for (int b = 0; b < sizes.batches; ++b) {
    const int8_t* vec = v + b * v_size;
    int16_t* row = gate + b * sizes.cell_size;
    for (int i = 0; i < sizes.cell_size; ++i) {
      int32_t acc = effective_bias[i];
      const int8_t* w = weights + i * v_size;
      // A broken model's sums wrap instead of overflowing.
      for (int k = 0; k < v_size; ++k) {
        acc = WrappingAdd(
            acc, static_cast<int32_t>(vec[k]) * static_cast<int32_t>(w[k]));
      }
      acc = LstmRescaleTwice(acc, multiplier, shift);
      row[i] = LstmSaturate16(static_cast<int64_t>(acc) + row[i]);
    }
  }
}

inline void LstmIntegerGate(const LstmSizes& sizes,
                            const LstmIntegerWeights& w,
                            const LstmIntegerParams& p, LstmGate g,
                            const int8_t* input, const int8_t* output_state,
                            const int16_t* cell_state, int16_t* gate) {
  const int n = sizes.batches * sizes.cell_size;
  for (int i = 0; i < n; ++i) gate[i] = 0;
  LstmAccumulateProduct(sizes, input, sizes.input_size, w.input_to_gate[g],
                        w.input_effective_bias[g], p.input_multiplier[g],
                        p.input_shift[g], gate);
  LstmAccumulateProduct(sizes, output_state, sizes.output_size,
                        w.recurrent_to_gate[g], w.recurrent_effective_bias[g],
                        p.recurrent_multiplier[g], p.recurrent_shift[g], gate);
  if (w.cell_to_gate[g] != nullptr) {
    for (int b = 0; b < sizes.batches; ++b) {
      for (int i = 0; i < sizes.cell_size; ++i) {
        const int index = b * sizes.cell_size + i;
        const int32_t product = static_cast<int32_t>(w.cell_to_gate[g][i]) *
                                static_cast<int32_t>(cell_state[index]);
        gate[index] = LstmSaturate16(
            static_cast<int64_t>(LstmRescaleTwice(product, p.cell_multiplier[g],
                                                  p.cell_shift[g])) +
            gate[index]);
      }
    }
  }
  // Q3.12 in, Q0.15 out.
  using F3 = fixed_point::FixedPoint<int16_t, 3>;
  for (int i = 0; i < n; ++i) {
    const F3 x = F3::FromRaw(gate[i]);
    gate[i] = g == kLstmCellGate ? fixed_point::tanh(x).raw()
                                 : fixed_point::logistic(x).raw();
  }
}

// tanh of a Q(IntegerBits).(15 - IntegerBits) value, as Q0.15.
template <int IntegerBits>
inline int16_t LstmTanh(int16_t x) {
  using F = fixed_point::FixedPoint<int16_t, IntegerBits>;
  return fixed_point::tanh(F::FromRaw(x)).raw();
}

inline int16_t LstmCellTanh(int integer_bits, int16_t x) {
  switch (integer_bits) {
    case 0:
      return LstmTanh<0>(x);
    case 1:
      return LstmTanh<1>(x);
    case 2:
      return LstmTanh<2>(x);
    case 3:
      return LstmTanh<3>(x);
    case 4:
      return LstmTanh<4>(x);
    case 5:
      return LstmTanh<5>(x);
    default:
      return LstmTanh<6>(x);
  }
}

// One time step. `gates` holds 4 * batches * cell_size int16 values and
// `hidden` batches * cell_size int8 values.
inline void LstmStepInteger(const LstmSizes& sizes,
                            const LstmIntegerWeights& w,
                            const LstmIntegerParams& p, const int8_t* input,
                            int8_t* output_state, int16_t* cell_state,
                            int16_t* gates, int8_t* hidden, int8_t* output) {
  const int n = sizes.batches * sizes.cell_size;
  int16_t* input_gate = gates;
  int16_t* forget_gate = gates + n;
  int16_t* cell_gate = gates + 2 * n;
  int16_t* output_gate = gates + 3 * n;
  const bool cifg = w.input_to_gate[kLstmInputGate] == nullptr;
  LstmIntegerGate(sizes, w, p, kLstmForgetGate, input, output_state,
                  cell_state, forget_gate);
  LstmIntegerGate(sizes, w, p, kLstmCellGate, input, output_state, cell_state,
                  cell_gate);
  if (!cifg) {
    LstmIntegerGate(sizes, w, p, kLstmInputGate, input, output_state,
                    cell_state, input_gate);
  }
  // c = f * c (Q0.15 * cell scale) + i * g (Q0.15 * Q0.15 -> cell scale).
  const int gate_product_shift = 30 + p.cell_exponent;
  for (int i = 0; i < n; ++i) {
    const int32_t kept = fixed_point::RoundingDivideByPOT(
        static_cast<int32_t>(forget_gate[i]) *
            static_cast<int32_t>(cell_state[i]),
        15);
    const int32_t in = cifg ? 32767 - forget_gate[i] : input_gate[i];
    const int32_t added = fixed_point::RoundingDivideByPOT(
        in * static_cast<int32_t>(cell_gate[i]), gate_product_shift);
    int16_t c = LstmSaturate16(static_cast<int16_t>(kept) +
                               static_cast<int16_t>(added));
    if (p.cell_clip > 0) {
      c = std::min<int16_t>(p.cell_clip,
                            std::max<int16_t>(-p.cell_clip, c));
    }
    cell_state[i] = c;
  }
  LstmIntegerGate(sizes, w, p, kLstmOutputGate, input, output_state,
                  cell_state, output_gate);
  // h = o * tanh(c), to int8 with the hidden scale.
  const int tanh_integer_bits = 15 + p.cell_exponent;
  for (int i = 0; i < n; ++i) {
    const int32_t product =
        static_cast<int32_t>(output_gate[i]) *
        static_cast<int32_t>(LstmCellTanh(tanh_integer_bits, cell_state[i]));
    int64_t value =
        LstmRescaleTwice(product, p.hidden_multiplier, p.hidden_shift);
    // The hidden zero point is added like any output zero point (models
    // converted by TF give it 0; quantized by hand or by other tools it
    // may be anything, and LiteRT and TFLM both add it).
    value += p.hidden_zero_point;
    hidden[i] = static_cast<int8_t>(
        std::min<int64_t>(127, std::max<int64_t>(-128, value)));
  }
  const int outputs = sizes.batches * sizes.output_size;
  if (w.projection_weights != nullptr) {
    for (int b = 0; b < sizes.batches; ++b) {
      for (int o = 0; o < sizes.output_size; ++o) {
        int32_t acc = w.projection_effective_bias[o];
        const int8_t* weights = w.projection_weights + o * sizes.cell_size;
        const int8_t* h = hidden + b * sizes.cell_size;
        for (int k = 0; k < sizes.cell_size; ++k) {
          acc = WrappingAdd(acc, static_cast<int32_t>(h[k]) *
                                     static_cast<int32_t>(weights[k]));
        }
        acc = static_cast<int32_t>(std::min<int64_t>(
            127, std::max<int64_t>(
                     -128, static_cast<int64_t>(LstmRescaleTwice(
                               acc, p.projection_multiplier,
                               p.projection_shift)) +
                               p.output_state_zero_point)));
        if (p.projection_clip > 0) {
          acc = std::min<int32_t>(p.projection_clip,
                                  std::max<int32_t>(-p.projection_clip, acc));
        }
        output_state[b * sizes.output_size + o] = static_cast<int8_t>(acc);
      }
    }
  } else {
    for (int i = 0; i < outputs; ++i) output_state[i] = hidden[i];
  }
  for (int i = 0; i < outputs; ++i) output[i] = output_state[i];
}

}  // namespace reference_ops
}  // namespace tflite

#endif  // TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_LSTM_H_
