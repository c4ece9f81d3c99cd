#include "tensorflow/lite/micro/micro_context.h"

#include <cstdarg>

#include "tensorflow/lite/micro/micro_allocator.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace {

const char* StateName(MicroContext::State state) {
  switch (state) {
    case MicroContext::State::kIdle:
      return "outside any kernel call";
    case MicroContext::State::kInit:
      return "init";
    case MicroContext::State::kPrepare:
      return "prepare";
    case MicroContext::State::kInvoke:
      return "invoke";
  }
  return "?";
}

int TensorIndex(const TfLiteIntArray* indices, int index) {
  if (indices == nullptr || index < 0 || index >= indices->size) return -1;
  return indices->data[index];
}

}  // namespace

MicroContext::MicroContext(MicroAllocator* allocator, MicroGraph* graph)
    : allocator_(allocator), graph_(graph) {}

bool MicroContext::InState(State a, const char* call) {
  if (state_ == a) return true;
  MicroPrintf("%s is only allowed during %s, not %s", call, StateName(a),
              StateName(state_));
  return false;
}

bool MicroContext::InState(State a, State b, const char* call) {
  if (state_ == a || state_ == b) return true;
  MicroPrintf("%s is only allowed during %s or %s, not %s", call,
              StateName(a), StateName(b), StateName(state_));
  return false;
}

void* MicroContext::AllocatePersistentBuffer(size_t bytes) {
  if (!InState(State::kInit, State::kPrepare, "AllocatePersistentBuffer")) {
    return nullptr;
  }
  return allocator_->AllocatePersistentBuffer(bytes);
}

TfLiteStatus MicroContext::RequestScratchBufferInArena(size_t bytes,
                                                       int* buffer_idx) {
  if (!InState(State::kPrepare, "RequestScratchBufferInArena")) {
    return kTfLiteError;
  }
  return allocator_->RequestScratchBufferInArena(
      bytes, graph_->GetCurrentSubgraphIndex(), graph_->GetCurrentNodeIndex(),
      buffer_idx);
}

TfLiteStatus MicroContext::AllowInPlace(int input_index, int output_index) {
  if (!InState(State::kPrepare, "AllowInPlace")) return kTfLiteError;
  const int subgraph = graph_->GetCurrentSubgraphIndex();
  const int node = graph_->GetCurrentNodeIndex();
  SubgraphAllocations* allocations = graph_->GetAllocations();
  const TfLiteNode* n =
      allocations != nullptr && node >= 0 &&
              node < allocations[subgraph].nodes_size
          ? &allocations[subgraph].node_and_registrations[node].node
          : nullptr;
  if (n == nullptr || input_index < 0 || input_index >= n->inputs->size ||
      output_index < 0 || output_index >= n->outputs->size) {
    MicroPrintf("AllowInPlace: no input %d or output %d", input_index,
                output_index);
    return kTfLiteError;
  }
  return allocator_->AllowInPlace(subgraph, node, n->inputs->data[input_index],
                                  n->outputs->data[output_index]);
}

void MicroContext::AllowOutputSharingInput() {
  allocator_->EnableBufferSharing();
}

void* MicroContext::GetScratchBuffer(int buffer_idx) {
  return allocator_->GetScratchBuffer(buffer_idx);
}

TfLiteTensor* MicroContext::AllocateTempTfLiteTensor(int tensor_idx) {
  if (!InState(State::kPrepare, "AllocateTempTfLiteTensor")) return nullptr;
  return allocator_->AllocateTempTfLiteTensor(
      graph_->GetAllocations(), graph_->GetCurrentSubgraphIndex(), tensor_idx);
}

TfLiteTensor* MicroContext::AllocateTempInputTensor(const TfLiteNode* node,
                                                    int index) {
  const int tensor_idx = TensorIndex(node->inputs, index);
  if (tensor_idx < 0) return nullptr;
  return AllocateTempTfLiteTensor(tensor_idx);
}

TfLiteTensor* MicroContext::AllocateTempOutputTensor(const TfLiteNode* node,
                                                     int index) {
  const int tensor_idx = TensorIndex(node->outputs, index);
  if (tensor_idx < 0) return nullptr;
  return AllocateTempTfLiteTensor(tensor_idx);
}

TfLiteTensor* MicroContext::AllocateTempIntermediateTensor(
    const TfLiteNode* node, int index) {
  const int tensor_idx = TensorIndex(node->intermediates, index);
  if (tensor_idx < 0) return nullptr;
  return AllocateTempTfLiteTensor(tensor_idx);
}

void MicroContext::DeallocateTempTfLiteTensor(TfLiteTensor* tensor) {
  if (tensor != nullptr) allocator_->DeallocateTempTfLiteTensor(tensor);
}

uint8_t* MicroContext::AllocateTempBuffer(size_t size, size_t alignment) {
  if (!InState(State::kPrepare, "AllocateTempBuffer")) return nullptr;
  return allocator_->AllocateTempBuffer(size, alignment);
}

void MicroContext::DeallocateTempBuffer(uint8_t* buffer) {
  allocator_->DeallocateTempBuffer(buffer);
}

TfLiteStatus MicroContext::ResizeTensor(TfLiteTensor* tensor, int rank,
                                        const int32_t* dims) {
  if (!InState(State::kPrepare, "ResizeTensor")) return kTfLiteError;
  return allocator_->ResizeTensor(tensor, rank, dims);
}

TfLiteStatus MicroContext::ResizeEvalTensor(TfLiteEvalTensor* tensor, int rank,
                                            const int32_t* dims) {
  if (!InState(State::kPrepare, "ResizeEvalTensor")) return kTfLiteError;
  return allocator_->ResizeEvalTensor(tensor, rank, dims);
}

namespace {

void ReportErrorThunk(TfLiteContext*, const char* format, ...) {
  va_list args;
  va_start(args, format);
  VMicroPrintf(format, args);
  va_end(args);
}

void* AllocatePersistentBufferThunk(TfLiteContext* context, size_t bytes) {
  return GetMicroContext(context)->AllocatePersistentBuffer(bytes);
}

TfLiteStatus RequestScratchBufferThunk(TfLiteContext* context, size_t bytes,
                                       int* buffer_idx) {
  return GetMicroContext(context)->RequestScratchBufferInArena(bytes,
                                                               buffer_idx);
}

void* GetScratchBufferThunk(TfLiteContext* context, int buffer_idx) {
  return GetMicroContext(context)->GetScratchBuffer(buffer_idx);
}

TfLiteTensor* GetTensorThunk(const TfLiteContext* context, int tensor_idx) {
  return GetMicroContext(context)->AllocateTempTfLiteTensor(tensor_idx);
}

TfLiteEvalTensor* GetEvalTensorThunk(const TfLiteContext* context,
                                     int tensor_idx) {
  return GetMicroContext(context)->GetEvalTensor(tensor_idx);
}

void* GetExternalContextThunk(TfLiteContext* context, int) {
  return GetMicroContext(context)->external_context();
}

}  // namespace

void InitTfLiteContext(TfLiteContext* context, MicroContext* micro_context) {
  context->tensors_size = 0;
  context->impl_ = micro_context;
  context->ReportError = ReportErrorThunk;
  context->AllocatePersistentBuffer = AllocatePersistentBufferThunk;
  context->RequestScratchBufferInArena = RequestScratchBufferThunk;
  context->GetScratchBuffer = GetScratchBufferThunk;
  context->GetTensor = GetTensorThunk;
  context->GetEvalTensor = GetEvalTensorThunk;
  context->GetExternalContext = GetExternalContextThunk;
}

}  // namespace tflite
