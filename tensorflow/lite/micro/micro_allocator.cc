#include "tensorflow/lite/micro/micro_allocator.h"

#include <cstring>
#include <new>

#include "tensorflow/lite/micro/memory_planner/greedy_memory_planner.h"
#include "tensorflow/lite/micro/micro_log.h"
#include "tensorflow/lite/micro/model_checks.h"
#include "tensorflow/lite/schema/schema_utils.h"

namespace tflite {
namespace {

// Index lists that are absent in the model point here (size 0).
alignas(TfLiteIntArray) int kEmptyIntArrayStorage[1] = {0};
TfLiteIntArray* EmptyIntArray() {
  return reinterpret_cast<TfLiteIntArray*>(kEmptyIntArrayStorage);
}

// A flatbuffers int32 vector is a 32-bit length followed by the values: the
// same layout as TfLiteIntArray, so the model's arrays are used in place.
TfLiteIntArray* AsIntArray(const flatbuffers::Vector<int32_t>* vector) {
  if (vector == nullptr) return EmptyIntArray();
  return const_cast<TfLiteIntArray*>(
      reinterpret_cast<const TfLiteIntArray*>(vector));
}

TfLiteFloatArray* AsFloatArray(const flatbuffers::Vector<float>* vector) {
  return const_cast<TfLiteFloatArray*>(
      reinterpret_cast<const TfLiteFloatArray*>(vector));
}

// Absent zero points of a per-tensor quantization: one zero.
alignas(TfLiteIntArray) const int kOneZeroPoint[2] = {1, 0};

// The zero points of a per-tensor (one scale) quantization, read from the
// model in place: a flatbuffers vector of one int64 is its 32-bit length
// followed by the value, which on a little-endian machine starts with its
// low 32 bits, the layout of a one-element TfLiteIntArray. nullptr when
// they need an arena copy (several channels, or a big-endian machine).
TfLiteIntArray* InPlaceZeroPoints(const QuantizationParameters* q) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  if (q == nullptr || q->scale() == nullptr || q->scale()->size() != 1) {
    return nullptr;
  }
  const flatbuffers::Vector<int64_t>* zero_points = q->zero_point();
  const void* array = kOneZeroPoint;
  if (zero_points != nullptr && zero_points->size() > 0) {
    if (zero_points->size() != 1) return nullptr;
    array = zero_points;
  }
  return const_cast<TfLiteIntArray*>(
      reinterpret_cast<const TfLiteIntArray*>(array));
#else
  (void)q;
  return nullptr;
#endif
}

const SubGraph* GetSubgraph(const Model* model, int index) {
  return model->subgraphs()->Get(static_cast<flatbuffers::uoffset_t>(index));
}

const Tensor* GetTensor(const Model* model, int subgraph, int index) {
  return GetSubgraph(model, subgraph)
      ->tensors()
      ->Get(static_cast<flatbuffers::uoffset_t>(index));
}

int TensorCount(const SubGraph* subgraph) {
  return subgraph->tensors() == nullptr
             ? 0
             : static_cast<int>(subgraph->tensors()->size());
}

int OperatorCount(const SubGraph* subgraph) {
  return subgraph->operators() == nullptr
             ? 0
             : static_cast<int>(subgraph->operators()->size());
}

size_t TensorBytes(const TfLiteEvalTensor* tensor) {
  size_t count = 1;
  for (int i = 0; i < tensor->dims->size; ++i) {
    count *= static_cast<size_t>(tensor->dims->data[i]);
  }
  return count * ElementSize(tensor->type);
}

// Subgraphs an operator runs (IF, WHILE, CALL_ONCE); returns how many.
int CalledSubgraphs(const Model* model, const Operator* op, int called[2]) {
  const OperatorCode* code = model->operator_codes()->Get(op->opcode_index());
  switch (GetBuiltinCode(code)) {
    case BuiltinOperator_IF:
      if (const auto* options = op->builtin_options_as_IfOptions()) {
        called[0] = options->then_subgraph_index();
        called[1] = options->else_subgraph_index();
        return 2;
      }
      return 0;
    case BuiltinOperator_WHILE:
      if (const auto* options = op->builtin_options_as_WhileOptions()) {
        called[0] = options->cond_subgraph_index();
        called[1] = options->body_subgraph_index();
        return 2;
      }
      return 0;
    case BuiltinOperator_CALL_ONCE:
      if (const auto* options = op->builtin_options_as_CallOnceOptions()) {
        called[0] = options->init_subgraph_index();
        return 1;
      }
      return 0;
    default:
      return 0;
  }
}

// Lifetime bookkeeping for the memory plan, all in temp memory.
struct Lifetimes {
  const Model* model;
  const MicroOpResolver* resolver;  // names ops in messages
  SubgraphAllocations* subgraphs;
  int num_subgraphs;
  const int32_t* tensor_base;  // first global tensor index per subgraph
  const int32_t* node_base;    // first global node index per subgraph
  int32_t* first;              // per global tensor
  int32_t* last;
  int32_t* node_first;         // per global node
  int32_t* node_last;
  uint8_t* on_stack;           // per subgraph
  uint8_t* walked;
  int32_t step;
  bool keep_model_inputs;

  void Use(int subgraph, int tensor, int32_t from, int32_t to) {
    if (tensor < 0) return;
    const int g = tensor_base[subgraph] + tensor;
    if (from < first[g]) first[g] = from;
    if (to > last[g]) last[g] = to;
  }

  void UseAll(int subgraph, const flatbuffers::Vector<int32_t>* tensors,
              int32_t from, int32_t to) {
    if (tensors == nullptr) return;
    for (flatbuffers::uoffset_t i = 0; i < tensors->size(); ++i) {
      Use(subgraph, tensors->Get(i), from, to);
    }
  }

