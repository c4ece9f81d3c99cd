// SPACE_TO_DEPTH and its inverse DEPTH_TO_SPACE on NHWC tensors.
//   SPACE_TO_DEPTH moves block_size x block_size spatial blocks into the
//     depth dimension; height and width must be multiples of the block size.
//   DEPTH_TO_SPACE spreads the depth dimension over such blocks; the depth
//     must be a multiple of block_size squared.
#include "tensorflow/lite/kernels/internal/reference/space_to_depth.h"

#include <type_traits>

#include "tensorflow/lite/core/c/builtin_op_data.h"
#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/movement_util.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace {

enum class Kind { kSpaceToDepth, kDepthToSpace };

template <Kind kind>
constexpr const char* OpName() {
  return kind == Kind::kSpaceToDepth ? "SPACE_TO_DEPTH" : "DEPTH_TO_SPACE";
}

// The builtin options, and the reference kernel's parameters: each holds
// `block_size`.
template <Kind kind>
using Options = typename std::conditional<kind == Kind::kSpaceToDepth,
                                          TfLiteSpaceToDepthParams,
                                          TfLiteDepthToSpaceParams>::type;
template <Kind kind>
using Params =
    typename std::conditional<kind == Kind::kSpaceToDepth, SpaceToDepthParams,
                              DepthToSpaceParams>::type;

// The output shape of an NHWC `input` for `block`.
template <Kind kind>
TfLiteStatus OutputShape(const TfLiteTensor* input, int block,
                         RuntimeShape* output_shape) {
  constexpr const char* op = OpName<kind>();
  const int batches = SizeOfDimension(input, 0);
  const int height = SizeOfDimension(input, 1);
  const int width = SizeOfDimension(input, 2);
  const int depth = SizeOfDimension(input, 3);
  if (kind == Kind::kSpaceToDepth) {
    if (block < 1) {
      MicroPrintf("%s: block_size is %d; it must be at least 1", op, block);
      return kTfLiteError;
    }
    if (height % block != 0 || width % block != 0) {
      MicroPrintf("%s: height %d and width %d must be multiples of "
                  "block_size %d",
                  op, height, width, block);
      return kTfLiteError;
    }
    const int64_t output_depth = static_cast<int64_t>(depth) * block * block;
    if (output_depth > INT32_MAX) {
      MicroPrintf("%s: the output depth is too large", op);
      return kTfLiteError;
    }
    *output_shape = RuntimeShape({batches, height / block, width / block,
                                  static_cast<int>(output_depth)});
    return kTfLiteOk;
  }
  // Bounded so that block * block and the output sizes stay in int32.
  if (block < 1 || block > 46340) {
    MicroPrintf("%s: block_size is %d; it must be in [1, 46340]", op, block);
    return kTfLiteError;
  }
  if (depth % (block * block) != 0) {
    MicroPrintf("%s: depth %d is not a multiple of block_size^2 = %d", op,
                depth, block * block);
    return kTfLiteError;
  }
  const int64_t output_height = static_cast<int64_t>(height) * block;
  const int64_t output_width = static_cast<int64_t>(width) * block;
  if (output_height > INT32_MAX || output_width > INT32_MAX) {
    MicroPrintf("%s: the output is too large", op);
    return kTfLiteError;
  }
  *output_shape = RuntimeShape({batches, static_cast<int>(output_height),
                                static_cast<int>(output_width),
                                depth / (block * block)});
  return kTfLiteOk;
}

template <Kind kind>
TfLiteStatus Prepare(TfLiteContext* context, TfLiteNode* node) {
  constexpr const char* op = OpName<kind>();
  TF_LITE_ENSURE(context, node->builtin_data != nullptr);
  const auto* options = static_cast<const Options<kind>*>(node->builtin_data);
  TF_LITE_ENSURE_EQ(context, NumInputs(node), 1);
  TF_LITE_ENSURE_EQ(context, NumOutputs(node), 1);
  MicroContext* micro_context = GetMicroContext(context);
  TfLiteTensor* input = micro_context->AllocateTempInputTensor(node, 0);
  TfLiteTensor* output = micro_context->AllocateTempOutputTensor(node, 0);
  TF_LITE_ENSURE(context, input != nullptr && output != nullptr);
  TF_LITE_ENSURE_STATUS(movement::CheckMovableType(op, "input", input->type));
  TF_LITE_ENSURE_TYPES_EQ(context, input->type, output->type);
  if (NumDimensions(input) != 4) {
    MicroPrintf("%s: the input must be 4-D (NHWC), not %d-D", op,
                NumDimensions(input));
    return kTfLiteError;
  }
  RuntimeShape output_shape;
  TF_LITE_ENSURE_STATUS(
      OutputShape<kind>(input, options->block_size, &output_shape));
  TF_LITE_ENSURE_STATUS(micro::SetOutputShape(context, output, output_shape));
  micro_context->DeallocateTempTfLiteTensor(output);
  micro_context->DeallocateTempTfLiteTensor(input);
  return kTfLiteOk;
}

template <Kind kind>
TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  const auto* options = static_cast<const Options<kind>*>(node->builtin_data);
  const TfLiteEvalTensor* input = micro::GetEvalInput(context, node, 0);
  TfLiteEvalTensor* output = micro::GetEvalOutput(context, node, 0);
  Params<kind> params;
  params.block_size = options->block_size;
  return movement::ForElementSize(input->type, [&](auto zero) {
    using T = decltype(zero);
    if constexpr (kind == Kind::kSpaceToDepth) {
      reference_ops::SpaceToDepth(
          params, micro::GetTensorShape(input), micro::GetTensorData<T>(input),
          micro::GetTensorShape(output), micro::GetTensorData<T>(output));
    } else {
      reference_ops::DepthToSpace(
          params, micro::GetTensorShape(input), micro::GetTensorData<T>(input),
          micro::GetTensorShape(output), micro::GetTensorData<T>(output));
    }
  });
}

}  // namespace

TfLiteRegistration Register_SPACE_TO_DEPTH() {
  return micro::RegisterOp(nullptr, Prepare<Kind::kSpaceToDepth>,
                           Eval<Kind::kSpaceToDepth>);
}

TfLiteRegistration Register_DEPTH_TO_SPACE() {
  return micro::RegisterOp(nullptr, Prepare<Kind::kDepthToSpace>,
                           Eval<Kind::kDepthToSpace>);
}

}  // namespace tflite
