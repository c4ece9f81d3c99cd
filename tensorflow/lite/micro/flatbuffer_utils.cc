#include "tensorflow/lite/micro/flatbuffer_utils.h"

namespace tflite {

FlexbufferWrapper::FlexbufferWrapper(const uint8_t* buffer, size_t size)
    : flexbuffers::Vector(flexbuffers::GetRoot(buffer, size).AsMap()) {}

int64_t FlexbufferWrapper::ElementAsInt64(size_t i) const {
  return (*this)[i].AsInt64();
}

uint64_t FlexbufferWrapper::ElementAsUInt64(size_t i) const {
  return (*this)[i].AsUInt64();
}

int32_t FlexbufferWrapper::ElementAsInt32(size_t i) const {
  return (*this)[i].AsInt32();
}

bool FlexbufferWrapper::ElementAsBool(size_t i) const {
  return (*this)[i].AsBool();
}

double FlexbufferWrapper::ElementAsDouble(size_t i) const {
  return (*this)[i].AsDouble();
}

float FlexbufferWrapper::ElementAsFloat(size_t i) const {
  return (*this)[i].AsFloat();
}

uint32_t NumSubgraphOperators(const SubGraph* subgraph) {
  return subgraph->operators() == nullptr ? 0 : subgraph->operators()->size();
}

uint32_t NumSubgraphOperators(const Model* model, int subgraph_idx) {
  if (model->subgraphs() == nullptr || subgraph_idx < 0 ||
      static_cast<uint32_t>(subgraph_idx) >= model->subgraphs()->size()) {
    return 0;
  }
  return NumSubgraphOperators(model->subgraphs()->Get(subgraph_idx));
}

TfLiteIntArray* FlatBufferVectorToTfLiteTypeArray(
    const flatbuffers::Vector<int32_t>* flatbuffer_array) {
  static_assert(sizeof(int) == sizeof(int32_t), "TfLiteIntArray holds int32");
  return reinterpret_cast<TfLiteIntArray*>(
      const_cast<flatbuffers::Vector<int32_t>*>(flatbuffer_array));
}

TfLiteFloatArray* FlatBufferVectorToTfLiteTypeArray(
    const flatbuffers::Vector<float>* flatbuffer_array) {
  return reinterpret_cast<TfLiteFloatArray*>(
      const_cast<flatbuffers::Vector<float>*>(flatbuffer_array));
}

}  // namespace tflite
