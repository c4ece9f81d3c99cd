// AVERAGE_POOL_2D and MAX_POOL_2D (float32, int8, int16) and L2_POOL_2D
// (float32). Quantized pools keep the input's scale and zero point: the
// output must have the same ones (int16: zero point 0). The optimized pools
// compute exactly what reference/pooling.h computes.
#include "tensorflow/lite/kernels/internal/optimized/pooling.h"

#include <cmath>
#include <limits>

#include "tensorflow/lite/core/c/builtin_op_data.h"
#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/kernels/kernel_util.h"
#include "tensorflow/lite/kernels/padding.h"
#include "tensorflow/lite/micro/kernels/conv_util.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace {

enum class PoolType { kAverage, kMax, kL2 };

void* Init(TfLiteContext* context, const char*, size_t) {
  return context->AllocatePersistentBuffer(context, sizeof(PoolParams));
}

TfLiteStatus CheckQuantization(const TfLiteTensor* input,
                               const TfLiteTensor* output) {
  if (input->quantization.type != kTfLiteAffineQuantization ||
      output->quantization.type != kTfLiteAffineQuantization) {
    MicroPrintf("quantized input and output need quantization parameters");
    return kTfLiteError;
  }
  const float in_scale = input->params.scale;
  const float out_scale = output->params.scale;
  if (!(std::isfinite(in_scale) && in_scale > 0.f)) {
    MicroPrintf("input scale %g is not positive", static_cast<double>(in_scale));
    return kTfLiteError;
  }
  if (std::fabs(in_scale - out_scale) > 1e-6f * in_scale ||
      input->params.zero_point != output->params.zero_point) {
    MicroPrintf("output quantization (scale %g, zero point %d) must equal the "
                "input's (scale %g, zero point %d)",
                static_cast<double>(out_scale),
                static_cast<int>(output->params.zero_point),
                static_cast<double>(in_scale),
                static_cast<int>(input->params.zero_point));
    return kTfLiteError;
  }
  if (input->type == kTfLiteInt16 && input->params.zero_point != 0) {
    MicroPrintf("int16 input must have zero point 0, not %d",
                static_cast<int>(input->params.zero_point));
    return kTfLiteError;
  }
  return kTfLiteOk;
}

TfLiteStatus PrepareWithTensors(TfLiteContext* context, PoolType type,
                                const TfLitePoolParams& params,
                                const TfLiteTensor* input, TfLiteTensor* output,
                                PoolParams* op) {
  TF_LITE_ENSURE_STATUS(micro::CheckWindowOptions(
      params.padding, params.stride_height, params.stride_width, 1, 1));
  TF_LITE_ENSURE_STATUS(micro::CheckFusedActivation(params.activation));
  TF_LITE_ENSURE_STATUS(micro::CheckFilterExtent(
      params.filter_height, params.filter_width, 1, 1));
  if (NumDimensions(input) != 4) {
    MicroPrintf("input must be 4-D, not %d-D", NumDimensions(input));
    return kTfLiteError;
  }
  const bool type_ok =
      input->type == kTfLiteFloat32 ||
      (type != PoolType::kL2 &&
       (input->type == kTfLiteInt8 || input->type == kTfLiteInt16));
  if (!type_ok) {
    MicroPrintf("input type %s is not supported",
                TfLiteTypeGetName(input->type));
    return kTfLiteError;
  }
  if (output->type != input->type) {
    MicroPrintf("output type %s differs from input type %s",
                TfLiteTypeGetName(output->type),
                TfLiteTypeGetName(input->type));
    return kTfLiteError;
  }

  const int input_height = SizeOfDimension(input, 1);
  const int input_width = SizeOfDimension(input, 2);
  int output_height = 0;
  int output_width = 0;
  const TfLitePaddingValues padding = ComputePaddingHeightWidth(
      params.stride_height, params.stride_width, 1, 1, input_height,
      input_width, params.filter_height, params.filter_width, params.padding,
      &output_height, &output_width);
  if (output_height <= 0 || output_width <= 0) {
    MicroPrintf("the %dx%d input is smaller than the %dx%d filter",
                input_height, input_width, params.filter_height,
                params.filter_width);
    return kTfLiteError;
  }
  TF_LITE_ENSURE_STATUS(micro::SetOutputShape(
      context, output,
      RuntimeShape({SizeOfDimension(input, 0), output_height, output_width,
                    SizeOfDimension(input, 3)})));

  *op = PoolParams();
  op->padding_type = RuntimePaddingType(params.padding);
  TF_LITE_ENSURE_STATUS(micro::ToPaddingValues(padding, &op->padding_values));
  op->stride_height = params.stride_height;
  op->stride_width = params.stride_width;
  op->filter_height = params.filter_height;
  op->filter_width = params.filter_width;
  if (input->type == kTfLiteFloat32) {
    CalculateActivationRange(params.activation, &op->float_activation_min,
                             &op->float_activation_max);
    return kTfLiteOk;
  }
  TF_LITE_ENSURE_STATUS(CheckQuantization(input, output));
  return CalculateActivationRangeQuantized(context, params.activation, output,
                                           &op->quantized_activation_min,
                                           &op->quantized_activation_max);
}

