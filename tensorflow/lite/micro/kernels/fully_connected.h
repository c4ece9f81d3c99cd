// TFLM's fully_connected.h. The kernel is this runtime's
// (fully_connected.cc); the typed variants TFLM offers for optimized
// libraries are the same kernel here, as in TFLM's reference build.
#ifndef TENSORFLOW_LITE_MICRO_KERNELS_FULLY_CONNECTED_H_
#define TENSORFLOW_LITE_MICRO_KERNELS_FULLY_CONNECTED_H_

#include <cstdint>

#include "tensorflow/lite/core/c/builtin_op_data.h"
#include "tensorflow/lite/kernels/internal/types.h"
#include "tensorflow/lite/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/micro_ops.h"
#include "tensorflow/lite/micro/micro_common.h"

namespace tflite {

// Quantized parameters as TFLM-style fully connected kernels keep them (the
// built-in kernel keeps its own; this is for kernels written against TFLM).
struct OpDataFullyConnected {
  int32_t output_multiplier;
  int output_shift;
  int32_t output_activation_min;
  int32_t output_activation_max;
  int input_quantized_index;
  int32_t input_zero_point;
  int32_t filter_zero_point;
  int32_t output_zero_point;
  int filter_buffer_index;
  int32_t* per_channel_output_multiplier;
  int32_t* per_channel_output_shift;
  bool is_per_channel;
};

constexpr int kFullyConnectedInputTensor = 0;
constexpr int kFullyConnectedWeightsTensor = 1;
constexpr int kFullyConnectedBiasTensor = 2;
constexpr int kFullyConnectedOutputTensor = 0;

inline FullyConnectedParams FullyConnectedParamsFloat(
    TfLiteFusedActivation activation) {
  FullyConnectedParams params = {};
  CalculateActivationRange(activation, &params.float_activation_min,
                           &params.float_activation_max);
  return params;
}

// Offsets are the negated zero points, as the reference loops add them.
inline FullyConnectedParams FullyConnectedParamsQuantized(
    const OpDataFullyConnected& op_data) {
  FullyConnectedParams params = {};
  params.input_offset = -op_data.input_zero_point;
  params.weights_offset = -op_data.filter_zero_point;
  params.output_offset = op_data.output_zero_point;
  params.output_multiplier = op_data.output_multiplier;
  params.output_shift = op_data.output_shift;
  params.quantized_activation_min = op_data.output_activation_min;
  params.quantized_activation_max = op_data.output_activation_max;
  return params;
}

inline TFLMRegistration Register_FULLY_CONNECTED_INT8() {
  return Register_FULLY_CONNECTED();
}
inline TFLMRegistration Register_FULLY_CONNECTED_INT16() {
  return Register_FULLY_CONNECTED();
}
inline TFLMRegistration Register_FULLY_CONNECTED_INT4() {
  return Register_FULLY_CONNECTED();
}

}  // namespace tflite

#endif  // TENSORFLOW_LITE_MICRO_KERNELS_FULLY_CONNECTED_H_
