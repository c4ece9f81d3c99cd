#include "mediapipe/src/landmarks_to_transform_matrix.h"

#include <cmath>

namespace tflite {
namespace mediapipe_ops {
namespace {

// (m * v) for a 3x3 row-major m, each row's sum accumulated from 0.
void Apply3(const float* m, const float* v, float* out) {
  for (int r = 0; r < 3; ++r) {
    float sum = 0.0f;
    for (int k = 0; k < 3; ++k) sum += m[r * 3 + k] * v[k];
    out[r] = sum;
  }
}

// a = a * b for 4x4 row-major matrices.
void MultiplyInto(float* a, const float* b) {
  float result[16];
  for (int r = 0; r < 4; ++r) {
    for (int c = 0; c < 4; ++c) {
      float sum = 0.0f;
      for (int k = 0; k < 4; ++k) sum += a[r * 4 + k] * b[k * 4 + c];
      result[r * 4 + c] = sum;
    }
  }
  for (int i = 0; i < 16; ++i) a[i] = result[i];
}

}  // namespace

void LandmarksToTransformMatrix(const LandmarksToMatrixParams& p,
                                const float* landmarks, float* matrix) {
  const float* left = landmarks + 3 * p.left_rotation_idx;
  const float* right = landmarks + 3 * p.right_rotation_idx;
  const float rotation =
      p.target_rotation_radians -
      std::atan2(right[1] - left[1], right[0] - left[0]);
  const float r = rotation;
  const float rotate[9] = {std::cos(r), -std::sin(r), 0.0f,
                           std::sin(r), std::cos(r),  0.0f,
                           0.0f,        0.0f,         1.0f};
  const float unrotate[9] = {std::cos(-r), -std::sin(-r), 0.0f,
                             std::sin(-r), std::cos(-r),  0.0f,
                             0.0f,         0.0f,          1.0f};
  float max_xy[2] = {0.0f, 0.0f};
  float min_xy[2] = {0.0f, 0.0f};
  for (int i = 0; i < p.subset_count; ++i) {
    const float* point = landmarks + 3 * p.subset[i];
    const float homogeneous[3] = {point[0], point[1], 1.0f};
    float rotated[3];
    Apply3(rotate, homogeneous, rotated);
    for (int d = 0; d < 2; ++d) {
      if (i == 0 || max_xy[d] < rotated[d]) max_xy[d] = rotated[d];
      if (i == 0 || min_xy[d] > rotated[d]) min_xy[d] = rotated[d];
    }
  }
  const float crop_width = max_xy[0] - min_xy[0];
  const float crop_height = max_xy[1] - min_xy[1];
  // The box's center, (min + max) / 2 with the homogeneous 1 kept.
  const float center[3] = {(min_xy[0] + max_xy[0]) / 2,
                           (min_xy[1] + max_xy[1]) / 2, 1.0f};
  float crop[3];
  Apply3(unrotate, center, crop);

  float m[16] = {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1};
  const float shift[16] = {1, 0, 0, crop[0], 0, 1, 0, crop[1],
                           0, 0, 1, 0,       0, 0, 0, 1};
  MultiplyInto(m, shift);
  const float back = -rotation;
  const float turn[16] = {std::cos(back), -std::sin(back), 0, 0,
                          std::sin(back), std::cos(back),  0, 0,
                          0,              0,               1, 0,
                          0,              0,               0, 1};
  MultiplyInto(m, turn);
  const float sx = p.scale_x * crop_width / p.output_width;
  const float sy = p.scale_y * crop_height / p.output_height;
  const float scale[16] = {sx, 0, 0, 0, 0, sy, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1};
  MultiplyInto(m, scale);
  const float shift_x = static_cast<float>(-1.0 * (p.output_width / 2.0));
  const float shift_y = static_cast<float>(-1.0 * (p.output_height / 2.0));
  const float center_shift[16] = {1, 0, 0, shift_x, 0, 1, 0, shift_y,
                                  0, 0, 1, 0,       0, 0, 0, 1};
  MultiplyInto(m, center_shift);
  for (int i = 0; i < 16; ++i) matrix[i] = m[i];
}

}  // namespace mediapipe_ops
}  // namespace tflite
