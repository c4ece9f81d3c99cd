#include "tensorflow/lite/micro/testing/test_model_builder.h"

#include <cstring>

namespace tflite {
namespace testing {

AlignedModel::AlignedModel(const std::vector<uint8_t>& bytes)
    : storage_(bytes.size() + 16), size_(bytes.size()) {
  const uintptr_t start = reinterpret_cast<uintptr_t>(storage_.data());
  uint8_t* aligned = storage_.data() + ((16 - start % 16) % 16);
  if (!bytes.empty()) std::memcpy(aligned, bytes.data(), bytes.size());
  data_ = aligned;
}

TestModelBuilder::TestModelBuilder() {
  buffers_.push_back(CreateBuffer(fbb_));  // the empty buffer 0
}

int TestModelBuilder::AddTensor(TensorType type,
                                const std::vector<int32_t>& shape,
                                const std::vector<uint8_t>& data, float scale,
                                int64_t zero_point, bool is_variable,
                                const std::vector<int32_t>& shape_signature) {
  uint32_t buffer = 0;
  if (!data.empty()) {
    fbb_.ForceVectorAlignment(data.size(), 1, 16);
    auto vector = fbb_.CreateVector(data);
    buffers_.push_back(CreateBuffer(fbb_, vector));
    buffer = static_cast<uint32_t>(buffers_.size() - 1);
  }
  flatbuffers::Offset<QuantizationParameters> quantization = 0;
  if (scale > 0.f) {
    quantization = CreateQuantizationParameters(
        fbb_, 0, 0, fbb_.CreateVector(std::vector<float>{scale}),
        fbb_.CreateVector(std::vector<int64_t>{zero_point}));
  }
  auto signature = shape_signature.empty()
                       ? 0
                       : fbb_.CreateVector(shape_signature);
  const std::string name = "t" + std::to_string(tensors_.size());
  tensors_.push_back(CreateTensor(fbb_, fbb_.CreateVector(shape), type, buffer,
                                  fbb_.CreateString(name), quantization,
                                  is_variable, 0, signature));
  return static_cast<int>(tensors_.size() - 1);
}

int TestModelBuilder::OpcodeIndex(BuiltinOperator op,
                                  const std::string& custom_name) {
  for (size_t i = 0; i < opcodes_.size(); ++i) {
    if (opcodes_[i].first == op && opcodes_[i].second == custom_name) {
      return static_cast<int>(i);
    }
  }
  opcodes_.emplace_back(op, custom_name);
  return static_cast<int>(opcodes_.size() - 1);
}

int TestModelBuilder::AddOperator(BuiltinOperator op,
                                  const std::vector<int32_t>& inputs,
                                  const std::vector<int32_t>& outputs,
                                  BuiltinOptions options_type,
                                  flatbuffers::Offset<void> options) {
  operators_.push_back(CreateOperator(
      fbb_, OpcodeIndex(op, ""), fbb_.CreateVector(inputs),
      fbb_.CreateVector(outputs), options_type, options));
  return static_cast<int>(operators_.size() - 1);
}

int TestModelBuilder::AddCustomOperator(
    const std::string& name, const std::vector<int32_t>& inputs,
    const std::vector<int32_t>& outputs,
    const std::vector<uint8_t>& custom_options) {
  auto options =
      custom_options.empty() ? 0 : fbb_.CreateVector(custom_options);
  operators_.push_back(CreateOperator(
      fbb_, OpcodeIndex(BuiltinOperator_CUSTOM, name),
      fbb_.CreateVector(inputs), fbb_.CreateVector(outputs),
      BuiltinOptions_NONE, 0, options));
  return static_cast<int>(operators_.size() - 1);
}

std::vector<uint8_t> TestModelBuilder::Build() {
  std::vector<flatbuffers::Offset<OperatorCode>> codes;
  for (const auto& [op, name] : opcodes_) {
    const int8_t narrow = static_cast<int8_t>(
        op < BuiltinOperator_PLACEHOLDER_FOR_GREATER_OP_CODES
            ? op
            : BuiltinOperator_PLACEHOLDER_FOR_GREATER_OP_CODES);
    codes.push_back(CreateOperatorCode(
        fbb_, narrow, name.empty() ? 0 : fbb_.CreateString(name), 1, op));
  }
  auto subgraph = CreateSubGraph(
      fbb_, fbb_.CreateVector(tensors_), fbb_.CreateVector(inputs_),
      fbb_.CreateVector(outputs_), fbb_.CreateVector(operators_),
      fbb_.CreateString("main"));
  auto model = CreateModel(
      fbb_, 3, fbb_.CreateVector(codes),
      fbb_.CreateVector(
          std::vector<flatbuffers::Offset<SubGraph>>{subgraph}),
      fbb_.CreateString("test model"), fbb_.CreateVector(buffers_));
  FinishModelBuffer(fbb_, model);
  return std::vector<uint8_t>(fbb_.GetBufferPointer(),
                              fbb_.GetBufferPointer() + fbb_.GetSize());
}

}  // namespace testing
}  // namespace tflite
