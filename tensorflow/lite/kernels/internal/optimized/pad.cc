#include "tensorflow/lite/kernels/internal/optimized/pad.h"

#include <cstring>

namespace tflite {
namespace optimized_ops {
namespace pad_internal {
namespace {

constexpr int kMaxDims = RuntimeShape::kMaxDims;

// The layout shared by both paddings: `last` is the last padded dimension
// (-1 when none is); the dimensions after it form contiguous blocks of
// `block` elements, the same in input and output. Strides are in elements.
struct Layout {
  int rank;
  int last;
  int block;
  int in_stride[kMaxDims];
  int out_stride[kMaxDims];
};

Layout MakeLayout(const reference_ops::PadSpec& spec, const int32_t* in_dims,
                  const int32_t* out_dims) {
  Layout layout;
  layout.rank = spec.rank;
  layout.last = spec.rank - 1;
  while (layout.last >= 0 && spec.before[layout.last] == 0 &&
         spec.after[layout.last] == 0) {
    --layout.last;
  }
  int in_stride = 1;
  int out_stride = 1;
  for (int d = spec.rank - 1; d >= 0; --d) {
    layout.in_stride[d] = in_stride;
    layout.out_stride[d] = out_stride;
    in_stride *= in_dims[d];
    out_stride *= out_dims[d];
  }
  // Unused when nothing is padded (last == -1).
  layout.block = layout.last >= 0 ? layout.in_stride[layout.last] : 1;
  return layout;
}

// memcpy of `count` words; nothing (and no pointer passed on) when zero.
template <typename W>
void Copy(W* out, const W* in, int count) {
  if (count > 0) std::memcpy(out, in, sizeof(W) * count);
}

int FlatSize(const int32_t* dims, int rank) {
  int size = 1;
  for (int d = 0; d < rank; ++d) size *= dims[d];
  return size;
}

// With no padding at all (also rank 0) the output is a copy: makes it and
// returns true.
template <typename W>
bool CopiedUnpadded(const reference_ops::PadSpec& spec, const Layout& layout,
                    const int32_t* in_dims, const W* in, W* out) {
  if (layout.last >= 0) return false;
  Copy(out, in, FlatSize(in_dims, spec.rank));
  return true;
}

template <typename W>
void Fill(W* out, int count, W value) {
  for (int i = 0; i < count; ++i) out[i] = value;
}

// Writes the output slab of dimension `dim` from the input slab at `in`.
template <typename W>
void PadSlab(const reference_ops::PadSpec& spec, const Layout& layout,
             const int32_t* in_dims, int dim, const W* in, W value, W* out) {
  const int out_inner = layout.out_stride[dim];
  const int before = spec.before[dim] * out_inner;
  Fill(out, before, value);
  out += before;
  if (dim == layout.last) {
    const int count = in_dims[dim] * layout.block;
    Copy(out, in, count);
    out += count;
  } else {
    const int in_inner = layout.in_stride[dim];
    for (int i = 0; i < in_dims[dim]; ++i) {
      PadSlab(spec, layout, in_dims, dim + 1, in + i * in_inner, value,
              out + i * out_inner);
    }
    out += in_dims[dim] * out_inner;
  }
  Fill(out, spec.after[dim] * out_inner, value);
}

template <typename W>
void PadTyped(const reference_ops::PadSpec& spec, const int32_t* in_dims,
              const int32_t* out_dims, const void* input, const void* value,
              void* output) {
  W fill;
  std::memcpy(&fill, value, sizeof(W));
  const W* in = static_cast<const W*>(input);
  W* out = static_cast<W*>(output);
  const Layout layout = MakeLayout(spec, in_dims, out_dims);
  if (!CopiedUnpadded(spec, layout, in_dims, in, out)) {
    PadSlab(spec, layout, in_dims, 0, in, fill, out);
  }
}

// Writes the output slab of dimension `dim`: first the interior from the
// input, then each padded position as a copy of the interior slab it
// mirrors (already written).
template <typename W>
void MirrorSlab(const reference_ops::PadSpec& spec, bool reflect,
                const Layout& layout, const int32_t* in_dims,
                const int32_t* out_dims, int dim, const W* in, W* out) {
  const int out_inner = layout.out_stride[dim];
  const int before = spec.before[dim];
  const int size = in_dims[dim];
  if (dim == layout.last) {
    Copy(out + before * out_inner, in, size * layout.block);
  } else {
    const int in_inner = layout.in_stride[dim];
    for (int i = 0; i < size; ++i) {
      MirrorSlab(spec, reflect, layout, in_dims, out_dims, dim + 1,
                 in + i * in_inner, out + (before + i) * out_inner);
    }
  }
  for (int p = 0; p < out_dims[dim]; ++p) {
    if (p == before) p += size;  // the interior, written above
    if (p >= out_dims[dim]) break;
    const int source =
        before + reference_ops::MirrorIndex(p, before, size, reflect);
    Copy(out + p * out_inner, out + source * out_inner, out_inner);
  }
}

template <typename W>
void MirrorPadTyped(const reference_ops::PadSpec& spec, bool reflect,
                    const int32_t* in_dims, const int32_t* out_dims,
                    const void* input, void* output) {
  const W* in = static_cast<const W*>(input);
  W* out = static_cast<W*>(output);
  const Layout layout = MakeLayout(spec, in_dims, out_dims);
  if (!CopiedUnpadded(spec, layout, in_dims, in, out)) {
    MirrorSlab(spec, reflect, layout, in_dims, out_dims, 0, in, out);
  }
}

}  // namespace

void PadWords(const reference_ops::PadSpec& spec, const int32_t* in_dims,
              const int32_t* out_dims, int word_bytes, const void* input,
              const void* value, void* output) {
  switch (word_bytes) {
    case 1:
      PadTyped<uint8_t>(spec, in_dims, out_dims, input, value, output);
      break;
    case 2:
      PadTyped<uint16_t>(spec, in_dims, out_dims, input, value, output);
      break;
    case 4:
      PadTyped<uint32_t>(spec, in_dims, out_dims, input, value, output);
      break;
    default:
      PadTyped<uint64_t>(spec, in_dims, out_dims, input, value, output);
      break;
  }
}

void MirrorPadWords(const reference_ops::PadSpec& spec, bool reflect,
                    const int32_t* in_dims, const int32_t* out_dims,
                    int word_bytes, const void* input, void* output) {
  switch (word_bytes) {
    case 1:
      MirrorPadTyped<uint8_t>(spec, reflect, in_dims, out_dims, input, output);
      break;
    case 2:
      MirrorPadTyped<uint16_t>(spec, reflect, in_dims, out_dims, input,
                               output);
      break;
    case 4:
      MirrorPadTyped<uint32_t>(spec, reflect, in_dims, out_dims, input,
                               output);
      break;
    default:
      MirrorPadTyped<uint64_t>(spec, reflect, in_dims, out_dims, input,
                               output);
      break;
  }
}

}  // namespace pad_internal
}  // namespace optimized_ops
}  // namespace tflite
