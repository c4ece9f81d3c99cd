#include "tensorflow/lite/micro/test_helpers.h"

#include <cmath>

namespace tflite {
namespace testing {
namespace {

template <typename Bias>
TfLiteTensor QuantizedBias(const float* data, Bias* quantized,
                           TfLiteIntArray* dims, float input_scale,
                           float weights_scale, bool is_variable) {
  const float scale = input_scale * weights_scale;
  SymmetricQuantize(data, quantized, ElementCount(*dims), scale);
  return CreateQuantizedTensor(static_cast<const Bias*>(quantized), dims,
                               scale, 0, is_variable);
}

// A tensor over `quantized` whose affine_quant describes `channels` scales
// (scales[1..], already filled) and zero points (all 0), in the caller's
// arrays.
template <typename T>
TfLiteTensor PerChannelTensor(const T* quantized, TfLiteIntArray* dims,
                              float* scales, int* zero_points,
                              TfLiteAffineQuantization* affine_quant,
                              int quantized_dimension, bool is_variable) {
  const int channels = dims->data[quantized_dimension];
  scales[0] = static_cast<float>(channels);
  zero_points[0] = channels;
  for (int c = 1; c <= channels; ++c) zero_points[c] = 0;
  affine_quant->scale = FloatArrayFromFloats(scales);
  affine_quant->zero_point = IntArrayFromInts(zero_points);
  affine_quant->quantized_dimension = quantized_dimension;
  TfLiteTensor result = CreateTensor(quantized, dims, is_variable);
  result.params.scale = scales[1];
  result.quantization = {kTfLiteAffineQuantization, affine_quant};
  return result;
}

}  // namespace

TfLiteIntArray* IntArrayFromInts(int* int_array) {
  return reinterpret_cast<TfLiteIntArray*>(int_array);
}

TfLiteIntArray* IntArrayFromInts(const int* int_array) {
  return IntArrayFromInts(const_cast<int*>(int_array));
}

TfLiteFloatArray* FloatArrayFromFloats(const float* floats) {
  static_assert(sizeof(float) == sizeof(int), "size slot shared in place");
  auto* result = reinterpret_cast<TfLiteFloatArray*>(const_cast<float*>(floats));
  result->size = static_cast<int>(floats[0]);
  return result;
}

TfLiteTensor CreateQuantizedBiasTensor(const float* data, int32_t* quantized,
                                       TfLiteIntArray* dims, float input_scale,
                                       float weights_scale, bool is_variable) {
  return QuantizedBias(data, quantized, dims, input_scale, weights_scale,
                       is_variable);
}

TfLiteTensor CreateQuantizedBiasTensor(const float* data, int64_t* quantized,
                                       TfLiteIntArray* dims, float input_scale,
                                       float weights_scale, bool is_variable) {
  return QuantizedBias(data, quantized, dims, input_scale, weights_scale,
                       is_variable);
}

TfLiteTensor CreateSymmetricPerChannelQuantizedTensor(
    const float* input, int8_t* quantized, TfLiteIntArray* dims, float* scales,
    int* zero_points, TfLiteAffineQuantization* affine_quant,
    int quantized_dimension, bool is_variable) {
  SignedSymmetricPerChannelQuantize(input, dims, quantized_dimension,
                                    quantized, &scales[1]);
  return PerChannelTensor(static_cast<const int8_t*>(quantized), dims, scales,
                          zero_points, affine_quant, quantized_dimension,
                          is_variable);
}

TfLiteTensor CreatePerChannelQuantizedBiasTensor(
    const float* input, int32_t* quantized, TfLiteIntArray* dims,
    float input_scale, float* weight_scales, float* scales, int* zero_points,
    TfLiteAffineQuantization* affine_quant, int quantized_dimension,
    bool is_variable) {
  const int channels = dims->data[quantized_dimension];
  int stride = 1;
  for (int d = quantized_dimension + 1; d < dims->size; ++d) {
    stride *= dims->data[d];
  }
  const int count = ElementCount(*dims);
  for (int c = 0; c < channels; ++c) {
    scales[c + 1] = input_scale * weight_scales[c];
  }
  for (int i = 0; i < count; ++i) {
    const int c = (i / stride) % channels;
    quantized[i] =
        FloatToSymmetricQuantizedType<int32_t>(input[i], scales[c + 1]);
  }
  return PerChannelTensor(static_cast<const int32_t*>(quantized), dims, scales,
                          zero_points, affine_quant, quantized_dimension,
                          is_variable);
}

int TestStrcmp(const char* a, const char* b) {
  while (*a != '\0' && *a == *b) {
    ++a;
    ++b;
  }
  return static_cast<int>(static_cast<unsigned char>(*a)) -
         static_cast<int>(static_cast<unsigned char>(*b));
}

}  // namespace testing
}  // namespace tflite
