// The C++ side of tflite_micro.runtime: owns the model bytes, the arena and
// a MicroInterpreter, and converts between numpy arrays and tensors. Every
// check that protects memory (index, dtype, shape, size) happens here.
#ifndef PYTHON_TFLITE_MICRO_INTERPRETER_WRAPPER_H_
#define PYTHON_TFLITE_MICRO_INTERPRETER_WRAPPER_H_

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "python/tflite_micro/python_ops_resolver.h"
#include "tensorflow/lite/micro/micro_interpreter.h"

namespace tflite {

struct AlignedDeleter {
  void operator()(uint8_t* memory) const;
};
using AlignedBytes = std::unique_ptr<uint8_t[], AlignedDeleter>;

class InterpreterWrapper {
 public:
  // arena_size 0: 10x the model size, grown to the model's minimum when
  // that is not enough (an explicit size is never grown).
  InterpreterWrapper(const pybind11::bytes& model,
                     const std::vector<std::string>& registerers,
                     size_t arena_size, bool preserve_all_tensors);
  ~InterpreterWrapper();

  void SetInput(const pybind11::object& value, int64_t index);
  pybind11::array GetOutput(int64_t index);
  pybind11::array GetTensor(int64_t tensor_index, int64_t subgraph_index);
  void Invoke();
  void Reset();
  void ResizeInput(int64_t index, const std::vector<int64_t>& shape);
  pybind11::dict GetInputDetails(int64_t index);
  pybind11::dict GetOutputDetails(int64_t index);
  std::string FormatAllocations() const;

  size_t NumInputs() const { return interpreter_->inputs_size(); }
  size_t NumOutputs() const { return interpreter_->outputs_size(); }
  size_t arena_size() const { return arena_size_; }
  size_t arena_used_bytes() const { return interpreter_->arena_used_bytes(); }
  size_t arena_required_bytes() const {
    return interpreter_->arena_required_bytes();
  }

 private:
  // Whether Invoke releases the GIL (see Invoke).
  bool release_gil_ = true;
  void CheckIndex(int64_t index, size_t count, const char* what) const;
  // Allocates (after a resize); grows the arena if that is allowed.
  void Allocate();
  // A fresh interpreter over a fresh arena of `arena_size` bytes, with the
  // inputs at input_shapes_ (empty: the model's shapes).
  void CreateInterpreter(size_t arena_size);
  TfLiteStatus ApplyInputShapes(MicroInterpreter* interpreter);
  std::string ArenaTooSmallMessage(const std::string& core_message);
  pybind11::dict Details(int tensor_index, const TfLiteEvalTensor* tensor);
  // The smallest arena for the current input shapes (0 if unknown).
  size_t MeasureRequiredArena() const;

  AlignedBytes model_;
  size_t model_size_ = 0;
  std::unique_ptr<PythonOpsResolver> resolver_;
  AlignedBytes arena_;
  size_t arena_size_ = 0;
  bool grow_arena_ = false;
  bool preserve_all_tensors_ = false;
  // The shapes given with resize_input, kept to rebuild the interpreter.
  std::vector<std::vector<int32_t>> input_shapes_;
  std::unique_ptr<MicroInterpreter> interpreter_;
};

// Looks up and runs custom-op registerers by C symbol name.
void RegisterCustomOps(const std::vector<std::string>& registerers,
                       PythonOpsResolver* resolver);

}  // namespace tflite

#endif  // PYTHON_TFLITE_MICRO_INTERPRETER_WRAPPER_H_
