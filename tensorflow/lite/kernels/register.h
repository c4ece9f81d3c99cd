// TFLite's BuiltinOpResolver over this project's kernels: every builtin
// operator the micro kernels implement (any version), plus whatever the
// caller adds (AddOp/AddCustom/AddBuiltin, see mutable_op_resolver.h).
//
//   tflite::ops::builtin::BuiltinOpResolver resolver;
//   resolver.AddOp("MY_CUSTOM_OP", Register_MY_CUSTOM_OP());
//
// Host only (//tensorflow/lite/kernels:builtin_ops); firmware uses
// MicroMutableOpResolver.
#ifndef TENSORFLOW_LITE_KERNELS_REGISTER_H_
#define TENSORFLOW_LITE_KERNELS_REGISTER_H_

#include "tensorflow/lite/mutable_op_resolver.h"

namespace tflite {
namespace ops {
namespace builtin {

class BuiltinOpResolver : public MutableOpResolver {
 public:
  BuiltinOpResolver() { AddAllBuiltinKernels(this); }
};

// There are no delegates here: the same resolver under TFLite's other name.
class BuiltinOpResolverWithoutDefaultDelegates : public BuiltinOpResolver {
 public:
  BuiltinOpResolverWithoutDefaultDelegates() = default;
};

}  // namespace builtin
}  // namespace ops
}  // namespace tflite

#endif  // TENSORFLOW_LITE_KERNELS_REGISTER_H_
