// Runs a .tflite model inside one caller-given arena.
//
//   tflite::MicroMutableOpResolver<1> resolver;
//   resolver.AddFullyConnected();
//   alignas(16) static uint8_t arena[2048];
//   tflite::MicroInterpreter interpreter(model_bytes, model_size, resolver,
//                                        arena, sizeof(arena));
//   if (interpreter.AllocateTensors() != kTfLiteOk) {
//     printf("%s\n", interpreter.error_message());
//   }
//   interpreter.input(0)->data.int8[0] = 42;
//   interpreter.Invoke();
//
// No heap is used: everything lives in the arena or in this object. Every
// failure returns an error status and leaves a message naming what failed in
// error_message() (it is also printed through DebugLog unless disabled).
#ifndef TENSORFLOW_LITE_MICRO_MICRO_INTERPRETER_H_
#define TENSORFLOW_LITE_MICRO_MICRO_INTERPRETER_H_

#include <cstddef>
#include <cstdint>

#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/micro/micro_allocator.h"
#include "tensorflow/lite/micro/micro_context.h"
#include "tensorflow/lite/micro/micro_graph.h"
#include "tensorflow/lite/micro/micro_log.h"
#include "tensorflow/lite/micro/micro_op_resolver.h"
#include "tensorflow/lite/micro/micro_profiler_interface.h"
#include "tensorflow/lite/schema/schema_generated.h"

namespace tflite {

class MicroResourceVariables;

class MicroInterpreter {
 public:
  // The model's bytes are verified (structure, indices, sizes) before use;
  // prefer this constructor for models that come from outside.
  MicroInterpreter(const uint8_t* model_data, size_t model_size,
                   const MicroOpResolver& op_resolver, uint8_t* tensor_arena,
                   size_t tensor_arena_size,
                   MicroResourceVariables* resource_variables = nullptr,
                   MicroProfilerInterface* profiler = nullptr,
                   bool preserve_all_tensors = false);

  // TFLM-compatible: a model already mapped in memory. Without its size the
  // flatbuffer cannot be bounds-checked, only its contents.
  MicroInterpreter(const Model* model, const MicroOpResolver& op_resolver,
                   uint8_t* tensor_arena, size_t tensor_arena_size,
                   MicroResourceVariables* resource_variables = nullptr,
                   MicroProfilerInterface* profiler = nullptr,
                   bool preserve_all_tensors = false);

  ~MicroInterpreter();

  MicroInterpreter(const MicroInterpreter&) = delete;
  MicroInterpreter& operator=(const MicroInterpreter&) = delete;

  // Finds kernels, prepares them and plans the arena. Calling it again after
  // ResizeInputTensor re-plans from scratch.
  TfLiteStatus AllocateTensors();

  // Runs the model. Allocates first if needed.
  TfLiteStatus Invoke();

  // Clears kernel state, variable tensors and resource variables back to
  // their initial values.
  TfLiteStatus Reset();

  // TFLM's integer arithmetic (default) or LiteRT's, where they differ.
  // Takes effect at the next AllocateTensors.
  void SetArithmetic(MicroArithmetic arithmetic);
  MicroArithmetic arithmetic() const { return micro_context_.arithmetic(); }

  // Model inputs keep their values across Invoke by default (TFLM reuses
  // their memory). SetPreserveInputs(false) lets the planner reuse it after
  // the inputs' last reader, as TFLM does: a smaller arena (by up to the
  // inputs' size), and inputs must be set again before every Invoke. Takes
  // effect at the next AllocateTensors.
  void SetPreserveInputs(bool preserve);
  bool preserve_inputs() const { return allocator_.keep_model_inputs(); }

  // Gives model input `index` a new shape; dimensions that the model's shape
  // signature fixes must keep their value. Takes effect at the next
  // AllocateTensors (or Invoke).
  TfLiteStatus ResizeInputTensor(size_t index, const int32_t* dims, int rank);

  size_t inputs_size() const;
  size_t outputs_size() const;
  // Full descriptions of the model's inputs/outputs (after AllocateTensors).
  TfLiteTensor* input(size_t index);
  TfLiteTensor* output(size_t index);
  // Run-time views of the same tensors (nullptr unless allocated: after
  // ResizeInputTensor or a failed allocation, call AllocateTensors first).
  TfLiteEvalTensor* input_eval_tensor(size_t index);
  TfLiteEvalTensor* output_eval_tensor(size_t index);
  // Input/output `index` for reading its type and shape only: unlike the
  // above also available after ResizeInputTensor (the new shape) until the
  // next allocation, when its data must not be used. nullptr when out of
  // range or not allocated.
  const TfLiteEvalTensor* input_description(size_t index) const;
  const TfLiteEvalTensor* output_description(size_t index) const;
  // Tensor index (in subgraph 0) of input/output `index`.
  int input_tensor_index(size_t index) const;
  int output_tensor_index(size_t index) const;

