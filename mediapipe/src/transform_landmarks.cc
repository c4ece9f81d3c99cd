#include "mediapipe/src/transform_landmarks.h"

namespace tflite {
namespace mediapipe_ops {
namespace {

// MediaPipe's float4 dot product of a matrix row with (x, y, 0, 1).
float Row(const float* row, float translation, float x, float y) {
  return row[0] * x + row[1] * y + row[2] * 0.0f + translation * 1.0f;
}

}  // namespace

void TransformLandmarks(const float* landmarks, int count, int dimensions,
                        const float* matrix, float scale, float* output) {
  const float tx = matrix[3] * scale;
  const float ty = matrix[7] * scale;
  for (int i = 0; i < count; ++i) {
    const float* in = landmarks + i * dimensions;
    float* out = output + i * dimensions;
    const float x = in[0];
    const float y = in[1];
    out[0] = Row(matrix, tx, x, y);
    out[1] = Row(matrix + 4, ty, x, y);
    if (dimensions == 3) out[2] = in[2];
  }
}

}  // namespace mediapipe_ops
}  // namespace tflite
