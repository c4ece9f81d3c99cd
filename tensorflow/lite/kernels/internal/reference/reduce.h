// Reductions over a set of axes (MEAN, SUM, REDUCE_MAX, REDUCE_MIN,
// REDUCE_PROD). The input is walked in row-major order; each element is
// folded into the output element its non-reduced indices select, so results
// (including float rounding) follow the order TFLite's reference uses.
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_REDUCE_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_REDUCE_H_

#include <algorithm>
#include <cstdint>
#include <limits>
#include <type_traits>

#include "tensorflow/lite/kernels/internal/common.h"
#include "tensorflow/lite/kernels/internal/reference/wrapping_arithmetic.h"
#include "tensorflow/lite/kernels/internal/runtime_shape.h"

namespace tflite {
namespace reference_ops {

// The input's dimensions, which of them are reduced, and the output stride
// of each kept dimension.
struct ReduceLayout {
  int rank;
  int32_t dims[RuntimeShape::kMaxDims];
  bool reduced[RuntimeShape::kMaxDims];
  int32_t output_stride[RuntimeShape::kMaxDims];
};

// Fills the layout of `input_shape` reduced over `axes` (resolved: in range,
// no duplicates); returns the number of output elements.
inline int MakeReduceLayout(const RuntimeShape& input_shape, const int* axes,
                            int num_axes, ReduceLayout* layout) {
  layout->rank = input_shape.DimensionsCount();
  for (int d = 0; d < layout->rank; ++d) {
    layout->dims[d] = input_shape.Dims(d);
    layout->reduced[d] = false;
  }
  for (int i = 0; i < num_axes; ++i) layout->reduced[axes[i]] = true;
  int stride = 1;
  for (int d = layout->rank - 1; d >= 0; --d) {
    layout->output_stride[d] = layout->reduced[d] ? 0 : stride;
    if (!layout->reduced[d]) stride *= layout->dims[d];
  }
  return stride;
}

// Number of input elements folded into each output element.
inline int64_t ReducedCount(const ReduceLayout& layout) {
  int64_t count = 1;
  for (int d = 0; d < layout.rank; ++d) {
    if (layout.reduced[d]) count *= layout.dims[d];
  }
  return count;
}

// Calls fn(input_index, output_index, first) for every input element in
// row-major order; `first` tells whether it is the first element folded into
// its output element.
template <typename Fn>
void ForEachReduced(const ReduceLayout& layout, Fn&& fn) {
  int64_t count = 1;
  for (int d = 0; d < layout.rank; ++d) count *= layout.dims[d];
  if (count == 0) return;
  int index[RuntimeShape::kMaxDims] = {0};
  for (int64_t flat = 0; flat < count; ++flat) {
    int output_index = 0;
    bool first = true;
    for (int d = 0; d < layout.rank; ++d) {
      output_index += index[d] * layout.output_stride[d];
      if (layout.reduced[d] && index[d] != 0) first = false;
    }
    fn(static_cast<int>(flat), output_index, first);
    for (int d = layout.rank - 1; d >= 0; --d) {
      if (++index[d] < layout.dims[d]) break;
      index[d] = 0;
    }
  }
}

template <typename T>
void ReduceSum(const ReduceLayout& layout, const T* input, int output_count,
               T* output) {
  for (int i = 0; i < output_count; ++i) output[i] = T(0);
  ForEachReduced(layout, [&](int in, int out, bool) {
    output[out] = WrappingAdd(output[out], input[in]);
  });
}

// Integer products wrap (for int8/int16: multiplied in int and truncated
// back to T, as TFLite does).
template <typename T>
void ReduceProd(const ReduceLayout& layout, const T* input, int output_count,
                T* output) {
  for (int i = 0; i < output_count; ++i) output[i] = T(1);
  ForEachReduced(layout, [&](int in, int out, bool) {
    output[out] = WrappingMul(input[in], output[out]);
  });
}

template <typename T>
void ReduceMax(const ReduceLayout& layout, const T* input, int output_count,
               T* output) {
  for (int i = 0; i < output_count; ++i) {
    output[i] = std::numeric_limits<T>::lowest();
  }
  ForEachReduced(layout, [&](int in, int out, bool) {
    output[out] = input[in] > output[out] ? input[in] : output[out];
  });
}

template <typename T>
void ReduceMin(const ReduceLayout& layout, const T* input, int output_count,
               T* output) {
  for (int i = 0; i < output_count; ++i) {
    output[i] = std::numeric_limits<T>::max();
  }
  ForEachReduced(layout, [&](int in, int out, bool) {
    output[out] = input[in] < output[out] ? input[in] : output[out];
  });
}

// Mean of float (Acc float) or int32 (Acc int64, truncating division)
// values, summed in `accumulator` (output_count elements).
template <typename T, typename Acc>
void Mean(const ReduceLayout& layout, const T* input, int output_count,
          Acc* accumulator, T* output) {
  for (int i = 0; i < output_count; ++i) accumulator[i] = Acc(0);
  ForEachReduced(layout, [&](int in, int out, bool) {
    accumulator[out] = WrappingAdd(accumulator[out], static_cast<Acc>(input[in]));
  });
  const int64_t count = ReducedCount(layout);
  Acc divisor;
  if constexpr (std::is_same<Acc, float>::value) {
    divisor = Int64ToFloat(count);  // no double arithmetic on Armv6-M
  } else {
    divisor = static_cast<Acc>(count);
  }
  for (int i = 0; i < output_count; ++i) {
    output[i] = count > 0 ? static_cast<T>(accumulator[i] / divisor) : T(0);
  }
}

// The mean's rescaling: 1 / count folded into `multiplier`/`shift` as
// TFLite does, with n = floor(log2(count)) (at most 32 and at most
// 31 + shift): the multiplier becomes (multiplier << n) / count and the
// shift shift - n.
inline void FoldMeanCount(int64_t count, int32_t* multiplier, int* shift) {
  int n = 63 - CountLeadingZeros(static_cast<uint64_t>(count));
  n = std::min(n, 32);
  n = std::min(n, 31 + *shift);
  *multiplier = static_cast<int32_t>(
      (static_cast<int64_t>(*multiplier) << n) / count);
  *shift -= n;
}

// One quantized MEAN/SUM output: the group's sum less the input zero points
// (`centered`) rescaled, offset by the output zero point and saturated to T.
template <typename T>
T QuantizedReduceOutput(int32_t centered, int32_t multiplier, int shift,
                        int32_t output_zero_point, bool single_rounding) {
  const int32_t scaled =
      single_rounding
          ? MultiplyByQuantizedMultiplierSingleRounding(centered, multiplier,
                                                        shift)
          : MultiplyByQuantizedMultiplier(centered, multiplier, shift);
  const int32_t value = SaturatingAddInt32(scaled, output_zero_point);
  const int32_t low = std::numeric_limits<T>::min();
  const int32_t high = std::numeric_limits<T>::max();
  return static_cast<T>(std::min(std::max(value, low), high));
}

// Quantized MEAN and SUM: the int32 sum of each group, less the input zero
// point per element, rescaled by `multiplier`/`shift` (input scale / output
// scale) and, for the mean, by 1 / count (FoldMeanCount). Both rescale with
// two roundings, except SUM with `sum_rounds_once` (LiteRT's arithmetic):
// LiteRT's reference SUM is broken for quantized inputs (its multiplier is
// never set), so LiteRT users get its optimized SUM, which rounds once, ties
// away from zero.
template <typename T>
void QuantizedMeanOrSum(const ReduceLayout& layout, const T* input,
                        int32_t input_zero_point, int32_t multiplier,
                        int shift, int32_t output_zero_point, bool compute_sum,
                        int output_count, int32_t* accumulator, T* output,
                        bool sum_rounds_once = false) {
  for (int i = 0; i < output_count; ++i) {
    accumulator[i] = 0;
    output[i] = T(0);
  }
  for (int d = 0; d < layout.rank; ++d) {
    if (layout.dims[d] == 0) return;
  }
  ForEachReduced(layout, [&](int in, int out, bool) {
    accumulator[out] =
        WrappingAdd(accumulator[out], static_cast<int32_t>(input[in]));
  });
  const int64_t count = ReducedCount(layout);
  if (count == 0) return;
  if (!compute_sum) FoldMeanCount(count, &multiplier, &shift);
  for (int i = 0; i < output_count; ++i) {
    const int32_t centered =
        static_cast<int32_t>(accumulator[i] - input_zero_point * count);
    output[i] = QuantizedReduceOutput<T>(centered, multiplier, shift,
                                         output_zero_point,
                                         compute_sum && sum_rounds_once);
  }
}

// Quantized REDUCE_PROD: each product step is rescaled by
// `multiplier`/`shift` (input_scale / output_scale^(1/count)) so the running
// product stays in range, and the final product once more.
template <typename T>
void QuantizedReduceProd(const ReduceLayout& layout, const T* input,
                         int32_t input_zero_point, int32_t multiplier,
                         int shift, int32_t output_zero_point,
                         int output_count, int32_t* accumulator, T* output) {
  ForEachReduced(layout, [&](int in, int out, bool first) {
    const int32_t value = static_cast<int32_t>(input[in]) - input_zero_point;
    if (first) {
      accumulator[out] = value;
    } else {
      accumulator[out] = MultiplyByQuantizedMultiplier(
          static_cast<int64_t>(accumulator[out]) * value, multiplier, shift);
    }
  });
  const int32_t low = std::numeric_limits<T>::min();
  const int32_t high = std::numeric_limits<T>::max();
  for (int i = 0; i < output_count; ++i) {
    int32_t value = SaturatingAddInt32(
        MultiplyByQuantizedMultiplier(static_cast<int64_t>(accumulator[i]),
                                      multiplier, shift),
        output_zero_point);
    output[i] = static_cast<T>(std::min(std::max(value, low), high));
  }
}

}  // namespace reference_ops
}  // namespace tflite

#endif  // TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_REDUCE_H_
