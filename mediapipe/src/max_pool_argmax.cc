#include "mediapipe/src/max_pool_argmax.h"

#include <algorithm>
#include <limits>

namespace tflite {
namespace mediapipe_ops {

void MaxPoolWithArgmax(const PoolingGeometry& g, float activation_min,
                       float activation_max, const float* input,
                       float* output, float* indices) {
  int out = 0;
  for (int b = 0; b < g.batches; ++b) {
    for (int py = 0; py < g.pooled_height; ++py) {
      const int y0 = py * g.stride_height - g.pad_top;
      const int wy_begin = std::max(0, -y0);
      const int wy_end = std::min(g.filter_height, g.full_height - y0);
      for (int px = 0; px < g.pooled_width; ++px) {
        const int x0 = px * g.stride_width - g.pad_left;
        const int wx_begin = std::max(0, -x0);
        const int wx_end = std::min(g.filter_width, g.full_width - x0);
        for (int c = 0; c < g.depth; ++c, ++out) {
          float best = std::numeric_limits<float>::lowest();
          int best_y = 0, best_x = 0;
          for (int wy = wy_begin; wy < wy_end; ++wy) {
            const float* row =
                input + ((b * g.full_height + y0 + wy) * g.full_width + x0) *
                            g.depth + c;
            for (int wx = wx_begin; wx < wx_end; ++wx) {
              const float value = row[wx * g.depth];
              if (value > best) {
                best = value;
                best_y = wy;
                best_x = wx;
              }
            }
          }
          output[out] = std::min(std::max(best, activation_min),
                                 activation_max);
          indices[out] =
              static_cast<float>(best_y * g.filter_width + best_x) + 0.1f;
        }
      }
    }
  }
}

}  // namespace mediapipe_ops
}  // namespace tflite
