// TFLM's conv.h: CONV_2D's registration and its typed variants (the same
// kernel, conv.cc, as in TFLM's reference build), with the parameter
// struct TFLM-style conv kernels fill.
#ifndef TENSORFLOW_LITE_MICRO_KERNELS_CONV_H_
#define TENSORFLOW_LITE_MICRO_KERNELS_CONV_H_

#include <cstdint>

#include "tensorflow/lite/core/c/builtin_op_data.h"
#include "tensorflow/lite/kernels/internal/types.h"
#include "tensorflow/lite/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/micro_ops.h"
#include "tensorflow/lite/micro/micro_common.h"

namespace tflite {

struct OpDataConv {
  TfLitePaddingValues padding;
  int32_t input_zero_point;
  int32_t filter_zero_point;
  int32_t output_zero_point;
  int32_t output_multiplier;
  int output_shift;
  int32_t* per_channel_output_multiplier;
  int32_t* per_channel_output_shift;
  int32_t output_activation_min;
  int32_t output_activation_max;
  int filter_buffer_index;
};

constexpr int kConvInputTensor = 0;
constexpr int kConvWeightsTensor = 1;
constexpr int kConvBiasTensor = 2;
constexpr int kConvOutputTensor = 0;
constexpr int kConvQuantizedDimension = 0;

inline ConvParams ConvParamsFloat(const TfLiteConvParams& params,
                                  const OpDataConv& data) {
  ConvParams op_params = {};
  CalculateActivationRange(params.activation, &op_params.float_activation_min,
                           &op_params.float_activation_max);
  op_params.padding_type = micro::RuntimePaddingType(params.padding);
  op_params.padding_values.width = static_cast<int16_t>(data.padding.width);
  op_params.padding_values.height =
      static_cast<int16_t>(data.padding.height);
  op_params.stride_width = static_cast<int16_t>(params.stride_width);
  op_params.stride_height = static_cast<int16_t>(params.stride_height);
  op_params.dilation_width_factor =
      static_cast<int16_t>(params.dilation_width_factor);
  op_params.dilation_height_factor =
      static_cast<int16_t>(params.dilation_height_factor);
  return op_params;
}

inline ConvParams ConvParamsQuantized(const TfLiteConvParams& params,
                                      const OpDataConv& data) {
  ConvParams op_params = ConvParamsFloat(params, data);
  op_params.input_offset = -data.input_zero_point;
  op_params.weights_offset = -data.filter_zero_point;
  op_params.output_offset = data.output_zero_point;
  op_params.output_multiplier = data.output_multiplier;
  op_params.output_shift = -data.output_shift;
  op_params.quantized_activation_min = data.output_activation_min;
  op_params.quantized_activation_max = data.output_activation_max;
  return op_params;
}

inline TFLMRegistration Register_CONV_2D_INT8() { return Register_CONV_2D(); }
inline TFLMRegistration Register_CONV_2D_INT16() { return Register_CONV_2D(); }
inline TFLMRegistration Register_CONV_2D_INT4() { return Register_CONV_2D(); }

}  // namespace tflite

#endif  // TENSORFLOW_LITE_MICRO_KERNELS_CONV_H_
