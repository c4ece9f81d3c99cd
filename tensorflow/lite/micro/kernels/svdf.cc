// SVDF: float32, and int8 with int16 state and time weights (TFLite's integer
// SVDF) or int8 state and time weights (as TFLM runs them).
//
// Inputs: input [batch, input_size], weights_feature [filters, input_size],
// weights_time [filters, memory], bias [units] (optional), state (a variable
// tensor) [batch, memory * filters]. Output [batch, units], with
// units = filters / rank. Integer SVDF runs the optimized kernel, which
// computes exactly what the reference computes.
#include "tensorflow/lite/kernels/internal/reference/svdf.h"

#include "tensorflow/lite/kernels/internal/optimized/svdf.h"

#include <cmath>

#include "tensorflow/lite/core/c/builtin_op_data.h"
#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/kernels/internal/quantization_util.h"
#include "tensorflow/lite/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace {

constexpr int kInputTensor = 0;
constexpr int kWeightsFeatureTensor = 1;
constexpr int kWeightsTimeTensor = 2;
constexpr int kBiasTensor = 3;
constexpr int kStateTensor = 4;
constexpr int kOutputTensor = 0;

struct OpData {
  reference_ops::SvdfShape shape;
  reference_ops::SvdfQuantizedParams quantized;
  int scratch_index;
};

void* Init(TfLiteContext* context, const char*, size_t) {
  return context->AllocatePersistentBuffer(context, sizeof(OpData));
}

bool IsQuantized(const TfLiteTensor* tensor) {
  return tensor->quantization.type == kTfLiteAffineQuantization &&
         tensor->quantization.params != nullptr;
}

TfLiteStatus CheckShapes(const TfLiteSVDFParams* params,
                         const TfLiteTensor* input,
                         const TfLiteTensor* weights_feature,
                         const TfLiteTensor* weights_time,
                         const TfLiteTensor* bias, const TfLiteTensor* state,
                         reference_ops::SvdfShape* shape) {
  if (NumDimensions(input) != 2 || NumDimensions(weights_feature) != 2 ||
      NumDimensions(weights_time) != 2 || NumDimensions(state) != 2) {
    MicroPrintf(
        "SVDF: input, weights_feature, weights_time and state must be 2-D; "
        "their ranks are %d, %d, %d and %d",
        NumDimensions(input), NumDimensions(weights_feature),
        NumDimensions(weights_time), NumDimensions(state));
    return kTfLiteError;
  }
  shape->batches = SizeOfDimension(input, 0);
  shape->input_size = SizeOfDimension(input, 1);
  shape->num_filters = SizeOfDimension(weights_feature, 0);
  shape->memory_size = SizeOfDimension(weights_time, 1);
  shape->rank = params->rank;
  if (shape->rank <= 0 || shape->num_filters % shape->rank != 0) {
    MicroPrintf("SVDF: rank %d must be positive and divide the %d filters",
                shape->rank, shape->num_filters);
    return kTfLiteError;
  }
  shape->num_units = shape->num_filters / shape->rank;
  if (SizeOfDimension(weights_feature, 1) != shape->input_size) {
    MicroPrintf("SVDF: weights_feature has %d columns, the input has %d",
                SizeOfDimension(weights_feature, 1), shape->input_size);
    return kTfLiteError;
  }
  if (SizeOfDimension(weights_time, 0) != shape->num_filters ||
      shape->memory_size < 1) {
    MicroPrintf(
        "SVDF: weights_time must be [%d filters, memory >= 1], got [%d, %d]",
        shape->num_filters, SizeOfDimension(weights_time, 0),
        shape->memory_size);
    return kTfLiteError;
  }
  if (bias != nullptr &&
      (NumDimensions(bias) != 1 || SizeOfDimension(bias, 0) != shape->num_units)) {
    MicroPrintf("SVDF: bias must hold %d values (one per unit)",
                shape->num_units);
    return kTfLiteError;
  }
  if (SizeOfDimension(state, 0) != shape->batches ||
      SizeOfDimension(state, 1) != shape->memory_size * shape->num_filters) {
    MicroPrintf("SVDF: state must be [%d, %d] (batch, memory * filters), got "
                "[%d, %d]",
                shape->batches, shape->memory_size * shape->num_filters,
                SizeOfDimension(state, 0), SizeOfDimension(state, 1));
    return kTfLiteError;
  }
  if (!state->is_variable) {
    MicroPrintf("SVDF: the state input must be a variable tensor");
    return kTfLiteError;
  }
  return kTfLiteOk;
}

