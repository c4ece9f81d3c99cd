// DETECTION_POSTPROCESS (TFLite's custom op "TFLite_Detection_PostProcess",
// the end of SSD detection models): anchor-relative boxes are decoded, then
// non-maximum suppression picks the detections, either over every box's
// best classes at once ("fast") or class by class ("regular").
//
// Everything works on caller-provided buffers (no allocation):
//   - a box encoding is (y, x, h, w) relative to its anchor (y, x, h, w):
//       center = encoding.yx / scale.yx * anchor.hw + anchor.yx
//       half size = 0.5 * exp(encoding.hw / scale.hw) * anchor.hw
//     computed in double and stored as float corners (ymin, xmin, ymax,
//     xmax);
//   - single-class NMS keeps the scores >= the score threshold, visits them
//     by decreasing score (ties: lower box index first, a stable sort) and
//     drops every later box whose IoU with a kept one exceeds the IoU
//     threshold, until max_detections are kept.
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_DETECTION_POSTPROCESS_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_DETECTION_POSTPROCESS_H_

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace tflite {
namespace reference_ops {

struct DetectionBox {
  float ymin;
  float xmin;
  float ymax;
  float xmax;
};

struct DetectionScales {
  float y;
  float x;
  float h;
  float w;
};

// Decodes one box from its (y, x, h, w) encoding and anchor.
inline DetectionBox DecodeDetectionBox(const float* encoding,
                                       const float* anchor,
                                       const DetectionScales& scales) {
  const double anchor_y = anchor[0];
  const double anchor_x = anchor[1];
  const double anchor_h = anchor[2];
  const double anchor_w = anchor[3];
  const float center_y = static_cast<float>(
      static_cast<double>(encoding[0]) / scales.y * anchor_h + anchor_y);
  const float center_x = static_cast<float>(
      static_cast<double>(encoding[1]) / scales.x * anchor_w + anchor_x);
  const float half_h = static_cast<float>(
      0.5 * std::exp(static_cast<double>(encoding[2]) / scales.h) * anchor_h);
  const float half_w = static_cast<float>(
      0.5 * std::exp(static_cast<double>(encoding[3]) / scales.w) * anchor_w);
  DetectionBox box;
  box.ymin = center_y - half_h;
  box.xmin = center_x - half_w;
  box.ymax = center_y + half_h;
  box.xmax = center_x + half_w;
  return box;
}

// Intersection over union; 0 when either box has no area.
inline float DetectionIou(const DetectionBox& a, const DetectionBox& b) {
  const float area_a = (a.ymax - a.ymin) * (a.xmax - a.xmin);
  const float area_b = (b.ymax - b.ymin) * (b.xmax - b.xmin);
  if (area_a <= 0.0f || area_b <= 0.0f) return 0.0f;
  const float height =
      std::max(std::min(a.ymax, b.ymax) - std::max(a.ymin, b.ymin), 0.0f);
  const float width =
      std::max(std::min(a.xmax, b.xmax) - std::max(a.xmin, b.xmin), 0.0f);
  const float intersection = height * width;
  return intersection / (area_a + area_b - intersection);
}

// Sorts order[0..n) by decreasing keys[order[i]], equal keys keeping their
// order (a merge sort; `temp` holds n ints).
inline void StableSortByDecreasingKey(const float* keys, int* order, int n,
                                      int* temp) {
  for (int width = 1; width < n; width *= 2) {
    for (int lo = 0; lo < n; lo += 2 * width) {
      const int mid = std::min(lo + width, n);
      const int hi = std::min(lo + 2 * width, n);
      int a = lo;
      int b = mid;
      int out = lo;
      while (a < mid && b < hi) {
        // Take from the right run only when strictly greater: stable.
        temp[out++] = keys[order[b]] > keys[order[a]] ? order[b++] : order[a++];
      }
      while (a < mid) temp[out++] = order[a++];
      while (b < hi) temp[out++] = order[b++];
    }
    for (int i = 0; i < n; ++i) order[i] = temp[i];
  }
}

// The `count` largest of values[0..n) by index into indices[0..count), in
// decreasing order, equal values by increasing index (what a stable sort
// would put first; LiteRT orders ties so). indices has room for n entries.
inline void TopIndices(const float* values, int n, int count, int* indices) {
  if (count == 1) {
    indices[0] = static_cast<int>(std::max_element(values, values + n) -
                                  values);
    return;
  }
  for (int i = 0; i < n; ++i) indices[i] = i;
  std::partial_sort(indices, indices + count, indices + n,
                    [values](int i, int j) {
                      return values[i] > values[j] ||
                             (values[i] == values[j] && i < j);
                    });
}

// Buffers of SingleClassNms, each of num_boxes entries.
struct DetectionNmsScratch {
  float* kept_scores;
  int* kept_boxes;
  int* order;
  int* sort_temp;
  uint8_t* active;
};

// Non-maximum suppression over one score per box; writes the kept boxes'
// indices, best first, to selected and returns how many (<= max_detections).
inline int SingleClassNms(const DetectionBox* boxes, const float* scores,
                          int num_boxes, float score_threshold,
                          float iou_threshold, int max_detections,
                          const DetectionNmsScratch& s, int* selected) {
  int kept = 0;
  for (int i = 0; i < num_boxes; ++i) {
    if (scores[i] >= score_threshold) {
      s.kept_scores[kept] = scores[i];
      s.kept_boxes[kept] = i;
      ++kept;
    }
  }
  for (int i = 0; i < kept; ++i) s.order[i] = i;
  StableSortByDecreasingKey(s.kept_scores, s.order, kept, s.sort_temp);
  for (int i = 0; i < kept; ++i) s.active[i] = 1;
  const int limit = std::min(kept, max_detections);
  int active = kept;
  int count = 0;
  for (int i = 0; i < kept; ++i) {
    if (active == 0 || count >= limit) break;
    if (!s.active[i]) continue;
    const int box = s.kept_boxes[s.order[i]];
    selected[count++] = box;
    s.active[i] = 0;
    --active;
    for (int j = i + 1; j < kept; ++j) {
      if (s.active[j] &&
          DetectionIou(boxes[box], boxes[s.kept_boxes[s.order[j]]]) >
              iou_threshold) {
        s.active[j] = 0;
        --active;
      }
    }
  }
  return count;
}

}  // namespace reference_ops
}  // namespace tflite

#endif  // TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_DETECTION_POSTPROCESS_H_
