// RESIZE_BILINEAR and RESIZE_NEAREST_NEIGHBOR: resize the height and width
// of an NHWC tensor to the size input ([new_height, new_width], int32).
//   RESIZE_BILINEAR interpolates: float32 in float; int8 and int16 in
//     TFLite's fixed point (10 fractional bits per coordinate); uint8 as
//     TFLite's reference does. align_corners and half_pixel_centers cannot
//     both be set.
//   RESIZE_NEAREST_NEIGHBOR copies the nearest input pixel: any element type
//     that only needs moving.
// A constant size fixes the output shape while preparing; a size computed at
// run time is checked against the model's output shape.
#include "tensorflow/lite/kernels/internal/reference/resize.h"

#include <type_traits>

#include "tensorflow/lite/core/c/builtin_op_data.h"
#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/movement_util.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace {

enum class Kind { kBilinear, kNearestNeighbor };

template <Kind kind>
constexpr const char* OpName() {
  return kind == Kind::kBilinear ? "RESIZE_BILINEAR"
                                 : "RESIZE_NEAREST_NEIGHBOR";
}

// The builtin options and the reference kernel's parameters: each holds
// align_corners and half_pixel_centers.
template <Kind kind>
using Options =
    typename std::conditional<kind == Kind::kBilinear,
                              TfLiteResizeBilinearParams,
                              TfLiteResizeNearestNeighborParams>::type;
template <Kind kind>
using Params = typename std::conditional<kind == Kind::kBilinear,
                                         ResizeBilinearParams,
                                         ResizeNearestNeighborParams>::type;

constexpr int kInputTensor = 0;
constexpr int kSizeTensor = 1;

struct OpData {
  bool size_is_constant;
};

void* Init(TfLiteContext* context, const char*, size_t) {
  return context->AllocatePersistentBuffer(context, sizeof(OpData));
}

// The output shape for the size tensor (a TfLiteTensor while preparing, a
// TfLiteEvalTensor at invoke time).
template <Kind kind, typename Tensor>
TfLiteStatus OutputShape(const RuntimeShape& input_shape, const Tensor& size,
                         RuntimeShape* output_shape) {
  constexpr const char* op = OpName<kind>();
  if (size.type != kTfLiteInt32 || size.dims == nullptr ||
      size.dims->size != 1 || size.dims->data[0] != 2) {
    MicroPrintf("%s: size must be an int32 tensor of shape [2]", op);
    return kTfLiteError;
  }
  int32_t values[2];
  TF_LITE_ENSURE_STATUS(movement::ReadIntValues(op, "size", size.type,
                                                size.data.raw, 2, values));
  if (values[0] < 1 || values[1] < 1) {
    MicroPrintf("%s: size [%d, %d] must be positive", op,
                static_cast<int>(values[0]), static_cast<int>(values[1]));
    return kTfLiteError;
  }
  *output_shape = RuntimeShape(
      {input_shape.Dims(0), values[0], values[1], input_shape.Dims(3)});
  return kTfLiteOk;
}

// The input types the op takes.
template <Kind kind>
TfLiteStatus CheckInputType(TfLiteType type) {
  if (kind == Kind::kNearestNeighbor) {
    return movement::CheckMovableType(OpName<kind>(), "input", type);
  }
  if (type != kTfLiteFloat32 && type != kTfLiteInt8 && type != kTfLiteInt16 &&
      type != kTfLiteUInt8) {
    MicroPrintf("%s: input type %s is not supported", OpName<kind>(),
                TfLiteTypeGetName(type));
    return kTfLiteError;
  }
  return kTfLiteOk;
}

template <Kind kind>
TfLiteStatus Prepare(TfLiteContext* context, TfLiteNode* node) {
  constexpr const char* op = OpName<kind>();
  TF_LITE_ENSURE(context, node->user_data != nullptr);
  TF_LITE_ENSURE(context, node->builtin_data != nullptr);
  OpData* data = static_cast<OpData*>(node->user_data);
  const auto* options = static_cast<const Options<kind>*>(node->builtin_data);
  TF_LITE_ENSURE_EQ(context, NumInputs(node), 2);
  TF_LITE_ENSURE_EQ(context, NumOutputs(node), 1);
  MicroContext* micro_context = GetMicroContext(context);
  TfLiteTensor* input =
      micro_context->AllocateTempInputTensor(node, kInputTensor);
  TfLiteTensor* size =
      micro_context->AllocateTempInputTensor(node, kSizeTensor);
  TfLiteTensor* output = micro_context->AllocateTempOutputTensor(node, 0);
  TF_LITE_ENSURE(context,
                 input != nullptr && size != nullptr && output != nullptr);
  TF_LITE_ENSURE_STATUS(CheckInputType<kind>(input->type));
  TF_LITE_ENSURE_TYPES_EQ(context, input->type, output->type);
  if (NumDimensions(input) != 4) {
    MicroPrintf("%s: the input must be 4-D (NHWC), not %d-D", op,
                NumDimensions(input));
    return kTfLiteError;
  }
  if (SizeOfDimension(input, 1) < 1 || SizeOfDimension(input, 2) < 1) {
    // There would be no pixel to sample from.
    MicroPrintf("%s: the input's height and width must be at least 1", op);
    return kTfLiteError;
  }
  if (kind == Kind::kBilinear && options->align_corners &&
      options->half_pixel_centers) {
    MicroPrintf("%s: align_corners and half_pixel_centers cannot both be set",
                op);
    return kTfLiteError;
  }
  data->size_is_constant = movement::HasConstantData(size);
  if (data->size_is_constant) {
    RuntimeShape output_shape;
    TF_LITE_ENSURE_STATUS(
        OutputShape<kind>(GetTensorShape(input), *size, &output_shape));
    TF_LITE_ENSURE_STATUS(
        micro::SetOutputShape(context, output, output_shape));
  } else if (NumDimensions(output) != 4) {
    MicroPrintf("%s: the output tensor must be 4-D", op);
    return kTfLiteError;
  }
  micro_context->DeallocateTempTfLiteTensor(output);
  micro_context->DeallocateTempTfLiteTensor(size);
  micro_context->DeallocateTempTfLiteTensor(input);
  return kTfLiteOk;
}