  // Lays the subgraph's nodes onto the timeline starting at `step`.
  TfLiteStatus Walk(int subgraph, int depth) {
    constexpr int kMaxNesting = 32;
    if (depth > kMaxNesting) {
      MicroPrintf("Model nests subgraph calls deeper than %d levels",
                  kMaxNesting);
      return kTfLiteError;
    }
    on_stack[subgraph] = 1;
    walked[subgraph] = 1;
    const SubGraph* graph = GetSubgraph(model, subgraph);
    const int32_t start = step;
    for (int n = 0; n < OperatorCount(graph); ++n) {
      const Operator* op = graph->operators()->Get(n);
      int called[2];
      const int called_count = CalledSubgraphs(model, op, called);
      const int32_t node_start = step;
      for (int c = 0; c < called_count; ++c) {
        if (called[c] < 0 || called[c] >= num_subgraphs) {
          MicroPrintf(
              "Node %d (%s) in subgraph %d calls subgraph %d, but the model "
              "has %d subgraphs",
              n, OperatorName(model, op, resolver), subgraph, called[c],
              num_subgraphs);
          return kTfLiteError;
        }
        if (on_stack[called[c]]) {
          MicroPrintf(
              "Node %d (%s) in subgraph %d calls subgraph %d recursively", n,
              OperatorName(model, op, resolver), subgraph, called[c]);
          return kTfLiteError;
        }
        TF_LITE_ENSURE_STATUS(Walk(called[c], depth + 1));
      }
      if (step == node_start) ++step;  // a plain node takes one step
      const int32_t node_end = step - 1;
      // A node's inputs and outputs live across everything it runs.
      UseAll(subgraph, op->inputs(), node_start, node_end);
      UseAll(subgraph, op->outputs(), node_start, node_end);
      const int g = node_base[subgraph] + n;
      if (node_start < node_first[g]) node_first[g] = node_start;
      if (node_end > node_last[g]) node_last[g] = node_end;
    }
    if (step == start) ++step;  // keep an empty subgraph's span non-empty
    // Inputs are written before the subgraph runs and must survive it (for
    // subgraph 0: model inputs keep their values across Invoke, unless the
    // caller lets their memory be reused after their last reader). Outputs
    // are read after it ends, so they live from their producer to the end.
    const bool inputs_survive = subgraph != 0 || keep_model_inputs;
    UseAll(subgraph, graph->inputs(), start, inputs_survive ? step - 1 : start);
    const auto* outputs = graph->outputs();
    for (flatbuffers::uoffset_t i = 0; outputs != nullptr && i < outputs->size();
         ++i) {
      const int tensor = outputs->Get(i);
      const int g = tensor_base[subgraph] + tensor;
      Use(subgraph, tensor, first[g] <= step - 1 ? first[g] : start, step - 1);
    }
    on_stack[subgraph] = 0;
    return kTfLiteOk;
  }
};

}  // namespace

MicroAllocator::MicroAllocator(uint8_t* arena, size_t arena_size)
    : arena_(arena, arena_size) {}

void MicroAllocator::SetModel(const Model* model, const uint8_t* file_data,
                              size_t file_size) {
  model_ = model;
  file_data_ = file_data;
  file_size_ = file_size;
}

void MicroAllocator::ResetAll() {
  arena_.ResetAll();
  recorder_.Reset();
  first_request_ = nullptr;
  last_request_ = nullptr;
  scratch_count_ = 0;
  in_place_count_ = 0;
  prepare_depth_ = 0;
  scratch_buffers_ = nullptr;
  saved_shapes_ = nullptr;
}

uint8_t* MicroAllocator::AllocatePersistent(size_t size, size_t alignment,
                                            RecordedAllocationType type) {
  const size_t tail_before = arena_.tail_size();
  uint8_t* memory = arena_.AllocatePersistentBuffer(
      size, alignment,
      TF_LITE_MICRO_MESSAGE_TEXT(RecordingMicroAllocator::TypeName(type)));
  if (memory != nullptr) {
    recorder_.Record(type, size, arena_.tail_size() - tail_before);
  }
  return memory;
}

// Shapes of non-constant tensors are arena-owned: [capacity][size][dims...].
TfLiteIntArray* MicroAllocator::AllocateDims(int capacity) {
  int32_t* block = reinterpret_cast<int32_t*>(
      AllocatePersistent(sizeof(int32_t) * (2 + capacity), alignof(int32_t),
                         RecordedAllocationType::kTensorShapeData));
  if (block == nullptr) return nullptr;
  block[0] = capacity;
  TfLiteIntArray* dims = reinterpret_cast<TfLiteIntArray*>(block + 1);
  dims->size = 0;
  return dims;
}

bool MicroAllocator::CanUseModelShape(
    const flatbuffers::Vector<int32_t>* shape) const {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  // The flatbuffer's little-endian int32s are the host's only there, and
  // only an aligned array may be read as a TfLiteIntArray.
  return shape == nullptr ||
         reinterpret_cast<uintptr_t>(shape) % alignof(TfLiteIntArray) == 0;
#else
  (void)shape;
  return false;
#endif
}

bool MicroAllocator::IsModelShape(const TfLiteIntArray* dims) const {
  const uint8_t* bytes = reinterpret_cast<const uint8_t*>(dims);
  return dims == EmptyIntArray() ||
         (bytes >= file_data_ && bytes < file_data_ + file_size_);
}

bool MicroAllocator::IsConstantTensor(int subgraph, int tensor_index) const {
  const Tensor* tensor = GetTensor(model_, subgraph, tensor_index);
  return GetBufferData(model_, tensor->buffer(), file_data_, file_size_)
             .data != nullptr &&
         !tensor->is_variable();
}

ConstantData MicroAllocator::GetConstantData(int subgraph,
                                             int tensor_index) const {
  const Tensor* tensor = GetTensor(model_, subgraph, tensor_index);
  return GetBufferData(model_, tensor->buffer(), file_data_, file_size_);
}

TfLiteStatus MicroAllocator::InitEvalTensor(int subgraph, int index,
                                            TfLiteEvalTensor* out) {
  const Tensor* tensor = GetTensor(model_, subgraph, index);
  TF_LITE_ENSURE_STATUS(ConvertTensorType(tensor->type(), &out->type));
  out->data.data = nullptr;
  const ConstantData constant =
      GetBufferData(model_, tensor->buffer(), file_data_, file_size_);
  const bool is_constant = constant.data != nullptr && !tensor->is_variable();
  if (is_constant) {
    out->dims = AsIntArray(tensor->shape());
    out->data.data = const_cast<uint8_t*>(constant.data);
    // Kernels read constants through typed pointers. Converters sometimes
    // leave 8-byte constants (e.g. int64 biases) only 4-byte aligned, and a
    // broken model may misalign anything: such data gets an aligned copy in
    // the arena instead of unaligned loads.
    const size_t element = ElementSize(out->type);
    const size_t alignment = element > 8 ? 8 : element;
    if (alignment > 1 &&
        reinterpret_cast<uintptr_t>(constant.data) % alignment != 0) {
      uint8_t* copy = AllocatePersistent(
          constant.size, kArenaAlignment,
          RecordedAllocationType::kPersistentBufferData);
      if (copy == nullptr) return kTfLiteError;
      std::memcpy(copy, constant.data, constant.size);
      out->data.data = copy;
    }
    return kTfLiteOk;
  }
  const int rank =
      tensor->shape() == nullptr ? 0 : static_cast<int>(tensor->shape()->size());
  if (CanUseModelShape(tensor->shape())) {
    // Read in place, as for constants; a resize to another shape gives the
    // tensor an arena copy (ResizeEvalTensor).
    out->dims = AsIntArray(tensor->shape());
  } else {
    out->dims = AllocateDims(rank);
    if (out->dims == nullptr) return kTfLiteError;
    out->dims->size = rank;
    for (int i = 0; i < rank; ++i) out->dims->data[i] = tensor->shape()->Get(i);
  }

  if (ElementSize(out->type) == 0 && out->type != kTfLiteResource) {
    MicroPrintf(
        "Tensor %d in subgraph %d has type %s, which this runtime cannot "
        "compute with",
        index, subgraph, TfLiteTypeGetName(out->type));
    return kTfLiteError;
  }
  if (tensor->is_variable()) {
    out->data.data =
        AllocatePersistent(TensorBytes(out), kArenaAlignment,
                           RecordedAllocationType::kTfLiteTensorVariableBufferData);
    if (out->data.data == nullptr) return kTfLiteError;
  } else if (out->type == kTfLiteResource) {
    // A resource handle (a variable id) is known once VAR_HANDLE has been
    // prepared, and kernels read it while preparing, so it lives outside the
    // plan. -1 until then.
    const size_t bytes = TensorBytes(out) > sizeof(int32_t)
                             ? TensorBytes(out)
                             : sizeof(int32_t);
    out->data.data = AllocatePersistent(
        bytes, alignof(int32_t),
        RecordedAllocationType::kTfLiteTensorVariableBufferData);
    if (out->data.data == nullptr) return kTfLiteError;
    std::memset(out->data.data, 0xff, bytes);
  }
  return kTfLiteOk;
}

