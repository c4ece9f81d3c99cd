// MediaPipe's Landmarks2TransformMatrix (version 2): from 3-D landmarks
// ([N, 3] floats), the 4x4 row-major matrix that maps an output crop of
// output_width x output_height pixels onto the landmarks' frame:
//   rotation r = target_rotation_radians - atan2(yR - yL, xR - xL) over the
//     left/right rotation landmarks;
//   the subset landmarks rotated by r (as (x, y, 1) through a 3x3 rotation)
//     give a box: its size (w, h) and its center rotated back by -r (cx, cy);
//   M = T(cx, cy) * R(-r) * S(scale_x * w / output_width,
//       scale_y * h / output_height) * T(-output_width / 2,
//       -output_height / 2), all in float, multiplied left to right.
#ifndef MEDIAPIPE_SRC_LANDMARKS_TO_TRANSFORM_MATRIX_H_
#define MEDIAPIPE_SRC_LANDMARKS_TO_TRANSFORM_MATRIX_H_

namespace tflite {
namespace mediapipe_ops {

struct LandmarksToMatrixParams {
  const int* subset;  // landmark indices (each < the landmark count)
  int subset_count;   // >= 1
  int left_rotation_idx, right_rotation_idx;
  float target_rotation_radians;
  int output_height, output_width;
  float scale_x, scale_y;
};

void LandmarksToTransformMatrix(const LandmarksToMatrixParams& params,
                                const float* landmarks, float* matrix);

}  // namespace mediapipe_ops
}  // namespace tflite

#endif  // MEDIAPIPE_SRC_LANDMARKS_TO_TRANSFORM_MATRIX_H_
