// CONV_2D: float32; int8 activations with int8 weights (per-tensor or
// per-channel) and an int32 bias; int16 activations with int8 weights
// ("16x8") and an int64 or int32 bias. Grouped convolution when the input
// has a multiple of the weights' input channels.
//
// 16x8 with an int32 bias: TFLite accepts the model but its reference
// kernel then reads the bias as int64 (wrong results). We follow TFLM and
// the int32 instantiation of TFLite's reference arithmetic instead: an int32
// accumulator rescaled with the 32-bit multiply. With an int64 bias (what
// the converter produces) the int64 accumulator and the 64-bit multiply
// match TFLite's reference exactly.
#include "tensorflow/lite/kernels/internal/reference/conv.h"

#include <algorithm>

#include "tensorflow/lite/kernels/internal/optimized/conv.h"

#include "tensorflow/lite/core/c/builtin_op_data.h"
#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/kernels/kernel_util.h"
#include "tensorflow/lite/kernels/padding.h"
#include "tensorflow/lite/micro/kernels/conv_util.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace {

constexpr int kInputTensor = 0;
constexpr int kFilterTensor = 1;
constexpr int kBiasTensor = 2;
constexpr int kOutputTensor = 0;

struct OpData {
  ConvParams params;
  micro::ConvQuantization quantization;
  // Scratch of the optimized kernel (float and int8 without groups), or -1.
  int scratch_index;
};

void* Init(TfLiteContext* context, const char*, size_t) {
  return context->AllocatePersistentBuffer(context, sizeof(OpData));
}

