// RESIZE_BILINEAR and RESIZE_NEAREST_NEIGHBOR on NHWC tensors.
//
// Output pixel (y, x) samples the input at a source position derived from a
// scale input_size / output_size, or (input_size - 1) / (output_size - 1)
// with align_corners. With half_pixel_centers the position is taken at the
// pixel's centre: (y + 0.5) * scale - 0.5 (bilinear) or (y + 0.5) * scale
// (nearest).
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_RESIZE_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_RESIZE_H_

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <type_traits>

#include "tensorflow/lite/kernels/internal/common.h"
#include "tensorflow/lite/kernels/internal/runtime_shape.h"
#include "tensorflow/lite/kernels/internal/types.h"

namespace tflite {
namespace reference_ops {
namespace resize_internal {

inline float Scale(int input_size, int output_size, bool align_corners) {
  if (align_corners && output_size > 1) {
    return static_cast<float>(input_size - 1) /
           static_cast<float>(output_size - 1);
  }
  return static_cast<float>(input_size) / static_cast<float>(output_size);
}

// Where output coordinate `out` samples the input along one axis: the input
// coordinates either side of the source position, clamped to the input, and
// the position's offset from `low` (a fraction in float, or in 1/1024 units
// in fixed point).
template <typename Fraction>
struct BilinearSample {
  int low;
  int high;
  Fraction fraction;
};

inline BilinearSample<float> BilinearSource(int out, float scale,
                                            bool half_pixel_centers,
                                            int input_size) {
  const float position =
      half_pixel_centers ? (static_cast<float>(out) + 0.5f) * scale - 0.5f
                         : static_cast<float>(out) * scale;
  const int low = std::max(static_cast<int>(std::floor(position)), 0);
  const int high =
      std::min(static_cast<int>(std::ceil(position)), input_size - 1);
  return {low, high, position - static_cast<float>(low)};
}

// The same in fixed point with 10 fractional bits. The scale is rounded to
// the nearest 1/1024.
inline int32_t FixedScale(int input_size, int output_size,
                          bool align_corners) {
  if (align_corners && output_size > 1) {
    return ((1 << 10) * (input_size - 1) + (output_size - 1) / 2) /
           (output_size - 1);
  }
  return ((1 << 10) * input_size + output_size / 2) / output_size;
}

// The fraction may be negative with half_pixel_centers (a position above row
// or left of column 0).
inline BilinearSample<int64_t> BilinearSourceFixed(int out, int32_t scale,
                                                   bool half_pixel_centers,
                                                   int input_size) {
  const int32_t position =
      half_pixel_centers ? out * scale + scale / 2 - (1 << 9) : out * scale;
  // Division truncates toward zero: a position in (-1, 0) gives 0.
  const int low = std::max<int32_t>(position / (1 << 10), 0);
  const int high =
      std::min<int32_t>((position + (1 << 10) - 1) / (1 << 10), input_size - 1);
  return {low, high, position - (1 << 10) * low};
}

// The loop of both bilinear kernels: every output pixel (y, x) is
// blend(top_left, bottom_left, top_right, bottom_right, y fraction,
// x fraction) of the four input pixels around its source position, which
// sample_y(y) and sample_x(x) give.
template <typename T, typename SampleY, typename SampleX, typename Blend>
void ForEachBilinearPixel(const RuntimeShape& input_shape, const T* input_data,
                          const RuntimeShape& output_shape, T* output_data,
                          SampleY&& sample_y, SampleX&& sample_x,
                          Blend&& blend) {
  const int batches = input_shape.Dims(0);
  const int depth = input_shape.Dims(3);
  for (int b = 0; b < batches; ++b) {
    for (int y = 0; y < output_shape.Dims(1); ++y) {
      const auto sy = sample_y(y);
      for (int x = 0; x < output_shape.Dims(2); ++x) {
        const auto sx = sample_x(x);
        for (int c = 0; c < depth; ++c) {
          output_data[Offset(output_shape, b, y, x, c)] =
              blend(input_data[Offset(input_shape, b, sy.low, sx.low, c)],
                    input_data[Offset(input_shape, b, sy.high, sx.low, c)],
                    input_data[Offset(input_shape, b, sy.low, sx.high, c)],
                    input_data[Offset(input_shape, b, sy.high, sx.high, c)],
                    sy.fraction, sx.fraction);
        }
      }
    }
  }
}

inline int NearestSource(int out, int input_size, int output_size,
                         bool align_corners, bool half_pixel_centers) {
  const float scale = Scale(input_size, output_size, align_corners);
  const float offset = half_pixel_centers ? 0.5f : 0.0f;
  const float position = (static_cast<float>(out) + offset) * scale;
  int in = align_corners ? static_cast<int>(TfLiteRound(position))
                         : static_cast<int>(std::floor(position));
  in = std::min(in, input_size - 1);
  if (half_pixel_centers) in = std::max(in, 0);
  return in;
}

}  // namespace resize_internal

// Bilinear interpolation in float; integer types (uint8) are rounded to the
// nearest value.
template <typename T>
void ResizeBilinear(const ResizeBilinearParams& params,
                    const RuntimeShape& input_shape, const T* input_data,
                    const RuntimeShape& output_shape, T* output_data) {
  using resize_internal::BilinearSource;
  const int in_height = input_shape.Dims(1);
  const int in_width = input_shape.Dims(2);
  const float height_scale = resize_internal::Scale(
      in_height, output_shape.Dims(1), params.align_corners);
  const float width_scale = resize_internal::Scale(
      in_width, output_shape.Dims(2), params.align_corners);
  const bool half_pixel_centers = params.half_pixel_centers;
  resize_internal::ForEachBilinearPixel(
      input_shape, input_data, output_shape, output_data,
      [&](int y) {
        return BilinearSource(y, height_scale, half_pixel_centers, in_height);
      },
      [&](int x) {
        return BilinearSource(x, width_scale, half_pixel_centers, in_width);
      },
      [](float top_left, float bottom_left, float top_right,
         float bottom_right, float dy, float dx) {
        const float value = top_left * (1 - dy) * (1 - dx) +
                            bottom_left * dy * (1 - dx) +
                            top_right * (1 - dy) * dx +
                            bottom_right * dy * dx;
        return std::is_floating_point<T>::value
                   ? static_cast<T>(value)
                   : static_cast<T>(TfLiteRound(value));
      });
}

// Bilinear interpolation of int8/int16 data in fixed point: weights have 10
// fractional bits, so the weighted sum has 20; it is rounded to the nearest
// integer with halves away from zero.
template <typename T>
void ResizeBilinearInteger(const ResizeBilinearParams& params,
                           const RuntimeShape& input_shape,
                           const T* input_data,
                           const RuntimeShape& output_shape, T* output_data) {
  using resize_internal::BilinearSourceFixed;
  constexpr int64_t kOne = 1 << 10;
  const int in_height = input_shape.Dims(1);
  const int in_width = input_shape.Dims(2);
  const int32_t height_scale = resize_internal::FixedScale(
      in_height, output_shape.Dims(1), params.align_corners);
  const int32_t width_scale = resize_internal::FixedScale(
      in_width, output_shape.Dims(2), params.align_corners);
  const bool half_pixel_centers = params.half_pixel_centers;
  resize_internal::ForEachBilinearPixel(
      input_shape, input_data, output_shape, output_data,
      [&](int y) {
        return BilinearSourceFixed(y, height_scale, half_pixel_centers,
                                   in_height);
      },
      [&](int x) {
        return BilinearSourceFixed(x, width_scale, half_pixel_centers,
                                   in_width);
      },
      [](int64_t top_left, int64_t bottom_left, int64_t top_right,
         int64_t bottom_right, int64_t dy, int64_t dx) {
        const int64_t sum = top_left * (kOne - dy) * (kOne - dx) +
                            bottom_left * dy * (kOne - dx) +
                            top_right * (kOne - dy) * dx +
                            bottom_right * dy * dx;
        const int64_t half = sum > 0 ? (1 << 19) : -(1 << 19);
        return static_cast<T>((sum + half) / (1 << 20));
      });
}

// Nearest neighbour: each output pixel copies one input pixel.
template <typename T>
void ResizeNearestNeighbor(const ResizeNearestNeighborParams& params,
                           const RuntimeShape& input_shape,
                           const T* input_data,
                           const RuntimeShape& output_shape, T* output_data) {
  using resize_internal::NearestSource;
  const int batches = input_shape.Dims(0);
  const int in_height = input_shape.Dims(1);
  const int in_width = input_shape.Dims(2);
  const int depth = input_shape.Dims(3);
  const int out_height = output_shape.Dims(1);
  const int out_width = output_shape.Dims(2);
  for (int b = 0; b < batches; ++b) {
    for (int y = 0; y < out_height; ++y) {
      const int in_y = NearestSource(y, in_height, out_height,
                                     params.align_corners,
                                     params.half_pixel_centers);
      for (int x = 0; x < out_width; ++x) {
        const int in_x =
            NearestSource(x, in_width, out_width, params.align_corners,
                          params.half_pixel_centers);
        const T* in = input_data + Offset(input_shape, b, in_y, in_x, 0);
        T* out = output_data + Offset(output_shape, b, y, x, 0);
        for (int c = 0; c < depth; ++c) out[c] = in[c];
      }
    }
  }
}

}  // namespace reference_ops
}  // namespace tflite

#endif  // TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_RESIZE_H_