TfLiteStatus Resize(const ResizeBilinearParams& params,
                    const TfLiteEvalTensor* input, TfLiteEvalTensor* output) {
  const RuntimeShape input_shape = micro::GetTensorShape(input);
  const RuntimeShape output_shape = micro::GetTensorShape(output);
  // The integer kernels compute source positions in 10-bit fixed point in
  // int32: sides must stay below 2^20.
  constexpr int kMaxSide = 1 << 20;
  if ((input->type == kTfLiteInt8 || input->type == kTfLiteInt16) &&
      (input_shape.Dims(1) >= kMaxSide || input_shape.Dims(2) >= kMaxSide ||
       output_shape.Dims(1) >= kMaxSide || output_shape.Dims(2) >= kMaxSide)) {
    MicroPrintf("%s: integer resizing needs sides below %d, got %dx%d to %dx%d",
                OpName<Kind::kBilinear>(), kMaxSide, input_shape.Dims(1),
                input_shape.Dims(2), output_shape.Dims(1),
                output_shape.Dims(2));
    return kTfLiteError;
  }
  switch (input->type) {
    case kTfLiteFloat32:
      reference_ops::ResizeBilinear(
          params, input_shape, micro::GetTensorData<float>(input),
          output_shape, micro::GetTensorData<float>(output));
      return kTfLiteOk;
    case kTfLiteUInt8:
      reference_ops::ResizeBilinear(
          params, input_shape, micro::GetTensorData<uint8_t>(input),
          output_shape, micro::GetTensorData<uint8_t>(output));
      return kTfLiteOk;
    case kTfLiteInt8:
      reference_ops::ResizeBilinearInteger(
          params, input_shape, micro::GetTensorData<int8_t>(input),
          output_shape, micro::GetTensorData<int8_t>(output));
      return kTfLiteOk;
    case kTfLiteInt16:
      reference_ops::ResizeBilinearInteger(
          params, input_shape, micro::GetTensorData<int16_t>(input),
          output_shape, micro::GetTensorData<int16_t>(output));
      return kTfLiteOk;
    default:
      MicroPrintf("%s: input type %s is not supported",
                  OpName<Kind::kBilinear>(), TfLiteTypeGetName(input->type));
      return kTfLiteError;
  }
}

TfLiteStatus Resize(const ResizeNearestNeighborParams& params,
                    const TfLiteEvalTensor* input, TfLiteEvalTensor* output) {
  return movement::ForElementSize(input->type, [&](auto zero) {
    using T = decltype(zero);
    reference_ops::ResizeNearestNeighbor(
        params, micro::GetTensorShape(input), micro::GetTensorData<T>(input),
        micro::GetTensorShape(output), micro::GetTensorData<T>(output));
  });
}

template <Kind kind>
TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  const OpData& data = *static_cast<const OpData*>(node->user_data);
  const auto* options = static_cast<const Options<kind>*>(node->builtin_data);
  const TfLiteEvalTensor* input =
      micro::GetEvalInput(context, node, kInputTensor);
  TfLiteEvalTensor* output = micro::GetEvalOutput(context, node, 0);
  if (!data.size_is_constant) {
    RuntimeShape output_shape;
    TF_LITE_ENSURE_STATUS(OutputShape<kind>(
        micro::GetTensorShape(input),
        *micro::GetEvalInput(context, node, kSizeTensor), &output_shape));
    TF_LITE_ENSURE_STATUS(
        movement::CheckResultShape(OpName<kind>(), output, output_shape));
  }
  Params<kind> params;
  params.align_corners = options->align_corners;
  params.half_pixel_centers = options->half_pixel_centers;
  return Resize(params, input, output);
}

template <Kind kind>
TfLiteRegistration Registration() {
  return micro::RegisterOp(Init, Prepare<kind>, Eval<kind>);
}

}  // namespace

TfLiteRegistration Register_RESIZE_BILINEAR() {
  return Registration<Kind::kBilinear>();
}

TfLiteRegistration Register_RESIZE_NEAREST_NEIGHBOR() {
  return Registration<Kind::kNearestNeighbor>();
}

}  // namespace tflite
