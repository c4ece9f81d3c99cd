#include "mediapipe/src/transform_tensor_bilinear.h"

#include <cmath>

namespace tflite {
namespace mediapipe_ops {

void TransformTensorBilinear(const float* input, int input_height,
                             int input_width, int channels,
                             const float* matrix, int output_height,
                             int output_width, float* output) {
  const float* rx = matrix;
  const float* ry = matrix + 4;
  // The correction is evaluated in double and stored back to float.
  const float tx = static_cast<float>(rx[3] + (rx[0] * 0.5 + rx[1] * 0.5 - 0.5));
  const float ty = static_cast<float>(ry[3] + (ry[0] * 0.5 + ry[1] * 0.5 - 0.5));
  auto read = [&](int h, int w, int c) -> float {
    return h < 0 || w < 0 || h >= input_height || w >= input_width
               ? 0.0f
               : input[(h * input_width + w) * channels + c];
  };
  float* out = output;
  for (int y = 0; y < output_height; ++y) {
    for (int x = 0; x < output_width; ++x) {
      const float fx = static_cast<float>(x);
      const float fy = static_cast<float>(y);
      const float sx = rx[0] * fx + rx[1] * fy + rx[2] * 0.0f + tx * 1.0f;
      const float sy = ry[0] * fx + ry[1] * fy + ry[2] * 0.0f + ty * 1.0f;
      // NaN compares false everywhere: treat it as outside.
      const bool inside = sx >= 0.0f && sx <= input_width - 1 &&
                          sy >= 0.0f && sy <= input_height - 1;
      if (!inside) {
        for (int c = 0; c < channels; ++c) *out++ = 0.0f;
        continue;
      }
      const float floor_x = std::floor(sx);
      const float floor_y = std::floor(sy);
      const int x0 = static_cast<int>(floor_x);
      const int y0 = static_cast<int>(floor_y);
      const float right = sx - floor_x;
      const float lower = sy - floor_y;
      for (int c = 0; c < channels; ++c) {
        const float upper_value = static_cast<float>(
            (1.0 - right) * read(y0, x0, c) + right * read(y0, x0 + 1, c));
        const float lower_value = static_cast<float>(
            (1.0 - right) * read(y0 + 1, x0, c) +
            right * read(y0 + 1, x0 + 1, c));
        *out++ = static_cast<float>(lower * lower_value +
                                    (1.0 - lower) * upper_value);
      }
    }
  }
}

}  // namespace mediapipe_ops
}  // namespace tflite