template <PoolType kType>
TfLiteStatus Prepare(TfLiteContext* context, TfLiteNode* node) {
  TF_LITE_ENSURE(context, node->user_data != nullptr);
  TF_LITE_ENSURE(context, node->builtin_data != nullptr);
  TF_LITE_ENSURE_EQ(context, NumInputs(node), 1);
  TF_LITE_ENSURE_EQ(context, NumOutputs(node), 1);
  const auto& params = *static_cast<const TfLitePoolParams*>(node->builtin_data);
  MicroContext* micro_context = GetMicroContext(context);
  TfLiteTensor* input = micro_context->AllocateTempInputTensor(node, 0);
  TfLiteTensor* output = micro_context->AllocateTempOutputTensor(node, 0);
  TfLiteStatus status = kTfLiteError;
  if (input == nullptr || output == nullptr) {
    MicroPrintf("input and output are required");
  } else {
    status = PrepareWithTensors(context, kType, params, input, output,
                                static_cast<PoolParams*>(node->user_data));
  }
  if (output != nullptr) micro_context->DeallocateTempTfLiteTensor(output);
  if (input != nullptr) micro_context->DeallocateTempTfLiteTensor(input);
  return status;
}

template <PoolType kType>
TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  const PoolParams& params = *static_cast<const PoolParams*>(node->user_data);
  const TfLiteEvalTensor* input = micro::GetEvalInput(context, node, 0);
  TfLiteEvalTensor* output = micro::GetEvalOutput(context, node, 0);
  const RuntimeShape input_shape = micro::GetTensorShape(input);
  const RuntimeShape output_shape = micro::GetTensorShape(output);
  switch (input->type) {
    case kTfLiteFloat32: {
      const float* in = micro::GetTensorData<float>(input);
      float* out = micro::GetTensorData<float>(output);
      if (kType == PoolType::kAverage) {
        optimized_ops::AveragePool(params, input_shape, in, output_shape, out);
      } else if (kType == PoolType::kMax) {
        optimized_ops::MaxPool(params, input_shape, in, output_shape, out);
      } else {
        optimized_ops::L2Pool(params, input_shape, in, output_shape, out);
      }
      return kTfLiteOk;
    }
    case kTfLiteInt8:
      if (kType == PoolType::kAverage) {
        optimized_integer_ops::AveragePool(
            params, input_shape, micro::GetTensorData<int8_t>(input),
            output_shape, micro::GetTensorData<int8_t>(output));
        return kTfLiteOk;
      } else if (kType == PoolType::kMax) {
        optimized_integer_ops::MaxPool(
            params, input_shape, micro::GetTensorData<int8_t>(input),
            output_shape, micro::GetTensorData<int8_t>(output));
        return kTfLiteOk;
      }
      break;
    case kTfLiteInt16:
      if (kType == PoolType::kAverage) {
        optimized_integer_ops::AveragePool(
            params, input_shape, micro::GetTensorData<int16_t>(input),
            output_shape, micro::GetTensorData<int16_t>(output));
        return kTfLiteOk;
      } else if (kType == PoolType::kMax) {
        optimized_integer_ops::MaxPool(
            params, input_shape, micro::GetTensorData<int16_t>(input),
            output_shape, micro::GetTensorData<int16_t>(output));
        return kTfLiteOk;
      }
      break;
    default:
      break;
  }
  MicroPrintf("input type %s is not supported",
              TfLiteTypeGetName(input->type));
  return kTfLiteError;
}

}  // namespace

TfLiteRegistration Register_AVERAGE_POOL_2D() {
  return micro::RegisterOp(Init, Prepare<PoolType::kAverage>,
                           Eval<PoolType::kAverage>);
}

TfLiteRegistration Register_MAX_POOL_2D() {
  return micro::RegisterOp(Init, Prepare<PoolType::kMax>,
                           Eval<PoolType::kMax>);
}

TfLiteRegistration Register_L2_POOL_2D() {
  return micro::RegisterOp(Init, Prepare<PoolType::kL2>, Eval<PoolType::kL2>);
}

}  // namespace tflite
