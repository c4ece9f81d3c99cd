// UNIDIRECTIONAL_SEQUENCE_LSTM: float32, and TFLite's fully integer LSTM
// (int8 input/weights/output, int16 cell state, int32 biases; "8x8->16").
//
// Inputs (TFLite's numbering; optional ones may be -1):
//   0 input [batch, time, in] ([time, batch, in] when time_major)
//   1-4 input_to_{input,forget,cell,output}_weights [cell, in]
//   5-8 recurrent_to_{input,forget,cell,output}_weights [cell, out]
//   9-11 cell_to_{input,forget,output}_weights [cell] (peepholes)
//   12-15 {input,forget,cell,output}_gate_bias [cell]
//   16 projection_weights [out, cell], 17 projection_bias [out]
//   18 output_state [batch, out], 19 cell_state [batch, cell] (variables)
//   20-23 {input,forget,cell,output}_layer_norm_coefficients [cell]
// The input gate's tensors are absent for CIFG (input gate = 1 - forget).
// Output: [batch, time, out] (or [time, batch, out]).
//
// The integer kernel takes its gate scales from the node's intermediates as
// TFLite does: five of them, the fifth giving the scale and zero point of
// the hidden state h (before projection); without layer normalisation the
// gates are Q3.12. Integer layer normalisation is not supported.
#include "tensorflow/lite/kernels/internal/reference/lstm.h"

#include <cmath>

#include "tensorflow/lite/core/c/builtin_op_data.h"
#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/kernels/internal/optimized/fully_connected.h"
#include "tensorflow/lite/kernels/internal/optimized/lstm.h"
#include "tensorflow/lite/kernels/internal/quantization_util.h"
#include "tensorflow/lite/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace {

// The float LSTM's dot products, optimized: the same sums in the same order
// as the reference loop.
void OptimizedRowDots(const float* x, const float* weights, int rows,
                      int depth, float* out) {
  optimized_ops::FloatRowDots(x, weights, rows, depth, out);
}

using reference_ops::kLstmCellGate;
using reference_ops::kLstmForgetGate;
using reference_ops::kLstmGateCount;
using reference_ops::kLstmInputGate;
using reference_ops::kLstmOutputGate;

constexpr int kInputTensor = 0;
constexpr int kInputWeights = 1;       // + gate
constexpr int kRecurrentWeights = 5;   // + gate
constexpr int kInputToInputPeephole = 9;
constexpr int kForgetPeephole = 10;
constexpr int kOutputPeephole = 11;
constexpr int kGateBias = 12;          // + gate
constexpr int kProjectionWeights = 16;
constexpr int kProjectionBias = 17;
constexpr int kOutputState = 18;
constexpr int kCellState = 19;
constexpr int kLayerNorm = 20;         // + gate
constexpr int kHiddenIntermediate = 4;

const char* const kGateNames[kLstmGateCount] = {"input", "forget", "cell",
                                                 "output"};

// Input index of the peephole weights of a gate (-1: none for that gate).
int PeepholeInput(int gate) {
  switch (gate) {
    case kLstmInputGate:
      return kInputToInputPeephole;
    case kLstmForgetGate:
      return kForgetPeephole;
    case kLstmOutputGate:
      return kOutputPeephole;
    default:
      return -1;
  }
}

struct OpData {
  int batches;
  int max_time;
  reference_ops::LstmSizes sizes;  // one batch row per step
  bool time_major;
  bool integer;
  bool cifg;
  bool peephole;
  bool layer_norm;
  bool projection;
  TfLiteFusedActivation activation;
  float cell_clip;
  float proj_clip;
  reference_ops::LstmIntegerParams params;
  int32_t* input_effective_bias[kLstmGateCount];
  int32_t* recurrent_effective_bias[kLstmGateCount];
  int32_t* projection_effective_bias;
  int scratch_index;
};

void* Init(TfLiteContext* context, const char*, size_t) {
  return context->AllocatePersistentBuffer(context, sizeof(OpData));
}

// The node's input tensors, fetched once per prepare.
struct Tensors {
  TfLiteTensor* t[24];
  TfLiteTensor* output;
};

bool Has(const Tensors& tensors, int index) {
  return tensors.t[index] != nullptr;
}

