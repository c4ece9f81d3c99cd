// Per-thread error capture for hosts: interpreters running on several
// threads each collect their own messages. Linking this library is enough;
// it installs the slot before main (or when a binding's shared library is
// loaded), before any interpreter exists.
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace {

MicroErrorBuffer** ThisThreadsSlot() {
  thread_local MicroErrorBuffer* slot = nullptr;
  return &slot;
}

const bool installed = (SetErrorCaptureSlot(&ThisThreadsSlot), true);

}  // namespace
}  // namespace tflite