  template <class T>
  T* typed_input_tensor(int index) {
    TfLiteTensor* tensor = input(static_cast<size_t>(index));
    return tensor == nullptr ? nullptr : reinterpret_cast<T*>(tensor->data.raw);
  }
  template <class T>
  T* typed_output_tensor(int index) {
    TfLiteTensor* tensor = output(static_cast<size_t>(index));
    return tensor == nullptr ? nullptr : reinterpret_cast<T*>(tensor->data.raw);
  }

  // Any tensor after Invoke (meaningful for all of them only with
  // preserve_all_tensors; otherwise planned buffers are reused). nullptr for
  // an index out of range or when the tensors are not allocated.
  TfLiteEvalTensor* GetTensor(int tensor_index, int subgraph_index = 0);

  size_t operators_size() const;
  const Model* model() const { return model_; }

  // Replaces the profiler given to the constructor (nullptr: none); not
  // while Invoke runs. Without one, invoke spends nothing on profiling.
  void SetProfiler(MicroProfilerInterface* profiler) {
    graph_.SetProfiler(profiler);
  }

  // Cancellation: `check(data)` is asked before every node and every
  // subgraph run (WHILE asks at least twice per iteration, IF and CALL_ONCE
  // once per call); when it returns true, Invoke stops there and fails with
  // "Invoke was cancelled". It may read a flag another thread or an
  // interrupt sets (a volatile bool on bare metal, an atomic on a host).
  // nullptr: never cancelled. Tensors hold partial results afterwards; the
  // next Invoke runs from the start.
  void SetCancellationCheck(bool (*check)(void* data), void* data) {
    graph_.SetCancellationCheck(check, data);
  }

  // The subgraph and node whose kernel is running. A profiler reads them in
  // BeginEvent to tell which node an event belongs to (nodes of subgraphs
  // called by IF/WHILE/CALL_ONCE run inside their caller's event).
  int current_subgraph_index() const {
    return graph_.GetCurrentSubgraphIndex();
  }
  int current_node_index() const { return graph_.GetCurrentNodeIndex(); }

  // Head + tail bytes in use after AllocateTensors.
  size_t arena_used_bytes() const { return allocator_.used_bytes(); }
  // The smallest arena (in bytes, for a 16-byte aligned buffer) with which
  // AllocateTensors succeeds for this model and input shapes.
  size_t arena_required_bytes() const {
    return allocator_.required_arena_bytes();
  }
  size_t arena_head_bytes() const { return allocator_.head_bytes(); }
  size_t arena_tail_bytes() const { return allocator_.tail_bytes(); }
  // True when AllocateTensors failed only because the arena was too small.
  bool arena_too_small() const { return arena_too_small_; }

  // Arena usage by kind; see recording_micro_allocator.h for the format.
  void PrintAllocations() const;
  size_t FormatAllocations(char* buffer, size_t buffer_size) const;
  const RecordingMicroAllocator& allocation_recorder() const {
    return allocator_.recorder();
  }

  TfLiteStatus initialization_status() const { return init_status_; }
  // The message of the last failed call ("" if none).
  const char* error_message() const { return errors_.text(); }
  // Whether failures are also printed through DebugLog (default true).
  void set_log_errors(bool log_errors) { log_errors_ = log_errors; }

  bool preserve_all_tensors() const { return preserve_all_tensors_; }

  // The resource variables in use: the application's, or the table the
  // interpreter made in the arena for a model with VAR_HANDLE ops (nullptr
  // before AllocateTensors or when the model has none).
  MicroResourceVariables* resource_variables() {
    return micro_context_.resource_variables();
  }

 private:
  enum class State { kNew, kAllocated, kNeedsAllocation, kFailed };

  void Init(MicroResourceVariables* resource_variables,
            MicroProfilerInterface* profiler);
  TfLiteStatus CheckModel();
  TfLiteStatus AllocateTensorsImpl();
  TfLiteStatus Fail(const char* what);
  TfLiteStatus EnsureAllocated(const char* call);
  TfLiteStatus SetUpResourceVariables();

  const Model* model_;
  const uint8_t* model_data_;
  size_t model_size_;
  const MicroOpResolver& op_resolver_;
  MicroAllocator allocator_;
  TfLiteContext context_ = {};
  MicroGraph graph_;
  MicroContext micro_context_;
  SubgraphAllocations* subgraphs_ = nullptr;
  // Given by the application (may be nullptr).
  MicroResourceVariables* user_resource_variables_ = nullptr;
  TfLiteTensor** input_tensors_ = nullptr;
  TfLiteTensor** output_tensors_ = nullptr;
  State state_ = State::kNew;
  TfLiteStatus init_status_ = kTfLiteOk;
  bool model_checked_ = false;
  bool preserve_all_tensors_;
  bool log_errors_ = true;
  bool arena_too_small_ = false;
  MicroErrorBuffer errors_;
};

}  // namespace tflite

#endif  // TENSORFLOW_LITE_MICRO_MICRO_INTERPRETER_H_
