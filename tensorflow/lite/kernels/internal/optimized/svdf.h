// Optimized integer SVDF computing exactly what reference/svdf.h's
// SvdfInteger computes: the state shifted with one memmove, the feature and
// time sums vectorized (int32 sums wrap, so any summation order gives the
// same value), and the reference's own rescaling and output stage. Uses the
// same scratch (batches * num_filters int32) as the reference.
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_OPTIMIZED_SVDF_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_OPTIMIZED_SVDF_H_

#include <cstdint>

#include "tensorflow/lite/kernels/internal/optimized/cpu.h"
#include "tensorflow/lite/kernels/internal/reference/svdf.h"

namespace tflite {
namespace optimized_integer_ops {

// StateT is int16_t or int8_t (state and time weights).
template <typename StateT>
void SvdfInteger(const reference_ops::SvdfShape& shape,
                 const reference_ops::SvdfQuantizedParams& params,
                 const int8_t* input, const int8_t* weights_feature,
                 const StateT* weights_time, const int32_t* bias,
                 StateT* state, int32_t* scratch, int8_t* output,
                 optimized_ops::Isa isa = optimized_ops::ActiveIsa());

}  // namespace optimized_integer_ops
}  // namespace tflite

#endif  // TENSORFLOW_LITE_KERNELS_INTERNAL_OPTIMIZED_SVDF_H_
