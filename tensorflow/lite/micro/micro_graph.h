// Runs the nodes of each subgraph through their kernels' init, prepare,
// invoke, reset and free, and tracks which subgraph is current (kernels
// resolve tensor indices against it).
#ifndef TENSORFLOW_LITE_MICRO_MICRO_GRAPH_H_
#define TENSORFLOW_LITE_MICRO_MICRO_GRAPH_H_

#include <cstddef>

#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/micro/micro_common.h"
#include "tensorflow/lite/micro/micro_profiler_interface.h"
#include "tensorflow/lite/micro/model_checks.h"
#include "tensorflow/lite/schema/schema_generated.h"

namespace tflite {

class MicroAllocator;
class MicroContext;

class MicroGraph {
 public:
  MicroGraph(TfLiteContext* context, const Model* model,
             MicroAllocator* allocator);

  void SetModel(const Model* model) { model_ = model; }
  void SetSubgraphAllocations(SubgraphAllocations* subgraph_allocations) {
    subgraphs_ = subgraph_allocations;
  }
  SubgraphAllocations* GetAllocations() { return subgraphs_; }
  void SetProfiler(MicroProfilerInterface* profiler) { profiler_ = profiler; }
  // Asked before every node and every subgraph run (so at least twice per
  // WHILE iteration); true stops InvokeSubgraph with an error. nullptr: never.
  void SetCancellationCheck(bool (*check)(void* data), void* data) {
    cancellation_check_ = check;
    cancellation_data_ = data;
  }

  // init() of every node of every subgraph.
  TfLiteStatus InitSubgraphs();
  // prepare() of every subgraph not prepared yet (a control-flow kernel may
  // have prepared the ones it calls already).
  TfLiteStatus PrepareSubgraphs();
  // prepare() of one subgraph's nodes; control-flow kernels call this after
  // giving the subgraph's inputs their shapes.
  TfLiteStatus PrepareSubgraph(int subgraph_idx);
  TfLiteStatus InvokeSubgraph(int subgraph_idx);
  // reset() of every node (clears kernel state).
  TfLiteStatus ResetSubgraphs();
  // free() of every node that was initialized.
  void FreeSubgraphs();

  int NumSubgraphs() const;
  size_t NumSubgraphInputs(int subgraph_idx) const;
  TfLiteEvalTensor* GetSubgraphInput(int subgraph_idx, int input_idx);
  size_t NumSubgraphOutputs(int subgraph_idx) const;
  TfLiteEvalTensor* GetSubgraphOutput(int subgraph_idx, int output_idx);
  // True for tensors whose shape cannot change: constants (data in the
  // model) and variable tensors (buffers sized when the model is loaded).
  bool IsFixedTensor(int subgraph_idx, int tensor_idx) const;
  // The model's description of a tensor (for what TfLiteTensor does not
  // carry, e.g. sparsity), and the bytes of its data in the model.
  const Tensor* GetModelTensor(int subgraph_idx, int tensor_idx) const;
  ConstantData GetConstantData(int subgraph_idx, int tensor_idx) const;
  // Tensor index in the subgraph of its input/output number i.
  int SubgraphInputIndex(int subgraph_idx, int input_idx) const;
  int SubgraphOutputIndex(int subgraph_idx, int output_idx) const;

  int GetCurrentSubgraphIndex() const { return current_subgraph_index_; }
  int GetCurrentNodeIndex() const { return current_node_index_; }
  TfLiteEvalTensor* CurrentTensors() const { return current_tensors_; }
  int CurrentTensorsSize() const { return current_tensors_size_; }

 private:
  void SetCurrentSubgraph(int subgraph_idx);
  TfLiteStatus ReportNodeFailure(const char* phase, int subgraph_idx,
                                 int node_idx, TfLiteStatus status,
                                 size_t message_mark);
  const char* NodeName(int subgraph_idx, int node_idx) const;
  bool Cancelled() const {
    return cancellation_check_ != nullptr &&
           cancellation_check_(cancellation_data_);
  }

  TfLiteContext* context_;
  const Model* model_;
  MicroAllocator* allocator_;
  MicroProfilerInterface* profiler_ = nullptr;
  bool (*cancellation_check_)(void* data) = nullptr;
  void* cancellation_data_ = nullptr;
  SubgraphAllocations* subgraphs_ = nullptr;
  int current_subgraph_index_ = 0;
  int current_node_index_ = -1;
  TfLiteEvalTensor* current_tensors_ = nullptr;
  int current_tensors_size_ = 0;
  // How many PrepareSubgraph calls are running (control flow nests them).
  int prepare_depth_ = 0;
  // Nodes [0, initialized_nodes_) of each subgraph ran init(), in subgraph
  // order; used to free exactly those.
  int initialized_subgraphs_ = 0;
  int initialized_nodes_in_last_ = 0;
};

}  // namespace tflite

#endif  // TENSORFLOW_LITE_MICRO_MICRO_GRAPH_H_
