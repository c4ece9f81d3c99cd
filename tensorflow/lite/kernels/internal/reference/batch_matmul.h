// Reference BATCH_MATMUL: out[..., m, n] = sum_k lhs[..., m, k] *
// rhs[..., k, n], where lhs is stored [..., K, M] when adj_x and rhs
// [..., N, K] when adj_y. The leading (batch) dimensions broadcast against
// each other; `output_shape` holds the broadcast result.
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_BATCH_MATMUL_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_BATCH_MATMUL_H_

#include <algorithm>
#include <cstdint>

#include "tensorflow/lite/kernels/internal/common.h"
#include "tensorflow/lite/kernels/internal/reference/accumulate.h"
#include "tensorflow/lite/kernels/internal/runtime_shape.h"
#include "tensorflow/lite/kernels/internal/types.h"

namespace tflite {
namespace reference_ops {

// Walks the output's batch dimensions; calls fn(lhs_offset, rhs_offset,
// out_offset) with the element offsets of each matching trio of matrices.
template <typename Fn>
inline void ForEachBatchMatrix(const RuntimeShape& lhs_shape,
                               const RuntimeShape& rhs_shape,
                               const RuntimeShape& output_shape, Fn&& fn) {
  const int rank = output_shape.DimensionsCount();
  const int batch_rank = rank - 2;
  const RuntimeShape lhs = RuntimeShape::ExtendedShape(rank, lhs_shape);
  const RuntimeShape rhs = RuntimeShape::ExtendedShape(rank, rhs_shape);
  const int lhs_matrix = lhs.Dims(rank - 2) * lhs.Dims(rank - 1);
  const int rhs_matrix = rhs.Dims(rank - 2) * rhs.Dims(rank - 1);
  const int out_matrix = output_shape.Dims(rank - 2) * output_shape.Dims(rank - 1);
  // Element strides of each batch dimension; 0 where it is broadcast.
  int lhs_stride[RuntimeShape::kMaxDims];
  int rhs_stride[RuntimeShape::kMaxDims];
  int lhs_running = lhs_matrix;
  int rhs_running = rhs_matrix;
  for (int d = batch_rank - 1; d >= 0; --d) {
    lhs_stride[d] = lhs.Dims(d) == 1 ? 0 : lhs_running;
    rhs_stride[d] = rhs.Dims(d) == 1 ? 0 : rhs_running;
    lhs_running *= lhs.Dims(d);
    rhs_running *= rhs.Dims(d);
  }
  int batches = 1;
  for (int d = 0; d < batch_rank; ++d) batches *= output_shape.Dims(d);
  int index[RuntimeShape::kMaxDims] = {0};
  for (int batch = 0; batch < batches; ++batch) {
    int lhs_offset = 0;
    int rhs_offset = 0;
    for (int d = 0; d < batch_rank; ++d) {
      lhs_offset += index[d] * lhs_stride[d];
      rhs_offset += index[d] * rhs_stride[d];
    }
    fn(lhs_offset, rhs_offset, batch * out_matrix);
    // Next batch index, last dimension fastest.
    for (int d = batch_rank - 1; d >= 0; --d) {
      if (++index[d] < output_shape.Dims(d)) break;
      index[d] = 0;
    }
  }
}

inline void BatchMatMul(bool adj_x, bool adj_y, const RuntimeShape& lhs_shape,
                        const float* lhs_data, const RuntimeShape& rhs_shape,
                        const float* rhs_data,
                        const RuntimeShape& output_shape, float* output_data) {
  const int rank = output_shape.DimensionsCount();
  const int rows = output_shape.Dims(rank - 2);
  const int cols = output_shape.Dims(rank - 1);
  const int depth = lhs_shape.Dims(lhs_shape.DimensionsCount() - (adj_x ? 2 : 1));
  ForEachBatchMatrix(
      lhs_shape, rhs_shape, output_shape,
      [&](int lhs_offset, int rhs_offset, int out_offset) {
        const float* lhs = lhs_data + lhs_offset;
        const float* rhs = rhs_data + rhs_offset;
        for (int m = 0; m < rows; ++m) {
          for (int n = 0; n < cols; ++n) {
            float total = 0.f;
            for (int k = 0; k < depth; ++k) {
              const float a = adj_x ? lhs[k * rows + m] : lhs[m * depth + k];
              const float b = adj_y ? rhs[n * depth + k] : rhs[k * cols + n];
              total += a * b;
            }
            output_data[out_offset + m * cols + n] = total;
          }
        }
      });
}

}  // namespace reference_ops

namespace reference_integer_ops {

// Quantized batch matmul: params.input_offset is minus lhs's zero point,
// params.weights_offset minus rhs's, params.output_offset the output's; one
// multiplier and shift. int8: AccT int32_t; int16: AccT int64_t.
template <typename T, typename AccT>
inline void BatchMatMul(const FullyConnectedParams& params, bool adj_x,
                        bool adj_y, const RuntimeShape& lhs_shape,
                        const T* lhs_data, const RuntimeShape& rhs_shape,
                        const T* rhs_data, const RuntimeShape& output_shape,
                        T* output_data) {
  const int rank = output_shape.DimensionsCount();
  const int rows = output_shape.Dims(rank - 2);
  const int cols = output_shape.Dims(rank - 1);
  const int depth = lhs_shape.Dims(lhs_shape.DimensionsCount() - (adj_x ? 2 : 1));
  reference_ops::ForEachBatchMatrix(
      lhs_shape, rhs_shape, output_shape,
      [&](int lhs_offset, int rhs_offset, int out_offset) {
        const T* lhs = lhs_data + lhs_offset;
        const T* rhs = rhs_data + rhs_offset;
        for (int m = 0; m < rows; ++m) {
          for (int n = 0; n < cols; ++n) {
            AccT acc = 0;
            for (int k = 0; k < depth; ++k) {
              const int32_t a = adj_x ? lhs[k * rows + m] : lhs[m * depth + k];
              const int32_t b = adj_y ? rhs[n * depth + k] : rhs[k * cols + n];
              acc = WrappingMultiplyAdd(acc, a + params.input_offset,
                                        b + params.weights_offset);
            }
            int32_t scaled = RescaleAccumulator(acc, params.output_multiplier,
                                                params.output_shift);
            scaled = SaturatingAddInt32(scaled, params.output_offset);
            scaled = std::max(scaled, params.quantized_activation_min);
            scaled = std::min(scaled, params.quantized_activation_max);
            output_data[out_offset + m * cols + n] = static_cast<T>(scaled);
          }
        }
      });
}

}  // namespace reference_integer_ops
}  // namespace tflite

#endif  // TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_BATCH_MATMUL_H_
