// TFLM's micro/kernels/lstm_eval.h, as far as it maps onto this runtime:
// LstmStepManager (which slice of the input, output and states one time step
// of one batch works on) and the element-wise stages of an LSTM step in
// lstm_internal::, over this runtime's reference functions. The int16
// sigmoid and tanh are TFLM's: the table interpolation of this runtime's
// int16 LOGISTIC and TANH kernels (reference_ops::LogisticInt16/TanhInt16).
// This runtime's own UNIDIRECTIONAL_SEQUENCE_LSTM computes its int16 gates
// in gemmlowp fixed point, as TFLite's LSTM does, and does not use these.
//
// Not provided: TFLM's LstmTensors, the Create*Params/Prepare* helpers, the
// gate FullyConnected/Mul overloads, CalculateLstmGate, UpdateLstmCell,
// UpdateLstmHidden, LstmStep and EvalLstm, which work on TFLM's OpDataLSTM
// and LSTMKernelContents (see lstm_shared.h).
#ifndef TENSORFLOW_LITE_MICRO_KERNELS_LSTM_EVAL_H_
#define TENSORFLOW_LITE_MICRO_KERNELS_LSTM_EVAL_H_

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "tensorflow/lite/kernels/internal/compatibility.h"
#include "tensorflow/lite/kernels/internal/reference/logistic_tanh.h"
#include "tensorflow/lite/kernels/internal/runtime_shape.h"
#include "tensorflow/lite/micro/kernels/lstm_shared.h"

namespace tflite {
namespace lstm_internal {

// In place; int16 data in Q3.12 become Q0.15.
inline void Sigmoid(const RuntimeShape& data_shape, int16_t* data) {
  reference_ops::LogisticInt16(/*multiplier=*/0, /*shift=*/0, data,
                               data_shape.FlatSize(), data);
}

inline void Sigmoid(const RuntimeShape& data_shape, float* data) {
  const int size = data_shape.FlatSize();
  for (int i = 0; i < size; ++i) data[i] = reference_ops::LogisticFloat(data[i]);
}

// int16 input with scale 2^cell_state_scale_power, output in Q0.15.
inline void Tanh(int32_t cell_state_scale_power,
                 const RuntimeShape& input_data_shape, int16_t* input_data,
                 const RuntimeShape& output_data_shape, int16_t* output_data) {
  // The table arithmetic takes Q3.12 (multiplier 0, shift: how many bits
  // finer the input is); a coarser input is multiplied by 3 (the table's
  // factor) and shifted right instead.
  int32_t shift = 15 + cell_state_scale_power - 3;
  int32_t multiplier = 0;
  if (shift < 0) {
    shift = -shift;
    multiplier = 3;
  }
  reference_ops::TanhInt16(multiplier, static_cast<int>(shift), input_data,
                           MatchingFlatSize(input_data_shape,
                                            output_data_shape),
                           output_data);
}

inline void Tanh(int32_t cell_state_scale_power,
                 const RuntimeShape& input_data_shape, float* input_data,
                 const RuntimeShape& output_data_shape, float* output_data) {
  (void)cell_state_scale_power;
  const int size = MatchingFlatSize(input_data_shape, output_data_shape);
  for (int i = 0; i < size; ++i) output_data[i] = std::tanh(input_data[i]);
}

// output = input_1 + input_2 over n_batch * n_input values (int16
// saturating).
inline void AddElementWise(const int16_t* input_1, const int16_t* input_2,
                           int n_batch, int n_input, int16_t* output) {
  for (int i = 0; i < n_batch * n_input; ++i) {
    const int32_t sum = static_cast<int32_t>(input_1[i]) + input_2[i];
    output[i] = static_cast<int16_t>(
        std::min<int32_t>(INT16_MAX, std::max<int32_t>(INT16_MIN, sum)));
  }
}

inline void AddElementWise(const float* input_1, const float* input_2,
                           int n_batch, int n_input, float* output) {
  for (int i = 0; i < n_batch * n_input; ++i) {
    output[i] = input_1[i] + input_2[i];
  }
}

// Clamps v_size values to +-the cell clip.
inline void Clipping(const int v_size, const CellStateInfo& cell_state_info,
                     int16_t* vector) {
  const int16_t clip = cell_state_info.quantized_cell_clip;
  for (int i = 0; i < v_size; ++i) {
    vector[i] = std::min<int16_t>(clip, std::max<int16_t>(-clip, vector[i]));
  }
}

inline void Clipping(const int v_size, const CellStateInfo& cell_state_info,
                     float* vector) {
  const float clip = cell_state_info.cell_clip;
  for (int i = 0; i < v_size; ++i) {
    vector[i] = std::min(clip, std::max(-clip, vector[i]));
  }
}

// Offsets into the input, output and state tensors for the current time
// step. Time major: a step covers every batch ([B, I] and [B, S] slices).
// Batch major: one batch at a time, UpdateTime() through its steps, then
// UpdateBatch() (and ResetTime()) for the next batch's states.
class LstmStepManager {
 public:
  LstmStepManager() = delete;
  // size_info must outlive the manager.
  explicit LstmStepManager(const LstmSizeInfo* size_info)
      : size_info_(*size_info) {}

  void UpdateTime() {
    ++current_time_;
    TFLITE_DCHECK_LE(current_time_, size_info_.time_steps);
    const int rows = size_info_.time_major ? size_info_.batch_size : 1;
    input_offset_ += rows * size_info_.input_dimension;
    output_offset_ += rows * size_info_.state_dimension;
  }

  void UpdateBatch() {
    ++current_batch_;
    TFLITE_DCHECK_LE(current_batch_, size_info_.batch_size);
    if (size_info_.time_major) return;
    hidden_state_offset_ += size_info_.state_dimension;
    cell_state_offset_ += size_info_.state_dimension;
  }

  void ResetTime() { current_time_ = 0; }

  RuntimeShape InputShape() const {
    return RuntimeShape({Rows(), size_info_.input_dimension});
  }
  RuntimeShape StateShape() const {
    return RuntimeShape({Rows(), size_info_.state_dimension});
  }

  int InputOffset() const { return input_offset_; }
  int OutputOffset() const { return output_offset_; }
  int HiddenStateOffset() const { return hidden_state_offset_; }
  int CellStateOffset() const { return cell_state_offset_; }

 private:
  int Rows() const { return size_info_.time_major ? size_info_.batch_size : 1; }

  int current_time_ = 0;
  int current_batch_ = 0;
  int input_offset_ = 0;
  int output_offset_ = 0;
  int hidden_state_offset_ = 0;
  int cell_state_offset_ = 0;
  const LstmSizeInfo& size_info_;
};

}  // namespace lstm_internal
}  // namespace tflite

#endif  // TENSORFLOW_LITE_MICRO_KERNELS_LSTM_EVAL_H_
