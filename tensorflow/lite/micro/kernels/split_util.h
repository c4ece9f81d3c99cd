// Shared by SPLIT, SPLIT_V, UNPACK and PACK: the outer/inner sizes around an
// axis, the checks of a split's outputs, and splitting an input into the
// node's outputs. (The element types these copy ops take:
// movement::IsMovableType.)
#ifndef TENSORFLOW_LITE_MICRO_KERNELS_SPLIT_UTIL_H_
#define TENSORFLOW_LITE_MICRO_KERNELS_SPLIT_UTIL_H_

#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/kernels/internal/runtime_shape.h"
#include "tensorflow/lite/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace micro {

// Product of the dimensions before `axis`.
inline int OuterSize(const RuntimeShape& shape, int axis) {
  int size = 1;
  for (int d = 0; d < axis; ++d) size *= shape.Dims(d);
  return size;
}

// Product of the dimensions after `axis`.
inline int InnerSize(const RuntimeShape& shape, int axis) {
  int size = 1;
  for (int d = axis + 1; d < shape.DimensionsCount(); ++d) {
    size *= shape.Dims(d);
  }
  return size;
}

// False when both tensors are quantized with different scales or zero
// points (these ops copy values unchanged).
inline bool SameQuantization(const TfLiteTensor* a, const TfLiteTensor* b) {
  if (a->quantization.type != kTfLiteAffineQuantization ||
      b->quantization.type != kTfLiteAffineQuantization) {
    return true;
  }
  return a->params.scale == b->params.scale &&
         a->params.zero_point == b->params.zero_point;
}

// Checks each of the node's outputs against `input` (same type and
// quantization); when `set_shapes`, gives output i the shape that
// shape_of(i, &shape) (returning a TfLiteStatus) computes.
template <typename ShapeOf>
TfLiteStatus PrepareSplitOutputs(TfLiteContext* context, TfLiteNode* node,
                                 const char* op, const TfLiteTensor* input,
                                 bool set_shapes, ShapeOf&& shape_of) {
  for (int i = 0; i < NumOutputs(node); ++i) {
    ScopedTempTensors temps(context);
    TfLiteTensor* output = temps.Output(node, i);
    if (output == nullptr) {
      MicroPrintf("%s: output %d is missing", op, i);
      return kTfLiteError;
    }
    if (output->type != input->type) {
      MicroPrintf("%s: output %d is %s, the input %s", op, i,
                  TfLiteTypeGetName(output->type),
                  TfLiteTypeGetName(input->type));
      return kTfLiteError;
    }
    if (!SameQuantization(input, output)) {
      MicroPrintf("%s: output %d is quantized differently from the input", op,
                  i);
      return kTfLiteError;
    }
    if (set_shapes) {
      RuntimeShape shape;
      TF_LITE_ENSURE_STATUS(shape_of(i, &shape));
      TF_LITE_ENSURE_STATUS(SetOutputShape(context, output, shape));
    }
  }
  return kTfLiteOk;
}

// At invoke, for a split computed at run time: fails unless each output i
// has the shape shape_of(i, &shape) computes ("OP: output i's shape does not
// fit the <what>").
template <typename ShapeOf>
TfLiteStatus CheckSplitOutputShapes(TfLiteContext* context, TfLiteNode* node,
                                    const char* op, const char* what,
                                    ShapeOf&& shape_of) {
  for (int i = 0; i < NumOutputs(node); ++i) {
    RuntimeShape expected;
    TF_LITE_ENSURE_STATUS(shape_of(i, &expected));
    if (GetTensorShape(GetEvalOutput(context, node, i)) != expected) {
      MicroPrintf("%s: output %d's shape does not fit the %s", op, i, what);
      return kTfLiteError;
    }
  }
  return kTfLiteOk;
}

// Splits `input` along `axis` into the node's outputs, in order: each takes
// as many entries of the axis as its own dimension `axis` holds, or one when
// `drop_axis` (UNPACK, whose outputs lack the axis). The outputs' shapes must
// already be checked.
TfLiteStatus SplitIntoOutputs(TfLiteContext* context, TfLiteNode* node,
                              const TfLiteEvalTensor* input, int axis,
                              bool drop_axis = false);

}  // namespace micro
}  // namespace tflite

#endif  // TENSORFLOW_LITE_MICRO_KERNELS_SPLIT_UTIL_H_
