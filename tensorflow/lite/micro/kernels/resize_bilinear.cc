// RESIZE_BILINEAR: resizes the height and width of an NHWC tensor to the
// size input ([new_height, new_width], int32) by bilinear interpolation.
// float32 in float; int8 and int16 in TFLite's fixed point (10 fractional
// bits per coordinate); uint8 as TFLite's reference does. align_corners and
// half_pixel_centers cannot both be set. A constant size fixes the output
// shape while preparing; a size computed at run time is checked against the
// model's output shape.
#include "tensorflow/lite/core/c/builtin_op_data.h"
#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/kernels/internal/reference/resize.h"
#include "tensorflow/lite/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/movement_util.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace {

constexpr char kOp[] = "RESIZE_BILINEAR";
constexpr int kInputTensor = 0;
constexpr int kSizeTensor = 1;

struct OpData {
  bool size_is_constant;
};

void* Init(TfLiteContext* context, const char*, size_t) {
  return context->AllocatePersistentBuffer(context, sizeof(OpData));
}

TfLiteStatus OutputShape(const RuntimeShape& input_shape, TfLiteType type,
                         const TfLiteIntArray* dims, const void* data,
                         RuntimeShape* output_shape) {
  if (type != kTfLiteInt32 || dims == nullptr || dims->size != 1 ||
      dims->data[0] != 2) {
    MicroPrintf("%s: size must be an int32 tensor of shape [2]", kOp);
    return kTfLiteError;
  }
  int32_t size[2];
  TF_LITE_ENSURE_STATUS(
      movement::ReadIntValues(kOp, "size", type, data, 2, size));
  if (size[0] < 1 || size[1] < 1) {
    MicroPrintf("%s: size [%d, %d] must be positive", kOp,
                static_cast<int>(size[0]), static_cast<int>(size[1]));
    return kTfLiteError;
  }
  *output_shape = RuntimeShape(
      {input_shape.Dims(0), size[0], size[1], input_shape.Dims(3)});
  return kTfLiteOk;
}

TfLiteStatus Prepare(TfLiteContext* context, TfLiteNode* node) {
  TF_LITE_ENSURE(context, node->user_data != nullptr);
  TF_LITE_ENSURE(context, node->builtin_data != nullptr);
  OpData* data = static_cast<OpData*>(node->user_data);
  const auto* params =
      static_cast<const TfLiteResizeBilinearParams*>(node->builtin_data);
  TF_LITE_ENSURE_EQ(context, NumInputs(node), 2);
  TF_LITE_ENSURE_EQ(context, NumOutputs(node), 1);
  MicroContext* micro_context = GetMicroContext(context);
  TfLiteTensor* input =
      micro_context->AllocateTempInputTensor(node, kInputTensor);
  TfLiteTensor* size = micro_context->AllocateTempInputTensor(node, kSizeTensor);
  TfLiteTensor* output = micro_context->AllocateTempOutputTensor(node, 0);
  TF_LITE_ENSURE(context,
                 input != nullptr && size != nullptr && output != nullptr);
  if (input->type != kTfLiteFloat32 && input->type != kTfLiteInt8 &&
      input->type != kTfLiteInt16 && input->type != kTfLiteUInt8) {
    MicroPrintf("%s: input type %s is not supported", kOp,
                TfLiteTypeGetName(input->type));
    return kTfLiteError;
  }
  TF_LITE_ENSURE_TYPES_EQ(context, input->type, output->type);
  if (NumDimensions(input) != 4) {
    MicroPrintf("%s: the input must be 4-D (NHWC), not %d-D", kOp,
                NumDimensions(input));
    return kTfLiteError;
  }
  if (SizeOfDimension(input, 1) < 1 || SizeOfDimension(input, 2) < 1) {
    // There would be no pixel to sample from.
    MicroPrintf("%s: the input's height and width must be at least 1", kOp);
    return kTfLiteError;
  }
  if (params->align_corners && params->half_pixel_centers) {
    MicroPrintf("%s: align_corners and half_pixel_centers cannot both be set",
                kOp);
    return kTfLiteError;
  }
  data->size_is_constant = movement::HasConstantData(size);
  if (data->size_is_constant) {
    RuntimeShape output_shape;
    TF_LITE_ENSURE_STATUS(OutputShape(GetTensorShape(input), size->type,
                                      size->dims, size->data.raw,
                                      &output_shape));
    TF_LITE_ENSURE_STATUS(
        micro::SetOutputShape(context, output, output_shape));
  } else if (NumDimensions(output) != 4) {
    MicroPrintf("%s: the output tensor must be 4-D", kOp);
    return kTfLiteError;
  }
  micro_context->DeallocateTempTfLiteTensor(output);
  micro_context->DeallocateTempTfLiteTensor(size);
  micro_context->DeallocateTempTfLiteTensor(input);
  return kTfLiteOk;
}

TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  const OpData& data = *static_cast<const OpData*>(node->user_data);
  const auto* options =
      static_cast<const TfLiteResizeBilinearParams*>(node->builtin_data);
  const TfLiteEvalTensor* input =
      micro::GetEvalInput(context, node, kInputTensor);
  TfLiteEvalTensor* output = micro::GetEvalOutput(context, node, 0);
  const RuntimeShape input_shape = micro::GetTensorShape(input);
  if (!data.size_is_constant) {
    const TfLiteEvalTensor* size =
        micro::GetEvalInput(context, node, kSizeTensor);
    RuntimeShape output_shape;
    TF_LITE_ENSURE_STATUS(OutputShape(input_shape, size->type, size->dims,
                                      size->data.raw, &output_shape));
    TF_LITE_ENSURE_STATUS(
        movement::CheckResultShape(kOp, output, output_shape));
  }
  const RuntimeShape output_shape = micro::GetTensorShape(output);
  // The integer kernels compute source positions in 10-bit fixed point in
  // int32: sides must stay below 2^20.
  constexpr int kMaxSide = 1 << 20;
  if ((input->type == kTfLiteInt8 || input->type == kTfLiteInt16) &&
      (input_shape.Dims(1) >= kMaxSide || input_shape.Dims(2) >= kMaxSide ||
       output_shape.Dims(1) >= kMaxSide || output_shape.Dims(2) >= kMaxSide)) {
    MicroPrintf(
        "%s: integer resizing needs sides below %d, got %dx%d to %dx%d", kOp,
        kMaxSide, input_shape.Dims(1), input_shape.Dims(2),
                output_shape.Dims(1), output_shape.Dims(2));
    return kTfLiteError;
  }
  ResizeBilinearParams params;
  params.align_corners = options->align_corners;
  params.half_pixel_centers = options->half_pixel_centers;
  switch (input->type) {
    case kTfLiteFloat32:
      reference_ops::ResizeBilinear(
          params, input_shape, micro::GetTensorData<float>(input),
          output_shape, micro::GetTensorData<float>(output));
      return kTfLiteOk;
    case kTfLiteUInt8:
      reference_ops::ResizeBilinear(
          params, input_shape, micro::GetTensorData<uint8_t>(input),
          output_shape, micro::GetTensorData<uint8_t>(output));
      return kTfLiteOk;
    case kTfLiteInt8:
      reference_ops::ResizeBilinearInteger(
          params, input_shape, micro::GetTensorData<int8_t>(input),
          output_shape, micro::GetTensorData<int8_t>(output));
      return kTfLiteOk;
    case kTfLiteInt16:
      reference_ops::ResizeBilinearInteger(
          params, input_shape, micro::GetTensorData<int16_t>(input),
          output_shape, micro::GetTensorData<int16_t>(output));
      return kTfLiteOk;
    default:
      MicroPrintf("%s: input type %s is not supported", kOp,
                  TfLiteTypeGetName(input->type));
      return kTfLiteError;
  }
}

}  // namespace

TfLiteRegistration Register_RESIZE_BILINEAR() {
  return micro::RegisterOp(Init, Prepare, Eval);
}

}  // namespace tflite
