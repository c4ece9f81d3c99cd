#include "tensorflow/lite/micro/host/hosted_interpreter.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <utility>

#include "tensorflow/lite/micro/host/custom_op_registerers.h"
#include "tensorflow/lite/micro/kernels/control_flow_util.h"

namespace tflite {

// The caller's resolver first, then the builtins and registered custom ops.
class LayeredOpResolver : public MicroOpResolver {
 public:
  LayeredOpResolver(const MicroOpResolver& first,
                    const MicroOpResolver& second)
      : first_(first), second_(second) {}
  const TfLiteRegistration* FindOp(BuiltinOperator op) const override {
    const TfLiteRegistration* found = first_.FindOp(op);
    return found != nullptr ? found : second_.FindOp(op);
  }
  const TfLiteRegistration* FindOp(const char* op) const override {
    const TfLiteRegistration* found = first_.FindOp(op);
    return found != nullptr ? found : second_.FindOp(op);
  }
  BuiltinParseFunction GetOpDataParser(BuiltinOperator op) const override {
    BuiltinParseFunction parser = first_.GetOpDataParser(op);
    return parser != nullptr ? parser : second_.GetOpDataParser(op);
  }

 private:
  const MicroOpResolver& first_;
  const MicroOpResolver& second_;
};

size_t TensorBytes(const TfLiteEvalTensor* tensor) {
  return micro::EvalTensorBytes(tensor);
}

std::string RegistererErrorText(const HostedError& error,
                                const std::string& how_to_load) {
  const std::string name = "Custom op registerer '" + error.registerer + "'";
  if (error.kind == HostedErrorKind::kRegistererNotFound) {
    return name +
           " was not found: no loaded library exports a C function of that "
           "name (" +
           how_to_load + ")";
  }
  return name + " returned false (registration failed)" +
         (error.message.empty() ? std::string() : ": " + error.message);
}

std::string ArenaLimitErrorText(const HostedError& error,
                                const std::string& limit,
                                const std::string& allow) {
  const std::string needed = std::to_string(error.needed_bytes);
  std::string how = allow;
  const std::string placeholder = "{needed}";
  for (size_t at = how.find(placeholder); at != std::string::npos;
       at = how.find(placeholder, at + needed.size())) {
    how.replace(at, placeholder.size(), needed);
  }
  return "This model needs an arena of " + needed + " bytes" +
         (error.resized ? " at these input shapes" : "") +
         ", more than the automatic arena may grow to (" + limit + ", now " +
         std::to_string(error.arena_limit) + " bytes): to allow it, " + how;
}

void AlignedFree::operator()(uint8_t* memory) const { std::free(memory); }

AlignedBuffer AllocateAligned(size_t size) {
  // aligned_alloc wants a multiple of the alignment.
  const size_t blocks = (size + kHostedAlignment - 1) / kHostedAlignment;
  const size_t bytes = std::max<size_t>(blocks, 1) * kHostedAlignment;
  if (bytes < size) return AlignedBuffer();  // wrapped around
  return AlignedBuffer(
      static_cast<uint8_t*>(std::aligned_alloc(kHostedAlignment, bytes)));
}

HostedInterpreter::HostedInterpreter() = default;

HostedInterpreter::~HostedInterpreter() {
  // Kernels are freed before their arena and resolver go.
  interpreter_.reset();
}

bool HostedInterpreter::Load(const uint8_t* model, size_t size,
                             const HostedOptions& options) {
  const bool aligned =
      reinterpret_cast<uintptr_t>(model) % kHostedAlignment == 0;
  if (options.model_in_place && aligned) {
    model_ = model;
    model_size_ = size;
    return Start(options);
  }
  AlignedBuffer copy = AllocateAligned(size);
  if (copy == nullptr) {
    return Fail(HostedErrorKind::kOutOfMemory,
                "No memory for a copy of the model (" + std::to_string(size) +
                    " bytes)");
  }
  if (size > 0) std::memcpy(copy.get(), model, size);
  return Load(std::move(copy), size, options);
}

bool HostedInterpreter::Load(AlignedBuffer model, size_t size,
                             const HostedOptions& options) {
  model_copy_ = std::move(model);
  model_ = model_copy_.get();
  model_size_ = size;
  return Start(options);
}

bool HostedInterpreter::Start(const HostedOptions& options) {
  options_ = options;
  resolver_ = std::make_unique<ExtensibleOpResolver>();
  for (CustomOpRegisterer registerer : options_.linked_registerers) {
    if (!registerer(resolver_.get())) {
      return Fail(HostedErrorKind::kRegistererFailed, "");
    }
  }
  std::string failed;
  std::string messages;
  switch (RunRegisterers(options_.registerers, resolver_.get(), &failed,
                         &messages)) {
    case RegistererResult::kOk:
      break;
    case RegistererResult::kNotFound:
      Fail(HostedErrorKind::kRegistererNotFound, "");
      error_.registerer = failed;
      return false;
    case RegistererResult::kFailed:
      Fail(HostedErrorKind::kRegistererFailed, messages);
      error_.registerer = failed;
      return false;
  }
  active_resolver_ = resolver_.get();
  if (options_.op_resolver != nullptr) {
    layered_ = std::make_unique<LayeredOpResolver>(*options_.op_resolver,
                                                   *resolver_);
    active_resolver_ = layered_.get();
  }
  grow_arena_ = options_.arena_size == 0;
  const size_t first_arena =
      grow_arena_ ? std::min(10 * model_size_, options_.max_arena_size)
                  : options_.arena_size;
  if (!CreateInterpreter(first_arena)) return false;
  if (interpreter_->initialization_status() != kTfLiteOk) {
    return FailFromCore(HostedErrorKind::kBadModel);
  }
  return AllocateTensors();
}

bool HostedInterpreter::CreateInterpreter(size_t arena_size) {
  AlignedBuffer arena = AllocateAligned(arena_size);
  if (arena == nullptr) {
    return Fail(HostedErrorKind::kOutOfMemory,
                "No memory for an arena of " + std::to_string(arena_size) +
                    " bytes");
  }
  // Zeroed, so that tensors read before anything writes them (outputs
  // before the first invoke) hold zeros rather than what the heap held.
  std::memset(arena.get(), 0, arena_size);
  interpreter_.reset();
  arena_ = std::move(arena);
  arena_size_ = arena_size;
  interpreter_ = std::make_unique<MicroInterpreter>(
      model_, model_size_, *active_resolver_, arena_.get(), arena_size_, nullptr,
      profiler_, options_.preserve_all_tensors);
  interpreter_->set_log_errors(false);
  interpreter_->SetArithmetic(options_.arithmetic);
  interpreter_->SetPreserveInputs(options_.preserve_inputs);
  interpreter_->SetCancellationCheck(CancellationRequested, this);
  planned_ = false;
  return true;
}

bool HostedInterpreter::CancellationRequested(void* self) {
  return static_cast<HostedInterpreter*>(self)->cancelled_.load(
      std::memory_order_relaxed);
}

void HostedInterpreter::ZeroInputsAndOutputs() {
  planned_ = true;
  for (size_t i = 0; i < inputs_size(); ++i) {
    TfLiteEvalTensor* tensor = input(i);
    if (tensor != nullptr && tensor->data.raw != nullptr) {
      std::memset(tensor->data.raw, 0, TensorBytes(tensor));
    }
  }
  for (size_t i = 0; i < outputs_size(); ++i) {
    TfLiteEvalTensor* tensor = output(i);
    if (tensor != nullptr && tensor->data.raw != nullptr) {
      std::memset(tensor->data.raw, 0, TensorBytes(tensor));
    }
  }
}

bool HostedInterpreter::FailOverLimit(size_t needed,
                                      const std::string& message) {
  Fail(HostedErrorKind::kArenaLimit, message);
  error_.needed_bytes = needed;
  error_.arena_limit = options_.max_arena_size;
  return false;
}

void HostedInterpreter::SetProfiler(MicroProfilerInterface* profiler) {
  profiler_ = profiler;
  if (interpreter_ != nullptr) interpreter_->SetProfiler(profiler);
}

const Tensor* HostedInterpreter::model_tensor(int tensor_index) const {
  return interpreter_->model()->subgraphs()->Get(0)->tensors()->Get(
      static_cast<flatbuffers::uoffset_t>(tensor_index));
}

bool HostedInterpreter::ResizeInput(size_t index, const int32_t* dims,
                                    int rank) {
  if (!Recover()) return false;
  const bool accepted =
      interpreter_->ResizeInputTensor(index, dims, rank) == kTfLiteOk;
  if (index >= inputs_size()) return FailFromCore(HostedErrorKind::kBadShape);
  if (shapes_.size() < inputs_size()) {
    shapes_.resize(inputs_size());
    resized_.resize(inputs_size(), false);
  }
  const std::vector<int32_t> previous = shapes_[index];
  const bool was_resized = resized_[index];
  shapes_[index].assign(dims, dims + rank);
  resized_[index] = true;
  if (accepted) {
    needs_allocation_ = true;
    return true;
  }
  // The new shape's dims live in the arena: with no room left for them the
  // shape is fine but the arena is not. A trial over a larger one tells.
  const std::string message = interpreter_->error_message();
  const size_t needed = MeasureRequiredArena();
  if (needed > options_.max_arena_size && grow_arena_) {
    FailOverLimit(needed, message);
  } else if (needed > 0 && grow_arena_) {
    if (Grow(needed)) return true;  // else Grow says why
  } else if (needed > 0) {
    Fail(HostedErrorKind::kArenaTooSmall, message);
    error_.needed_bytes = needed;
  } else {
    Fail(HostedErrorKind::kBadShape, message);
  }
  shapes_[index] = previous;
  resized_[index] = was_resized;
  return false;
}

bool HostedInterpreter::AllocateTensors() {
  if (failed_) return Recover();
  const bool replans = needs_allocation_ || !planned_;
  if (interpreter_->AllocateTensors() != kTfLiteOk) return AllocationFailed();
  needs_allocation_ = false;
  if (replans) ZeroInputsAndOutputs();
  return true;
}

bool HostedInterpreter::EnsureAllocated() {
  if (failed_) return Recover();
  return needs_allocation_ ? AllocateTensors() : true;
}

bool HostedInterpreter::Recover() {
  if (!failed_) return true;
  shapes_.clear();
  resized_.clear();
  needs_allocation_ = false;
  // The core's next allocation starts over from the model's shapes, which
  // the arena holds: it was made for them.
  if (interpreter_->AllocateTensors() != kTfLiteOk) {
    return Fail(HostedErrorKind::kFailed,
                std::string("The interpreter could not recover from an "
                            "earlier failure: ") +
                    interpreter_->error_message());
  }
  failed_ = false;
  ZeroInputsAndOutputs();
  return true;
}

bool HostedInterpreter::Invoke() {
  if (!EnsureAllocated()) return false;
  if (interpreter_->Invoke() != kTfLiteOk) {
    return FailFromCore(cancelled() ? HostedErrorKind::kCancelled
                                    : HostedErrorKind::kFailed);
  }
  return true;
}

bool HostedInterpreter::Reset() {
  if (interpreter_->Reset() != kTfLiteOk) {
    return FailFromCore(HostedErrorKind::kFailed);
  }
  return true;
}

TfLiteStatus HostedInterpreter::ReplayShapes(
    MicroInterpreter* interpreter) const {
  for (size_t i = 0; i < shapes_.size(); ++i) {
    if (!resized_[i]) continue;
    TF_LITE_ENSURE_STATUS(interpreter->ResizeInputTensor(
        i, shapes_[i].data(), static_cast<int>(shapes_[i].size())));
  }
  return interpreter->AllocateTensors();
}

bool HostedInterpreter::AllocationFailed() {
  failed_ = true;
  if (!interpreter_->arena_too_small()) {
    return FailFromCore(HostedErrorKind::kFailed);
  }
  const size_t needed = MeasureRequiredArena();
  if (grow_arena_ && needed > options_.max_arena_size) {
    return FailOverLimit(needed, interpreter_->error_message());
  }
  if (grow_arena_ && needed > 0) return Grow(needed);
  FailFromCore(needed > 0 ? HostedErrorKind::kArenaTooSmall
                          : HostedErrorKind::kFailed);
  error_.needed_bytes = needed;
  return false;
}

bool HostedInterpreter::Grow(size_t needed) {
  // Without memory for the new arena the old interpreter stays.
  if (!CreateInterpreter(needed)) return false;
  if (interpreter_->AllocateTensors() == kTfLiteOk &&
      ReplayShapes(interpreter_.get()) == kTfLiteOk) {
    failed_ = false;
    needs_allocation_ = false;
    ZeroInputsAndOutputs();
    return true;
  }
  failed_ = true;
  FailFromCore(interpreter_->arena_too_small() ? HostedErrorKind::kArenaTooSmall
                                               : HostedErrorKind::kFailed);
  error_.needed_bytes = needed;
  return false;
}

size_t HostedInterpreter::MeasureRequiredArena() const {
  // A trial interpreter over a larger arena says what it used.
  const size_t largest = static_cast<size_t>(1) << 32;
  for (size_t size = std::max<size_t>(arena_size_ * 4, 1 << 20);
       size <= largest; size *= 4) {
    AlignedBuffer arena = AllocateAligned(size);
    if (arena == nullptr) return 0;
    MicroInterpreter trial(model_, model_size_, *active_resolver_, arena.get(), size,
                           nullptr, nullptr, options_.preserve_all_tensors);
    trial.set_log_errors(false);
    trial.SetArithmetic(options_.arithmetic);
    trial.SetPreserveInputs(options_.preserve_inputs);
    TfLiteStatus status = trial.AllocateTensors();
    if (status == kTfLiteOk) status = ReplayShapes(&trial);
    if (status == kTfLiteOk) return trial.arena_required_bytes();
    if (!trial.arena_too_small()) return 0;
  }
  return 0;
}

bool HostedInterpreter::Fail(HostedErrorKind kind, std::string message) {
  error_.kind = kind;
  error_.message = std::move(message);
  error_.registerer.clear();
  error_.arena_size = arena_size_;
  error_.needed_bytes = 0;
  error_.arena_limit = 0;
  error_.resized =
      std::find(resized_.begin(), resized_.end(), true) != resized_.end();
  return false;
}

bool HostedInterpreter::FailFromCore(HostedErrorKind kind) {
  return Fail(kind, interpreter_->error_message());
}

}  // namespace tflite
