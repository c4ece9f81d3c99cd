// DENSIFY: turns a constant tensor stored in TFLite's sparse format
// (traversal_order, block_map, dim_metadata with dense and CSR levels) into
// a dense tensor of its shape. float32, float16 and int8 values.
//
// The sparse tensor's buffer holds only the stored values, so it is smaller
// than its shape says; the format is checked here against the buffer's real
// size before anything is read.
#include "tensorflow/lite/kernels/internal/reference/densify.h"

#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/micro_graph.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace {

using reference_ops::DensifyFormat;
using reference_ops::DensifyIndexArray;
using reference_ops::kDensifyMaxLevels;
using reference_ops::kDensifyMaxRank;

struct OpData {
  DensifyFormat format;
  int value_count;
};

void* Init(TfLiteContext* context, const char*, size_t) {
  return context->AllocatePersistentBuffer(context, sizeof(OpData));
}

bool ReadIndexArray(SparseIndexVector type, const void* table,
                    DensifyIndexArray* out) {
  // A union may name its type and still have no table.
  if (table == nullptr) return false;
  switch (type) {
    case SparseIndexVector_Int32Vector: {
      const auto* v = static_cast<const Int32Vector*>(table)->values();
      if (v == nullptr) return false;
      *out = {reinterpret_cast<const uint8_t*>(v->data()), 4,
              static_cast<int>(v->size())};
      return true;
    }
    case SparseIndexVector_Uint16Vector: {
      const auto* v = static_cast<const Uint16Vector*>(table)->values();
      if (v == nullptr) return false;
      *out = {reinterpret_cast<const uint8_t*>(v->data()), 2,
              static_cast<int>(v->size())};
      return true;
    }
    case SparseIndexVector_Uint8Vector: {
      const auto* v = static_cast<const Uint8Vector*>(table)->values();
      if (v == nullptr) return false;
      *out = {v->data(), 1, static_cast<int>(v->size())};
      return true;
    }
    default:
      return false;
  }
}

