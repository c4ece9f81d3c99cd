#include "signal/src/filter_bank_square_root.h"

#include "signal/src/square_root.h"

namespace tflite {
namespace tflm_signal {

void FilterBankSquareRoot(const uint64_t* input, int size, int scale_down_bits,
                          uint32_t* output) {
  for (int i = 0; i < size; ++i) {
    output[i] = Sqrt64(input[i]) >> scale_down_bits;
  }
}

}  // namespace tflm_signal
}  // namespace tflite
