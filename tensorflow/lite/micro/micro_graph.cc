#include "tensorflow/lite/micro/micro_graph.h"

#include <cstring>

#include "tensorflow/lite/micro/micro_allocator.h"
#include "tensorflow/lite/micro/micro_context.h"
#include "tensorflow/lite/micro/micro_log.h"
#include "tensorflow/lite/micro/model_checks.h"

namespace tflite {

MicroGraph::MicroGraph(TfLiteContext* context, const Model* model,
                       MicroAllocator* allocator)
    : context_(context), model_(model), allocator_(allocator) {}

int MicroGraph::NumSubgraphs() const {
  return static_cast<int>(model_->subgraphs()->size());
}

void MicroGraph::SetCurrentSubgraph(int subgraph_idx) {
  current_subgraph_index_ = subgraph_idx;
  current_tensors_ = subgraphs_[subgraph_idx].tensors;
  current_tensors_size_ = subgraphs_[subgraph_idx].tensors_size;
}

const char* MicroGraph::NodeName(int subgraph_idx, int node_idx) const {
  const Operator* op =
      model_->subgraphs()->Get(subgraph_idx)->operators()->Get(node_idx);
  return OperatorName(model_, op, allocator_->op_resolver());
}

TfLiteStatus MicroGraph::ReportNodeFailure(const char* phase,
                                           int subgraph_idx, int node_idx,
                                           TfLiteStatus status,
                                           size_t message_mark) {
#if defined(TF_LITE_STRIP_ERROR_STRINGS)
  (void)phase;
  (void)subgraph_idx;
  (void)node_idx;
  (void)status;
  (void)message_mark;
  return kTfLiteError;
#else
  char where[48] = "";
  if (subgraph_idx != 0) {
    MicroSnprintf(where, sizeof(where), " in subgraph %d", subgraph_idx);
  }
  MicroErrorBuffer* capture = CurrentErrorCapture();
  if (capture != nullptr && capture->length() > message_mark) {
    // Put the node first and the kernel's own words after it.
    char detail[MicroErrorBuffer::kCapacity];
    const char* text = capture->text() + message_mark;
    while (*text == '\n') ++text;
    MicroSnprintf(detail, sizeof(detail), "%s", text);
    capture->Truncate(message_mark);
    MicroPrintf("Node %s (number %d%s) failed to %s: %s",
                NodeName(subgraph_idx, node_idx), node_idx, where, phase,
                detail);
  } else {
    MicroPrintf("Node %s (number %d%s) failed to %s (status %d)",
                NodeName(subgraph_idx, node_idx), node_idx, where, phase,
                static_cast<int>(status));
  }
  return kTfLiteError;
#endif
}

TfLiteStatus MicroGraph::InitSubgraphs() {
  MicroContext* micro_context = GetMicroContext(context_);
  const int previous = current_subgraph_index_;
  micro_context->SetState(MicroContext::State::kInit);
  initialized_subgraphs_ = 0;
  initialized_nodes_in_last_ = 0;
  for (int s = 0; s < NumSubgraphs(); ++s) {
    SetCurrentSubgraph(s);
    initialized_subgraphs_ = s + 1;
    initialized_nodes_in_last_ = 0;
    for (int n = 0; n < subgraphs_[s].nodes_size; ++n) {
      NodeAndRegistration& entry = subgraphs_[s].node_and_registrations[n];
      TfLiteNode* node = &entry.node;
      const TfLiteRegistration* registration = entry.registration;
      current_node_index_ = n;
      node->user_data = nullptr;
      if (registration->init != nullptr) {
        const size_t mark = CurrentErrorCapture() != nullptr
                                ? CurrentErrorCapture()->length()
                                : 0;
        const char* init_data;
        size_t init_data_size;
        if (registration->builtin_code == BuiltinOperator_CUSTOM) {
          init_data = static_cast<const char*>(node->custom_initial_data);
          init_data_size = static_cast<size_t>(node->custom_initial_data_size);
        } else {
          init_data = static_cast<const char*>(node->builtin_data);
          init_data_size = 0;
        }
        node->user_data =
            registration->init(context_, init_data, init_data_size);
        initialized_nodes_in_last_ = n + 1;
        if (CurrentErrorCapture() != nullptr &&
            CurrentErrorCapture()->length() > mark &&
            node->user_data == nullptr) {
          // init has no status; a message plus no data means it failed.
          micro_context->SetState(MicroContext::State::kIdle);
          SetCurrentSubgraph(previous);
          return ReportNodeFailure("initialize", s, n, kTfLiteError, mark);
        }
      } else {
        initialized_nodes_in_last_ = n + 1;
      }
    }
  }
  micro_context->SetState(MicroContext::State::kIdle);
  current_node_index_ = -1;
  SetCurrentSubgraph(previous);
  return kTfLiteOk;
}

TfLiteStatus MicroGraph::PrepareSubgraph(int subgraph_idx) {
  if (subgraph_idx < 0 || subgraph_idx >= NumSubgraphs()) {
    MicroPrintf("Subgraph %d does not exist (the model has %d)", subgraph_idx,
                NumSubgraphs());
    return kTfLiteError;
  }
  // Control-flow kernels prepare the subgraphs they call from inside their
  // own prepare; a model whose calls loop back would never stop.
  constexpr int kMaxNesting = 32;
  if (subgraphs_[subgraph_idx].preparing) {
    MicroPrintf("Subgraph %d calls itself (directly or through others)",
                subgraph_idx);
    return kTfLiteError;
  }
  if (prepare_depth_ >= kMaxNesting) {
    MicroPrintf("Model nests subgraph calls deeper than %d levels",
                kMaxNesting);
    return kTfLiteError;
  }
  MicroContext* micro_context = GetMicroContext(context_);
  const MicroContext::State previous_state = micro_context->state();
  const int previous_subgraph = current_subgraph_index_;
  const int previous_node = current_node_index_;
  micro_context->SetState(MicroContext::State::kPrepare);
  SetCurrentSubgraph(subgraph_idx);
  subgraphs_[subgraph_idx].preparing = true;
  ++prepare_depth_;
  TfLiteStatus status = kTfLiteOk;
  for (int n = 0; n < subgraphs_[subgraph_idx].nodes_size; ++n) {
    NodeAndRegistration& entry =
        subgraphs_[subgraph_idx].node_and_registrations[n];
    if (entry.registration->prepare == nullptr) continue;
    current_node_index_ = n;
    const size_t mark = CurrentErrorCapture() != nullptr
                            ? CurrentErrorCapture()->length()
                            : 0;
    allocator_->BeginNodePrepare();
    status = entry.registration->prepare(context_, &entry.node);
    allocator_->EndNodePrepare();
    if (status != kTfLiteOk) {
      ReportNodeFailure("prepare", subgraph_idx, n, status, mark);
      break;
    }
  }
  --prepare_depth_;
  subgraphs_[subgraph_idx].preparing = false;
  if (status == kTfLiteOk) subgraphs_[subgraph_idx].prepared = true;
  current_node_index_ = previous_node;
  SetCurrentSubgraph(previous_subgraph);
  micro_context->SetState(previous_state);
  return status;
}

TfLiteStatus MicroGraph::PrepareSubgraphs() {
  for (int s = 0; s < NumSubgraphs(); ++s) {
    if (subgraphs_[s].prepared) continue;
    TF_LITE_ENSURE_STATUS(PrepareSubgraph(s));
  }
  return kTfLiteOk;
}

TfLiteStatus MicroGraph::InvokeSubgraph(int subgraph_idx) {
  if (subgraph_idx < 0 || subgraph_idx >= NumSubgraphs()) {
    MicroPrintf("Subgraph %d does not exist (the model has %d)", subgraph_idx,
                NumSubgraphs());
    return kTfLiteError;
  }
  MicroContext* micro_context = GetMicroContext(context_);
  const MicroContext::State previous_state = micro_context->state();
  const int previous_subgraph = current_subgraph_index_;
  const int previous_node = current_node_index_;
  micro_context->SetState(MicroContext::State::kInvoke);
  SetCurrentSubgraph(subgraph_idx);
  TfLiteStatus status = kTfLiteOk;
  NodeAndRegistration* nodes =
      subgraphs_[subgraph_idx].node_and_registrations;
  const int node_count = subgraphs_[subgraph_idx].nodes_size;
  // The error capture slot stays the same for the whole invoke.
  const MicroErrorBuffer* capture = CurrentErrorCapture();
  // Checked on entry too: a loop over subgraphs without nodes must stop.
  if (Cancelled()) {
    MicroPrintf("Invoke was cancelled (entering subgraph %d)", subgraph_idx);
    status = kTfLiteError;
  }
  for (int n = 0; status == kTfLiteOk && n < node_count; ++n) {
    if (n > 0 && Cancelled()) {
      MicroPrintf("Invoke was cancelled (subgraph %d, before node %d)",
                  subgraph_idx, n);
      status = kTfLiteError;
      break;
    }
    const TfLiteRegistration* registration = nodes[n].registration;
    if (registration->invoke == nullptr) {
      MicroPrintf("Node %s (number %d) has no invoke function",
                  NodeName(subgraph_idx, n), n);
      status = kTfLiteError;
      break;
    }
    current_node_index_ = n;
    const size_t mark = capture != nullptr ? capture->length() : 0;
    uint32_t event = 0;
    if (profiler_ != nullptr) {
      event = profiler_->BeginEvent(NodeName(subgraph_idx, n));
    }
    status = registration->invoke(context_, &nodes[n].node);
    if (profiler_ != nullptr) profiler_->EndEvent(event);
    if (status != kTfLiteOk) {
      ReportNodeFailure("invoke", subgraph_idx, n, status, mark);
      break;
    }
  }
  current_node_index_ = previous_node;
  SetCurrentSubgraph(previous_subgraph);
  micro_context->SetState(previous_state);
  return status;
}

TfLiteStatus MicroGraph::ResetSubgraphs() {
  for (int s = 0; s < NumSubgraphs(); ++s) {
    SetCurrentSubgraph(s);
    for (int n = 0; n < subgraphs_[s].nodes_size; ++n) {
      NodeAndRegistration& entry = subgraphs_[s].node_and_registrations[n];
      if (entry.registration->reset != nullptr) {
        TF_LITE_ENSURE_STATUS(
            entry.registration->reset(context_, entry.node.user_data));
      }
    }
  }
  SetCurrentSubgraph(0);
  return kTfLiteOk;
}

void MicroGraph::FreeSubgraphs() {
  if (subgraphs_ == nullptr) return;
  for (int s = 0; s < initialized_subgraphs_; ++s) {
    const int nodes = s + 1 == initialized_subgraphs_
                          ? initialized_nodes_in_last_
                          : subgraphs_[s].nodes_size;
    for (int n = 0; n < nodes; ++n) {
      NodeAndRegistration& entry = subgraphs_[s].node_and_registrations[n];
      if (entry.registration->free != nullptr) {
        entry.registration->free(context_, entry.node.user_data);
      }
      entry.node.user_data = nullptr;
    }
  }
  initialized_subgraphs_ = 0;
  initialized_nodes_in_last_ = 0;
}

bool MicroGraph::IsFixedTensor(int subgraph_idx, int tensor_idx) const {
  const Tensor* tensor =
      model_->subgraphs()->Get(subgraph_idx)->tensors()->Get(tensor_idx);
  return tensor->is_variable() ||
         allocator_->IsConstantTensor(subgraph_idx, tensor_idx);
}

const Tensor* MicroGraph::GetModelTensor(int subgraph_idx,
                                         int tensor_idx) const {
  return model_->subgraphs()->Get(subgraph_idx)->tensors()->Get(tensor_idx);
}

ConstantData MicroGraph::GetConstantData(int subgraph_idx,
                                         int tensor_idx) const {
  return allocator_->GetConstantData(subgraph_idx, tensor_idx);
}

size_t MicroGraph::NumSubgraphInputs(int subgraph_idx) const {
  const auto* inputs = model_->subgraphs()->Get(subgraph_idx)->inputs();
  return inputs == nullptr ? 0 : inputs->size();
}

size_t MicroGraph::NumSubgraphOutputs(int subgraph_idx) const {
  const auto* outputs = model_->subgraphs()->Get(subgraph_idx)->outputs();
  return outputs == nullptr ? 0 : outputs->size();
}

int MicroGraph::SubgraphInputIndex(int subgraph_idx, int input_idx) const {
  return model_->subgraphs()->Get(subgraph_idx)->inputs()->Get(input_idx);
}

int MicroGraph::SubgraphOutputIndex(int subgraph_idx, int output_idx) const {
  return model_->subgraphs()->Get(subgraph_idx)->outputs()->Get(output_idx);
}

TfLiteEvalTensor* MicroGraph::GetSubgraphInput(int subgraph_idx,
                                               int input_idx) {
  return &subgraphs_[subgraph_idx]
              .tensors[SubgraphInputIndex(subgraph_idx, input_idx)];
}

TfLiteEvalTensor* MicroGraph::GetSubgraphOutput(int subgraph_idx,
                                                int output_idx) {
  return &subgraphs_[subgraph_idx]
              .tensors[SubgraphOutputIndex(subgraph_idx, output_idx)];
}

}  // namespace tflite