TfLiteStatus MicroAllocator::InitNode(const MicroOpResolver& resolver,
                                      int subgraph, int index,
                                      NodeAndRegistration* out) {
  const Operator* op =
      GetSubgraph(model_, subgraph)->operators()->Get(index);
  const OperatorCode* code = model_->operator_codes()->Get(op->opcode_index());
  const BuiltinOperator builtin = GetBuiltinCode(code);
  TfLiteNode& node = out->node;
  node.inputs = AsIntArray(op->inputs());
  node.outputs = AsIntArray(op->outputs());
  node.intermediates = AsIntArray(op->intermediates());
  node.user_data = nullptr;
  node.builtin_data = nullptr;
  node.custom_initial_data = nullptr;
  node.custom_initial_data_size = 0;

  if (builtin == BuiltinOperator_CUSTOM) {
    const char* name = code->custom_code()->c_str();
    out->registration = resolver.FindOp(name);
    if (out->registration == nullptr) {
      MicroPrintf(
          "Node %d in subgraph %d uses custom op '%s', which is not "
          "registered (add it with AddCustom or a custom op registerer)",
          index, subgraph, name);
      return kTfLiteError;
    }
    if (op->large_custom_options_offset() > 1) {
      node.custom_initial_data =
          file_data_ + op->large_custom_options_offset();
      node.custom_initial_data_size =
          static_cast<int>(op->large_custom_options_size());
    } else if (op->custom_options() != nullptr) {
      node.custom_initial_data = op->custom_options()->data();
      node.custom_initial_data_size =
          static_cast<int>(op->custom_options()->size());
    }
    return kTfLiteOk;
  }

  out->registration = resolver.FindOp(builtin);
  if (out->registration == nullptr) {
    // Named when the resolver knows the names of ops it lacks (those of
    // tools and runtimes do); a program's own resolver knows only its ops,
    // so the message gives the code and how to get the right resolver.
    const char* name =
        TF_LITE_MICRO_MESSAGE_TEXT(resolver.BuiltinName(builtin));
    if (name != nullptr) {
      MicroPrintf(
          "Node %d in subgraph %d uses builtin op %s (code %d, version %d), "
          "which the op resolver does not provide",
          index, subgraph, name, static_cast<int>(builtin),
          static_cast<int>(code->version()));
    } else {
      MicroPrintf(
          "Node %d in subgraph %d uses builtin op code %d (version %d; "
          "BuiltinOperator in schema_generated.h names it), which the op "
          "resolver does not provide: `tflite-micro resolver MODEL` writes "
          "a resolver with all of a model's ops",
          index, subgraph, static_cast<int>(builtin),
          static_cast<int>(code->version()));
    }
    return kTfLiteError;
  }
  BuiltinParseFunction parser = resolver.GetOpDataParser(builtin);
  if (parser == nullptr) {
    MicroPrintf("No options parser registered for builtin op %s",
                OperatorName(model_, op, &resolver));
    return kTfLiteError;
  }
  class TailDataAllocator : public BuiltinDataAllocator {
   public:
    explicit TailDataAllocator(MicroAllocator* owner) : owner_(owner) {}
    void* Allocate(size_t size, size_t alignment) override {
      return owner_->AllocatePersistent(size, alignment,
                                        RecordedAllocationType::kOpData);
    }
    void Deallocate(void*) override {}

   private:
    MicroAllocator* owner_;
  };
  TailDataAllocator data_allocator(this);
  void* builtin_data = nullptr;
#if !defined(TF_LITE_MICRO_SKIP_MODEL_CHECKS)
  // The model checks left the fields of options tables to the parsers.
  flatbuffers::Verifier verifier(file_data_, file_size_);
  if (file_data_ != nullptr) data_allocator.set_options_verifier(&verifier);
  const TfLiteStatus parsed = parser(op, &data_allocator, &builtin_data);
  if (data_allocator.options_malformed()) {
    MicroPrintf(
        "Invalid model: the options table of node %d (%s) in subgraph %d "
        "is malformed (flatbuffers verification failed)",
        index, OperatorName(model_, op, &resolver), subgraph);
    return kTfLiteError;
  }
#else
  const TfLiteStatus parsed = parser(op, &data_allocator, &builtin_data);
#endif
  if (parsed != kTfLiteOk) {
    MicroPrintf("Could not parse the options of node %d (%s) in subgraph %d",
                index, OperatorName(model_, op, &resolver), subgraph);
    return kTfLiteError;
  }
  node.builtin_data = builtin_data;
  return kTfLiteOk;
}

TfLiteStatus MicroAllocator::StartModelAllocation(
    const MicroOpResolver& resolver, SubgraphAllocations** subgraphs_out) {
  resolver_ = &resolver;
  const int num_subgraphs = static_cast<int>(model_->subgraphs()->size());
  SubgraphAllocations* subgraphs =
      reinterpret_cast<SubgraphAllocations*>(AllocatePersistent(
          sizeof(SubgraphAllocations) * num_subgraphs,
          alignof(SubgraphAllocations), RecordedAllocationType::kSubgraphData));
  if (subgraphs == nullptr) return kTfLiteError;
  for (int s = 0; s < num_subgraphs; ++s) {
    const SubGraph* graph = GetSubgraph(model_, s);
    SubgraphAllocations& allocations = subgraphs[s];
    allocations.tensors_size = TensorCount(graph);
    allocations.nodes_size = OperatorCount(graph);
    allocations.prepared = false;
    allocations.preparing = false;
    allocations.tensors = nullptr;
    allocations.node_and_registrations = nullptr;
    if (allocations.tensors_size > 0) {
      allocations.tensors = reinterpret_cast<TfLiteEvalTensor*>(
          AllocatePersistent(
              sizeof(TfLiteEvalTensor) * allocations.tensors_size,
              alignof(TfLiteEvalTensor),
              RecordedAllocationType::kTfLiteEvalTensorData));
      if (allocations.tensors == nullptr) return kTfLiteError;
      for (int t = 0; t < allocations.tensors_size; ++t) {
        TF_LITE_ENSURE_STATUS(InitEvalTensor(s, t, &allocations.tensors[t]));
      }
    }
    if (allocations.nodes_size > 0) {
      allocations.node_and_registrations =
          reinterpret_cast<NodeAndRegistration*>(AllocatePersistent(
              sizeof(NodeAndRegistration) * allocations.nodes_size,
              alignof(NodeAndRegistration),
              RecordedAllocationType::kNodeAndRegistrationArray));
      if (allocations.node_and_registrations == nullptr) return kTfLiteError;
      for (int n = 0; n < allocations.nodes_size; ++n) {
        TF_LITE_ENSURE_STATUS(
            InitNode(resolver, s, n, &allocations.node_and_registrations[n]));
      }
    }
  }
  *subgraphs_out = subgraphs;
  return kTfLiteOk;
}

