// An op resolver with every builtin kernel, DETECTION_POSTPROCESS,
// CIRCULAR_BUFFER and DECODE, plus
// room for custom ops: what the runtimes (Python, Java, the CLI) run models
// with, and what custom-op registerers add their ops to. Portable: a
// firmware may hold one too and call a package's registerer directly, e.g.
// SignalOpsRegisterer(&resolver).
//
// A registerer is a C function, looked up by name on hosts
// (host/custom_op_registerers.h):
//   extern "C" bool MyRegisterer(tflite::ExtensibleOpResolver* resolver) {
//     return resolver->AddCustom("MyOp", Register_MY_OP()) == kTfLiteOk;
//   }
// (tflite::PythonOpsResolver, the name TFLM's Python package uses, is the
// same class: python/tflite_micro/python_ops_resolver.h.)
#ifndef TENSORFLOW_LITE_MICRO_EXTENSIBLE_OP_RESOLVER_H_
#define TENSORFLOW_LITE_MICRO_EXTENSIBLE_OP_RESOLVER_H_

#include "tensorflow/lite/micro/all_ops_resolver.h"
#include "tensorflow/lite/micro/micro_mutable_op_resolver.h"

namespace tflite {

// Custom ops an ExtensibleOpResolver can hold besides the builtins.
constexpr unsigned int kExtensibleOpResolverCustomCapacity = 64;

// The builtins, TFLite's standard custom op DETECTION_POSTPROCESS and TFLM's
// CIRCULAR_BUFFER and DECODE (TFLM_DECODE).
constexpr unsigned int kExtensibleOpResolverStandardOpsCount =
    kAllBuiltinOpsCount + 3;

class ExtensibleOpResolver
    : public MicroMutableOpResolver<kExtensibleOpResolverStandardOpsCount +
                                    kExtensibleOpResolverCustomCapacity> {
 public:
  ExtensibleOpResolver() {
    AddAllBuiltinOps(*this);
    AddDetectionPostprocess();
    AddCircularBuffer();
    AddDecode();
  }
  const char* BuiltinName(BuiltinOperator op) const override {
    return AnyBuiltinName(op);
  }
};

// The signature of a custom-op registerer.
using CustomOpRegisterer = bool (*)(ExtensibleOpResolver* resolver);

}  // namespace tflite

#endif  // TENSORFLOW_LITE_MICRO_EXTENSIBLE_OP_RESOLVER_H_