TfLiteStatus CheckShape(const TfLiteTensor* tensor, const char* what,
                        int dim0, int dim1) {
  const int rank = dim1 < 0 ? 1 : 2;
  if (NumDimensions(tensor) != rank || SizeOfDimension(tensor, 0) != dim0 ||
      (rank == 2 && SizeOfDimension(tensor, 1) != dim1)) {
    if (rank == 1) {
      MicroPrintf("UNIDIRECTIONAL_SEQUENCE_LSTM: %s must have shape [%d]",
                  what, dim0);
    } else {
      MicroPrintf("UNIDIRECTIONAL_SEQUENCE_LSTM: %s must have shape [%d, %d]",
                  what, dim0, dim1);
    }
    return kTfLiteError;
  }
  return kTfLiteOk;
}

// Which optional parts the model uses, and every shape.
TfLiteStatus CheckStructure(TfLiteContext* context, const Tensors& in,
                            OpData* data) {
  const TfLiteTensor* input = in.t[kInputTensor];
  if (NumDimensions(input) != 3) {
    MicroPrintf(
        "UNIDIRECTIONAL_SEQUENCE_LSTM: the input must be 3-D, it has rank %d",
        NumDimensions(input));
    return kTfLiteError;
  }
  data->max_time = SizeOfDimension(input, data->time_major ? 0 : 1);
  data->batches = SizeOfDimension(input, data->time_major ? 1 : 0);
  reference_ops::LstmSizes& sizes = data->sizes;
  sizes.batches = 1;
  sizes.input_size = SizeOfDimension(input, 2);
  for (int index : {kInputWeights + kLstmForgetGate,
                    kInputWeights + kLstmCellGate,
                    kInputWeights + kLstmOutputGate,
                    kRecurrentWeights + kLstmForgetGate,
                    kRecurrentWeights + kLstmCellGate,
                    kRecurrentWeights + kLstmOutputGate, kOutputState,
                    kCellState}) {
    if (!Has(in, index)) {
      MicroPrintf("UNIDIRECTIONAL_SEQUENCE_LSTM: input %d is required", index);
      return kTfLiteError;
    }
  }
  const TfLiteTensor* forget_weights = in.t[kInputWeights + kLstmForgetGate];
  const TfLiteTensor* recurrent_forget =
      in.t[kRecurrentWeights + kLstmForgetGate];
  TF_LITE_ENSURE_EQ(context, NumDimensions(forget_weights), 2);
  TF_LITE_ENSURE_EQ(context, NumDimensions(recurrent_forget), 2);
  sizes.cell_size = SizeOfDimension(forget_weights, 0);
  sizes.output_size = SizeOfDimension(recurrent_forget, 1);
  const int cells = sizes.cell_size;
  const int outs = sizes.output_size;

  data->cifg = !Has(in, kInputWeights + kLstmInputGate);
  if (Has(in, kRecurrentWeights + kLstmInputGate) == data->cifg) {
    MicroPrintf(
        "UNIDIRECTIONAL_SEQUENCE_LSTM: input_to_input and recurrent_to_input "
        "weights must both be given or both be absent (CIFG)");
    return kTfLiteError;
  }
  data->peephole = Has(in, kForgetPeephole);
  if (Has(in, kOutputPeephole) != data->peephole ||
      (Has(in, kInputToInputPeephole) != (data->peephole && !data->cifg))) {
    MicroPrintf(
        "UNIDIRECTIONAL_SEQUENCE_LSTM: peephole weights must be given for "
        "every gate that exists (input gate only without CIFG) or for none");
    return kTfLiteError;
  }
  data->layer_norm = Has(in, kLayerNorm + kLstmForgetGate);
  data->projection = Has(in, kProjectionWeights);
  if (Has(in, kProjectionBias) && !data->projection) {
    MicroPrintf(
        "UNIDIRECTIONAL_SEQUENCE_LSTM: a projection bias needs projection "
        "weights");
    return kTfLiteError;
  }
  if (!data->projection && outs != cells) {
    MicroPrintf(
        "UNIDIRECTIONAL_SEQUENCE_LSTM: without projection the output size "
        "(%d) must equal the cell size (%d)",
        outs, cells);
    return kTfLiteError;
  }

  for (int g = 0; g < kLstmGateCount; ++g) {
    const bool present = !(data->cifg && g == kLstmInputGate);
    if (!present) {
      if (Has(in, kGateBias + g) ||
          (data->layer_norm && Has(in, kLayerNorm + g))) {
        MicroPrintf(
            "UNIDIRECTIONAL_SEQUENCE_LSTM: CIFG has no input gate, so no "
            "input gate bias or layer norm coefficients");
        return kTfLiteError;
      }
      continue;
    }
    TF_LITE_ENSURE_STATUS(CheckShape(in.t[kInputWeights + g],
                                     "an input_to_gate weight", cells,
                                     sizes.input_size));
    TF_LITE_ENSURE_STATUS(CheckShape(in.t[kRecurrentWeights + g],
                                     "a recurrent_to_gate weight", cells,
                                     outs));
    if (!Has(in, kGateBias + g)) {
      MicroPrintf("UNIDIRECTIONAL_SEQUENCE_LSTM: the %s gate bias is missing",
                  kGateNames[g]);
      return kTfLiteError;
    }
    TF_LITE_ENSURE_STATUS(
        CheckShape(in.t[kGateBias + g], "a gate bias", cells, -1));
    if (data->peephole && PeepholeInput(g) >= 0) {
      TF_LITE_ENSURE_STATUS(
          CheckShape(in.t[PeepholeInput(g)], "a peephole weight", cells, -1));
    }
    if (Has(in, kLayerNorm + g) != data->layer_norm) {
      MicroPrintf(
          "UNIDIRECTIONAL_SEQUENCE_LSTM: layer norm coefficients must be "
          "given for every gate or for none");
      return kTfLiteError;
    }
    if (data->layer_norm) {
      TF_LITE_ENSURE_STATUS(CheckShape(in.t[kLayerNorm + g],
                                       "a layer norm coefficient", cells, -1));
    }
  }
  if (data->projection) {
    TF_LITE_ENSURE_STATUS(CheckShape(in.t[kProjectionWeights],
                                     "projection_weights", outs, cells));
    if (Has(in, kProjectionBias)) {
      TF_LITE_ENSURE_STATUS(
          CheckShape(in.t[kProjectionBias], "projection_bias", outs, -1));
    }
  }
  TF_LITE_ENSURE_STATUS(
      CheckShape(in.t[kOutputState], "output_state", data->batches, outs));
  TF_LITE_ENSURE_STATUS(
      CheckShape(in.t[kCellState], "cell_state", data->batches, cells));
  if (!in.t[kOutputState]->is_variable || !in.t[kCellState]->is_variable) {
    MicroPrintf(
        "UNIDIRECTIONAL_SEQUENCE_LSTM: output_state and cell_state must be "
        "variable tensors");
    return kTfLiteError;
  }
  return kTfLiteOk;
}

