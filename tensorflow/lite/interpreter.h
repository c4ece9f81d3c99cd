// TFLite's Interpreter over this project's host layer: one model run in its
// own arena by a MicroInterpreter (through tflite::HostedInterpreter, which
// sizes the arena and grows it when a resize needs more).
//
//   std::unique_ptr<tflite::Interpreter> interpreter;
//   tflite::InterpreterBuilder(*model, resolver)(&interpreter);
//   interpreter->ResizeInputTensor(interpreter->inputs()[0], {1, 4});
//   interpreter->AllocateTensors();
//   float* input = interpreter->typed_input_tensor<float>(0);
//   interpreter->Invoke();
//   float* output = interpreter->typed_output_tensor<float>(0);
//
// Tensor indices (inputs(), outputs(), tensor(i)) are subgraph 0's, as in
// TFLite; the `index` of input_tensor/typed_input_tensor is a position in
// inputs(). Failures return kTfLiteError (or nullptr) after reporting the
// reason to the ErrorReporter of the model.
//
// Differences from TFLite: tensors are planned by the micro allocator, so
// intermediate tensors share memory and keep their values after Invoke only
// with preserve_all_tensors (see HostedOptions); one thread (SetNumThreads
// is accepted and ignored); no delegates, no NNAPI, no dynamic tensors.
// Data pointers stay valid until the next ResizeInputTensor/AllocateTensors.
#ifndef TENSORFLOW_LITE_INTERPRETER_H_
#define TENSORFLOW_LITE_INTERPRETER_H_

#include <complex>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "tensorflow/lite/core/api/error_reporter.h"
#include "tensorflow/lite/core/api/op_resolver.h"
#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/micro/host/hosted_interpreter.h"
#include "tensorflow/lite/model.h"

namespace tflite {

class InterpreterBuilder;
class ModelKernels;

// The TfLiteType of a C++ element type (kTfLiteNoType if none).
template <class T>
constexpr TfLiteType typeToTfLiteType() {
  return kTfLiteNoType;
}
#define TFLITE_ELEMENT_TYPE_(cpp_type, tflite_type) \
  template <>                                       \
  constexpr TfLiteType typeToTfLiteType<cpp_type>() { \
    return tflite_type;                             \
  }
TFLITE_ELEMENT_TYPE_(float, kTfLiteFloat32)
TFLITE_ELEMENT_TYPE_(double, kTfLiteFloat64)
TFLITE_ELEMENT_TYPE_(int8_t, kTfLiteInt8)
TFLITE_ELEMENT_TYPE_(uint8_t, kTfLiteUInt8)
TFLITE_ELEMENT_TYPE_(int16_t, kTfLiteInt16)
TFLITE_ELEMENT_TYPE_(uint16_t, kTfLiteUInt16)
TFLITE_ELEMENT_TYPE_(int32_t, kTfLiteInt32)
TFLITE_ELEMENT_TYPE_(uint32_t, kTfLiteUInt32)
TFLITE_ELEMENT_TYPE_(int64_t, kTfLiteInt64)
TFLITE_ELEMENT_TYPE_(uint64_t, kTfLiteUInt64)
TFLITE_ELEMENT_TYPE_(bool, kTfLiteBool)
TFLITE_ELEMENT_TYPE_(TfLiteFloat16, kTfLiteFloat16)
TFLITE_ELEMENT_TYPE_(std::complex<float>, kTfLiteComplex64)
TFLITE_ELEMENT_TYPE_(std::complex<double>, kTfLiteComplex128)
#undef TFLITE_ELEMENT_TYPE_

class Interpreter {
 public:
  ~Interpreter();
  Interpreter(const Interpreter&) = delete;
  Interpreter& operator=(const Interpreter&) = delete;

  // Tensor indices of the model's inputs and outputs.
  const std::vector<int>& inputs() const { return inputs_; }
  const std::vector<int>& outputs() const { return outputs_; }
  // Tensor indices of the variable tensors.
  const std::vector<int>& variables() const { return variables_; }
  size_t tensors_size() const { return tensors_.size(); }
  size_t nodes_size() const;
  // The tensor names of input/output `index` (nullptr when out of range).
  const char* GetInputName(int index) const;
  const char* GetOutputName(int index) const;

  // The description and data of a tensor; nullptr for an index out of
  // range. Its data is nullptr while the tensors are not allocated.
  TfLiteTensor* tensor(int tensor_index);
  const TfLiteTensor* tensor(int tensor_index) const;
  // Input/output `index` (a position in inputs()/outputs()).
  TfLiteTensor* input_tensor(size_t index);
  TfLiteTensor* output_tensor(size_t index);

