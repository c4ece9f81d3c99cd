#include "python/tflite_micro/interpreter_wrapper.h"

#include <chrono>
#include <cstring>
#include <new>
#include <sstream>
#include <stdexcept>

#include "tensorflow/lite/micro/model_reading.h"

namespace py = pybind11;

namespace tflite {
namespace {

struct NumpyType {
  TfLiteType type;
  const char* name;
  char kind;
  int itemsize;
};

constexpr NumpyType kNumpyTypes[] = {
    {kTfLiteFloat32, "float32", 'f', 4}, {kTfLiteFloat16, "float16", 'f', 2},
    {kTfLiteFloat64, "float64", 'f', 8}, {kTfLiteInt8, "int8", 'i', 1},
    {kTfLiteUInt8, "uint8", 'u', 1},     {kTfLiteInt16, "int16", 'i', 2},
    {kTfLiteUInt16, "uint16", 'u', 2},   {kTfLiteInt32, "int32", 'i', 4},
    {kTfLiteUInt32, "uint32", 'u', 4},   {kTfLiteInt64, "int64", 'i', 8},
    {kTfLiteUInt64, "uint64", 'u', 8},   {kTfLiteBool, "bool", 'b', 1},
    {kTfLiteComplex64, "complex64", 'c', 8},
};

const NumpyType* FindNumpyType(TfLiteType type) {
  for (const NumpyType& entry : kNumpyTypes) {
    if (entry.type == type) return &entry;
  }
  return nullptr;
}

py::dtype NumpyDtype(TfLiteType type) {
  const NumpyType* entry = FindNumpyType(type);
  if (entry == nullptr) {
    throw std::runtime_error(std::string("Tensor type ") +
                             TfLiteTypeGetName(type) +
                             " has no numpy equivalent");
  }
  return py::dtype(entry->name);
}

std::string ShapeString(const TfLiteIntArray* dims) {
  std::ostringstream out;
  out << "(";
  for (int i = 0; i < dims->size; ++i) {
    if (i > 0) out << ", ";
    out << dims->data[i];
  }
  if (dims->size == 1) out << ",";
  out << ")";
  return out.str();
}

std::string ShapeString(const py::array& array) {
  std::ostringstream out;
  out << "(";
  for (py::ssize_t i = 0; i < array.ndim(); ++i) {
    if (i > 0) out << ", ";
    out << array.shape(i);
  }
  if (array.ndim() == 1) out << ",";
  out << ")";
  return out.str();
}

py::array CopyToNumpy(const TfLiteEvalTensor* tensor) {
  std::vector<py::ssize_t> shape(tensor->dims->data,
                                 tensor->dims->data + tensor->dims->size);
  py::array result(NumpyDtype(tensor->type), shape);
  const size_t bytes = TensorBytes(tensor);
  if (bytes > 0) {
    if (tensor->data.raw == nullptr) {
      throw std::runtime_error("Tensor has no data (it was not allocated)");
    }
    std::memcpy(result.mutable_data(), tensor->data.raw, bytes);
  }
  return result;
}

}  // namespace

InterpreterWrapper::InterpreterWrapper(
    const py::bytes& model, const std::vector<std::string>& registerers,
    size_t arena_size, bool preserve_all_tensors, bool litert_arithmetic,
    bool preserve_inputs, size_t max_arena_size)
    : preserve_all_tensors_(preserve_all_tensors),
      preserve_inputs_(preserve_inputs),
      model_(model) {
  HostedOptions options;
  options.arena_size = arena_size;
  options.max_arena_size = max_arena_size;
  options.preserve_all_tensors = preserve_all_tensors;
  options.preserve_inputs = preserve_inputs;
  options.arithmetic =
      litert_arithmetic ? MicroArithmetic::kLitert : MicroArithmetic::kTflm;
  // model_ holds the bytes object, which nothing can change.
  options.model_in_place = true;
  options.registerers = registerers;
  profiler_.set_interpreter(&hosted_);
  const std::string_view bytes = model_;
  if (!hosted_.Load(reinterpret_cast<const uint8_t*>(bytes.data()),
                    bytes.size(), options)) {
    Raise();
  }
  const auto* subgraphs = hosted_.micro().model()->subgraphs();
  always_release_gil_ = subgraphs != nullptr && subgraphs->size() > 1;
}

void InterpreterWrapper::Raise() const {
  const HostedError& error = hosted_.error();
  switch (error.kind) {
    case HostedErrorKind::kOutOfMemory:
      throw std::bad_alloc();
    case HostedErrorKind::kBadModel:
    case HostedErrorKind::kBadShape:
      throw py::value_error(error.message);
    case HostedErrorKind::kRegistererNotFound:
      // TFLM's wording first (code written for its wheel matches on it).
      throw RegistererNotFound(
          "TFLM could not register custom op via " + error.registerer + ": " +
          RegistererErrorText(error,
                              "link its op package into the program, or load "
                              "the shared library first"));
    case HostedErrorKind::kRegistererFailed:
      throw std::runtime_error(RegistererErrorText(error, ""));
    case HostedErrorKind::kArenaTooSmall:
      throw std::runtime_error(
          "arena_size=" + std::to_string(error.arena_size) +
          " bytes is too small for this model" +
          (error.resized ? " at these input shapes" : "") + ": it needs " +
          std::to_string(error.needed_bytes) + " bytes (pass arena_size=" +
          std::to_string(error.needed_bytes) + " or more). " + error.message);
    case HostedErrorKind::kArenaLimit:
      throw std::runtime_error(ArenaLimitErrorText(
          error, "max_arena_size",
          "pass arena_size={needed} (or more), or a larger max_arena_size"));
    case HostedErrorKind::kCancelled:
      throw std::runtime_error("Invoke was cancelled (Interpreter.cancel()): " +
                               error.message);
    default:
      throw std::runtime_error(error.message);
  }
}

void InterpreterWrapper::CheckIndex(int64_t index, size_t count,
                                    const char* what) const {
  if (index < 0 || static_cast<size_t>(index) >= count) {
    // TFLM's wheel says "Tensor is out of bound" for every such index.
    throw IndexOutOfRange(std::string(what) + " index " +
                          std::to_string(index) +
                          " is out of range: the model has " +
                          std::to_string(count) + " " + what +
                          "s (Tensor is out of bound)");
  }
}

TfLiteEvalTensor* InterpreterWrapper::Allocated(TfLiteEvalTensor* tensor) const {
  if (tensor == nullptr) {
    throw std::runtime_error(
        std::string("The interpreter's tensors are not allocated (an earlier "
                    "allocation failed; resize_input to shapes that fit, or "
                    "invoke to start over from the model's shapes): ") +
        hosted_.micro().error_message());
  }
  return tensor;
}

void InterpreterWrapper::SetInput(const py::object& value, int64_t index) {
  CheckIndex(index, NumInputs(), "input");
  TfLiteEvalTensor* tensor =
      Allocated(hosted_.input(static_cast<size_t>(index)));
  const NumpyType* expected = FindNumpyType(tensor->type);
  // Built only for an error message (this function runs on every call).
  const auto expected_text = [&]() {
    return std::string(expected != nullptr ? expected->name
                                           : TfLiteTypeGetName(tensor->type)) +
           " array of shape " + ShapeString(tensor->dims);
  };
  if (value.is_none()) {
    throw py::value_error("Input " + std::to_string(index) +
                          " is None; expected a " + expected_text());
  }
  if (!py::isinstance<py::array>(value)) {
    throw py::value_error("Input " + std::to_string(index) + " is a " +
                          std::string(py::str(value.get_type().attr(
                              "__name__"))) +
                          "; expected a numpy " + expected_text());
  }
  py::array array = py::reinterpret_borrow<py::array>(value);
  const py::dtype given = array.dtype();
  if (expected == nullptr || given.kind() != expected->kind ||
      given.itemsize() != expected->itemsize) {
    // The last sentence is TFLM's wording (code written for its wheel
    // matches on it).
    const std::string given_name = py::str(given);
    throw py::value_error("Input " + std::to_string(index) + " has dtype " +
                          given_name + "; expected a " + expected_text() +
                          ". Got value of type " + given_name + ", not " +
                          (expected != nullptr
                               ? expected->name
                               : TfLiteTypeGetName(tensor->type)) +
                          ".");
  }
  bool same_shape = array.ndim() == tensor->dims->size;
  for (py::ssize_t i = 0; same_shape && i < array.ndim(); ++i) {
    same_shape = array.shape(i) == tensor->dims->data[i];
  }
  if (!same_shape) {
    throw py::value_error("Dimension mismatch. Input " +
                          std::to_string(index) + " has shape " +
                          ShapeString(array) + "; expected a " +
                          expected_text() +
                          " (resize_input changes the expected shape)");
  }
  // A C-contiguous, native-order copy when the array is not one already
  // (checked on the array's own fields: this runs on every call).
  py::array contiguous = array;
  const bool big_endian = given.byteorder() == '>';
  if (big_endian || !(array.flags() & py::array::c_style)) {
    if (big_endian) array = array.attr("astype")(py::dtype(expected->name));
    contiguous = py::array::ensure(array,
                                   py::array::c_style | py::array::forcecast);
    if (!contiguous) throw py::error_already_set();
  }
  const size_t bytes = TensorBytes(tensor);
  if (static_cast<size_t>(contiguous.nbytes()) != bytes) {
    throw py::value_error("Input " + std::to_string(index) + " holds " +
                          std::to_string(contiguous.nbytes()) +
                          " bytes; expected " + std::to_string(bytes));
  }
  if (bytes > 0) {
    if (tensor->data.raw == nullptr) {
      throw std::runtime_error("Input tensor has no memory; allocation failed");
    }
    std::memcpy(tensor->data.raw, contiguous.data(), bytes);
    if (tensor->type == kTfLiteBool) {
      // numpy bools made through views may hold other bytes than 0 and 1;
      // kernels may only see 0 or 1.
      for (size_t i = 0; i < bytes; ++i) {
        tensor->data.uint8[i] = tensor->data.uint8[i] != 0;
      }
    }
  }
}

py::array InterpreterWrapper::GetOutput(int64_t index) {
  CheckIndex(index, NumOutputs(), "output");
  return CopyToNumpy(Allocated(hosted_.output(static_cast<size_t>(index))));
}

const TfLiteEvalTensor* InterpreterWrapper::AnyTensor(
    int64_t tensor_index, int64_t subgraph_index) {
  const auto* subgraphs = hosted_.micro().model()->subgraphs();
  CheckIndex(subgraph_index, subgraphs->size(), "subgraph");
  const auto* tensors = subgraphs->Get(subgraph_index)->tensors();
  CheckIndex(tensor_index, tensors == nullptr ? 0 : tensors->size(), "tensor");
  return Allocated(hosted_.micro().GetTensor(static_cast<int>(tensor_index),
                                             static_cast<int>(subgraph_index)));
}

py::dict InterpreterWrapper::GetTensorDetails(int64_t tensor_index,
                                              int64_t subgraph_index) {
  const TfLiteEvalTensor* tensor = AnyTensor(tensor_index, subgraph_index);
  return Details(static_cast<int>(tensor_index), tensor,
                 static_cast<int>(subgraph_index));
}

py::array InterpreterWrapper::GetTensor(int64_t tensor_index,
                                        int64_t subgraph_index) {
  const TfLiteEvalTensor* tensor = AnyTensor(tensor_index, subgraph_index);
  if (tensor->data.raw == nullptr && TensorBytes(tensor) > 0) {
    throw py::value_error("Tensor " + std::to_string(tensor_index) +
                          " has no memory (no operator uses it)");
  }
  // A compressed (DECODE) or sparse (DENSIFY) constant holds fewer bytes
  // than its shape: there is no array of that shape to copy.
  const Model* model = hosted_.micro().model();
  const auto subgraph = static_cast<flatbuffers::uoffset_t>(subgraph_index);
  const auto index = static_cast<flatbuffers::uoffset_t>(tensor_index);
  const ConstantData constant = GetBufferData(
      model, model->subgraphs()->Get(subgraph)->tensors()->Get(index)->buffer(),
      hosted_.model_data(), hosted_.model_size());
  if (constant.data != nullptr && constant.size < TensorBytes(tensor)) {
    throw py::value_error(
        "Tensor " + std::to_string(tensor_index) + " of subgraph " +
        std::to_string(subgraph_index) + " holds " +
        std::to_string(constant.size) +
        " bytes of encoded data (a compressed or sparse constant), not the " +
        std::to_string(TensorBytes(tensor)) +
        " its shape needs; read the output of the DECODE or DENSIFY that "
        "reads it");
  }
  if (!TensorKept(static_cast<int>(tensor_index),
                  static_cast<int>(subgraph_index))) {
    throw std::runtime_error(
        "Tensor " + std::to_string(tensor_index) + " of subgraph " +
        std::to_string(subgraph_index) +
        " is an intermediate tensor whose memory other tensors reuse, so its "
        "value after invoke is not kept: create the interpreter with "
        "preserve_all_tensors=True (or intrepreter_config="
        "InterpreterConfig.kPreserveAllTensors) to read it");
  }
  return CopyToNumpy(tensor);
}

bool InterpreterWrapper::TensorKept(int tensor_index,
                                    int subgraph_index) const {
  if (preserve_all_tensors_) return true;
  const Model* model = hosted_.micro().model();
  const SubGraph* subgraph = model->subgraphs()->Get(subgraph_index);
  const Tensor* tensor = subgraph->tensors()->Get(tensor_index);
  if (tensor->is_variable()) return true;
  // A constant: its data is in the model.
  const auto* buffers = model->buffers();
  if (buffers != nullptr && tensor->buffer() < buffers->size()) {
    const Buffer* buffer = buffers->Get(tensor->buffer());
    if (buffer != nullptr &&
        ((buffer->data() != nullptr && buffer->data()->size() > 0) ||
         buffer->offset() > 1)) {
      return true;
    }
  }
  if (subgraph_index != 0) return false;
  const auto contains = [tensor_index](const flatbuffers::Vector<int32_t>* v) {
    if (v == nullptr) return false;
    for (int32_t i : *v) {
      if (i == tensor_index) return true;
    }
    return false;
  };
  return contains(subgraph->outputs()) ||
         (preserve_inputs_ && contains(subgraph->inputs()));
}

int InterpreterWrapper::Invoke() {
  bool ok;
  if (release_gil_) {
    py::gil_scoped_release release;
    const auto start = std::chrono::steady_clock::now();
    ok = hosted_.Invoke();
    // Releasing and taking back the GIL costs about as much as a tiny
    // model's whole invoke: models that run in under 20 us keep it.
    release_gil_ = always_release_gil_ ||
                   std::chrono::steady_clock::now() - start >=
                       std::chrono::microseconds(20);
  } else {
    ok = hosted_.Invoke();
  }
  hosted_.SetCancelled(false);
  if (!ok) Raise();
  return kTfLiteOk;
}

int InterpreterWrapper::Reset() {
  if (!hosted_.Reset()) Raise();
  return kTfLiteOk;
}

void InterpreterWrapper::ResizeInput(int64_t index,
                                     const std::vector<int64_t>& shape) {
  CheckIndex(index, NumInputs(), "input");
  std::vector<int32_t> dims;
  for (int64_t d : shape) {
    if (d < 0 || d > INT32_MAX) {
      throw py::value_error("resize_input: dimension " + std::to_string(d) +
                            " is out of range");
    }
    dims.push_back(static_cast<int32_t>(d));
  }
  if (!hosted_.ResizeInput(static_cast<size_t>(index), dims.data(),
                           static_cast<int>(dims.size())) ||
      !hosted_.AllocateTensors()) {
    Raise();
  }
}

py::dict InterpreterWrapper::Details(int tensor_index,
                                     const TfLiteEvalTensor* eval,
                                     int subgraph_index) {
  const Tensor* tensor = hosted_.micro()
                             .model()
                             ->subgraphs()
                             ->Get(subgraph_index)
                             ->tensors()
                             ->Get(tensor_index);
  py::dict details;
  details["name"] =
      tensor->name() != nullptr ? tensor->name()->str() : std::string();
  details["index"] = tensor_index;
  std::vector<int32_t> shape(eval->dims->data,
                             eval->dims->data + eval->dims->size);
  details["shape"] = py::array_t<int32_t>(shape.size(), shape.data());
  if (tensor->shape_signature() != nullptr) {
    details["shape_signature"] = py::array_t<int32_t>(
        tensor->shape_signature()->size(), tensor->shape_signature()->data());
  } else {
    details["shape_signature"] = details["shape"];
  }
  details["dtype"] = NumpyDtype(eval->type).attr("type");
  std::vector<float> scales;
  std::vector<int32_t> zero_points;
  int quantized_dimension = 0;
  if (const QuantizationParameters* q = tensor->quantization()) {
    if (q->scale() != nullptr) {
      scales.assign(q->scale()->begin(), q->scale()->end());
    }
    if (q->zero_point() != nullptr) {
      for (int64_t z : *q->zero_point()) {
        zero_points.push_back(static_cast<int32_t>(z));
      }
    }
    if (zero_points.empty()) zero_points.assign(scales.size(), 0);
    quantized_dimension = q->quantized_dimension();
  }
  py::dict quantization;
  quantization["scales"] = py::array_t<float>(scales.size(), scales.data());
  quantization["zero_points"] =
      py::array_t<int32_t>(zero_points.size(), zero_points.data());
  quantization["quantized_dimension"] = quantized_dimension;
  details["quantization_parameters"] = quantization;
  return details;
}

py::dict InterpreterWrapper::GetInputDetails(int64_t index) {
  CheckIndex(index, NumInputs(), "input");
  return Details(
      hosted_.micro().input_tensor_index(static_cast<size_t>(index)),
      Allocated(hosted_.input(static_cast<size_t>(index))));
}

py::dict InterpreterWrapper::GetOutputDetails(int64_t index) {
  CheckIndex(index, NumOutputs(), "output");
  return Details(
      hosted_.micro().output_tensor_index(static_cast<size_t>(index)),
      Allocated(hosted_.output(static_cast<size_t>(index))));
}

std::string InterpreterWrapper::FormatAllocations() const {
  const size_t length = hosted_.micro().FormatAllocations(nullptr, 0);
  std::string text(length + 1, '\0');
  hosted_.micro().FormatAllocations(text.data(), text.size());
  text.resize(length);
  return text;
}

void NodeProfiler::Clear() {
  index_.clear();
  records_.clear();
  open_.clear();
}

std::vector<NodeProfiler::Record> NodeProfiler::records() const {
  std::vector<Record> ordered;
  ordered.reserve(records_.size());
  for (const auto& entry : index_) ordered.push_back(records_[entry.second]);
  return ordered;
}

uint32_t NodeProfiler::BeginEvent(const char* tag) {
  if (!enabled_ || interpreter_ == nullptr) return 0;
  const std::pair<int, int> key(interpreter_->micro().current_subgraph_index(),
                                interpreter_->micro().current_node_index());
  auto found = index_.find(key);
  if (found == index_.end()) {
    Record record;
    record.subgraph = key.first;
    record.node = key.second;
    record.op = tag != nullptr ? tag : "";
    found = index_.emplace(key, records_.size()).first;
    records_.push_back(std::move(record));
  }
  open_.push_back(OpenEvent{found->second, Clock::time_point(), 0});
  // Read the clock last, so that the bookkeeping above is not timed.
  open_.back().start = Clock::now();
  return static_cast<uint32_t>(open_.size());
}

void NodeProfiler::EndEvent(uint32_t event_handle) {
  const Clock::time_point end = Clock::now();
  // 0: the event began while profiling was off. A handle that is not the
  // innermost open event (cleared mid-invoke) is dropped.
  if (event_handle == 0 || event_handle != open_.size()) return;
  const OpenEvent event = open_.back();
  open_.pop_back();
  const uint64_t elapsed = static_cast<uint64_t>(
      std::chrono::duration_cast<std::chrono::nanoseconds>(end - event.start)
          .count());
  Record& record = records_[event.record];
  ++record.count;
  record.total_ns += elapsed;
  record.self_ns += elapsed > event.children_ns ? elapsed - event.children_ns
                                                : 0;
  if (!open_.empty()) open_.back().children_ns += elapsed;
}

py::list InterpreterWrapper::GetProfile() const {
  py::list result;
  for (const NodeProfiler::Record& record : profiler_.records()) {
    py::dict entry;
    entry["subgraph"] = record.subgraph;
    entry["node"] = record.node;
    entry["op"] = record.op;
    entry["count"] = record.count;
    entry["time_us"] = static_cast<double>(record.total_ns) / 1000.0;
    entry["self_time_us"] = static_cast<double>(record.self_ns) / 1000.0;
    result.append(entry);
  }
  return result;
}

std::vector<std::string> BuiltinOpNames() {
  auto resolver = std::make_unique<ExtensibleOpResolver>();
  std::vector<std::string> names;
  for (int code = BuiltinOperator_MIN; code <= BuiltinOperator_MAX; ++code) {
    const auto op = static_cast<BuiltinOperator>(code);
    if (op != BuiltinOperator_CUSTOM && resolver->FindOp(op) != nullptr) {
      names.push_back(EnumNameBuiltinOperator(op));
    }
  }
  return names;
}

std::vector<std::string> StandardCustomOpNames(
    const std::vector<std::string>& names) {
  auto resolver = std::make_unique<ExtensibleOpResolver>();
  std::vector<std::string> found;
  for (const std::string& name : names) {
    if (resolver->FindOp(name.c_str()) != nullptr) found.push_back(name);
  }
  return found;
}

}  // namespace tflite
