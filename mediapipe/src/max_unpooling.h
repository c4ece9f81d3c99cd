// MediaPipe's MaxUnpooling2D: the inverse of MaxPoolingWithArgmax2D. The
// output (the full grid, float32, NHWC) is zero except where a pooled value
// goes back: pooled (y, x) with window index i = int(indices[y, x])
// (truncated) writes its value at full row y * stride_height - pad_top +
// i / filter_width and column x * stride_width - pad_left + i %
// filter_width (C's division and remainder). Targets outside the grid are
// skipped; a later pooled position overwrites an earlier one (row-major
// order). An index that is not a finite float within int range is skipped
// too (MediaPipe converts it regardless).
#ifndef MEDIAPIPE_SRC_MAX_UNPOOLING_H_
#define MEDIAPIPE_SRC_MAX_UNPOOLING_H_

#include "mediapipe/src/pooling_geometry.h"

namespace tflite {
namespace mediapipe_ops {

// input and indices: the pooled grid; output: the full grid.
void MaxUnpool(const PoolingGeometry& g, const float* input,
               const float* indices, float* output);

}  // namespace mediapipe_ops
}  // namespace tflite

#endif  // MEDIAPIPE_SRC_MAX_UNPOOLING_H_
