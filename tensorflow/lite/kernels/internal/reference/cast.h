// Reference element conversion for CAST between float32, float16, float64,
// int8, uint8, int16, uint16, int32, uint32, int64 and bool.
//
// Numeric conversions are C++ conversions (integers wrap modulo 2^n, floats
// truncate toward zero); anything to bool is "!= 0", bool converts to 0/1;
// float16 goes through float. Float-to-integer conversions saturate (NaN
// gives 0) where the reference's plain cast would be undefined (values out
// of the target's range); in range the results are the reference's.
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_CAST_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_CAST_H_

#include <cmath>
#include <cstdint>
#include <limits>
#include <type_traits>

#include "tensorflow/lite/kernels/internal/common.h"
#include "tensorflow/lite/kernels/internal/quantization_util.h"

namespace tflite {

// A float16 value by its bit pattern.
struct Half {
  uint16_t bits;
};

namespace reference_ops {
namespace cast_internal {

template <typename To, typename From>
inline To SaturatingFloatToInt(From value) {
  if (std::isnan(value)) return 0;
  const From lowest = static_cast<From>(std::numeric_limits<To>::min());
  // 2^n for an n-bit type: exactly representable, and the first value out
  // of range.
  const From limit = static_cast<From>(std::numeric_limits<To>::max() / 2 + 1) * 2;
  if (value <= lowest) return std::numeric_limits<To>::min();
  if (value >= limit) return std::numeric_limits<To>::max();
  if constexpr (std::is_same<From, float>::value &&
                std::is_same<To, int64_t>::value) {
    return FloatToInt64(value);  // no double arithmetic in libgcc's
  } else {
    return static_cast<To>(value);
  }
}

// static_cast<float>(value); from int64 without a 64-bit conversion (one
// made of double arithmetic on Armv6-M), with the same result.
template <typename From>
inline float ToFloat(From value) {
  if constexpr (std::is_same<From, int64_t>::value) {
    return Int64ToFloat(value);
  } else {
    return static_cast<float>(value);
  }
}

}  // namespace cast_internal

template <typename To, typename From>
inline To CastValue(From value) {
  if constexpr (std::is_same<From, Half>::value) {
    return CastValue<To>(HalfToFloat(value.bits));
  } else if constexpr (std::is_same<To, Half>::value) {
    return Half{FloatToHalf(cast_internal::ToFloat(value))};
  } else if constexpr (std::is_same<To, float>::value) {
    return cast_internal::ToFloat(value);
  } else if constexpr (std::is_same<To, bool>::value) {
    return value != static_cast<From>(0);
  } else if constexpr (std::is_floating_point<From>::value &&
                       std::is_integral<To>::value) {
    return cast_internal::SaturatingFloatToInt<To>(value);
  } else {
    return static_cast<To>(value);
  }
}

template <typename To, typename From>
inline void Cast(const From* input, int size, To* output) {
  for (int i = 0; i < size; ++i) output[i] = CastValue<To>(input[i]);
}

}  // namespace reference_ops
}  // namespace tflite

#endif  // TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_CAST_H_
