// SignalEnergy: the power |X[k]|^2 of complex int16 spectrum bins.
#ifndef SIGNAL_SRC_ENERGY_H_
#define SIGNAL_SRC_ENERGY_H_

#include <cstdint>

#include "signal/src/complex.h"

namespace tflite {
namespace tflm_signal {

// output[k] = re^2 + im^2 (as uint32) for start_index <= k < end_index; the
// other elements of output are left alone.
void SpectrumToEnergy(const Complex<int16_t>* input, int start_index,
                      int end_index, uint32_t* output);

}  // namespace tflm_signal
}  // namespace tflite

#endif  // SIGNAL_SRC_ENERGY_H_
