// SignalFilterBank: sums weighted spectrum energies into (mel) channels.
#ifndef SIGNAL_SRC_FILTER_BANK_H_
#define SIGNAL_SRC_FILTER_BANK_H_

#include <cstdint>

namespace tflite {
namespace tflm_signal {

// The triangular filters as TFLM's front end describes them: num_channels + 1
// bands, band i covering input bins [frequency_starts[i],
// frequency_starts[i] + widths[i]) with per-bin weights at
// weights/unweights[weight_starts[i] + j]. A bin's energy counts `weight`
// towards band i and `unweight` towards band i + 1.
struct FilterBankConfig {
  int num_channels;
  const int16_t* weights;
  const int16_t* unweights;
  const int16_t* frequency_starts;
  const int16_t* weight_starts;
  const int16_t* widths;
};

// Writes num_channels + 1 accumulators to `bands`; bands[0] only collects
// what lies below the first channel and bands[c + 1] is channel c. Sums wrap
// modulo 2^64; a negative weight counts as its 64-bit two's complement (both
// as the C code on the device computes them). The caller must have checked
// every band against the input and weight lengths.
void FilterBankAccumulate(const FilterBankConfig& config, const uint32_t* input,
                          uint64_t* bands);

}  // namespace tflm_signal
}  // namespace tflite

#endif  // SIGNAL_SRC_FILTER_BANK_H_
