// SignalWindow: multiplies a frame by a fixed-point window.
#ifndef SIGNAL_SRC_WINDOW_H_
#define SIGNAL_SRC_WINDOW_H_

#include <cstdint>

namespace tflite {
namespace tflm_signal {

// output[i] = saturate_int16((input[i] * window[i]) >> shift), the product
// taken in 32 bits and shifted arithmetically. shift must be in [0, 31].
void ApplyWindow(const int16_t* input, const int16_t* window, int size,
                 int shift, int16_t* output);

}  // namespace tflm_signal
}  // namespace tflite

#endif  // SIGNAL_SRC_WINDOW_H_