// Fills `format` from the model's sparsity parameters, checking that they
// describe `dims` and exactly `value_count` stored values.
TfLiteStatus ReadFormat(const SparsityParameters* sparsity,
                        const TfLiteIntArray* dims, int value_count,
                        DensifyFormat* format) {
  const auto* order = sparsity->traversal_order();
  const auto* block_map = sparsity->block_map();
  const auto* metadata = sparsity->dim_metadata();
  const int rank = dims->size;
  if (order == nullptr || metadata == nullptr || rank > kDensifyMaxRank) {
    MicroPrintf(
        "DENSIFY: the sparsity parameters need traversal_order and "
        "dim_metadata (rank at most %d)",
        kDensifyMaxRank);
    return kTfLiteError;
  }
  const int levels = static_cast<int>(order->size());
  const int blocks = block_map == nullptr ? 0 : static_cast<int>(block_map->size());
  if (levels != rank + blocks || levels > kDensifyMaxLevels ||
      static_cast<int>(metadata->size()) != levels) {
    MicroPrintf(
        "DENSIFY: a rank-%d tensor with %d blocked dimensions needs %d "
        "traversal_order and dim_metadata entries, got %d and %d",
        rank, blocks, rank + blocks, levels,
        static_cast<int>(metadata->size()));
    return kTfLiteError;
  }
  format->rank = rank;
  format->levels = levels;
  for (int d = 0; d < rank; ++d) format->dense_shape[d] = dims->data[d];
  // traversal_order must be a permutation of 0..levels-1.
  bool seen[kDensifyMaxLevels] = {};
  for (int l = 0; l < levels; ++l) {
    const int d = order->Get(l);
    if (d < 0 || d >= levels || seen[d]) {
      MicroPrintf("DENSIFY: traversal_order is not a permutation of 0..%d",
                  levels - 1);
      return kTfLiteError;
    }
    seen[d] = true;
    format->traversal_order[l] = d;
  }
  // Block sizes come from the block levels' dense sizes.
  for (int k = 0; k < blocks; ++k) {
    const int dim = block_map->Get(k);
    if (dim < 0 || dim >= rank) {
      MicroPrintf("DENSIFY: block_map entry %d names dimension %d of %d", k,
                  dim, rank);
      return kTfLiteError;
    }
    format->block_map[k] = dim;
    format->block_size[k] = 0;
  }
  for (int l = 0; l < levels; ++l) {
    const int d = format->traversal_order[l];
    if (d >= rank) {
      const DimensionMetadata* m = metadata->Get(l);
      if (m->format() != DimensionType_DENSE || m->dense_size() <= 0) {
        MicroPrintf("DENSIFY: block dimensions must be dense with a size");
        return kTfLiteError;
      }
      format->block_size[d - rank] = m->dense_size();
    }
  }
  // The extent of each level.
  int extent[kDensifyMaxLevels];
  for (int l = 0; l < levels; ++l) {
    const int d = format->traversal_order[l];
    if (d >= rank) {
      extent[l] = format->block_size[d - rank];
      continue;
    }
    int size = dims->data[d];
    for (int k = 0; k < blocks; ++k) {
      if (format->block_map[k] != d) continue;
      if (size % format->block_size[k] != 0) {
        MicroPrintf("DENSIFY: dimension %d (%d) is not a multiple of its "
                    "block size %d",
                    d, size, format->block_size[k]);
        return kTfLiteError;
      }
      size /= format->block_size[k];
    }
    extent[l] = size;
  }
  // Walk the levels counting positions, checking every index array.
  int64_t positions = 1;
  for (int l = 0; l < levels; ++l) {
    const DimensionMetadata* m = metadata->Get(l);
    reference_ops::DensifyLevel& level = format->level[l];
    level.size = extent[l];
    if (m->format() == DimensionType_DENSE) {
      if (m->dense_size() != extent[l]) {
        MicroPrintf("DENSIFY: dense level %d has size %d, the shape needs %d",
                    l, m->dense_size(), extent[l]);
        return kTfLiteError;
      }
      level.sparse = false;
      level.segments = {nullptr, 1, 0};
      level.indices = {nullptr, 1, 0};
      positions *= extent[l];
      if (positions > (int64_t{1} << 30)) {
        MicroPrintf("DENSIFY: the tensor is too large");
        return kTfLiteError;
      }
      continue;
    }
    level.sparse = true;
    if (!ReadIndexArray(m->array_segments_type(), m->array_segments(),
                        &level.segments) ||
        !ReadIndexArray(m->array_indices_type(), m->array_indices(),
                        &level.indices)) {
      MicroPrintf("DENSIFY: CSR level %d lacks array_segments or "
                  "array_indices",
                  l);
      return kTfLiteError;
    }
    if (level.segments.count != positions + 1 ||
        level.segments.At(0) != 0) {
      MicroPrintf(
          "DENSIFY: CSR level %d needs %d segment boundaries starting at 0, "
          "got %d",
          l, static_cast<int>(positions + 1), level.segments.count);
      return kTfLiteError;
    }
    for (int i = 0; i + 1 < level.segments.count; ++i) {
      if (level.segments.At(i + 1) < level.segments.At(i)) {
        MicroPrintf("DENSIFY: CSR level %d has decreasing segments", l);
        return kTfLiteError;
      }
    }
    const int stored = level.segments.At(level.segments.count - 1);
    if (stored != level.indices.count) {
      MicroPrintf("DENSIFY: CSR level %d: segments end at %d but there are "
                  "%d indices",
                  l, stored, level.indices.count);
      return kTfLiteError;
    }
    for (int i = 0; i < level.indices.count; ++i) {
      const int index = level.indices.At(i);
      if (index < 0 || index >= extent[l]) {
        MicroPrintf("DENSIFY: CSR level %d has index %d outside 0..%d", l,
                    index, extent[l] - 1);
        return kTfLiteError;
      }
    }
    positions = stored;
  }
  if (positions != value_count) {
    MicroPrintf(
        "DENSIFY: the sparsity parameters describe %d stored values, the "
        "buffer holds %d",
        static_cast<int>(positions), value_count);
    return kTfLiteError;
  }
  return kTfLiteOk;
}

