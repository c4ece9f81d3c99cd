// The C++ side of tflite_micro.runtime: a HostedInterpreter (the model's
// bytes, arena, options; tensorflow/lite/micro/host/hosted_interpreter.h)
// and the conversions between numpy arrays and tensors, and between its
// errors and Python's exceptions. Every check that protects memory (index,
// dtype, shape, size) happens here.
#ifndef PYTHON_TFLITE_MICRO_INTERPRETER_WRAPPER_H_
#define PYTHON_TFLITE_MICRO_INTERPRETER_WRAPPER_H_

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "tensorflow/lite/micro/host/hosted_interpreter.h"
#include "tensorflow/lite/micro/micro_interpreter.h"
#include "tensorflow/lite/micro/micro_profiler_interface.h"

namespace tflite {

// Thrown for an index (input, output, tensor, subgraph) out of range; Python
// sees it as _runtime.IndexOutOfRangeError, both an IndexError (as TFLM's
// wheel raises) and a ValueError (as this package raised before).
class IndexOutOfRange : public std::out_of_range {
 public:
  using std::out_of_range::out_of_range;
};

// Thrown when no loaded library exports a named registerer; Python sees it
// as _runtime.RegistererNotFoundError, both a RuntimeError (TFLM's class) and
// a ValueError (this package's before).
class RegistererNotFound : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Times each node's invoke, accumulating per node until Clear(). It lives in
// the binding (it uses the heap); the core only calls BeginEvent/EndEvent
// around each kernel's invoke. Nodes of subgraphs that IF/WHILE/CALL_ONCE
// call run inside their caller's event: their time counts in the caller's
// total but not in its self time.
class NodeProfiler : public MicroProfilerInterface {
 public:
  struct Record {
    int subgraph = 0;
    int node = 0;
    std::string op;
    uint64_t count = 0;     // times the node ran
    uint64_t total_ns = 0;  // including the subgraphs it called
    uint64_t self_ns = 0;   // excluding them
  };

  // The interpreter whose current node each event is attributed to (the
  // hosted one: its MicroInterpreter is rebuilt when the arena grows).
  void set_interpreter(const HostedInterpreter* interpreter) {
    interpreter_ = interpreter;
  }
  void set_enabled(bool enabled) { enabled_ = enabled; }
  bool enabled() const { return enabled_; }
  void Clear();
  // Ordered by (subgraph, node).
  std::vector<Record> records() const;

  uint32_t BeginEvent(const char* tag) override;
  void EndEvent(uint32_t event_handle) override;

 private:
  using Clock = std::chrono::steady_clock;
  struct OpenEvent {
    size_t record;
    Clock::time_point start;
    uint64_t children_ns;
  };

  const HostedInterpreter* interpreter_ = nullptr;
  bool enabled_ = false;
  std::map<std::pair<int, int>, size_t> index_;
  std::vector<Record> records_;
  std::vector<OpenEvent> open_;
};

class InterpreterWrapper {
 public:
  // arena_size 0: 10x the model size, grown to the model's minimum when
  // that is not enough (an explicit size is never grown). The model's bytes
  // are read in place (kept referenced; bytes are immutable) when aligned.
  InterpreterWrapper(const pybind11::bytes& model,
                     const std::vector<std::string>& registerers,
                     size_t arena_size, bool preserve_all_tensors,
                     bool litert_arithmetic, bool preserve_inputs,
                     size_t max_arena_size);

  void SetInput(const pybind11::object& value, int64_t index);
  pybind11::array GetOutput(int64_t index);
  // Any tensor of any subgraph. Without preserve_all_tensors an intermediate
  // tensor (one whose memory the planner shares) raises RuntimeError; model
  // inputs (when preserved), outputs, constants and variables stay readable.
  pybind11::array GetTensor(int64_t tensor_index, int64_t subgraph_index);
  // The details get_input_details gives, of any tensor of any subgraph.
  pybind11::dict GetTensorDetails(int64_t tensor_index, int64_t subgraph_index);
  // Status codes (kTfLiteOk, 0) as TFLM's binding returns them; failures
  // raise instead.
  int Invoke();
  int Reset();
  // Stops the running Invoke (from another thread), or the next one when
  // none runs; each Invoke clears the request when it returns.
  void Cancel() { hosted_.SetCancelled(true); }
  void ResizeInput(int64_t index, const std::vector<int64_t>& shape);
  pybind11::dict GetInputDetails(int64_t index);
  pybind11::dict GetOutputDetails(int64_t index);
  std::string FormatAllocations() const;

  // Per-node timing of invoke (see NodeProfiler); off until enabled.
  // The profiler is attached only while enabled: otherwise invoke would
  // still name every node and read the clock.
  void SetProfiling(bool enabled) {
    profiler_.set_enabled(enabled);
    hosted_.SetProfiler(enabled ? &profiler_ : nullptr);
  }
  bool profiling() const { return profiler_.enabled(); }
  void ResetProfile() { profiler_.Clear(); }
  // A list of dicts: subgraph, node, op, count, time_us, self_time_us.
  pybind11::list GetProfile() const;

  size_t NumInputs() const { return hosted_.inputs_size(); }
  size_t NumOutputs() const { return hosted_.outputs_size(); }
  size_t arena_size() const { return hosted_.arena_size(); }
  // Whether the model is read from the bytes object given (not copied).
  bool model_in_place() const { return hosted_.model_in_place(); }
  size_t arena_used_bytes() const { return hosted_.arena_used_bytes(); }
  size_t arena_required_bytes() const {
    return hosted_.arena_required_bytes();
  }

 private:
  // Whether Invoke releases the GIL (see Invoke); always for models with
  // control flow, whose run time can change from one invoke to the next
  // (and which cancel() must be able to stop).
  bool release_gil_ = true;
  bool always_release_gil_ = false;
  bool preserve_all_tensors_ = false;
  bool preserve_inputs_ = true;
  // Whether tensor `tensor_index` of subgraph `subgraph_index` keeps its
  // value after invoke (see GetTensor).
  bool TensorKept(int tensor_index, int subgraph_index) const;
  void CheckIndex(int64_t index, size_t count, const char* what) const;
  // `tensor`, or a RuntimeError when the tensors are not allocated.
  TfLiteEvalTensor* Allocated(TfLiteEvalTensor* tensor) const;
  // Raises hosted_.error() as Python's exception.
  [[noreturn]] void Raise() const;
  pybind11::dict Details(int tensor_index, const TfLiteEvalTensor* tensor,
                         int subgraph_index = 0);
  // Tensor `tensor_index` of subgraph `subgraph_index`, both range-checked
  // (IndexOutOfRange), or a RuntimeError when the tensors are not allocated.
  const TfLiteEvalTensor* AnyTensor(int64_t tensor_index,
                                    int64_t subgraph_index);

  // The model's bytes, read in place by hosted_ (declared before it).
  pybind11::bytes model_;
  // Outlives hosted_, whose interpreter calls it.
  NodeProfiler profiler_;
  HostedInterpreter hosted_;
};

// Names of the builtin operators the runtime has kernels for.
std::vector<std::string> BuiltinOpNames();
// Those of `names` that the runtime's resolver has without a registerer
// (TFLite's and TFLM's standard custom ops: DECODE, CIRCULAR_BUFFER,
// DETECTION_POSTPROCESS).
std::vector<std::string> StandardCustomOpNames(
    const std::vector<std::string>& names);

}  // namespace tflite

#endif  // PYTHON_TFLITE_MICRO_INTERPRETER_WRAPPER_H_
