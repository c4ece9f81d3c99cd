// The C++ object behind one org.tensorflow.lite.micro.Interpreter: owns (or
// borrows) the model bytes, the op resolver, the arena and the
// MicroInterpreter. Knows nothing of JNI; failures throw JavaError, which the
// JNI layer turns into the named Java exception.
#ifndef JAVA_SRC_MAIN_NATIVE_NATIVE_INTERPRETER_H_
#define JAVA_SRC_MAIN_NATIVE_NATIVE_INTERPRETER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "python/tflite_micro/python_ops_resolver.h"
#include "tensorflow/lite/micro/host/custom_op_registerers.h"
#include "tensorflow/lite/micro/micro_interpreter.h"

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

// The model and arena need 16-byte alignment (flatbuffer verification and
// the arena planner assume it).
constexpr size_t kAlignment = 16;

struct FreeDeleter {
  void operator()(uint8_t* memory) const;
};
using AlignedBytes = std::unique_ptr<uint8_t[], FreeDeleter>;
AlignedBytes AllocateAligned(size_t size);

class NativeInterpreter {
 public:
  // Reads the model from `owned_model` when given, else from `model` in
  // place (the caller keeps it alive and unchanged) if it is aligned, else
  // from an aligned private copy of it.
  NativeInterpreter(const uint8_t* model, size_t model_size,
                    AlignedBytes owned_model, size_t arena_size,
                    const std::vector<std::string>& registerers);
  ~NativeInterpreter();

  NativeInterpreter(const NativeInterpreter&) = delete;
  NativeInterpreter& operator=(const NativeInterpreter&) = delete;

  size_t InputCount() const { return interpreter_->inputs_size(); }
  size_t OutputCount() const { return interpreter_->outputs_size(); }

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
  // Whether the model is read in place (not copied).
  bool model_in_place() const { return model_copy_ == nullptr; }

  size_t arena_size() const { return arena_size_; }
  size_t arena_used_bytes() const { return interpreter_->arena_used_bytes(); }
  size_t arena_required_bytes() const {
    return interpreter_->arena_required_bytes();
  }

 private:
  void CheckIndex(bool input, int index) const;
  size_t MeasureRequiredArena() const;
  std::string ArenaAdvice(const char* what) const;

  AlignedBytes model_copy_;
  const uint8_t* model_ = nullptr;
  size_t model_size_ = 0;
  std::unique_ptr<PythonOpsResolver> resolver_;
  AlignedBytes arena_;
  size_t arena_size_ = 0;
  std::unique_ptr<MicroInterpreter> interpreter_;
  // Shapes given to ResizeInput, replayed when measuring the needed arena.
  std::vector<std::vector<int32_t>> resized_inputs_;
  std::vector<bool> resized_;
  bool needs_allocation_ = false;
  // The last allocation failed: the next use re-plans with the model's own
  // input shapes (see Recover).
  bool failed_ = false;
  void Recover();
};

// Bytes of a tensor's data (its element count times the element size).
size_t TensorBytes(const TfLiteEvalTensor* tensor);

// "[1, 4]"
std::string ShapeString(const TfLiteIntArray* dims);

}  // namespace jni
}  // namespace tflite

#endif  // JAVA_SRC_MAIN_NATIVE_NATIVE_INTERPRETER_H_
