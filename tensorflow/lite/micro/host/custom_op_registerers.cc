#include "tensorflow/lite/micro/host/custom_op_registerers.h"

#include <dlfcn.h>

#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {

RegistererResult RunRegisterers(const std::vector<std::string>& names,
                                ExtensibleOpResolver* resolver,
                                std::string* failed_name,
                                std::string* messages) {
  MicroErrorBuffer errors;
  errors.Clear();
  ScopedErrorCapture capture(&errors);
  using Registerer = CustomOpRegisterer;
  // Globally loaded libraries first, then the library holding this code
  // (custom ops linked into the binding itself).
  Dl_info self_info;
  void* self = nullptr;
  static const int kAnchor = 0;  // any object of this library
  if (dladdr(&kAnchor, &self_info) != 0 &&
      self_info.dli_fname != nullptr) {
    self = dlopen(self_info.dli_fname, RTLD_NOW | RTLD_NOLOAD);
  }
  RegistererResult result = RegistererResult::kOk;
  for (const std::string& name : names) {
    void* symbol = dlsym(RTLD_DEFAULT, name.c_str());
    if (symbol == nullptr && self != nullptr) symbol = dlsym(self, name.c_str());
    if (symbol == nullptr) {
      result = RegistererResult::kNotFound;
    } else if (!reinterpret_cast<Registerer>(symbol)(resolver)) {
      result = RegistererResult::kFailed;
    }
    if (result != RegistererResult::kOk) {
      *failed_name = name;
      break;
    }
  }
  if (self != nullptr) dlclose(self);
  if (messages != nullptr) *messages = errors.text();
  return result;
}

}  // namespace tflite
