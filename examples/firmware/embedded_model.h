// What a firmware example's generated source (make_firmware_model.py)
// provides: the model as a constant array in flash, and an op resolver with
// exactly the ops it uses.
#ifndef EXAMPLES_FIRMWARE_EMBEDDED_MODEL_H_
#define EXAMPLES_FIRMWARE_EMBEDDED_MODEL_H_

#include <cstddef>
#include <cstdint>

#include "tensorflow/lite/micro/micro_op_resolver.h"

namespace firmware {

// The model's file name, e.g. "person_detect.tflite".
extern const char kModelName[];
// The model's bytes (16-byte aligned, read in place), or nullptr when the
// model was not available at build time (../shared absent).
extern const uint8_t* const kModelData;
extern const size_t kModelSize;

// The arena: a static buffer sized in the example's BUILD rule.
extern uint8_t* const kArena;
extern const size_t kArenaSize;

// A resolver holding exactly the model's ops (builtins and the custom ops
// of the example's op package), or nullptr if one could not be added.
const tflite::MicroOpResolver* ModelOpResolver();

}  // namespace firmware

#endif  // EXAMPLES_FIRMWARE_EMBEDDED_MODEL_H_
