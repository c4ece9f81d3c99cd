// UNPACK: splits the input along `axis` (negative counts from the end) into
// its `num` slices, each output dropping that dimension.
#include <cstdint>

#include "tensorflow/lite/core/c/builtin_op_data.h"
#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/micro/kernels/index_tensor_util.h"
#include "tensorflow/lite/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/movement_util.h"
#include "tensorflow/lite/micro/kernels/split_util.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace {

constexpr char kOp[] = "UNPACK";

struct OpData {
  int axis;
};

void* Init(TfLiteContext* context, const char*, size_t) {
  return context->AllocatePersistentBuffer(context, sizeof(OpData));
}

TfLiteStatus Prepare(TfLiteContext* context, TfLiteNode* node) {
  TF_LITE_ENSURE(context, node->user_data != nullptr);
  TF_LITE_ENSURE(context, node->builtin_data != nullptr);
  TF_LITE_ENSURE_EQ(context, NumInputs(node), 1);
  OpData* data = static_cast<OpData*>(node->user_data);
  const auto* params =
      static_cast<const TfLiteUnpackParams*>(node->builtin_data);
  micro::ScopedTempTensors temps(context);
  const TfLiteTensor* input = temps.Input(node, 0);
  TF_LITE_ENSURE(context, input != nullptr);
  const int rank = NumDimensions(input);
  if (!movement::IsMovableType(input->type)) {
    MicroPrintf("%s: type %s is not supported", kOp,
                TfLiteTypeGetName(input->type));
    return kTfLiteError;
  }
  TF_LITE_ENSURE_STATUS(
      micro::ResolveAxis(kOp, params->axis, rank, &data->axis));
  const int num = SizeOfDimension(input, data->axis);
  if (NumOutputs(node) != num || (params->num != 0 && params->num != num)) {
    MicroPrintf("%s: dimension %d has size %d but num is %d and the node has "
                "%d outputs",
                kOp, data->axis, num, params->num, NumOutputs(node));
    return kTfLiteError;
  }
  // The input's shape without the axis.
  RuntimeShape output_shape(rank - 1);
  for (int d = 0, o = 0; d < rank; ++d) {
    if (d != data->axis) output_shape.SetDim(o++, SizeOfDimension(input, d));
  }
  return micro::PrepareSplitOutputs(context, node, kOp, input, true,
                                    [&](int, RuntimeShape* shape) {
                                      *shape = output_shape;
                                      return kTfLiteOk;
                                    });
}

TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  const OpData& data = *static_cast<const OpData*>(node->user_data);
  return micro::SplitIntoOutputs(context, node,
                                 micro::GetEvalInput(context, node, 0),
                                 data.axis, /*drop_axis=*/true);
}

}  // namespace

TfLiteRegistration Register_UNPACK() {
  return micro::RegisterOp(Init, Prepare, Eval);
}

}  // namespace tflite
