#include "mediapipe/src/max_unpooling.h"

#include <cstdint>
#include <cstring>

namespace tflite {
namespace mediapipe_ops {

void MaxUnpool(const PoolingGeometry& g, const float* input,
               const float* indices, float* output) {
  std::memset(output, 0,
              sizeof(float) * g.batches * g.full_height * g.full_width *
                  g.depth);
  int in = 0;
  for (int b = 0; b < g.batches; ++b) {
    for (int py = 0; py < g.pooled_height; ++py) {
      for (int px = 0; px < g.pooled_width; ++px) {
        for (int c = 0; c < g.depth; ++c, ++in) {
          const float raw = indices[in];
          // NaN fails both comparisons.
          if (!(raw > -2147483648.0f && raw < 2147483648.0f)) continue;
          const int index = static_cast<int>(raw);
          // In 64 bits: a wild index must not overflow the sums.
          const int64_t y = static_cast<int64_t>(py) * g.stride_height -
                            g.pad_top + index / g.filter_width;
          const int64_t x = static_cast<int64_t>(px) * g.stride_width -
                            g.pad_left + index % g.filter_width;
          if (y < 0 || y >= g.full_height || x < 0 || x >= g.full_width) {
            continue;
          }
          output[((b * g.full_height + y) * g.full_width + x) * g.depth + c] =
              input[in];
        }
      }
    }
  }
}

}  // namespace mediapipe_ops
}  // namespace tflite