#if !defined(TF_LITE_MICRO_SKIP_MODEL_CHECKS)
TfLiteStatus MicroAllocator::CheckReadsFollowWrites(int subgraph) {
  const int tensors = TensorCount(GetSubgraph(model_, subgraph));
  if (tensors == 0) return kTfLiteOk;
  uint8_t* flags =
      arena_.AllocateTemp(static_cast<size_t>(tensors), 1,
                          TF_LITE_MICRO_MESSAGE_TEXT("tensor write flags"));
  if (flags == nullptr) return kTfLiteError;
  const TfLiteStatus status =
      CheckDataFlow(model_, subgraph, file_data_, file_size_, flags, resolver_);
  arena_.DeallocateTemp(flags);
  return status;
}
#endif

void* MicroAllocator::AllocatePersistentBuffer(size_t bytes) {
  return AllocatePersistent(bytes, kArenaAlignment,
                            RecordedAllocationType::kPersistentBufferData);
}

void MicroAllocator::BeginNodePrepare() { ++prepare_depth_; }

void MicroAllocator::EndNodePrepare() {
  if (prepare_depth_ > 0) --prepare_depth_;
  if (prepare_depth_ == 0) arena_.ResetTempAllocations();
}

TfLiteStatus MicroAllocator::RequestScratchBufferInArena(size_t bytes,
                                                         int subgraph,
                                                         int node,
                                                         int* buffer_index) {
  if (prepare_depth_ == 0) {
    MicroPrintf("Scratch buffers can only be requested while preparing");
    return kTfLiteError;
  }
  if (bytes > static_cast<size_t>(kMaxTensorBytes)) {
    MicroPrintf("Scratch buffer of %zu bytes is too large", bytes);
    return kTfLiteError;
  }
  // The first requests are kept in the allocator object, later ones in the
  // arena.
  ScratchRequest* request =
      scratch_count_ < kInlineScratchRequests
          ? &inline_requests_[scratch_count_]
          : reinterpret_cast<ScratchRequest*>(AllocatePersistent(
                sizeof(ScratchRequest), alignof(ScratchRequest),
                RecordedAllocationType::kScratchBufferHandles));
  if (request == nullptr) return kTfLiteError;
  request->bytes = static_cast<int32_t>(bytes);
  request->subgraph = subgraph;
  request->node = node;
  request->next = nullptr;
  if (last_request_ == nullptr) {
    first_request_ = request;
  } else {
    last_request_->next = request;
  }
  last_request_ = request;
  *buffer_index = scratch_count_++;
  return kTfLiteOk;
}

TfLiteStatus MicroAllocator::AllowInPlace(int subgraph, int node,
                                          int input_tensor,
                                          int output_tensor) {
  if (prepare_depth_ == 0) {
    MicroPrintf("AllowInPlace can only be called while preparing");
    return kTfLiteError;
  }
  if (in_place_count_ < kMaxInPlace) {
    in_place_[in_place_count_++] = {subgraph, node, input_tensor,
                                    output_tensor};
  }
  EnableBufferSharing();
  return kTfLiteOk;
}

struct MicroAllocator::Sharing {
  bool (MicroAllocator::*may_share)() const;
  int (MicroAllocator::*share)(SubgraphAllocations*, int32_t*, int32_t*,
                               const int32_t*, int32_t*) const;
  size_t (MicroAllocator::*shared_bytes)(SubgraphAllocations*, const int32_t*,
                                         int) const;
  TfLiteStatus (MicroAllocator::*keep_useful_anchors)(const PlannerBuffer*,
                                                      int, int, int32_t*);
};

void MicroAllocator::EnableBufferSharing() {
  static constexpr Sharing kSharing = {
      &MicroAllocator::MayShareBuffers, &MicroAllocator::ShareBuffers,
      &MicroAllocator::SharedBytes, &MicroAllocator::KeepUsefulAnchors};
  sharing_ = &kSharing;
}

void* MicroAllocator::GetScratchBuffer(int buffer_index) const {
  if (scratch_buffers_ == nullptr || buffer_index < 0 ||
      buffer_index >= scratch_count_) {
    return nullptr;
  }
  return scratch_buffers_[buffer_index];
}

void MicroAllocator::FillTfLiteTensor(int subgraph, int tensor_index,
                                      TfLiteEvalTensor* eval, MicroTensor* out,
                                      TfLiteIntArray* zero_points) {
  const Tensor* tensor = GetTensor(model_, subgraph, tensor_index);
  TfLiteTensor& t = out->tensor;
  std::memset(&t, 0, sizeof(t));
  out->eval = eval;
  t.type = eval->type;
  t.data = eval->data;
  t.dims = eval->dims;
  t.bytes = TensorBytes(eval);
  t.is_variable = tensor->is_variable();
  t.name = tensor->name() != nullptr ? tensor->name()->c_str() : "";
  t.dims_signature = tensor->shape_signature() != nullptr
                         ? AsIntArray(tensor->shape_signature())
                         : nullptr;
  if (IsConstantTensor(subgraph, tensor_index)) {
    t.allocation_type = kTfLiteMmapRo;
  } else if (tensor->is_variable() || eval->type == kTfLiteResource) {
    t.allocation_type = kTfLiteArenaRwPersistent;
  } else {
    t.allocation_type = kTfLiteArenaRw;
  }
  t.quantization.type = kTfLiteNoQuantization;
  t.quantization.params = nullptr;
  const QuantizationParameters* q = tensor->quantization();
  if (TfLiteIntArray* in_place = InPlaceZeroPoints(q)) {
    zero_points = in_place;
  } else if (zero_points != nullptr && q != nullptr && q->scale() != nullptr &&
             q->scale()->size() > 0) {
    const int channels = static_cast<int>(q->scale()->size());
    zero_points->size = channels;
    for (int i = 0; i < channels; ++i) {
      zero_points->data[i] =
          q->zero_point() != nullptr && q->zero_point()->size() > 0
              ? static_cast<int>(q->zero_point()->Get(i))
              : 0;
    }
  } else {
    zero_points = nullptr;
  }
  if (zero_points != nullptr) {
    t.params.scale = q->scale()->Get(0);
    t.params.zero_point = zero_points->data[0];
    out->quantization.scale = AsFloatArray(q->scale());
    out->quantization.zero_point = zero_points;
    // A vector has one axis, whatever axis the model names (see
    // model_checks.cc).
    out->quantization.quantized_dimension =
        t.dims != nullptr && t.dims->size == 1 ? 0 : q->quantized_dimension();
    t.quantization.type = kTfLiteAffineQuantization;
    t.quantization.params = &out->quantization;
  }
}

