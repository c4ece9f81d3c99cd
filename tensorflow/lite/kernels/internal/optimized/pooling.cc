#include "tensorflow/lite/kernels/internal/optimized/pooling.h"

#include <algorithm>
#include <type_traits>

#include "tensorflow/lite/kernels/internal/optimized/cortex_m_common.h"
#include "tensorflow/lite/kernels/internal/optimized/cortex_m_dsp.h"
#include "tensorflow/lite/kernels/internal/optimized/cortex_m_mve.h"
#include "tensorflow/lite/kernels/internal/optimized/cortex_m_scalar.h"
#include "tensorflow/lite/kernels/internal/optimized/cpu.h"
#include "tensorflow/lite/kernels/internal/reference/pooling.h"

namespace tflite {
namespace optimized_ops {
namespace {

// reference_ops::Pool with the channel loop innermost, kBlock channels at a
// time (one reducer each).
template <typename T, typename OutT, typename Reducer>
void PoolChannelBlocks(const PoolParams& params,
                       const RuntimeShape& input_shape, const T* input_data,
                       const RuntimeShape& output_shape, OutT* output_data,
                       Reducer prototype) {
  constexpr int kBlock = 64;
  const int depth = input_shape.Dims(3);
  Reducer reducers[kBlock];
  for (int j = 0; j < kBlock; ++j) reducers[j] = prototype;
  reference_ops::ForEachPoolWindow(
      params, input_shape, output_shape,
      [&](int b, int out_y, int out_x, int y_start, int y_end, int x_start,
          int x_end) {
        OutT* out = output_data + Offset(output_shape, b, out_y, out_x, 0);
        for (int c0 = 0; c0 < depth; c0 += kBlock) {
          const int count = std::min(kBlock, depth - c0);
          for (int j = 0; j < count; ++j) reducers[j].Start();
          for (int y = y_start; y < y_end; ++y) {
            for (int x = x_start; x < x_end; ++x) {
              const T* in = input_data + Offset(input_shape, b, y, x, c0);
              for (int j = 0; j < count; ++j) reducers[j].Add(in[j]);
            }
          }
          for (int j = 0; j < count; ++j) {
            out[c0 + j] = reducers[j].Finish(params);
          }
        }
      });
}

}  // namespace

void AveragePool(const PoolParams& params, const RuntimeShape& input_shape,
                 const float* input_data, const RuntimeShape& output_shape,
                 float* output_data) {
  PoolChannelBlocks(params, input_shape, input_data, output_shape,
                    output_data, reference_ops::FloatAverage());
}

void MaxPool(const PoolParams& params, const RuntimeShape& input_shape,
             const float* input_data, const RuntimeShape& output_shape,
             float* output_data) {
  PoolChannelBlocks(params, input_shape, input_data, output_shape,
                    output_data, reference_ops::FloatMax());
}

void L2Pool(const PoolParams& params, const RuntimeShape& input_shape,
            const float* input_data, const RuntimeShape& output_shape,
            float* output_data) {
  PoolChannelBlocks(params, input_shape, input_data, output_shape,
                    output_data, reference_ops::FloatL2());
}

}  // namespace optimized_ops

namespace optimized_integer_ops {
namespace {

// On Cortex-M, int8 pools take the loops of the core's instruction set
// (cortex_m_*.cc); returns whether it did.
template <bool kAverage, typename T>
bool CortexMPool(const PoolParams& params, const RuntimeShape& input_shape,
                 const T* input_data, const RuntimeShape& output_shape,
                 T* output_data) {
#if TFLITE_OPTIMIZED_CORTEX_M
  if constexpr (std::is_same<T, int8_t>::value) {
    namespace cm = optimized_ops::cortex_m;
#if TFLITE_OPTIMIZED_ARM_MVE
    constexpr auto average = cm::AveragePoolInt8Mve;
    constexpr auto max = cm::MaxPoolInt8Mve;
#elif TFLITE_OPTIMIZED_ARM_DSP
    constexpr auto average = cm::AveragePoolInt8Dsp;
    constexpr auto max = cm::MaxPoolInt8Dsp;
#else
    constexpr auto average = cm::AveragePoolInt8Scalar;
    constexpr auto max = cm::MaxPoolInt8Scalar;
#endif
    if (!kAverage) {
      max(params, input_shape, input_data, output_shape, output_data);
      return true;
    }
    if (static_cast<long>(params.filter_height) * params.filter_width <=
        cm::kMaxPoolTaps) {
      average(params, input_shape, input_data, output_shape, output_data);
      return true;
    }
  }
#else
  (void)params, (void)input_shape, (void)input_data, (void)output_shape,
      (void)output_data;
#endif
  return false;
}

}  // namespace

template <typename T>
void AveragePool(const PoolParams& params, const RuntimeShape& input_shape,
                 const T* input_data, const RuntimeShape& output_shape,
                 T* output_data) {
  if (CortexMPool<true>(params, input_shape, input_data, output_shape,
                        output_data)) {
    return;
  }
  optimized_ops::PoolChannelBlocks(
      params, input_shape, input_data, output_shape, output_data,
      reference_integer_ops::QuantizedAverage<T>());
}

template <typename T>
void MaxPool(const PoolParams& params, const RuntimeShape& input_shape,
             const T* input_data, const RuntimeShape& output_shape,
             T* output_data) {
  if (CortexMPool<false>(params, input_shape, input_data, output_shape,
                         output_data)) {
    return;
  }
  optimized_ops::PoolChannelBlocks(params, input_shape, input_data,
                                   output_shape, output_data,
                                   reference_integer_ops::QuantizedMax<T>());
}

template void AveragePool<int8_t>(const PoolParams&, const RuntimeShape&,
                                  const int8_t*, const RuntimeShape&, int8_t*);
template void AveragePool<int16_t>(const PoolParams&, const RuntimeShape&,
                                   const int16_t*, const RuntimeShape&,
                                   int16_t*);
template void MaxPool<int8_t>(const PoolParams&, const RuntimeShape&,
                              const int8_t*, const RuntimeShape&, int8_t*);
template void MaxPool<int16_t>(const PoolParams&, const RuntimeShape&,
                               const int16_t*, const RuntimeShape&, int16_t*);

}  // namespace optimized_integer_ops
}  // namespace tflite
