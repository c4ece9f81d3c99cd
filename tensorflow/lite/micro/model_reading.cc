#include "tensorflow/lite/micro/model_reading.h"

#include "tensorflow/lite/micro/micro_op_resolver.h"
#include "tensorflow/lite/schema/schema_utils.h"

namespace tflite {

size_t ElementSize(TfLiteType type) {
  switch (type) {
    case kTfLiteFloat32:
    case kTfLiteInt32:
    case kTfLiteUInt32:
    case kTfLiteResource:
      return 4;
    case kTfLiteUInt8:
    case kTfLiteInt8:
    case kTfLiteBool:
    case kTfLiteInt4:  // unpacked in memory
      return 1;
    case kTfLiteInt16:
    case kTfLiteUInt16:
    case kTfLiteFloat16:
      return 2;
    case kTfLiteInt64:
    case kTfLiteUInt64:
    case kTfLiteFloat64:
    case kTfLiteComplex64:
      return 8;
    case kTfLiteComplex128:
      return 16;
    default:
      return 0;
  }
}

#if !defined(TF_LITE_STRIP_ERROR_STRINGS)
const char* OperatorName(const Model* model, const Operator* op,
                         const MicroOpResolver* resolver) {
  const auto* codes = model->operator_codes();
  if (codes == nullptr || op->opcode_index() >= codes->size()) {
    return "UNKNOWN";
  }
  const OperatorCode* code = codes->Get(op->opcode_index());
  const BuiltinOperator builtin = GetBuiltinCode(code);
  if (builtin == BuiltinOperator_CUSTOM) {
    return code->custom_code() != nullptr ? code->custom_code()->c_str()
                                          : "CUSTOM";
  }
  const char* name =
      resolver != nullptr ? resolver->BuiltinName(builtin) : nullptr;
  return name != nullptr ? name : "UNREGISTERED";
}
#endif

ConstantData GetBufferData(const Model* model, uint32_t buffer_index,
                           const uint8_t* file_data, size_t file_size) {
  ConstantData result{nullptr, 0};
  const auto* buffers = model->buffers();
  if (buffers == nullptr || buffer_index == 0 ||
      buffer_index >= buffers->size()) {
    return result;
  }
  const Buffer* buffer = buffers->Get(buffer_index);
  if (buffer == nullptr) return result;
  if (buffer->offset() > 1 && file_data != nullptr &&
      buffer->offset() <= file_size &&
      buffer->size() <= file_size - buffer->offset()) {
    if (buffer->size() == 0) return result;
    result.data = file_data + buffer->offset();
    result.size = static_cast<size_t>(buffer->size());
    return result;
  }
  if (buffer->data() != nullptr && buffer->data()->size() > 0) {
    result.data = buffer->data()->data();
    result.size = buffer->data()->size();
  }
  return result;
}

}  // namespace tflite
