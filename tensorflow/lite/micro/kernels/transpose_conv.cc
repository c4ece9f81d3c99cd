// TRANSPOSE_CONV: inputs (output_shape, weights, input[, bias]). float32;
// int8 activations with int8 weights (per-tensor or per-channel along
// dimension 0) and an int32 bias; int16 activations with int8 weights and an
// int64 bias. The output shape is the output_shape input when it is a
// constant. Otherwise its values are only known when the model runs, and the
// model's declared output shape is used instead after the same checks; Eval
// then verifies that output_shape holds exactly that shape. Padding is
// derived from the output shape as TFLite does (as if the output were a
// convolution's input).
//
// 16x8 with an int32 bias is rejected: TFLite and TFLM both accept such a
// model but read the bias as int64, so there is no meaningful result to
// match.
#include "tensorflow/lite/kernels/internal/reference/transpose_conv.h"

#include <cstdint>

#include "tensorflow/lite/core/c/builtin_op_data.h"
#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/kernels/kernel_util.h"
#include "tensorflow/lite/kernels/padding.h"
#include "tensorflow/lite/micro/kernels/conv_util.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace {

constexpr int kOutputShapeTensor = 0;
constexpr int kFilterTensor = 1;
constexpr int kInputTensor = 2;
constexpr int kBiasTensor = 3;
constexpr int kOutputTensor = 0;

struct OpData {
  ConvParams params;
  micro::ConvQuantization quantization;
  // Whether output_shape is constant (else Eval checks its values).
  bool constant_output_shape;
};

void* Init(TfLiteContext* context, const char*, size_t) {
  return context->AllocatePersistentBuffer(context, sizeof(OpData));
}

// The output shape: the output_shape input's values when it is constant,
// else the model's declared output shape.
TfLiteStatus ReadOutputShape(const TfLiteTensor* shape_tensor,
                             const TfLiteTensor* output, RuntimeShape* shape,
                             bool* is_constant) {
  if (shape_tensor->type != kTfLiteInt32 || NumDimensions(shape_tensor) != 1 ||
      SizeOfDimension(shape_tensor, 0) != 4) {
    MicroPrintf("output_shape must be an INT32 vector of 4 elements");
    return kTfLiteError;
  }
  *is_constant = IsConstantTensor(shape_tensor) &&
                 shape_tensor->data.raw != nullptr;
  if (*is_constant) {
    shape->ReplaceWith(4, GetTensorData<int32_t>(shape_tensor));
    return kTfLiteOk;
  }
  if (NumDimensions(output) != 4) {
    MicroPrintf("output_shape is computed at run time and the model's "
                "output is not 4-D");
    return kTfLiteError;
  }
  *shape = GetTensorShape(output);
  return kTfLiteOk;
}

TfLiteStatus PrepareWithTensors(TfLiteContext* context,
                                const TfLiteTransposeConvParams& params,
                                const TfLiteTensor* shape_tensor,
                                const TfLiteTensor* input,
                                const TfLiteTensor* filter,
                                const TfLiteTensor* bias, TfLiteTensor* output,
                                OpData* data) {
  TF_LITE_ENSURE_STATUS(micro::CheckWindowOptions(
      params.padding, params.stride_height, params.stride_width, 1, 1));
  TF_LITE_ENSURE_STATUS(micro::CheckFusedActivation(params.activation));
  if (NumDimensions(input) != 4 || NumDimensions(filter) != 4) {
    MicroPrintf("input and weights must be 4-D, not %d-D and %d-D",
                NumDimensions(input), NumDimensions(filter));
    return kTfLiteError;
  }
  RuntimeShape output_shape;
  TF_LITE_ENSURE_STATUS(ReadOutputShape(shape_tensor, output, &output_shape,
                                        &data->constant_output_shape));
  const int output_depth = SizeOfDimension(filter, 0);
  const int filter_height = SizeOfDimension(filter, 1);
  const int filter_width = SizeOfDimension(filter, 2);
  if (output_depth <= 0) {
    MicroPrintf("weights shape has a zero dimension");
    return kTfLiteError;
  }
  TF_LITE_ENSURE_STATUS(
      micro::CheckFilterExtent(filter_height, filter_width, 1, 1));
  if (SizeOfDimension(filter, 3) != SizeOfDimension(input, 3)) {
    MicroPrintf("input has %d channels but the weights take %d",
                SizeOfDimension(input, 3), SizeOfDimension(filter, 3));
    return kTfLiteError;
  }
  if (output_shape.Dims(0) != SizeOfDimension(input, 0) ||
      output_shape.Dims(3) != output_depth || output_shape.Dims(1) <= 0 ||
      output_shape.Dims(2) <= 0) {
    MicroPrintf("output_shape [%d, %d, %d, %d] does not fit batch %d and %d "
                "output channels",
                output_shape.Dims(0), output_shape.Dims(1),
                output_shape.Dims(2), output_shape.Dims(3),
                SizeOfDimension(input, 0), output_depth);
    return kTfLiteError;
  }
  TF_LITE_ENSURE_STATUS(micro::CheckConvTypes(
      context, input, filter, bias, output, output_depth,
      /*int16_allows_int32_bias=*/false));
  TF_LITE_ENSURE_STATUS(micro::SetOutputShape(context, output, output_shape));

  // The output must be an input the forward convolution maps onto this
  // op's input (TFLite checks the same).
  int forward_height = 0;
  int forward_width = 0;
  const TfLitePaddingValues padding = ComputePaddingHeightWidth(
      params.stride_height, params.stride_width, 1, 1, output_shape.Dims(1),
      output_shape.Dims(2), filter_height, filter_width, params.padding,
      &forward_height, &forward_width);
  if (forward_height != SizeOfDimension(input, 1) ||
      forward_width != SizeOfDimension(input, 2)) {
    MicroPrintf("output_shape %dx%d does not fit the %dx%d input: the "
                "forward convolution of that output gives %dx%d",
                output_shape.Dims(1), output_shape.Dims(2),
                SizeOfDimension(input, 1), SizeOfDimension(input, 2),
                forward_height, forward_width);
    return kTfLiteError;
  }
  ConvParams& op = data->params;
  op = ConvParams();
  op.padding_type = RuntimePaddingType(params.padding);
  TF_LITE_ENSURE_STATUS(micro::ToPaddingValues(padding, &op.padding_values));
  op.stride_height = static_cast<int16_t>(params.stride_height);
  op.stride_width = static_cast<int16_t>(params.stride_width);
  op.dilation_height_factor = 1;
  op.dilation_width_factor = 1;

  if (input->type == kTfLiteFloat32) {
    CalculateActivationRange(params.activation, &op.float_activation_min,
                             &op.float_activation_max);
    return kTfLiteOk;
  }
  const bool wide = input->type == kTfLiteInt16;
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
  if (NumInputs(node) != 3 && NumInputs(node) != 4) {
    MicroPrintf("expects 3 or 4 inputs (output_shape, weights, input, bias), "
                "got %d",
                NumInputs(node));
    return kTfLiteError;
  }
  TF_LITE_ENSURE_EQ(context, NumOutputs(node), 1);
  OpData* data = static_cast<OpData*>(node->user_data);
  const auto& params =
      *static_cast<const TfLiteTransposeConvParams*>(node->builtin_data);

  micro::ScopedTempTensors temps(context);
  TfLiteTensor* shape_tensor = temps.Input(node, kOutputShapeTensor);
  TfLiteTensor* filter = temps.Input(node, kFilterTensor);
  TfLiteTensor* input = temps.Input(node, kInputTensor);
  TfLiteTensor* bias =
      NumInputs(node) == 4 ? temps.Input(node, kBiasTensor) : nullptr;
  TfLiteTensor* output = temps.Output(node, kOutputTensor);
  if (shape_tensor == nullptr || input == nullptr || filter == nullptr ||
      output == nullptr) {
    MicroPrintf("output_shape, weights, input and output are required");
    return kTfLiteError;
  }
  return PrepareWithTensors(context, params, shape_tensor, input, filter, bias,
                            output, data);
}

