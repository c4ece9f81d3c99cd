#include "examples/tflm_style_op/affine_clip.h"

#include <cstdint>

#include "tensorflow/lite/c/common.h"
#include "tensorflow/lite/kernels/internal/compatibility.h"
#include "tensorflow/lite/micro/flatbuffer_utils.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/micro_context.h"
#include "tensorflow/lite/micro/micro_log.h"
#include "tensorflow/lite/micro/micro_utils.h"

namespace tflm_style_op {
namespace {

constexpr int kInputTensor = 0;
constexpr int kOutputTensor = 0;

// Map values in key order: lower, offset, scale, upper.
constexpr int kLowerIndex = 0;
constexpr int kOffsetIndex = 1;
constexpr int kScaleIndex = 2;
constexpr int kUpperIndex = 3;

struct OpData {
  float scale;
  float offset;
  float lower;
  float upper;
  // int8 only: the tensors' quantization.
  float input_scale;
  int32_t input_zero_point;
  float output_scale;
  int32_t output_zero_point;
};

void* Init(TfLiteContext* context, const char* buffer, size_t length) {
  if (buffer == nullptr || length == 0) {
    MicroPrintf("AFFINE_CLIP needs its options");
    return nullptr;
  }
  void* memory = context->AllocatePersistentBuffer(context, sizeof(OpData));
  if (memory == nullptr) return nullptr;
  OpData* data = static_cast<OpData*>(memory);
  const tflite::FlexbufferWrapper options(
      reinterpret_cast<const uint8_t*>(buffer), length);
  data->lower = options.ElementAsFloat(kLowerIndex);
  data->offset = options.ElementAsFloat(kOffsetIndex);
  data->scale = options.ElementAsFloat(kScaleIndex);
  data->upper = options.ElementAsFloat(kUpperIndex);
  return data;
}

TfLiteStatus Prepare(TfLiteContext* context, TfLiteNode* node) {
  TF_LITE_ENSURE(context, node->user_data != nullptr);
  TF_LITE_ENSURE_EQ(context, node->inputs->size, 1);
  TF_LITE_ENSURE_EQ(context, node->outputs->size, 1);
  OpData* data = static_cast<OpData*>(node->user_data);
  TF_LITE_ENSURE(context, data->lower <= data->upper);

  tflite::MicroContext* micro_context = tflite::GetMicroContext(context);
  TfLiteTensor* input =
      micro_context->AllocateTempInputTensor(node, kInputTensor);
  TF_LITE_ENSURE(context, input != nullptr);
  TfLiteTensor* output =
      micro_context->AllocateTempOutputTensor(node, kOutputTensor);
  TF_LITE_ENSURE(context, output != nullptr);
  TfLiteStatus status = kTfLiteOk;
  if (input->type != output->type ||
      (input->type != kTfLiteFloat32 && input->type != kTfLiteInt8) ||
      tflite::ElementCount(*input->dims) !=
          tflite::ElementCount(*output->dims)) {
    MicroPrintf("AFFINE_CLIP: input and output must be float32 or int8 of "
                "the same size");
    status = kTfLiteError;
  } else if (input->type == kTfLiteInt8) {
    data->input_scale = input->params.scale;
    data->input_zero_point = input->params.zero_point;
    data->output_scale = output->params.scale;
    data->output_zero_point = output->params.zero_point;
    if (data->input_scale <= 0.f || data->output_scale <= 0.f) {
      MicroPrintf("AFFINE_CLIP: int8 tensors need a quantization scale");
      status = kTfLiteError;
    }
  }
  micro_context->DeallocateTempTfLiteTensor(input);
  micro_context->DeallocateTempTfLiteTensor(output);
  return status;
}

float Apply(const OpData& data, float x) {
  const float y = x * data.scale + data.offset;
  return y < data.lower ? data.lower : (y > data.upper ? data.upper : y);
}

TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  const OpData& data = *static_cast<const OpData*>(node->user_data);
  const TfLiteEvalTensor* input =
      tflite::micro::GetEvalInput(context, node, kInputTensor);
  TfLiteEvalTensor* output =
      tflite::micro::GetEvalOutput(context, node, kOutputTensor);
  const int count = tflite::ElementCount(*input->dims);
  if (input->type == kTfLiteFloat32) {
    const float* in = tflite::micro::GetTensorData<float>(input);
    float* out = tflite::micro::GetTensorData<float>(output);
    for (int i = 0; i < count; ++i) out[i] = Apply(data, in[i]);
    return kTfLiteOk;
  }
  const int8_t* in = tflite::micro::GetTensorData<int8_t>(input);
  int8_t* out = tflite::micro::GetTensorData<int8_t>(output);
  for (int i = 0; i < count; ++i) {
    float x = 0.f;
    tflite::Dequantize(&in[i], 1, data.input_scale, data.input_zero_point, &x);
    out[i] = tflite::FloatToQuantizedType<int8_t>(
        Apply(data, x), data.output_scale, data.output_zero_point);
  }
  return kTfLiteOk;
}

}  // namespace

TFLMRegistration* Register_AFFINE_CLIP() {
  static TFLMRegistration registration =
      tflite::micro::RegisterOp(Init, Prepare, Eval);
  return &registration;
}

}  // namespace tflm_style_op
