// TFLite's InterpreterBuilder: makes an Interpreter for a FlatBufferModel,
// with the kernels an OpResolver gives for each of the model's operators.
//
//   tflite::ops::builtin::BuiltinOpResolver resolver;
//   std::unique_ptr<tflite::Interpreter> interpreter;
//   if (tflite::InterpreterBuilder(*model, resolver)(&interpreter) !=
//       kTfLiteOk) { ... }  // interpreter is nullptr; the reason reported
//
// The kernels are copied: the resolver may go once the interpreter is
// built. The model must outlive the interpreter.
#ifndef TENSORFLOW_LITE_INTERPRETER_BUILDER_H_
#define TENSORFLOW_LITE_INTERPRETER_BUILDER_H_

#include <memory>

#include "tensorflow/lite/core/api/error_reporter.h"
#include "tensorflow/lite/core/api/op_resolver.h"
#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/interpreter.h"
#include "tensorflow/lite/model.h"

namespace tflite {

class InterpreterBuilder {
 public:
  // Failures are reported to the model's ErrorReporter.
  InterpreterBuilder(const FlatBufferModel& model,
                     const OpResolver& op_resolver);
  // ... or to `error_reporter`.
  InterpreterBuilder(const FlatBufferModel& model,
                     const OpResolver& op_resolver,
                     ErrorReporter* error_reporter);
  InterpreterBuilder(const InterpreterBuilder&) = delete;
  InterpreterBuilder& operator=(const InterpreterBuilder&) = delete;

  // Sets *interpreter to a new interpreter with its tensors allocated, or
  // to nullptr (kTfLiteError) after reporting why not: the model was not
  // built, an operator has no kernel, or the model cannot be prepared.
  TfLiteStatus operator()(std::unique_ptr<Interpreter>* interpreter);
  TfLiteStatus operator()(std::unique_ptr<Interpreter>* interpreter,
                          int num_threads);
  // Accepted for compatibility (see Interpreter::SetNumThreads).
  TfLiteStatus SetNumThreads(int num_threads);

  // Not in TFLite: the arena. By default it is sized automatically up to
  // SetMaxArenaSize (default kDefaultMaxArenaSize, 256 MiB): a model that
  // needs more is refused, the report giving the size it needs. A size given
  // to SetArenaSize is used as it is (not bound by that limit, never grown).
  void SetArenaSize(size_t bytes) { arena_size_ = bytes; }
  void SetMaxArenaSize(size_t bytes) { max_arena_size_ = bytes; }

 private:
  const FlatBufferModel& model_;
  const OpResolver& op_resolver_;
  ErrorReporter* error_reporter_;
  size_t arena_size_ = 0;
  size_t max_arena_size_ = kDefaultMaxArenaSize;
};

}  // namespace tflite

#endif  // TENSORFLOW_LITE_INTERPRETER_BUILDER_H_
