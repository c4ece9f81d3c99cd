#include "tensorflow/lite/kernels/internal/quantization_util.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

#include "tensorflow/lite/kernels/internal/compatibility.h"

namespace tflite {

void QuantizeMultiplier(double double_multiplier,
                        int32_t* quantized_multiplier, int* shift) {
  if (double_multiplier == 0.0 || std::isnan(double_multiplier)) {
    *quantized_multiplier = 0;
    *shift = 0;
    return;
  }
  if (std::isinf(double_multiplier)) {
    *quantized_multiplier = double_multiplier > 0
                                ? std::numeric_limits<int32_t>::max()
                                : -std::numeric_limits<int32_t>::max();
    *shift = 30;
    return;
  }
  const double fraction = std::frexp(double_multiplier, shift);
  int64_t q_fixed =
      static_cast<int64_t>(std::round(fraction * (1LL << 31)));
  if (q_fixed == (1LL << 31)) {
    // Rounding carried into the next power of two.
    q_fixed /= 2;
    ++*shift;
  }
  if (*shift < -31) {
    // Every bit would be shifted out: flush to zero.
    *shift = 0;
    q_fixed = 0;
  }
  if (*shift > 30) {
    // A multiplier of 2^30 or more (only a broken model's scales give one)
    // saturates any product; cap it so that shifting stays defined.
    *shift = 30;
    q_fixed = (1LL << 31) - 1;
  }
  *quantized_multiplier = static_cast<int32_t>(q_fixed);
}

void QuantizeMultiplierGreaterThanOne(double double_multiplier,
                                      int32_t* quantized_multiplier,
                                      int* left_shift) {
  QuantizeMultiplier(double_multiplier, quantized_multiplier, left_shift);
}

void QuantizeMultiplierSmallerThanOneExp(double double_multiplier,
                                         int32_t* quantized_multiplier,
                                         int* left_shift) {
  QuantizeMultiplier(double_multiplier, quantized_multiplier, left_shift);
}

void PreprocessSoftmaxScaling(double beta, double input_scale,
                              int input_integer_bits,
                              int32_t* quantized_multiplier, int* left_shift) {
  const double real_multiplier =
      std::min<double>(beta * input_scale * (1 << (31 - input_integer_bits)),
                       (1LL << 31) - 1.0);
  QuantizeMultiplierGreaterThanOne(real_multiplier, quantized_multiplier,
                                   left_shift);
}

void PreprocessLogSoftmaxScalingExp(double beta, double input_scale,
                                    int input_integer_bits,
                                    int32_t* quantized_multiplier,
                                    int* left_shift,
                                    int32_t* reverse_scaling_divisor,
                                    int* reverse_scaling_left_shift) {
  PreprocessSoftmaxScaling(beta, input_scale, input_integer_bits,
                           quantized_multiplier, left_shift);
  // ldexp: a broken model's tiny scales give a negative left shift.
  const double real_reverse_scaling_divisor =
      std::ldexp(1.0, 31 - *left_shift) /
      static_cast<double>(*quantized_multiplier);
  QuantizeMultiplierSmallerThanOneExp(real_reverse_scaling_divisor,
                                      reverse_scaling_divisor,
                                      reverse_scaling_left_shift);
}

int CalculateInputRadius(int input_integer_bits, int input_left_shift,
                         int total_signed_bits) {
  const double max_input_rescaled =
      1.0 * ((1 << input_integer_bits) - 1) *
      (1LL << (total_signed_bits - input_integer_bits)) /
      (1LL << input_left_shift);
  return static_cast<int>(std::floor(max_input_rescaled));
}

template <typename T>
void ChooseQuantizationParams(double rmin, double rmax, int32_t qmin,
                              int32_t qmax, double* scale,
                              int32_t* zero_point) {
  rmin = std::min(rmin, 0.0);
  rmax = std::max(rmax, 0.0);
  if (rmin == rmax) {
    *scale = 0.0;
    *zero_point = 0;
    return;
  }
  *scale = (rmax - rmin) / (qmax - qmin);
  const double zero_point_from_min = qmin - rmin / *scale;
  const double zero_point_from_max = qmax - rmax / *scale;
  const double error_min = std::abs(qmin) + std::abs(rmin / *scale);
  const double error_max = std::abs(qmax) + std::abs(rmax / *scale);
  const double initial =
      error_min < error_max ? zero_point_from_min : zero_point_from_max;
  double nudged = initial;
  if (initial < qmin) nudged = qmin;
  if (initial > qmax) nudged = qmax;
  *zero_point = static_cast<int32_t>(std::round(nudged));
}

template void ChooseQuantizationParams<int8_t>(double, double, int32_t,
                                               int32_t, double*, int32_t*);
template void ChooseQuantizationParams<int16_t>(double, double, int32_t,
                                                int32_t, double*, int32_t*);

uint16_t FloatToHalf(float value) {
  uint32_t bits;
  std::memcpy(&bits, &value, sizeof(bits));
  const uint32_t sign = (bits >> 16) & 0x8000u;
  const uint32_t abs_bits = bits & 0x7FFFFFFFu;
  if (abs_bits >= 0x7F800000u) {
    // Inf stays inf; NaN keeps a quiet payload bit.
    return static_cast<uint16_t>(sign | 0x7C00u |
                                 (abs_bits > 0x7F800000u ? 0x200u : 0u));
  }
  if (abs_bits >= 0x477FF000u) {
    return static_cast<uint16_t>(sign | 0x7C00u);  // rounds to infinity
  }
  if (abs_bits < 0x38800000u) {
    // Subnormal half (or zero): round the float to a multiple of 2^-24.
    float magnitude;
    std::memcpy(&magnitude, &abs_bits, sizeof(magnitude));
    const float scaled = magnitude * 16777216.0f;  // 2^24
    const uint32_t rounded = static_cast<uint32_t>(std::nearbyint(scaled));
    return static_cast<uint16_t>(sign | rounded);
  }
  // Normal: rebias the exponent and round the mantissa to nearest even.
  const uint32_t mantissa_odd = (abs_bits >> 13) & 1u;
  const uint32_t rounded = abs_bits + 0xFFFu + mantissa_odd;
  return static_cast<uint16_t>(sign | ((rounded - 0x38000000u) >> 13));
}

float HalfToFloat(uint16_t half) {
  const uint32_t sign = static_cast<uint32_t>(half & 0x8000u) << 16;
  const uint32_t exponent = (half >> 10) & 0x1Fu;
  const uint32_t mantissa = half & 0x3FFu;
  uint32_t bits;
  if (exponent == 0) {
    const float magnitude = static_cast<float>(mantissa) / 16777216.0f;
    std::memcpy(&bits, &magnitude, sizeof(bits));
    bits |= sign;
  } else if (exponent == 31) {
    bits = sign | 0x7F800000u | (mantissa << 13);
  } else {
    bits = sign | ((exponent + 112) << 23) | (mantissa << 13);
  }
  float result;
  std::memcpy(&result, &bits, sizeof(result));
  return result;
}

}  // namespace tflite