namespace {

// Zero points a tensor's TfLiteTensor needs in the arena (0 when it has no
// quantization or they are read from the model in place).
int QuantizationChannels(const Tensor* tensor) {
  const QuantizationParameters* q = tensor->quantization();
  if (q == nullptr || q->scale() == nullptr ||
      InPlaceZeroPoints(q) != nullptr) {
    return 0;
  }
  return static_cast<int>(q->scale()->size());
}

}  // namespace

TfLiteTensor* MicroAllocator::AllocateTempTfLiteTensor(
    SubgraphAllocations* subgraphs, int subgraph, int tensor_index) {
  if (tensor_index < 0 || tensor_index >= subgraphs[subgraph].tensors_size) {
    return nullptr;
  }
  const int channels =
      QuantizationChannels(GetTensor(model_, subgraph, tensor_index));
  // One block (tensor + zero points) so LIFO deallocation frees both.
  const size_t zero_point_bytes =
      channels > 0 ? TfLiteIntArrayGetSizeInBytes(channels) : 0;
  uint8_t* block = arena_.AllocateTemp(
      sizeof(MicroTensor) + zero_point_bytes, alignof(MicroTensor),
      TF_LITE_MICRO_MESSAGE_TEXT("a temporary TfLiteTensor"));
  if (block == nullptr) return nullptr;
  MicroTensor* tensor = reinterpret_cast<MicroTensor*>(block);
  TfLiteIntArray* zero_points =
      channels > 0
          ? reinterpret_cast<TfLiteIntArray*>(block + sizeof(MicroTensor))
          : nullptr;
  FillTfLiteTensor(subgraph, tensor_index,
                   &subgraphs[subgraph].tensors[tensor_index], tensor,
                   zero_points);
  return &tensor->tensor;
}

void MicroAllocator::DeallocateTempTfLiteTensor(TfLiteTensor* tensor) {
  arena_.DeallocateTemp(reinterpret_cast<uint8_t*>(tensor));
}

uint8_t* MicroAllocator::AllocateTempBuffer(size_t size, size_t alignment) {
  return arena_.AllocateTemp(size, alignment,
                             TF_LITE_MICRO_MESSAGE_TEXT("a temporary buffer"));
}

void MicroAllocator::DeallocateTempBuffer(uint8_t* buffer) {
  arena_.DeallocateTemp(buffer);
}

TfLiteTensor* MicroAllocator::AllocatePersistentTfLiteTensor(
    SubgraphAllocations* subgraphs, int subgraph, int tensor_index) {
  const int channels =
      QuantizationChannels(GetTensor(model_, subgraph, tensor_index));
  MicroTensor* tensor = reinterpret_cast<MicroTensor*>(
      AllocatePersistent(sizeof(MicroTensor), alignof(MicroTensor),
                         RecordedAllocationType::kPersistentTfLiteTensorData));
  if (tensor == nullptr) return nullptr;
  TfLiteIntArray* zero_points = nullptr;
  if (channels > 0) {
    zero_points = reinterpret_cast<TfLiteIntArray*>(AllocatePersistent(
        TfLiteIntArrayGetSizeInBytes(channels), alignof(TfLiteIntArray),
        RecordedAllocationType::kPersistentTfLiteTensorQuantizationData));
    if (zero_points == nullptr) return nullptr;
  }
  FillTfLiteTensor(subgraph, tensor_index,
                   &subgraphs[subgraph].tensors[tensor_index], tensor,
                   zero_points);
  return &tensor->tensor;
}

TfLiteStatus MicroAllocator::ResizeEvalTensor(TfLiteEvalTensor* tensor,
                                              int rank, const int32_t* dims) {
  if (rank < 0 || rank > kMaxTensorRank) {
    MicroPrintf("Cannot give a tensor rank %d (at most %d)", rank,
                kMaxTensorRank);
    return kTfLiteError;
  }
  int64_t bytes = static_cast<int64_t>(ElementSize(tensor->type));
  for (int i = 0; i < rank; ++i) {
    if (dims[i] < 0) {
      MicroPrintf("Cannot give a tensor a negative dimension (%d)",
                  static_cast<int>(dims[i]));
      return kTfLiteError;
    }
    bytes *= dims[i];
    if (bytes > kMaxTensorBytes) {
      MicroPrintf("Tensor shape is too large");
      return kTfLiteError;
    }
  }
  if (IsModelShape(tensor->dims)) {
    // The model's (read-only) array: unchanged or replaced by an arena copy.
    if (DimsEqual(tensor->dims, rank, dims)) return kTfLiteOk;
    TfLiteIntArray* copy = AllocateDims(rank);
    if (copy == nullptr) return kTfLiteError;
    tensor->dims = copy;
  }
  // Arena-owned shapes carry their capacity just before the array.
  const int32_t capacity = reinterpret_cast<int32_t*>(tensor->dims)[-1];
  if (rank > capacity) {
    TfLiteIntArray* grown = AllocateDims(rank);
    if (grown == nullptr) return kTfLiteError;
    tensor->dims = grown;
  }
  tensor->dims->size = rank;
  for (int i = 0; i < rank; ++i) tensor->dims->data[i] = dims[i];
  return kTfLiteOk;
}

TfLiteStatus MicroAllocator::ResizeTensor(TfLiteTensor* tensor, int rank,
                                          const int32_t* dims) {
  if (tensor->allocation_type == kTfLiteMmapRo) {
    MicroPrintf("Tensor '%s' is a constant; its shape cannot change",
                tensor->name != nullptr ? tensor->name : "");
    return kTfLiteError;
  }
  MicroTensor* micro_tensor = reinterpret_cast<MicroTensor*>(tensor);
  TF_LITE_ENSURE_STATUS(ResizeEvalTensor(micro_tensor->eval, rank, dims));
  tensor->dims = micro_tensor->eval->dims;
  tensor->bytes = TensorBytes(micro_tensor->eval);
  return kTfLiteOk;
}

void MicroAllocator::ResetVariableTensors(SubgraphAllocations* subgraphs) {
  const int num_subgraphs = static_cast<int>(model_->subgraphs()->size());
  for (int s = 0; s < num_subgraphs; ++s) {
    for (int t = 0; t < subgraphs[s].tensors_size; ++t) {
      const Tensor* tensor = GetTensor(model_, s, t);
      if (!tensor->is_variable()) continue;
      TfLiteEvalTensor& eval = subgraphs[s].tensors[t];
      const size_t bytes = TensorBytes(&eval);
      const ConstantData initial =
          GetBufferData(model_, tensor->buffer(), file_data_, file_size_);
      if (initial.data != nullptr && initial.size == bytes) {
        std::memcpy(eval.data.raw, initial.data, bytes);
        continue;
      }
      // int8 state starts at the zero point (real value 0), as in TFLM.
      int value = 0;
      if (eval.type == kTfLiteInt8 && tensor->quantization() != nullptr &&
          tensor->quantization()->zero_point() != nullptr &&
          tensor->quantization()->zero_point()->size() > 0) {
        value = static_cast<int>(tensor->quantization()->zero_point()->Get(0));
      }
      std::memset(eval.data.raw, value, bytes);
    }
  }
}

