// TRANSPOSE: permutes the input's dimensions; perm (int32 or int64, 1-D)
// lists for each output dimension the input dimension it takes. Any element
// type that only needs moving, up to the framework's 8 dimensions (TFLite
// stops at 6). A constant perm fixes the output shape while preparing; a
// perm computed at run time is checked against the model's output shape.
#include "tensorflow/lite/kernels/internal/optimized/transpose.h"

#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/movement_util.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace {

constexpr char kOp[] = "TRANSPOSE";

struct OpData {
  bool perm_is_constant;
  TransposeParams params;
};

void* Init(TfLiteContext* context, const char*, size_t) {
  return context->AllocatePersistentBuffer(context, sizeof(OpData));
}

// Reads and checks perm; fills `params` and the permuted shape.
TfLiteStatus ReadPerm(const RuntimeShape& input_shape, TfLiteType type,
                      const TfLiteIntArray* dims, const void* data,
                      TransposeParams* params, RuntimeShape* output_shape) {
  if (dims == nullptr || dims->size != 1) {
    MicroPrintf("%s: perm must be 1-D", kOp);
    return kTfLiteError;
  }
  int32_t perm[RuntimeShape::kMaxDims];
  int count = 0;
  TF_LITE_ENSURE_STATUS(movement::ReadIntVector(
      kOp, "perm", type, dims, data, RuntimeShape::kMaxDims, perm, &count));
  const int rank = input_shape.DimensionsCount();
  if (count != rank) {
    MicroPrintf("%s: perm has %d entries but the input has %d dimensions",
                kOp, count, rank);
    return kTfLiteError;
  }
  bool used[RuntimeShape::kMaxDims] = {};
  for (int k = 0; k < rank; ++k) {
    if (perm[k] < 0 || perm[k] >= rank) {
      MicroPrintf("%s: perm[%d] = %d is out of range for %d dimensions", kOp,
                  k, static_cast<int>(perm[k]), rank);
      return kTfLiteError;
    }
    if (used[perm[k]]) {
      MicroPrintf("%s: perm names dimension %d twice", kOp,
                  static_cast<int>(perm[k]));
      return kTfLiteError;
    }
    used[perm[k]] = true;
  }
  params->perm_count = static_cast<int8_t>(rank);
  output_shape->Resize(rank);
  for (int k = 0; k < rank; ++k) {
    params->perm[k] = perm[k];
    output_shape->SetDim(k, input_shape.Dims(perm[k]));
  }
  return kTfLiteOk;
}

TfLiteStatus Prepare(TfLiteContext* context, TfLiteNode* node) {
  TF_LITE_ENSURE(context, node->user_data != nullptr);
  OpData* data = static_cast<OpData*>(node->user_data);
  TF_LITE_ENSURE_EQ(context, NumInputs(node), 2);
  TF_LITE_ENSURE_EQ(context, NumOutputs(node), 1);
  MicroContext* micro_context = GetMicroContext(context);
  TfLiteTensor* input = micro_context->AllocateTempInputTensor(node, 0);
  TfLiteTensor* perm = micro_context->AllocateTempInputTensor(node, 1);
  TfLiteTensor* output = micro_context->AllocateTempOutputTensor(node, 0);
  TF_LITE_ENSURE(context,
                 input != nullptr && perm != nullptr && output != nullptr);
  TF_LITE_ENSURE_STATUS(movement::CheckMovableType(kOp, "input", input->type));
  TF_LITE_ENSURE_TYPES_EQ(context, input->type, output->type);
  if (perm->type != kTfLiteInt32 && perm->type != kTfLiteInt64) {
    MicroPrintf("%s: perm must be int32 or int64, not %s", kOp,
                TfLiteTypeGetName(perm->type));
    return kTfLiteError;
  }
  data->perm_is_constant = movement::HasConstantData(perm);
  if (data->perm_is_constant) {
    RuntimeShape output_shape;
    TF_LITE_ENSURE_STATUS(ReadPerm(GetTensorShape(input), perm->type,
                                   perm->dims, perm->data.raw, &data->params,
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
  micro_context->DeallocateTempTfLiteTensor(perm);
  micro_context->DeallocateTempTfLiteTensor(input);
  return kTfLiteOk;
}

TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  const OpData& data = *static_cast<const OpData*>(node->user_data);
  const TfLiteEvalTensor* input = micro::GetEvalInput(context, node, 0);
  const TfLiteEvalTensor* perm = micro::GetEvalInput(context, node, 1);
  TfLiteEvalTensor* output = micro::GetEvalOutput(context, node, 0);
  const RuntimeShape input_shape = micro::GetTensorShape(input);
  TransposeParams params = data.params;
  if (!data.perm_is_constant) {
    RuntimeShape output_shape;
    TF_LITE_ENSURE_STATUS(ReadPerm(input_shape, perm->type, perm->dims,
                                   perm->data.raw, &params, &output_shape));
    TF_LITE_ENSURE_STATUS(
        movement::CheckResultShape(kOp, output, output_shape));
  }
  const RuntimeShape output_shape = micro::GetTensorShape(output);
  return movement::ForElementSize(input->type, [&](auto zero) {
    using T = decltype(zero);
    // Row copies and tiles; the same output as reference_ops::Transpose.
    optimized_ops::Transpose(params, input_shape,
                             micro::GetTensorData<T>(input), output_shape,
                             micro::GetTensorData<T>(output));
  });
}

}  // namespace

TfLiteRegistration Register_TRANSPOSE() {
  return micro::RegisterOp(Init, Prepare, Eval);
}

}  // namespace tflite
