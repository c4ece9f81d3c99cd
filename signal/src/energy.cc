#include "signal/src/energy.h"

namespace tflite {
namespace tflm_signal {

void SpectrumToEnergy(const Complex<int16_t>* input, int start_index,
                      int end_index, uint32_t* output) {
  for (int k = start_index; k < end_index; ++k) {
    const int32_t re = input[k].real;
    const int32_t im = input[k].imag;
    // Each square is at most 2^30; their sum (at most 2^31) fits unsigned.
    output[k] = static_cast<uint32_t>(re * re) + static_cast<uint32_t>(im * im);
  }
}

}  // namespace tflm_signal
}  // namespace tflite
