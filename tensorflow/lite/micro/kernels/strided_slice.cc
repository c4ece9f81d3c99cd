// SLICE and STRIDED_SLICE. Both copy a slice of the input described by
// index tensors (int32 or int64): when these are constants the output shape
// is fixed while preparing; else the model's output shape is used and
// checked against the slice at each invoke.
//
// SLICE: the block of `size` elements starting at `begin` in every
// dimension; begin and size hold one value per input dimension, and a size
// of -1 takes the rest of the dimension.
//
// STRIDED_SLICE: numpy-style slicing with begin/end/strides input tensors
// and the begin/end/ellipsis/new_axis/shrink_axis masks and the offset
// option. Negative strides walk an axis backwards. Masks and index clamping
// follow TFLite's kernel: the ellipsis expands to the input dimensions not
// named by the other entries, a new axis adds a dimension of size 1, a
// shrunk axis takes one element and disappears from the output.
// Out-of-range begin/end values are clamped into the axis, as TFLite does,
// except that a shrunk axis whose index lies outside the axis is an error
// here (TFLite leaves such an output unwritten).
#include "tensorflow/lite/kernels/internal/reference/strided_slice.h"

#include <cstdint>
#include <limits>

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

constexpr char kSlice[] = "SLICE";
constexpr char kStridedSlice[] = "STRIDED_SLICE";
constexpr int kInputTensor = 0;
constexpr int kBeginTensor = 1;

struct OpData {
  reference_ops::StridedSliceLayout layout;
  // The indices are known while preparing; else resolved at each invoke.
  bool indices_constant;
};

void* Init(TfLiteContext* context, const char*, size_t) {
  return context->AllocatePersistentBuffer(context, sizeof(OpData));
}

// Copies the slice into the output. With indices computed at run time,
// resolve(input_shape, &layout, &slice_shape) first gives the slice, whose
// shape must be the model's output shape.
template <typename Resolve>
TfLiteStatus CopySlice(const char* op, TfLiteContext* context,
                       TfLiteNode* node, Resolve&& resolve) {
  OpData* data = static_cast<OpData*>(node->user_data);
  const TfLiteEvalTensor* input =
      micro::GetEvalInput(context, node, kInputTensor);
  TfLiteEvalTensor* output = micro::GetEvalOutput(context, node, 0);
  if (!data->indices_constant) {
    RuntimeShape shape;
    TF_LITE_ENSURE_STATUS(
        resolve(micro::GetTensorShape(input), &data->layout, &shape));
    if (shape != micro::GetTensorShape(output)) {
      MicroPrintf("%s: the slice's shape differs from the model's output "
                  "shape",
                  op);
      return kTfLiteError;
    }
  }
  const TfLiteStatus status =
      movement::ForElementSize(input->type, [&](auto zero) {
        using T = decltype(zero);
        reference_ops::StridedSlice(data->layout,
                                    micro::GetTensorData<T>(input),
                                    micro::GetTensorData<T>(output));
      });
  if (status != kTfLiteOk) {
    MicroPrintf("%s: type %s is not supported", op,
                TfLiteTypeGetName(input->type));
  }
  return status;
}

// ---------------------------------------------------------------- SLICE

constexpr int kSizeTensor = 2;

// Checks begin/size against the input and fills the copy layout and the
// output shape.
TfLiteStatus ResolveSlice(const RuntimeShape& input_shape, const void* begin,
                          TfLiteType begin_type, const void* size,
                          TfLiteType size_type,
                          reference_ops::StridedSliceLayout* layout,
                          RuntimeShape* output_shape) {
  const int rank = input_shape.DimensionsCount();
  layout->rank = rank;
  output_shape->Resize(rank);
  int64_t stride = 1;
  for (int d = rank - 1; d >= 0; --d) {
    const int64_t dim = input_shape.Dims(d);
    const int64_t start = micro::IndexValue(begin, begin_type, d);
    int64_t count = micro::IndexValue(size, size_type, d);
    if (count == -1) count = dim - start;
    if (start < 0 || start > dim || count < 0 || start + count > dim) {
      MicroPrintf("%s: begin %d and size %d do not fit dimension %d of size "
                  "%d",
                  kSlice, static_cast<int>(start),
                  static_cast<int>(micro::IndexValue(size, size_type, d)), d,
                  static_cast<int>(dim));
      return kTfLiteError;
    }
    layout->start[d] = static_cast<int32_t>(start);
    layout->stride[d] = 1;
    layout->count[d] = static_cast<int32_t>(count);
    layout->input_stride[d] = stride;
    output_shape->SetDim(d, static_cast<int32_t>(count));
    stride *= dim;
  }
  return kTfLiteOk;
}

