// Add, subtract and multiply that wrap around on integer overflow (two's
// complement) instead of invoking undefined behaviour, and behave normally
// for floating-point types. The reference kernels of TFLite compute integer
// ADD/SUB/MUL in the element type, so an overflowing int32/int64 result wraps
// there too (on every target it runs on); these helpers make that explicit.
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_WRAPPING_ARITHMETIC_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_WRAPPING_ARITHMETIC_H_

#include <type_traits>

namespace tflite {
namespace reference_ops {

// The unsigned type integer T is computed in: at least as wide as unsigned
// int, so that small types, which promote to int, cannot overflow a signed
// int either.
template <typename T>
using WrappingType =
    typename std::conditional<(sizeof(T) < sizeof(unsigned)), unsigned,
                              typename std::make_unsigned<T>::type>::type;

template <typename T>
inline T WrappingAdd(T a, T b) {
  if constexpr (std::is_integral<T>::value) {
    using U = WrappingType<T>;
    return static_cast<T>(static_cast<U>(a) + static_cast<U>(b));
  } else {
    return a + b;
  }
}

template <typename T>
inline T WrappingSub(T a, T b) {
  if constexpr (std::is_integral<T>::value) {
    using U = WrappingType<T>;
    return static_cast<T>(static_cast<U>(a) - static_cast<U>(b));
  } else {
    return a - b;
  }
}

template <typename T>
inline T WrappingMul(T a, T b) {
  if constexpr (std::is_integral<T>::value) {
    using U = WrappingType<T>;
    return static_cast<T>(static_cast<U>(a) * static_cast<U>(b));
  } else {
    return a * b;
  }
}

}  // namespace reference_ops
}  // namespace tflite

#endif  // TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_WRAPPING_ARITHMETIC_H_
