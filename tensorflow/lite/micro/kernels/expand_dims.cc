// EXPAND_DIMS: inserts a dimension of size 1 at the position given by the
// axis input (int32 or int64, one value in [-rank - 1, rank]). The data is
// copied unchanged. A constant axis fixes the output shape while preparing;
// an axis computed at run time is checked against the model's output shape.
#include <cstring>

#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/movement_util.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace {

constexpr char kOp[] = "EXPAND_DIMS";

struct OpData {
  bool axis_is_constant;
};

void* Init(TfLiteContext* context, const char*, size_t) {
  return context->AllocatePersistentBuffer(context, sizeof(OpData));
}

TfLiteStatus OutputShape(const RuntimeShape& input_shape, TfLiteType axis_type,
                         const TfLiteIntArray* axis_dims,
                         const void* axis_data, RuntimeShape* output_shape) {
  int32_t axis;
  int count = 0;
  TF_LITE_ENSURE_STATUS(movement::ReadIntVector(
      kOp, "axis", axis_type, axis_dims, axis_data, 1, &axis, &count));
  if (count != 1) {
    MicroPrintf("%s: axis must hold one value, not %d", kOp, count);
    return kTfLiteError;
  }
  const int rank = input_shape.DimensionsCount();
  const int position = axis < 0 ? axis + rank + 1 : axis;
  if (position < 0 || position > rank) {
    MicroPrintf("%s: axis %d is out of range for a %d-D input", kOp,
                static_cast<int>(axis), rank);
    return kTfLiteError;
  }
  if (rank + 1 > RuntimeShape::kMaxDims) {
    MicroPrintf("%s: the output would have %d dimensions, at most %d are "
                "supported", kOp, rank + 1, RuntimeShape::kMaxDims);
    return kTfLiteError;
  }
  output_shape->Resize(rank + 1);
  for (int d = 0, k = 0; d <= rank; ++d) {
    output_shape->SetDim(d, d == position ? 1 : input_shape.Dims(k++));
  }
  return kTfLiteOk;
}

TfLiteStatus Prepare(TfLiteContext* context, TfLiteNode* node) {
  TF_LITE_ENSURE(context, node->user_data != nullptr);
  OpData* data = static_cast<OpData*>(node->user_data);
  TF_LITE_ENSURE_EQ(context, NumInputs(node), 2);
  TF_LITE_ENSURE_EQ(context, NumOutputs(node), 1);
  MicroContext* micro_context = GetMicroContext(context);
  micro_context->AllowOutputSharingInput();
  TfLiteTensor* input = micro_context->AllocateTempInputTensor(node, 0);
  TfLiteTensor* axis = micro_context->AllocateTempInputTensor(node, 1);
  TfLiteTensor* output = micro_context->AllocateTempOutputTensor(node, 0);
  TF_LITE_ENSURE(context,
                 input != nullptr && axis != nullptr && output != nullptr);
  TF_LITE_ENSURE_STATUS(movement::CheckMovableType(kOp, "input", input->type));
  TF_LITE_ENSURE_TYPES_EQ(context, input->type, output->type);
  if ((input->type == kTfLiteInt8 || input->type == kTfLiteUInt8 ||
       input->type == kTfLiteInt16) &&
      (input->params.scale != output->params.scale ||
       input->params.zero_point != output->params.zero_point)) {
    // The values are copied as they are (TFLite checks this too).
    MicroPrintf("%s: input and output must have the same quantization", kOp);
    return kTfLiteError;
  }
  if (axis->type != kTfLiteInt32 && axis->type != kTfLiteInt64) {
    MicroPrintf("%s: axis must be int32 or int64, not %s", kOp,
                TfLiteTypeGetName(axis->type));
    return kTfLiteError;
  }
  data->axis_is_constant = movement::HasConstantData(axis);
  if (data->axis_is_constant) {
    RuntimeShape output_shape;
    TF_LITE_ENSURE_STATUS(OutputShape(GetTensorShape(input), axis->type,
                                      axis->dims, axis->data.raw,
                                      &output_shape));
    TF_LITE_ENSURE_STATUS(
        micro::SetOutputShape(context, output, output_shape));
  } else if (NumElements(output) != NumElements(input)) {
    MicroPrintf("%s: the output tensor holds %d elements, the input %d", kOp,
                static_cast<int>(NumElements(output)),
                static_cast<int>(NumElements(input)));
    return kTfLiteError;
  }
  micro_context->DeallocateTempTfLiteTensor(output);
  micro_context->DeallocateTempTfLiteTensor(axis);
  micro_context->DeallocateTempTfLiteTensor(input);
  return kTfLiteOk;
}

TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  const OpData& data = *static_cast<const OpData*>(node->user_data);
  const TfLiteEvalTensor* input = micro::GetEvalInput(context, node, 0);
  const TfLiteEvalTensor* axis = micro::GetEvalInput(context, node, 1);
  TfLiteEvalTensor* output = micro::GetEvalOutput(context, node, 0);
  if (!data.axis_is_constant) {
    RuntimeShape output_shape;
    TF_LITE_ENSURE_STATUS(OutputShape(micro::GetTensorShape(input),
                                      axis->type, axis->dims, axis->data.raw,
                                      &output_shape));
    TF_LITE_ENSURE_STATUS(
        movement::CheckResultShape(kOp, output, output_shape));
  }
  const size_t bytes = static_cast<size_t>(micro::ElementCount(*input->dims)) *
                       TfLiteTypeGetSize(input->type);
  if (output->data.raw != input->data.raw && bytes > 0) {
    std::memcpy(output->data.raw, input->data.raw, bytes);
  }
  return kTfLiteOk;
}

}  // namespace

TfLiteRegistration Register_EXPAND_DIMS() {
  return micro::RegisterOp(Init, Prepare, Eval);
}

}  // namespace tflite
