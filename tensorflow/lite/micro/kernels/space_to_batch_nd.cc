// SPACE_TO_BATCH_ND and its inverse BATCH_TO_SPACE_ND on a 4-D NHWC (or 3-D
// NHC) tensor.
//   SPACE_TO_BATCH_ND pads the spatial dimensions, then moves
//     block_shape-sized blocks of them into the batch dimension.
//   BATCH_TO_SPACE_ND moves blocks of the batch dimension back into the
//     spatial dimensions, then crops them.
// Inputs: block_shape [M] and paddings/crops [M, 2] (int32 or int64), M = 2
// for 4-D input and 1 for 3-D. Constant block_shape and paddings/crops fix
// the output shape while preparing; values computed at run time are checked
// against the model's output shape.
//
// Padding is the output's zero point (0 for unquantized types), as in
// TFLite's reference kernel; TFLM's runtime was seen to leave other values
// in the padded positions.
#include "tensorflow/lite/kernels/internal/reference/space_to_batch_nd.h"

#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/movement_util.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace {

enum class Kind { kSpaceToBatch, kBatchToSpace };

template <Kind kind>
constexpr const char* OpName() {
  return kind == Kind::kSpaceToBatch ? "SPACE_TO_BATCH_ND"
                                     : "BATCH_TO_SPACE_ND";
}

// The name of input 2.
template <Kind kind>
constexpr const char* EdgesName() {
  return kind == Kind::kSpaceToBatch ? "paddings" : "crops";
}

constexpr int kInputTensor = 0;
constexpr int kBlockShapeTensor = 1;
constexpr int kEdgesTensor = 2;

struct Geometry {
  int block_h;
  int block_w;
  // Padding (SPACE_TO_BATCH_ND) or crop (BATCH_TO_SPACE_ND) at the top and
  // left.
  int top;
  int left;
};

struct OpData {
  bool constant_geometry;
  Geometry geometry;
  int32_t pad_value;
};

void* Init(TfLiteContext* context, const char*, size_t) {
  return context->AllocatePersistentBuffer(context, sizeof(OpData));
}

// Checks block_shape and paddings/crops (TfLiteTensors while preparing,
// TfLiteEvalTensors at invoke time) against the input; gives the geometry for
// the 4-D kernel and the output shape (of the input's rank).
template <Kind kind, typename Tensor>
TfLiteStatus Derive(const RuntimeShape& input_shape,
                    const Tensor& block_tensor, const Tensor& edges_tensor,
                    Geometry* geometry, RuntimeShape* output_shape) {
  constexpr const char* op = OpName<kind>();
  constexpr const char* edges_name = EdgesName<kind>();
  const int rank = input_shape.DimensionsCount();
  const int spatial = rank - 2;
  const TfLiteIntArray* block_dims = block_tensor.dims;
  const TfLiteIntArray* edges_dims = edges_tensor.dims;
  if (block_dims == nullptr || block_dims->size != 1 ||
      block_dims->data[0] != spatial) {
    MicroPrintf("%s: block_shape must be 1-D with %d values", op, spatial);
    return kTfLiteError;
  }
  if (edges_dims == nullptr || edges_dims->size != 2 ||
      edges_dims->data[0] != spatial || edges_dims->data[1] != 2) {
    MicroPrintf("%s: %s must have shape [%d, 2]", op, edges_name, spatial);
    return kTfLiteError;
  }
  int32_t block[2] = {1, 1};
  int32_t edges[4] = {0, 0, 0, 0};
  TF_LITE_ENSURE_STATUS(movement::ReadIntValues(op, "block_shape",
                                                block_tensor.type,
                                                block_tensor.data.raw,
                                                spatial, block));
  TF_LITE_ENSURE_STATUS(movement::ReadIntValues(op, edges_name,
                                                edges_tensor.type,
                                                edges_tensor.data.raw,
                                                2 * spatial, edges));
  output_shape->Resize(rank);
  int64_t block_count = 1;
  for (int i = 0; i < spatial; ++i) {
    if (block[i] < 1) {
      MicroPrintf("%s: block_shape[%d] is %d; it must be at least 1", op, i,
                  static_cast<int>(block[i]));
      return kTfLiteError;
    }
    if (edges[2 * i] < 0 || edges[2 * i + 1] < 0) {
      MicroPrintf("%s: %s for dimension %d are negative", op, edges_name,
                  i + 1);
      return kTfLiteError;
    }
    const int64_t size = input_shape.Dims(i + 1);
    int64_t output_size;
    if (kind == Kind::kSpaceToBatch) {
      const int64_t padded = size + edges[2 * i] + edges[2 * i + 1];
      if (padded % block[i] != 0) {
        MicroPrintf("%s: padded size %d of dimension %d is not a multiple of "
                    "block_shape[%d] = %d",
                    op, static_cast<int>(padded), i + 1, i,
                    static_cast<int>(block[i]));
        return kTfLiteError;
      }
      output_size = padded / block[i];
    } else {
      output_size = size * block[i] - edges[2 * i] - edges[2 * i + 1];
      if (output_size < 0 || output_size > INT32_MAX) {
        MicroPrintf("%s: crops of dimension %d leave a size of %d", op, i + 1,
                    static_cast<int>(output_size));
        return kTfLiteError;
      }
    }
    output_shape->SetDim(i + 1, static_cast<int32_t>(output_size));
    block_count *= block[i];
  }
  const int64_t batch = input_shape.Dims(0);
  if (kind == Kind::kSpaceToBatch) {
    if (batch * block_count > INT32_MAX) {
      MicroPrintf("%s: the output batch is too large", op);
      return kTfLiteError;
    }
    output_shape->SetDim(0, static_cast<int32_t>(batch * block_count));
  } else {
    if (batch % block_count != 0) {
      MicroPrintf("%s: batch %d is not a multiple of the block count %d", op,
                  static_cast<int>(batch), static_cast<int>(block_count));
      return kTfLiteError;
    }
    output_shape->SetDim(0, static_cast<int32_t>(batch / block_count));
  }
  output_shape->SetDim(rank - 1, input_shape.Dims(rank - 1));
  geometry->block_h = block[0];
  geometry->block_w = block[1];
  geometry->top = edges[0];
  geometry->left = edges[2];
  return kTfLiteOk;
}