TfLiteStatus PrepareWithTensors(TfLiteContext* context,
                                const TfLiteConvParams& params,
                                const TfLiteTensor* input,
                                const TfLiteTensor* filter,
                                const TfLiteTensor* bias, TfLiteTensor* output,
                                OpData* data) {
  TF_LITE_ENSURE_STATUS(micro::CheckWindowOptions(
      params.padding, params.stride_height, params.stride_width,
      params.dilation_height_factor, params.dilation_width_factor));
  TF_LITE_ENSURE_STATUS(micro::CheckFusedActivation(params.activation));
  if (NumDimensions(input) != 4 || NumDimensions(filter) != 4) {
    MicroPrintf("input and weights must be 4-D, not %d-D and %d-D",
                NumDimensions(input), NumDimensions(filter));
    return kTfLiteError;
  }
  const int batches = SizeOfDimension(input, 0);
  const int input_height = SizeOfDimension(input, 1);
  const int input_width = SizeOfDimension(input, 2);
  const int input_depth = SizeOfDimension(input, 3);
  const int output_depth = SizeOfDimension(filter, 0);
  const int filter_height = SizeOfDimension(filter, 1);
  const int filter_width = SizeOfDimension(filter, 2);
  const int filter_input_depth = SizeOfDimension(filter, 3);
  if (output_depth <= 0 || filter_input_depth <= 0) {
    MicroPrintf("weights shape has a zero dimension");
    return kTfLiteError;
  }
  TF_LITE_ENSURE_STATUS(micro::CheckFilterExtent(
      filter_height, filter_width, params.dilation_height_factor,
      params.dilation_width_factor));
  if (input_depth % filter_input_depth != 0) {
    MicroPrintf("input has %d channels, not a multiple of the weights' %d",
                input_depth, filter_input_depth);
    return kTfLiteError;
  }
  const int groups = input_depth / filter_input_depth;
  if (groups == 0 || output_depth % groups != 0) {
    MicroPrintf("%d output channels cannot be split into %d groups",
                output_depth, groups);
    return kTfLiteError;
  }
  TF_LITE_ENSURE_STATUS(micro::CheckConvTypes(context, input, filter, bias,
                                              output, output_depth,
                                              /*int16_allows_int32_bias=*/true));

  int output_height = 0;
  int output_width = 0;
  const TfLitePaddingValues padding = ComputePaddingHeightWidth(
      params.stride_height, params.stride_width, params.dilation_height_factor,
      params.dilation_width_factor, input_height, input_width, filter_height,
      filter_width, params.padding, &output_height, &output_width);
  if (output_height <= 0 || output_width <= 0) {
    MicroPrintf("the %dx%d input is smaller than the dilated %dx%d filter",
                input_height, input_width,
                (filter_height - 1) * params.dilation_height_factor + 1,
                (filter_width - 1) * params.dilation_width_factor + 1);
    return kTfLiteError;
  }
  TF_LITE_ENSURE_STATUS(micro::SetOutputShape(
      context, output,
      RuntimeShape({batches, output_height, output_width, output_depth})));

  ConvParams& op = data->params;
  op = ConvParams();
  op.padding_type = RuntimePaddingType(params.padding);
  TF_LITE_ENSURE_STATUS(micro::ToPaddingValues(padding, &op.padding_values));
  op.stride_height = static_cast<int16_t>(params.stride_height);
  op.stride_width = static_cast<int16_t>(params.stride_width);
  op.dilation_height_factor =
      static_cast<int16_t>(params.dilation_height_factor);
  op.dilation_width_factor = static_cast<int16_t>(params.dilation_width_factor);

  data->scratch_index = -1;
  if ((input->type == kTfLiteFloat32 || input->type == kTfLiteInt8) &&
      groups == 1) {
    const RuntimeShape input_shape = GetTensorShape(input);
    const RuntimeShape filter_shape = GetTensorShape(filter);
    size_t scratch = optimized_ops::ConvScratchBytes(
        input_shape, filter_shape, input->type == kTfLiteFloat32);
    // int8 pointwise: the output may be planned over the input (the
    // optimized kernel then computes in place).
    if (input->type == kTfLiteInt8 &&
        optimized_ops::ConvInPlaceAllowed(op, input_shape, filter_shape)) {
      TF_LITE_ENSURE_STATUS(GetMicroContext(context)->AllowInPlace(
          kInputTensor, kOutputTensor));
      scratch = std::max(scratch, optimized_ops::ConvInPlaceScratchBytes(
                                      input_shape, filter_shape));
    }
    TF_LITE_ENSURE_STATUS(context->RequestScratchBufferInArena(
        context, scratch, &data->scratch_index));
  }
  if (input->type == kTfLiteFloat32) {
    CalculateActivationRange(params.activation, &op.float_activation_min,
                             &op.float_activation_max);
    return kTfLiteOk;
  }
  const bool wide = input->type == kTfLiteInt16 &&
                    !(bias != nullptr && bias->type == kTfLiteInt32);
  micro::ConvQuantization& q = data->quantization;
  TF_LITE_ENSURE_STATUS(micro::PrepareConvQuantization(
      context, input, filter, bias, output, params.activation, output_depth,
      /*channel_dim=*/0,
      wide ? micro::ConvRescale::k64Bit : micro::ConvRescale::k32Bit, &q));
  op.input_offset = -q.input_zero_point;
  op.output_offset = q.output_zero_point;
  op.weights_offset = 0;
  op.quantized_activation_min = q.output_activation_min;
  op.quantized_activation_max = q.output_activation_max;
  return kTfLiteOk;
}

TfLiteStatus Prepare(TfLiteContext* context, TfLiteNode* node) {
  TF_LITE_ENSURE(context, node->user_data != nullptr);
  TF_LITE_ENSURE(context, node->builtin_data != nullptr);
  if (NumInputs(node) != 2 && NumInputs(node) != 3) {
    MicroPrintf("expects 2 or 3 inputs (input, weights, bias), got %d",
                NumInputs(node));
    return kTfLiteError;
  }
  TF_LITE_ENSURE_EQ(context, NumOutputs(node), 1);
  OpData* data = static_cast<OpData*>(node->user_data);
  const auto& params = *static_cast<const TfLiteConvParams*>(node->builtin_data);

  micro::ScopedTempTensors temps(context);
  TfLiteTensor* input = temps.Input(node, kInputTensor);
  TfLiteTensor* filter = temps.Input(node, kFilterTensor);
  TfLiteTensor* bias =
      NumInputs(node) == 3 ? temps.Input(node, kBiasTensor) : nullptr;
  TfLiteTensor* output = temps.Output(node, kOutputTensor);
  if (input == nullptr || filter == nullptr || output == nullptr) {
    MicroPrintf("input, weights and output are required");
    return kTfLiteError;
  }
  return PrepareWithTensors(context, params, input, filter, bias, output,
                            data);
}

TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  const OpData& data = *static_cast<const OpData*>(node->user_data);
  const TfLiteEvalTensor* input =
      micro::GetEvalInput(context, node, kInputTensor);
  const TfLiteEvalTensor* filter =
      micro::GetEvalInput(context, node, kFilterTensor);
  const TfLiteEvalTensor* bias =
      NumInputs(node) == 3 ? micro::GetEvalInput(context, node, kBiasTensor)
                           : nullptr;
  TfLiteEvalTensor* output = micro::GetEvalOutput(context, node, kOutputTensor);
  const RuntimeShape input_shape = micro::GetTensorShape(input);
  const RuntimeShape filter_shape = micro::GetTensorShape(filter);
  const RuntimeShape bias_shape = micro::GetTensorShape(bias);
  const RuntimeShape output_shape = micro::GetTensorShape(output);
  const int32_t* multiplier = data.quantization.multiplier;
  const int32_t* shift = data.quantization.shift;

  switch (input->type) {
    case kTfLiteFloat32:
      if (data.scratch_index >= 0) {
        optimized_ops::Conv(
            data.params, input_shape, micro::GetTensorData<float>(input),
            filter_shape, micro::GetTensorData<float>(filter),
            micro::GetOptionalTensorData<float>(bias), output_shape,
            micro::GetTensorData<float>(output),
            context->GetScratchBuffer(context, data.scratch_index));
        return kTfLiteOk;
      }
      reference_ops::Conv(data.params, input_shape,
                          micro::GetTensorData<float>(input), filter_shape,
                          micro::GetTensorData<float>(filter), bias_shape,
                          micro::GetOptionalTensorData<float>(bias),
                          output_shape, micro::GetTensorData<float>(output));
      return kTfLiteOk;
    case kTfLiteInt8:
      if (data.scratch_index >= 0) {
        optimized_integer_ops::ConvPerChannel(
            data.params, multiplier, shift, input_shape,
            micro::GetTensorData<int8_t>(input), filter_shape,
            micro::GetTensorData<int8_t>(filter),
            micro::GetOptionalTensorData<int32_t>(bias), output_shape,
            micro::GetTensorData<int8_t>(output),
            context->GetScratchBuffer(context, data.scratch_index));
        return kTfLiteOk;
      }
      reference_integer_ops::ConvPerChannel(
          data.params, multiplier, shift, input_shape,
          micro::GetTensorData<int8_t>(input), filter_shape,
          micro::GetTensorData<int8_t>(filter), bias_shape,
          micro::GetOptionalTensorData<int32_t>(bias), output_shape,
          micro::GetTensorData<int8_t>(output));
      return kTfLiteOk;
    case kTfLiteInt16:
      if (bias != nullptr && bias->type == kTfLiteInt32) {
        reference_integer_ops::ConvPerChannel(
            data.params, multiplier, shift, input_shape,
            micro::GetTensorData<int16_t>(input), filter_shape,
            micro::GetTensorData<int8_t>(filter), bias_shape,
            micro::GetTensorData<int32_t>(bias), output_shape,
            micro::GetTensorData<int16_t>(output));
      } else {
        reference_integer_ops::ConvPerChannel(
            data.params, multiplier, shift, input_shape,
            micro::GetTensorData<int16_t>(input), filter_shape,
            micro::GetTensorData<int8_t>(filter), bias_shape,
            micro::GetOptionalTensorData<int64_t>(bias), output_shape,
            micro::GetTensorData<int16_t>(output));
      }
      return kTfLiteOk;
    default:
      MicroPrintf("input type %s is not supported",
                  TfLiteTypeGetName(input->type));
      return kTfLiteError;
  }
}

}  // namespace

TfLiteRegistration Register_CONV_2D() {
  return micro::RegisterOp(Init, Prepare, Eval);
}

}  // namespace tflite