// Expected type of each input for the float or integer kernel.
TfLiteType ExpectedType(int index, bool integer) {
  if (!integer) return kTfLiteFloat32;
  if (index == kInputTensor || index == kOutputState ||
      (index >= kInputWeights && index < kInputToInputPeephole) ||
      index == kProjectionWeights) {
    return kTfLiteInt8;
  }
  if ((index >= kInputToInputPeephole && index < kGateBias) ||
      index == kCellState || index >= kLayerNorm) {
    return kTfLiteInt16;
  }
  return kTfLiteInt32;  // biases
}

TfLiteStatus CheckTypes(const Tensors& in, bool integer) {
  for (int i = 0; i < 24; ++i) {
    if (in.t[i] == nullptr) continue;
    const TfLiteType expected = ExpectedType(i, integer);
    if (in.t[i]->type != expected) {
      MicroPrintf(
          "UNIDIRECTIONAL_SEQUENCE_LSTM: input %d is %s; with a %s input it "
          "must be %s%s",
          i, TfLiteTypeGetName(in.t[i]->type), integer ? "int8" : "float32",
          TfLiteTypeGetName(expected),
          integer ? "" : " (hybrid LSTM is not supported)");
      return kTfLiteError;
    }
    if (integer && !(in.t[i]->quantization.type == kTfLiteAffineQuantization &&
                     in.t[i]->quantization.params != nullptr)) {
      MicroPrintf(
          "UNIDIRECTIONAL_SEQUENCE_LSTM: input %d has no quantization "
          "parameters",
          i);
      return kTfLiteError;
    }
  }
  const TfLiteType output_type = integer ? kTfLiteInt8 : kTfLiteFloat32;
  if (in.output->type != output_type) {
    MicroPrintf("UNIDIRECTIONAL_SEQUENCE_LSTM: the output must be %s, not %s",
                TfLiteTypeGetName(output_type),
                TfLiteTypeGetName(in.output->type));
    return kTfLiteError;
  }
  return kTfLiteOk;
}

