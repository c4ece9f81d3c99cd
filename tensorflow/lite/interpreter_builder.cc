#include "tensorflow/lite/interpreter_builder.h"

#include "tensorflow/lite/stderr_reporter.h"

namespace tflite {

InterpreterBuilder::InterpreterBuilder(const FlatBufferModel& model,
                                       const OpResolver& op_resolver)
    : InterpreterBuilder(model, op_resolver, model.error_reporter()) {}

InterpreterBuilder::InterpreterBuilder(const FlatBufferModel& model,
                                       const OpResolver& op_resolver,
                                       ErrorReporter* error_reporter)
    : model_(model),
      op_resolver_(op_resolver),
      error_reporter_(error_reporter != nullptr ? error_reporter
                                                : DefaultErrorReporter()) {}

TfLiteStatus InterpreterBuilder::operator()(
    std::unique_ptr<Interpreter>* interpreter) {
  if (interpreter == nullptr) {
    TF_LITE_REPORT_ERROR(error_reporter_,
                         "InterpreterBuilder: the output pointer is null");
    return kTfLiteError;
  }
  interpreter->reset();
  if (!model_.initialized()) {
    TF_LITE_REPORT_ERROR(error_reporter_,
                         "InterpreterBuilder: the model was not built");
    return kTfLiteError;
  }
  std::unique_ptr<Interpreter> built(
      new Interpreter(model_, error_reporter_));
  if (!built->Load(op_resolver_, arena_size_, max_arena_size_)) {
    return kTfLiteError;
  }
  *interpreter = std::move(built);
  return kTfLiteOk;
}

TfLiteStatus InterpreterBuilder::operator()(
    std::unique_ptr<Interpreter>* interpreter, int num_threads) {
  if (SetNumThreads(num_threads) != kTfLiteOk) {
    if (interpreter != nullptr) interpreter->reset();
    return kTfLiteError;
  }
  return (*this)(interpreter);
}

TfLiteStatus InterpreterBuilder::SetNumThreads(int num_threads) {
  if (num_threads < -1) {
    TF_LITE_REPORT_ERROR(
        error_reporter_,
        "SetNumThreads: %d threads; give -1 (the default) or a count >= 0",
        num_threads);
    return kTfLiteError;
  }
  return kTfLiteOk;
}

}  // namespace tflite
