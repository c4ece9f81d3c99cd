// A complex number as the signal ops store it: real part, then imaginary part
// (so an array of Complex<T> is the interleaved [re, im, re, im, ...] layout
// of a tensor whose last dimension is twice the number of bins).
#ifndef SIGNAL_SRC_COMPLEX_H_
#define SIGNAL_SRC_COMPLEX_H_

namespace tflite {
namespace tflm_signal {

template <typename T>
struct Complex {
  T real;
  T imag;
};

}  // namespace tflm_signal
}  // namespace tflite

#endif  // SIGNAL_SRC_COMPLEX_H_