// Power-of-two exponent of `scale`, if it is one.
bool ExactLog2(float scale, int* exponent) {
  if (!(scale > 0.0f)) return false;
  const float log2 = std::log(scale) / std::log(2.0f);
  const float rounded = std::round(log2);
  *exponent = static_cast<int>(rounded);
  return std::fabs(log2 - rounded) < 1e-3f;
}

// effective bias = bias (or 0) + zero_point * row sums of weights.
int32_t* EffectiveBias(TfLiteContext* context, const TfLiteTensor* weights,
                       const TfLiteTensor* bias, int32_t zero_point) {
  const int rows = SizeOfDimension(weights, 0);
  const int cols = SizeOfDimension(weights, 1);
  int32_t* result = static_cast<int32_t*>(
      context->AllocatePersistentBuffer(context, sizeof(int32_t) * rows));
  if (result == nullptr) return nullptr;
  const int8_t* w = GetTensorData<int8_t>(weights);
  const int32_t* b = bias != nullptr ? GetTensorData<int32_t>(bias) : nullptr;
  for (int r = 0; r < rows; ++r) {
    int64_t row_sum = 0;
    for (int c = 0; c < cols; ++c) row_sum += w[r * cols + c];
    // Wraps like int32 arithmetic if a broken model's bias overflows.
    const int64_t sum =
        static_cast<int64_t>(b != nullptr ? b[r] : 0) + zero_point * row_sum;
    result[r] = static_cast<int32_t>(static_cast<uint32_t>(sum));
  }
  return result;
}

