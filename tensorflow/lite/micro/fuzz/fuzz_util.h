// Drives one interpreter over untrusted model bytes and input bytes, as the
// fuzzers and the crash-regression test do: load, allocate, fill the inputs,
// invoke, reset, invoke again, read every tensor. Any failure must be an
// error status; a crash or sanitizer report is a bug.
#ifndef TENSORFLOW_LITE_MICRO_FUZZ_FUZZ_UTIL_H_
#define TENSORFLOW_LITE_MICRO_FUZZ_FUZZ_UTIL_H_

#include <cstddef>
#include <cstdint>

namespace tflite {
namespace fuzz {

// Arena the fuzz drivers use (large enough for every shared model).
constexpr size_t kFuzzArenaBytes = 512 * 1024;

// Runs the model in `model` (copied to aligned memory first) with input data
// taken cyclically from `input` (may be empty: inputs get a fixed pattern).
// When `resize_seed` >= 0, dynamic dimensions (-1 in the shape signature) of
// every input are first resized to 1 + (a seed-derived value in 0..7).
// Returns true when the model ran, false when it was rejected with an error.
bool RunModel(const uint8_t* model, size_t model_size, const uint8_t* input,
              size_t input_size, int resize_seed = -1);

}  // namespace fuzz
}  // namespace tflite

#endif  // TENSORFLOW_LITE_MICRO_FUZZ_FUZZ_UTIL_H_
