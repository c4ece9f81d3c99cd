#include "examples/firmware/model_runner.h"

#include <cstdio>
#include <cstring>

#include "tensorflow/lite/micro/micro_interpreter.h"

namespace firmware {
namespace {

// A well-mixed byte from (i, input, run): consecutive elements differ.
uint32_t Mix(size_t i, int input, int run) {
  uint32_t x = static_cast<uint32_t>(i) * 2654435761u +
               static_cast<uint32_t>(input) * 40503u +
               static_cast<uint32_t>(run) * 97u + 12345u;
  x ^= x >> 15;
  x *= 2246822519u;
  x ^= x >> 13;
  return x;
}

void PrintTensor(const TfLiteTensor* tensor) {
  const size_t bytes = tensor->bytes;
  switch (tensor->type) {
    case kTfLiteInt8:
      for (size_t i = 0; i < bytes; ++i) {
        std::printf(" %d", static_cast<int>(tensor->data.int8[i]));
      }
      break;
    case kTfLiteInt16:
      for (size_t i = 0; i < bytes / 2; ++i) {
        std::printf(" %d", static_cast<int>(tensor->data.i16[i]));
      }
      break;
    case kTfLiteInt32:
      for (size_t i = 0; i < bytes / 4; ++i) {
        std::printf(" %ld", static_cast<long>(tensor->data.i32[i]));
      }
      break;
    default:
      // Floats and anything else as raw bytes: exact, and independent of
      // the C library's float formatting.
      for (size_t i = 0; i < bytes; ++i) {
        std::printf(" %02x", static_cast<unsigned>(tensor->data.uint8[i]));
      }
      break;
  }
  std::printf("\n");
}

}  // namespace

void FillPattern(void* data, size_t bytes, int type, int input, int run) {
  uint8_t* out = static_cast<uint8_t*>(data);
  if (type == kTfLiteFloat32) {
    for (size_t i = 0; i < bytes / 4; ++i) {
      // Multiples of 1/256 in [-2, 2): exact in float.
      const float value =
          (static_cast<int>(Mix(i, input, run) % 1024) - 512) / 256.0f;
      std::memcpy(out + 4 * i, &value, 4);
    }
    return;
  }
  if (type == kTfLiteBool) {
    for (size_t i = 0; i < bytes; ++i) out[i] = Mix(i, input, run) & 1;
    return;
  }
  // Integers: every byte mixed (int16 covers its whole range, little-endian
  // layout on both the hosts and the Cortex-M cores).
  for (size_t i = 0; i < bytes; ++i) {
    out[i] = static_cast<uint8_t>(Mix(i, input, run) >> 8);
  }
}

int RunModelOnPatterns(const uint8_t* model, size_t model_size,
                       const tflite::MicroOpResolver& resolver,
                       uint8_t* arena, size_t arena_size, int runs) {
  tflite::MicroInterpreter interpreter(model, model_size, resolver, arena,
                                       arena_size);
  if (interpreter.AllocateTensors() != kTfLiteOk) {
    std::printf("AllocateTensors failed: %s\n", interpreter.error_message());
    return 1;
  }
  for (int run = 0; run < runs; ++run) {
    for (size_t i = 0; i < interpreter.inputs_size(); ++i) {
      TfLiteTensor* input = interpreter.input(i);
      FillPattern(input->data.raw, input->bytes, input->type,
                  static_cast<int>(i), run);
    }
    if (interpreter.Invoke() != kTfLiteOk) {
      std::printf("Invoke failed: %s\n", interpreter.error_message());
      return 1;
    }
    for (size_t o = 0; o < interpreter.outputs_size(); ++o) {
      const TfLiteTensor* output = interpreter.output(o);
      std::printf("run %d output %u %s:", run, static_cast<unsigned>(o),
                  TfLiteTypeGetName(output->type));
      PrintTensor(output);
    }
  }
  // Differs between hosts (64-bit pointers) and the device (32-bit).
  std::printf("arena used %lu bytes\n",
              static_cast<unsigned long>(interpreter.arena_used_bytes()));
  return 0;
}

}  // namespace firmware
