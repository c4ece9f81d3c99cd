// Reading a model's flatbuffer: the limits the runtime keeps to, a tensor's
// constant data, element sizes and operator names for messages. Used by the
// allocator, the graph and the model checks alike (model_checks.h holds the
// checks themselves, which a build may leave out).
#ifndef TENSORFLOW_LITE_MICRO_MODEL_READING_H_
#define TENSORFLOW_LITE_MICRO_MODEL_READING_H_

#include <cstddef>
#include <cstdint>

#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/schema/schema_generated.h"

namespace tflite {

class MicroOpResolver;

// Limits on what a model may describe.
constexpr int kMaxTensorRank = 8;
constexpr int64_t kMaxTensorBytes = (static_cast<int64_t>(1) << 31) - 1;

// The bytes of a tensor's data in the model, if it has any.
struct ConstantData {
  const uint8_t* data;
  size_t size;
};
ConstantData GetBufferData(const Model* model, uint32_t buffer_index,
                           const uint8_t* file_data, size_t file_size);

// Bytes per element of a TfLiteType, 0 if the type has no fixed size.
size_t ElementSize(TfLiteType type);

// Name of an operator for messages: the custom code, or the builtin's name
// as `resolver` knows it (MicroOpResolver::BuiltinName; "UNREGISTERED" for
// a builtin it lacks, "UNKNOWN" for a bad operator code). Programs carry the
// names of their own ops only, not the schema's table of all of them.
// Builds without error texts have no messages to put it in: it is empty.
#if !defined(TF_LITE_STRIP_ERROR_STRINGS)
const char* OperatorName(const Model* model, const Operator* op,
                         const MicroOpResolver* resolver);
#else
inline const char* OperatorName(const Model*, const Operator*,
                                const MicroOpResolver*) {
  return "";
}
#endif

}  // namespace tflite

#endif  // TENSORFLOW_LITE_MICRO_MODEL_READING_H_
