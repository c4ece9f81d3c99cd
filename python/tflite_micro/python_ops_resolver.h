// TFLM's Python package names the resolver that custom-op registerers
// receive tflite::PythonOpsResolver, and registerers are written against
// this header:
//   extern "C" bool MyRegisterer(tflite::PythonOpsResolver* resolver);
// It is the core's ExtensibleOpResolver (every builtin plus custom ops),
// which every runtime and the firmware use alike.
#ifndef PYTHON_TFLITE_MICRO_PYTHON_OPS_RESOLVER_H_
#define PYTHON_TFLITE_MICRO_PYTHON_OPS_RESOLVER_H_

#include "tensorflow/lite/micro/extensible_op_resolver.h"

namespace tflite {

using PythonOpsResolver = ExtensibleOpResolver;
constexpr unsigned int kPythonOpsResolverCustomCapacity =
    kExtensibleOpResolverCustomCapacity;

}  // namespace tflite

#endif  // PYTHON_TFLITE_MICRO_PYTHON_OPS_RESOLVER_H_
