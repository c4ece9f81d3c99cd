#include "java/src/main/native/native_interpreter.h"

#include <new>
#include <utility>

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

NativeInterpreter::NativeInterpreter(const uint8_t* model, size_t model_size,
                                     AlignedBuffer owned_model,
                                     const HostedOptions& options) {
  const bool loaded =
      owned_model != nullptr
          ? hosted_.Load(std::move(owned_model), model_size, options)
          : hosted_.Load(model, model_size, options);
  // A model unusable as given (bad bytes, unknown op, arena too small) is an
  // argument problem for the constructor.
  if (!loaded) Throw(kIllegalArgument, "this model");
}

void NativeInterpreter::Throw(const char* java_class, const char* what) const {
  const HostedError& error = hosted_.error();
  switch (error.kind) {
    case HostedErrorKind::kOutOfMemory:
      throw std::bad_alloc();
    case HostedErrorKind::kBadModel:
    case HostedErrorKind::kBadShape:
      ThrowIllegalArgument(error.message);
    case HostedErrorKind::kRegistererNotFound:
      ThrowIllegalArgument(RegistererErrorText(
          error,
          "link it into the JNI library, or load its shared library with "
          "Interpreter.loadCustomOpLibrary first"));
    case HostedErrorKind::kRegistererFailed:
      ThrowIllegalState(RegistererErrorText(error, ""));
    case HostedErrorKind::kArenaTooSmall:
      throw JavaError(
          java_class,
          "The arena of " + std::to_string(error.arena_size) +
              " bytes is too small for " + what + ": it needs " +
              std::to_string(error.needed_bytes) +
              " bytes (Interpreter.Options.setArenaSize(" +
              std::to_string(error.needed_bytes) + ") or more). " +
              error.message);
    case HostedErrorKind::kArenaLimit:
      ThrowIllegalArgument(ArenaLimitErrorText(
          error, "Interpreter.Options.setMaxArenaSize",
          "Interpreter.Options.setArenaSize({needed}) or more, or a larger "
          "setMaxArenaSize"));
    case HostedErrorKind::kCancelled:
      ThrowIllegalArgument(
          "The run was cancelled (Interpreter.setCancelled(true)); its "
          "outputs are not copied. setCancelled(false) to run again. " +
          error.message);
    default:
      throw JavaError(java_class, error.message);
  }
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

TfLiteEvalTensor* NativeInterpreter::EvalTensor(bool input, int index) {
  CheckIndex(input, index);
  // After a resize the core hands out tensors only once they are allocated
  // at their new shapes; after a failure, at the model's own shapes.
  if (!hosted_.EnsureAllocated()) Throw(kIllegalState, "these input shapes");
  TfLiteEvalTensor* tensor = input ? hosted_.input(static_cast<size_t>(index))
                                   : hosted_.output(static_cast<size_t>(index));
  if (tensor == nullptr) {
    ThrowIllegalState(std::string("Tensors are not allocated: ") +
                      hosted_.micro().error_message());
  }
  return tensor;
}

const TfLiteEvalTensor* NativeInterpreter::Description(bool input, int index) {
  CheckIndex(input, index);
  if (!hosted_.Recover()) Throw(kIllegalState, "these input shapes");
  const MicroInterpreter& micro = hosted_.micro();
  const TfLiteEvalTensor* tensor =
      input ? micro.input_description(static_cast<size_t>(index))
            : micro.output_description(static_cast<size_t>(index));
  if (tensor == nullptr) {
    ThrowIllegalState(std::string("Tensors are not allocated: ") +
                      micro.error_message());
  }
  return tensor;
}

int NativeInterpreter::TensorIndex(bool input, int index) {
  CheckIndex(input, index);
  const MicroInterpreter& micro = hosted_.micro();
  return input ? micro.input_tensor_index(static_cast<size_t>(index))
               : micro.output_tensor_index(static_cast<size_t>(index));
}

const Tensor* NativeInterpreter::ModelTensor(bool input, int index) {
  return hosted_.model_tensor(TensorIndex(input, index));
}

void NativeInterpreter::ResizeInput(int index,
                                    const std::vector<int32_t>& dims) {
  CheckIndex(true, index);
  if (!hosted_.ResizeInput(static_cast<size_t>(index), dims.data(),
                           static_cast<int>(dims.size()))) {
    Throw(kIllegalState, "these input shapes");
  }
}

void NativeInterpreter::AllocateTensors() {
  if (!hosted_.AllocateTensors()) Throw(kIllegalState, "these input shapes");
}

void NativeInterpreter::EnsureAllocated() {
  if (!hosted_.EnsureAllocated()) Throw(kIllegalState, "these input shapes");
}

// A kernel failing while running is an IllegalArgumentException, as in
// TFLite's Java API (its inputs are the usual cause).
void NativeInterpreter::Invoke() {
  if (!hosted_.Invoke()) Throw(kIllegalArgument, "these input shapes");
}

void NativeInterpreter::ResetVariableTensors() {
  if (!hosted_.EnsureAllocated()) Throw(kIllegalState, "these input shapes");
  if (!hosted_.Reset()) Throw(kIllegalState, "these input shapes");
}

const std::vector<HostedSignature>& NativeInterpreter::Signatures() {
  if (!signatures_read_) {
    std::string error;
    if (!ReadSignatureDefs(hosted_.micro().model(), &signatures_, &error)) {
      signatures_.clear();
      ThrowIllegalArgument("The model's SignatureDefs are invalid: " + error);
    }
    signatures_read_ = true;
  }
  return signatures_;
}

}  // namespace jni
}  // namespace tflite
