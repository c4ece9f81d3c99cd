// Runs custom-op registerers named at run time (host only: it looks the
// names up among the loaded shared libraries). The Python and Java bindings
// and the CLI take registerer names from their users this way.
#ifndef TENSORFLOW_LITE_MICRO_HOST_CUSTOM_OP_REGISTERERS_H_
#define TENSORFLOW_LITE_MICRO_HOST_CUSTOM_OP_REGISTERERS_H_

#include <string>
#include <vector>

#include "tensorflow/lite/micro/extensible_op_resolver.h"

namespace tflite {

enum class RegistererResult { kOk, kNotFound, kFailed };

// Looks up each name as a C function `bool name(ExtensibleOpResolver*)`
// among the loaded libraries (and the library holding this code) and calls
// it. Stops at the first problem: `failed_name` then names the registerer,
// and `messages` (if given) holds what it reported, e.g. "Custom op 'X' is
// already registered".
RegistererResult RunRegisterers(const std::vector<std::string>& names,
                                ExtensibleOpResolver* resolver,
                                std::string* failed_name,
                                std::string* messages = nullptr);

}  // namespace tflite

#endif  // TENSORFLOW_LITE_MICRO_HOST_CUSTOM_OP_REGISTERERS_H_
