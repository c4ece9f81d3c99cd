// SPLIT: divides the input (input 1) into num_splits equal parts along the
// axis given by input 0 (an int32 or int64 scalar; negative counts from the
// end). A run-time axis is checked against the model's output shapes at each
// invoke.
#include <cstdint>

#include "tensorflow/lite/core/c/builtin_op_data.h"
#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/index_tensor_util.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/movement_util.h"
#include "tensorflow/lite/micro/kernels/split_util.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace {

constexpr char kOp[] = "SPLIT";
constexpr int kAxisTensor = 0;
constexpr int kInputTensor = 1;

struct OpData {
  bool axis_constant;
  int axis;
};

void* Init(TfLiteContext* context, const char*, size_t) {
  return context->AllocatePersistentBuffer(context, sizeof(OpData));
}

// The axis, which must split the input's dimension into num_splits equal
// parts.
TfLiteStatus ResolveAxis(const void* data, TfLiteType type,
                         const RuntimeShape& input_shape, int num_splits,
                         int* axis) {
  TF_LITE_ENSURE_STATUS(
      micro::ResolveAxis(kOp, micro::IndexValue(data, type, 0),
                         input_shape.DimensionsCount(), axis));
  if (input_shape.Dims(*axis) % num_splits != 0) {
    MicroPrintf("%s: dimension %d of size %d does not split into %d parts",
                kOp, *axis, input_shape.Dims(*axis), num_splits);
    return kTfLiteError;
  }
  return kTfLiteOk;
}

// The input's shape with the axis divided into num_splits parts.
RuntimeShape SplitShape(const RuntimeShape& input_shape, int axis,
                        int num_splits) {
  RuntimeShape shape = input_shape;
  shape.SetDim(axis, input_shape.Dims(axis) / num_splits);
  return shape;
}

TfLiteStatus Prepare(TfLiteContext* context, TfLiteNode* node) {
  TF_LITE_ENSURE(context, node->user_data != nullptr);
  TF_LITE_ENSURE(context, node->builtin_data != nullptr);
  OpData* data = static_cast<OpData*>(node->user_data);
  const auto* params =
      static_cast<const TfLiteSplitParams*>(node->builtin_data);
  TF_LITE_ENSURE_EQ(context, NumInputs(node), 2);
  const int num_splits = NumOutputs(node);
  if (params->num_splits <= 0 || num_splits != params->num_splits) {
    MicroPrintf("%s: num_splits is %d but the node has %d outputs", kOp,
                params->num_splits, num_splits);
    return kTfLiteError;
  }
  micro::ScopedTempTensors temps(context);
  const TfLiteTensor* axis = temps.Input(node, kAxisTensor);
  const TfLiteTensor* input = temps.Input(node, kInputTensor);
  if (axis == nullptr || input == nullptr) {
    MicroPrintf("%s: missing input", kOp);
    return kTfLiteError;
  }
  if (!movement::IsMovableType(input->type)) {
    MicroPrintf("%s: type %s is not supported", kOp,
                TfLiteTypeGetName(input->type));
    return kTfLiteError;
  }
  if (!micro::IsIndexType(axis->type) || NumElements(axis) != 1) {
    MicroPrintf("%s: the axis must be one int32 or int64 value", kOp);
    return kTfLiteError;
  }
  data->axis_constant = micro::IsConstant(axis);
  if (data->axis_constant) {
    TF_LITE_ENSURE_STATUS(ResolveAxis(axis->data.raw, axis->type,
                                      GetTensorShape(input), num_splits,
                                      &data->axis));
  }
  return micro::PrepareSplitOutputs(
      context, node, kOp, input, data->axis_constant,
      [&](int, RuntimeShape* shape) {
        *shape = SplitShape(GetTensorShape(input), data->axis, num_splits);
        return kTfLiteOk;
      });
}

TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  OpData* data = static_cast<OpData*>(node->user_data);
  const TfLiteEvalTensor* input =
      micro::GetEvalInput(context, node, kInputTensor);
  const RuntimeShape input_shape = micro::GetTensorShape(input);
  if (!data->axis_constant) {
    const TfLiteEvalTensor* axis =
        micro::GetEvalInput(context, node, kAxisTensor);
    TF_LITE_ENSURE_STATUS(ResolveAxis(axis->data.raw, axis->type, input_shape,
                                      NumOutputs(node), &data->axis));
    TF_LITE_ENSURE_STATUS(micro::CheckSplitOutputShapes(
        context, node, kOp, "axis", [&](int, RuntimeShape* shape) {
          *shape = SplitShape(input_shape, data->axis, NumOutputs(node));
          return kTfLiteOk;
        }));
  }
  return micro::SplitIntoOutputs(context, node, input, data->axis);
}

}  // namespace

TfLiteRegistration Register_SPLIT() {
  return micro::RegisterOp(Init, Prepare, Eval);
}

}  // namespace tflite
