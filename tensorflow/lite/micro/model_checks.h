// Checks that make a model safe to interpret: the flatbuffer is well formed
// and every index, shape and size inside it is consistent. A model that
// passes cannot make the interpreter read outside the model or the arena.
//
// They cost flash (`tflite-micro size` shows how much, as "model checks").
// A program that only runs models compiled into its own flash, produced by
// the TFLite converter, may leave them out by building every source with
// TF_LITE_MICRO_SKIP_MODEL_CHECKS (make MODEL_CHECKS=0, CMake
// -DTFLM_MODEL_CHECKS=OFF). Then a malformed or hostile model can crash the
// device or read and write outside the arena: see "Leaving the model checks
// out" in README.md (Microcontrollers) for exactly what is still checked.
// The default build runs them.
#ifndef TENSORFLOW_LITE_MICRO_MODEL_CHECKS_H_
#define TENSORFLOW_LITE_MICRO_MODEL_CHECKS_H_

#include <cstddef>
#include <cstdint>

#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/micro/model_reading.h"
#include "tensorflow/lite/schema/schema_generated.h"

namespace tflite {

// Runs the flatbuffers verifier over `size` bytes at `data` and returns the
// model, or nullptr after reporting the problem.
const Model* VerifyModelBytes(const uint8_t* data, size_t size);

// Semantic checks over a verified model. `data`/`size` are the whole file
// (needed for buffers stored after the flatbuffer); `data` may be nullptr when
// only a Model* is known, and then such buffers are rejected.
// `resolver` (may be nullptr) names the operators in messages.
TfLiteStatus CheckModelSemantics(const Model* model, const uint8_t* data,
                                 size_t size,
                                 const MicroOpResolver* resolver = nullptr);

// Data flow of one subgraph: every tensor a node reads holds data by then
// (an input, constant, variable or an earlier node's output), no tensor is
// written twice or written when it is an input, constant or variable, and
// every subgraph output is written. `flags` is scratch memory of one byte
// per tensor of the subgraph.
TfLiteStatus CheckDataFlow(const Model* model, int subgraph,
                           const uint8_t* data, size_t size, uint8_t* flags,
                           const MicroOpResolver* resolver = nullptr);

}  // namespace tflite

#endif  // TENSORFLOW_LITE_MICRO_MODEL_CHECKS_H_
