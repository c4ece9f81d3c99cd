#include "tensorflow/lite/micro/kernels/kernel_runner.h"

#include <cstring>

#include "flatbuffers/flatbuffers.h"
#include "tensorflow/lite/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/micro_log.h"
#include "tensorflow/lite/micro/testing/test_model_builder.h"
#include "tensorflow/lite/schema/schema_generated.h"

namespace tflite {
namespace micro {
namespace {

constexpr char kOpName[] = "KernelRunner";

// Which runner an interpreter's context belongs to: recorded when the
// kernel's init runs (the runner being prepared), looked up afterwards.
struct Binding {
  const void* context_impl;
  KernelRunner* runner;
};
constexpr int kMaxLiveRunners = 16;
Binding bindings[kMaxLiveRunners] = {};
KernelRunner* runner_being_prepared = nullptr;

void Bind(const TfLiteContext* context, KernelRunner* runner) {
  for (Binding& binding : bindings) {
    if (binding.runner == nullptr || binding.context_impl == context->impl_) {
      binding = {context->impl_, runner};
      return;
    }
  }
  MicroPrintf("KernelRunner: more than %d runners alive", kMaxLiveRunners);
}

void Unbind(const KernelRunner* runner) {
  for (Binding& binding : bindings) {
    if (binding.runner == runner) binding = {nullptr, nullptr};
  }
}

// The kernel's callbacks, with the node's builtin_data set to the test's
// before prepare and invoke (the model's custom operator carries none).
void* ProxyInit(TfLiteContext* context, const char* buffer, size_t length) {
  KernelRunner* runner = runner_being_prepared;
  Bind(context, runner);
  const TFLMRegistration& kernel = runner->registration();
  return kernel.init == nullptr ? nullptr
                                : kernel.init(context, buffer, length);
}

TfLiteStatus ProxyPrepare(TfLiteContext* context, TfLiteNode* node) {
  KernelRunner* runner = KernelRunner::ForContext(context);
  node->builtin_data = runner->builtin_data();
  const TFLMRegistration& kernel = runner->registration();
  return kernel.prepare == nullptr ? kTfLiteOk : kernel.prepare(context, node);
}

TfLiteStatus ProxyInvoke(TfLiteContext* context, TfLiteNode* node) {
  KernelRunner* runner = KernelRunner::ForContext(context);
  node->builtin_data = runner->builtin_data();
  return runner->registration().invoke(context, node);
}

void ProxyFree(TfLiteContext* context, void* buffer) {
  KernelRunner::ForContext(context)->registration().free(context, buffer);
}

TfLiteStatus ProxyReset(TfLiteContext* context, void* buffer) {
  return KernelRunner::ForContext(context)->registration().reset(context,
                                                                  buffer);
}

bool ToTensorType(TfLiteType type, TensorType* out) {
  switch (type) {
    case kTfLiteFloat32: *out = TensorType_FLOAT32; return true;
    case kTfLiteFloat16: *out = TensorType_FLOAT16; return true;
    case kTfLiteFloat64: *out = TensorType_FLOAT64; return true;
    case kTfLiteInt4: *out = TensorType_INT4; return true;
    case kTfLiteInt8: *out = TensorType_INT8; return true;
    case kTfLiteUInt8: *out = TensorType_UINT8; return true;
    case kTfLiteInt16: *out = TensorType_INT16; return true;
    case kTfLiteUInt16: *out = TensorType_UINT16; return true;
    case kTfLiteInt32: *out = TensorType_INT32; return true;
    case kTfLiteUInt32: *out = TensorType_UINT32; return true;
    case kTfLiteInt64: *out = TensorType_INT64; return true;
    case kTfLiteUInt64: *out = TensorType_UINT64; return true;
    case kTfLiteBool: *out = TensorType_BOOL; return true;
    case kTfLiteResource: *out = TensorType_RESOURCE; return true;
    default: return false;
  }
}

size_t DataBytes(const TfLiteTensor& tensor) {
  if (tensor.bytes > 0) return tensor.bytes;
  if (tensor.dims == nullptr) return 0;
  return static_cast<size_t>(ElementCount(*tensor.dims)) *
         TfLiteTypeGetSize(tensor.type);
}

std::vector<int32_t> ToVector(const TfLiteIntArray* array) {
  std::vector<int32_t> values;
  if (array == nullptr) return values;
  for (int i = 0; i < array->size; ++i) values.push_back(array->data[i]);
  return values;
}

}  // namespace

KernelRunner::KernelRunner(const TFLMRegistration& registration,
                           TfLiteTensor* tensors, int tensors_size,
                           TfLiteIntArray* inputs, TfLiteIntArray* outputs,
                           const void* builtin_data,
                           TfLiteIntArray* intermediates)
    : registration_(registration),
      proxy_(),
      tensors_(tensors),
      tensors_size_(tensors_size),
      inputs_(inputs),
      outputs_(outputs),
      intermediates_(intermediates),
      builtin_data_(builtin_data) {
  proxy_.init = ProxyInit;
  proxy_.prepare = ProxyPrepare;
  proxy_.invoke = ProxyInvoke;
  proxy_.free = registration.free == nullptr ? nullptr : ProxyFree;
  proxy_.reset = registration.reset == nullptr ? nullptr : ProxyReset;
  proxy_.builtin_code = BuiltinOperator_CUSTOM;
  proxy_.custom_name = kOpName;
  proxy_.version = 1;
}

KernelRunner::~KernelRunner() {
  interpreter_.reset();
  Unbind(this);
}

KernelRunner* KernelRunner::ForContext(const TfLiteContext* context) {
  for (const Binding& binding : bindings) {
    if (binding.runner != nullptr && binding.context_impl == context->impl_) {
      return binding.runner;
    }
  }
  return nullptr;
}

bool KernelRunner::IsIndexIn(const TfLiteIntArray* list, int index) const {
  if (list == nullptr) return false;
  for (int i = 0; i < list->size; ++i) {
    if (list->data[i] == index) return true;
  }
  return false;
}

std::vector<uint8_t> KernelRunner::BuildModel(const char* init_data,
                                              size_t length) const {
  flatbuffers::FlatBufferBuilder fbb;
  std::vector<flatbuffers::Offset<Buffer>> buffers = {CreateBuffer(fbb)};
  std::vector<flatbuffers::Offset<Tensor>> tensors;
  std::vector<int32_t> graph_inputs;
  for (int i = 0; i < tensors_size_; ++i) {
    const TfLiteTensor& tensor = tensors_[i];
    TensorType type;
    if (!ToTensorType(tensor.type, &type)) {
      MicroPrintf("KernelRunner: tensor %d has unsupported type %s", i,
                  TfLiteTypeGetName(tensor.type));
      return {};
    }
    const bool is_input = IsIndexIn(inputs_, i) && !IsIndexIn(outputs_, i);
    uint32_t buffer = 0;
    if (is_input && !tensor.is_variable && tensor.data.data != nullptr) {
      // Inputs with data are constants, readable while preparing.
      const auto* bytes = reinterpret_cast<const uint8_t*>(tensor.data.raw);
      fbb.ForceVectorAlignment(DataBytes(tensor), 1, 16);
      buffers.push_back(
          CreateBuffer(fbb, fbb.CreateVector(bytes, DataBytes(tensor))));
      buffer = static_cast<uint32_t>(buffers.size() - 1);
    } else if (is_input && !tensor.is_variable) {
      graph_inputs.push_back(i);
    }
    flatbuffers::Offset<QuantizationParameters> quantization = 0;
    const auto* affine =
        tensor.quantization.type == kTfLiteAffineQuantization
            ? static_cast<const TfLiteAffineQuantization*>(
                  tensor.quantization.params)
            : nullptr;
    std::vector<float> scales;
    std::vector<int64_t> zero_points;
    int32_t quantized_dimension = 0;
    if (affine != nullptr && affine->scale != nullptr &&
        affine->scale->size > 0) {
      for (int c = 0; c < affine->scale->size; ++c) {
        scales.push_back(affine->scale->data[c]);
        const bool has_zero_point =
            affine->zero_point != nullptr && c < affine->zero_point->size;
        zero_points.push_back(has_zero_point ? affine->zero_point->data[c]
                                             : 0);
      }
      quantized_dimension = affine->quantized_dimension;
    } else if (tensor.params.scale != 0.f) {
      scales.push_back(tensor.params.scale);
      zero_points.push_back(tensor.params.zero_point);
    }
    if (!scales.empty()) {
      quantization = CreateQuantizationParameters(
          fbb, 0, 0, fbb.CreateVector(scales), fbb.CreateVector(zero_points),
          QuantizationDetails_NONE, 0, quantized_dimension);
    }
    tensors.push_back(CreateTensor(fbb, fbb.CreateVector(ToVector(tensor.dims)),
                                   type, buffer, 0, quantization,
                                   tensor.is_variable));
  }
  flatbuffers::Offset<flatbuffers::Vector<uint8_t>> options = 0;
  if (init_data != nullptr && length > 0) {
    options = fbb.CreateVector(reinterpret_cast<const uint8_t*>(init_data),
                               length);
  }
  const auto op = CreateOperator(
      fbb, 0, fbb.CreateVector(ToVector(inputs_)),
      fbb.CreateVector(ToVector(outputs_)), BuiltinOptions_NONE, 0, options,
      CustomOptionsFormat_FLEXBUFFERS, 0,
      fbb.CreateVector(ToVector(intermediates_)));
  const auto subgraph = CreateSubGraph(
      fbb, fbb.CreateVector(tensors), fbb.CreateVector(graph_inputs),
      fbb.CreateVector(ToVector(outputs_)),
      fbb.CreateVector(std::vector<flatbuffers::Offset<Operator>>{op}),
      fbb.CreateString("main"));
  const auto code = CreateOperatorCode(
      fbb, static_cast<int8_t>(BuiltinOperator_CUSTOM),
      fbb.CreateString(kOpName), 1, BuiltinOperator_CUSTOM);
  const auto model = CreateModel(
      fbb, 3,
      fbb.CreateVector(std::vector<flatbuffers::Offset<OperatorCode>>{code}),
      fbb.CreateVector(std::vector<flatbuffers::Offset<SubGraph>>{subgraph}),
      fbb.CreateString("KernelRunner"), fbb.CreateVector(buffers));
  FinishModelBuffer(fbb, model);
  return std::vector<uint8_t>(fbb.GetBufferPointer(),
                              fbb.GetBufferPointer() + fbb.GetSize());
}

TfLiteStatus KernelRunner::InitAndPrepare(const char* init_data,
                                          size_t length) {
  interpreter_.reset();
  const std::vector<uint8_t> bytes = BuildModel(init_data, length);
  if (bytes.empty()) return kTfLiteError;
  model_.reset(new testing::AlignedModel(bytes));
  size_t data_bytes = 0;
  for (int i = 0; i < tensors_size_; ++i) data_bytes += DataBytes(tensors_[i]);
  arena_.assign(64 * 1024 + 4 * data_bytes, 0);
  resolver_.emplace();
  TF_LITE_ENSURE_STATUS(resolver_->AddCustom(kOpName, &proxy_));
  runner_being_prepared = this;
  interpreter_.reset(new MicroInterpreter(model_->data(), model_->size(),
                                          *resolver_, arena_.data(),
                                          arena_.size()));
  const TfLiteStatus status = interpreter_->AllocateTensors();
  runner_being_prepared = nullptr;
  return status;
}

void KernelRunner::CopyIn() {
  for (int i = 0; i < tensors_size_; ++i) {
    const TfLiteTensor& tensor = tensors_[i];
    const bool is_output = IsIndexIn(outputs_, i);
    if (tensor.data.data == nullptr || (is_output && !tensor.is_variable)) {
      continue;
    }
    TfLiteEvalTensor* eval = interpreter_->GetTensor(i);
    if (eval == nullptr || eval->data.data == nullptr ||
        eval->data.data == tensor.data.data) {
      continue;
    }
    size_t eval_bytes = 0;
    if (TfLiteTypeSizeOf(eval->type, &eval_bytes) != kTfLiteOk) continue;
    eval_bytes *= static_cast<size_t>(ElementCount(*eval->dims));
    const size_t bytes = DataBytes(tensor);
    std::memcpy(eval->data.data, tensor.data.data,
                bytes < eval_bytes ? bytes : eval_bytes);
  }
}

void KernelRunner::CopyOut() {
  for (int i = 0; i < tensors_size_; ++i) {
    TfLiteTensor& tensor = tensors_[i];
    if (tensor.data.data == nullptr ||
        !(IsIndexIn(outputs_, i) || tensor.is_variable)) {
      continue;
    }
    const TfLiteEvalTensor* eval = interpreter_->GetTensor(i);
    if (eval == nullptr || eval->data.data == nullptr) continue;
    size_t eval_bytes = 0;
    if (TfLiteTypeSizeOf(eval->type, &eval_bytes) != kTfLiteOk) continue;
    eval_bytes *= static_cast<size_t>(ElementCount(*eval->dims));
    const size_t bytes = DataBytes(tensor);
    std::memcpy(tensor.data.data, eval->data.data,
                bytes < eval_bytes ? bytes : eval_bytes);
  }
}

TfLiteStatus KernelRunner::Invoke() {
  if (interpreter_ == nullptr) {
    MicroPrintf("KernelRunner: Invoke before InitAndPrepare");
    return kTfLiteError;
  }
  CopyIn();
  const TfLiteStatus status = interpreter_->Invoke();
  CopyOut();
  return status;
}

TfLiteStatus KernelRunner::Reset() {
  if (registration_.reset == nullptr || interpreter_ == nullptr) {
    return kTfLiteError;
  }
  return interpreter_->Reset();
}

TfLiteStatus KernelRunner::Free() {
  if (registration_.free == nullptr || interpreter_ == nullptr) {
    return kTfLiteError;
  }
  interpreter_.reset();
  return kTfLiteOk;
}

}  // namespace micro
}  // namespace tflite
