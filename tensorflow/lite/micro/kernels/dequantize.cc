// DEQUANTIZE: int8, uint8, int16 (per-tensor or per-channel) and float16 to
// float32.
#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/kernels/internal/optimized/elementwise.h"
#include "tensorflow/lite/kernels/internal/quantization_util.h"
#include "tensorflow/lite/kernels/internal/reference/quantize.h"
#include "tensorflow/lite/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace {

struct OpData {
  // Per-tensor parameters (float, so that Eval needs no double operation).
  float scale;
  int32_t zero_point;
  // Per-channel parameters (quantized_dimension < 0 when per-tensor).
  int32_t quantized_dimension;
  float* scales;
  int32_t* zero_points;
};

void* Init(TfLiteContext* context, const char*, size_t) {
  return context->AllocatePersistentBuffer(context, sizeof(OpData));
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
  TF_LITE_ENSURE_TYPES_EQ(context, output->type, kTfLiteFloat32);
  TF_LITE_ENSURE_STATUS(
      micro::SetOutputShape(context, output, GetTensorShape(input)));
  data->quantized_dimension = -1;
  data->scales = nullptr;
  data->zero_points = nullptr;
  switch (input->type) {
    case kTfLiteFloat16:
      break;
    case kTfLiteInt8:
    case kTfLiteUInt8:
    case kTfLiteInt16: {
      if (input->quantization.type != kTfLiteAffineQuantization) {
        MicroPrintf("DEQUANTIZE: the %s input has no quantization parameters",
                    TfLiteTypeGetName(input->type));
        return kTfLiteError;
      }
      const auto* quant = static_cast<const TfLiteAffineQuantization*>(
          input->quantization.params);
      const int channels = quant->scale->size;
      if (channels > 1) {
        data->quantized_dimension = quant->quantized_dimension;
        data->scales = static_cast<float*>(context->AllocatePersistentBuffer(
            context, sizeof(float) * channels));
        data->zero_points = static_cast<int32_t*>(
            context->AllocatePersistentBuffer(context,
                                              sizeof(int32_t) * channels));
        TF_LITE_ENSURE(context,
                       data->scales != nullptr && data->zero_points != nullptr);
        for (int c = 0; c < channels; ++c) {
          data->scales[c] = quant->scale->data[c];
          data->zero_points[c] = quant->zero_point->data[c];
        }
      }
      data->scale = input->params.scale;
      data->zero_point = input->params.zero_point;
      break;
    }
    default:
      MicroPrintf("DEQUANTIZE: input type %s is not supported",
                  TfLiteTypeGetName(input->type));
      return kTfLiteError;
  }
  micro_context->DeallocateTempTfLiteTensor(output);
  micro_context->DeallocateTempTfLiteTensor(input);
  return kTfLiteOk;
}

template <typename T>
void DequantizeTyped(const OpData& data, const TfLiteEvalTensor* input,
                     TfLiteEvalTensor* output) {
  if (data.quantized_dimension >= 0) {
    PerChannelDequantizationParams params;
    params.scale = data.scales;
    params.zero_point = data.zero_points;
    params.quantized_dimension = data.quantized_dimension;
    reference_ops::PerChannelDequantize(
        params, micro::GetTensorShape(input), micro::GetTensorData<T>(input),
        micro::GetTensorShape(output), micro::GetTensorData<float>(output));
  } else {
    reference_ops::Dequantize(
        data.scale, data.zero_point,
        MatchingFlatSize(micro::GetTensorShape(input),
                         micro::GetTensorShape(output)),
        micro::GetTensorData<T>(input), micro::GetTensorData<float>(output));
  }
}

TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  const OpData& data = *static_cast<const OpData*>(node->user_data);
  const TfLiteEvalTensor* input = micro::GetEvalInput(context, node, 0);
  TfLiteEvalTensor* output = micro::GetEvalOutput(context, node, 0);
  switch (input->type) {
    case kTfLiteInt8:
      DequantizeTyped<int8_t>(data, input, output);
      return kTfLiteOk;
    case kTfLiteUInt8:
      DequantizeTyped<uint8_t>(data, input, output);
      return kTfLiteOk;
    case kTfLiteInt16:
      DequantizeTyped<int16_t>(data, input, output);
      return kTfLiteOk;
    case kTfLiteFloat16: {
      const int size = MatchingFlatSize(micro::GetTensorShape(input),
                                        micro::GetTensorShape(output));
      const uint16_t* in = micro::GetTensorData<uint16_t>(input);
      float* out = micro::GetTensorData<float>(output);
      // Vectorized; the same floats as HalfToFloat on every element.
      optimized_ops::HalfToFloat(in, size, out);
      return kTfLiteOk;
    }
    default:
      MicroPrintf("DEQUANTIZE: input type %s is not supported",
                  TfLiteTypeGetName(input->type));
      return kTfLiteError;
  }
}

}  // namespace

TfLiteRegistration Register_DEQUANTIZE() {
  return micro::RegisterOp(Init, Prepare, Eval);
}

}  // namespace tflite