TfLiteStatus PrepareInteger(TfLiteContext* context, TfLiteNode* node,
                            const Tensors& in, OpData* data) {
  if (data->layer_norm) {
    MicroPrintf(
        "UNIDIRECTIONAL_SEQUENCE_LSTM: integer layer normalisation is not "
        "supported");
    return kTfLiteError;
  }
  for (int i = 1; i < kOutputState; ++i) {
    if (in.t[i] != nullptr && !IsConstantTensor(in.t[i])) {
      MicroPrintf(
          "UNIDIRECTIONAL_SEQUENCE_LSTM: integer weights and biases must be "
          "constant (input %d is not)",
          i);
      return kTfLiteError;
    }
  }
  if (NumIntermediates(node) != 5) {
    MicroPrintf(
        "UNIDIRECTIONAL_SEQUENCE_LSTM: the integer kernel needs 5 "
        "intermediate tensors (the fifth quantized like the hidden state), "
        "the node has %d",
        NumIntermediates(node));
    return kTfLiteError;
  }
  MicroContext* micro_context = GetMicroContext(context);
  TfLiteTensor* hidden =
      micro_context->AllocateTempIntermediateTensor(node, kHiddenIntermediate);
  if (hidden == nullptr ||
      hidden->quantization.type != kTfLiteAffineQuantization ||
      hidden->params.scale <= 0.0f) {
    if (hidden != nullptr) micro_context->DeallocateTempTfLiteTensor(hidden);
    MicroPrintf(
        "UNIDIRECTIONAL_SEQUENCE_LSTM: intermediate 4 (the hidden state) "
        "needs a scale and zero point");
    return kTfLiteError;
  }
  const float hidden_scale = hidden->params.scale;
  const int32_t hidden_zero_point = hidden->params.zero_point;
  micro_context->DeallocateTempTfLiteTensor(hidden);

  reference_ops::LstmIntegerParams& p = data->params;
  const TfLiteTensor* cell_state = in.t[kCellState];
  if (cell_state->params.zero_point != 0 ||
      !ExactLog2(cell_state->params.scale, &p.cell_exponent) ||
      p.cell_exponent < -15 || p.cell_exponent > -9) {
    MicroPrintf(
        "UNIDIRECTIONAL_SEQUENCE_LSTM: the cell state's scale must be a power "
        "of two between 2^-15 and 2^-9 with zero point 0 (got %g, %d)",
        static_cast<double>(cell_state->params.scale),
        static_cast<int>(cell_state->params.zero_point));
    return kTfLiteError;
  }
  const float input_scale = in.t[kInputTensor]->params.scale;
  const float output_state_scale = in.t[kOutputState]->params.scale;
  const int32_t input_zero_point = in.t[kInputTensor]->params.zero_point;
  const int32_t output_state_zero_point =
      in.t[kOutputState]->params.zero_point;
  // Without layer normalisation every gate is Q3.12 before its activation.
  const float gate_scale = 1.0f / 4096.0f;
  const double cell_scale = std::pow(2.0, p.cell_exponent);
  for (int g = 0; g < kLstmGateCount; ++g) {
    p.input_multiplier[g] = 0;
    p.input_shift[g] = 0;
    p.recurrent_multiplier[g] = 0;
    p.recurrent_shift[g] = 0;
    p.cell_multiplier[g] = 0;
    p.cell_shift[g] = 0;
    data->input_effective_bias[g] = nullptr;
    data->recurrent_effective_bias[g] = nullptr;
    if (data->cifg && g == kLstmInputGate) continue;
    // These products are formed in float (and the peephole one in double,
    // then rounded to float) as TFLite forms them.
    const float input_product =
        in.t[kInputWeights + g]->params.scale * input_scale / gate_scale;
    const float recurrent_product = in.t[kRecurrentWeights + g]->params.scale *
                                    output_state_scale / gate_scale;
    QuantizeMultiplier(static_cast<double>(input_product),
                       &p.input_multiplier[g], &p.input_shift[g]);
    QuantizeMultiplier(static_cast<double>(recurrent_product),
                       &p.recurrent_multiplier[g], &p.recurrent_shift[g]);
    if (data->peephole && PeepholeInput(g) >= 0) {
      const float peephole_product = static_cast<float>(
          cell_scale * in.t[PeepholeInput(g)]->params.scale / gate_scale);
      QuantizeMultiplier(static_cast<double>(peephole_product),
                         &p.cell_multiplier[g], &p.cell_shift[g]);
    }
    data->input_effective_bias[g] =
        EffectiveBias(context, in.t[kInputWeights + g], in.t[kGateBias + g],
                      -input_zero_point);
    data->recurrent_effective_bias[g] = EffectiveBias(
        context, in.t[kRecurrentWeights + g], nullptr, -output_state_zero_point);
    TF_LITE_ENSURE(context, data->input_effective_bias[g] != nullptr &&
                                data->recurrent_effective_bias[g] != nullptr);
  }
  const float hidden_product = static_cast<float>(
      std::pow(2.0, -15) / hidden_scale * std::pow(2.0, -15));
  QuantizeMultiplier(static_cast<double>(hidden_product), &p.hidden_multiplier,
                     &p.hidden_shift);
  p.hidden_zero_point = hidden_zero_point;
  p.output_state_zero_point = output_state_zero_point;
  p.projection_multiplier = 0;
  p.projection_shift = 0;
  data->projection_effective_bias = nullptr;
  if (data->projection) {
    const float projection_product =
        in.t[kProjectionWeights]->params.scale * hidden_scale /
        output_state_scale;
    QuantizeMultiplier(static_cast<double>(projection_product),
                       &p.projection_multiplier, &p.projection_shift);
    // The hidden values carry the hidden zero point, taken back out through
    // the bias.
    data->projection_effective_bias =
        EffectiveBias(context, in.t[kProjectionWeights],
                      in.t[kProjectionBias], -hidden_zero_point);
    TF_LITE_ENSURE(context, data->projection_effective_bias != nullptr);
  }
  p.cell_clip = 0;
  if (data->cell_clip > 0.0f) {
    const float clip = data->cell_clip / cell_state->params.scale;
    p.cell_clip = static_cast<int16_t>(std::min(std::max(clip, -32768.0f),
                                                32767.0f));
  }
  p.projection_clip = 0;
  if (data->proj_clip > 0.0f) {
    const float clip = data->proj_clip / in.output->params.scale;
    p.projection_clip =
        static_cast<int8_t>(std::min(std::max(clip, -128.0f), 127.0f));
  }
  return kTfLiteOk;
}

