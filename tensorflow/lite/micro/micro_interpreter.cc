#include "tensorflow/lite/micro/micro_interpreter.h"

#include "tensorflow/lite/micro/debug_log.h"
#include "tensorflow/lite/micro/micro_resource_variable.h"
#include "tensorflow/lite/micro/model_checks.h"
#include "tensorflow/lite/schema/schema_utils.h"

namespace tflite {
namespace {

void LogText(const char* format, ...) {
  va_list args;
  va_start(args, format);
  DebugLog(format, args);
  va_end(args);
}

// VAR_HANDLE ops in the whole model: an upper bound on its variables.
int CountVarHandles(const Model* model) {
  int count = 0;
  const auto* codes = model->operator_codes();
  for (flatbuffers::uoffset_t s = 0; s < model->subgraphs()->size(); ++s) {
    const auto* operators = model->subgraphs()->Get(s)->operators();
    if (operators == nullptr) continue;
    for (flatbuffers::uoffset_t n = 0; n < operators->size(); ++n) {
      const Operator* op = operators->Get(n);
      if (codes != nullptr && op->opcode_index() < codes->size() &&
          GetBuiltinCode(codes->Get(op->opcode_index())) ==
              BuiltinOperator_VAR_HANDLE) {
        ++count;
      }
    }
  }
  return count;
}

}  // namespace

MicroInterpreter::MicroInterpreter(const uint8_t* model_data,
                                   size_t model_size,
                                   const MicroOpResolver& op_resolver,
                                   uint8_t* tensor_arena,
                                   size_t tensor_arena_size,
                                   MicroResourceVariables* resource_variables,
                                   MicroProfilerInterface* profiler,
                                   bool preserve_all_tensors)
    : model_(nullptr),
      model_data_(model_data),
      model_size_(model_size),
      op_resolver_(op_resolver),
      allocator_(tensor_arena, tensor_arena_size),
      graph_(&context_, nullptr, &allocator_),
      micro_context_(&allocator_, &graph_),
      preserve_all_tensors_(preserve_all_tensors) {
  Init(resource_variables, profiler);
}

MicroInterpreter::MicroInterpreter(const Model* model,
                                   const MicroOpResolver& op_resolver,
                                   uint8_t* tensor_arena,
                                   size_t tensor_arena_size,
                                   MicroResourceVariables* resource_variables,
                                   MicroProfilerInterface* profiler,
                                   bool preserve_all_tensors)
    : model_(model),
      model_data_(nullptr),
      model_size_(0),
      op_resolver_(op_resolver),
      allocator_(tensor_arena, tensor_arena_size),
      graph_(&context_, model, &allocator_),
      micro_context_(&allocator_, &graph_),
      preserve_all_tensors_(preserve_all_tensors) {
  Init(resource_variables, profiler);
}

void MicroInterpreter::Init(MicroResourceVariables* resource_variables,
                            MicroProfilerInterface* profiler) {
  InitTfLiteContext(&context_, &micro_context_);
  user_resource_variables_ = resource_variables;
  micro_context_.set_resource_variables(resource_variables);
  graph_.SetProfiler(profiler);
  errors_.Clear();
  ScopedErrorCapture capture(&errors_);
  // A rejected model is reported by AllocateTensors (and error_message());
  // the constructor prints nothing so callers can turn logging off first.
  init_status_ = CheckModel();
  if (init_status_ != kTfLiteOk) {
    state_ = State::kFailed;
#if defined(TF_LITE_STRIP_ERROR_STRINGS)
    errors_.MarkFailed();
#endif
  }
}

MicroInterpreter::~MicroInterpreter() {
  if (subgraphs_ != nullptr) graph_.FreeSubgraphs();
}

TfLiteStatus MicroInterpreter::CheckModel() {
#if !defined(TF_LITE_MICRO_SKIP_MODEL_CHECKS)
  if (model_ == nullptr) {
    model_ = VerifyModelBytes(model_data_, model_size_);
    if (model_ == nullptr) return kTfLiteError;
    graph_.SetModel(model_);
  }
  TF_LITE_ENSURE_STATUS(
      CheckModelSemantics(model_, model_data_, model_size_, &op_resolver_));
#else
  // Built without the model checks: the model is trusted. What is left are
  // the checks that cost next to nothing and keep a wrong buffer (not a
  // model, or one for another schema) from being read at all.
  if (model_ == nullptr) {
    if (model_data_ == nullptr || model_size_ < 8 ||
        reinterpret_cast<uintptr_t>(model_data_) % 8 != 0 ||
        flatbuffers::ReadScalar<flatbuffers::uoffset_t>(model_data_) >=
            model_size_) {
      MicroPrintf("Invalid model: %u bytes at %p are no 8-byte aligned model",
                  static_cast<unsigned>(model_size_),
                  static_cast<const void*>(model_data_));
      return kTfLiteError;
    }
    model_ = GetModel(model_data_);
    graph_.SetModel(model_);
  }
  if (model_->version() != 3 || model_->subgraphs() == nullptr ||
      model_->subgraphs()->size() == 0) {
    MicroPrintf("Invalid model: schema version %u (3 expected), %u subgraphs",
                static_cast<unsigned>(model_->version()),
                model_->subgraphs() == nullptr
                    ? 0u
                    : static_cast<unsigned>(model_->subgraphs()->size()));
    return kTfLiteError;
  }
#endif
  allocator_.SetModel(model_, model_data_, model_size_);
  model_checked_ = true;
  return kTfLiteOk;
}

TfLiteStatus MicroInterpreter::Fail(const char* what) {
#if defined(TF_LITE_STRIP_ERROR_STRINGS)
  // Nothing to print; error_message() says the texts were stripped.
  (void)what;
  errors_.MarkFailed();
#else
  MicroErrorBuffer* capture = CurrentErrorCapture();
  if (capture != nullptr && capture->empty()) {
    MicroPrintf("%s failed", what);
  }
  if (log_errors_) LogText("%s\n", errors_.text());
#endif
  return kTfLiteError;
}

TfLiteStatus MicroInterpreter::AllocateTensors() {
  if (!model_checked_) {
    // Keep the model check's message.
#if !defined(TF_LITE_STRIP_ERROR_STRINGS)
    if (log_errors_) LogText("%s\n", errors_.text());
#endif
    return kTfLiteError;
  }
  errors_.Clear();
  ScopedErrorCapture capture(&errors_);
  if (state_ == State::kAllocated) return kTfLiteOk;
  arena_too_small_ = false;
  const TfLiteStatus status = AllocateTensorsImpl();
  if (status != kTfLiteOk) {
    arena_too_small_ = allocator_.last_shortfall() > 0;
    state_ = State::kFailed;
    return Fail("AllocateTensors");
  }
  state_ = State::kAllocated;
  return kTfLiteOk;
}

TfLiteStatus MicroInterpreter::AllocateTensorsImpl() {
  // A second allocation (after a resize or a failure) starts from scratch but
  // keeps the shapes given to the inputs.
  const bool keep_input_shapes =
      subgraphs_ != nullptr && state_ == State::kNeedsAllocation;
  if (subgraphs_ != nullptr) graph_.FreeSubgraphs();
  if (keep_input_shapes) {
    TF_LITE_ENSURE_STATUS(allocator_.SaveInputShapes(subgraphs_));
  } else {
    allocator_.ResetAll();
  }
  subgraphs_ = nullptr;
  input_tensors_ = nullptr;
  output_tensors_ = nullptr;

  SubgraphAllocations* subgraphs = nullptr;
  TF_LITE_ENSURE_STATUS(
      allocator_.StartModelAllocation(op_resolver_, &subgraphs));
  graph_.SetSubgraphAllocations(subgraphs);
  TF_LITE_ENSURE_STATUS(allocator_.RestoreInputShapes(subgraphs));
  subgraphs_ = subgraphs;
  TF_LITE_ENSURE_STATUS(SetUpResourceVariables());

  TF_LITE_ENSURE_STATUS(graph_.InitSubgraphs());
  TF_LITE_ENSURE_STATUS(graph_.PrepareSubgraphs());
  TF_LITE_ENSURE_STATUS(
      allocator_.FinishModelAllocation(subgraphs, preserve_all_tensors_));

  const size_t inputs = inputs_size();
  const size_t outputs = outputs_size();
  if (inputs + outputs > 0) {
    TfLiteTensor** tensors =
        static_cast<TfLiteTensor**>(allocator_.AllocatePersistentBuffer(
            sizeof(TfLiteTensor*) * (inputs + outputs)));
    if (tensors == nullptr) return kTfLiteError;
    input_tensors_ = tensors;
    output_tensors_ = tensors + inputs;
    for (size_t i = 0; i < inputs; ++i) {
      input_tensors_[i] = allocator_.AllocatePersistentTfLiteTensor(
          subgraphs, 0, input_tensor_index(i));
      if (input_tensors_[i] == nullptr) return kTfLiteError;
    }
    for (size_t i = 0; i < outputs; ++i) {
      output_tensors_[i] = allocator_.AllocatePersistentTfLiteTensor(
          subgraphs, 0, output_tensor_index(i));
      if (output_tensors_[i] == nullptr) return kTfLiteError;
    }
  }
  return kTfLiteOk;
}

TfLiteStatus MicroInterpreter::SetUpResourceVariables() {
  // Variables get their buffers while kernels prepare, so an allocation from
  // scratch starts with none.
  if (user_resource_variables_ != nullptr) {
    user_resource_variables_->ClearAll();
    micro_context_.set_resource_variables(user_resource_variables_);
    return kTfLiteOk;
  }
  micro_context_.set_resource_variables(nullptr);
  const int var_handles = CountVarHandles(model_);
  if (var_handles == 0) return kTfLiteOk;
  MicroResourceVariables* variables =
      MicroResourceVariables::Create(&allocator_, var_handles);
  if (variables == nullptr) {
    MicroPrintf("No arena memory for the table of %d resource variables",
                var_handles);
    return kTfLiteError;
  }
  micro_context_.set_resource_variables(variables);
  return kTfLiteOk;
}

TfLiteStatus MicroInterpreter::EnsureAllocated(const char* call) {
  if (state_ == State::kAllocated) return kTfLiteOk;
  if (!model_checked_) {
    MicroPrintf("%s: the model was rejected when it was loaded", call);
    return kTfLiteError;
  }
  const TfLiteStatus status = AllocateTensorsImpl();
  if (status != kTfLiteOk) {
    arena_too_small_ = allocator_.last_shortfall() > 0;
    state_ = State::kFailed;
    return status;
  }
  state_ = State::kAllocated;
  return kTfLiteOk;
}

TfLiteStatus MicroInterpreter::Invoke() {
  if (!model_checked_) return AllocateTensors();
  errors_.Clear();
  ScopedErrorCapture capture(&errors_);
  if (EnsureAllocated("Invoke") != kTfLiteOk) return Fail("Invoke");
  if (graph_.InvokeSubgraph(0) != kTfLiteOk) return Fail("Invoke");
  return kTfLiteOk;
}

TfLiteStatus MicroInterpreter::Reset() {
  errors_.Clear();
  ScopedErrorCapture capture(&errors_);
  if (state_ != State::kAllocated) return kTfLiteOk;
  if (graph_.ResetSubgraphs() != kTfLiteOk) return Fail("Reset");
  allocator_.ResetVariableTensors(subgraphs_);
  MicroResourceVariables* variables = micro_context_.resource_variables();
  if (variables != nullptr && variables->ResetAll() != kTfLiteOk) {
    return Fail("Reset");
  }
  return kTfLiteOk;
}

void MicroInterpreter::SetArithmetic(MicroArithmetic arithmetic) {
  if (arithmetic == micro_context_.arithmetic()) return;
  micro_context_.set_arithmetic(arithmetic);
  if (state_ == State::kAllocated) state_ = State::kNeedsAllocation;
}

void MicroInterpreter::SetPreserveInputs(bool preserve) {
  if (preserve == allocator_.keep_model_inputs()) return;
  allocator_.set_keep_model_inputs(preserve);
  if (state_ == State::kAllocated) state_ = State::kNeedsAllocation;
}

TfLiteStatus MicroInterpreter::ResizeInputTensor(size_t index,
                                                 const int32_t* dims,
                                                 int rank) {
  errors_.Clear();
  ScopedErrorCapture capture(&errors_);
  // After an earlier resize the tensors are still in place: resize this input
  // too without re-planning in between, so that inputs whose new shapes only
  // fit together (two operands of one op) can be resized one after the other.
  if (state_ != State::kNeedsAllocation &&
      EnsureAllocated("ResizeInputTensor") != kTfLiteOk) {
    return Fail("ResizeInputTensor");
  }
  if (index >= inputs_size()) {
    MicroPrintf("Input index %u is out of range: the model has %u inputs",
                static_cast<unsigned>(index),
                static_cast<unsigned>(inputs_size()));
    return Fail("ResizeInputTensor");
  }
  const int tensor_index = input_tensor_index(index);
  const Tensor* tensor =
      model_->subgraphs()->Get(0)->tensors()->Get(tensor_index);
  const auto* shape = tensor->shape();
  const auto* signature = tensor->shape_signature();
  const int model_rank = shape == nullptr ? 0 : static_cast<int>(shape->size());
  if (rank != model_rank) {
    MicroPrintf("Input %u has rank %d; cannot resize it to rank %d",
                static_cast<unsigned>(index), model_rank, rank);
    return Fail("ResizeInputTensor");
  }
  for (int d = 0; d < rank; ++d) {
    const int fixed = (signature != nullptr &&
                       static_cast<int>(signature->size()) == rank)
                          ? signature->Get(d)
                          : shape->Get(d);
    if (dims[d] < 0 || (fixed != -1 && fixed != dims[d])) {
      MicroPrintf(
          "Input %u: dimension %d must be %d (the model fixes it), got %d",
          static_cast<unsigned>(index), d, fixed, static_cast<int>(dims[d]));
      return Fail("ResizeInputTensor");
    }
  }
  TfLiteEvalTensor* eval = &subgraphs_[0].tensors[tensor_index];
  if (DimsEqual(eval->dims, rank, dims)) return kTfLiteOk;
  // The shape lives in the arena's tail; the re-allocation keeps it.
  micro_context_.SetState(MicroContext::State::kPrepare);
  const TfLiteStatus status = micro_context_.ResizeEvalTensor(eval, rank, dims);
  micro_context_.SetState(MicroContext::State::kIdle);
  if (status != kTfLiteOk) return Fail("ResizeInputTensor");
  state_ = State::kNeedsAllocation;
  return kTfLiteOk;
}

size_t MicroInterpreter::inputs_size() const {
  if (model_ == nullptr || !model_checked_) return 0;
  const auto* inputs = model_->subgraphs()->Get(0)->inputs();
  return inputs == nullptr ? 0 : inputs->size();
}

size_t MicroInterpreter::outputs_size() const {
  if (model_ == nullptr || !model_checked_) return 0;
  const auto* outputs = model_->subgraphs()->Get(0)->outputs();
  return outputs == nullptr ? 0 : outputs->size();
}

int MicroInterpreter::input_tensor_index(size_t index) const {
  if (index >= inputs_size()) return -1;
  return model_->subgraphs()->Get(0)->inputs()->Get(
      static_cast<flatbuffers::uoffset_t>(index));
}

int MicroInterpreter::output_tensor_index(size_t index) const {
  if (index >= outputs_size()) return -1;
  return model_->subgraphs()->Get(0)->outputs()->Get(
      static_cast<flatbuffers::uoffset_t>(index));
}

TfLiteTensor* MicroInterpreter::input(size_t index) {
  if (state_ != State::kAllocated || input_tensors_ == nullptr ||
      index >= inputs_size()) {
    return nullptr;
  }
  return input_tensors_[index];
}

TfLiteTensor* MicroInterpreter::output(size_t index) {
  if (state_ != State::kAllocated || output_tensors_ == nullptr ||
      index >= outputs_size()) {
    return nullptr;
  }
  return output_tensors_[index];
}

const TfLiteEvalTensor* MicroInterpreter::input_description(
    size_t index) const {
  if ((state_ != State::kAllocated && state_ != State::kNeedsAllocation) ||
      subgraphs_ == nullptr || index >= inputs_size()) {
    return nullptr;
  }
  return &subgraphs_[0].tensors[input_tensor_index(index)];
}

const TfLiteEvalTensor* MicroInterpreter::output_description(
    size_t index) const {
  if ((state_ != State::kAllocated && state_ != State::kNeedsAllocation) ||
      subgraphs_ == nullptr || index >= outputs_size()) {
    return nullptr;
  }
  return &subgraphs_[0].tensors[output_tensor_index(index)];
}

// Tensors are only handed out while allocated: after a resize or a failed
// allocation their shapes no longer match the memory planned for them.
TfLiteEvalTensor* MicroInterpreter::input_eval_tensor(size_t index) {
  if (state_ != State::kAllocated || subgraphs_ == nullptr ||
      index >= inputs_size()) {
    return nullptr;
  }
  return &subgraphs_[0].tensors[input_tensor_index(index)];
}

TfLiteEvalTensor* MicroInterpreter::output_eval_tensor(size_t index) {
  if (state_ != State::kAllocated || subgraphs_ == nullptr ||
      index >= outputs_size()) {
    return nullptr;
  }
  return &subgraphs_[0].tensors[output_tensor_index(index)];
}

TfLiteEvalTensor* MicroInterpreter::GetTensor(int tensor_index,
                                              int subgraph_index) {
  if (state_ != State::kAllocated || subgraphs_ == nullptr ||
      subgraph_index < 0 ||
      subgraph_index >= static_cast<int>(model_->subgraphs()->size()) ||
      tensor_index < 0 ||
      tensor_index >= subgraphs_[subgraph_index].tensors_size) {
    return nullptr;
  }
  return &subgraphs_[subgraph_index].tensors[tensor_index];
}

size_t MicroInterpreter::operators_size() const {
  if (model_ == nullptr || !model_checked_) return 0;
  const auto* operators = model_->subgraphs()->Get(0)->operators();
  return operators == nullptr ? 0 : operators->size();
}

size_t MicroInterpreter::FormatAllocations(char* buffer,
                                           size_t buffer_size) const {
  return allocator_.recorder().Format(allocator_.head_bytes(),
                                      allocator_.tail_bytes(), buffer,
                                      buffer_size);
}

void MicroInterpreter::PrintAllocations() const {
  char text[2048];
  FormatAllocations(text, sizeof(text));
  LogText("%s", text);
}

}  // namespace tflite