// [N, H, C] is handled as [N, H, 1, C].
RuntimeShape As4D(const RuntimeShape& shape) {
  if (shape.DimensionsCount() == 4) return shape;
  return RuntimeShape({shape.Dims(0), shape.Dims(1), 1, shape.Dims(2)});
}

template <Kind kind>
TfLiteStatus Prepare(TfLiteContext* context, TfLiteNode* node) {
  constexpr const char* op = OpName<kind>();
  TF_LITE_ENSURE(context, node->user_data != nullptr);
  OpData* data = static_cast<OpData*>(node->user_data);
  TF_LITE_ENSURE_EQ(context, NumInputs(node), 3);
  TF_LITE_ENSURE_EQ(context, NumOutputs(node), 1);
  MicroContext* micro_context = GetMicroContext(context);
  TfLiteTensor* input =
      micro_context->AllocateTempInputTensor(node, kInputTensor);
  TfLiteTensor* block =
      micro_context->AllocateTempInputTensor(node, kBlockShapeTensor);
  TfLiteTensor* edges =
      micro_context->AllocateTempInputTensor(node, kEdgesTensor);
  TfLiteTensor* output = micro_context->AllocateTempOutputTensor(node, 0);
  TF_LITE_ENSURE(context, input != nullptr && block != nullptr &&
                              edges != nullptr && output != nullptr);
  TF_LITE_ENSURE_STATUS(movement::CheckMovableType(op, "input", input->type));
  TF_LITE_ENSURE_TYPES_EQ(context, input->type, output->type);
  const int rank = NumDimensions(input);
  if (rank != 3 && rank != 4) {
    MicroPrintf("%s: the input must be 3-D or 4-D, not %d-D", op, rank);
    return kTfLiteError;
  }
  data->pad_value = 0;
  if (input->type == kTfLiteInt8 || input->type == kTfLiteUInt8 ||
      input->type == kTfLiteInt16) {
    if (input->params.scale != output->params.scale ||
        input->params.zero_point != output->params.zero_point) {
      MicroPrintf("%s: input and output must have the same quantization", op);
      return kTfLiteError;
    }
    data->pad_value = output->params.zero_point;
  }
  data->constant_geometry =
      movement::HasConstantData(block) && movement::HasConstantData(edges);
  if (data->constant_geometry) {
    RuntimeShape output_shape;
    TF_LITE_ENSURE_STATUS(Derive<kind>(GetTensorShape(input), *block, *edges,
                                       &data->geometry, &output_shape));
    TF_LITE_ENSURE_STATUS(
        micro::SetOutputShape(context, output, output_shape));
  } else if (NumDimensions(output) != rank) {
    MicroPrintf("%s: the output tensor must be %d-D like the input", op, rank);
    return kTfLiteError;
  }
  micro_context->DeallocateTempTfLiteTensor(output);
  micro_context->DeallocateTempTfLiteTensor(edges);
  micro_context->DeallocateTempTfLiteTensor(block);
  micro_context->DeallocateTempTfLiteTensor(input);
  return kTfLiteOk;
}

template <Kind kind>
TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  const OpData& data = *static_cast<const OpData*>(node->user_data);
  const TfLiteEvalTensor* input =
      micro::GetEvalInput(context, node, kInputTensor);
  TfLiteEvalTensor* output = micro::GetEvalOutput(context, node, 0);
  const RuntimeShape input_shape = micro::GetTensorShape(input);
  Geometry geometry = data.geometry;
  if (!data.constant_geometry) {
    RuntimeShape output_shape;
    TF_LITE_ENSURE_STATUS(Derive<kind>(
        input_shape, *micro::GetEvalInput(context, node, kBlockShapeTensor),
        *micro::GetEvalInput(context, node, kEdgesTensor), &geometry,
        &output_shape));
    TF_LITE_ENSURE_STATUS(
        movement::CheckResultShape(OpName<kind>(), output, output_shape));
  }
  const RuntimeShape input_4d = As4D(input_shape);
  const RuntimeShape output_4d = As4D(micro::GetTensorShape(output));
  return movement::ForElementSize(input->type, [&](auto zero) {
    using T = decltype(zero);
    if (kind == Kind::kSpaceToBatch) {
      reference_ops::SpaceToBatchND(
          input_4d, micro::GetTensorData<T>(input), geometry.block_h,
          geometry.block_w, geometry.top, geometry.left,
          static_cast<T>(data.pad_value), output_4d,
          micro::GetTensorData<T>(output));
    } else {
      reference_ops::BatchToSpaceND(
          input_4d, micro::GetTensorData<T>(input), geometry.block_h,
          geometry.block_w, geometry.top, geometry.left, output_4d,
          micro::GetTensorData<T>(output));
    }
  });
}

template <Kind kind>
TfLiteRegistration Registration() {
  return micro::RegisterOp(Init, Prepare<kind>, Eval<kind>);
}

}  // namespace

TfLiteRegistration Register_SPACE_TO_BATCH_ND() {
  return Registration<Kind::kSpaceToBatch>();
}

TfLiteRegistration Register_BATCH_TO_SPACE_ND() {
  return Registration<Kind::kBatchToSpace>();
}

}  // namespace tflite