TfLiteStatus Prepare(TfLiteContext* context, TfLiteNode* node) {
  TF_LITE_ENSURE(context, node->user_data != nullptr);
  TF_LITE_ENSURE(context, node->builtin_data != nullptr);
  OpData* data = static_cast<OpData*>(node->user_data);
  const auto* params =
      static_cast<const TfLiteUnidirectionalSequenceLSTMParams*>(
          node->builtin_data);
  if ((NumInputs(node) != 20 && NumInputs(node) != 24) ||
      NumOutputs(node) != 1) {
    MicroPrintf(
        "UNIDIRECTIONAL_SEQUENCE_LSTM: needs 20 or 24 inputs and 1 output, "
        "got %d and %d",
        NumInputs(node), NumOutputs(node));
    return kTfLiteError;
  }
  if (params->diagonal_recurrent_tensors) {
    MicroPrintf(
        "UNIDIRECTIONAL_SEQUENCE_LSTM: diagonal recurrent weights are not "
        "supported");
    return kTfLiteError;
  }
  data->time_major = params->time_major;
  data->activation = params->activation;
  data->cell_clip = params->cell_clip;
  data->proj_clip = params->proj_clip;
  if (data->cell_clip < 0.0f || data->proj_clip < 0.0f) {
    MicroPrintf("UNIDIRECTIONAL_SEQUENCE_LSTM: clips must not be negative");
    return kTfLiteError;
  }

  MicroContext* micro_context = GetMicroContext(context);
  Tensors in;
  for (int i = 0; i < 24; ++i) {
    in.t[i] = i < NumInputs(node) ? micro_context->AllocateTempInputTensor(node, i)
                                  : nullptr;
  }
  in.output = micro_context->AllocateTempOutputTensor(node, 0);
  TfLiteStatus status = kTfLiteOk;
  if (in.t[kInputTensor] == nullptr || in.output == nullptr) {
    MicroPrintf("UNIDIRECTIONAL_SEQUENCE_LSTM: input and output are required");
    status = kTfLiteError;
  }
  if (status == kTfLiteOk) status = CheckStructure(context, in, data);
  if (status == kTfLiteOk) {
    data->integer = in.t[kInputTensor]->type == kTfLiteInt8;
    if (!data->integer && in.t[kInputTensor]->type != kTfLiteFloat32) {
      MicroPrintf(
          "UNIDIRECTIONAL_SEQUENCE_LSTM: input type %s is not supported "
          "(float32 or int8)",
          TfLiteTypeGetName(in.t[kInputTensor]->type));
      status = kTfLiteError;
    }
  }
  if (status == kTfLiteOk) status = CheckTypes(in, data->integer);
  if (status == kTfLiteOk && data->integer) {
    if (data->activation != kTfLiteActTanh) {
      MicroPrintf(
          "UNIDIRECTIONAL_SEQUENCE_LSTM: the integer kernel supports the TANH "
          "activation only");
      status = kTfLiteError;
    } else {
      status = PrepareInteger(context, node, in, data);
    }
  }
  if (status == kTfLiteOk) {
    const int outs = data->sizes.output_size;
    const RuntimeShape shape =
        data->time_major ? RuntimeShape({data->max_time, data->batches, outs})
                         : RuntimeShape({data->batches, data->max_time, outs});
    status = micro::SetOutputShape(context, in.output, shape);
  }
  if (status == kTfLiteOk) {
    const size_t cells = static_cast<size_t>(data->sizes.cell_size);
    const size_t bytes =
        data->integer ? optimized_ops::LstmScratchBytes(data->sizes)
                      : 4 * cells * sizeof(float);
    status = context->RequestScratchBufferInArena(context, bytes,
                                                  &data->scratch_index);
  }
  micro_context->DeallocateTempTfLiteTensor(in.output);
  for (int i = 23; i >= 0; --i) {
    if (in.t[i] != nullptr) micro_context->DeallocateTempTfLiteTensor(in.t[i]);
  }
  return status;
}

template <typename T>
const T* Data(TfLiteContext* context, TfLiteNode* node, int index) {
  return micro::GetOptionalTensorData<T>(
      micro::GetEvalInput(context, node, index));
}

TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  const OpData& data = *static_cast<const OpData*>(node->user_data);
  const reference_ops::LstmSizes& sizes = data.sizes;
  const TfLiteEvalTensor* input =
      micro::GetEvalInput(context, node, kInputTensor);
  TfLiteEvalTensor* output_state =
      micro::GetMutableEvalInput(context, node, kOutputState);
  TfLiteEvalTensor* cell_state =
      micro::GetMutableEvalInput(context, node, kCellState);
  TfLiteEvalTensor* output = micro::GetEvalOutput(context, node, 0);
  void* scratch = context->GetScratchBuffer(context, data.scratch_index);
  TF_LITE_ENSURE(context, scratch != nullptr);

  // Row (b, t) of the input and output, in either layout.
  auto row = [&](int b, int t) {
    return data.time_major ? t * data.batches + b : b * data.max_time + t;
  };

  if (!data.integer) {
    reference_ops::LstmFloatWeights w;
    for (int g = 0; g < kLstmGateCount; ++g) {
      w.input_to_gate[g] = Data<float>(context, node, kInputWeights + g);
      w.recurrent_to_gate[g] =
          Data<float>(context, node, kRecurrentWeights + g);
      w.cell_to_gate[g] = PeepholeInput(g) >= 0
                              ? Data<float>(context, node, PeepholeInput(g))
                              : nullptr;
      w.layer_norm[g] = NumInputs(node) > kLayerNorm + g
                            ? Data<float>(context, node, kLayerNorm + g)
                            : nullptr;
      w.bias[g] = Data<float>(context, node, kGateBias + g);
    }
    w.projection_weights = Data<float>(context, node, kProjectionWeights);
    w.projection_bias = Data<float>(context, node, kProjectionBias);
    for (int b = 0; b < data.batches; ++b) {
      float* h = micro::GetTensorData<float>(output_state) +
                 b * sizes.output_size;
      float* c = micro::GetTensorData<float>(cell_state) + b * sizes.cell_size;
      for (int t = 0; t < data.max_time; ++t) {
        reference_ops::LstmStepFloat(
            sizes, w, data.activation, data.cell_clip, data.proj_clip,
            micro::GetTensorData<float>(input) + row(b, t) * sizes.input_size,
            h, c, static_cast<float*>(scratch),
            micro::GetTensorData<float>(output) +
                row(b, t) * sizes.output_size,
            OptimizedRowDots);
      }
    }
    return kTfLiteOk;
  }

  reference_ops::LstmIntegerWeights w;
  for (int g = 0; g < kLstmGateCount; ++g) {
    w.input_to_gate[g] = Data<int8_t>(context, node, kInputWeights + g);
    w.recurrent_to_gate[g] = Data<int8_t>(context, node, kRecurrentWeights + g);
    w.cell_to_gate[g] = PeepholeInput(g) >= 0
                            ? Data<int16_t>(context, node, PeepholeInput(g))
                            : nullptr;
    w.input_effective_bias[g] = data.input_effective_bias[g];
    w.recurrent_effective_bias[g] = data.recurrent_effective_bias[g];
  }
  w.projection_weights = Data<int8_t>(context, node, kProjectionWeights);
  w.projection_effective_bias = data.projection_effective_bias;
  // Consecutive time steps of one batch row are this far apart.
  const int time_stride = data.time_major ? data.batches : 1;
  for (int b = 0; b < data.batches; ++b) {
    int8_t* h =
        micro::GetTensorData<int8_t>(output_state) + b * sizes.output_size;
    int16_t* c = micro::GetTensorData<int16_t>(cell_state) + b * sizes.cell_size;
    optimized_ops::LstmSequenceInteger(
        sizes, w, data.params, data.max_time,
        micro::GetTensorData<int8_t>(input) + row(b, 0) * sizes.input_size,
        time_stride * sizes.input_size,
        micro::GetTensorData<int8_t>(output) + row(b, 0) * sizes.output_size,
        time_stride * sizes.output_size, h, c, scratch);
  }
  return kTfLiteOk;
}

}  // namespace

TfLiteRegistration Register_UNIDIRECTIONAL_SEQUENCE_LSTM() {
  return micro::RegisterOp(Init, Prepare, Eval);
}

}  // namespace tflite
