// Types shared by the interpreter's parts.
#ifndef TENSORFLOW_LITE_MICRO_MICRO_COMMON_H_
#define TENSORFLOW_LITE_MICRO_MICRO_COMMON_H_

#include "tensorflow/lite/core/c/common.h"

// TFLM's name for a kernel registration.
using TFLMRegistration = TfLiteRegistration;

namespace tflite {

// Whose integer arithmetic kernels reproduce where the two differ: TFLM's
// reference kernels (the default), or LiteRT's published wheels (a few
// kernels rescale with one rounding there; see FULLY_CONNECTED and SUM).
enum class MicroArithmetic { kTflm, kLitert };

struct NodeAndRegistration {
  TfLiteNode node;
  const TfLiteRegistration* registration;
};

// What the interpreter keeps per subgraph.
struct SubgraphAllocations {
  NodeAndRegistration* node_and_registrations;
  TfLiteEvalTensor* tensors;
  int tensors_size;
  int nodes_size;
  bool prepared;
  // True while its nodes are being prepared (catches recursive calls).
  bool preparing;
};

// True when `dims` holds exactly `rank` values equal to `data`'s. Shapes come
// as int (TfLiteIntArray) and as int32_t (flatbuffers, RuntimeShape), which
// are distinct types on arm-none-eabi (int32_t is long there).
template <typename Int>
inline bool DimsEqual(const TfLiteIntArray* dims, int rank, const Int* data) {
  if (dims == nullptr) return rank == 0;
  if (dims->size != rank) return false;
  for (int i = 0; i < rank; ++i) {
    if (dims->data[i] != data[i]) return false;
  }
  return true;
}

}  // namespace tflite

#endif  // TENSORFLOW_LITE_MICRO_MICRO_COMMON_H_
