// Reference SVDF: a fully connected layer factored into a feature filter and
// a time filter over the last `memory_size` feature activations.
//
// State layout: [batch][filter][memory]; slot memory-1 is the newest. Each
// invoke shifts every filter's history left by one, writes the new feature
// activation into the last slot, then
//   output[b][u] = bias[u] + sum over the rank filters f of unit u of
//                  sum_m weights_time[f][m] * state[b][f][m].
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_SVDF_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_SVDF_H_

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <type_traits>

#include "tensorflow/lite/core/c/builtin_op_data.h"
#include "tensorflow/lite/kernels/internal/common.h"
#include "tensorflow/lite/kernels/internal/fixedpoint.h"
#include "tensorflow/lite/kernels/internal/reference/wrapping_arithmetic.h"

namespace tflite {
namespace reference_ops {

struct SvdfShape {
  int batches;
  int input_size;
  int num_filters;
  int num_units;
  int rank;
  int memory_size;
};

// Drops the oldest entry of every filter's history; the last slot is left
// for the caller to fill.
template <typename T>
inline void SvdfShiftState(const SvdfShape& shape, T* state) {
  const int rows = shape.batches * shape.num_filters;
  for (int row = 0; row < rows; ++row) {
    T* history = state + row * shape.memory_size;
    for (int m = 0; m + 1 < shape.memory_size; ++m) history[m] = history[m + 1];
  }
}

inline float SvdfActivation(TfLiteFusedActivation activation, float x) {
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

// `scratch` holds batches * num_filters floats.
inline void SvdfFloat(const SvdfShape& shape, TfLiteFusedActivation activation,
                      const float* input, const float* weights_feature,
                      const float* weights_time, const float* bias,
                      float* state, float* scratch, float* output) {
  SvdfShiftState(shape, state);
  for (int b = 0; b < shape.batches; ++b) {
    const float* in = input + b * shape.input_size;
    for (int f = 0; f < shape.num_filters; ++f) {
      const float* w = weights_feature + f * shape.input_size;
      float sum = 0.0f;
      for (int i = 0; i < shape.input_size; ++i) sum += w[i] * in[i];
      state[(b * shape.num_filters + f) * shape.memory_size +
            shape.memory_size - 1] = sum;
    }
  }
  for (int b = 0; b < shape.batches; ++b) {
    for (int f = 0; f < shape.num_filters; ++f) {
      const float* history =
          state + (b * shape.num_filters + f) * shape.memory_size;
      const float* w = weights_time + f * shape.memory_size;
      float sum = 0.0f;
      for (int m = 0; m < shape.memory_size; ++m) sum += w[m] * history[m];
      scratch[b * shape.num_filters + f] = sum;
    }
  }
  for (int b = 0; b < shape.batches; ++b) {
    for (int u = 0; u < shape.num_units; ++u) {
      float sum = bias != nullptr ? bias[u] : 0.0f;
      const float* filters = scratch + b * shape.num_filters + u * shape.rank;
      for (int r = 0; r < shape.rank; ++r) sum += filters[r];
      output[b * shape.num_units + u] = SvdfActivation(activation, sum);
    }
  }
}

struct SvdfQuantizedParams {
  int32_t input_zero_point;
  int32_t state_zero_point;
  int32_t output_zero_point;
  // input * weights_feature -> state, and state * weights_time -> output.
  int32_t feature_multiplier;
  int feature_shift;
  int32_t output_multiplier;
  int output_shift;
};

// input * weights_feature rescaled into the state's scale. Both runtimes
// this project reproduces round twice here (a rounding doubling high
// multiply, then a rounding shift): TFLM always does, and LiteRT's integer
// SVDF does so even in its single-rounding build (found by comparing with
// ai-edge-litert 2.3), so this does not follow the build's rounding mode.
inline int32_t SvdfFeatureRescale(int32_t x, int32_t multiplier, int shift) {
  const int left_shift = shift > 0 ? shift : 0;
  const int right_shift = shift > 0 ? 0 : -shift;
  const int32_t shifted = static_cast<int32_t>(
      static_cast<uint32_t>(x) * (static_cast<uint32_t>(1) << left_shift));
  return fixed_point::RoundingDivideByPOT(
      fixed_point::SaturatingRoundingDoublingHighMul(shifted, multiplier),
      right_shift);
}

// The state value of one filter's feature sum: rescaled, clamped to StateT,
// then offset by the state's zero point (0 for int16 state). The offset is
// added after the clamp and wraps around in StateT, as the TFLM release this
// project is checked against does for int8 state (later TFLM versions add it
// before the clamp and saturate instead).
template <typename StateT>
inline StateT SvdfStateValue(int32_t feature_sum,
                             const SvdfQuantizedParams& params) {
  int32_t value = SvdfFeatureRescale(feature_sum, params.feature_multiplier,
                                     params.feature_shift);
  value = std::min<int32_t>(
      std::max<int32_t>(value, std::numeric_limits<StateT>::min()),
      std::numeric_limits<StateT>::max());
  const uint32_t wrapped = static_cast<uint32_t>(value + params.state_zero_point);
  return static_cast<StateT>(
      static_cast<typename std::make_unsigned<StateT>::type>(wrapped));
}

// output[b][u] from the time sums in `scratch` ([batch][filter]): bias plus
// the unit's rank filters, rescaled to int8.
inline void SvdfIntegerOutput(const SvdfShape& shape,
                              const SvdfQuantizedParams& params,
                              const int32_t* bias, const int32_t* scratch,
                              int8_t* output) {
  for (int b = 0; b < shape.batches; ++b) {
    for (int u = 0; u < shape.num_units; ++u) {
      int32_t acc = bias != nullptr ? bias[u] : 0;
      const int32_t* filters =
          scratch + b * shape.num_filters + u * shape.rank;
      for (int r = 0; r < shape.rank; ++r) acc = WrappingAdd(acc, filters[r]);
      const int64_t value =
          static_cast<int64_t>(MultiplyByQuantizedMultiplier(
              acc, params.output_multiplier, params.output_shift)) +
          params.output_zero_point;
      const int64_t clamped =
          std::min<int64_t>(std::max<int64_t>(value, -128), 127);
      output[b * shape.num_units + u] = static_cast<int8_t>(clamped);
    }
  }
}

// int8 input and output, int8 feature weights, int32 bias; the state and the
// time weights are StateT: int16 (TFLite's integer SVDF, state zero point 0)
// or int8 (a TFLM extension, any state zero point). `scratch` holds
// batches * num_filters int32 values. TFLite applies no activation function
// here (its kernel only accepts RELU, and the output's quantized range stands
// in for it). Sums of hostile data wrap (two's complement) instead of
// overflowing; valid models stay far from the limits.
template <typename StateT>
inline void SvdfInteger(const SvdfShape& shape,
                        const SvdfQuantizedParams& params, const int8_t* input,
                        const int8_t* weights_feature,
                        const StateT* weights_time, const int32_t* bias,
                        StateT* state, int32_t* scratch, int8_t* output) {
  SvdfShiftState(shape, state);
  for (int b = 0; b < shape.batches; ++b) {
    const int8_t* in = input + b * shape.input_size;
    for (int f = 0; f < shape.num_filters; ++f) {
      const int8_t* w = weights_feature + f * shape.input_size;
      int32_t acc = 0;
      for (int i = 0; i < shape.input_size; ++i) {
        acc = WrappingAdd(
            acc, static_cast<int32_t>(w[i]) *
                     (static_cast<int32_t>(in[i]) - params.input_zero_point));
      }
      state[(b * shape.num_filters + f) * shape.memory_size +
            shape.memory_size - 1] = SvdfStateValue<StateT>(acc, params);
    }
  }
  for (int b = 0; b < shape.batches; ++b) {
    for (int f = 0; f < shape.num_filters; ++f) {
      const StateT* history =
          state + (b * shape.num_filters + f) * shape.memory_size;
      const StateT* w = weights_time + f * shape.memory_size;
      int32_t acc = 0;
      for (int m = 0; m < shape.memory_size; ++m) {
        acc = WrappingAdd(acc, static_cast<int32_t>(w[m]) *
                                   (static_cast<int32_t>(history[m]) -
                                    params.state_zero_point));
      }
      scratch[b * shape.num_filters + f] = acc;
    }
  }
  SvdfIntegerOutput(shape, params, bias, scratch, output);
}

}  // namespace reference_ops
}  // namespace tflite

#endif  // TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_SVDF_H_
