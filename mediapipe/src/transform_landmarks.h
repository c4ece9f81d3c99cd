// MediaPipe's TransformLandmarks: applies the first two rows of a 4x4
// row-major matrix M to landmarks (x, y[, z]):
//   x' = M00 x + M01 y + M02 * 0 + s * M03
//   y' = M10 x + M11 y + M12 * 0 + s * M13
// in float, summed in that order; z is copied. s is the version-1 "scale"
// option (1 in version 2).
#ifndef MEDIAPIPE_SRC_TRANSFORM_LANDMARKS_H_
#define MEDIAPIPE_SRC_TRANSFORM_LANDMARKS_H_

namespace tflite {
namespace mediapipe_ops {

// `count` landmarks of `dimensions` (2 or 3) floats each, packed.
void TransformLandmarks(const float* landmarks, int count, int dimensions,
                        const float* matrix, float scale, float* output);

}  // namespace mediapipe_ops
}  // namespace tflite

#endif  // MEDIAPIPE_SRC_TRANSFORM_LANDMARKS_H_
