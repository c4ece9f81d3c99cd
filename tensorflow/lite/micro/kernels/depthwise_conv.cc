// DEPTHWISE_CONV_2D: float32; int8 activations with int8 weights (per-tensor
// or per-channel along dimension 3) and an int32 bias; int16 activations
// with int8 weights and an int64 bias. The depth multiplier is the weights'
// channels over the input's, as in TFLite (the option may be stale or 0).
#include "tensorflow/lite/kernels/internal/reference/depthwise_conv.h"

#include "tensorflow/lite/kernels/internal/optimized/depthwise_conv.h"

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
  DepthwiseParams params;
  micro::ConvQuantization quantization;
};

void* Init(TfLiteContext* context, const char*, size_t) {
  return context->AllocatePersistentBuffer(context, sizeof(OpData));
}

TfLiteStatus PrepareWithTensors(TfLiteContext* context,
                                const TfLiteDepthwiseConvParams& params,
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
  const int filter_height = SizeOfDimension(filter, 1);
  const int filter_width = SizeOfDimension(filter, 2);
  const int output_depth = SizeOfDimension(filter, 3);
  if (SizeOfDimension(filter, 0) != 1) {
    MicroPrintf("weights must have shape [1, height, width, channels], not "
                "a first dimension of %d",
                SizeOfDimension(filter, 0));
    return kTfLiteError;
  }
  if (output_depth <= 0 || input_depth <= 0) {
    MicroPrintf("input or weights shape has a zero dimension");
    return kTfLiteError;
  }
  TF_LITE_ENSURE_STATUS(micro::CheckFilterExtent(
      filter_height, filter_width, params.dilation_height_factor,
      params.dilation_width_factor));
  if (output_depth % input_depth != 0) {
    MicroPrintf("weights have %d channels, not a multiple of the input's %d",
                output_depth, input_depth);
    return kTfLiteError;
  }
  const int depth_multiplier = output_depth / input_depth;
  TF_LITE_ENSURE_STATUS(micro::CheckConvTypes(
      context, input, filter, bias, output, output_depth,
      /*int16_allows_int32_bias=*/false));

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

  DepthwiseParams& op = data->params;
  op = DepthwiseParams();
  op.padding_type = RuntimePaddingType(params.padding);
  TF_LITE_ENSURE_STATUS(micro::ToPaddingValues(padding, &op.padding_values));
  op.stride_height = static_cast<int16_t>(params.stride_height);
  op.stride_width = static_cast<int16_t>(params.stride_width);
  op.dilation_height_factor =
      static_cast<int16_t>(params.dilation_height_factor);
  op.dilation_width_factor = static_cast<int16_t>(params.dilation_width_factor);
  if (depth_multiplier > 32767) {
    MicroPrintf("depth multiplier %d is too large", depth_multiplier);
    return kTfLiteError;
  }
  op.depth_multiplier = static_cast<int16_t>(depth_multiplier);

  // The output may be planned over the input where the optimized (and
  // reference) loops allow it.
  if ((input->type == kTfLiteFloat32 || input->type == kTfLiteInt8) &&
      optimized_ops::DepthwiseInPlaceAllowed(
          op, GetTensorShape(input), GetTensorShape(filter),
          RuntimeShape({batches, output_height, output_width, output_depth}))) {
    TF_LITE_ENSURE_STATUS(
        GetMicroContext(context)->AllowInPlace(kInputTensor, kOutputTensor));
  }
  if (input->type == kTfLiteFloat32) {
    CalculateActivationRange(params.activation, &op.float_activation_min,
                             &op.float_activation_max);
    return kTfLiteOk;
  }
  micro::ConvQuantization& q = data->quantization;
  TF_LITE_ENSURE_STATUS(micro::PrepareConvQuantization(
      context, input, filter, bias, output, params.activation, output_depth,
      /*channel_dim=*/3,
      input->type == kTfLiteInt16 ? micro::ConvRescale::k64Bit
                                  : micro::ConvRescale::k32Bit,
      &q));
  op.input_offset = -q.input_zero_point;
  op.output_offset = q.output_zero_point;
  op.weights_offset = 0;
  op.quantized_activation_min = q.output_activation_min;
  op.quantized_activation_max = q.output_activation_max;
  op.output_multiplier_per_channel = q.multiplier;
  op.output_shift_per_channel = q.shift;
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
  const auto& params =
      *static_cast<const TfLiteDepthwiseConvParams*>(node->builtin_data);

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
      optimized_ops::DepthwiseConv(
          data.params, input_shape, micro::GetTensorData<float>(input),
          filter_shape, micro::GetTensorData<float>(filter),
          micro::GetOptionalTensorData<float>(bias), output_shape,
          micro::GetTensorData<float>(output));
      return kTfLiteOk;
    case kTfLiteInt8:
      optimized_integer_ops::DepthwiseConvPerChannel(
          data.params, multiplier, shift, input_shape,
          micro::GetTensorData<int8_t>(input), filter_shape,
          micro::GetTensorData<int8_t>(filter),
          micro::GetOptionalTensorData<int32_t>(bias), output_shape,
          micro::GetTensorData<int8_t>(output));
      return kTfLiteOk;
    case kTfLiteInt16:
      reference_integer_ops::DepthwiseConvPerChannel(
          data.params, multiplier, shift, input_shape,
          micro::GetTensorData<int16_t>(input), filter_shape,
          micro::GetTensorData<int8_t>(filter), bias_shape,
          micro::GetOptionalTensorData<int64_t>(bias), output_shape,
          micro::GetTensorData<int16_t>(output));
      return kTfLiteOk;
    default:
      MicroPrintf("input type %s is not supported",
                  TfLiteTypeGetName(input->type));
      return kTfLiteError;
  }
}

}  // namespace

TfLiteRegistration Register_DEPTHWISE_CONV_2D() {
  return micro::RegisterOp(Init, Prepare, Eval);
}

}  // namespace tflite