  // The tensor's data as T*, or nullptr when the index is out of range or
  // the tensor's type is not T's.
  template <class T>
  T* typed_tensor(int tensor_index) {
    TfLiteTensor* found = tensor(tensor_index);
    if (found == nullptr || found->type != typeToTfLiteType<T>()) {
      return nullptr;
    }
    return reinterpret_cast<T*>(found->data.raw);
  }
  template <class T>
  const T* typed_tensor(int tensor_index) const {
    const TfLiteTensor* found = tensor(tensor_index);
    if (found == nullptr || found->type != typeToTfLiteType<T>()) {
      return nullptr;
    }
    return reinterpret_cast<const T*>(found->data.raw);
  }
  template <class T>
  T* typed_input_tensor(int index) {
    return typed_tensor<T>(TensorAt(inputs_, index, "Input"));
  }
  template <class T>
  const T* typed_input_tensor(int index) const {
    return typed_tensor<T>(TensorAt(inputs_, index, "Input"));
  }
  template <class T>
  T* typed_output_tensor(int index) {
    return typed_tensor<T>(TensorAt(outputs_, index, "Output"));
  }
  template <class T>
  const T* typed_output_tensor(int index) const {
    return typed_tensor<T>(TensorAt(outputs_, index, "Output"));
  }

  // Gives the input whose tensor index is `tensor_index` a new shape, in
  // force from the next AllocateTensors (call it before Invoke). Dimensions
  // the model's shape signature fixes must keep their value.
  TfLiteStatus ResizeInputTensor(int tensor_index,
                                 const std::vector<int>& dims);
  // The same, but only dimensions the signature leaves open (-1) may change.
  TfLiteStatus ResizeInputTensorStrict(int tensor_index,
                                       const std::vector<int>& dims);
  // Plans the tensors for the current shapes; the arena grows as needed.
  TfLiteStatus AllocateTensors();
  TfLiteStatus Invoke();
  // Accepted for compatibility: kernels run on the calling thread.
  // (-1: the default; kTfLiteError below that.)
  TfLiteStatus SetNumThreads(int num_threads);
  // Variable tensors and kernel state back to their initial values.
  TfLiteStatus ResetVariableTensors();
  // Cancellation, from any thread: Cancel stops the running Invoke before
  // its next operator or loop iteration (Invoke then reports "cancelled"
  // and returns kTfLiteError); with none running, the next Invoke is
  // cancelled. Each Invoke clears the request as it returns. Always enabled.
  TfLiteStatus EnableCancellation() { return kTfLiteOk; }
  TfLiteStatus Cancel() {
    hosted_.SetCancelled(true);
    return kTfLiteOk;
  }
  // Accepted and ignored (float kernels compute in float32).
  void SetAllowFp16PrecisionForFp32(bool /*allow*/) {}

  ErrorReporter* error_reporter() const { return error_reporter_; }

  // Not in TFLite: the host-layer interpreter underneath (arena sizes,
  // profiler, the MicroInterpreter itself).
  HostedInterpreter& hosted() { return hosted_; }
  const HostedInterpreter& hosted() const { return hosted_; }

 private:
  friend class InterpreterBuilder;
  Interpreter(const FlatBufferModel& model, ErrorReporter* error_reporter);
  // Takes the kernels of the model's operators from `op_resolver` and
  // loads the model; false after reporting why not.
  bool Load(const OpResolver& op_resolver, size_t arena_size,
            size_t max_arena_size);
  // tensors[index], or -1 after reporting that `what` (Input/Output)
  // `index` does not exist.
  int TensorAt(const std::vector<int>& tensors, int index,
               const char* what) const;
  // Brings tensors_[tensor_index] up to date with the interpreter.
  void Refresh(int tensor_index) const;
  TfLiteStatus Report(const char* format, ...) const;
  TfLiteStatus ReportHostedError(const char* call) const;

  const FlatBufferModel& model_;
  ErrorReporter* error_reporter_;
  // Declared before hosted_, which looks kernels up in it.
  std::unique_ptr<ModelKernels> kernels_;
  HostedInterpreter hosted_;
  std::vector<int> inputs_;
  std::vector<int> outputs_;
  std::vector<int> variables_;
  // Subgraph 0's tensors as TfLiteTensor, filled in on access.
  mutable std::vector<TfLiteTensor> tensors_;
  std::vector<TfLiteAffineQuantization> quantization_;
  // Per tensor: a TfLiteIntArray of its zero points (size, then values).
  std::vector<std::vector<int>> zero_points_;
  // A ResizeInputTensor awaits AllocateTensors.
  bool resized_ = false;
};

}  // namespace tflite

#endif  // TENSORFLOW_LITE_INTERPRETER_H_
