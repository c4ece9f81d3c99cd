// The C++ object behind one org.tensorflow.lite.micro.Interpreter: a
// HostedInterpreter (model bytes, resolver, arena, options;
// tensorflow/lite/micro/host/hosted_interpreter.h) whose failures become
// JavaError, which the JNI layer turns into the named Java exception. Knows
// nothing of JNI.
#ifndef JAVA_SRC_MAIN_NATIVE_NATIVE_INTERPRETER_H_
#define JAVA_SRC_MAIN_NATIVE_NATIVE_INTERPRETER_H_

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "tensorflow/lite/micro/host/hosted_interpreter.h"
#include "tensorflow/lite/micro/host/signature_defs.h"

namespace tflite {
namespace jni {

// A failure to report to Java as `java_class` (a JNI class name such as
// "java/lang/IllegalArgumentException") with `what()` as its message.
class JavaError : public std::runtime_error {
 public:
  JavaError(const char* java_class, const std::string& message)
      : std::runtime_error(message), java_class_(java_class) {}
  const char* java_class() const { return java_class_; }

 private:
  const char* java_class_;
};

[[noreturn]] void ThrowIllegalArgument(const std::string& message);
[[noreturn]] void ThrowIllegalState(const std::string& message);

class NativeInterpreter {
 public:
  // Reads the model from `owned_model` when given, else from `model` in
  // place (options.model_in_place: the caller keeps it alive and unchanged)
  // if it is aligned, else from an aligned private copy of it.
  NativeInterpreter(const uint8_t* model, size_t model_size,
                    AlignedBuffer owned_model, const HostedOptions& options);

  NativeInterpreter(const NativeInterpreter&) = delete;
  NativeInterpreter& operator=(const NativeInterpreter&) = delete;

  size_t InputCount() const { return hosted_.inputs_size(); }
  size_t OutputCount() const { return hosted_.outputs_size(); }

  // Input or output `index` (checked), and its index among the model's
  // tensors.
  TfLiteEvalTensor* EvalTensor(bool input, int index);
  // Type and shape only (after a resize: the new shape, without allocating).
  const TfLiteEvalTensor* Description(bool input, int index);
  int TensorIndex(bool input, int index);
  const Tensor* ModelTensor(bool input, int index);

  void ResizeInput(int index, const std::vector<int32_t>& dims);
  void AllocateTensors();
  // Re-plans after ResizeInput; called before any tensor data is touched.
  void EnsureAllocated();
  void Invoke();
  // Variable tensors, resource variables and kernel state back to their
  // initial values.
  void ResetVariableTensors();
  // The model's SignatureDefs (read once; a malformed one is an error).
  const std::vector<HostedSignature>& Signatures();
  // Whether the model is read in place (not copied).
  bool model_in_place() const { return hosted_.model_in_place(); }

  size_t arena_size() const { return hosted_.arena_size(); }
  // From any thread, also while Invoke runs (HostedInterpreter::SetCancelled).
  void SetCancelled(bool cancelled) { hosted_.SetCancelled(cancelled); }
  size_t arena_used_bytes() const { return hosted_.arena_used_bytes(); }
  size_t arena_required_bytes() const {
    return hosted_.arena_required_bytes();
  }

 private:
  void CheckIndex(bool input, int index) const;
  // Throws hosted_.error(); a too-small arena's message says for `what`
  // ("this model", "these input shapes") and how much it needs.
  [[noreturn]] void Throw(const char* java_class, const char* what) const;

  HostedInterpreter hosted_;
  std::vector<HostedSignature> signatures_;
  bool signatures_read_ = false;
};

}  // namespace jni
}  // namespace tflite

#endif  // JAVA_SRC_MAIN_NATIVE_NATIVE_INTERPRETER_H_
