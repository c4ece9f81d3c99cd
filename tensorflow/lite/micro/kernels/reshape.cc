// RESHAPE: same data, new shape. The shape comes from the second input (when
// it is a constant), else from the options, else from the model's output
// shape; one dimension may be -1 and is inferred.
#include <cstring>

#include "tensorflow/lite/core/c/builtin_op_data.h"
#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace {

TfLiteStatus TargetShape(TfLiteContext* context, TfLiteNode* node,
                         const TfLiteTensor* output, RuntimeShape* shape) {
  MicroContext* micro_context = GetMicroContext(context);
  TfLiteTensor* shape_tensor =
      NumInputs(node) == 2 ? micro_context->AllocateTempInputTensor(node, 1)
                           : nullptr;
  const auto* params =
      static_cast<const TfLiteReshapeParams*>(node->builtin_data);
  if (shape_tensor != nullptr && shape_tensor->data.raw != nullptr &&
      NumDimensions(shape_tensor) <= 1) {
    if (shape_tensor->type != kTfLiteInt32) {
      MicroPrintf("RESHAPE: the shape input must be int32, not %s",
                  TfLiteTypeGetName(shape_tensor->type));
      return kTfLiteError;
    }
    const int rank = static_cast<int>(NumElements(shape_tensor));
    if (rank > RuntimeShape::kMaxDims) {
      MicroPrintf("RESHAPE: %d dimensions requested, at most %d supported",
                  rank, RuntimeShape::kMaxDims);
      return kTfLiteError;
    }
    shape->ReplaceWith(rank, GetTensorData<int32_t>(shape_tensor));
  } else if (shape_tensor == nullptr && params != nullptr &&
             params->num_dimensions > 0) {
    shape->ReplaceWith(params->num_dimensions, params->shape);
  } else {
    // Shape computed at run time or not given: the model states it.
    *shape = GetTensorShape(output);
  }
  if (shape_tensor != nullptr) {
    micro_context->DeallocateTempTfLiteTensor(shape_tensor);
  }
  return kTfLiteOk;
}

TfLiteStatus Prepare(TfLiteContext* context, TfLiteNode* node) {
  TF_LITE_ENSURE(context, NumInputs(node) == 1 || NumInputs(node) == 2);
  TF_LITE_ENSURE_EQ(context, NumOutputs(node), 1);
  MicroContext* micro_context = GetMicroContext(context);
  micro_context->AllowOutputSharingInput();
  TfLiteTensor* input = micro_context->AllocateTempInputTensor(node, 0);
  TfLiteTensor* output = micro_context->AllocateTempOutputTensor(node, 0);
  TF_LITE_ENSURE(context, input != nullptr && output != nullptr);
  TF_LITE_ENSURE_TYPES_EQ(context, input->type, output->type);

  RuntimeShape shape;
  TF_LITE_ENSURE_STATUS(TargetShape(context, node, output, &shape));
  const int64_t input_elements = NumElements(input);
  int stretch_dim = -1;
  int64_t known = 1;
  for (int i = 0; i < shape.DimensionsCount(); ++i) {
    const int value = shape.Dims(i);
    if (value == -1) {
      if (stretch_dim != -1) {
        MicroPrintf("RESHAPE: more than one dimension is -1");
        return kTfLiteError;
      }
      stretch_dim = i;
    } else if (value < 0) {
      MicroPrintf("RESHAPE: dimension %d is %d", i, value);
      return kTfLiteError;
    } else {
      known *= value;
    }
  }
  if (stretch_dim != -1) {
    if (known == 0 || input_elements % known != 0) {
      MicroPrintf("RESHAPE: cannot infer dimension %d for %d elements",
                  stretch_dim, static_cast<int>(input_elements));
      return kTfLiteError;
    }
    shape.SetDim(stretch_dim, static_cast<int32_t>(input_elements / known));
    known = input_elements;
  }
  // Legacy models write [0] to mean a scalar.
  if (known != input_elements && input_elements == 1 &&
      shape.DimensionsCount() == 1 && shape.Dims(0) == 0) {
    shape.Resize(0);
    known = 1;
  }
  if (known != input_elements) {
    MicroPrintf("RESHAPE: input has %d elements but the new shape holds %d",
                static_cast<int>(input_elements), static_cast<int>(known));
    return kTfLiteError;
  }
  TF_LITE_ENSURE_STATUS(micro::SetOutputShape(context, output, shape));
  micro_context->DeallocateTempTfLiteTensor(output);
  micro_context->DeallocateTempTfLiteTensor(input);
  return kTfLiteOk;
}

TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  const TfLiteEvalTensor* input = micro::GetEvalInput(context, node, 0);
  TfLiteEvalTensor* output = micro::GetEvalOutput(context, node, 0);
  const size_t bytes = static_cast<size_t>(micro::ElementCount(*input->dims)) *
                       TfLiteTypeGetSize(input->type);
  if (output->data.raw != input->data.raw) {
    std::memcpy(output->data.raw, input->data.raw, bytes);
  }
  return kTfLiteOk;
}

}  // namespace

TfLiteRegistration Register_RESHAPE() {
  return micro::RegisterOp(nullptr, Prepare, Eval);
}

}  // namespace tflite
