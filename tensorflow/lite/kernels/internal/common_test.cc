// Rescaling arithmetic: TFLM's two roundings and TFLite's single rounding.
#include "tensorflow/lite/kernels/internal/common.h"

#include "gtest/gtest.h"
#include "tensorflow/lite/kernels/internal/fixedpoint.h"
#include "tensorflow/lite/kernels/internal/quantization_util.h"

namespace tflite {
namespace {

TEST(QuantizeMultiplier, NormalizesIntoHalfOpenUnitInterval) {
  int32_t multiplier;
  int shift;
  QuantizeMultiplier(0.75, &multiplier, &shift);
  EXPECT_EQ(multiplier, 1610612736);  // 0.75 * 2^31
  EXPECT_EQ(shift, 0);
  QuantizeMultiplier(3.0, &multiplier, &shift);
  EXPECT_EQ(multiplier, 1610612736);
  EXPECT_EQ(shift, 2);
  QuantizeMultiplier(0.0, &multiplier, &shift);
  EXPECT_EQ(multiplier, 0);
  QuantizeMultiplier(1e-12, &multiplier, &shift);  // flushed to zero
  EXPECT_EQ(multiplier, 0);
  EXPECT_EQ(shift, 0);
}

TEST(MultiplyByQuantizedMultiplier, AgreesAwayFromTies) {
  EXPECT_EQ(MultiplyByQuantizedMultiplier(800, 1180013741, -5), 14);
  EXPECT_EQ(MultiplyByQuantizedMultiplier(13585, 1180013741, -5), 233);
  EXPECT_EQ(MultiplyByQuantizedMultiplier(-123456, 1180013741, -5), -2120);
  EXPECT_EQ(MultiplyByQuantizedMultiplier(1 << 20, 1180013741, -5), 18006);
  EXPECT_EQ(MultiplyByQuantizedMultiplier(3, 1610612736, 2), 9);
}

// 7658 * 1180013741 / 2^36 = 131.50...: the first rounding of the double
// rounding scheme lands on .5 exactly and the second rounds it up.
TEST(MultiplyByQuantizedMultiplier, RoundingSchemeDecidesTies) {
  EXPECT_EQ(MultiplyByQuantizedMultiplier(7658, 1180013741, -5), 132);
  EXPECT_EQ(MultiplyByQuantizedMultiplier(-7658, 1180013741, -5), -132);
  EXPECT_EQ(MultiplyByQuantizedMultiplierSingleRounding(7658, 1180013741, -5),
            131);
  EXPECT_EQ(MultiplyByQuantizedMultiplierSingleRounding(-7658, 1180013741, -5),
            -131);
}

TEST(MultiplyByQuantizedMultiplierSingleRounding, AgreesAwayFromTies) {
  EXPECT_EQ(MultiplyByQuantizedMultiplierSingleRounding(800, 1180013741, -5),
            14);
  EXPECT_EQ(
      MultiplyByQuantizedMultiplierSingleRounding(-123456, 1180013741, -5),
      -2120);
  EXPECT_EQ(MultiplyByQuantizedMultiplierSingleRounding(3, 1610612736, 2), 9);
}

// With a multiplier of exactly 1/4: -10/4 is a tie, which one rounding away
// from zero sends to -3 (LiteRT; TFLite's TFLITE_SINGLE_ROUNDING would give
// -2). 5/4 is not a tie, but two roundings make it one (5/2 -> 3, 3/2 -> 2).
TEST(MultiplyByQuantizedMultiplierSingleRounding, TiesGoAwayFromZero) {
  int32_t quarter;
  int shift;
  QuantizeMultiplier(0.25, &quarter, &shift);
  EXPECT_EQ(MultiplyByQuantizedMultiplierSingleRounding(-10, quarter, shift),
            -3);
  EXPECT_EQ(MultiplyByQuantizedMultiplierSingleRounding(10, quarter, shift), 3);
  EXPECT_EQ(MultiplyByQuantizedMultiplierSingleRounding(5, quarter, shift), 1);
  EXPECT_EQ(MultiplyByQuantizedMultiplier(5, quarter, shift), 2);
  EXPECT_EQ(MultiplyByQuantizedMultiplierSingleRounding(13, quarter, shift), 3);
  EXPECT_EQ(MultiplyByQuantizedMultiplier(13, quarter, shift), 4);
}

TEST(RoundingDivideByPOT, ExponentsPastTheTypeWidth) {
  // Within the width: nearest, ties away from zero.
  EXPECT_EQ(fixed_point::RoundingDivideByPOT<int32_t>(5, 1), 3);
  EXPECT_EQ(fixed_point::RoundingDivideByPOT<int32_t>(-5, 1), -3);
  EXPECT_EQ(fixed_point::RoundingDivideByPOT<int32_t>(1 << 30, 31), 1);
  // Past it: |x| / 2^e < 1/2 rounds to 0; only -2^31 / 2^32 is a tie.
  EXPECT_EQ(fixed_point::RoundingDivideByPOT<int32_t>(2147483647, 32), 0);
  EXPECT_EQ(fixed_point::RoundingDivideByPOT<int32_t>(-2147483647, 32), 0);
  EXPECT_EQ(fixed_point::RoundingDivideByPOT<int32_t>(-2147483647 - 1, 32), -1);
  EXPECT_EQ(fixed_point::RoundingDivideByPOT<int32_t>(123456, 40), 0);
  EXPECT_EQ(fixed_point::RoundingDivideByPOT<int32_t>(-123456, 100), 0);
  EXPECT_EQ(fixed_point::RoundingDivideByPOT<int16_t>(-32768, 16), -1);
  EXPECT_EQ(fixed_point::RoundingDivideByPOT<int16_t>(32767, 16), 0);
}

}  // namespace
}  // namespace tflite
