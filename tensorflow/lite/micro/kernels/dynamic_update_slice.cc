// DYNAMIC_UPDATE_SLICE: the operand with `update` written over it at
// `start_indices` (int32 or int64, one per dimension). Each start is first
// clamped to [0, operand size - update size], as XLA defines the op, so the
// update always lies inside. Any element type that only moves.
#include <algorithm>
#include <cstring>

#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/elementwise_util.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/movement_util.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace {

constexpr char kOp[] = "DYNAMIC_UPDATE_SLICE";
constexpr int kMaxRank = 8;

TfLiteStatus CheckTensors(const TfLiteTensor* operand,
                          const TfLiteTensor* update,
                          const TfLiteTensor* start,
                          const TfLiteTensor* output) {
  TF_LITE_ENSURE_STATUS(
      movement::CheckMovableType(kOp, "operand", operand->type));
  if (update->type != operand->type || output->type != operand->type) {
    MicroPrintf("%s: operand, update and output must have one type (%s, %s, "
                "%s)",
                kOp, TfLiteTypeGetName(operand->type),
                TfLiteTypeGetName(update->type),
                TfLiteTypeGetName(output->type));
    return kTfLiteError;
  }
  const int rank = NumDimensions(operand);
  if (rank > kMaxRank || NumDimensions(update) != rank) {
    MicroPrintf("%s: the update must have the operand's rank (%d, at most "
                "%d), not %d",
                kOp, rank, kMaxRank, NumDimensions(update));
    return kTfLiteError;
  }
  for (int d = 0; d < rank; ++d) {
    if (SizeOfDimension(update, d) > SizeOfDimension(operand, d)) {
      MicroPrintf("%s: the update is larger than the operand in dimension "
                  "%d (%d > %d)",
                  kOp, d, SizeOfDimension(update, d),
                  SizeOfDimension(operand, d));
      return kTfLiteError;
    }
  }
  if ((start->type != kTfLiteInt32 && start->type != kTfLiteInt64) ||
      NumDimensions(start) != 1 || SizeOfDimension(start, 0) != rank) {
    MicroPrintf("%s: start_indices must be int32 or int64 of shape [%d]", kOp,
                rank);
    return kTfLiteError;
  }
  return kTfLiteOk;
}

TfLiteStatus Prepare(TfLiteContext* context, TfLiteNode* node) {
  micro::PrepareTensors tensors(context, node);
  TF_LITE_ENSURE_STATUS(tensors.Fetch(kOp, 3));
  TF_LITE_ENSURE_STATUS(CheckTensors(tensors.input(0), tensors.input(1),
                                     tensors.input(2), tensors.output()));
  return micro::SetOutputShape(context, tensors.output(),
                               GetTensorShape(tensors.input(0)));
}

// Copies the update's rows (its last dimension, contiguous in both) to
// their place in the output, dimension by dimension.
template <typename T>
void WriteUpdate(const T* update, const int* update_dims,
                 const int* output_strides, const int* update_strides,
                 const int32_t* start, int rank, int d, int output_offset,
                 int update_offset, T* output) {
  const int at = output_offset + start[d] * output_strides[d];
  if (d == rank - 1) {
    std::memcpy(output + at, update + update_offset,
                sizeof(T) * static_cast<size_t>(update_dims[d]));
    return;
  }
  for (int i = 0; i < update_dims[d]; ++i) {
    WriteUpdate(update, update_dims, output_strides, update_strides, start,
                rank, d + 1, at + i * output_strides[d],
                update_offset + i * update_strides[d], output);
  }
}

TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  const TfLiteEvalTensor* operand = micro::GetEvalInput(context, node, 0);
  const TfLiteEvalTensor* update = micro::GetEvalInput(context, node, 1);
  const TfLiteEvalTensor* start_tensor = micro::GetEvalInput(context, node, 2);
  TfLiteEvalTensor* output = micro::GetEvalOutput(context, node, 0);
  const int rank = operand->dims->size;
  int32_t start[kMaxRank];
  int count = 0;
  TF_LITE_ENSURE_STATUS(movement::ReadIntVector(
      kOp, "start_indices", start_tensor, kMaxRank, start, &count));
  TF_LITE_ENSURE_EQ(context, count, rank);
  int output_strides[kMaxRank];
  int update_strides[kMaxRank];
  int output_stride = 1;
  int update_stride = 1;
  int update_count = 1;
  for (int d = rank - 1; d >= 0; --d) {
    const int size = operand->dims->data[d];
    const int update_size = update->dims->data[d];
    start[d] = std::min<int32_t>(std::max<int32_t>(start[d], 0),
                                 size - update_size);
    output_strides[d] = output_stride;
    update_strides[d] = update_stride;
    output_stride *= size;
    update_stride *= update_size;
    update_count *= update_size;
  }
  const size_t element = TfLiteTypeGetSize(operand->type);
  const size_t bytes =
      static_cast<size_t>(micro::ElementCount(*operand->dims)) * element;
  if (bytes > 0 && output->data.raw != operand->data.raw) {
    std::memcpy(output->data.raw, operand->data.raw, bytes);
  }
  if (update_count == 0) return kTfLiteOk;
  if (rank == 0) {
    std::memcpy(output->data.raw, update->data.raw, element);
    return kTfLiteOk;
  }
  return movement::ForElementSize(operand->type, [&](auto zero) {
    using T = decltype(zero);
    WriteUpdate(static_cast<const T*>(update->data.data), update->dims->data,
                output_strides, update_strides, start, rank, 0, 0, 0,
                static_cast<T*>(output->data.data));
  });
}

}  // namespace

TfLiteRegistration Register_DYNAMIC_UPDATE_SLICE() {
  return micro::RegisterOp(nullptr, Prepare, Eval);
}

}  // namespace tflite