TfLiteStatus PrepareSlice(TfLiteContext* context, TfLiteNode* node) {
  TF_LITE_ENSURE(context, node->user_data != nullptr);
  TF_LITE_ENSURE_EQ(context, NumInputs(node), 3);
  TF_LITE_ENSURE_EQ(context, NumOutputs(node), 1);
  OpData* data = static_cast<OpData*>(node->user_data);
  micro::ScopedTempTensors temps(context);
  const TfLiteTensor* input = temps.Input(node, kInputTensor);
  const TfLiteTensor* begin = temps.Input(node, kBeginTensor);
  const TfLiteTensor* size = temps.Input(node, kSizeTensor);
  TfLiteTensor* output = temps.Output(node, 0);
  if (input == nullptr || begin == nullptr || size == nullptr ||
      output == nullptr) {
    MicroPrintf("%s: missing input or output", kSlice);
    return kTfLiteError;
  }
  const int rank = NumDimensions(input);
  if (!movement::IsMovableType(input->type)) {
    MicroPrintf("%s: type %s is not supported", kSlice,
                TfLiteTypeGetName(input->type));
    return kTfLiteError;
  }
  if (output->type != input->type || !micro::SameQuantization(input, output)) {
    MicroPrintf("%s: the output's type or quantization differs from the "
                "input's",
                kSlice);
    return kTfLiteError;
  }
  if (!micro::IsIndexType(begin->type) || !micro::IsIndexType(size->type) ||
      NumDimensions(begin) != 1 || NumDimensions(size) != 1 ||
      NumElements(begin) != rank || NumElements(size) != rank) {
    MicroPrintf("%s: begin and size must be int32 or int64 vectors of %d "
                "values",
                kSlice, rank);
    return kTfLiteError;
  }
  data->indices_constant = micro::IsConstant(begin) && micro::IsConstant(size);
  if (!data->indices_constant) {
    if (NumDimensions(output) != rank) {
      MicroPrintf("%s: output has %d dimensions, input %d", kSlice,
                  NumDimensions(output), rank);
      return kTfLiteError;
    }
    return kTfLiteOk;
  }
  RuntimeShape output_shape;
  TF_LITE_ENSURE_STATUS(ResolveSlice(GetTensorShape(input), begin->data.raw,
                                     begin->type, size->data.raw, size->type,
                                     &data->layout, &output_shape));
  return micro::SetOutputShape(context, output, output_shape);
}

TfLiteStatus EvalSlice(TfLiteContext* context, TfLiteNode* node) {
  const TfLiteEvalTensor* begin =
      micro::GetEvalInput(context, node, kBeginTensor);
  const TfLiteEvalTensor* size =
      micro::GetEvalInput(context, node, kSizeTensor);
  return CopySlice(kSlice, context, node,
                   [&](const RuntimeShape& input_shape,
                       reference_ops::StridedSliceLayout* layout,
                       RuntimeShape* shape) {
                     return ResolveSlice(input_shape, begin->data.raw,
                                         begin->type, size->data.raw,
                                         size->type, layout, shape);
                   });
}

// -------------------------------------------------------- STRIDED_SLICE

constexpr int kEndTensor = 2;
constexpr int kStridesTensor = 3;

// The begin, end and strides vectors, each of `count` int32 or int64 values.
struct SliceSpec {
  const void* begin;
  const void* end;
  const void* strides;
  TfLiteType type;
  int count;
};

int PopCount(uint32_t bits) {
  int count = 0;
  for (; bits != 0; bits &= bits - 1) ++count;
  return count;
}

int64_t Value(const void* data, const SliceSpec& spec, int i) {
  return micro::IndexValue(data, spec.type, i);
}

