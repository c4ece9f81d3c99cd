#include "signal/src/filter_bank.h"

namespace tflite {
namespace tflm_signal {

namespace {

inline uint64_t AsUnsigned64(int16_t weight) {
  return static_cast<uint64_t>(static_cast<int64_t>(weight));
}

}  // namespace

void FilterBankAccumulate(const FilterBankConfig& config, const uint32_t* input,
                          uint64_t* bands) {
  // `carried` holds the unweighted energy that band i left for band i + 1.
  uint64_t carried = 0;
  for (int band = 0; band <= config.num_channels; ++band) {
    uint64_t weighted = carried;
    uint64_t unweighted = 0;
    const int first_bin = config.frequency_starts[band];
    const int first_weight = config.weight_starts[band];
    for (int j = 0; j < config.widths[band]; ++j) {
      const uint64_t energy = input[first_bin + j];
      weighted += AsUnsigned64(config.weights[first_weight + j]) * energy;
      unweighted += AsUnsigned64(config.unweights[first_weight + j]) * energy;
    }
    bands[band] = weighted;
    carried = unweighted;
  }
}

}  // namespace tflm_signal
}  // namespace tflite
