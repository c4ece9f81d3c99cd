#include "tensorflow/lite/interpreter.h"

#include <cstdarg>
#include <map>
#include <string>
#include <utility>

#include "tensorflow/lite/core/api/flatbuffer_conversions.h"
#include "tensorflow/lite/micro/model_checks.h"
#include "tensorflow/lite/schema/schema_utils.h"

namespace tflite {

// The kernels of one model's operators, copied from the OpResolver the
// interpreter was built with; the host layer looks them up before its own
// builtins (HostedOptions::op_resolver) and parses options as usual.
class ModelKernels final : public MicroOpResolver {
 public:
  void AddBuiltin(BuiltinOperator op, const TfLiteRegistration& kernel) {
    builtins_.emplace(op, kernel);
  }
  void AddCustom(const std::string& name, const TfLiteRegistration& kernel) {
    auto added = customs_.emplace(name, kernel).first;
    added->second.custom_name = added->first.c_str();
  }
  const TfLiteRegistration* FindOp(BuiltinOperator op) const override {
    const auto found = builtins_.find(op);
    return found == builtins_.end() ? nullptr : &found->second;
  }
  const TfLiteRegistration* FindOp(const char* op) const override {
    if (op == nullptr) return nullptr;
    const auto found = customs_.find(op);
    return found == customs_.end() ? nullptr : &found->second;
  }
  BuiltinParseFunction GetOpDataParser(BuiltinOperator) const override {
    return nullptr;
  }

