// Integer arithmetic shared by the reference kernels: quantized multipliers,
// activation clamping and broadcasting descriptors.
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_COMMON_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_COMMON_H_

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <type_traits>

#include "tensorflow/lite/kernels/internal/compatibility.h"
#include "tensorflow/lite/kernels/internal/fixedpoint.h"
#include "tensorflow/lite/kernels/internal/runtime_shape.h"
#include "tensorflow/lite/kernels/internal/types.h"

namespace tflite {

constexpr int kReverseShift = -1;

inline int32_t TfLiteRound(float x) {
  return static_cast<int32_t>(std::round(x));
}
inline int64_t TfLiteRound(double x) {
  return static_cast<int64_t>(std::round(x));
}

template <typename T>
inline T ActivationFunctionWithMinMax(T x, T output_activation_min,
                                      T output_activation_max) {
  return std::min(std::max(x, output_activation_min), output_activation_max);
}

// `x` clamped to the quantized activation range held in `params`.
template <typename P>
inline int32_t ClampToQuantizedActivationRange(int32_t x, const P& params) {
  return ActivationFunctionWithMinMax(x, params.quantized_activation_min,
                                      params.quantized_activation_max);
}

// Rescaling of quantized values (TFLM's arithmetic): two roundings, a
// saturating rounding doubling high multiply, then a rounding right shift.
// Kernels rescale only through these functions.
//
// x * multiplier * 2^shift, with multiplier a Q0.31 value in [0.5, 1).
inline int32_t MultiplyByQuantizedMultiplier(int32_t x,
                                             int32_t quantized_multiplier,
                                             int shift) {
  const int left_shift = shift > 0 ? shift : 0;
  const int right_shift = shift > 0 ? 0 : -shift;
  const int32_t shifted = static_cast<int32_t>(
      static_cast<uint32_t>(x) * (static_cast<uint32_t>(1) << left_shift));
  return fixed_point::RoundingDivideByPOT(
      fixed_point::SaturatingRoundingDoublingHighMul(shifted,
                                                     quantized_multiplier),
      right_shift);
}

// One input of a two-input quantized op (ADD, SUB, SQUARED_DIFFERENCE, the
// comparisons) on the op's common scale: value + offset (minus its zero
// point), widened by 2^left_shift, times the input's multiplier.
inline int32_t RescaleToCommonScale(int32_t value, int32_t offset,
                                    int left_shift, int32_t multiplier,
                                    int shift) {
  return MultiplyByQuantizedMultiplier((value + offset) * (1 << left_shift),
                                       multiplier, shift);
}

inline int32_t MultiplyByQuantizedMultiplierSmallerThanOneExp(
    int32_t x, int32_t quantized_multiplier, int left_shift) {
  return fixed_point::RoundingDivideByPOT(
      fixed_point::SaturatingRoundingDoublingHighMul(x, quantized_multiplier),
      -left_shift);
}

inline int32_t MultiplyByQuantizedMultiplierGreaterThanOne(
    int32_t x, int32_t quantized_multiplier, int left_shift) {
  const int32_t shifted = static_cast<int32_t>(
      static_cast<uint32_t>(x) * (static_cast<uint32_t>(1) << left_shift));
  return fixed_point::SaturatingRoundingDoublingHighMul(shifted,
                                                        quantized_multiplier);
}

// The same product rounded once, ties away from zero. This is how LiteRT's
// published wheels rescale in FULLY_CONNECTED (int8 and 16x8) and quantized
// SUM (measured on ai-edge-litert 2.3; TFLite's own TFLITE_SINGLE_ROUNDING
// would round ties up instead). It differs from the above on rare ties.
inline int32_t MultiplyByQuantizedMultiplierSingleRounding(
    int32_t x, int32_t quantized_multiplier, int shift) {
  const int total_shift = 31 - shift;
  const int64_t half = static_cast<int64_t>(1) << (total_shift - 1);
  const int64_t product =
      static_cast<int64_t>(x) * static_cast<int64_t>(quantized_multiplier);
  const int64_t magnitude =
      ((product < 0 ? -product : product) + half) >> total_shift;
  return static_cast<int32_t>(product < 0 ? -magnitude : magnitude);
}

// The 64-bit accumulator variant (16x8 kernels), the same in both modes: the
// multiplier is reduced to 16 bits and one rounding shift is applied.
inline int32_t MultiplyByQuantizedMultiplier(int64_t x,
                                             int32_t quantized_multiplier,
                                             int shift) {
  const int32_t reduced_multiplier =
      quantized_multiplier < 0x7FFF0000
          ? ((quantized_multiplier + (1 << 15)) >> 16)
          : 0x7FFF;
  const int total_shift = 15 - shift;
  if (total_shift < 1) {
    // A multiplier of 2^14 or more (broken scales): saturate.
    return x > 0 ? std::numeric_limits<int32_t>::max()
                 : (x < 0 ? std::numeric_limits<int32_t>::min() : 0);
  }
  // Real 16x8 accumulators stay far below 2^47; a broken model's (an int64
  // bias of any value) is saturated there so the product cannot overflow.
  constexpr int64_t kLimit = (static_cast<int64_t>(1) << 47) - 1;
  const int64_t bounded = std::min(std::max(x, -kLimit), kLimit);
  const int64_t rounded =
      bounded * static_cast<int64_t>(reduced_multiplier) +
      (static_cast<int64_t>(1) << (total_shift - 1));
  return static_cast<int32_t>(rounded >> total_shift);
}

// A plain int argument: on arm-none-eabi int32_t is long, and an int would
// convert equally well to int32_t and int64_t (an ambiguous call there); it
// means the 32-bit variant, as on hosts.
template <typename Int,
          typename std::enable_if<std::is_same<Int, int>::value &&
                                      !std::is_same<int, int32_t>::value,
                                  int>::type = 0>
inline int32_t MultiplyByQuantizedMultiplier(Int x,
                                             int32_t quantized_multiplier,
                                             int shift) {
  return MultiplyByQuantizedMultiplier(static_cast<int32_t>(x),
                                       quantized_multiplier, shift);
}

// a + b, saturated to int32: a rescaled accumulator plus an output zero
// point. Only a broken model's values reach the limits, and the result is
// clamped to the output's range right after.
inline int32_t SaturatingAddInt32(int32_t a, int32_t b) {
  const int64_t sum = static_cast<int64_t>(a) + static_cast<int64_t>(b);
  return static_cast<int32_t>(std::min<int64_t>(
      std::max<int64_t>(sum, std::numeric_limits<int32_t>::min()),
      std::numeric_limits<int32_t>::max()));
}

inline int CountLeadingZeros(uint32_t x) {
  return x == 0 ? 32 : __builtin_clz(x);
}

inline int CountLeadingZeros(uint64_t x) {
  return x == 0 ? 64 : __builtin_clzll(x);
}

// static_cast<float>(x): correctly rounded (to nearest, ties to even), as
// every 64-bit integer to float conversion is, but without one, since
// Armv6-M's libgcc converts 64-bit integers to float with double arithmetic
// (library calls). Beyond int32 the magnitude's top 32 bits, with a sticky
// bit for the ones below, round to float exactly as the whole value does
// (the rounding point lies 8 bits above the sticky bit), and the power of
// two that scales them back is exact.
inline float Int64ToFloat(int64_t x) {
  if (x >= std::numeric_limits<int32_t>::min() &&
      x <= std::numeric_limits<int32_t>::max()) {
    return static_cast<float>(static_cast<int32_t>(x));
  }
  const bool negative = x < 0;
  const uint64_t magnitude = negative ? uint64_t{0} - static_cast<uint64_t>(x)
                                      : static_cast<uint64_t>(x);
  const int shift = 32 - CountLeadingZeros(magnitude);  // 0..32
  const uint64_t dropped = magnitude & ((uint64_t{1} << shift) - 1);
  const uint32_t top = static_cast<uint32_t>(magnitude >> shift) |
                       (dropped != 0 ? 1u : 0u);
  // 2^shift as a float, by its bits.
  const uint32_t scale_bits = static_cast<uint32_t>(127 + shift) << 23;
  float scale;
  std::memcpy(&scale, &scale_bits, sizeof(scale));
  const float result = static_cast<float>(top) * scale;
  return negative ? -result : result;
}

// static_cast<int64_t>(x) for -2^63 <= x < 2^63 (truncating toward zero),
// without libgcc's float to 64-bit conversion, which its Armv6-M and Armv7-M
// builds make of double arithmetic. Beyond int32 a float is a whole number:
// its significand shifted into place.
inline int64_t FloatToInt64(float x) {
  if (x > -2147483648.0f && x < 2147483648.0f) {
    return static_cast<int32_t>(x);
  }
  uint32_t bits;
  std::memcpy(&bits, &x, sizeof(bits));
  const int exponent = static_cast<int>((bits >> 23) & 0xff) - 127;  // 31..62
  const uint64_t significand = (bits & 0x7fffffu) | 0x800000u;
  const uint64_t magnitude = significand << (exponent - 23);
  return static_cast<int64_t>((bits >> 31) != 0 ? uint64_t{0} - magnitude
                                                : magnitude);
}

// Number of redundant sign bits (0 for the most negative value).
inline int CountLeadingSignBits(int32_t x) {
  if (x >= 0) return CountLeadingZeros(static_cast<uint32_t>(x)) - 1;
  if (x == std::numeric_limits<int32_t>::min()) return 0;
  return CountLeadingZeros(2 * static_cast<uint32_t>(-x) - 1);
}

// 1 / x for x in Q(x_integer_digits); returns a Q0.31 mantissa and the
// number of bits the true result lies above 1.0.
inline int32_t GetReciprocal(int32_t x, int x_integer_digits,
                             int* num_bits_over_unit) {
  const int headroom_plus_one = CountLeadingZeros(static_cast<uint32_t>(x));
  *num_bits_over_unit = x_integer_digits - headroom_plus_one;
  // x == 0 (e.g. a softmax row of no elements) has 32 leading zeros: a
  // shift the language leaves undefined, of a value that stays 0.
  const uint32_t shifted =
      headroom_plus_one < 32 ? static_cast<uint32_t>(x) << headroom_plus_one
                             : 0u;
  const int32_t shifted_sum_minus_one =
      static_cast<int32_t>(shifted - (static_cast<uint32_t>(1) << 31));
  using F0 = fixed_point::FixedPoint<int32_t, 0>;
  return fixed_point::one_over_one_plus_x_for_x_in_0_1(
             F0::FromRaw(shifted_sum_minus_one))
      .raw();
}

// 1 / sqrt(input) as a quantized multiplier and shift (Newton-Raphson).
inline void GetInvSqrtQuantizedMultiplierExp(int32_t input, int reverse_shift,
                                             int32_t* output_inv_sqrt,
                                             int* output_shift) {
  if (input <= 1) {
    // 0 and 1 both map to the largest multiplier (0 cannot be inverted).
    *output_inv_sqrt = std::numeric_limits<int32_t>::max();
    *output_shift = 0;
    return;
  }
  *output_shift = 11;
  while (input >= (1 << 29)) {
    input /= 4;
    ++*output_shift;
  }
  const unsigned max_left_shift_bits =
      CountLeadingZeros(static_cast<uint32_t>(input)) - 1;
  const unsigned max_left_shift_bit_pairs = max_left_shift_bits / 2;
  const unsigned left_shift_bit_pairs = max_left_shift_bit_pairs - 1;
  *output_shift -= left_shift_bit_pairs;
  input <<= 2 * left_shift_bit_pairs;
  using F3 = fixed_point::FixedPoint<int32_t, 3>;
  using F0 = fixed_point::FixedPoint<int32_t, 0>;
  const F3 fixedpoint_input = F3::FromRaw(input >> 1);
  const F3 half_input =
      fixed_point::SaturatingRoundingMultiplyByPOT<-1>(fixedpoint_input);
  const F3 three_halves = F3::FromRaw((1 << 28) + (1 << 27));
  F3 x = F3::One();
  for (int i = 0; i < 5; ++i) {
    const F3 x3 = fixed_point::Rescale<3>(x * x * x);
    x = fixed_point::Rescale<3>(three_halves * x - half_input * x3);
  }
  const F0 half_sqrt_2 = F0::FromRaw(1518500250);
  x = x * half_sqrt_2;
  *output_inv_sqrt = x.raw();
  if (*output_shift < 0) {
    *output_inv_sqrt <<= -*output_shift;
    *output_shift = 0;
  }
  *output_shift *= reverse_shift;
}

// ------------------------------------------------------------ broadcasting

// Extents and strides of an N-D array; a broadcast dimension has stride 0.
template <int N>
struct NdArrayDesc {
  int extents[N];
  int strides[N];
};

inline int SubscriptToIndex(const NdArrayDesc<4>& desc, int i0, int i1, int i2,
                            int i3) {
  return i0 * desc.strides[0] + i1 * desc.strides[1] + i2 * desc.strides[2] +
         i3 * desc.strides[3];
}

inline int SubscriptToIndex(const NdArrayDesc<5>& desc, const int* indexes) {
  return indexes[0] * desc.strides[0] + indexes[1] * desc.strides[1] +
         indexes[2] * desc.strides[2] + indexes[3] * desc.strides[3] +
         indexes[4] * desc.strides[4];
}

template <int N>
inline int SubscriptToIndex(const NdArrayDesc<N>& desc, const int* indexes) {
  int index = 0;
  for (int i = 0; i < N; ++i) index += indexes[i] * desc.strides[i];
  return index;
}

// Fills `desc` for `shape` padded on the left to N dimensions.
template <int N>
inline void CopyDimsToDesc(const RuntimeShape& input_shape,
                           NdArrayDesc<N>* desc) {
  int stride = 1;
  for (int i = N - 1; i >= 0; --i) {
    desc->extents[i] = input_shape.Dims(i);
    desc->strides[i] = stride;
    stride *= input_shape.Dims(i);
  }
}

// Descriptors for two inputs broadcast against each other to N dimensions.
template <int N>
inline void NdArrayDescsForElementwiseBroadcast(
    const RuntimeShape& input0_shape, const RuntimeShape& input1_shape,
    NdArrayDesc<N>* desc0_out, NdArrayDesc<N>* desc1_out) {
  const RuntimeShape extended0 = RuntimeShape::ExtendedShape(N, input0_shape);
  const RuntimeShape extended1 = RuntimeShape::ExtendedShape(N, input1_shape);
  CopyDimsToDesc<N>(extended0, desc0_out);
  CopyDimsToDesc<N>(extended1, desc1_out);
  for (int i = 0; i < N; ++i) {
    const int extent0 = extended0.Dims(i);
    const int extent1 = extended1.Dims(i);
    if (extent0 != extent1) {
      if (extent0 == 1) {
        desc0_out->strides[i] = 0;
        desc0_out->extents[i] = extent1;
      } else {
        desc1_out->strides[i] = 0;
        desc1_out->extents[i] = extent0;
      }
    }
  }
}

template <int N>
inline void NdArrayDescsForElementwiseBroadcast(
    const RuntimeShape& input0_shape, const RuntimeShape& input1_shape,
    const RuntimeShape& input2_shape, NdArrayDesc<N>* desc0_out,
    NdArrayDesc<N>* desc1_out, NdArrayDesc<N>* desc2_out) {
  const RuntimeShape extended0 = RuntimeShape::ExtendedShape(N, input0_shape);
  const RuntimeShape extended1 = RuntimeShape::ExtendedShape(N, input1_shape);
  const RuntimeShape extended2 = RuntimeShape::ExtendedShape(N, input2_shape);
  CopyDimsToDesc<N>(extended0, desc0_out);
  CopyDimsToDesc<N>(extended1, desc1_out);
  CopyDimsToDesc<N>(extended2, desc2_out);
  for (int i = 0; i < N; ++i) {
    const int extent = std::max(
        extended0.Dims(i), std::max(extended1.Dims(i), extended2.Dims(i)));
    NdArrayDesc<N>* descs[3] = {desc0_out, desc1_out, desc2_out};
    const RuntimeShape* shapes[3] = {&extended0, &extended1, &extended2};
    for (int k = 0; k < 3; ++k) {
      if (shapes[k]->Dims(i) != extent) {
        descs[k]->strides[i] = 0;
        descs[k]->extents[i] = extent;
      }
    }
  }
}

// Calls fn(indexes) for every index tuple of `output_shape` (N dims), in
// row-major order.
template <int N, typename Fn>
inline void ForEachIndex(const NdArrayDesc<N>& output_desc, Fn&& fn) {
  int indexes[N] = {0};
  for (int i = 0; i < N; ++i) {
    if (output_desc.extents[i] == 0) return;
  }
  while (true) {
    fn(indexes);
    int dim = N - 1;
    for (; dim >= 0; --dim) {
      if (++indexes[dim] < output_desc.extents[dim]) break;
      indexes[dim] = 0;
    }
    if (dim < 0) return;
  }
}

}  // namespace tflite

#endif  // TENSORFLOW_LITE_KERNELS_INTERNAL_COMMON_H_
