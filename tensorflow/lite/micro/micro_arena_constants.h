// TFLM's arena alignment query, answered by this runtime's arena constant.
#ifndef TENSORFLOW_LITE_MICRO_MICRO_ARENA_CONSTANTS_H_
#define TENSORFLOW_LITE_MICRO_MICRO_ARENA_CONSTANTS_H_

#include "tensorflow/lite/micro/arena_allocator/single_arena_buffer_allocator.h"

namespace tflite {

// The alignment of the arena's planned and persistent buffers.
constexpr int MicroArenaBufferAlignment() {
  return static_cast<int>(kArenaAlignment);
}

}  // namespace tflite

#endif  // TENSORFLOW_LITE_MICRO_MICRO_ARENA_CONSTANTS_H_
