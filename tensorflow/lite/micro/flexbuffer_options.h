// Checking a custom op's flexbuffer-map options before reading them by key.
#ifndef TENSORFLOW_LITE_MICRO_FLEXBUFFER_OPTIONS_H_
#define TENSORFLOW_LITE_MICRO_FLEXBUFFER_OPTIONS_H_

#include <cstddef>
#include <cstdint>

namespace tflite {

// Whether the `length` bytes at `data` are a flexbuffer whose root is a map
// that lookups by key (flexbuffers::Map::operator[]) can search safely:
// flexbuffers::VerifyBuffer, plus a NUL inside the buffer after every key of
// the root map. The verifier of flatbuffers 2.0.8 (Debian's) accepts a key
// at its first nonzero byte, so a crafted key without a terminator would
// make the lookup's strcmp read past the options (and the model).
bool IsFlexbufferMap(const uint8_t* data, size_t length);

}  // namespace tflite

#endif  // TENSORFLOW_LITE_MICRO_FLEXBUFFER_OPTIONS_H_