TfLiteStatus CheckTypes(const TfLiteSVDFParams* params,
                        const TfLiteTensor* input,
                        const TfLiteTensor* weights_feature,
                        const TfLiteTensor* weights_time,
                        const TfLiteTensor* bias, const TfLiteTensor* state,
                        const TfLiteTensor* output) {
  if (input->type == kTfLiteFloat32) {
    if (weights_feature->type != kTfLiteFloat32 ||
        weights_time->type != kTfLiteFloat32 || state->type != kTfLiteFloat32 ||
        output->type != kTfLiteFloat32 ||
        (bias != nullptr && bias->type != kTfLiteFloat32)) {
      MicroPrintf(
          "SVDF: with a float32 input every weight, the bias, the state and "
          "the output must be float32 (hybrid SVDF is not supported)");
      return kTfLiteError;
    }
    return kTfLiteOk;
  }
  if (input->type != kTfLiteInt8) {
    MicroPrintf("SVDF: input type %s is not supported (float32 or int8)",
                TfLiteTypeGetName(input->type));
    return kTfLiteError;
  }
  const bool int16_state =
      weights_time->type == kTfLiteInt16 && state->type == kTfLiteInt16;
  const bool int8_state =
      weights_time->type == kTfLiteInt8 && state->type == kTfLiteInt8;
  if (weights_feature->type != kTfLiteInt8 || !(int16_state || int8_state) ||
      output->type != kTfLiteInt8 ||
      (bias != nullptr && bias->type != kTfLiteInt32)) {
    MicroPrintf(
        "SVDF: int8 needs int8 weights_feature and output, int32 bias, and "
        "weights_time and state both int16 or both int8; got %s, %s, %s, %s, "
        "%s",
        TfLiteTypeGetName(weights_feature->type),
        TfLiteTypeGetName(output->type),
        bias != nullptr ? TfLiteTypeGetName(bias->type) : "no bias",
        TfLiteTypeGetName(weights_time->type),
        TfLiteTypeGetName(state->type));
    return kTfLiteError;
  }
  if (!IsQuantized(input) || !IsQuantized(weights_feature) ||
      !IsQuantized(weights_time) || !IsQuantized(state) ||
      !IsQuantized(output)) {
    MicroPrintf("SVDF: int8 tensors need quantization parameters");
    return kTfLiteError;
  }
  if (int16_state && state->params.zero_point != 0) {
    MicroPrintf("SVDF: an int16 state must have zero point 0, not %d",
                state->params.zero_point);
    return kTfLiteError;
  }
  if (params->activation != kTfLiteActNone &&
      params->activation != kTfLiteActRelu) {
    MicroPrintf("SVDF: int8 supports activation NONE or RELU only");
    return kTfLiteError;
  }
  return kTfLiteOk;
}

