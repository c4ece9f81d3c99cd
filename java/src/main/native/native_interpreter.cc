#include "java/src/main/native/native_interpreter.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <new>
#include <sstream>

#include "tensorflow/lite/micro/model_checks.h"

namespace tflite {
namespace jni {

namespace {
constexpr char kIllegalArgument[] = "java/lang/IllegalArgumentException";
constexpr char kIllegalState[] = "java/lang/IllegalStateException";
}  // namespace

void ThrowIllegalArgument(const std::string& message) {
  throw JavaError(kIllegalArgument, message);
}

void ThrowIllegalState(const std::string& message) {
  throw JavaError(kIllegalState, message);
}

void FreeDeleter::operator()(uint8_t* memory) const { std::free(memory); }

AlignedBytes AllocateAligned(size_t size) {
  const size_t rounded = (size + kAlignment - 1) / kAlignment * kAlignment;
  void* memory =
      std::aligned_alloc(kAlignment, rounded > 0 ? rounded : kAlignment);
  if (memory == nullptr) throw std::bad_alloc();
  return AlignedBytes(static_cast<uint8_t*>(memory));
}

size_t TensorBytes(const TfLiteEvalTensor* tensor) {
  size_t count = 1;
  for (int i = 0; i < tensor->dims->size; ++i) {
    count *= static_cast<size_t>(tensor->dims->data[i]);
  }
  return count * ElementSize(tensor->type);
}

std::string ShapeString(const TfLiteIntArray* dims) {
  std::ostringstream out;
  out << "[";
  for (int i = 0; i < dims->size; ++i) {
    if (i > 0) out << ", ";
    out << dims->data[i];
  }
  out << "]";
  return out.str();
}

NativeInterpreter::NativeInterpreter(
    const uint8_t* model, size_t model_size, AlignedBytes owned_model,
    size_t arena_size, const std::vector<std::string>& registerers) {
  model_size_ = model_size;
  const bool aligned = reinterpret_cast<uintptr_t>(model) % kAlignment == 0;
  if (owned_model != nullptr) {
    model_copy_ = std::move(owned_model);
    model_ = model_copy_.get();
  } else if (!aligned) {
    model_copy_ = AllocateAligned(model_size_);
    if (model_size_ > 0) std::memcpy(model_copy_.get(), model, model_size_);
    model_ = model_copy_.get();
  } else {
    model_ = model;
  }

  resolver_ = std::make_unique<PythonOpsResolver>();
  std::string failed;
  switch (RunRegisterers(registerers, resolver_.get(), &failed)) {
    case RegistererResult::kOk:
      break;
    case RegistererResult::kNotFound:
      ThrowIllegalArgument(
          "Custom op registerer '" + failed +
          "' was not found: no loaded library exports a C function of that "
          "name (link it into the JNI library, or load its shared library "
          "with Interpreter.loadCustomOpLibrary first)");
    case RegistererResult::kFailed:
      ThrowIllegalState("Custom op registerer '" + failed +
                        "' returned false (registration failed)");
  }

  arena_size_ = arena_size;
  arena_ = AllocateAligned(arena_size_);
  interpreter_ = std::make_unique<MicroInterpreter>(
      model_, model_size_, *resolver_, arena_.get(), arena_size_);
  interpreter_->set_log_errors(false);
  if (interpreter_->initialization_status() != kTfLiteOk) {
    ThrowIllegalArgument(interpreter_->error_message());
  }
  if (interpreter_->AllocateTensors() != kTfLiteOk) {
    // The model is unusable as given (unknown op, bad tensors, arena too
    // small): an argument problem for the constructor.
    ThrowIllegalArgument(ArenaAdvice("this model") +
                         interpreter_->error_message());
  }
}

NativeInterpreter::~NativeInterpreter() {
  interpreter_.reset();  // kernels go before their arena and resolver
}

void NativeInterpreter::CheckIndex(bool input, int index) const {
  const size_t count = input ? InputCount() : OutputCount();
  if (index < 0 || static_cast<size_t>(index) >= count) {
    ThrowIllegalArgument(std::string(input ? "Input" : "Output") + " index " +
                         std::to_string(index) +
                         " is out of range: the model has " +
                         std::to_string(count) +
                         (input ? " inputs" : " outputs"));
  }
}

void NativeInterpreter::Recover() {
  if (!failed_) return;
  // A failed allocation leaves no usable plan; the core's next allocation
  // starts over from the model's own input shapes.
  resized_inputs_.clear();
  resized_.clear();
  needs_allocation_ = false;
  if (interpreter_->AllocateTensors() != kTfLiteOk) {
    ThrowIllegalState(
        std::string("The interpreter could not recover from an earlier "
                    "failure: ") +
        interpreter_->error_message());
  }
  failed_ = false;
}

TfLiteEvalTensor* NativeInterpreter::EvalTensor(bool input, int index) {
  CheckIndex(input, index);
  Recover();
  // After a resize the core hands out tensors only once they are allocated
  // at their new shapes.
  EnsureAllocated();
  TfLiteEvalTensor* tensor =
      input ? interpreter_->input_eval_tensor(static_cast<size_t>(index))
            : interpreter_->output_eval_tensor(static_cast<size_t>(index));
  if (tensor == nullptr) {
    ThrowIllegalState(std::string("Tensors are not allocated: ") +
                      interpreter_->error_message());
  }
  return tensor;
}

const TfLiteEvalTensor* NativeInterpreter::Description(bool input, int index) {
  CheckIndex(input, index);
  Recover();
  const TfLiteEvalTensor* tensor =
      input ? interpreter_->input_description(static_cast<size_t>(index))
            : interpreter_->output_description(static_cast<size_t>(index));
  if (tensor == nullptr) {
    ThrowIllegalState(std::string("Tensors are not allocated: ") +
                      interpreter_->error_message());
  }
  return tensor;
}

int NativeInterpreter::TensorIndex(bool input, int index) {
  CheckIndex(input, index);
  return input ? interpreter_->input_tensor_index(static_cast<size_t>(index))
               : interpreter_->output_tensor_index(static_cast<size_t>(index));
}

const Tensor* NativeInterpreter::ModelTensor(bool input, int index) {
  const int tensor_index = TensorIndex(input, index);
  return interpreter_->model()->subgraphs()->Get(0)->tensors()->Get(
      static_cast<flatbuffers::uoffset_t>(tensor_index));
}

void NativeInterpreter::ResizeInput(int index,
                                    const std::vector<int32_t>& dims) {
  CheckIndex(true, index);
  Recover();
  if (interpreter_->ResizeInputTensor(static_cast<size_t>(index), dims.data(),
                                      static_cast<int>(dims.size())) !=
      kTfLiteOk) {
    ThrowIllegalArgument(interpreter_->error_message());
  }
  if (resized_inputs_.size() < InputCount()) {
    resized_inputs_.resize(InputCount());
    resized_.resize(InputCount(), false);
  }
  resized_inputs_[index] = dims;
  resized_[index] = true;
  needs_allocation_ = true;
}

void NativeInterpreter::AllocateTensors() {
  if (failed_) {
    Recover();
    return;
  }
  if (interpreter_->AllocateTensors() != kTfLiteOk) {
    const std::string message =
        ArenaAdvice("these input shapes") + interpreter_->error_message();
    failed_ = true;
    throw JavaError("java/lang/IllegalStateException", message);
  }
  needs_allocation_ = false;
}

void NativeInterpreter::EnsureAllocated() {
  if (needs_allocation_) AllocateTensors();
}

void NativeInterpreter::Invoke() {
  EnsureAllocated();
  if (interpreter_->Invoke() != kTfLiteOk) {
    ThrowIllegalState(ArenaAdvice("these input shapes") +
                      interpreter_->error_message());
  }
}

size_t NativeInterpreter::MeasureRequiredArena() const {
  // A trial interpreter with a larger arena tells how much is needed.
  for (size_t size = std::max<size_t>(arena_size_ * 4, 1 << 20);
       size <= (static_cast<size_t>(1) << 32); size *= 4) {
    AlignedBytes arena = AllocateAligned(size);
    MicroInterpreter trial(model_, model_size_, *resolver_, arena.get(), size);
    trial.set_log_errors(false);
    TfLiteStatus status = trial.AllocateTensors();
    // Same input shapes as this interpreter.
    for (size_t i = 0; status == kTfLiteOk && i < resized_inputs_.size(); ++i) {
      const std::vector<int32_t>& dims = resized_inputs_[i];
      if (!resized_[i]) continue;
      if (trial.ResizeInputTensor(i, dims.data(),
                                  static_cast<int>(dims.size())) != kTfLiteOk) {
        return 0;
      }
      status = trial.AllocateTensors();
    }
    if (status == kTfLiteOk) return trial.arena_required_bytes();
    if (!trial.arena_too_small()) return 0;
  }
  return 0;
}

std::string NativeInterpreter::ArenaAdvice(const char* what) const {
  if (!interpreter_->arena_too_small()) return "";
  const size_t needed = MeasureRequiredArena();
  if (needed == 0) return "";
  return "The arena of " + std::to_string(arena_size_) +
         " bytes is too small for " + what + ": it needs " +
         std::to_string(needed) +
         " bytes (Interpreter.Options.setArenaSize(" + std::to_string(needed) +
         ") or more). ";
}

}  // namespace jni
}  // namespace tflite