// Resolves the slice of `input_shape` described by `spec` and the options
// into a per-axis layout and the output shape.
TfLiteStatus ResolveStridedSlice(const TfLiteStridedSliceParams& params,
                                 const RuntimeShape& input_shape,
                                 const SliceSpec& spec,
                                 reference_ops::StridedSliceLayout* layout,
                                 RuntimeShape* output_shape) {
  const int rank = input_shape.DimensionsCount();
  const int n = spec.count;
  const uint32_t used = n >= 32 ? 0xFFFFFFFFu : ((1u << n) - 1u);
  const uint32_t ellipsis_mask = static_cast<uint32_t>(params.ellipsis_mask) &
                                 used;
  const uint32_t new_axis_mask = static_cast<uint32_t>(params.new_axis_mask) &
                                 used;
  if (PopCount(ellipsis_mask) > 1) {
    MicroPrintf("%s: at most one ellipsis is allowed, ellipsis_mask is %d",
                kStridedSlice, params.ellipsis_mask);
    return kTfLiteError;
  }
  const int num_new_axes = PopCount(new_axis_mask & ~ellipsis_mask);
  if (n - num_new_axes > rank) {
    MicroPrintf("%s: %d slice entries for a %d-D input", kStridedSlice, n,
                rank);
    return kTfLiteError;
  }
  const int effective_rank = rank + num_new_axes;
  if (effective_rank > RuntimeShape::kMaxDims) {
    MicroPrintf("%s: the slice has %d dimensions, at most %d are supported",
                kStridedSlice, effective_rank, RuntimeShape::kMaxDims);
    return kTfLiteError;
  }

  // Where the ellipsis lies in the effective (new axes added) dimensions,
  // and which effective dimensions are new axes.
  uint32_t effective_ellipsis = 0;
  uint32_t effective_new_axes = 0;
  int ellipsis_start = effective_rank;
  int expanded = 0;
  for (int i = 0; i < effective_rank;) {
    if (ellipsis_mask & (1u << i)) {
      ellipsis_start = i;
      int ellipsis_end = i + 1 + num_new_axes + rank - n;
      if (ellipsis_end > effective_rank) ellipsis_end = effective_rank;
      if (ellipsis_end < i + 1) ellipsis_end = i + 1;
      expanded = ellipsis_end - i - 1;
      for (; i < ellipsis_end; ++i) effective_ellipsis |= 1u << i;
      continue;
    }
    const int spec_index = i - expanded;
    if (spec_index < 32 && (new_axis_mask & (1u << spec_index))) {
      effective_new_axes |= 1u << i;
    }
    ++i;
  }

  layout->rank = effective_rank;
  int64_t input_strides[RuntimeShape::kMaxDims];
  int64_t step = 1;
  for (int d = rank - 1; d >= 0; --d) {
    input_strides[d] = step;
    step *= input_shape.Dims(d);
  }
  output_shape->Resize(0);
  int output_rank = 0;
  int32_t output_dims[RuntimeShape::kMaxDims];
  int added_axes = 0;
  int passed_ellipsis = 0;
  for (int i = 0; i < effective_rank; ++i) {
    bool shrink = false;
    if (effective_new_axes & (1u << i)) {
      layout->start[i] = 0;
      layout->stride[i] = 1;
      layout->count[i] = 1;
      layout->input_stride[i] = 0;
      ++added_axes;
      output_dims[output_rank++] = 1;
      continue;
    }
    const int input_axis = i - added_axes;
    if (input_axis < 0 || input_axis >= rank) {
      MicroPrintf("%s: the masks do not fit a %d-D input", kStridedSlice,
                  rank);
      return kTfLiteError;
    }
    const int32_t size = input_shape.Dims(input_axis);
    layout->input_stride[i] = input_strides[input_axis];
    if ((effective_ellipsis & (1u << i)) || i >= n + expanded) {
      if (effective_ellipsis & (1u << i)) passed_ellipsis = i - ellipsis_start;
      layout->start[i] = 0;
      layout->stride[i] = 1;
      layout->count[i] = size;
    } else {
      const int k = i - passed_ellipsis;
      const int64_t stride = Value(spec.strides, spec, k);
      if (stride == 0 || stride > std::numeric_limits<int32_t>::max() ||
          stride <= std::numeric_limits<int32_t>::min()) {
        MicroPrintf("%s: stride %d of entry %d is not supported",
                    kStridedSlice, static_cast<int>(stride), k);
        return kTfLiteError;
      }
      const int32_t step = static_cast<int32_t>(stride);
      const bool begin_masked = params.begin_mask & (1 << k);
      const bool end_masked = params.end_mask & (1 << k);
      shrink = params.shrink_axis_mask & (1 << k);
      const int32_t start = reference_ops::StridedSliceStart(
          Value(spec.begin, spec, k), step, size, begin_masked);
      layout->start[i] = start;
      layout->stride[i] = step;
      if (shrink) {
        if (start < 0 || start >= size) {
          MicroPrintf("%s: index %d of entry %d is outside dimension %d of "
                      "size %d",
                      kStridedSlice,
                      static_cast<int>(Value(spec.begin, spec, k)), k,
                      input_axis, size);
          return kTfLiteError;
        }
        layout->count[i] = 1;
      } else {
        const int32_t end = reference_ops::StridedSliceEnd(
            Value(spec.end, spec, k), start, step, size, end_masked,
            params.offset);
        layout->count[i] = reference_ops::StridedSliceCount(start, end, step);
      }
    }
    if (!shrink) output_dims[output_rank++] = layout->count[i];
  }
  output_shape->ReplaceWith(output_rank, output_dims);
  return kTfLiteOk;
}

