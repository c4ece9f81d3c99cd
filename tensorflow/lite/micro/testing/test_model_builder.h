// Builds small .tflite models in C++ tests (test code: uses the heap).
#ifndef TENSORFLOW_LITE_MICRO_TESTING_TEST_MODEL_BUILDER_H_
#define TENSORFLOW_LITE_MICRO_TESTING_TEST_MODEL_BUILDER_H_

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "flatbuffers/flatbuffers.h"
#include "tensorflow/lite/schema/schema_generated.h"

namespace tflite {
namespace testing {

// Model bytes in a 16-byte aligned buffer, as the interpreter expects.
class AlignedModel {
 public:
  explicit AlignedModel(const std::vector<uint8_t>& bytes);
  AlignedModel(const AlignedModel&) = delete;
  AlignedModel& operator=(const AlignedModel&) = delete;
  const uint8_t* data() const { return data_; }
  size_t size() const { return size_; }

 private:
  // Over-allocated; data_ is its first 16-byte aligned byte (newlib's C++
  // library has no std::aligned_alloc).
  std::vector<uint8_t> storage_;
  const uint8_t* data_;
  size_t size_;
};

class TestModelBuilder {
 public:
  TestModelBuilder();

  // A tensor; `data` (if non-empty) makes it a constant. `scale` > 0 adds
  // per-tensor quantization.
  int AddTensor(TensorType type, const std::vector<int32_t>& shape,
                const std::vector<uint8_t>& data = {}, float scale = 0.f,
                int64_t zero_point = 0, bool is_variable = false,
                const std::vector<int32_t>& shape_signature = {});

  template <typename T>
  int AddConstant(TensorType type, const std::vector<int32_t>& shape,
                  const std::vector<T>& values, float scale = 0.f,
                  int64_t zero_point = 0) {
    std::vector<uint8_t> bytes(values.size() * sizeof(T));
    std::memcpy(bytes.data(), values.data(), bytes.size());
    return AddTensor(type, shape, bytes, scale, zero_point);
  }

  int AddOperator(BuiltinOperator op, const std::vector<int32_t>& inputs,
                  const std::vector<int32_t>& outputs,
                  BuiltinOptions options_type = BuiltinOptions_NONE,
                  flatbuffers::Offset<void> options = 0);
  int AddCustomOperator(const std::string& name,
                        const std::vector<int32_t>& inputs,
                        const std::vector<int32_t>& outputs,
                        const std::vector<uint8_t>& custom_options = {});

  void SetInputs(const std::vector<int32_t>& inputs) { inputs_ = inputs; }
  void SetOutputs(const std::vector<int32_t>& outputs) { outputs_ = outputs; }

  // For building options tables before AddOperator.
  flatbuffers::FlatBufferBuilder& fbb() { return fbb_; }

  std::vector<uint8_t> Build();

 private:
  int OpcodeIndex(BuiltinOperator op, const std::string& custom_name);

  flatbuffers::FlatBufferBuilder fbb_;
  std::vector<flatbuffers::Offset<Buffer>> buffers_;
  std::vector<flatbuffers::Offset<Tensor>> tensors_;
  std::vector<flatbuffers::Offset<Operator>> operators_;
  std::vector<std::pair<BuiltinOperator, std::string>> opcodes_;
  std::vector<int32_t> inputs_;
  std::vector<int32_t> outputs_;
};

}  // namespace testing
}  // namespace tflite

#endif  // TENSORFLOW_LITE_MICRO_TESTING_TEST_MODEL_BUILDER_H_