TfLiteStatus MicroAllocator::SaveInputShapes(SubgraphAllocations* subgraphs) {
  const SubGraph* graph = GetSubgraph(model_, 0);
  const int inputs = graph->inputs() == nullptr
                         ? 0
                         : static_cast<int>(graph->inputs()->size());
  size_t words = 1;
  for (int i = 0; i < inputs; ++i) {
    words += 1 + subgraphs[0].tensors[graph->inputs()->Get(i)].dims->size;
  }
  // Copy out to temp memory at the arena start; it survives ResetAll()
  // because nothing else writes there until RestoreInputShapes.
  arena_.ResetTempAllocations();
  TF_LITE_ENSURE_STATUS(
      arena_.SetHeadSize(0, TF_LITE_MICRO_MESSAGE_TEXT("saved input shapes")));
  int32_t* saved = reinterpret_cast<int32_t*>(
      arena_.AllocateTemp(words * sizeof(int32_t), alignof(int32_t),
                          TF_LITE_MICRO_MESSAGE_TEXT("saved input shapes")));
  if (saved == nullptr) return kTfLiteError;
  // Read the shapes before anything is overwritten: they live in the tail.
  int32_t* cursor = saved;
  *cursor++ = inputs;
  for (int i = 0; i < inputs; ++i) {
    const TfLiteIntArray* dims =
        subgraphs[0].tensors[graph->inputs()->Get(i)].dims;
    *cursor++ = dims->size;
    for (int d = 0; d < dims->size; ++d) *cursor++ = dims->data[d];
  }
  const size_t bytes = words * sizeof(int32_t);
  ResetAll();
  saved_shapes_ = reinterpret_cast<int32_t*>(
      arena_.AllocateTemp(bytes, alignof(int32_t),
                          TF_LITE_MICRO_MESSAGE_TEXT("saved input shapes")));
  return saved_shapes_ == saved ? kTfLiteOk : kTfLiteError;
}

TfLiteStatus MicroAllocator::RestoreInputShapes(
    SubgraphAllocations* subgraphs) {
  if (saved_shapes_ == nullptr) return kTfLiteOk;
  const SubGraph* graph = GetSubgraph(model_, 0);
  const int32_t* cursor = saved_shapes_;
  const int inputs = *cursor++;
  for (int i = 0; i < inputs; ++i) {
    const int rank = *cursor++;
    TfLiteEvalTensor* tensor = &subgraphs[0].tensors[graph->inputs()->Get(i)];
    if (!IsConstantTensor(0, graph->inputs()->Get(i))) {
      TF_LITE_ENSURE_STATUS(ResizeEvalTensor(tensor, rank, cursor));
    }
    cursor += rank;
  }
  saved_shapes_ = nullptr;
  arena_.ResetTempAllocations();
  return kTfLiteOk;
}

namespace {

bool ListContains(const flatbuffers::Vector<int32_t>* list, int value) {
  if (list == nullptr) return false;
  for (flatbuffers::uoffset_t i = 0; i < list->size(); ++i) {
    if (list->Get(i) == value) return true;
  }
  return false;
}

// alias[t] <= kInPlaceBase: t has its own buffer, planned at the offset of
// tensor kInPlaceBase - alias[t]'s buffer (in place).
constexpr int32_t kInPlaceBase = -2;

int RootOf(const int32_t* alias, int tensor) {
  while (alias[tensor] >= 0) tensor = alias[tensor];
  return tensor;
}

}  // namespace

// Lets tensors of subgraph 0 share one buffer (global index = local index
// there), merging lifetimes into the buffer's owner; returns how many
// tensors stopped needing their own buffer. Planned tensors have last >= 0.
//  - RESHAPE, SQUEEZE, EXPAND_DIMS: the output holds the input's bytes
//    unchanged, so it can be the input's memory (both are only read
//    afterwards; the kernels skip the copy when the addresses match).
//  - AllowInPlace requests: the output can start at the input's address
//    when nothing reads the input (or a tensor sharing it) after the node
//    and it is not a model input (those keep their values across Invoke).
//    The output keeps its size and lifetime; the planner anchors its offset
//    to the input's (not counted in the return value).
// Subgraphs called by control-flow ops keep separate buffers.
int MicroAllocator::ShareBuffers(SubgraphAllocations* subgraphs,
                                 int32_t* first, int32_t* last,
                                 const int32_t* node_first,
                                 int32_t* alias) const {
  const SubGraph* graph = GetSubgraph(model_, 0);
  const int tensors = subgraphs[0].tensors_size;
  int shared = 0;
  auto valid = [&](int t) { return t >= 0 && t < tensors && last[t] >= 0; };
  auto merge = [&](int tensor, int root) {
    alias[tensor] = root;
    if (first[tensor] < first[root]) first[root] = first[tensor];
    if (last[tensor] > last[root]) last[root] = last[tensor];
    ++shared;
  };
  for (int n = 0; n < OperatorCount(graph); ++n) {
    const Operator* op = graph->operators()->Get(n);
    const auto* codes = model_->operator_codes();
    if (codes == nullptr || op->opcode_index() >= codes->size()) continue;
    const BuiltinOperator code = GetBuiltinCode(codes->Get(op->opcode_index()));
    if (code != BuiltinOperator_RESHAPE && code != BuiltinOperator_SQUEEZE &&
        code != BuiltinOperator_EXPAND_DIMS) {
      continue;
    }
    if (op->inputs() == nullptr || op->outputs() == nullptr ||
        op->inputs()->size() < 1 || op->outputs()->size() != 1) {
      continue;
    }
    const int in = op->inputs()->Get(0);
    const int out = op->outputs()->Get(0);
    if (!valid(in) || !valid(out) || in == out || alias[out] >= 0) continue;
    if (TensorBytes(&subgraphs[0].tensors[in]) !=
        TensorBytes(&subgraphs[0].tensors[out])) {
      continue;
    }
    const int root = RootOf(alias, in);
    if (ListContains(graph->inputs(), out)) continue;
    // A model output must not change when the caller sets a model input.
    if (ListContains(graph->outputs(), out) &&
        ListContains(graph->inputs(), root)) {
      continue;
    }
    merge(out, root);
  }
  for (int i = 0; i < in_place_count_; ++i) {
    const InPlaceRequest& r = in_place_[i];
    if (r.subgraph != 0 || !valid(r.input) || !valid(r.output) ||
        r.input == r.output || alias[r.output] >= 0) {
      continue;
    }
    const int root = RootOf(alias, r.input);
    if (root == r.output || ListContains(graph->inputs(), root)) continue;
    const int32_t step = node_first[r.node];
    if (last[root] != step || first[r.output] != step) continue;
    // The output keeps its own buffer (size, lifetime), planned at the
    // input's offset.
    alias[r.output] = kInPlaceBase - root;
  }
  return shared;
}

