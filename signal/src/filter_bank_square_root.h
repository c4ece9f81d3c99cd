// SignalFilterBankSquareRoot: channel energies back to magnitudes.
#ifndef SIGNAL_SRC_FILTER_BANK_SQUARE_ROOT_H_
#define SIGNAL_SRC_FILTER_BANK_SQUARE_ROOT_H_

#include <cstdint>

namespace tflite {
namespace tflm_signal {

// output[i] = Sqrt64(input[i]) >> scale_down_bits (scale_down_bits in
// [0, 31]): undoes the FFT auto-scaling, which scaled energies by 4^bits.
void FilterBankSquareRoot(const uint64_t* input, int size, int scale_down_bits,
                          uint32_t* output);

}  // namespace tflm_signal
}  // namespace tflite

#endif  // SIGNAL_SRC_FILTER_BANK_SQUARE_ROOT_H_
