// QUANTIZE: float32 to int8/int16/uint8, and requantization between int8,
// int16, int32 and uint8 with new scale and zero point.
#include "tensorflow/lite/kernels/internal/reference/quantize.h"

#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/kernels/internal/quantization_util.h"
#include "tensorflow/lite/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace {

struct OpData {
  // The output's (float: Eval needs no double operation).
  float scale;
  int32_t zero_point;
  int32_t requantize_multiplier;
  int requantize_shift;
  int32_t input_zero_point;
};

void* Init(TfLiteContext* context, const char*, size_t) {
  return context->AllocatePersistentBuffer(context, sizeof(OpData));
}

bool IsIntegerType(TfLiteType type) {
  return type == kTfLiteInt8 || type == kTfLiteInt16 ||
         type == kTfLiteInt32 || type == kTfLiteUInt8;
}

TfLiteStatus Prepare(TfLiteContext* context, TfLiteNode* node) {
  TF_LITE_ENSURE(context, node->user_data != nullptr);
  TF_LITE_ENSURE_EQ(context, NumInputs(node), 1);
  TF_LITE_ENSURE_EQ(context, NumOutputs(node), 1);
  OpData* data = static_cast<OpData*>(node->user_data);
  MicroContext* micro_context = GetMicroContext(context);
  TfLiteTensor* input = micro_context->AllocateTempInputTensor(node, 0);
  TfLiteTensor* output = micro_context->AllocateTempOutputTensor(node, 0);
  TF_LITE_ENSURE(context, input != nullptr && output != nullptr);
  TF_LITE_ENSURE_STATUS(
      micro::SetOutputShape(context, output, GetTensorShape(input)));

  if (output->quantization.type != kTfLiteAffineQuantization) {
    MicroPrintf("QUANTIZE: the output has no quantization parameters");
    return kTfLiteError;
  }
  const auto* output_quant = static_cast<const TfLiteAffineQuantization*>(
      output->quantization.params);
  if (output_quant->scale->size != 1) {
    MicroPrintf("QUANTIZE: per-channel output quantization is not supported");
    return kTfLiteError;
  }
  if (!IsIntegerType(output->type) || output->type == kTfLiteInt32) {
    if (!(output->type == kTfLiteInt32 && IsIntegerType(input->type))) {
      MicroPrintf("QUANTIZE: output type %s is not supported",
                  TfLiteTypeGetName(output->type));
      return kTfLiteError;
    }
  }
  if (input->type == kTfLiteFloat32) {
    if (output->type == kTfLiteInt32) {
      MicroPrintf("QUANTIZE: float32 to int32 is not supported");
      return kTfLiteError;
    }
  } else if (IsIntegerType(input->type)) {
    if (input->quantization.type != kTfLiteAffineQuantization) {
      MicroPrintf("QUANTIZE: the %s input has no quantization parameters",
                  TfLiteTypeGetName(input->type));
      return kTfLiteError;
    }
    const double effective_scale = static_cast<double>(input->params.scale) /
                                   static_cast<double>(output->params.scale);
    QuantizeMultiplier(effective_scale, &data->requantize_multiplier,
                       &data->requantize_shift);
  } else {
    MicroPrintf("QUANTIZE: input type %s is not supported",
                TfLiteTypeGetName(input->type));
    return kTfLiteError;
  }
  data->zero_point = output->params.zero_point;
  data->scale = output->params.scale;
  data->input_zero_point = input->params.zero_point;
  micro_context->DeallocateTempTfLiteTensor(output);
  micro_context->DeallocateTempTfLiteTensor(input);
  return kTfLiteOk;
}

template <typename InputT>
TfLiteStatus RequantizeTo(const OpData& data, const InputT* input, int size,
                          TfLiteEvalTensor* output) {
  const int32_t multiplier = data.requantize_multiplier;
  const int32_t shift = data.requantize_shift;
  const int32_t in_zp = data.input_zero_point;
  const int32_t out_zp = data.zero_point;
  switch (output->type) {
    case kTfLiteInt8:
      reference_ops::Requantize(input, size, multiplier, shift, in_zp, out_zp,
                                micro::GetTensorData<int8_t>(output));
      return kTfLiteOk;
    case kTfLiteInt16:
      reference_ops::Requantize(input, size, multiplier, shift, in_zp, out_zp,
                                micro::GetTensorData<int16_t>(output));
      return kTfLiteOk;
    case kTfLiteInt32:
      reference_ops::Requantize(input, size, multiplier, shift, in_zp, out_zp,
                                micro::GetTensorData<int32_t>(output));
      return kTfLiteOk;
    case kTfLiteUInt8:
      reference_ops::Requantize(input, size, multiplier, shift, in_zp, out_zp,
                                micro::GetTensorData<uint8_t>(output));
      return kTfLiteOk;
    default:
      return kTfLiteError;
  }
}

TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  const OpData& data = *static_cast<const OpData*>(node->user_data);
  const TfLiteEvalTensor* input = micro::GetEvalInput(context, node, 0);
  TfLiteEvalTensor* output = micro::GetEvalOutput(context, node, 0);
  const RuntimeShape input_shape = micro::GetTensorShape(input);
  const RuntimeShape output_shape = micro::GetTensorShape(output);
  const int size = MatchingFlatSize(input_shape, output_shape);
  TfLiteStatus status = kTfLiteError;
  switch (input->type) {
    case kTfLiteFloat32:
      switch (output->type) {
        case kTfLiteInt8:
          reference_ops::AffineQuantize(
              data.scale, data.zero_point, size,
              micro::GetTensorData<float>(input),
              micro::GetTensorData<int8_t>(output));
          return kTfLiteOk;
        case kTfLiteInt16:
          reference_ops::AffineQuantize(
              data.scale, data.zero_point, size,
              micro::GetTensorData<float>(input),
              micro::GetTensorData<int16_t>(output));
          return kTfLiteOk;
        case kTfLiteUInt8:
          reference_ops::AffineQuantize(
              data.scale, data.zero_point, size,
              micro::GetTensorData<float>(input),
              micro::GetTensorData<uint8_t>(output));
          return kTfLiteOk;
        default:
          break;
      }
      break;
    case kTfLiteInt8:
      status = RequantizeTo(data, micro::GetTensorData<int8_t>(input), size,
                            output);
      break;
    case kTfLiteInt16:
      status = RequantizeTo(data, micro::GetTensorData<int16_t>(input), size,
                            output);
      break;
    case kTfLiteInt32:
      status = RequantizeTo(data, micro::GetTensorData<int32_t>(input), size,
                            output);
      break;
    case kTfLiteUInt8:
      status = RequantizeTo(data, micro::GetTensorData<uint8_t>(input), size,
                            output);
      break;
    default:
      break;
  }
  if (status != kTfLiteOk) {
    MicroPrintf("QUANTIZE: %s to %s is not supported",
                TfLiteTypeGetName(input->type),
                TfLiteTypeGetName(output->type));
  }
  return status;
}

}  // namespace

TfLiteRegistration Register_QUANTIZE() {
  return micro::RegisterOp(Init, Prepare, Eval);
}

}  // namespace tflite
