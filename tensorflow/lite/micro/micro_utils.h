// TFLM's micro_utils.h: element counts and the float <-> quantized helpers
// kernels and kernel tests call. ElementCount is the kernels' own
// (micro/kernels/kernel_util.h); the rest is small enough to live here.
#ifndef TENSORFLOW_LITE_MICRO_MICRO_UTILS_H_
#define TENSORFLOW_LITE_MICRO_MICRO_UTILS_H_

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>

#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"

namespace tflite {

using micro::ElementCount;

// Bytes of an eval tensor's data (element count times element size).
size_t EvalTensorBytes(const TfLiteEvalTensor* tensor);

constexpr int Max(int a, int b) { return a < b ? b : a; }

// round(value / scale) + zero_point, saturated to T's range.
template <typename T>
T FloatToQuantizedType(const float value, const float scale, int zero_point) {
  const int64_t q = static_cast<int64_t>(std::round(value / scale)) +
                    static_cast<int64_t>(zero_point);
  const int64_t lo = static_cast<int64_t>(std::numeric_limits<T>::min());
  const int64_t hi = static_cast<int64_t>(std::numeric_limits<T>::max());
  return static_cast<T>(q < lo ? lo : (q > hi ? hi : q));
}

// round(value / scale) saturated to [min + 1, max] (symmetric range).
template <typename T>
T FloatToSymmetricQuantizedType(const float value, const float scale) {
  const int64_t q = static_cast<int64_t>(std::round(value / scale));
  const int64_t lo = static_cast<int64_t>(std::numeric_limits<T>::min()) + 1;
  const int64_t hi = static_cast<int64_t>(std::numeric_limits<T>::max());
  return static_cast<T>(q < lo ? lo : (q > hi ? hi : q));
}

template <typename T>
void Quantize(const float* input, T* output, int num_elements, float scale,
              int zero_point) {
  for (int i = 0; i < num_elements; ++i) {
    output[i] = FloatToQuantizedType<T>(input[i], scale, zero_point);
  }
}

template <typename T>
void SymmetricQuantize(const float* input, T* output, int num_elements,
                       float scale) {
  for (int i = 0; i < num_elements; ++i) {
    output[i] = FloatToSymmetricQuantizedType<T>(input[i], scale);
  }
}

// Channel c uses scales[c]; the channel axis is the outermost one
// (quantized_dimension 0) or, otherwise, the innermost one.
template <typename T>
void SymmetricPerChannelQuantize(const float* input, T* output,
                                 int num_elements, int num_channels,
                                 float* scales,
                                 size_t quantized_dimension = 0) {
  const int per_channel = num_elements / num_channels;
  for (int c = 0; c < num_channels; ++c) {
    for (int k = 0; k < per_channel; ++k) {
      const int at = quantized_dimension == 0 ? c * per_channel + k
                                              : k * num_channels + c;
      output[at] = FloatToSymmetricQuantizedType<T>(input[at], scales[c]);
    }
  }
}

// Per channel along `quantized_dimension` of `dims`: scaling_factor[c] is the
// channel's largest magnitude over the type's largest value (int8, or int4
// when `type` is kTfLiteInt4), and the values are quantized with it.
void SignedSymmetricPerChannelQuantize(const float* values,
                                       TfLiteIntArray* dims,
                                       int quantized_dimension,
                                       int8_t* quantized_values,
                                       float* scaling_factor,
                                       TfLiteType type = kTfLiteNoType);

// One scale for the whole array, from its largest magnitude.
template <typename T>
void SymmetricQuantizeCalculateScales(const float* values, TfLiteIntArray* dims,
                                      T* output, float* scale) {
  const int count = ElementCount(*dims);
  float largest = 0.f;
  for (int i = 0; i < count; ++i) {
    const float magnitude = std::fabs(values[i]);
    if (magnitude > largest) largest = magnitude;
  }
  *scale = largest / static_cast<float>(std::numeric_limits<T>::max());
  SymmetricQuantize(values, output, count, *scale);
}

template <typename T>
void Dequantize(const T* values, const int size, const float scale,
                int zero_point, float* dequantized_values) {
  for (int i = 0; i < size; ++i) {
    dequantized_values[i] =
        static_cast<float>(static_cast<int32_t>(values[i]) - zero_point) *
        scale;
  }
}

inline int QMinFromTfLiteType(TfLiteType type) {
  return type == kTfLiteInt4 ? -8 : std::numeric_limits<int8_t>::min();
}

inline int QMaxFromTfLiteType(TfLiteType type) {
  return type == kTfLiteInt4 ? 7 : std::numeric_limits<int8_t>::max();
}

}  // namespace tflite

#endif  // TENSORFLOW_LITE_MICRO_MICRO_UTILS_H_
