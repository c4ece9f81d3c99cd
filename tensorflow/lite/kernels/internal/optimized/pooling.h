// Optimized pooling computing exactly what reference/pooling.h computes:
// the same per-channel reducers, run over blocks of channels so that the
// innermost loop walks contiguous channels (the reference walks each
// channel's window separately). Every channel sees the same values in the
// same order, so float sums round identically.
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_OPTIMIZED_POOLING_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_OPTIMIZED_POOLING_H_

#include <cstdint>

#include "tensorflow/lite/kernels/internal/runtime_shape.h"
#include "tensorflow/lite/kernels/internal/types.h"

namespace tflite {
namespace optimized_ops {

void AveragePool(const PoolParams& params, const RuntimeShape& input_shape,
                 const float* input_data, const RuntimeShape& output_shape,
                 float* output_data);
void MaxPool(const PoolParams& params, const RuntimeShape& input_shape,
             const float* input_data, const RuntimeShape& output_shape,
             float* output_data);
void L2Pool(const PoolParams& params, const RuntimeShape& input_shape,
            const float* input_data, const RuntimeShape& output_shape,
            float* output_data);

}  // namespace optimized_ops

namespace optimized_integer_ops {

// T is int8_t or int16_t.
template <typename T>
void AveragePool(const PoolParams& params, const RuntimeShape& input_shape,
                 const T* input_data, const RuntimeShape& output_shape,
                 T* output_data);
template <typename T>
void MaxPool(const PoolParams& params, const RuntimeShape& input_shape,
             const T* input_data, const RuntimeShape& output_shape,
             T* output_data);

}  // namespace optimized_integer_ops
}  // namespace tflite

#endif  // TENSORFLOW_LITE_KERNELS_INTERNAL_OPTIMIZED_POOLING_H_
