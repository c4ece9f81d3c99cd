#include "tensorflow/lite/micro/flexbuffer_options.h"

#include <cstdint>
#include <vector>

#include "flatbuffers/flexbuffers.h"
#include "gtest/gtest.h"

namespace tflite {
namespace {

TEST(FlexbufferOptionsTest, AcceptsMapsOnly) {
  flexbuffers::Builder map;
  map.Map([&]() {
    map.Int("shift", 12);
    map.Bool("prefill", true);
  });
  map.Finish();
  EXPECT_TRUE(IsFlexbufferMap(map.GetBuffer().data(), map.GetBuffer().size()));

  flexbuffers::Builder vector;
  vector.Vector([&]() { vector.Int(1); });
  vector.Finish();
  EXPECT_FALSE(
      IsFlexbufferMap(vector.GetBuffer().data(), vector.GetBuffer().size()));
  EXPECT_FALSE(IsFlexbufferMap(nullptr, 0));
  const uint8_t garbage[] = {0xFF, 0xFF, 0xFF, 0xFF};
  EXPECT_FALSE(IsFlexbufferMap(garbage, sizeof(garbage)));
}

// A map whose one key starts at byte 0 and has no terminator before the
// buffer ends: flatbuffers 2.0.8's VerifyBuffer accepts it (its key check
// stops at the first nonzero byte); found by custom_op_fuzzer.
TEST(FlexbufferOptionsTest, RejectsAKeyWithoutTerminator) {
  const uint8_t options[] = {
      1,   // keys vector: length 1
      1,   // key 0: 1 byte back, i.e. byte 0 (no NUL up to the end)
      1,   // map: keys vector 1 byte back
      1,   // key byte width
      1,   // map length
      12,  // value: 12
      4,   // its type: 8-bit int
      2,   // root: the map, 2 bytes back
      36,  // root type: 8-bit map
      1};  // root byte width
  ASSERT_TRUE(flexbuffers::VerifyBuffer(options, sizeof(options)));
  ASSERT_TRUE(flexbuffers::GetRoot(options, sizeof(options)).IsMap());
  EXPECT_FALSE(IsFlexbufferMap(options, sizeof(options)));
}

}  // namespace
}  // namespace tflite
