// libFuzzer target: arbitrary bytes as a .tflite model, run with every
// builtin kernel. Built by tools/fuzz.sh.
#include <cstddef>
#include <cstdint>

#include "tensorflow/lite/micro/fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  tflite::fuzz::RunModel(data, size, nullptr, 0);
  return 0;
}
