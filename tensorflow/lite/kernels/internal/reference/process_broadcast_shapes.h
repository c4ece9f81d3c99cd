// reference_ops::ProcessBroadcastShapes, as TFLite/TFLM binary kernels call
// it in prepare: whether two input shapes need broadcasting, recorded in
// ArithmeticParams::broadcast_category. This runtime's broadcasting loops
// (broadcast_elementwise.h) have no separate fast paths, so a broadcast is
// always reported as kGenericBroadcast; kernels then take their general
// (...Slow) broadcasting functions, which compute the same results.
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_PROCESS_BROADCAST_SHAPES_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_PROCESS_BROADCAST_SHAPES_H_

#include "tensorflow/lite/kernels/internal/runtime_shape.h"
#include "tensorflow/lite/kernels/internal/types.h"

namespace tflite {
namespace reference_ops {

// True when the shapes differ (after padding the shorter one with leading
// 1s), i.e. when the kernel must broadcast.
inline bool ProcessBroadcastShapes(const RuntimeShape& shape0,
                                   const RuntimeShape& shape1,
                                   tflite::ArithmeticParams* params) {
  const int rank = shape0.DimensionsCount() > shape1.DimensionsCount()
                       ? shape0.DimensionsCount()
                       : shape1.DimensionsCount();
  const RuntimeShape a = RuntimeShape::ExtendedShape(rank, shape0);
  const RuntimeShape b = RuntimeShape::ExtendedShape(rank, shape1);
  bool same = true;
  for (int d = 0; d < rank; ++d) same = same && a.Dims(d) == b.Dims(d);
  params->broadcast_category =
      same ? BroadcastableOpCategory::kNonBroadcast
           : BroadcastableOpCategory::kGenericBroadcast;
  for (int d = 0; d < 5; ++d) params->broadcast_shape[d] = 1;
  return !same;
}

}  // namespace reference_ops
}  // namespace tflite

#endif  // TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_PROCESS_BROADCAST_SHAPES_H_
