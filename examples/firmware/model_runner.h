// Runs a model on fixed inputs and prints what it computed, the same way on
// a host and on a microcontroller, so the two can be compared line by line.
#ifndef EXAMPLES_FIRMWARE_MODEL_RUNNER_H_
#define EXAMPLES_FIRMWARE_MODEL_RUNNER_H_

#include <cstddef>
#include <cstdint>

#include "tensorflow/lite/micro/micro_op_resolver.h"

namespace firmware {

// Fills every input with a fixed pattern (a function of the element index,
// the input index and the run), invokes `runs` times and prints each run's
// outputs, then the arena the interpreter used. Returns 0, or 1 after
// printing the interpreter's error.
int RunModelOnPatterns(const uint8_t* model, size_t model_size,
                       const tflite::MicroOpResolver& resolver,
                       uint8_t* arena, size_t arena_size, int runs);

// The pattern value of element `i` of input `input` in run `run`, for an
// input of `type` (quantized types cover their whole range; floats lie in
// [-2, 2)).
void FillPattern(void* data, size_t bytes, int type, int input, int run);

}  // namespace firmware

#endif  // EXAMPLES_FIRMWARE_MODEL_RUNNER_H_
