#include "signal/src/square_root.h"

#include "signal/src/msb.h"

namespace tflite {
namespace tflm_signal {

namespace {

// Digit-by-digit (base 4) square root of x, whose highest set bit is bit
// `top` (0-based). Starts at the even bit position at or below `top` and
// returns the root with its remainder in *remainder.
template <typename Word>
Word DigitByDigitRoot(Word x, int top, Word* remainder) {
  constexpr int kBits = sizeof(Word) * 8;
  // The leading-zero count rounded up to an odd number: the first trial bit
  // is then at an even position, as base-4 digits need.
  const int odd_zeros = (kBits - 1 - top) | 1;
  Word bit = Word{1} << (kBits - 1 - odd_zeros);
  int steps = (kBits - 1 - odd_zeros) / 2 + 1;
  Word root = 0;
  while (steps-- > 0) {
    if (x >= root + bit) {
      x -= root + bit;
      root = (root >> 1) + bit;
    } else {
      root >>= 1;
    }
    bit >>= 2;
  }
  *remainder = x;
  return root;
}

}  // namespace

uint16_t Sqrt32(uint32_t x) {
  if (x == 0) return 0;
  uint32_t remainder;
  uint32_t root =
      DigitByDigitRoot<uint32_t>(x, MostSignificantBit32(x) - 1, &remainder);
  if (remainder > root && root != 0xFFFF) ++root;
  return static_cast<uint16_t>(root);
}

uint32_t Sqrt64(uint64_t x) {
  if ((x >> 32) == 0) return Sqrt32(static_cast<uint32_t>(x));
  uint64_t remainder;
  uint64_t root =
      DigitByDigitRoot<uint64_t>(x, MostSignificantBit64(x) - 1, &remainder);
  if (remainder > root && root != 0xFFFFFFFFull) ++root;
  return static_cast<uint32_t>(root);
}

}  // namespace tflm_signal
}  // namespace tflite
