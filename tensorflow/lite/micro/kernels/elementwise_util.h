// Preparation helpers shared by the element-wise kernels (binary arithmetic,
// comparisons, logical ops, SELECT_V2, ADD_N): fetching a node's tensors,
// type and quantization checks, and the broadcast output shape. Every
// failure is reported with MicroPrintf in a message naming the op.
#ifndef TENSORFLOW_LITE_MICRO_KERNELS_ELEMENTWISE_UTIL_H_
#define TENSORFLOW_LITE_MICRO_KERNELS_ELEMENTWISE_UTIL_H_

#include <cstdint>

#include "tensorflow/lite/core/c/builtin_op_data.h"
#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/kernels/internal/runtime_shape.h"
#include "tensorflow/lite/kernels/internal/types.h"
#include "tensorflow/lite/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace micro {

// The temporary TfLiteTensor views of one node's inputs and its output, for
// use in prepare; handed back when this object goes out of scope.
class PrepareTensors {
 public:
  static constexpr int kMaxInputs = 16;

  PrepareTensors(TfLiteContext* context, TfLiteNode* node)
      : temps_(context), node_(node) {}

  // Checks that the node has between min_inputs and max_inputs inputs (none
  // omitted) and exactly one output, and fetches them all.
  TfLiteStatus Fetch(const char* op_name, int min_inputs, int max_inputs);
  TfLiteStatus Fetch(const char* op_name, int num_inputs) {
    return Fetch(op_name, num_inputs, num_inputs);
  }

  int num_inputs() const { return num_inputs_; }
  TfLiteTensor* input(int index) const { return inputs_[index]; }
  TfLiteTensor* output() const { return output_; }

 private:
  ScopedTempTensors temps_;
  TfLiteNode* node_;
  int num_inputs_ = 0;
  TfLiteTensor* inputs_[kMaxInputs] = {};
  TfLiteTensor* output_ = nullptr;
};

// Fails unless `tensor` has type `expected`; `role` names it ("input 2").
TfLiteStatus CheckType(const char* op_name, const char* role,
                       const TfLiteTensor* tensor, TfLiteType expected);

// Fails unless both tensors have the same type.
TfLiteStatus CheckSameType(const char* op_name, const char* role_a,
                           const TfLiteTensor* a, const char* role_b,
                           const TfLiteTensor* b);

// Fails unless `tensor` carries one (per-tensor) scale > 0 and zero point,
// and the zero point fits the tensor's integer type.
TfLiteStatus CheckPerTensorQuantization(const char* op_name, const char* role,
                                        const TfLiteTensor* tensor);

// The numpy-style broadcast of `count` shapes; fails (naming the op and the
// shapes) when they are incompatible.
TfLiteStatus BroadcastShapes(const char* op_name,
                             const TfLiteTensor* const* tensors, int count,
                             RuntimeShape* shape);

// Gives `output` the broadcast shape of input1 and input2 (and input3 when
// not null).
TfLiteStatus SetBroadcastOutputShape(TfLiteContext* context,
                                     const char* op_name,
                                     const TfLiteTensor* input1,
                                     const TfLiteTensor* input2,
                                     const TfLiteTensor* input3,
                                     TfLiteTensor* output);

// Prepare of a binary op without parameters: two inputs of one type from
// `allowed_types`, an output of `output_type` (kTfLiteNoType: the inputs'
// type), the broadcast output shape. `tensors` (not yet fetched) keeps the
// tensors for the caller.
TfLiteStatus PrepareSimpleBinary(TfLiteContext* context, const char* op_name,
                                 const TfLiteType* allowed_types,
                                 int allowed_count, TfLiteType output_type,
                                 PrepareTensors* tensors);

template <int kAllowedCount>
TfLiteStatus PrepareSimpleBinary(
    TfLiteContext* context, const char* op_name,
    const TfLiteType (&allowed_types)[kAllowedCount], TfLiteType output_type,
    PrepareTensors* tensors) {
  return PrepareSimpleBinary(context, op_name, allowed_types, kAllowedCount,
                             output_type, tensors);
}