TfLiteStatus Prepare(TfLiteContext* context, TfLiteNode* node) {
  TF_LITE_ENSURE(context, node->user_data != nullptr);
  OpData* data = static_cast<OpData*>(node->user_data);
  if (NumInputs(node) != 1 || NumOutputs(node) != 1) {
    MicroPrintf("DENSIFY: needs 1 input and 1 output, got %d and %d",
                NumInputs(node), NumOutputs(node));
    return kTfLiteError;
  }
  MicroGraph& graph = GetMicroContext(context)->graph();
  const int subgraph = graph.GetCurrentSubgraphIndex();
  const int input_index = node->inputs->data[0];
  TF_LITE_ENSURE(context, input_index >= 0);
  const Tensor* model_tensor = graph.GetModelTensor(subgraph, input_index);
  const ConstantData stored = graph.GetConstantData(subgraph, input_index);
  // (An all-zero tensor has no stored values and so no data: LiteRT
  // rejects it as not constant, and so does this.)
  if (model_tensor->sparsity() == nullptr || stored.data == nullptr ||
      model_tensor->is_variable()) {
    MicroPrintf("DENSIFY: the input must be a constant sparse tensor");
    return kTfLiteError;
  }
  const TfLiteEvalTensor* input = micro::GetEvalInput(context, node, 0);
  TfLiteEvalTensor* output_eval = micro::GetEvalOutput(context, node, 0);
  TF_LITE_ENSURE(context, input != nullptr && output_eval != nullptr);
  if (input->type != kTfLiteFloat32 && input->type != kTfLiteInt8 &&
      input->type != kTfLiteFloat16) {
    MicroPrintf(
        "DENSIFY: type %s is not supported (float32, float16 or int8)",
                TfLiteTypeGetName(input->type));
    return kTfLiteError;
  }
  if (output_eval->type != input->type) {
    MicroPrintf("DENSIFY: the output is %s, the input %s",
                TfLiteTypeGetName(output_eval->type),
                TfLiteTypeGetName(input->type));
    return kTfLiteError;
  }
  const size_t element = TfLiteTypeGetSize(input->type);
  if (stored.size % element != 0) {
    MicroPrintf("DENSIFY: the buffer's %u bytes are not whole %s values",
                static_cast<unsigned>(stored.size),
                TfLiteTypeGetName(input->type));
    return kTfLiteError;
  }
  data->value_count = static_cast<int>(stored.size / element);
  TF_LITE_ENSURE_STATUS(ReadFormat(model_tensor->sparsity(), input->dims,
                                   data->value_count, &data->format));

  MicroContext* micro_context = GetMicroContext(context);
  TfLiteTensor* output = micro_context->AllocateTempOutputTensor(node, 0);
  TF_LITE_ENSURE(context, output != nullptr);
  const TfLiteStatus status =
      micro::SetOutputShape(context, output, input->dims);
  micro_context->DeallocateTempTfLiteTensor(output);
  return status;
}

TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  const OpData& data = *static_cast<const OpData*>(node->user_data);
  const TfLiteEvalTensor* input = micro::GetEvalInput(context, node, 0);
  TfLiteEvalTensor* output = micro::GetEvalOutput(context, node, 0);
  const int output_count = micro::ElementCount(*output->dims);
  if (input->type == kTfLiteFloat32) {
    reference_ops::Densify(data.format, micro::GetTensorData<float>(input),
                           data.value_count,
                           micro::GetTensorData<float>(output), output_count);
  } else if (input->type == kTfLiteFloat16) {
    // Densifying moves values without arithmetic: float16 travels as its
    // bits, and the bits of +0.0 are all zero.
    reference_ops::Densify(data.format, micro::GetTensorData<uint16_t>(input),
                           data.value_count,
                           micro::GetTensorData<uint16_t>(output),
                           output_count);
  } else {
    reference_ops::Densify(data.format, micro::GetTensorData<int8_t>(input),
                           data.value_count,
                           micro::GetTensorData<int8_t>(output), output_count);
  }
  return kTfLiteOk;
}

}  // namespace

TfLiteRegistration Register_DENSIFY() {
  return micro::RegisterOp(Init, Prepare, Eval);
}

}  // namespace tflite
