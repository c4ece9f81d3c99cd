// SignalFftAutoScale: shifts a frame left so that its largest magnitude uses
// the full int16 range before the fixed-point FFT, and reports the shift.
#ifndef SIGNAL_SRC_FFT_AUTO_SCALE_H_
#define SIGNAL_SRC_FFT_AUTO_SCALE_H_

#include <cstdint>

namespace tflite {
namespace tflm_signal {

// The running maximum of |input[i]| kept in an int16_t, exactly as TFLM's
// scalar loop keeps it: -(-32768) does not fit and wraps back to -32768,
// after which the "maximum" follows whatever comes next. Only frames holding
// -32768 are affected.
int16_t MaxAbs16(const int16_t* input, int size);

// Writes input[i] * 2^s (wrapped to int16) to output and returns s =
// max(0, 15 - MostSignificantBit32(MaxAbs16(input))), where the bit index of
// a negative maximum is taken from its 32-bit two's complement pattern and
// that of zero is 32 (so an all-zero frame gets s = 0).
int FftAutoScale(const int16_t* input, int size, int16_t* output);

}  // namespace tflm_signal
}  // namespace tflite

#endif  // SIGNAL_SRC_FFT_AUTO_SCALE_H_