// An anchor (output planned over its input) only helps at the steps where
// both are alive, and ties the output's placement everywhere else. Keeps
// the anchors that lower the peak of the bytes alive per step (a lower
// bound of the plan), greedily at the highest step, and drops the others.
TfLiteStatus MicroAllocator::KeepUsefulAnchors(const PlannerBuffer* buffers,
                                               int count, int steps,
                                               int32_t* anchors) {
  int64_t* live = reinterpret_cast<int64_t*>(AllocateTempBuffer(
      sizeof(int64_t) * (steps > 0 ? steps : 1), alignof(int64_t)));
  uint8_t* keep = reinterpret_cast<uint8_t*>(
      AllocateTempBuffer(count > 0 ? count : 1, 1));
  if (live == nullptr || keep == nullptr) return kTfLiteError;
  for (int i = 0; i < steps; ++i) live[i] = 0;
  for (int b = 0; b < count; ++b) {
    keep[b] = 0;
    for (int i = buffers[b].first_use; i <= buffers[b].last_use; ++i) {
      live[i] += buffers[b].size;
    }
  }
  auto overlap = [&](int f, int32_t* from, int32_t* to) {
    const PlannerBuffer& x = buffers[f];
    const PlannerBuffer& y = buffers[anchors[f]];
    *from = x.first_use > y.first_use ? x.first_use : y.first_use;
    *to = x.last_use < y.last_use ? x.last_use : y.last_use;
    return x.size < y.size ? x.size : y.size;
  };
  while (true) {
    int peak = 0;
    for (int i = 1; i < steps; ++i) {
      if (live[i] > live[peak]) peak = i;
    }
    int best = -1;
    int32_t best_saving = 0;
    for (int f = 0; f < count; ++f) {
      if (anchors[f] < 0 || keep[f]) continue;
      int32_t from, to;
      const int32_t saving = overlap(f, &from, &to);
      if (from <= peak && peak <= to && saving > best_saving) {
        best = f;
        best_saving = saving;
      }
    }
    if (best < 0) break;
    keep[best] = 1;
    int32_t from, to;
    overlap(best, &from, &to);
    for (int i = from; i <= to; ++i) live[i] -= best_saving;
  }
  for (int f = 0; f < count; ++f) {
    if (!keep[f]) anchors[f] = -1;
  }
  return kTfLiteOk;
}

// Whether ShareBuffers can find anything: an in-place request or a
// reshape-like node in subgraph 0.
bool MicroAllocator::MayShareBuffers() const {
  if (in_place_count_ > 0) return true;
  const SubGraph* graph = GetSubgraph(model_, 0);
  const auto* codes = model_->operator_codes();
  if (codes == nullptr) return false;
  for (int n = 0; n < OperatorCount(graph); ++n) {
    const Operator* op = graph->operators()->Get(n);
    if (op->opcode_index() >= codes->size()) continue;
    const BuiltinOperator code = GetBuiltinCode(codes->Get(op->opcode_index()));
    if (code == BuiltinOperator_RESHAPE || code == BuiltinOperator_SQUEEZE ||
        code == BuiltinOperator_EXPAND_DIMS) {
      return true;
    }
  }
  return false;
}

// Bytes of the buffer owned by `root`: the largest tensor sharing it.
size_t MicroAllocator::SharedBytes(SubgraphAllocations* subgraphs,
                                   const int32_t* alias, int root) const {
  size_t bytes = 0;
  for (int s = 0, base = 0; s < static_cast<int>(model_->subgraphs()->size());
       base += subgraphs[s].tensors_size, ++s) {
    if (root < base || root >= base + subgraphs[s].tensors_size) continue;
    bytes = TensorBytes(&subgraphs[s].tensors[root - base]);
    if (s != 0) return bytes;
  }
  for (int t = 0; t < subgraphs[0].tensors_size; ++t) {
    if (alias[t] >= 0 && RootOf(alias, t) == root) {
      const size_t b = TensorBytes(&subgraphs[0].tensors[t]);
      if (b > bytes) bytes = b;
    }
  }
  return bytes;
}

