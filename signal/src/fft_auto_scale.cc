#include "signal/src/fft_auto_scale.h"

#include "signal/src/msb.h"

namespace tflite {
namespace tflm_signal {

int16_t MaxAbs16(const int16_t* input, int size) {
  int16_t largest = 0;
  for (int i = 0; i < size; ++i) {
    const int32_t value = input[i];
    if (value > largest) {
      largest = static_cast<int16_t>(value);
    } else if (-value > largest) {
      largest = WrapToInt16(-value);
    }
  }
  return largest;
}

int FftAutoScale(const int16_t* input, int size, int16_t* output) {
  const int16_t largest = MaxAbs16(input, size);
  // A negative int16 converts to a 32-bit pattern with its top bit set.
  const uint32_t pattern = static_cast<uint32_t>(static_cast<int32_t>(largest));
  int shift = 16 - MostSignificantBit32(pattern) - 1;
  if (shift < 0) shift = 0;
  for (int i = 0; i < size; ++i) {
    output[i] = WrapToInt16(static_cast<int64_t>(input[i]) * (int64_t{1} << shift));
  }
  return shift;
}

}  // namespace tflm_signal
}  // namespace tflite
