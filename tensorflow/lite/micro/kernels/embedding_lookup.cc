// EMBEDDING_LOOKUP: output row i is row ids[i] of the value tensor
// (ids: 1-D int32; value: [rows, ...]; output: [ids, ...]). The rows are
// copied for any element type that only moves; int8 values with a float32
// output are dequantized as TFLite's hybrid kernel does it: value times the
// scale (the row's own scale when quantized per row), zero point ignored,
// the product formed in double. An id outside [0, rows) is an error.
#include <cstring>

#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/elementwise_util.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/movement_util.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace {

constexpr char kOp[] = "EMBEDDING_LOOKUP";

struct OpData {
  bool hybrid;
  // Hybrid: one scale for all rows, or one per row.
  const float* scales;
  int scale_count;
};

void* Init(TfLiteContext* context, const char*, size_t) {
  return context->AllocatePersistentBuffer(context, sizeof(OpData));
}

TfLiteStatus CheckTensors(const TfLiteTensor* ids, const TfLiteTensor* value,
                          const TfLiteTensor* output, OpData* data) {
  if (ids->type != kTfLiteInt32 || NumDimensions(ids) != 1) {
    MicroPrintf("%s: the ids must be a 1-D int32 tensor (%s, rank %d)", kOp,
                TfLiteTypeGetName(ids->type), NumDimensions(ids));
    return kTfLiteError;
  }
  if (NumDimensions(value) < 2 || NumDimensions(value) > 8) {
    MicroPrintf("%s: the value tensor must have rank 2 to 8, not %d", kOp,
                NumDimensions(value));
    return kTfLiteError;
  }
  data->hybrid =
      value->type == kTfLiteInt8 && output->type == kTfLiteFloat32;
  if (!data->hybrid) {
    TF_LITE_ENSURE_STATUS(
        movement::CheckMovableType(kOp, "value", value->type));
    if (output->type != value->type) {
      MicroPrintf("%s: the output is %s, the value %s (only int8 values may "
                  "give a float32 output)",
                  kOp, TfLiteTypeGetName(output->type),
                  TfLiteTypeGetName(value->type));
      return kTfLiteError;
    }
    return kTfLiteOk;
  }
  const auto* quant =
      static_cast<const TfLiteAffineQuantization*>(value->quantization.params);
  if (value->quantization.type != kTfLiteAffineQuantization ||
      quant == nullptr || quant->scale == nullptr || quant->scale->size < 1) {
    MicroPrintf("%s: int8 values read as float32 need a scale", kOp);
    return kTfLiteError;
  }
  data->scales = quant->scale->data;
  data->scale_count = quant->scale->size;
  if (data->scale_count > 1 &&
      (quant->quantized_dimension != 0 ||
       data->scale_count != SizeOfDimension(value, 0))) {
    MicroPrintf("%s: int8 values need one scale, or one per row (%d scales "
                "along dimension %d)",
                kOp, data->scale_count,
                static_cast<int>(quant->quantized_dimension));
    return kTfLiteError;
  }
  return kTfLiteOk;
}

TfLiteStatus Prepare(TfLiteContext* context, TfLiteNode* node) {
  TF_LITE_ENSURE(context, node->user_data != nullptr);
  OpData* data = static_cast<OpData*>(node->user_data);
  micro::PrepareTensors tensors(context, node);
  TF_LITE_ENSURE_STATUS(tensors.Fetch(kOp, 2));
  const TfLiteTensor* ids = tensors.input(0);
  const TfLiteTensor* value = tensors.input(1);
  TF_LITE_ENSURE_STATUS(CheckTensors(ids, value, tensors.output(), data));
  int dims[8];
  dims[0] = SizeOfDimension(ids, 0);
  for (int d = 1; d < NumDimensions(value); ++d) {
    dims[d] = SizeOfDimension(value, d);
  }
  return micro::SetOutputShape(context, tensors.output(),
                               RuntimeShape(NumDimensions(value), dims));
}

TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  const OpData& data = *static_cast<const OpData*>(node->user_data);
  const TfLiteEvalTensor* ids = micro::GetEvalInput(context, node, 0);
  const TfLiteEvalTensor* value = micro::GetEvalInput(context, node, 1);
  TfLiteEvalTensor* output = micro::GetEvalOutput(context, node, 0);
  const int rows = value->dims->data[0];
  const int count = ids->dims->data[0];
  int row_size = 1;
  for (int d = 1; d < value->dims->size; ++d) row_size *= value->dims->data[d];
  const int32_t* id = micro::GetTensorData<int32_t>(ids);
  const size_t element = TfLiteTypeGetSize(value->type);
  for (int i = 0; i < count; ++i) {
    const int32_t row = id[i];
    if (row < 0 || row >= rows) {
      MicroPrintf("%s: id %d (position %d) is outside [0, %d)", kOp,
                  static_cast<int>(row), i, rows);
      return kTfLiteError;
    }
    if (!data.hybrid) {
      std::memcpy(output->data.raw + element * row_size * i,
                  value->data.raw + element * row_size * row,
                  element * row_size);
      continue;
    }
    const double scale =
        data.scales[data.scale_count > 1 ? row : 0];
    const int8_t* in = value->data.int8 + row_size * row;
    float* out = output->data.f + row_size * i;
    for (int k = 0; k < row_size; ++k) {
      out[k] = static_cast<float>(in[k] * scale);
    }
  }
  return kTfLiteOk;
}

}  // namespace

TfLiteRegistration Register_EMBEDDING_LOOKUP() {
  return micro::RegisterOp(Init, Prepare, Eval);
}

}  // namespace tflite
