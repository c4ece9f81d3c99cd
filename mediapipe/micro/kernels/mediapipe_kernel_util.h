// Shared by the MediaPipe kernels: raw custom options kept from Init,
// Prepare's temporary tensors, float tensor checks and TFLite's pooling
// options struct as MediaPipe's converter writes it. Errors are reported as
// "<op>: ..." (the interpreter prefixes the node).
#ifndef MEDIAPIPE_MICRO_KERNELS_MEDIAPIPE_KERNEL_UTIL_H_
#define MEDIAPIPE_MICRO_KERNELS_MEDIAPIPE_KERNEL_UTIL_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <new>

#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/micro/micro_context.h"

namespace tflite {
namespace mediapipe_ops {

// Allocates a kernel's OpData (value-initialized) in the arena's persistent
// section and records the node's custom options in its members `options`
// and `options_length` (they point into the model).
template <typename OpData>
void* InitOpData(TfLiteContext* context, const char* buffer, size_t length) {
  void* memory = context->AllocatePersistentBuffer(context, sizeof(OpData));
  if (memory == nullptr) return nullptr;
  OpData* data = new (memory) OpData();
  data->options = reinterpret_cast<const uint8_t*>(buffer);
  data->options_length = buffer == nullptr ? 0 : length;
  return data;
}

inline int32_t ReadLittleEndianInt32(const uint8_t* bytes) {
  const uint32_t value = static_cast<uint32_t>(bytes[0]) |
                         (static_cast<uint32_t>(bytes[1]) << 8) |
                         (static_cast<uint32_t>(bytes[2]) << 16) |
                         (static_cast<uint32_t>(bytes[3]) << 24);
  int32_t result;
  std::memcpy(&result, &value, sizeof(result));
  return result;
}

// Releases Prepare's temporary tensors on every path.
class TempTensors {
 public:
  TempTensors(TfLiteContext* context, TfLiteNode* node)
      : micro_context_(GetMicroContext(context)), node_(node) {}
  ~TempTensors() {
    for (int i = count_ - 1; i >= 0; --i) {
      micro_context_->DeallocateTempTfLiteTensor(held_[i]);
    }
  }
  TempTensors(const TempTensors&) = delete;
  TempTensors& operator=(const TempTensors&) = delete;
  TfLiteTensor* Input(int index) {
    return Hold(micro_context_->AllocateTempInputTensor(node_, index));
  }
  TfLiteTensor* Output(int index) {
    return Hold(micro_context_->AllocateTempOutputTensor(node_, index));
  }

 private:
  TfLiteTensor* Hold(TfLiteTensor* tensor) {
    if (tensor != nullptr && count_ < kMaxHeld) held_[count_++] = tensor;
    return tensor;
  }
  static constexpr int kMaxHeld = 4;
  MicroContext* micro_context_;
  TfLiteNode* node_;
  TfLiteTensor* held_[kMaxHeld];
  int count_ = 0;
};

// Reports a node whose input or output count is not the op's.
bool CheckCounts(const char* op, const TfLiteNode* node, int inputs,
                 int outputs);

// A present float32 tensor of rank `rank` (any rank when rank < 0) without
// empty dimensions.
bool CheckFloatTensor(const char* op, const TfLiteTensor* tensor,
                      const char* role, int rank);

// TFLite's TfLitePoolParams as raw custom options: int32 padding (1 SAME,
// 2 VALID), stride_width, stride_height, filter_width, filter_height,
// activation (0 none, 1 RELU, 2 RELU_N1_TO_1, 3 RELU6), little-endian; the
// struct's trailing computed padding is ignored.
struct PoolOptions {
  bool same_padding;
  int stride_width, stride_height;
  int filter_width, filter_height;
  float activation_min, activation_max;
};
bool ReadPoolOptions(const char* op, const uint8_t* options, size_t length,
                     PoolOptions* pool);

}  // namespace mediapipe_ops
}  // namespace tflite

#endif  // MEDIAPIPE_MICRO_KERNELS_MEDIAPIPE_KERNEL_UTIL_H_
