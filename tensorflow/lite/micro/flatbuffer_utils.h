// TFLM's flatbuffer_utils.h: FlexbufferWrapper (typed reads of a custom op's
// flexbuffer-map options by key position) and small model helpers.
#ifndef TENSORFLOW_LITE_MICRO_FLATBUFFER_UTILS_H_
#define TENSORFLOW_LITE_MICRO_FLATBUFFER_UTILS_H_

#include <cstddef>
#include <cstdint>

#include "flatbuffers/flatbuffers.h"
#include "flatbuffers/flexbuffers.h"
#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/micro/micro_common.h"
#include "tensorflow/lite/schema/schema_generated.h"
#include "tensorflow/lite/schema/schema_utils.h"

namespace tflite {
namespace micro {
using ::tflite::GetBuiltinCode;
}  // namespace micro

// The values of a flexbuffer map, as a vector in the map's key order
// (flexbuffers sorts keys), so element i is the value of the i-th key in
// sorted order. Integers and booleans read as any integer width, floats as
// float or double.
class FlexbufferWrapper : public flexbuffers::Vector {
 public:
  FlexbufferWrapper(const uint8_t* buffer, size_t size);
  int64_t ElementAsInt64(size_t i) const;
  uint64_t ElementAsUInt64(size_t i) const;
  int32_t ElementAsInt32(size_t i) const;
  bool ElementAsBool(size_t i) const;
  double ElementAsDouble(size_t i) const;
  float ElementAsFloat(size_t i) const;
};

uint32_t NumSubgraphOperators(const SubGraph* subgraph);
uint32_t NumSubgraphOperators(const Model* model, int subgraph_idx);

// Views a flatbuffer vector as a TfLite array in place (the layouts agree:
// a 32-bit length followed by the elements). The result must not be
// written to: it points into the model.
TfLiteIntArray* FlatBufferVectorToTfLiteTypeArray(
    const flatbuffers::Vector<int32_t>* flatbuffer_array);
TfLiteFloatArray* FlatBufferVectorToTfLiteTypeArray(
    const flatbuffers::Vector<float>* flatbuffer_array);

}  // namespace tflite

#endif  // TENSORFLOW_LITE_MICRO_FLATBUFFER_UTILS_H_