template <int kAllowedCount>
TfLiteStatus PrepareSimpleBinary(
    TfLiteContext* context, TfLiteNode* node, const char* op_name,
    const TfLiteType (&allowed_types)[kAllowedCount], TfLiteType output_type) {
  PrepareTensors tensors(context, node);
  return PrepareSimpleBinary(context, op_name, allowed_types, kAllowedCount,
                             output_type, &tensors);
}

// The start of Prepare for ADD, SUB, MUL and DIV: fetches two inputs and the
// output into `tensors`, checks that all three have one type and sets the
// broadcast output shape.
TfLiteStatus PrepareArithmetic(TfLiteContext* context, const char* op_name,
                               PrepareTensors* tensors);

// The fused activation's clamping range in `params`, for float32, int32 or
// int64 (T) arithmetic.
template <typename T>
void SetActivationRange(TfLiteFusedActivation activation,
                        ArithmeticParams* params) {
  T low;
  T high;
  CalculateActivationRange(activation, &low, &high);
  SetActivationParams(low, high, params);
}

// For quantized two-input arithmetic: fails unless both inputs and the
// output are quantized per tensor, and sets params' zero-point offsets.
TfLiteStatus PrepareQuantizedOffsets(const char* op_name,
                                     const TfLiteTensor* input1,
                                     const TfLiteTensor* input2,
                                     const TfLiteTensor* output,
                                     ArithmeticParams* params);

// Fails unless all three zero points are 0 (int16 ADD, SUB and MUL are
// symmetric).
TfLiteStatus CheckZeroZeroPoints(const char* op_name,
                                 const TfLiteTensor* input1,
                                 const TfLiteTensor* input2,
                                 const TfLiteTensor* output);

// Sets params' input multipliers so that both inputs come to a common scale,
// twice the larger input scale (the max taken in float, doubled in double,
// as TFLite does), which is returned: ADD, SUB and SQUARED_DIFFERENCE.
double SetCommonScaleMultipliers(const TfLiteTensor* input1,
                                 const TfLiteTensor* input2,
                                 ArithmeticParams* params);

// Fails, naming the element, when an element of input 2 (a divisor) equals
// `zero` (its zero point, for quantized values).
template <typename T>
TfLiteStatus CheckNoZeroDivisor(const char* op_name,
                                const TfLiteEvalTensor* divisor,
                                int32_t zero = 0) {
  const T* data = GetTensorData<T>(divisor);
  const int count = ElementCount(*divisor->dims);
  for (int i = 0; i < count; ++i) {
    if (data[i] == zero) {
      MicroPrintf("%s: division by zero (element %d of input 2)", op_name, i);
      return kTfLiteError;
    }
  }
  return kTfLiteOk;
}

// Runs a broadcasting reference kernel, kernel([params,] input1_shape,
// input1_data, input2_shape, input2_data, output_shape, output_data), on eval
// tensors holding T.
template <typename T>
void EvalBinary(void (*kernel)(const ArithmeticParams&, const RuntimeShape&,
                               const T*, const RuntimeShape&, const T*,
                               const RuntimeShape&, T*),
                const ArithmeticParams& params,
                const TfLiteEvalTensor* input1,
                const TfLiteEvalTensor* input2, TfLiteEvalTensor* output) {
  kernel(params, GetTensorShape(input1), GetTensorData<T>(input1),
         GetTensorShape(input2), GetTensorData<T>(input2),
         GetTensorShape(output), GetTensorData<T>(output));
}

template <typename T>
void EvalBinary(void (*kernel)(const RuntimeShape&, const T*,
                               const RuntimeShape&, const T*,
                               const RuntimeShape&, T*),
                const TfLiteEvalTensor* input1,
                const TfLiteEvalTensor* input2, TfLiteEvalTensor* output) {
  kernel(GetTensorShape(input1), GetTensorData<T>(input1),
         GetTensorShape(input2), GetTensorData<T>(input2),
         GetTensorShape(output), GetTensorData<T>(output));
}

// True when `scale` is 2^exponent up to a small relative error (the test
// TFLite uses to pick its power-of-two int16 ADD/SUB path).
bool ScaleIsPowerOfTwo(float scale, int* exponent);

}  // namespace micro
}  // namespace tflite

#endif  // TENSORFLOW_LITE_MICRO_KERNELS_ELEMENTWISE_UTIL_H_
