// Helpers for kernels at invoke time (TfLiteEvalTensor access) and for
// deriving output shapes while preparing.
#ifndef TENSORFLOW_LITE_MICRO_KERNELS_KERNEL_UTIL_H_
#define TENSORFLOW_LITE_MICRO_KERNELS_KERNEL_UTIL_H_

#include <cstddef>
#include <cstdint>

#include "tensorflow/lite/core/c/builtin_op_data.h"
#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/kernels/internal/compatibility.h"
#include "tensorflow/lite/kernels/internal/runtime_shape.h"
#include "tensorflow/lite/kernels/internal/types.h"
#include "tensorflow/lite/micro/micro_context.h"

namespace tflite {
namespace micro {

TfLiteRegistration RegisterOp(
    void* (*init)(TfLiteContext* context, const char* buffer, size_t length),
    TfLiteStatus (*prepare)(TfLiteContext* context, TfLiteNode* node),
    TfLiteStatus (*invoke)(TfLiteContext* context, TfLiteNode* node),
    void (*free)(TfLiteContext* context, void* buffer) = nullptr,
    TfLiteStatus (*reset)(TfLiteContext* context, void* buffer) = nullptr);

// The node's index-th input, or nullptr for an omitted optional input.
inline const TfLiteEvalTensor* GetEvalInput(const TfLiteContext* context,
                                            const TfLiteNode* node,
                                            int index) {
  if (index < 0 || index >= node->inputs->size) return nullptr;
  const int tensor_index = node->inputs->data[index];
  if (tensor_index < 0) return nullptr;
  return context->GetEvalTensor(context, tensor_index);
}

inline TfLiteEvalTensor* GetMutableEvalInput(const TfLiteContext* context,
                                             const TfLiteNode* node,
                                             int index) {
  return const_cast<TfLiteEvalTensor*>(GetEvalInput(context, node, index));
}

inline TfLiteEvalTensor* GetEvalOutput(const TfLiteContext* context,
                                       const TfLiteNode* node, int index) {
  if (index < 0 || index >= node->outputs->size) return nullptr;
  return context->GetEvalTensor(context, node->outputs->data[index]);
}

template <typename T>
inline T* GetTensorData(TfLiteEvalTensor* tensor) {
  return reinterpret_cast<T*>(tensor->data.raw);
}

template <typename T>
inline const T* GetTensorData(const TfLiteEvalTensor* tensor) {
  return reinterpret_cast<const T*>(tensor->data.raw);
}

template <typename T>
inline const T* GetOptionalTensorData(const TfLiteEvalTensor* tensor) {
  return tensor == nullptr ? nullptr
                           : reinterpret_cast<const T*>(tensor->data.raw);
}

inline RuntimeShape GetTensorShape(const TfLiteEvalTensor* tensor) {
  if (tensor == nullptr || tensor->dims == nullptr) return RuntimeShape();
  return RuntimeShape(tensor->dims->size, tensor->dims->data);
}

bool HaveSameShapes(const TfLiteEvalTensor* input1,
                    const TfLiteEvalTensor* input2);

int ElementCount(const TfLiteIntArray& dims);

PaddingType RuntimePaddingType(TfLitePadding padding);

// True when `tensor` carries affine quantization parameters (at least one
// scale).
inline bool HasQuantization(const TfLiteTensor* tensor) {
  if (tensor->quantization.type != kTfLiteAffineQuantization) return false;
  const auto* params = static_cast<const TfLiteAffineQuantization*>(
      tensor->quantization.params);
  return params != nullptr && params->scale != nullptr &&
         params->scale->size > 0;
}

// Writes `rank` dimensions as "[d0, d1, ...]" (with `separator` between
// them) into `buffer` for messages, and returns `buffer`.
const char* FormatShape(const int32_t* dims, int rank, char* buffer,
                        size_t size, const char* separator = ", ");
const char* FormatShape(const TfLiteIntArray* dims, char* buffer, size_t size,
                        const char* separator = ", ");
inline const char* FormatShape(const RuntimeShape& shape, char* buffer,
                               size_t size, const char* separator = ", ") {
  return FormatShape(shape.DimsData(), shape.DimensionsCount(), buffer, size,
                     separator);
}

// A node's tensors as temporary TfLiteTensors for the duration of Prepare;
// handed back to the MicroContext (last first) when this object goes out of
// scope, so early error returns need no cleanup.
class ScopedTempTensors {
 public:
  // Enough for any node's inputs (ADD_N takes 16) and output.
  static constexpr int kMaxTensors = 20;

  explicit ScopedTempTensors(TfLiteContext* context)
      : micro_context_(GetMicroContext(context)) {}
  ~ScopedTempTensors() {
    for (int i = count_ - 1; i >= 0; --i) {
      micro_context_->DeallocateTempTfLiteTensor(tensors_[i]);
    }
  }
  ScopedTempTensors(const ScopedTempTensors&) = delete;
  ScopedTempTensors& operator=(const ScopedTempTensors&) = delete;

  // The node's index-th input or output, or nullptr when it is absent.
  TfLiteTensor* Input(const TfLiteNode* node, int index) {
    return Keep(micro_context_->AllocateTempInputTensor(node, index));
  }
  TfLiteTensor* Output(const TfLiteNode* node, int index) {
    return Keep(micro_context_->AllocateTempOutputTensor(node, index));
  }

 private:
  TfLiteTensor* Keep(TfLiteTensor* tensor) {
    if (tensor != nullptr && count_ < kMaxTensors) tensors_[count_++] = tensor;
    return tensor;
  }

  MicroContext* micro_context_;
  TfLiteTensor* tensors_[kMaxTensors] = {};
  int count_ = 0;
};

// Sets `output`'s shape (prepare only): how kernels derive output shapes.
TfLiteStatus SetOutputShape(TfLiteContext* context, TfLiteTensor* output,
                            const RuntimeShape& shape);
TfLiteStatus SetOutputShape(TfLiteContext* context, TfLiteTensor* output,
                            const TfLiteIntArray* shape);

}  // namespace micro
}  // namespace tflite

#endif  // TENSORFLOW_LITE_MICRO_KERNELS_KERNEL_UTIL_H_
