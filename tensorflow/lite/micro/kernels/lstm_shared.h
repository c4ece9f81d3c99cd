// TFLM's micro/kernels/lstm_shared.h, the part that maps onto this runtime's
// UNIDIRECTIONAL_SEQUENCE_LSTM: the operator's tensor positions, the LSTM's
// sizes and the cell state's clipping and scale. (TFLM's OpDataLSTM,
// GateParameters, LSTMKernelContents and LSTMBuffers describe TFLM's own
// kernel state and are not provided: this runtime's LSTM keeps its state
// differently.)
#ifndef TENSORFLOW_LITE_MICRO_KERNELS_LSTM_SHARED_H_
#define TENSORFLOW_LITE_MICRO_KERNELS_LSTM_SHARED_H_

#include <cstdint>

namespace tflite {

// Inputs of UNIDIRECTIONAL_SEQUENCE_LSTM, in the schema's order.
constexpr int kLstmInputTensor = 0;
constexpr int kLstmInputToInputWeightsTensor = 1;  // optional
constexpr int kLstmInputToForgetWeightsTensor = 2;
constexpr int kLstmInputToCellWeightsTensor = 3;
constexpr int kLstmInputToOutputWeightsTensor = 4;
constexpr int kLstmRecurrentToInputWeightsTensor = 5;  // optional
constexpr int kLstmRecurrentToForgetWeightsTensor = 6;
constexpr int kLstmRecurrentToCellWeightsTensor = 7;
constexpr int kLstmRecurrentToOutputWeightsTensor = 8;
constexpr int kLstmCellToInputWeightsTensor = 9;    // optional
constexpr int kLstmCellToForgetWeightsTensor = 10;  // optional
constexpr int kLstmCellToOutputWeightsTensor = 11;  // optional
constexpr int kLstmInputGateBiasTensor = 12;        // optional
constexpr int kLstmForgetGateBiasTensor = 13;
constexpr int kLstmCellGateBiasTensor = 14;
constexpr int kLstmOutputGateBiasTensor = 15;
constexpr int kLstmProjectionWeightsTensor = 16;  // optional
constexpr int kLstmProjectionBiasTensor = 17;     // optional
constexpr int kLstmOutputStateTensor = 18;        // a variable
constexpr int kLstmCellStateTensor = 19;          // a variable
constexpr int kLstmInputLayerNormCoefficientsTensor = 20;   // optional
constexpr int kLstmForgetLayerNormCoefficientsTensor = 21;  // optional
constexpr int kLstmCellLayerNormCoefficientsTensor = 22;    // optional
constexpr int kLstmOutputLayerNormCoefficientsTensor = 23;  // optional
constexpr int kLstmOutputTensor = 0;

// Batch (B), time steps (T), input size (I) and state size (S): the input
// is [T, B, I] when time_major, else [B, T, I]; the states are [B, S].
struct LstmSizeInfo {
  bool time_major;
  int batch_size;
  int time_steps;
  int input_dimension;
  int state_dimension;
};

// The cell state's clip (0: none), as a float and on the int16 cell state's
// scale, and that scale's power of two (the int16 cell state is in
// Q(15 + cell_state_scale_power).(-cell_state_scale_power)).
struct CellStateInfo {
  float cell_clip;
  int16_t quantized_cell_clip;
  int32_t cell_state_scale_power;
};

}  // namespace tflite

#endif  // TENSORFLOW_LITE_MICRO_KERNELS_LSTM_SHARED_H_
