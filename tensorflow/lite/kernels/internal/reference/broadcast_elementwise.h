// Loops for element-wise kernels with numpy-style broadcasting.
//
// Every operand is lined up with the output's trailing dimensions (missing
// leading dimensions count as 1) and an operand dimension of extent 1 is
// repeated along the output's dimension. Any rank up to
// RuntimeShape::kMaxDims works. The shapes must already be known to be
// broadcastable to `output_shape` (kernels check this while preparing).
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_BROADCAST_ELEMENTWISE_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_BROADCAST_ELEMENTWISE_H_

#include "tensorflow/lite/kernels/internal/common.h"
#include "tensorflow/lite/kernels/internal/runtime_shape.h"
#include "tensorflow/lite/kernels/internal/types.h"

namespace tflite {
namespace reference_ops {

// Element strides of an operand of shape `shape` read along each dimension
// of `output_shape`; 0 where the operand is broadcast (extent 1).
inline void OperandStrides(const RuntimeShape& shape,
                           const RuntimeShape& output_shape, int* strides) {
  const int rank = output_shape.DimensionsCount();
  const int missing = rank - shape.DimensionsCount();
  int stride = 1;
  for (int d = rank - 1; d >= 0; --d) {
    const int extent = d >= missing ? shape.Dims(d - missing) : 1;
    strides[d] = extent == 1 ? 0 : stride;
    stride *= extent;
  }
}

// Walks the output of `output_shape` in row-major order with up to three
// operands; calls visit(output_index, offset0, offset1, offset2) with each
// operand's element offset.
template <int kOperands, typename Visit>
inline void ForEachBroadcastElement(const RuntimeShape* const* operand_shapes,
                                    const RuntimeShape& output_shape,
                                    Visit&& visit) {
  const int rank = output_shape.DimensionsCount();
  const int count = output_shape.FlatSize();
  if (count == 0) return;
  if (rank == 0) {
    visit(0, 0, 0, 0);
    return;
  }
  int strides[3][RuntimeShape::kMaxDims] = {};
  for (int k = 0; k < kOperands; ++k) {
    OperandStrides(*operand_shapes[k], output_shape, strides[k]);
  }
  int index[RuntimeShape::kMaxDims] = {};
  int offsets[3] = {0, 0, 0};
  const int inner_extent = output_shape.Dims(rank - 1);
  const int inner_strides[3] = {strides[0][rank - 1], strides[1][rank - 1],
                                strides[2][rank - 1]};
  for (int out = 0; out < count; out += inner_extent) {
    for (int i = 0; i < inner_extent; ++i) {
      visit(out + i, offsets[0] + i * inner_strides[0],
            offsets[1] + i * inner_strides[1],
            offsets[2] + i * inner_strides[2]);
    }
    // Step the outer dimensions like an odometer.
    for (int d = rank - 2; d >= 0; --d) {
      for (int k = 0; k < 3; ++k) offsets[k] += strides[k][d];
      if (++index[d] < output_shape.Dims(d)) break;
      for (int k = 0; k < 3; ++k) {
        offsets[k] -= strides[k][d] * output_shape.Dims(d);
      }
      index[d] = 0;
    }
  }
}

// output[i] = fn(input1[...], input2[...]) over the broadcast output.
template <typename In1, typename In2, typename Out, typename Fn>
inline void BroadcastBinary(const RuntimeShape& input1_shape,
                            const In1* input1_data,
                            const RuntimeShape& input2_shape,
                            const In2* input2_data,
                            const RuntimeShape& output_shape, Out* output_data,
                            Fn&& fn) {
  const int count = output_shape.FlatSize();
  if (input1_shape.FlatSize() == count && input2_shape.FlatSize() == count) {
    // Nothing is broadcast: the shapes agree element for element.
    for (int i = 0; i < count; ++i) {
      output_data[i] = fn(input1_data[i], input2_data[i]);
    }
    return;
  }
  const RuntimeShape* shapes[3] = {&input1_shape, &input2_shape,
                                   &output_shape};
  ForEachBroadcastElement<2>(
      shapes, output_shape, [&](int out, int offset1, int offset2, int) {
        output_data[out] = fn(input1_data[offset1], input2_data[offset2]);
      });
}

// BroadcastBinary with the result clamped to the fused activation's range
// held in `params` (float32, int32 and int64 arithmetic).
template <typename T, typename P, typename Fn>
inline void BroadcastBinaryWithActivation(const P& params,
                                          const RuntimeShape& input1_shape,
                                          const T* input1_data,
                                          const RuntimeShape& input2_shape,
                                          const T* input2_data,
                                          const RuntimeShape& output_shape,
                                          T* output_data, Fn&& fn) {
  T low;
  T high;
  GetActivationParams(params, &low, &high);
  BroadcastBinary(input1_shape, input1_data, input2_shape, input2_data,
                  output_shape, output_data, [&](T a, T b) {
                    return ActivationFunctionWithMinMax(fn(a, b), low, high);
                  });
}

// output[i] = fn(input1[...], input2[...], input3[...]) over the broadcast
// output of three operands (SELECT_V2).
template <typename In1, typename In2, typename In3, typename Out, typename Fn>
inline void BroadcastTernary(const RuntimeShape& input1_shape,
                             const In1* input1_data,
                             const RuntimeShape& input2_shape,
                             const In2* input2_data,
                             const RuntimeShape& input3_shape,
                             const In3* input3_data,
                             const RuntimeShape& output_shape,
                             Out* output_data, Fn&& fn) {
  const int count = output_shape.FlatSize();
  if (input1_shape.FlatSize() == count && input2_shape.FlatSize() == count &&
      input3_shape.FlatSize() == count) {
    for (int i = 0; i < count; ++i) {
      output_data[i] = fn(input1_data[i], input2_data[i], input3_data[i]);
    }
    return;
  }
  const RuntimeShape* shapes[3] = {&input1_shape, &input2_shape,
                                   &input3_shape};
  ForEachBroadcastElement<3>(
      shapes, output_shape,
      [&](int out, int offset1, int offset2, int offset3) {
        output_data[out] = fn(input1_data[offset1], input2_data[offset2],
                              input3_data[offset3]);
      });
}

}  // namespace reference_ops
}  // namespace tflite

#endif  // TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_BROADCAST_ELEMENTWISE_H_
