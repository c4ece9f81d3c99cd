// MIRROR_PAD: pads each dimension with a mirror image of the input, leaving
// out the edge element (REFLECT) or repeating it (SYMMETRIC). Paddings are an
// int32 or int64 [rank, 2] input; REFLECT allows at most size - 1 on each
// side, SYMMETRIC at most size.
#include <cstdint>

#include "tensorflow/lite/core/c/builtin_op_data.h"
#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/kernels/internal/optimized/pad.h"
#include "tensorflow/lite/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/index_tensor_util.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/pad_util.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace {

constexpr char kOp[] = "MIRROR_PAD";

struct OpData {
  reference_ops::PadSpec spec;
  bool reflect;
  bool paddings_constant;
};

void* Init(TfLiteContext* context, const char*, size_t) {
  return context->AllocatePersistentBuffer(context, sizeof(OpData));
}

bool IsSupportedType(TfLiteType type) {
  switch (type) {
    case kTfLiteFloat32:
    case kTfLiteInt8:
    case kTfLiteUInt8:
    case kTfLiteInt16:
    case kTfLiteInt32:
    case kTfLiteInt64:
      return true;
    default:
      return false;
  }
}

TfLiteStatus Prepare(TfLiteContext* context, TfLiteNode* node) {
  TF_LITE_ENSURE(context, node->user_data != nullptr);
  TF_LITE_ENSURE(context, node->builtin_data != nullptr);
  OpData* data = static_cast<OpData*>(node->user_data);
  const auto* params =
      static_cast<const TfLiteMirrorPaddingParams*>(node->builtin_data);
  TF_LITE_ENSURE_EQ(context, NumInputs(node), 2);
  TF_LITE_ENSURE_EQ(context, NumOutputs(node), 1);
  if (params->mode != kTfLiteMirrorPaddingReflect &&
      params->mode != kTfLiteMirrorPaddingSymmetric) {
    MicroPrintf("%s: unknown padding mode %d", kOp,
                static_cast<int>(params->mode));
    return kTfLiteError;
  }
  data->reflect = params->mode == kTfLiteMirrorPaddingReflect;

  MicroContext* micro_context = GetMicroContext(context);
  TfLiteTensor* input = micro_context->AllocateTempInputTensor(node, 0);
  TfLiteTensor* paddings = micro_context->AllocateTempInputTensor(node, 1);
  TfLiteTensor* output = micro_context->AllocateTempOutputTensor(node, 0);
  TF_LITE_ENSURE(context, input != nullptr && paddings != nullptr &&
                              output != nullptr);
  TfLiteStatus status = kTfLiteOk;
  const int rank = NumDimensions(input);
  if (!IsSupportedType(input->type)) {
    MicroPrintf("%s: type %s is not supported", kOp,
                TfLiteTypeGetName(input->type));
    status = kTfLiteError;
  } else if (output->type != input->type) {
    MicroPrintf("%s: output type %s differs from input type %s", kOp,
                TfLiteTypeGetName(output->type),
                TfLiteTypeGetName(input->type));
    status = kTfLiteError;
  } else {
    status =
        micro::CheckPaddingsTensor(kOp, paddings->type, paddings->dims, rank);
  }
  if (status == kTfLiteOk) {
    data->paddings_constant = micro::IsConstant(paddings);
    if (data->paddings_constant) {
      RuntimeShape output_shape;
      status = micro::ReadPaddings(kOp, paddings->data.raw, paddings->type,
                                   GetTensorShape(input), data->reflect ? 1 : 0,
                                   &data->spec, &output_shape);
      if (status == kTfLiteOk) {
        status = micro::SetOutputShape(context, output, output_shape);
      }
    } else if (NumDimensions(output) != rank) {
      MicroPrintf("%s: output has %d dimensions, input %d", kOp,
                  NumDimensions(output), rank);
      status = kTfLiteError;
    }
  }
  micro_context->DeallocateTempTfLiteTensor(output);
  micro_context->DeallocateTempTfLiteTensor(paddings);
  micro_context->DeallocateTempTfLiteTensor(input);
  return status;
}

template <typename T>
void EvalTyped(const OpData& data, const TfLiteEvalTensor* input,
               TfLiteEvalTensor* output) {
  // Row copies; the same output as reference_ops::MirrorPad.
  optimized_ops::MirrorPad(data.spec, data.reflect,
                           micro::GetTensorShape(input),
                           micro::GetTensorData<T>(input),
                           micro::GetTensorShape(output),
                           micro::GetTensorData<T>(output));
}

TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  OpData* data = static_cast<OpData*>(node->user_data);
  const TfLiteEvalTensor* input = micro::GetEvalInput(context, node, 0);
  TfLiteEvalTensor* output = micro::GetEvalOutput(context, node, 0);
  if (!data->paddings_constant) {
    const TfLiteEvalTensor* paddings = micro::GetEvalInput(context, node, 1);
    RuntimeShape shape;
    TF_LITE_ENSURE_STATUS(micro::ReadPaddings(
        kOp, paddings->data.raw, paddings->type, micro::GetTensorShape(input),
        data->reflect ? 1 : 0, &data->spec, &shape));
    if (shape != micro::GetTensorShape(output)) {
      MicroPrintf("%s: the paddings give an output shape other than the "
                  "model's",
                  kOp);
      return kTfLiteError;
    }
  }
  switch (input->type) {
    case kTfLiteFloat32:
      EvalTyped<float>(*data, input, output);
      break;
    case kTfLiteInt8:
      EvalTyped<int8_t>(*data, input, output);
      break;
    case kTfLiteUInt8:
      EvalTyped<uint8_t>(*data, input, output);
      break;
    case kTfLiteInt16:
      EvalTyped<int16_t>(*data, input, output);
      break;
    case kTfLiteInt32:
      EvalTyped<int32_t>(*data, input, output);
      break;
    case kTfLiteInt64:
      EvalTyped<int64_t>(*data, input, output);
      break;
    default:
      MicroPrintf("%s: type %s is not supported", kOp,
                  TfLiteTypeGetName(input->type));
      return kTfLiteError;
  }
  return kTfLiteOk;
}

}  // namespace

TfLiteRegistration Register_MIRROR_PAD() {
  return micro::RegisterOp(Init, Prepare, Eval);
}

}  // namespace tflite