// A run-time output_shape must ask for the shape prepared from the model.
TfLiteStatus CheckRuntimeOutputShape(const TfLiteEvalTensor* shape_tensor,
                                     const TfLiteEvalTensor* output) {
  const int32_t* requested = micro::GetTensorData<int32_t>(shape_tensor);
  for (int i = 0; i < 4; ++i) {
    if (requested[i] != output->dims->data[i]) {
      MicroPrintf("output_shape [%d, %d, %d, %d] differs from the model's "
                  "output shape [%d, %d, %d, %d]",
                  static_cast<int>(requested[0]),
                  static_cast<int>(requested[1]),
                  static_cast<int>(requested[2]),
                  static_cast<int>(requested[3]), output->dims->data[0],
                  output->dims->data[1], output->dims->data[2],
                  output->dims->data[3]);
      return kTfLiteError;
    }
  }
  return kTfLiteOk;
}

TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  const OpData& data = *static_cast<const OpData*>(node->user_data);
  const TfLiteEvalTensor* filter =
      micro::GetEvalInput(context, node, kFilterTensor);
  const TfLiteEvalTensor* input =
      micro::GetEvalInput(context, node, kInputTensor);
  const TfLiteEvalTensor* bias =
      NumInputs(node) == 4 ? micro::GetEvalInput(context, node, kBiasTensor)
                           : nullptr;
  TfLiteEvalTensor* output = micro::GetEvalOutput(context, node, kOutputTensor);
  if (!data.constant_output_shape) {
    TF_LITE_ENSURE_STATUS(CheckRuntimeOutputShape(
        micro::GetEvalInput(context, node, kOutputShapeTensor), output));
  }
  const RuntimeShape input_shape = micro::GetTensorShape(input);
  const RuntimeShape filter_shape = micro::GetTensorShape(filter);
  const RuntimeShape bias_shape = micro::GetTensorShape(bias);
  const RuntimeShape output_shape = micro::GetTensorShape(output);
  const int32_t* multiplier = data.quantization.multiplier;
  const int32_t* shift = data.quantization.shift;

  if (input->type == kTfLiteFloat32) {
    reference_ops::TransposeConv(
        data.params, input_shape, micro::GetTensorData<float>(input),
        filter_shape, micro::GetTensorData<float>(filter), bias_shape,
        micro::GetOptionalTensorData<float>(bias), output_shape,
        micro::GetTensorData<float>(output));
    return kTfLiteOk;
  }
  switch (input->type) {
    case kTfLiteInt8:
      reference_integer_ops::TransposeConvPerChannel<int8_t, int32_t, int32_t>(
          data.params, multiplier, shift, input_shape,
          micro::GetTensorData<int8_t>(input), filter_shape,
          micro::GetTensorData<int8_t>(filter), bias_shape,
          micro::GetOptionalTensorData<int32_t>(bias), output_shape,
          micro::GetTensorData<int8_t>(output));
      return kTfLiteOk;
    case kTfLiteInt16:
      reference_integer_ops::TransposeConvPerChannel<int16_t, int64_t,
                                                     int64_t>(
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

TfLiteRegistration Register_TRANSPOSE_CONV() {
  return micro::RegisterOp(Init, Prepare, Eval);
}

}  // namespace tflite