TfLiteStatus MicroAllocator::PlanMemory(SubgraphAllocations* subgraphs,
                                        bool preserve_all_tensors) {
  const int num_subgraphs = static_cast<int>(model_->subgraphs()->size());
  int total_tensors = 0;
  int total_nodes = 0;
  for (int s = 0; s < num_subgraphs; ++s) {
    total_tensors += subgraphs[s].tensors_size;
    total_nodes += subgraphs[s].nodes_size;
  }
  const size_t ints = 2 * static_cast<size_t>(num_subgraphs) +
                      2 * static_cast<size_t>(total_tensors) +
                      2 * static_cast<size_t>(total_nodes);
  int32_t* ints_block = reinterpret_cast<int32_t*>(AllocateTempBuffer(
      ints * sizeof(int32_t) + 2 * static_cast<size_t>(num_subgraphs),
      alignof(int32_t)));
  if (ints_block == nullptr) return kTfLiteError;
  Lifetimes lifetimes;
  lifetimes.model = model_;
  lifetimes.resolver = resolver_;
  lifetimes.subgraphs = subgraphs;
  lifetimes.num_subgraphs = num_subgraphs;
  lifetimes.keep_model_inputs = keep_model_inputs_;
  int32_t* tensor_base = ints_block;
  int32_t* node_base = tensor_base + num_subgraphs;
  lifetimes.first = node_base + num_subgraphs;
  lifetimes.last = lifetimes.first + total_tensors;
  lifetimes.node_first = lifetimes.last + total_tensors;
  lifetimes.node_last = lifetimes.node_first + total_nodes;
  lifetimes.on_stack =
      reinterpret_cast<uint8_t*>(lifetimes.node_last + total_nodes);
  lifetimes.walked = lifetimes.on_stack + num_subgraphs;
  lifetimes.tensor_base = tensor_base;
  lifetimes.node_base = node_base;
  int tensor_offset = 0;
  int node_offset = 0;
  for (int s = 0; s < num_subgraphs; ++s) {
    tensor_base[s] = tensor_offset;
    node_base[s] = node_offset;
    tensor_offset += subgraphs[s].tensors_size;
    node_offset += subgraphs[s].nodes_size;
    lifetimes.on_stack[s] = 0;
    lifetimes.walked[s] = 0;
  }
  constexpr int32_t kUnused = 0x7fffffff;
  for (int i = 0; i < total_tensors; ++i) {
    lifetimes.first[i] = kUnused;
    lifetimes.last[i] = -1;
  }
  for (int i = 0; i < total_nodes; ++i) {
    lifetimes.node_first[i] = kUnused;
    lifetimes.node_last[i] = -1;
  }
  lifetimes.step = 0;
  TF_LITE_ENSURE_STATUS(lifetimes.Walk(0, 0));
  // Subgraphs no node calls still get memory, after everything else.
  for (int s = 1; s < num_subgraphs; ++s) {
    if (!lifetimes.walked[s]) TF_LITE_ENSURE_STATUS(lifetimes.Walk(s, 0));
  }
  const int32_t end = lifetimes.step - 1;

  // Collect planned buffers: non-constant, non-variable, used tensors and
  // every scratch buffer.
  int count = 0;
  for (int s = 0; s < num_subgraphs; ++s) {
    for (int t = 0; t < subgraphs[s].tensors_size; ++t) {
      const int g = tensor_base[s] + t;
      if (lifetimes.last[g] < 0 || IsConstantTensor(s, t) ||
          GetTensor(model_, s, t)->is_variable() ||
          subgraphs[s].tensors[t].type == kTfLiteResource) {
        lifetimes.last[g] = -1;  // not planned
        continue;
      }
      if (preserve_all_tensors) {
        lifetimes.first[g] = 0;
        lifetimes.last[g] = end;
      }
      ++count;
    }
  }
  // Shared memory. alias[g] is the tensor whose buffer g uses (or -1).
  // (Allocated only when something may share: it adds to the temporary
  // peak that the minimum arena size includes.)
  int32_t* alias = nullptr;
  if (!preserve_all_tensors && sharing_ != nullptr &&
      (this->*sharing_->may_share)()) {
    alias = reinterpret_cast<int32_t*>(AllocateTempBuffer(
        sizeof(int32_t) * (total_tensors > 0 ? total_tensors : 1),
        alignof(int32_t)));
    if (alias == nullptr) return kTfLiteError;
    for (int i = 0; i < total_tensors; ++i) alias[i] = -1;
    count -= (this->*sharing_->share)(subgraphs, lifetimes.first,
                                      lifetimes.last, lifetimes.node_first,
                                      alias);
  }
  count += scratch_count_;
  PlannerBuffer* buffers = reinterpret_cast<PlannerBuffer*>(AllocateTempBuffer(
      sizeof(PlannerBuffer) * (count > 0 ? count : 1), alignof(PlannerBuffer)));
  // Anchors (below) come with sharing only.
  void* planner_scratch = AllocateTempBuffer(
      GreedyPlannerScratchBytes(count, alias != nullptr), alignof(int32_t));
  if (buffers == nullptr || planner_scratch == nullptr) return kTfLiteError;
  int b = 0;
  for (int s = 0; s < num_subgraphs; ++s) {
    for (int t = 0; t < subgraphs[s].tensors_size; ++t) {
      const int g = tensor_base[s] + t;
      if (lifetimes.last[g] < 0 || (alias != nullptr && alias[g] >= 0)) {
        continue;
      }
      buffers[b].size = static_cast<int32_t>(AlignSize(
          alias != nullptr ? (this->*sharing_->shared_bytes)(subgraphs,
                                                             alias, g)
                           : TensorBytes(&subgraphs[s].tensors[t]),
          kArenaAlignment));
      buffers[b].first_use = lifetimes.first[g];
      buffers[b].last_use = lifetimes.last[g];
      ++b;
    }
  }
  // Buffers planned at another buffer's offset (in-place outputs).
  int32_t* anchors = nullptr;
  if (alias != nullptr) {
    anchors = reinterpret_cast<int32_t*>(AllocateTempBuffer(
        sizeof(int32_t) * (count > 0 ? count : 1), alignof(int32_t)));
    if (anchors == nullptr) return kTfLiteError;
    for (int i = 0; i < count; ++i) anchors[i] = -1;
    // lifetimes.first (copied into the buffers) now maps a subgraph-0
    // tensor to its buffer.
    int index = 0;
    for (int t = 0; t < subgraphs[0].tensors_size; ++t) {
      if (lifetimes.last[t] < 0 || alias[t] >= 0) continue;
      lifetimes.first[t] = index++;
    }
    for (int t = 0; t < subgraphs[0].tensors_size; ++t) {
      if (lifetimes.last[t] < 0 || alias[t] > kInPlaceBase) continue;
      anchors[lifetimes.first[t]] = lifetimes.first[kInPlaceBase - alias[t]];
    }
  }
  for (const ScratchRequest* r = first_request_; r != nullptr; r = r->next) {
    const ScratchRequest& request = *r;
    const int g = node_base[request.subgraph] + request.node;
    buffers[b].size = static_cast<int32_t>(
        AlignSize(static_cast<size_t>(request.bytes), kArenaAlignment));
    buffers[b].first_use = lifetimes.node_first[g];
    buffers[b].last_use = lifetimes.node_last[g];
    ++b;
  }
  if (anchors != nullptr) {
    TF_LITE_ENSURE_STATUS((this->*sharing_->keep_useful_anchors)(
        buffers, count, end + 1, anchors));
  }
  const size_t head_bytes =
      PlanBuffersGreedy(buffers, count, planner_scratch, anchors);

  // Hand out pointers (the head starts at the arena start).
  uint8_t* head = arena_.begin();
  b = 0;
  for (int s = 0; s < num_subgraphs; ++s) {
    for (int t = 0; t < subgraphs[s].tensors_size; ++t) {
      const int g = tensor_base[s] + t;
      if (lifetimes.last[g] < 0 || (alias != nullptr && alias[g] >= 0)) {
        continue;
      }
      subgraphs[s].tensors[t].data.raw =
          reinterpret_cast<char*>(head + buffers[b].offset);
      ++b;
    }
  }
  // Tensors sharing a buffer get its address.
  for (int s = 0; alias != nullptr && s < num_subgraphs; ++s) {
    for (int t = 0; t < subgraphs[s].tensors_size; ++t) {
      int root = tensor_base[s] + t;
      if (s != 0 || alias[root] < 0) continue;
      while (alias[root] >= 0) root = alias[root];
      // Only subgraph 0 shares (see ShareBuffers).
      subgraphs[s].tensors[t].data.raw = subgraphs[0].tensors[root].data.raw;
    }
  }
  for (int i = 0; i < scratch_count_; ++i, ++b) {
    scratch_buffers_[i] = head + buffers[b].offset;
  }
  arena_.ResetTempAllocations();
  return arena_.SetHeadSize(
      head_bytes, TF_LITE_MICRO_MESSAGE_TEXT("planned activation buffers"));
}

TfLiteStatus MicroAllocator::FinishModelAllocation(
    SubgraphAllocations* subgraphs, bool preserve_all_tensors) {
  // After the kernels have prepared, so that their more specific messages
  // (e.g. a state tensor that is not a variable) come first.
#if !defined(TF_LITE_MICRO_SKIP_MODEL_CHECKS)
  for (int s = 0; s < static_cast<int>(model_->subgraphs()->size()); ++s) {
    TF_LITE_ENSURE_STATUS(CheckReadsFollowWrites(s));
  }
#endif
  if (scratch_count_ > 0) {
    scratch_buffers_ = reinterpret_cast<void**>(
        AllocatePersistent(sizeof(void*) * scratch_count_, alignof(void*),
                           RecordedAllocationType::kScratchBufferHandles));
    if (scratch_buffers_ == nullptr) return kTfLiteError;
  }
  TF_LITE_ENSURE_STATUS(PlanMemory(subgraphs, preserve_all_tensors));
  ResetVariableTensors(subgraphs);
  return kTfLiteOk;
}

}  // namespace tflite
