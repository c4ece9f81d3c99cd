// FULLY_CONNECTED: float32; int8 and int16 ("16x8") activations with int8
// weights, per-tensor or per-channel.
#include "tensorflow/lite/kernels/internal/reference/fully_connected.h"

#include "tensorflow/lite/kernels/internal/optimized/fully_connected.h"

#include "tensorflow/lite/core/c/builtin_op_data.h"
#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/kernels/internal/quantization_util.h"
#include "tensorflow/lite/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace {

constexpr int kInputTensor = 0;
constexpr int kWeightsTensor = 1;
constexpr int kBiasTensor = 2;
constexpr int kOutputTensor = 0;

struct OpData {
  int32_t output_multiplier;
  int output_shift;
  int32_t output_activation_min;
  int32_t output_activation_max;
  float float_activation_min;
  float float_activation_max;
  int32_t input_zero_point;
  int32_t filter_zero_point;
  int32_t output_zero_point;
  // Per-channel multipliers and shifts (nullptr when per-tensor).
  int32_t* per_channel_multiplier;
  int32_t* per_channel_shift;
  // LiteRT's arithmetic: one rounding of an int32 accumulator.
  bool litert_rescale;
};

void* Init(TfLiteContext* context, const char*, size_t) {
  return context->AllocatePersistentBuffer(context, sizeof(OpData));
}

TfLiteStatus CheckTypes(TfLiteContext* context, const TfLiteTensor* input,
                        const TfLiteTensor* filter, const TfLiteTensor* bias,
                        const TfLiteTensor* output) {
  const TfLiteType expected_bias =
      input->type == kTfLiteFloat32
          ? kTfLiteFloat32
          : (input->type == kTfLiteInt16 ? kTfLiteInt64 : kTfLiteInt32);
  switch (input->type) {
    case kTfLiteFloat32:
      TF_LITE_ENSURE_TYPES_EQ(context, filter->type, kTfLiteFloat32);
      break;
    case kTfLiteInt8:
    case kTfLiteInt16:
      TF_LITE_ENSURE_TYPES_EQ(context, filter->type, kTfLiteInt8);
      break;
    default:
      MicroPrintf("FULLY_CONNECTED: input type %s is not supported",
                  TfLiteTypeGetName(input->type));
      return kTfLiteError;
  }
  TF_LITE_ENSURE_TYPES_EQ(context, output->type, input->type);
  if (bias != nullptr) {
    if (!(bias->type == expected_bias ||
          (input->type == kTfLiteInt16 && bias->type == kTfLiteInt32))) {
      MicroPrintf("FULLY_CONNECTED: bias type %s does not fit %s input",
                  TfLiteTypeGetName(bias->type),
                  TfLiteTypeGetName(input->type));
      return kTfLiteError;
    }
  }
  return kTfLiteOk;
}

TfLiteStatus PrepareQuantized(TfLiteContext* context, OpData* data,
                              const TfLiteFullyConnectedParams* params,
                              const TfLiteTensor* input,
                              const TfLiteTensor* filter,
                              const TfLiteTensor* bias, TfLiteTensor* output,
                              int num_units) {
  TF_LITE_ENSURE_EQ(context, input->quantization.type,
                    kTfLiteAffineQuantization);
  TF_LITE_ENSURE_EQ(context, filter->quantization.type,
                    kTfLiteAffineQuantization);
  TF_LITE_ENSURE_EQ(context, output->quantization.type,
                    kTfLiteAffineQuantization);
  const auto* filter_quant =
      static_cast<const TfLiteAffineQuantization*>(filter->quantization.params);
  data->per_channel_multiplier = nullptr;
  data->per_channel_shift = nullptr;
  if (filter_quant->scale->size > 1) {
    TF_LITE_ENSURE_EQ(context, filter_quant->scale->size, num_units);
    data->per_channel_multiplier = static_cast<int32_t*>(
        context->AllocatePersistentBuffer(context, sizeof(int32_t) * num_units));
    data->per_channel_shift = static_cast<int32_t*>(
        context->AllocatePersistentBuffer(context, sizeof(int32_t) * num_units));
    TF_LITE_ENSURE(context, data->per_channel_multiplier != nullptr &&
                                data->per_channel_shift != nullptr);
    const double input_scale = static_cast<double>(input->params.scale);
    const double output_scale = static_cast<double>(output->params.scale);
    for (int c = 0; c < num_units; ++c) {
      const double effective = input_scale *
                               static_cast<double>(filter_quant->scale->data[c]) /
                               output_scale;
      int shift;
      QuantizeMultiplier(effective, &data->per_channel_multiplier[c], &shift);
      data->per_channel_shift[c] = shift;
    }
  } else {
    double real_multiplier = 0.0;
    TF_LITE_ENSURE_STATUS(GetQuantizedConvolutionMultipler(
        context, input, filter, bias, output, &real_multiplier));
    QuantizeMultiplier(real_multiplier, &data->output_multiplier,
                       &data->output_shift);
  }
  data->input_zero_point = input->params.zero_point;
  data->filter_zero_point = filter->params.zero_point;
  data->output_zero_point = output->params.zero_point;
  if (input->type == kTfLiteInt16) {
    TF_LITE_ENSURE_EQ(context, input->params.zero_point, 0);
    TF_LITE_ENSURE_EQ(context, output->params.zero_point, 0);
  }
  return CalculateActivationRangeQuantized(context, params->activation, output,
                                           &data->output_activation_min,
                                           &data->output_activation_max);
}

