// PACK: stacks values_count inputs of equal shape along a new dimension at
// `axis` (from -(rank + 1) to rank).
#include <cstdint>

#include "tensorflow/lite/core/c/builtin_op_data.h"
#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/kernels/internal/reference/concatenation.h"
#include "tensorflow/lite/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/movement_util.h"
#include "tensorflow/lite/micro/kernels/split_util.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace {

constexpr char kOp[] = "PACK";

struct OpData {
  int axis;
};

void* Init(TfLiteContext* context, const char*, size_t) {
  return context->AllocatePersistentBuffer(context, sizeof(OpData));
}

TfLiteStatus CheckInput(int index, const TfLiteTensor* first,
                        const TfLiteTensor* input,
                        const TfLiteTensor* output) {
  if (input->type != first->type) {
    MicroPrintf("%s: input %d is %s, input 0 is %s", kOp, index,
                TfLiteTypeGetName(input->type),
                TfLiteTypeGetName(first->type));
    return kTfLiteError;
  }
  if (!TfLiteIntArrayEqual(input->dims, first->dims)) {
    MicroPrintf("%s: input %d's shape differs from input 0's", kOp, index);
    return kTfLiteError;
  }
  if (!micro::SameQuantization(input, output)) {
    MicroPrintf("%s: input %d is quantized differently from the output", kOp,
                index);
    return kTfLiteError;
  }
  return kTfLiteOk;
}

TfLiteStatus Prepare(TfLiteContext* context, TfLiteNode* node) {
  TF_LITE_ENSURE(context, node->user_data != nullptr);
  TF_LITE_ENSURE(context, node->builtin_data != nullptr);
  OpData* data = static_cast<OpData*>(node->user_data);
  const auto* params = static_cast<const TfLitePackParams*>(node->builtin_data);
  const int count = NumInputs(node);
  if (count < 1 || params->values_count != count) {
    MicroPrintf("%s: values_count is %d but the node has %d inputs", kOp,
                params->values_count, count);
    return kTfLiteError;
  }
  TF_LITE_ENSURE_EQ(context, NumOutputs(node), 1);
  MicroContext* micro_context = GetMicroContext(context);
  TfLiteTensor* first = micro_context->AllocateTempInputTensor(node, 0);
  TfLiteTensor* output = micro_context->AllocateTempOutputTensor(node, 0);
  TF_LITE_ENSURE(context, first != nullptr && output != nullptr);
  const int rank = NumDimensions(first);
  data->axis = params->axis < 0 ? params->axis + rank + 1 : params->axis;
  TfLiteStatus status = kTfLiteOk;
  if (!movement::IsMovableType(first->type)) {
    MicroPrintf("%s: type %s is not supported", kOp,
                TfLiteTypeGetName(first->type));
    status = kTfLiteError;
  } else if (output->type != first->type) {
    MicroPrintf("%s: output type %s differs from input type %s", kOp,
                TfLiteTypeGetName(output->type),
                TfLiteTypeGetName(first->type));
    status = kTfLiteError;
  } else if (data->axis < 0 || data->axis > rank) {
    MicroPrintf("%s: axis %d is out of range for %d-D inputs", kOp,
                params->axis, rank);
    status = kTfLiteError;
  } else if (rank + 1 > RuntimeShape::kMaxDims) {
    MicroPrintf("%s: the output would have too many dimensions", kOp);
    status = kTfLiteError;
  }
  for (int i = 0; status == kTfLiteOk && i < count; ++i) {
    TfLiteTensor* input =
        i == 0 ? first : micro_context->AllocateTempInputTensor(node, i);
    if (input == nullptr) {
      MicroPrintf("%s: input %d is missing", kOp, i);
      status = kTfLiteError;
      break;
    }
    status = CheckInput(i, first, input, output);
    if (i != 0) micro_context->DeallocateTempTfLiteTensor(input);
  }
  if (status == kTfLiteOk) {
    RuntimeShape output_shape(rank + 1);
    for (int d = 0, in = 0; d <= rank; ++d) {
      output_shape.SetDim(d, d == data->axis ? count
                                             : SizeOfDimension(first, in++));
    }
    status = micro::SetOutputShape(context, output, output_shape);
  }
  micro_context->DeallocateTempTfLiteTensor(output);
  micro_context->DeallocateTempTfLiteTensor(first);
  return status;
}

TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  const OpData& data = *static_cast<const OpData*>(node->user_data);
  TfLiteEvalTensor* output = micro::GetEvalOutput(context, node, 0);
  const RuntimeShape shape = micro::GetTensorShape(output);
  const int element = static_cast<int>(TfLiteTypeGetSize(output->type));
  const int outer = micro::OuterSize(shape, data.axis);
  const int inner = micro::InnerSize(shape, data.axis) * element;
  const int count = NumInputs(node);
  for (int i = 0; i < count; ++i) {
    reference_ops::ConcatenationCopyInput(
        outer, inner, count * inner, i * inner,
        micro::GetTensorData<uint8_t>(micro::GetEvalInput(context, node, i)),
        micro::GetTensorData<uint8_t>(output));
  }
  return kTfLiteOk;
}

}  // namespace

TfLiteRegistration Register_PACK() {
  return micro::RegisterOp(Init, Prepare, Eval);
}

}  // namespace tflite
