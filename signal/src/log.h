// Fixed-point natural logarithm used by the audio front end.
#ifndef SIGNAL_SRC_LOG_H_
#define SIGNAL_SRC_LOG_H_

#include <cstdint>

namespace tflite {
namespace tflm_signal {

// Entries of the log2 correction table (128 segments and both ends).
constexpr int kLogTableSize = 129;

// kLogTable[i] = round(2^16 * (log2(1 + i/128) - i/128)): what log2 adds to
// the straight line through the segment ends of [1, 2). make_log_table.py
// computes it; log_test.cc checks it against the formula.
extern const uint16_t kLogTable[kLogTableSize];

// About ln(x) * out_scale for x >= 1, computed as TFLM's front end does:
// log2 with 16 fractional bits (integer part from the top bit, fraction from
// kLogTable), times ln 2 in Q16, then times out_scale in unsigned 32-bit
// arithmetic (which wraps for very large out_scale), each step rounded.
// As in TFLM, the interpolation between table entries is scaled by 2^-16
// rather than by the segment width 2^-9, so it contributes at most one unit:
// the table acts as a step function and log2 is within 3.4e-3 of exact
// (ln within 2.4e-3).
uint32_t Log32(uint32_t x, uint32_t out_scale);

}  // namespace tflm_signal
}  // namespace tflite

#endif  // SIGNAL_SRC_LOG_H_
