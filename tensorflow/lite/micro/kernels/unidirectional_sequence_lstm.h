// TFLM's unidirectional_sequence_lstm.h: typed variants are the one kernel.
#ifndef TENSORFLOW_LITE_MICRO_KERNELS_UNIDIRECTIONAL_SEQUENCE_LSTM_H_
#define TENSORFLOW_LITE_MICRO_KERNELS_UNIDIRECTIONAL_SEQUENCE_LSTM_H_

#include "tensorflow/lite/micro/kernels/micro_ops.h"
#include "tensorflow/lite/micro/micro_common.h"

namespace tflite {

inline TFLMRegistration Register_UNIDIRECTIONAL_SEQUENCE_LSTM_INT8() { return Register_UNIDIRECTIONAL_SEQUENCE_LSTM(); }
inline TFLMRegistration Register_UNIDIRECTIONAL_SEQUENCE_LSTM_INT16() { return Register_UNIDIRECTIONAL_SEQUENCE_LSTM(); }

}  // namespace tflite

#endif  // TENSORFLOW_LITE_MICRO_KERNELS_UNIDIRECTIONAL_SEQUENCE_LSTM_H_
