// The geometry MaxPoolingWithArgmax2D and MaxUnpooling2D share: the pooled
// grid ([batches, pooled_height, pooled_width, depth]) against the full one
// ([batches, full_height, full_width, depth]), and where each pooling window
// starts in the full grid: pooled (y, x) covers full rows
// y * stride_height - pad_top + [0, filter_height), likewise columns.
#ifndef MEDIAPIPE_SRC_POOLING_GEOMETRY_H_
#define MEDIAPIPE_SRC_POOLING_GEOMETRY_H_

namespace tflite {
namespace mediapipe_ops {

struct PoolingGeometry {
  int batches, depth;
  int full_height, full_width;
  int pooled_height, pooled_width;
  int filter_height, filter_width;
  int stride_height, stride_width;
  int pad_top, pad_left;
};

// TFLite's ComputePadding with dilation 1: the padding before the first
// window, max(0, ((pooled - 1) * stride + filter - full) / 2).
inline int PoolingPadding(int stride, int full, int filter, int pooled) {
  const int padding = ((pooled - 1) * stride + filter - full) / 2;
  return padding > 0 ? padding : 0;
}

}  // namespace mediapipe_ops
}  // namespace tflite

#endif  // MEDIAPIPE_SRC_POOLING_GEOMETRY_H_
