// Everything the interpreter keeps in the arena, and the memory plan.
//
// Allocation happens in three steps, driven by MicroInterpreter:
//  1. StartModelAllocation: tensor and node structs for every subgraph, parsed
//     operator options, variable tensors (all persistent, in the tail).
//  2. Kernels' init and prepare run; they allocate persistent buffers, use
//     temporary TfLiteTensors and request scratch buffers.
//  3. FinishModelAllocation: computes every planned buffer's lifetime over the
//     execution order (subgraphs called by IF/WHILE/CALL_ONCE are nested at
//     the calling node), lays the buffers out in the head and hands out data
//     pointers.
#ifndef TENSORFLOW_LITE_MICRO_MICRO_ALLOCATOR_H_
#define TENSORFLOW_LITE_MICRO_MICRO_ALLOCATOR_H_

#include <cstddef>
#include <cstdint>

#include "tensorflow/lite/core/api/flatbuffer_conversions.h"
#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/micro/arena_allocator/single_arena_buffer_allocator.h"
#include "tensorflow/lite/micro/memory_planner/greedy_memory_planner.h"
#include "tensorflow/lite/micro/micro_common.h"
#include "tensorflow/lite/micro/micro_op_resolver.h"
#include "tensorflow/lite/micro/model_checks.h"
#include "tensorflow/lite/micro/recording_micro_allocator.h"
#include "tensorflow/lite/schema/schema_generated.h"

namespace tflite {

// A TfLiteTensor as handed out by the allocator: it remembers the run-time
// tensor it describes so shape changes reach both.
struct MicroTensor {
  TfLiteTensor tensor;
  TfLiteAffineQuantization quantization;
  TfLiteEvalTensor* eval;
};

class MicroAllocator {
 public:
  MicroAllocator(uint8_t* arena, size_t arena_size);

  MicroAllocator(const MicroAllocator&) = delete;
  MicroAllocator& operator=(const MicroAllocator&) = delete;

  // `file_data`/`file_size` may be nullptr/0 when only the Model is known.
  void SetModel(const Model* model, const uint8_t* file_data,
                size_t file_size);

  // Forgets all allocations (for a fresh AllocateTensors).
  void ResetAll();

  // Whether model inputs keep their values across Invoke (default): their
  // buffers then live for the whole invoke. Without it the planner may reuse
  // an input's memory after its last reader, as TFLM does, saving up to the
  // inputs' size. Takes effect at the next FinishModelAllocation.
  void set_keep_model_inputs(bool keep) { keep_model_inputs_ = keep; }
  bool keep_model_inputs() const { return keep_model_inputs_; }

  // Step 1. Returns one SubgraphAllocations per subgraph.
  TfLiteStatus StartModelAllocation(const MicroOpResolver& resolver,
                                    SubgraphAllocations** subgraphs);

  // Step 3.
  TfLiteStatus FinishModelAllocation(SubgraphAllocations* subgraphs,
                                     bool preserve_all_tensors);

  // ---- used by kernels through MicroContext
  void* AllocatePersistentBuffer(size_t bytes);
  // The kernel of `node` computes correctly when its output tensor
  // `output_tensor` starts at the address of its input tensor `input_tensor`
  // (prepare only). The planner then lets them share memory when nothing
  // reads the input after the node. Up to kMaxInPlace requests are kept
  // (later ones are ignored: they only save memory).
  TfLiteStatus AllowInPlace(int subgraph, int node, int input_tensor,
                            int output_tensor);
  // Lets the plan give tensors a shared buffer: the output of a reshape-like
  // node (RESHAPE, SQUEEZE, EXPAND_DIMS: its input's bytes unchanged) and
  // in-place outputs (AllowInPlace). Called by the kernels that can share,
  // while preparing; the sharing code is only linked into programs with
  // such kernels.
  void EnableBufferSharing();

  TfLiteStatus RequestScratchBufferInArena(size_t bytes, int subgraph,
                                           int node, int* buffer_index);
  void* GetScratchBuffer(int buffer_index) const;

  TfLiteTensor* AllocateTempTfLiteTensor(SubgraphAllocations* subgraphs,
                                         int subgraph, int tensor_index);
  void DeallocateTempTfLiteTensor(TfLiteTensor* tensor);
  uint8_t* AllocateTempBuffer(size_t size, size_t alignment);
  void DeallocateTempBuffer(uint8_t* buffer);

  // Changes a non-constant tensor's shape (and its TfLiteTensor view).
  TfLiteStatus ResizeTensor(TfLiteTensor* tensor, int rank,
                            const int32_t* dims);
  TfLiteStatus ResizeEvalTensor(TfLiteEvalTensor* tensor, int rank,
                                const int32_t* dims);

  // Prepare of one node is bracketed by these. Control-flow kernels prepare
  // other subgraphs inside their own prepare, so these nest; temporaries are
  // dropped when the outermost prepare ends.
  void BeginNodePrepare();
  void EndNodePrepare();

