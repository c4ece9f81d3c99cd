// How the interpreter finds a kernel for each operator of a model.
#ifndef TENSORFLOW_LITE_MICRO_MICRO_OP_RESOLVER_H_
#define TENSORFLOW_LITE_MICRO_MICRO_OP_RESOLVER_H_

#include "tensorflow/lite/core/api/flatbuffer_conversions.h"
#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/schema/schema_generated.h"

namespace tflite {

class MicroOpResolver {
 public:
  // The kernel for a builtin operator, or nullptr.
  virtual const TfLiteRegistration* FindOp(BuiltinOperator op) const = 0;
  // The kernel for a custom operator name, or nullptr.
  virtual const TfLiteRegistration* FindOp(const char* op) const = 0;
  // The options parser of a builtin operator, or nullptr.
  virtual BuiltinParseFunction GetOpDataParser(BuiltinOperator op) const = 0;
  // The name of a builtin operator for messages, or nullptr when this
  // resolver does not know it. Resolvers that hold a few ops know only
  // theirs, so that a program does not carry the names of every builtin.
  virtual const char* BuiltinName(BuiltinOperator op) const {
    (void)op;
    return nullptr;
  }

 protected:
  // Not deleted through this interface; no virtual destructor keeps the
  // core free of operator delete.
  ~MicroOpResolver() = default;
};

}  // namespace tflite

#endif  // TENSORFLOW_LITE_MICRO_MICRO_OP_RESOLVER_H_
