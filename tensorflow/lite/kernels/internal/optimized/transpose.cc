#include "tensorflow/lite/kernels/internal/optimized/transpose.h"

#include <cstring>

namespace tflite {
namespace optimized_ops {
namespace transpose_internal {
namespace {

constexpr int kMaxDims = RuntimeShape::kMaxDims;
constexpr int kTile = 16;

// The transpose with size-1 dimensions dropped and neighbouring input
// dimensions that stay neighbours (in order) in the output merged.
// out_dims[k] = in_dims[perm[k]].
struct Reduced {
  int rank;
  int in_dims[kMaxDims];
  int perm[kMaxDims];
};

Reduced Reduce(const TransposeParams& params, const RuntimeShape& shape) {
  const int rank = shape.DimensionsCount();
  // Output order of the input dimensions larger than 1.
  int order[kMaxDims];
  int kept = 0;
  for (int k = 0; k < rank; ++k) {
    if (shape.Dims(params.perm[k]) != 1) order[kept++] = params.perm[k];
  }
  // Group runs of consecutive input dimensions (skipping size-1 ones).
  int group_size[kMaxDims];
  int first_dim[kMaxDims];
  int groups = 0;
  for (int k = 0; k < kept; ++k) {
    bool joins = false;
    if (k > 0) {
      int previous = order[k - 1] + 1;
      while (previous < order[k] && shape.Dims(previous) == 1) ++previous;
      joins = previous == order[k];
    }
    if (!joins) {
      first_dim[groups] = order[k];
      group_size[groups] = 1;
      ++groups;
    }
    group_size[groups - 1] *= shape.Dims(order[k]);
  }
  // Input order of the groups: by their first input dimension.
  Reduced r;
  r.rank = groups;
  int input_position[kMaxDims];
  for (int g = 0; g < groups; ++g) {
    int position = 0;
    for (int h = 0; h < groups; ++h) {
      if (first_dim[h] < first_dim[g]) ++position;
    }
    input_position[g] = position;
    r.in_dims[position] = group_size[g];
  }
  for (int g = 0; g < groups; ++g) r.perm[g] = input_position[g];
  return r;
}

// out[b][j][i] = in[b][i][j], in being [batches, rows, cols].
template <typename W>
void Swap2d(int batches, int rows, int cols, const W* in, W* out) {
  for (int b = 0; b < batches; ++b) {
    const W* in_b = in + b * rows * cols;
    W* out_b = out + b * rows * cols;
    if (rows <= 4) {
      // Few rows (e.g. 3 channels): write each output row in one go.
      for (int j = 0; j < cols; ++j) {
        for (int i = 0; i < rows; ++i) out_b[j * rows + i] = in_b[i * cols + j];
      }
      continue;
    }
    for (int i0 = 0; i0 < rows; i0 += kTile) {
      const int i1 = i0 + kTile < rows ? i0 + kTile : rows;
      for (int j0 = 0; j0 < cols; j0 += kTile) {
        const int j1 = j0 + kTile < cols ? j0 + kTile : cols;
        for (int j = j0; j < j1; ++j) {
          for (int i = i0; i < i1; ++i) {
            out_b[j * rows + i] = in_b[i * cols + j];
          }
        }
      }
    }
  }
}

template <typename W>
void TransposeTyped(const TransposeParams& params,
                    const RuntimeShape& input_shape, const void* input,
                    void* output) {
  const W* in = static_cast<const W*>(input);
  W* out = static_cast<W*>(output);
  const int count = input_shape.FlatSize();
  if (count == 0) return;
  const Reduced r = Reduce(params, input_shape);
  if (r.rank <= 1) {
    std::memcpy(out, in, sizeof(W) * count);
    return;
  }
  if (r.rank == 2) {
    Swap2d(1, r.in_dims[0], r.in_dims[1], in, out);
    return;
  }
  if (r.rank == 3 && r.perm[0] == 0 && r.perm[1] == 2 && r.perm[2] == 1) {
    Swap2d(r.in_dims[0], r.in_dims[1], r.in_dims[2], in, out);
    return;
  }
  int in_stride[kMaxDims];
  int stride = 1;
  for (int d = r.rank - 1; d >= 0; --d) {
    in_stride[d] = stride;
    stride *= r.in_dims[d];
  }
  int out_dims[kMaxDims];
  int step[kMaxDims];
  for (int k = 0; k < r.rank; ++k) {
    out_dims[k] = r.in_dims[r.perm[k]];
    step[k] = in_stride[r.perm[k]];
  }
  const int last = r.rank - 1;
  const int row = out_dims[last];
  const int row_step = step[last];
  // The output's rows read the input contiguously when its last dimension
  // is the input's last.
  const bool contiguous = row_step == 1;
  int coordinate[kMaxDims] = {};
  int offset = 0;
  for (int written = 0; written < count; written += row) {
    if (contiguous) {
      std::memcpy(out + written, in + offset, sizeof(W) * row);
    } else {
      const W* source = in + offset;
      W* target = out + written;
      for (int j = 0; j < row; ++j) target[j] = source[j * row_step];
    }
    for (int k = last - 1; k >= 0; --k) {
      ++coordinate[k];
      offset += step[k];
      if (coordinate[k] < out_dims[k]) break;
      offset -= step[k] * coordinate[k];
      coordinate[k] = 0;
    }
  }
}

}  // namespace

void TransposeWords(const TransposeParams& params,
                    const RuntimeShape& input_shape, int word_bytes,
                    const void* input, void* output) {
  switch (word_bytes) {
    case 1:
      TransposeTyped<uint8_t>(params, input_shape, input, output);
      break;
    case 2:
      TransposeTyped<uint16_t>(params, input_shape, input, output);
      break;
    case 4:
      TransposeTyped<uint32_t>(params, input_shape, input, output);
      break;
    default:
      TransposeTyped<uint64_t>(params, input_shape, input, output);
      break;
  }
}

}  // namespace transpose_internal
}  // namespace optimized_ops
}  // namespace tflite
