// SPLIT_V: splits the input (input 0) along the axis given by input 2 (an
// int32 or int64 scalar, negative counting from the end) into parts whose
// sizes input 1 lists (int32 or int64); one size may be -1 and takes the
// rest. With run-time sizes or axis the model's output shapes are used and
// checked at each invoke.
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

constexpr char kOp[] = "SPLIT_V";
constexpr int kInputTensor = 0;
constexpr int kSizesTensor = 1;
constexpr int kAxisTensor = 2;

struct OpData {
  bool shapes_constant;
  int axis;
};

void* Init(TfLiteContext* context, const char*, size_t) {
  return context->AllocatePersistentBuffer(context, sizeof(OpData));
}

TfLiteStatus ResolveAxis(const void* data, TfLiteType type, int rank,
                         int* axis) {
  return micro::ResolveAxis(kOp, micro::IndexValue(data, type, 0), rank, axis);
}

// The shape of split `index`: the input's, with dimension `axis` set to the
// index-th of the `count` sizes, after checking them all (non-negative but
// for one -1, adding up to the dimension).
TfLiteStatus SplitShape(const void* sizes, TfLiteType type, int count,
                        const RuntimeShape& input_shape, int axis, int index,
                        RuntimeShape* shape) {
  const int64_t dim = input_shape.Dims(axis);
  int inferred = -1;
  int64_t total = 0;
  for (int i = 0; i < count; ++i) {
    const int64_t value = micro::IndexValue(sizes, type, i);
    if (value == -1 && inferred == -1) {
      inferred = i;
    } else if (value < 0) {
      MicroPrintf("%s: split size %d is %d", kOp, i, static_cast<int>(value));
      return kTfLiteError;
    } else {
      total += value;
    }
  }
  if ((inferred == -1 && total != dim) || (inferred != -1 && total > dim)) {
    MicroPrintf("%s: split sizes add up to %d, the dimension is %d", kOp,
                static_cast<int>(total), static_cast<int>(dim));
    return kTfLiteError;
  }
  *shape = input_shape;
  shape->SetDim(axis, static_cast<int32_t>(
                          index == inferred
                              ? dim - total
                              : micro::IndexValue(sizes, type, index)));
  return kTfLiteOk;
}

TfLiteStatus Prepare(TfLiteContext* context, TfLiteNode* node) {
  TF_LITE_ENSURE(context, node->user_data != nullptr);
  TF_LITE_ENSURE(context, node->builtin_data != nullptr);
  OpData* data = static_cast<OpData*>(node->user_data);
  const auto* params =
      static_cast<const TfLiteSplitVParams*>(node->builtin_data);
  TF_LITE_ENSURE_EQ(context, NumInputs(node), 3);
  const int num_splits = NumOutputs(node);
  if (num_splits < 1 || num_splits != params->num_splits) {
    MicroPrintf("%s: num_splits is %d but the node has %d outputs", kOp,
                params->num_splits, num_splits);
    return kTfLiteError;
  }
  micro::ScopedTempTensors temps(context);
  const TfLiteTensor* input = temps.Input(node, kInputTensor);
  const TfLiteTensor* sizes = temps.Input(node, kSizesTensor);
  const TfLiteTensor* axis = temps.Input(node, kAxisTensor);
  if (input == nullptr || sizes == nullptr || axis == nullptr) {
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
  if (!micro::IsIndexType(sizes->type) || NumDimensions(sizes) != 1 ||
      NumElements(sizes) != num_splits) {
    MicroPrintf("%s: size_splits must be an int32 or int64 vector of %d "
                "values",
                kOp, num_splits);
    return kTfLiteError;
  }
  data->shapes_constant = micro::IsConstant(sizes) && micro::IsConstant(axis);
  if (data->shapes_constant) {
    TF_LITE_ENSURE_STATUS(ResolveAxis(axis->data.raw, axis->type,
                                      NumDimensions(input), &data->axis));
  }
  return micro::PrepareSplitOutputs(
      context, node, kOp, input, data->shapes_constant,
      [&](int i, RuntimeShape* shape) {
        return SplitShape(sizes->data.raw, sizes->type, num_splits,
                          GetTensorShape(input), data->axis, i, shape);
      });
}

TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  OpData* data = static_cast<OpData*>(node->user_data);
  const TfLiteEvalTensor* input =
      micro::GetEvalInput(context, node, kInputTensor);
  const RuntimeShape input_shape = micro::GetTensorShape(input);
  if (!data->shapes_constant) {
    const TfLiteEvalTensor* axis =
        micro::GetEvalInput(context, node, kAxisTensor);
    const TfLiteEvalTensor* sizes =
        micro::GetEvalInput(context, node, kSizesTensor);
    TF_LITE_ENSURE_STATUS(ResolveAxis(axis->data.raw, axis->type,
                                      input_shape.DimensionsCount(),
                                      &data->axis));
    TF_LITE_ENSURE_STATUS(micro::CheckSplitOutputShapes(
        context, node, kOp, "split", [&](int i, RuntimeShape* shape) {
          return SplitShape(sizes->data.raw, sizes->type, NumOutputs(node),
                            input_shape, data->axis, i, shape);
        }));
  }
  return micro::SplitIntoOutputs(context, node, input, data->axis);
}

}  // namespace

TfLiteRegistration Register_SPLIT_V() {
  return micro::RegisterOp(Init, Prepare, Eval);
}

}  // namespace tflite
