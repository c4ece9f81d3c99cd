// Reference 2-D pooling on NHWC data: AVERAGE_POOL_2D, MAX_POOL_2D and
// L2_POOL_2D. Each output looks at the filter window
//   rows [y * stride_h - pad_h, + filter_h), columns likewise,
// clipped to the input (padding never counts: an average divides by the
// number of input elements actually in the window), per channel; then the
// fused activation's clamp.
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_POOLING_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_POOLING_H_

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

#include "tensorflow/lite/kernels/internal/common.h"
#include "tensorflow/lite/kernels/internal/reference/accumulate.h"
#include "tensorflow/lite/kernels/internal/types.h"

namespace tflite {
namespace reference_ops {

// The part of an output position's filter window inside the input, along one
// dimension: [*start, *end) in input coordinates.
inline void PoolWindow(int out, int stride, int pad, int filter, int in_size,
                       int* start, int* end) {
  const int origin = out * stride - pad;
  *start = std::max(origin, 0);
  *end = std::min(origin + filter, in_size);
}

// For each output element and channel: reducer.Start(), reducer.Add(v) for
// every input value v in the window (row-major), then the output is
// reducer.Finish(params). Shared by all pools.
// body(b, out_y, out_x, y_start, y_end, x_start, x_end) for each output
// position, in order, with its window's part inside the input (see
// PoolWindow). Shared by the reference and optimized pools.
template <typename Body>
inline void ForEachPoolWindow(const PoolParams& params,
                              const RuntimeShape& input_shape,
                              const RuntimeShape& output_shape,
                              const Body& body) {
  const int batches = input_shape.Dims(0);
  const int input_height = input_shape.Dims(1);
  const int input_width = input_shape.Dims(2);
  const int output_height = output_shape.Dims(1);
  const int output_width = output_shape.Dims(2);
  for (int b = 0; b < batches; ++b) {
    for (int out_y = 0; out_y < output_height; ++out_y) {
      int y_start, y_end;
      PoolWindow(out_y, params.stride_height, params.padding_values.height,
                 params.filter_height, input_height, &y_start, &y_end);
      for (int out_x = 0; out_x < output_width; ++out_x) {
        int x_start, x_end;
        PoolWindow(out_x, params.stride_width, params.padding_values.width,
                   params.filter_width, input_width, &x_start, &x_end);
        body(b, out_y, out_x, y_start, y_end, x_start, x_end);
      }
    }
  }
}

template <typename T, typename OutT, typename Reducer>
inline void Pool(const PoolParams& params, const RuntimeShape& input_shape,
                 const T* input_data, const RuntimeShape& output_shape,
                 OutT* output_data, Reducer reducer) {
  const int depth = input_shape.Dims(3);
  ForEachPoolWindow(
      params, input_shape, output_shape,
      [&](int b, int out_y, int out_x, int y_start, int y_end, int x_start,
          int x_end) {
        for (int c = 0; c < depth; ++c) {
          reducer.Start();
          for (int y = y_start; y < y_end; ++y) {
            for (int x = x_start; x < x_end; ++x) {
              reducer.Add(input_data[Offset(input_shape, b, y, x, c)]);
            }
          }
          output_data[Offset(output_shape, b, out_y, out_x, c)] =
              reducer.Finish(params);
        }
      });
}

struct FloatAverage {
  float total;
  int count;
  void Start() {
    total = 0.f;
    count = 0;
  }
  void Add(float value) {
    total += value;
    ++count;
  }
  float Finish(const PoolParams& params) const {
    const float average = count > 0 ? total / static_cast<float>(count) : 0.f;
    return ActivationFunctionWithMinMax(average, params.float_activation_min,
                                        params.float_activation_max);
  }
};

struct FloatMax {
  float max;
  void Start() { max = std::numeric_limits<float>::lowest(); }
  void Add(float value) { max = std::max(max, value); }
  float Finish(const PoolParams& params) const {
    return ActivationFunctionWithMinMax(max, params.float_activation_min,
                                        params.float_activation_max);
  }
};

struct FloatL2 {
  float sum_squares;
  int count;
  void Start() {
    sum_squares = 0.f;
    count = 0;
  }
  void Add(float value) {
    sum_squares += value * value;
    ++count;
  }
  float Finish(const PoolParams& params) const {
    const float l2 =
        count > 0 ? std::sqrt(sum_squares / static_cast<float>(count)) : 0.f;
    return ActivationFunctionWithMinMax(l2, params.float_activation_min,
                                        params.float_activation_max);
  }
};

inline void AveragePool(const PoolParams& params,
                        const RuntimeShape& input_shape,
                        const float* input_data,
                        const RuntimeShape& output_shape, float* output_data) {
  Pool(params, input_shape, input_data, output_shape, output_data,
       FloatAverage());
}

inline void MaxPool(const PoolParams& params, const RuntimeShape& input_shape,
                    const float* input_data, const RuntimeShape& output_shape,
                    float* output_data) {
  Pool(params, input_shape, input_data, output_shape, output_data, FloatMax());
}

inline void L2Pool(const PoolParams& params, const RuntimeShape& input_shape,
                   const float* input_data, const RuntimeShape& output_shape,
                   float* output_data) {
  Pool(params, input_shape, input_data, output_shape, output_data, FloatL2());
}

}  // namespace reference_ops

namespace reference_integer_ops {

// Average of quantized values (input and output share scale and zero point):
// the int32 sum divided by the count, rounded half away from zero.
template <typename T>
struct QuantizedAverage {
  int32_t total;
  int32_t count;
  void Start() {
    total = 0;
    count = 0;
  }
  void Add(T value) {
    total = WrappingAdd(total, value);
    ++count;
  }
  T Finish(const PoolParams& params) const {
    const int32_t n = count > 0 ? count : 1;
    int32_t average =
        total > 0 ? (total + n / 2) / n : (total - n / 2) / n;
    average = std::max(average, params.quantized_activation_min);
    average = std::min(average, params.quantized_activation_max);
    return static_cast<T>(average);
  }
};

template <typename T>
struct QuantizedMax {
  T max;
  void Start() { max = std::numeric_limits<T>::lowest(); }
  void Add(T value) { max = std::max(max, value); }
  T Finish(const PoolParams& params) const {
    int32_t result = max;
    result = std::max(result, params.quantized_activation_min);
    result = std::min(result, params.quantized_activation_max);
    return static_cast<T>(result);
  }
};

// T is int8_t or int16_t.
template <typename T>
inline void AveragePool(const PoolParams& params,
                        const RuntimeShape& input_shape, const T* input_data,
                        const RuntimeShape& output_shape, T* output_data) {
  reference_ops::Pool(params, input_shape, input_data, output_shape,
                      output_data, QuantizedAverage<T>());
}

template <typename T>
inline void MaxPool(const PoolParams& params, const RuntimeShape& input_shape,
                    const T* input_data, const RuntimeShape& output_shape,
                    T* output_data) {
  reference_ops::Pool(params, input_shape, input_data, output_shape,
                      output_data, QuantizedMax<T>());
}

}  // namespace reference_integer_ops
}  // namespace tflite

#endif  // TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_POOLING_H_
