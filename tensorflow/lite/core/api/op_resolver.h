// The kernel lookup TFLite's InterpreterBuilder takes: for each operator of
// a model, the registration of a builtin (by operator and version) or of a
// custom op (by name and version). tflite::ops::builtin::BuiltinOpResolver
// (tensorflow/lite/kernels/register.h) is the usual one; MutableOpResolver
// (tensorflow/lite/mutable_op_resolver.h) takes ops one by one.
#ifndef TENSORFLOW_LITE_CORE_API_OP_RESOLVER_H_
#define TENSORFLOW_LITE_CORE_API_OP_RESOLVER_H_

#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/schema/schema_generated.h"

namespace tflite {

class OpResolver {
 public:
  virtual ~OpResolver() = default;
  // nullptr when the resolver has no kernel for it.
  virtual const TfLiteRegistration* FindOp(BuiltinOperator op,
                                           int version) const = 0;
  virtual const TfLiteRegistration* FindOp(const char* op,
                                           int version) const = 0;
};

}  // namespace tflite

#endif  // TENSORFLOW_LITE_CORE_API_OP_RESOLVER_H_