  // A persistent TfLiteTensor for a subgraph input or output (model I/O).
  TfLiteTensor* AllocatePersistentTfLiteTensor(SubgraphAllocations* subgraphs,
                                               int subgraph, int tensor_index);

  // Writes initial values into variable tensors of every subgraph.
  void ResetVariableTensors(SubgraphAllocations* subgraphs);

  // Keeps a copy of subgraph 0's input shapes in temp memory across a
  // ResetAll(), so a re-allocation after ResizeInputTensor keeps them.
  TfLiteStatus SaveInputShapes(SubgraphAllocations* subgraphs);
  TfLiteStatus RestoreInputShapes(SubgraphAllocations* subgraphs);

  // True for tensors whose data comes from the model.
  bool IsConstantTensor(int subgraph, int tensor_index) const;
  // The model's data bytes of a tensor (nullptr/0 when it has none); for
  // kernels that need the stored size, e.g. of a sparse tensor.
  ConstantData GetConstantData(int subgraph, int tensor_index) const;

  size_t used_bytes() const { return arena_.used_bytes(); }
  size_t head_bytes() const { return arena_.head_size(); }
  size_t tail_bytes() const { return arena_.tail_size(); }
  // The arena size this model needs: the high-water mark of allocation.
  size_t required_arena_bytes() const { return arena_.high_water_mark(); }
  size_t usable_arena_bytes() const { return arena_.usable_size(); }
  size_t last_shortfall() const { return arena_.last_shortfall(); }
  const RecordingMicroAllocator& recorder() const { return recorder_; }
  // The resolver of the last StartModelAllocation (names ops in messages).
  const MicroOpResolver* op_resolver() const { return resolver_; }

  // For preserve_all_tensors / debugging: the offset plan of the head.
  int scratch_buffer_count() const { return scratch_count_; }

 private:
  // Fails when a node of `subgraph` reads a tensor that nothing has written
  // by then (not an input, constant, variable or earlier node's output), or
  // writes one that already holds data.
  TfLiteStatus CheckReadsFollowWrites(int subgraph);
  // Requests are kept in the tail as a list until the plan is made.
  struct ScratchRequest {
    int32_t bytes;
    int32_t subgraph;
    int32_t node;
    ScratchRequest* next;
  };

  uint8_t* AllocatePersistent(size_t size, size_t alignment,
                              RecordedAllocationType type);
  TfLiteIntArray* AllocateDims(int capacity);
  // Shapes are read from the model in place when its layout allows; they
  // are copied into the arena when a tensor is resized to another shape.
  bool CanUseModelShape(const flatbuffers::Vector<int32_t>* shape) const;
  bool IsModelShape(const TfLiteIntArray* dims) const;
  TfLiteStatus InitEvalTensor(int subgraph, int index, TfLiteEvalTensor* out);
  TfLiteStatus InitNode(const MicroOpResolver& resolver, int subgraph,
                        int index, NodeAndRegistration* out);
  void FillTfLiteTensor(int subgraph, int tensor_index, TfLiteEvalTensor* eval,
                        MicroTensor* out, TfLiteIntArray* zero_points);
  // The sharing code, reached only through EnableBufferSharing().
  struct Sharing;
  const Sharing* sharing_ = nullptr;
  bool MayShareBuffers() const;
  TfLiteStatus KeepUsefulAnchors(const PlannerBuffer* buffers, int count,
                                 int steps, int32_t* anchors);
  int ShareBuffers(SubgraphAllocations* subgraphs, int32_t* first,
                   int32_t* last, const int32_t* node_first,
                   int32_t* alias) const;
  size_t SharedBytes(SubgraphAllocations* subgraphs, const int32_t* alias,
                     int root) const;
  TfLiteStatus PlanMemory(SubgraphAllocations* subgraphs,
                          bool preserve_all_tensors);

  SingleArenaBufferAllocator arena_;
  RecordingMicroAllocator recorder_;
  const Model* model_ = nullptr;
  const MicroOpResolver* resolver_ = nullptr;
  bool keep_model_inputs_ = true;
  const uint8_t* file_data_ = nullptr;
  size_t file_size_ = 0;

  // Requests of AllowInPlace, in the allocator object (no arena).
  struct InPlaceRequest {
    int32_t subgraph;
    int32_t node;
    int32_t input;
    int32_t output;
  };
  static constexpr int kMaxInPlace = 64;
  InPlaceRequest in_place_[kMaxInPlace];
  int in_place_count_ = 0;

  static constexpr int kInlineScratchRequests = 64;
  ScratchRequest inline_requests_[kInlineScratchRequests];
  ScratchRequest* first_request_ = nullptr;
  ScratchRequest* last_request_ = nullptr;
  int scratch_count_ = 0;
  int prepare_depth_ = 0;
  void** scratch_buffers_ = nullptr;

  // Saved input shapes (temp memory) between SaveInputShapes and Restore.
  int32_t* saved_shapes_ = nullptr;
};

}  // namespace tflite

#endif  // TENSORFLOW_LITE_MICRO_MICRO_ALLOCATOR_H_