TfLiteStatus Prepare(TfLiteContext* context, TfLiteNode* node) {
  TF_LITE_ENSURE(context, node->user_data != nullptr);
  TF_LITE_ENSURE(context, node->builtin_data != nullptr);
  OpData* data = static_cast<OpData*>(node->user_data);
  const auto* params =
      static_cast<const TfLiteFullyConnectedParams*>(node->builtin_data);
  data->litert_rescale =
      GetMicroContext(context)->arithmetic() == MicroArithmetic::kLitert;
  TF_LITE_ENSURE(context, NumInputs(node) == 2 || NumInputs(node) == 3);
  TF_LITE_ENSURE_EQ(context, NumOutputs(node), 1);
  if (params->weights_format != kTfLiteFullyConnectedWeightsFormatDefault) {
    MicroPrintf("FULLY_CONNECTED: shuffled weights are not supported");
    return kTfLiteError;
  }

  // Released on every return, also the early ones of TF_LITE_ENSURE.
  micro::ScopedTempTensors temps(context);
  TfLiteTensor* input = temps.Input(node, kInputTensor);
  TfLiteTensor* filter = temps.Input(node, kWeightsTensor);
  TfLiteTensor* bias =
      NumInputs(node) == 3 ? temps.Input(node, kBiasTensor) : nullptr;
  TfLiteTensor* output = temps.Output(node, kOutputTensor);
  TF_LITE_ENSURE(context, input != nullptr && filter != nullptr &&
                              output != nullptr);
  TF_LITE_ENSURE_STATUS(CheckTypes(context, input, filter, bias, output));

  TF_LITE_ENSURE_EQ(context, NumDimensions(filter), 2);
  const int num_units = SizeOfDimension(filter, 0);
  const int input_depth = SizeOfDimension(filter, 1);
  TF_LITE_ENSURE(context, input_depth > 0);
  const int64_t input_elements = NumElements(input);
  TF_LITE_ENSURE(context, NumDimensions(input) >= 1);
  if (input_elements % input_depth != 0) {
    MicroPrintf(
        "FULLY_CONNECTED: input has %d elements, not a multiple of the "
        "weights' depth %d",
        static_cast<int>(input_elements), input_depth);
    return kTfLiteError;
  }
  if (bias != nullptr) {
    TF_LITE_ENSURE_EQ(context, NumElements(bias), num_units);
  }

  // Output: [batch, units], or the input's shape with a new last dimension.
  RuntimeShape output_shape;
  if (params->keep_num_dims) {
    TF_LITE_ENSURE_EQ(context,
                      SizeOfDimension(input, NumDimensions(input) - 1),
                      input_depth);
    output_shape = GetTensorShape(input);
    output_shape.SetDim(output_shape.DimensionsCount() - 1, num_units);
  } else {
    output_shape = RuntimeShape(
        {static_cast<int>(input_elements / input_depth), num_units});
  }
  TF_LITE_ENSURE_STATUS(micro::SetOutputShape(context, output, output_shape));

  if (input->type != kTfLiteFloat32) {
    return PrepareQuantized(context, data, params, input, filter, bias, output,
                            num_units);
  }
  CalculateActivationRange(params->activation, &data->float_activation_min,
                           &data->float_activation_max);
  data->per_channel_multiplier = nullptr;
  data->per_channel_shift = nullptr;
  return kTfLiteOk;
}

