#include "tensorflow/lite/micro/flexbuffer_options.h"

#include <cstring>

#include "flatbuffers/flexbuffers.h"

namespace tflite {

bool IsFlexbufferMap(const uint8_t* data, size_t length) {
  if (data == nullptr || length == 0 ||
      !flexbuffers::VerifyBuffer(data, length)) {
    return false;
  }
  const flexbuffers::Reference root = flexbuffers::GetRoot(data, length);
  if (!root.IsMap()) return false;
  const flexbuffers::TypedVector keys = root.AsMap().Keys();
  const uint8_t* end = data + length;
  for (size_t i = 0; i < keys.size(); ++i) {
    const uint8_t* key =
        reinterpret_cast<const uint8_t*>(keys[i].AsKey());
    if (key < data || key >= end ||
        std::memchr(key, 0, static_cast<size_t>(end - key)) == nullptr) {
      return false;
    }
  }
  return true;
}

}  // namespace tflite
