#include "tensorflow/lite/micro/fuzz/fuzz_util.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "mediapipe/micro/kernels/mediapipe_ops.h"
#include "signal/micro/kernels/signal_ops.h"
#include "tensorflow/lite/micro/extensible_op_resolver.h"
#include "tensorflow/lite/micro/micro_interpreter.h"
#include "tensorflow/lite/micro/micro_log.h"

// Under AddressSanitizer the bytes after the model are poisoned, so that a
// read past the model's end is reported though model_copy goes on.
#if defined(__SANITIZE_ADDRESS__)
#define TFLITE_MICRO_FUZZ_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TFLITE_MICRO_FUZZ_ASAN 1
#endif
#endif
#ifdef TFLITE_MICRO_FUZZ_ASAN
#include <sanitizer/asan_interface.h>
#else
#define ASAN_POISON_MEMORY_REGION(address, size) ((void)(address), (void)(size))
#define ASAN_UNPOISON_MEMORY_REGION(address, size) \
  ((void)(address), (void)(size))
#endif

namespace tflite {
namespace fuzz {
namespace {

constexpr size_t kMaxModelBytes = 4 * 1024 * 1024;

alignas(16) uint8_t model_copy[kMaxModelBytes];
alignas(16) uint8_t arena[kFuzzArenaBytes];

// Every builtin, DETECTION_POSTPROCESS and CIRCULAR_BUFFER, and the signal
// and MediaPipe custom ops: what the Python and Java runtimes can load.
const MicroOpResolver& Resolver() {
  static ExtensibleOpResolver resolver;
  static bool filled = false;
  if (!filled) {
    if (!SignalOpsRegisterer(&resolver) || !MediapipeOpsRegisterer(&resolver)) {
      __builtin_trap();
    }
    filled = true;
  }
  return resolver;
}

// Reads every byte of a tensor so that a pointer outside the arena or the
// model shows up under AddressSanitizer.
volatile uint8_t sink;
void Touch(const void* data, size_t bytes) {
  const uint8_t* p = static_cast<const uint8_t*>(data);
  uint8_t sum = 0;
  for (size_t i = 0; i < bytes; ++i) sum ^= p[i];
  sink = sum;
}

void FillInputs(MicroInterpreter& interpreter, const uint8_t* input,
                size_t input_size, size_t* cursor) {
  for (size_t i = 0; i < interpreter.inputs_size(); ++i) {
    TfLiteTensor* tensor = interpreter.input(i);
    if (tensor == nullptr || tensor->data.raw == nullptr) continue;
    uint8_t* data = reinterpret_cast<uint8_t*>(tensor->data.raw);
    for (size_t b = 0; b < tensor->bytes; ++b) {
      if (input_size > 0) {
        data[b] = input[*cursor % input_size];
        ++*cursor;
      } else {
        data[b] = static_cast<uint8_t>(b * 37 + i);
      }
      // The API's contract: a bool input holds 0 or 1.
      if (tensor->type == kTfLiteBool) data[b] &= 1;
    }
  }
}

void TouchTensors(MicroInterpreter& interpreter) {
  for (size_t i = 0; i < interpreter.outputs_size(); ++i) {
    const TfLiteTensor* tensor = interpreter.output(i);
    if (tensor != nullptr && tensor->data.raw != nullptr) {
      Touch(tensor->data.raw, tensor->bytes);
    }
  }
  // Out-of-range indices are an error (nullptr), never a crash.
  if (interpreter.GetTensor(-1) != nullptr ||
      interpreter.GetTensor(1 << 30) != nullptr ||
      interpreter.GetTensor(0, -1) != nullptr ||
      interpreter.GetTensor(0, 1 << 30) != nullptr ||
      interpreter.input(1 << 30) != nullptr ||
      interpreter.output(static_cast<size_t>(-1)) != nullptr) {
    __builtin_trap();
  }
}

}  // namespace

void ResizeInputs(MicroInterpreter& interpreter, int seed) {
  const Model* model = interpreter.model();
  for (size_t i = 0; i < interpreter.inputs_size(); ++i) {
    const Tensor* tensor = model->subgraphs()->Get(0)->tensors()->Get(
        interpreter.input_tensor_index(i));
    const auto* shape = tensor->shape();
    const auto* signature = tensor->shape_signature();
    if (shape == nullptr || shape->size() > 8) continue;
    int32_t dims[8];
    const int rank = static_cast<int>(shape->size());
    for (int d = 0; d < rank; ++d) {
      dims[d] = shape->Get(d);
      if (signature != nullptr && static_cast<int>(signature->size()) == rank &&
          signature->Get(d) == -1) {
        dims[d] = 1 + ((seed >> (3 * (d % 8))) & 7);
      }
    }
    // May fail (e.g. shapes that no longer fit together): that is an error.
    if (interpreter.ResizeInputTensor(i, dims, rank) != kTfLiteOk &&
        interpreter.error_message()[0] == '\0') {
      __builtin_trap();
    }
  }
}

// TFLITE_MICRO_FUZZ_VERBOSE=1 prints why models are rejected.
bool Rejected(const MicroInterpreter& interpreter) {
  // A rejection always says why.
  if (interpreter.error_message()[0] == '\0') __builtin_trap();
  static const bool verbose = std::getenv("TFLITE_MICRO_FUZZ_VERBOSE");
  if (verbose) {
    std::fprintf(stderr, "rejected: %s\n", interpreter.error_message());
  }
  return false;
}

// A WHILE loop a mutation made endless is stopped through the cancellation
// check after this many node and subgraph runs per invoke (the largest
// shared model runs a few hundred).
constexpr long kStepBudget = 200000;

bool OverBudget(void* steps) {
  return ++*static_cast<long*>(steps) > kStepBudget;
}

bool RunModel(const uint8_t* model, size_t model_size, const uint8_t* input,
              size_t input_size, int resize_seed) {
  if (model_size > kMaxModelBytes) return false;
  ASAN_UNPOISON_MEMORY_REGION(model_copy, sizeof(model_copy));
  if (model_size > 0) std::memcpy(model_copy, model, model_size);
  ASAN_POISON_MEMORY_REGION(model_copy + model_size,
                            sizeof(model_copy) - model_size);
  MicroInterpreter interpreter(model_copy, model_size, Resolver(), arena,
                               sizeof(arena));
  interpreter.set_log_errors(false);
  long steps = 0;
  interpreter.SetCancellationCheck(OverBudget, &steps);
  if (resize_seed >= 0 && interpreter.AllocateTensors() == kTfLiteOk) {
    ResizeInputs(interpreter, resize_seed);
  }
  if (interpreter.AllocateTensors() != kTfLiteOk) return Rejected(interpreter);
  size_t cursor = 0;
  FillInputs(interpreter, input, input_size, &cursor);
  steps = 0;
  if (interpreter.Invoke() != kTfLiteOk) return Rejected(interpreter);
  TouchTensors(interpreter);
  if (interpreter.Reset() != kTfLiteOk) return Rejected(interpreter);
  FillInputs(interpreter, input, input_size, &cursor);
  steps = 0;
  if (interpreter.Invoke() != kTfLiteOk) return Rejected(interpreter);
  TouchTensors(interpreter);
  return true;
}

}  // namespace fuzz
}  // namespace tflite
