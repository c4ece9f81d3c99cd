// TFLM's kernel-test helpers (tensorflow/lite/micro/test_helpers.h): shape
// and value arrays from plain C arrays, and TfLiteTensors over caller-owned
// data (plain, quantized per tensor or per channel) for KernelRunner. No
// heap: every array and tensor points at memory the test owns.
//
// Not provided: TFLM's mock models and mock ops (GetSimpleMockModel,
// SimpleStatefulOp, ...) and int16 biases.
#ifndef TENSORFLOW_LITE_MICRO_TEST_HELPERS_H_
#define TENSORFLOW_LITE_MICRO_TEST_HELPERS_H_

#include <cstdint>
#include <limits>

#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/micro/micro_utils.h"
#include "tensorflow/lite/portable_type_to_tflitetype.h"

namespace tflite {
namespace testing {

// {size, d0, d1, ...} viewed as a TfLiteIntArray (same layout, no copy).
TfLiteIntArray* IntArrayFromInts(int* int_array);
TfLiteIntArray* IntArrayFromInts(const int* int_array);

// {size, v0, v1, ...} viewed as a TfLiteFloatArray: the first element (the
// count, as a float) is overwritten in place with the count as an int.
TfLiteFloatArray* FloatArrayFromFloats(const float* floats);

template <typename T>
TfLiteTensor CreateTensor(const T* data, TfLiteIntArray* dims,
                          const bool is_variable = false) {
  TfLiteTensor result = {};
  result.type = typeToTfLiteType<T>();
  result.data.data = const_cast<T*>(data);
  result.dims = dims;
  result.allocation_type = kTfLiteMemNone;
  result.bytes = static_cast<size_t>(ElementCount(*dims)) * sizeof(T);
  result.quantization = {kTfLiteAffineQuantization, nullptr};
  result.is_variable = is_variable;
  return result;
}

template <typename T>
TfLiteTensor CreateQuantizedTensor(const T* data, TfLiteIntArray* dims,
                                   const float scale, const int zero_point = 0,
                                   const bool is_variable = false) {
  TfLiteTensor result = CreateTensor(data, dims, is_variable);
  result.params.scale = scale;
  result.params.zero_point = zero_point;
  return result;
}

// Quantizes `input` into `quantized` with (scale, zero_point) first.
template <typename T>
TfLiteTensor CreateQuantizedTensor(const float* input, T* quantized,
                                   TfLiteIntArray* dims, float scale,
                                   int zero_point, bool is_variable = false) {
  Quantize(input, quantized, ElementCount(*dims), scale, zero_point);
  return CreateQuantizedTensor(static_cast<const T*>(quantized), dims, scale,
                               zero_point, is_variable);
}

// A bias quantized with scale input_scale * weights_scale, zero point 0.
TfLiteTensor CreateQuantizedBiasTensor(const float* data, int32_t* quantized,
                                       TfLiteIntArray* dims, float input_scale,
                                       float weights_scale,
                                       bool is_variable = false);
TfLiteTensor CreateQuantizedBiasTensor(const float* data, int64_t* quantized,
                                       TfLiteIntArray* dims, float input_scale,
                                       float weights_scale,
                                       bool is_variable = false);

// Per channel along `quantized_dimension`: scales[0] and zero_points[0] get
// the channel count, scales[1..] the scales (filled by this call), and
// `affine_quant` (caller-owned) describes them.
TfLiteTensor CreateSymmetricPerChannelQuantizedTensor(
    const float* input, int8_t* quantized, TfLiteIntArray* dims, float* scales,
    int* zero_points, TfLiteAffineQuantization* affine_quant,
    int quantized_dimension, bool is_variable = false);

// A bias whose channel c uses input_scale * weight_scales[c] (with
// `scales`, `zero_points` and `affine_quant` filled as above).
TfLiteTensor CreatePerChannelQuantizedBiasTensor(
    const float* input, int32_t* quantized, TfLiteIntArray* dims,
    float input_scale, float* weight_scales, float* scales, int* zero_points,
    TfLiteAffineQuantization* affine_quant, int quantized_dimension,
    bool is_variable = false);

// strcmp's sign convention, for targets without a C library.
int TestStrcmp(const char* a, const char* b);

template <typename T>
inline float ScaleFromMinMax(const float min, const float max) {
  const double levels = static_cast<double>(std::numeric_limits<T>::max()) -
                        static_cast<double>(std::numeric_limits<T>::min());
  return static_cast<float>((max - min) / levels);
}

template <typename T>
inline int ZeroPointFromMinMax(const float min, const float max) {
  return static_cast<int>(std::numeric_limits<T>::min()) +
         static_cast<int>(-min / ScaleFromMinMax<T>(min, max) + 0.5f);
}

}  // namespace testing
}  // namespace tflite

#endif  // TENSORFLOW_LITE_MICRO_TEST_HELPERS_H_