TfLiteStatus Prepare(TfLiteContext* context, TfLiteNode* node) {
  TF_LITE_ENSURE(context, node->user_data != nullptr);
  TF_LITE_ENSURE(context, node->builtin_data != nullptr);
  OpData* data = static_cast<OpData*>(node->user_data);
  const auto* params = static_cast<const TfLiteSVDFParams*>(node->builtin_data);
  if (NumInputs(node) != 5 || NumOutputs(node) != 1) {
    MicroPrintf("SVDF: needs 5 inputs and 1 output, got %d and %d",
                NumInputs(node), NumOutputs(node));
    return kTfLiteError;
  }
  micro::ScopedTempTensors temps(context);
  TfLiteTensor* input = temps.Input(node, kInputTensor);
  TfLiteTensor* weights_feature = temps.Input(node, kWeightsFeatureTensor);
  TfLiteTensor* weights_time = temps.Input(node, kWeightsTimeTensor);
  TfLiteTensor* bias = temps.Input(node, kBiasTensor);
  TfLiteTensor* state = temps.Input(node, kStateTensor);
  TfLiteTensor* output = temps.Output(node, kOutputTensor);
  if (input == nullptr || weights_feature == nullptr ||
      weights_time == nullptr || state == nullptr || output == nullptr) {
    MicroPrintf("SVDF: input, weights, state and output must all be given");
    return kTfLiteError;
  }
  TF_LITE_ENSURE_STATUS(CheckShapes(params, input, weights_feature,
                                    weights_time, bias, state, &data->shape));
  TF_LITE_ENSURE_STATUS(CheckTypes(params, input, weights_feature,
                                   weights_time, bias, state, output));
  TF_LITE_ENSURE_STATUS(micro::SetOutputShape(
      context, output,
      RuntimeShape({data->shape.batches, data->shape.num_units})));
  if (input->type == kTfLiteInt8) {
    // Formed in float, as TFLite and TFLM do.
    const float feature_scale = input->params.scale *
                                weights_feature->params.scale /
                                state->params.scale;
    const float output_scale = state->params.scale *
                               weights_time->params.scale /
                               output->params.scale;
    reference_ops::SvdfQuantizedParams& q = data->quantized;
    QuantizeMultiplier(static_cast<double>(feature_scale),
                       &q.feature_multiplier, &q.feature_shift);
    QuantizeMultiplier(static_cast<double>(output_scale),
                       &q.output_multiplier, &q.output_shift);
    q.input_zero_point = input->params.zero_point;
    q.state_zero_point = state->params.zero_point;
    q.output_zero_point = output->params.zero_point;
  }
  // float or int32 per filter and batch.
  return context->RequestScratchBufferInArena(
      context,
      sizeof(int32_t) * static_cast<size_t>(data->shape.batches) *
          static_cast<size_t>(data->shape.num_filters),
      &data->scratch_index);
}

TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  const OpData& data = *static_cast<const OpData*>(node->user_data);
  const auto* params = static_cast<const TfLiteSVDFParams*>(node->builtin_data);
  const TfLiteEvalTensor* input =
      micro::GetEvalInput(context, node, kInputTensor);
  const TfLiteEvalTensor* weights_feature =
      micro::GetEvalInput(context, node, kWeightsFeatureTensor);
  const TfLiteEvalTensor* weights_time =
      micro::GetEvalInput(context, node, kWeightsTimeTensor);
  const TfLiteEvalTensor* bias =
      micro::GetEvalInput(context, node, kBiasTensor);
  TfLiteEvalTensor* state =
      micro::GetMutableEvalInput(context, node, kStateTensor);
  TfLiteEvalTensor* output = micro::GetEvalOutput(context, node, kOutputTensor);
  void* scratch = context->GetScratchBuffer(context, data.scratch_index);
  TF_LITE_ENSURE(context, scratch != nullptr);

  if (input->type == kTfLiteFloat32) {
    reference_ops::SvdfFloat(
        data.shape, params->activation, micro::GetTensorData<float>(input),
        micro::GetTensorData<float>(weights_feature),
        micro::GetTensorData<float>(weights_time),
        micro::GetOptionalTensorData<float>(bias),
        micro::GetTensorData<float>(state), static_cast<float*>(scratch),
        micro::GetTensorData<float>(output));
  } else if (state->type == kTfLiteInt16) {
    optimized_integer_ops::SvdfInteger<int16_t>(
        data.shape, data.quantized, micro::GetTensorData<int8_t>(input),
        micro::GetTensorData<int8_t>(weights_feature),
        micro::GetTensorData<int16_t>(weights_time),
        micro::GetOptionalTensorData<int32_t>(bias),
        micro::GetTensorData<int16_t>(state), static_cast<int32_t*>(scratch),
        micro::GetTensorData<int8_t>(output));
  } else {
    optimized_integer_ops::SvdfInteger<int8_t>(
        data.shape, data.quantized, micro::GetTensorData<int8_t>(input),
        micro::GetTensorData<int8_t>(weights_feature),
        micro::GetTensorData<int8_t>(weights_time),
        micro::GetOptionalTensorData<int32_t>(bias),
        micro::GetTensorData<int8_t>(state), static_cast<int32_t*>(scratch),
        micro::GetTensorData<int8_t>(output));
  }
  return kTfLiteOk;
}

}  // namespace

TfLiteRegistration Register_SVDF() {
  return micro::RegisterOp(Init, Prepare, Eval);
}

}  // namespace tflite
