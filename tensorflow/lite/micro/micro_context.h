// What a kernel can ask of the interpreter, through TfLiteContext or
// GetMicroContext(context): memory (persistent, scratch, temporary tensors),
// tensors of the current subgraph, and the graph itself (control flow).
// Each call is only valid in some phases; a call in the wrong phase fails
// with a message instead of corrupting the arena.
#ifndef TENSORFLOW_LITE_MICRO_MICRO_CONTEXT_H_
#define TENSORFLOW_LITE_MICRO_MICRO_CONTEXT_H_

#include <cstddef>
#include <cstdint>

#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/micro/micro_common.h"
#include "tensorflow/lite/micro/micro_graph.h"

namespace tflite {

class MicroAllocator;
class MicroResourceVariables;

class MicroContext {
 public:
  enum class State { kIdle, kInit, kPrepare, kInvoke };

  MicroContext(MicroAllocator* allocator, MicroGraph* graph);

  // Memory that lives as long as the interpreter (init and prepare only).
  void* AllocatePersistentBuffer(size_t bytes);
  // Planned memory for use during invoke (request in prepare, get in invoke).
  TfLiteStatus RequestScratchBufferInArena(size_t bytes, int* buffer_idx);
  void* GetScratchBuffer(int buffer_idx);
  // Prepare only: this node's kernel computes correctly when output
  // `output_index` starts at the address of input `input_index`; the
  // planner then shares their memory when the input is not read later.
  TfLiteStatus AllowInPlace(int input_index, int output_index);
  // Prepare of RESHAPE, SQUEEZE and EXPAND_DIMS, whose output holds the
  // input's bytes unchanged: the planner may give both one buffer.
  void AllowOutputSharingInput();

  // Full tensor descriptions, valid until the end of the current prepare.
  TfLiteTensor* AllocateTempTfLiteTensor(int tensor_idx);
  TfLiteTensor* AllocateTempInputTensor(const TfLiteNode* node, int index);
  TfLiteTensor* AllocateTempOutputTensor(const TfLiteNode* node, int index);
  TfLiteTensor* AllocateTempIntermediateTensor(const TfLiteNode* node,
                                               int index);
  void DeallocateTempTfLiteTensor(TfLiteTensor* tensor);
  uint8_t* AllocateTempBuffer(size_t size, size_t alignment);
  void DeallocateTempBuffer(uint8_t* buffer);

  // Gives a non-constant tensor a new shape (prepare only). Kernels derive
  // their outputs' shapes this way.
  TfLiteStatus ResizeTensor(TfLiteTensor* tensor, int rank,
                            const int32_t* dims);
  // Same for a tensor of any subgraph by its run-time view (control flow).
  TfLiteStatus ResizeEvalTensor(TfLiteEvalTensor* tensor, int rank,
                                const int32_t* dims);

  TfLiteEvalTensor* GetEvalTensor(int tensor_idx) {
    return tensor_idx >= 0 && tensor_idx < graph_->CurrentTensorsSize()
               ? &graph_->CurrentTensors()[tensor_idx]
               : nullptr;
  }

  MicroGraph& graph() { return *graph_; }

  void* external_context() { return external_context_; }
  TfLiteStatus set_external_context(void* external_context) {
    external_context_ = external_context;
    return kTfLiteOk;
  }

  MicroResourceVariables* resource_variables() { return resource_variables_; }
  void set_resource_variables(MicroResourceVariables* variables) {
    resource_variables_ = variables;
  }

  // Kernels whose result depends on it read this while preparing.
  MicroArithmetic arithmetic() const { return arithmetic_; }
  void set_arithmetic(MicroArithmetic arithmetic) { arithmetic_ = arithmetic; }

  State state() const { return state_; }
  void SetState(State state) { state_ = state; }

 private:
  bool InState(State a, const char* call);
  bool InState(State a, State b, const char* call);

  MicroAllocator* allocator_;
  MicroGraph* graph_;
  void* external_context_ = nullptr;
  MicroResourceVariables* resource_variables_ = nullptr;
  State state_ = State::kIdle;
  MicroArithmetic arithmetic_ = MicroArithmetic::kTflm;
};

inline MicroContext* GetMicroContext(const TfLiteContext* context) {
  return static_cast<MicroContext*>(context->impl_);
}

// Fills `context`'s function table so that it forwards to `micro_context`.
void InitTfLiteContext(TfLiteContext* context, MicroContext* micro_context);

}  // namespace tflite

#endif  // TENSORFLOW_LITE_MICRO_MICRO_CONTEXT_H_
