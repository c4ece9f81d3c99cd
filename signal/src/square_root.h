// Integer square roots, rounded to nearest, as the audio front end uses them.
#ifndef SIGNAL_SRC_SQUARE_ROOT_H_
#define SIGNAL_SRC_SQUARE_ROOT_H_

#include <cstdint>

namespace tflite {
namespace tflm_signal {

// floor(sqrt(x)) rounded up when the remainder exceeds the root, except that
// the result never goes past 0xFFFF.
uint16_t Sqrt32(uint32_t x);

// The same for 64-bit inputs (capped at 0xFFFFFFFF); values below 2^32 take
// the 32-bit path.
uint32_t Sqrt64(uint64_t x);

}  // namespace tflm_signal
}  // namespace tflite

#endif  // SIGNAL_SRC_SQUARE_ROOT_H_