 private:
  std::map<BuiltinOperator, TfLiteRegistration> builtins_;
  std::map<std::string, TfLiteRegistration> customs_;
};

namespace {

// An empty shape (a scalar) for tensors the model gives no shape.
const int kNoDims[1] = {0};

TfLiteIntArray* ModelIntArray(const flatbuffers::Vector<int32_t>* vector) {
  // TfLiteIntArray has the layout of a flatbuffers int32 vector
  // (core/c/common.h); the core points shapes into the model the same way.
  const void* memory = vector != nullptr ? static_cast<const void*>(vector)
                                         : static_cast<const void*>(kNoDims);
  return reinterpret_cast<TfLiteIntArray*>(const_cast<void*>(memory));
}

const SubGraph* MainSubgraph(const FlatBufferModel& model) {
  return model.GetModel()->subgraphs()->Get(0);
}

}  // namespace

Interpreter::Interpreter(const FlatBufferModel& model,
                         ErrorReporter* error_reporter)
    : model_(model), error_reporter_(error_reporter) {}

Interpreter::~Interpreter() = default;

TfLiteStatus Interpreter::Report(const char* format, ...) const {
  va_list args;
  va_start(args, format);
  error_reporter_->Report(format, args);
  va_end(args);
  return kTfLiteError;
}

TfLiteStatus Interpreter::ReportHostedError(const char* call) const {
  const HostedError& error = hosted_.error();
  if (error.kind == HostedErrorKind::kArenaLimit) {
    const std::string message = ArenaLimitErrorText(
        error, "InterpreterBuilder::SetMaxArenaSize",
        "InterpreterBuilder::SetArenaSize({needed}) or more");
    return Report("%s failed: %s", call, message.c_str());
  }
  std::string message = error.message;
  while (!message.empty() && message.back() == '\n') message.pop_back();
  if (message.empty()) message = "unknown error";
  return Report("%s failed: %s", call, message.c_str());
}

bool Interpreter::Load(const OpResolver& op_resolver, size_t arena_size,
                       size_t max_arena_size) {
  const Model* model = model_.GetModel();
  auto kernels = std::make_unique<ModelKernels>();
  if (model->operator_codes() != nullptr) {
    for (const OperatorCode* code : *model->operator_codes()) {
      const BuiltinOperator op = GetBuiltinCode(code);
      const int version = code->version();
      if (op == BuiltinOperator_CUSTOM) {
        const char* name =
            code->custom_code() != nullptr ? code->custom_code()->c_str() : "";
        const TfLiteRegistration* kernel = op_resolver.FindOp(name, version);
        if (kernel == nullptr) {
          Report("The op resolver has no kernel for custom op '%s' version %d",
                 name, version);
          return false;
        }
        kernels->AddCustom(name, *kernel);
      } else {
        const TfLiteRegistration* kernel = op_resolver.FindOp(op, version);
        if (kernel == nullptr) {
          Report("The op resolver has no kernel for builtin op %s version %d",
                 EnumNameBuiltinOperator(op), version);
          return false;
        }
        kernels->AddBuiltin(op, *kernel);
      }
    }
  }
  kernels_ = std::move(kernels);

  HostedOptions options;
  options.model_in_place = true;  // FlatBufferModel's bytes are aligned
  options.op_resolver = kernels_.get();
  options.arena_size = arena_size;
  options.max_arena_size = max_arena_size;
  if (!hosted_.Load(model_.data(), model_.size(), options)) {
    ReportHostedError("Building the interpreter");
    return false;
  }
  for (size_t i = 0; i < hosted_.inputs_size(); ++i) {
    inputs_.push_back(hosted_.micro().input_tensor_index(i));
  }
  for (size_t i = 0; i < hosted_.outputs_size(); ++i) {
    outputs_.push_back(hosted_.micro().output_tensor_index(i));
  }

  // What the model says of each tensor; data and shapes come from the
  // interpreter on access (Refresh).
  const auto* tensors = MainSubgraph(model_)->tensors();
  const size_t count = tensors == nullptr ? 0 : tensors->size();
  tensors_.assign(count, TfLiteTensor{});
  quantization_.assign(count, TfLiteAffineQuantization{});
  for (size_t i = 0; i < count; ++i) {
    const Tensor* source = tensors->Get(static_cast<flatbuffers::uoffset_t>(i));
    TfLiteTensor& tensor = tensors_[i];
    if (ConvertTensorType(source->type(), &tensor.type) != kTfLiteOk) {
      tensor.type = kTfLiteNoType;
    }
    tensor.name = source->name() != nullptr ? source->name()->c_str() : "";
    tensor.is_variable = source->is_variable();
    if (tensor.is_variable) variables_.push_back(static_cast<int>(i));
    tensor.dims = ModelIntArray(source->shape());
    tensor.dims_signature = ModelIntArray(
        source->shape_signature() != nullptr ? source->shape_signature()
                                             : source->shape());
    const bool constant =
        GetBufferData(model, source->buffer(), model_.data(), model_.size())
            .data != nullptr;
    tensor.allocation_type = constant             ? kTfLiteMmapRo
                             : tensor.is_variable ? kTfLiteArenaRwPersistent
                                                  : kTfLiteArenaRw;
    const QuantizationParameters* q = source->quantization();
    if (q == nullptr || q->scale() == nullptr || q->scale()->size() == 0) {
      continue;
    }
    TfLiteAffineQuantization& affine = quantization_[i];
    // Same layout as a flatbuffers float vector.
    affine.scale = reinterpret_cast<TfLiteFloatArray*>(
        const_cast<flatbuffers::Vector<float>*>(q->scale()));
    affine.quantized_dimension = q->quantized_dimension();
    tensor.quantization.type = kTfLiteAffineQuantization;
    tensor.quantization.params = &affine;
    tensor.params.scale = q->scale()->Get(0);
    if (q->zero_point() != nullptr && q->zero_point()->size() > 0) {
      tensor.params.zero_point = static_cast<int32_t>(q->zero_point()->Get(0));
    }
  }
  // zero_point arrays (int64 in the model, int32 here) are copied once.
  zero_points_.resize(count);
  for (size_t i = 0; i < count; ++i) {
    const Tensor* source = tensors->Get(static_cast<flatbuffers::uoffset_t>(i));
    const QuantizationParameters* q = source->quantization();
    if (tensors_[i].quantization.type != kTfLiteAffineQuantization ||
        q->zero_point() == nullptr) {
      continue;
    }
    std::vector<int>& storage = zero_points_[i];
    storage.push_back(static_cast<int>(q->zero_point()->size()));
    for (int64_t zero_point : *q->zero_point()) {
      storage.push_back(static_cast<int>(zero_point));
    }
    quantization_[i].zero_point =
        reinterpret_cast<TfLiteIntArray*>(storage.data());
  }
  return true;
}

void Interpreter::Refresh(int tensor_index) const {
  TfLiteTensor& tensor = tensors_[static_cast<size_t>(tensor_index)];
  MicroInterpreter& micro = const_cast<HostedInterpreter&>(hosted_).micro();
  const TfLiteEvalTensor* eval = micro.GetTensor(tensor_index);
  if (eval != nullptr) {
    tensor.data = eval->data;
    tensor.dims = eval->dims;
    tensor.type = eval->type;
    tensor.bytes = TensorBytes(eval);
    return;
  }
  // Not allocated: no data; the model's shape, or a resized input's new
  // one (never dims of an earlier allocation: a grown arena freed them).
  tensor.data.raw = nullptr;
  tensor.dims = ModelIntArray(
      MainSubgraph(model_)
          ->tensors()
          ->Get(static_cast<flatbuffers::uoffset_t>(tensor_index))
          ->shape());
  for (size_t i = 0; i < inputs_.size(); ++i) {
    if (inputs_[i] != tensor_index) continue;
    const TfLiteEvalTensor* description = micro.input_description(i);
    if (description != nullptr) tensor.dims = description->dims;
  }
  size_t elements = 1;
  for (int d = 0; d < tensor.dims->size; ++d) {
    elements *= static_cast<size_t>(tensor.dims->data[d]);
  }
  tensor.bytes = elements * ElementSize(tensor.type);
}

size_t Interpreter::nodes_size() const {
  return hosted_.micro().operators_size();
}

const char* Interpreter::GetInputName(int index) const {
  if (index < 0 || static_cast<size_t>(index) >= inputs_.size()) {
    return nullptr;
  }
  return tensors_[static_cast<size_t>(inputs_[index])].name;
}

const char* Interpreter::GetOutputName(int index) const {
  if (index < 0 || static_cast<size_t>(index) >= outputs_.size()) {
    return nullptr;
  }
  return tensors_[static_cast<size_t>(outputs_[index])].name;
}

TfLiteTensor* Interpreter::tensor(int tensor_index) {
  if (tensor_index < 0 ||
      static_cast<size_t>(tensor_index) >= tensors_.size()) {
    return nullptr;
  }
  Refresh(tensor_index);
  return &tensors_[static_cast<size_t>(tensor_index)];
}

const TfLiteTensor* Interpreter::tensor(int tensor_index) const {
  return const_cast<Interpreter*>(this)->tensor(tensor_index);
}

int Interpreter::TensorAt(const std::vector<int>& tensors, int index,
                          const char* what) const {
  if (index < 0 || static_cast<size_t>(index) >= tensors.size()) {
    Report("%s %d does not exist: the model has %zu %s(s)", what, index,
           tensors.size(), what);
    return -1;
  }
  return tensors[static_cast<size_t>(index)];
}

TfLiteTensor* Interpreter::input_tensor(size_t index) {
  if (index > static_cast<size_t>(INT32_MAX)) return nullptr;
  return tensor(TensorAt(inputs_, static_cast<int>(index), "Input"));
}

TfLiteTensor* Interpreter::output_tensor(size_t index) {
  if (index > static_cast<size_t>(INT32_MAX)) return nullptr;
  return tensor(TensorAt(outputs_, static_cast<int>(index), "Output"));
}

TfLiteStatus Interpreter::ResizeInputTensor(int tensor_index,
                                            const std::vector<int>& dims) {
  size_t position = 0;
  while (position < inputs_.size() && inputs_[position] != tensor_index) {
    ++position;
  }
  if (position == inputs_.size()) {
    std::string indices;
    for (int input : inputs_) {
      indices += (indices.empty() ? "" : ", ") + std::to_string(input);
    }
    return Report(
        "ResizeInputTensor: tensor %d is not an input of the model (its "
        "inputs are tensors %s)",
        tensor_index, indices.c_str());
  }
  std::vector<int32_t> shape(dims.begin(), dims.end());
  if (!hosted_.ResizeInput(position, shape.data(),
                           static_cast<int>(shape.size()))) {
    return ReportHostedError("ResizeInputTensor");
  }
  resized_ = true;
  return kTfLiteOk;
}

TfLiteStatus Interpreter::ResizeInputTensorStrict(
    int tensor_index, const std::vector<int>& dims) {
  const TfLiteTensor* input = tensor(tensor_index);
  if (input != nullptr) {
    const TfLiteIntArray* signature = input->dims_signature;
    if (signature->size != static_cast<int>(dims.size())) {
      return Report(
          "ResizeInputTensorStrict: tensor %d has rank %d, not %zu",
          tensor_index, signature->size, dims.size());
    }
    for (int d = 0; d < signature->size; ++d) {
      if (signature->data[d] != -1 && signature->data[d] != dims[d]) {
        return Report(
            "ResizeInputTensorStrict: dimension %d of tensor %d is fixed at "
            "%d by the model (only -1 dimensions may change), not %d",
            d, tensor_index, signature->data[d], dims[d]);
      }
    }
  }
  return ResizeInputTensor(tensor_index, dims);
}

TfLiteStatus Interpreter::AllocateTensors() {
  if (!hosted_.EnsureAllocated()) return ReportHostedError("AllocateTensors");
  resized_ = false;
  return kTfLiteOk;
}

TfLiteStatus Interpreter::Invoke() {
  if (resized_) {
    return Report(
        "Invoke: an input was resized; call AllocateTensors before Invoke");
  }
  const bool ok = hosted_.Invoke();
  hosted_.SetCancelled(false);  // a Cancel applies to one Invoke
  if (!ok) return ReportHostedError("Invoke");
  return kTfLiteOk;
}

TfLiteStatus Interpreter::SetNumThreads(int num_threads) {
  if (num_threads < -1) {
    return Report(
        "SetNumThreads: %d threads; give -1 (the default) or a count >= 0",
        num_threads);
  }
  return kTfLiteOk;
}

TfLiteStatus Interpreter::ResetVariableTensors() {
  if (!hosted_.Reset()) return ReportHostedError("ResetVariableTensors");
  return kTfLiteOk;
}

}  // namespace tflite