TfLiteStatus CheckIndexTensor(const char* what, const TfLiteTensor* tensor,
                              TfLiteType type, int count) {
  if (!micro::IsIndexType(tensor->type) || tensor->type != type) {
    MicroPrintf("%s: %s must be int32 or int64 like begin, not %s",
                kStridedSlice, what, TfLiteTypeGetName(tensor->type));
    return kTfLiteError;
  }
  if (NumDimensions(tensor) != 1 || SizeOfDimension(tensor, 0) != count) {
    MicroPrintf("%s: %s must be a vector of %d values", kStridedSlice, what,
                count);
    return kTfLiteError;
  }
  return kTfLiteOk;
}

TfLiteStatus PrepareStridedSlice(TfLiteContext* context, TfLiteNode* node) {
  TF_LITE_ENSURE(context, node->user_data != nullptr);
  TF_LITE_ENSURE(context, node->builtin_data != nullptr);
  TF_LITE_ENSURE_EQ(context, NumInputs(node), 4);
  TF_LITE_ENSURE_EQ(context, NumOutputs(node), 1);
  OpData* data = static_cast<OpData*>(node->user_data);
  const auto* params =
      static_cast<const TfLiteStridedSliceParams*>(node->builtin_data);
  micro::ScopedTempTensors temps(context);
  const TfLiteTensor* input = temps.Input(node, kInputTensor);
  const TfLiteTensor* begin = temps.Input(node, kBeginTensor);
  const TfLiteTensor* end = temps.Input(node, kEndTensor);
  const TfLiteTensor* strides = temps.Input(node, kStridesTensor);
  TfLiteTensor* output = temps.Output(node, 0);
  if (input == nullptr || begin == nullptr || end == nullptr ||
      strides == nullptr || output == nullptr) {
    MicroPrintf("%s: missing input or output tensor", kStridedSlice);
    return kTfLiteError;
  }
  if (!movement::IsMovableType(input->type)) {
    MicroPrintf("%s: type %s is not supported", kStridedSlice,
                TfLiteTypeGetName(input->type));
    return kTfLiteError;
  }
  if (output->type != input->type) {
    MicroPrintf("%s: output type %s differs from input type %s",
                kStridedSlice, TfLiteTypeGetName(output->type),
                TfLiteTypeGetName(input->type));
    return kTfLiteError;
  }
  if (!micro::SameQuantization(input, output)) {
    MicroPrintf("%s: input and output quantization differ", kStridedSlice);
    return kTfLiteError;
  }
  if (NumDimensions(begin) != 1) {
    MicroPrintf("%s: begin must be a vector", kStridedSlice);
    return kTfLiteError;
  }
  const int count = SizeOfDimension(begin, 0);
  TF_LITE_ENSURE_STATUS(CheckIndexTensor("begin", begin, begin->type, count));
  TF_LITE_ENSURE_STATUS(CheckIndexTensor("end", end, begin->type, count));
  TF_LITE_ENSURE_STATUS(
      CheckIndexTensor("strides", strides, begin->type, count));
  if (count > RuntimeShape::kMaxDims) {
    MicroPrintf("%s: %d slice entries, at most %d are supported",
                kStridedSlice, count, RuntimeShape::kMaxDims);
    return kTfLiteError;
  }
  data->indices_constant = micro::IsConstant(begin) &&
                           micro::IsConstant(end) && micro::IsConstant(strides);
  if (!data->indices_constant) {
    // Slice computed at run time: the model's output shape is used and
    // checked against the slice at each invoke.
    return kTfLiteOk;
  }
  const SliceSpec spec = {begin->data.raw, end->data.raw, strides->data.raw,
                          begin->type, count};
  RuntimeShape output_shape;
  TF_LITE_ENSURE_STATUS(ResolveStridedSlice(*params, GetTensorShape(input),
                                            spec, &data->layout,
                                            &output_shape));
  return micro::SetOutputShape(context, output, output_shape);
}

TfLiteStatus EvalStridedSlice(TfLiteContext* context, TfLiteNode* node) {
  const auto& params =
      *static_cast<const TfLiteStridedSliceParams*>(node->builtin_data);
  const TfLiteEvalTensor* begin =
      micro::GetEvalInput(context, node, kBeginTensor);
  const SliceSpec spec = {
      begin->data.raw, micro::GetEvalInput(context, node, kEndTensor)->data.raw,
      micro::GetEvalInput(context, node, kStridesTensor)->data.raw,
      begin->type, begin->dims->data[0]};
  return CopySlice(kStridedSlice, context, node,
                   [&](const RuntimeShape& input_shape,
                       reference_ops::StridedSliceLayout* layout,
                       RuntimeShape* shape) {
                     return ResolveStridedSlice(params, input_shape, spec,
                                                layout, shape);
                   });
}

}  // namespace

TfLiteRegistration Register_SLICE() {
  return micro::RegisterOp(Init, PrepareSlice, EvalSlice);
}

TfLiteRegistration Register_STRIDED_SLICE() {
  return micro::RegisterOp(Init, PrepareStridedSlice, EvalStridedSlice);
}

}  // namespace tflite