FullyConnectedParams QuantizedParams(const OpData& data) {
  FullyConnectedParams op_params = {};
  op_params.input_offset = -data.input_zero_point;
  op_params.weights_offset = -data.filter_zero_point;
  op_params.output_offset = data.output_zero_point;
  op_params.output_multiplier = data.output_multiplier;
  op_params.output_shift = data.output_shift;
  op_params.quantized_activation_min = data.output_activation_min;
  op_params.quantized_activation_max = data.output_activation_max;
  return op_params;
}

template <typename InputT, typename AccT, typename BiasT>
void EvalQuantized(const OpData& data, const TfLiteEvalTensor* input,
                   const TfLiteEvalTensor* filter,
                   const TfLiteEvalTensor* bias, TfLiteEvalTensor* output) {
  reference_integer_ops::FullyConnectedImpl<InputT, AccT, BiasT, InputT>(
      QuantizedParams(data), data.per_channel_multiplier,
      data.per_channel_shift, micro::GetTensorShape(input),
      micro::GetTensorData<InputT>(input), micro::GetTensorShape(filter),
      micro::GetTensorData<int8_t>(filter), micro::GetTensorShape(bias),
      micro::GetOptionalTensorData<BiasT>(bias),
      micro::GetTensorShape(output), micro::GetTensorData<InputT>(output),
      data.litert_rescale);
}

TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  const OpData& data = *static_cast<const OpData*>(node->user_data);
  const TfLiteEvalTensor* input =
      micro::GetEvalInput(context, node, kInputTensor);
  const TfLiteEvalTensor* filter =
      micro::GetEvalInput(context, node, kWeightsTensor);
  const TfLiteEvalTensor* bias =
      NumInputs(node) == 3 ? micro::GetEvalInput(context, node, kBiasTensor)
                           : nullptr;
  TfLiteEvalTensor* output = micro::GetEvalOutput(context, node, kOutputTensor);

  switch (input->type) {
    case kTfLiteFloat32: {
      FullyConnectedParams op_params = {};
      op_params.float_activation_min = data.float_activation_min;
      op_params.float_activation_max = data.float_activation_max;
      optimized_ops::FullyConnected(
          op_params, micro::GetTensorShape(input),
          micro::GetTensorData<float>(input), micro::GetTensorShape(filter),
          micro::GetTensorData<float>(filter),
          micro::GetOptionalTensorData<float>(bias),
          micro::GetTensorShape(output), micro::GetTensorData<float>(output));
      return kTfLiteOk;
    }
    case kTfLiteInt8:
      optimized_integer_ops::FullyConnected(
          QuantizedParams(data), data.per_channel_multiplier,
          data.per_channel_shift, micro::GetTensorShape(input),
          micro::GetTensorData<int8_t>(input), micro::GetTensorShape(filter),
          micro::GetTensorData<int8_t>(filter),
          micro::GetOptionalTensorData<int32_t>(bias),
          micro::GetTensorShape(output), micro::GetTensorData<int8_t>(output),
          data.litert_rescale);
      return kTfLiteOk;
    case kTfLiteInt16:
      if (bias != nullptr && bias->type == kTfLiteInt32) {
        EvalQuantized<int16_t, int64_t, int32_t>(data, input, filter, bias,
                                                 output);
      } else {
        EvalQuantized<int16_t, int64_t, int64_t>(data, input, filter, bias,
                                                 output);
      }
      return kTfLiteOk;
    default:
      MicroPrintf("FULLY_CONNECTED: type %s is not supported",
                  TfLiteTypeGetName(input->type));
      return kTfLiteError;
  }
}

}  // namespace

TfLiteRegistration Register_FULLY_CONNECTED() {
  return micro::RegisterOp(Init, Prepare, Eval);
}

}  // namespace tflite
