// MediaPipe's MaxPoolingWithArgmax2D: max pooling (float32, NHWC) that also
// returns where in its window each maximum was, as a float:
// window_y * filter_width + window_x + 0.1 (the 0.1 makes a later
// truncation to int safe). The first maximum in row-major window order
// wins; a window entirely in the padding gives the lowest float and index
// 0.1. The maximum is clamped to [activation_min, activation_max].
#ifndef MEDIAPIPE_SRC_MAX_POOL_ARGMAX_H_
#define MEDIAPIPE_SRC_MAX_POOL_ARGMAX_H_

#include "mediapipe/src/pooling_geometry.h"

namespace tflite {
namespace mediapipe_ops {

// input: the full grid; output and indices: the pooled grid.
void MaxPoolWithArgmax(const PoolingGeometry& g, float activation_min,
                       float activation_max, const float* input,
                       float* output, float* indices);

}  // namespace mediapipe_ops
}  // namespace tflite

#endif  // MEDIAPIPE_SRC_MAX_POOL_ARGMAX_H_
