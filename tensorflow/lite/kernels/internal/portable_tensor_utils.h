// The part of TFLite's tensor_utils (portable_tensor_utils.h) that micro
// kernels call: vector and batch helpers and int4 packing. Plain loops,
// header-only; functions TFLite has beyond these are not provided.
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_PORTABLE_TENSOR_UTILS_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_PORTABLE_TENSOR_UTILS_H_

#include <cmath>
#include <cstdint>

namespace tflite {
namespace tensor_utils {

template <typename T>
bool IsZeroVector(const T* vector, int v_size) {
  for (int i = 0; i < v_size; ++i) {
    if (vector[i] != 0) return false;
  }
  return true;
}

// Two int4 values a byte, the first in the low nibble.
inline void UnpackDenseInt4IntoInt8(const int8_t* src_buffer,
                                    int num_elements, int8_t* dst_buffer) {
  for (int i = 0; i < num_elements; ++i) {
    const uint8_t byte = static_cast<uint8_t>(src_buffer[i / 2]);
    const int nibble = (i % 2 == 0) ? (byte & 0x0F) : (byte >> 4);
    dst_buffer[i] = static_cast<int8_t>(nibble >= 8 ? nibble - 16 : nibble);
  }
}

inline void PackInt8IntoDenseInt4(const int8_t* src_buffer, int num_elements,
                                  int8_t* dst_buffer) {
  for (int i = 0; i < num_elements; i += 2) {
    const int low = src_buffer[i] & 0x0F;
    const int high = i + 1 < num_elements ? (src_buffer[i + 1] & 0x0F) : 0;
    dst_buffer[i / 2] = static_cast<int8_t>(static_cast<uint8_t>(low | (high << 4)));
  }
}

// output[o] = sum of input[o * reduction_size .. + reduction_size).
template <typename In, typename Out>
void ReductionSumVector(const In* input_vector, Out* output_vector,
                        int output_size, int reduction_size) {
  for (int o = 0; o < output_size; ++o) {
    Out sum = 0;
    for (int r = 0; r < reduction_size; ++r) {
      sum += static_cast<Out>(input_vector[o * reduction_size + r]);
    }
    output_vector[o] = sum;
  }
}

// Adds `vector` to each of the n_batch vectors of batch_vector.
template <typename T>
void VectorBatchVectorAdd(const T* vector, int v_size, int n_batch,
                          T* batch_vector) {
  for (int b = 0; b < n_batch; ++b) {
    for (int i = 0; i < v_size; ++i) batch_vector[b * v_size + i] += vector[i];
  }
}

// Copies `vector` into each of the n_batch vectors of batch_vector.
template <typename T>
void VectorBatchVectorAssign(const T* vector, int v_size, int n_batch,
                             T* batch_vector) {
  for (int b = 0; b < n_batch; ++b) {
    for (int i = 0; i < v_size; ++i) batch_vector[b * v_size + i] = vector[i];
  }
}

template <typename T>
void VectorVectorCwiseProduct(const T* vector1, const T* vector2, int v_size,
                              T* result) {
  for (int i = 0; i < v_size; ++i) result[i] = vector1[i] * vector2[i];
}

template <typename T>
void VectorVectorCwiseProductAccumulate(const T* vector1, const T* vector2,
                                        int v_size, T* result) {
  for (int i = 0; i < v_size; ++i) result[i] += vector1[i] * vector2[i];
}

inline void VectorScalarMultiply(const int8_t* vector, int v_size, float scale,
                                 float* result) {
  for (int i = 0; i < v_size; ++i) result[i] = scale * vector[i];
}

// result[b][r] += sum over c of matrix[r][c] * vector[b][c] (row-major
// m_rows x m_cols matrix, n_batch vectors of m_cols).
inline void MatrixBatchVectorMultiplyAccumulate(const float* matrix,
                                                int m_rows, int m_cols,
                                                const float* vector,
                                                int n_batch, float* result) {
  for (int b = 0; b < n_batch; ++b) {
    for (int r = 0; r < m_rows; ++r) {
      float sum = 0.f;
      for (int c = 0; c < m_cols; ++c) {
        sum += matrix[r * m_cols + c] * vector[b * m_cols + c];
      }
      result[b * m_rows + r] += sum;
    }
  }
}

// Symmetric int8 quantization of `values` with the scale of their largest
// magnitude; min_value/max_value receive the range seen.
inline void SymmetricQuantizeFloats(const float* values, const int size,
                                    int8_t* quantized_values, float* min_value,
                                    float* max_value, float* scaling_factor) {
  float lo = 0.f;
  float hi = 0.f;
  for (int i = 0; i < size; ++i) {
    if (i == 0 || values[i] < lo) lo = values[i];
    if (i == 0 || values[i] > hi) hi = values[i];
  }
  *min_value = lo;
  *max_value = hi;
  const float range = std::fabs(lo) > std::fabs(hi) ? std::fabs(lo)
                                                    : std::fabs(hi);
  if (range == 0.f) {
    for (int i = 0; i < size; ++i) quantized_values[i] = 0;
    *scaling_factor = 1.f;
    return;
  }
  *scaling_factor = range / 127.f;
  for (int i = 0; i < size; ++i) {
    float q = std::round(values[i] * (127.f / range));
    q = q > 127.f ? 127.f : (q < -127.f ? -127.f : q);
    quantized_values[i] = static_cast<int8_t>(q);
  }
}

}  // namespace tensor_utils
}  // namespace tflite

#endif  // TENSORFLOW_LITE_KERNELS_INTERNAL_PORTABLE_TENSOR_UTILS_H_
