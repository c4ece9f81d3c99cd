// Optimized integer (8x8->16) LSTM time steps computing exactly what
// reference_ops::LstmStepInteger computes, bit for bit.
//   - Gate products: 16-bit multiply-adds over 16 columns at a time, read
//     straight from the model's row-major weights (no repacked copy: the
//     arena stays as small as the reference's), 8 rows summed together.
//   - Rescaling, saturation, the cell update and the hidden state use the
//     reference's integer formulas on vector lanes.
//   - The Q0.15 logistic and tanh evaluate the reference's fixed-point
//     polynomials and Newton steps on 16 int16 lanes (the tests compare them
//     with the scalar functions on every one of the 65536 inputs).
// The projection (rare) stays scalar. Parameters the vector path cannot
// reproduce (shifts outside [-31, 30], huge hidden zero points), input or
// output rows over 256, or a CPU without AVX2, run the reference steps.
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_OPTIMIZED_LSTM_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_OPTIMIZED_LSTM_H_

#include <cstddef>
#include <cstdint>

#include "tensorflow/lite/kernels/internal/optimized/cpu.h"
#include "tensorflow/lite/kernels/internal/reference/lstm.h"

namespace tflite {
namespace optimized_ops {

// Bytes of scratch LstmSequenceInteger needs: what the reference steps
// need (4 * cell_size int16 gates, cell_size int8 hidden values).
size_t LstmScratchBytes(const reference_ops::LstmSizes& sizes);

// Runs `steps` time steps of one batch row (sizes.batches must be 1). Input
// row t is input + t * input_stride, output row t output + t * output_stride.
// output_state and cell_state are read at the start and written at the end.
void LstmSequenceInteger(const reference_ops::LstmSizes& sizes,
                         const reference_ops::LstmIntegerWeights& w,
                         const reference_ops::LstmIntegerParams& p,
                         int steps, const int8_t* input,
                         int input_stride, int8_t* output, int output_stride,
                         int8_t* output_state, int16_t* cell_state,
                         void* scratch, Isa isa = ActiveIsa());

// The vector activations, exposed for the tests: fixed_point::logistic of
// Q3.12 values and fixed_point::tanh of Q(integer_bits).(15 - integer_bits)
// values (integer_bits in [0, 6]), both to Q0.15.
void LstmLogisticQ3(const int16_t* in, int16_t* out, int n,
                    Isa isa = ActiveIsa());
void LstmTanh(int integer_bits, const int16_t* in, int16_t* out, int n,
              Isa isa = ActiveIsa());

}  // namespace optimized_ops
}  // namespace tflite

#endif  // TENSORFLOW_LITE_KERNELS_INTERNAL_OPTIMIZED_LSTM_H_
