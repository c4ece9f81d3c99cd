// Bit position helpers shared by the fixed-point signal routines.
#ifndef SIGNAL_SRC_MSB_H_
#define SIGNAL_SRC_MSB_H_

#include <cstdint>

namespace tflite {
namespace tflm_signal {

// The 1-based index of the highest set bit: 1 for x == 1, 32 for x >= 2^31.
// For x == 0 the answer is the word width (32), which is what TFLM computes
// in its GCC/Clang builds (count-leading-zeros of 0 taken as the full width);
// FftAutoScale depends on it for an all-zero frame.
inline int MostSignificantBit32(uint32_t x) {
  if (x == 0) return 32;
#if defined(__GNUC__)
  return 32 - __builtin_clz(x);
#else
  int bits = 0;
  for (; x != 0; x >>= 1) ++bits;
  return bits;
#endif
}

// Same for 64-bit words (64 for x == 0).
inline int MostSignificantBit64(uint64_t x) {
  if (x == 0) return 64;
#if defined(__GNUC__)
  return 64 - __builtin_clzll(x);
#else
  int bits = 0;
  for (; x != 0; x >>= 1) ++bits;
  return bits;
#endif
}

// Two's complement narrowing, spelled out (what the device's C code gets from
// an implicit int -> int16_t / int32_t conversion).
inline int16_t WrapToInt16(int64_t x) {
  return static_cast<int16_t>(static_cast<uint16_t>(static_cast<uint64_t>(x)));
}
inline int32_t WrapToInt32(int64_t x) {
  return static_cast<int32_t>(static_cast<uint32_t>(static_cast<uint64_t>(x)));
}

}  // namespace tflm_signal
}  // namespace tflite

#endif  // SIGNAL_SRC_MSB_H_
