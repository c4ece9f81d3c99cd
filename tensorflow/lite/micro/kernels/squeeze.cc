// SQUEEZE: drops dimensions of size 1 (those listed in the options, or all
// of them when none are listed). The data is copied unchanged.
#include <cstring>

#include "tensorflow/lite/core/c/builtin_op_data.h"
#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/movement_util.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace {

TfLiteStatus OutputShape(const TfLiteSqueezeParams* params,
                         const RuntimeShape& input_shape,
                         RuntimeShape* output_shape) {
  const int rank = input_shape.DimensionsCount();
  bool squeezed[RuntimeShape::kMaxDims] = {};
  const int listed = params == nullptr ? 0 : params->num_squeeze_dims;
  if (listed == 0) {
    for (int d = 0; d < rank; ++d) squeezed[d] = input_shape.Dims(d) == 1;
  }
  for (int i = 0; i < listed; ++i) {
    const int given = params->squeeze_dims[i];
    const int d = given < 0 ? given + rank : given;
    if (d < 0 || d >= rank) {
      MicroPrintf("SQUEEZE: dimension %d is out of range for a %d-D input",
                  given, rank);
      return kTfLiteError;
    }
    if (input_shape.Dims(d) != 1) {
      MicroPrintf("SQUEEZE: dimension %d has size %d, not 1", given,
                  static_cast<int>(input_shape.Dims(d)));
      return kTfLiteError;
    }
    squeezed[d] = true;
  }
  int out_rank = 0;
  for (int d = 0; d < rank; ++d) {
    if (!squeezed[d]) ++out_rank;
  }
  output_shape->Resize(out_rank);
  int k = 0;
  for (int d = 0; d < rank; ++d) {
    if (!squeezed[d]) output_shape->SetDim(k++, input_shape.Dims(d));
  }
  return kTfLiteOk;
}

TfLiteStatus Prepare(TfLiteContext* context, TfLiteNode* node) {
  TF_LITE_ENSURE_EQ(context, NumInputs(node), 1);
  TF_LITE_ENSURE_EQ(context, NumOutputs(node), 1);
  MicroContext* micro_context = GetMicroContext(context);
  micro_context->AllowOutputSharingInput();
  TfLiteTensor* input = micro_context->AllocateTempInputTensor(node, 0);
  TfLiteTensor* output = micro_context->AllocateTempOutputTensor(node, 0);
  TF_LITE_ENSURE(context, input != nullptr && output != nullptr);
  TF_LITE_ENSURE_STATUS(movement::CheckMovableType("SQUEEZE", "input",
                                                   input->type));
  TF_LITE_ENSURE_TYPES_EQ(context, input->type, output->type);
  RuntimeShape output_shape;
  TF_LITE_ENSURE_STATUS(OutputShape(
      static_cast<const TfLiteSqueezeParams*>(node->builtin_data),
      GetTensorShape(input), &output_shape));
  TF_LITE_ENSURE_STATUS(micro::SetOutputShape(context, output, output_shape));
  micro_context->DeallocateTempTfLiteTensor(output);
  micro_context->DeallocateTempTfLiteTensor(input);
  return kTfLiteOk;
}

TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  const TfLiteEvalTensor* input = micro::GetEvalInput(context, node, 0);
  TfLiteEvalTensor* output = micro::GetEvalOutput(context, node, 0);
  const size_t bytes = static_cast<size_t>(micro::ElementCount(*input->dims)) *
                       TfLiteTypeGetSize(input->type);
  if (output->data.raw != input->data.raw && bytes > 0) {
    std::memcpy(output->data.raw, input->data.raw, bytes);
  }
  return kTfLiteOk;
}

}  // namespace

TfLiteRegistration Register_SQUEEZE() {
  return micro::RegisterOp(nullptr, Prepare, Eval);
}

}  // namespace tflite
