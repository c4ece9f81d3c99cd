// Prepare-time helpers shared by the single-input element-wise kernels
// (math functions, activations, softmax-like ops, CAST).
#ifndef TENSORFLOW_LITE_MICRO_KERNELS_UNARY_OP_UTIL_H_
#define TENSORFLOW_LITE_MICRO_KERNELS_UNARY_OP_UTIL_H_

#include <cmath>
#include <cstdint>
#include <new>

#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/kernels/internal/reference/lut.h"
#include "tensorflow/lite/kernels/internal/runtime_shape.h"
#include "tensorflow/lite/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/micro_context.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace micro {

inline TfLiteStatus EnsureSameType(const TfLiteTensor* input,
                                   const TfLiteTensor* output,
                                   const char* op_name) {
  if (input->type != output->type) {
    MicroPrintf("%s: output type %s differs from input type %s", op_name,
                TfLiteTypeGetName(output->type),
                TfLiteTypeGetName(input->type));
    return kTfLiteError;
  }
  return kTfLiteOk;
}

// The failure of a kernel given a tensor (TfLiteTensor or TfLiteEvalTensor)
// of a type it does not take.
template <typename Tensor>
inline TfLiteStatus UnsupportedType(const Tensor* tensor,
                                    const char* op_name) {
  MicroPrintf("%s: type %s is not supported", op_name,
              TfLiteTypeGetName(tensor->type));
  return kTfLiteError;
}

// What PrepareUnary requires of the output's type.
enum class UnaryOutputType { kSameAsInput, kAny };

// Checks that `node` has exactly one input and one output, fetches them and
// gives the output the input's shape; the output must have the input's type
// unless `output_type` is kAny (CAST).
inline TfLiteStatus PrepareUnary(
    TfLiteContext* context, TfLiteNode* node, const char* op_name,
    ScopedTempTensors* temps, TfLiteTensor** input, TfLiteTensor** output,
    UnaryOutputType output_type = UnaryOutputType::kSameAsInput) {
  if (NumInputs(node) != 1 || NumOutputs(node) != 1) {
    MicroPrintf("%s: expected 1 input and 1 output, got %d and %d", op_name,
                NumInputs(node), NumOutputs(node));
    return kTfLiteError;
  }
  *input = temps->Input(node, 0);
  *output = temps->Output(node, 0);
  if (*input == nullptr || *output == nullptr) {
    MicroPrintf("%s: missing input or output tensor", op_name);
    return kTfLiteError;
  }
  TF_LITE_ENSURE_STATUS(SetOutputShape(context, *output, (*input)->dims));
  if (output_type == UnaryOutputType::kAny) return kTfLiteOk;
  return EnsureSameType(*input, *output, op_name);
}

// Per-tensor affine quantization with a positive, finite scale. `which`
// names the tensor in the error ("input", "output", "alpha").
inline TfLiteStatus GetQuantization(const TfLiteTensor* tensor,
                                    const char* op_name, const char* which,
                                    float* scale, int32_t* zero_point) {
  if (!HasQuantization(tensor)) {
    MicroPrintf("%s: the %s %s tensor has no quantization parameters",
                op_name, TfLiteTypeGetName(tensor->type), which);
    return kTfLiteError;
  }
  const auto* params = static_cast<const TfLiteAffineQuantization*>(
      tensor->quantization.params);
  if (params->scale->size != 1) {
    MicroPrintf("%s: the %s tensor must be quantized per tensor, not per "
                "channel",
                op_name, which);
    return kTfLiteError;
  }
  const float s = tensor->params.scale;
  if (!(s > 0.0f) || !std::isfinite(s)) {
    MicroPrintf("%s: the %s scale %g must be positive and finite", op_name,
                which, static_cast<double>(s));
    return kTfLiteError;
  }
  *scale = s;
  *zero_point = tensor->params.zero_point;
  return kTfLiteOk;
}

inline TfLiteStatus EnsureZeroPoint(int32_t zero_point, int32_t expected,
                                    const char* op_name, const char* which) {
  if (zero_point != expected) {
    MicroPrintf("%s: the %s zero point is %d but must be %d", op_name, which,
                static_cast<int>(zero_point), static_cast<int>(expected));
    return kTfLiteError;
  }
  return kTfLiteOk;
}

// One tensor's per-tensor quantization.
struct QuantParams {
  float scale;
  int32_t zero_point;
};

// GetQuantization of a single-input op's input and output. With
// `symmetric` (int16 activations) both zero points must be 0.
inline TfLiteStatus GetUnaryQuantization(const char* op_name,
                                         const TfLiteTensor* input,
                                         const TfLiteTensor* output,
                                         bool symmetric, QuantParams* in,
                                         QuantParams* out) {
  TF_LITE_ENSURE_STATUS(GetQuantization(input, op_name, "input", &in->scale,
                                        &in->zero_point));
  TF_LITE_ENSURE_STATUS(GetQuantization(output, op_name, "output",
                                        &out->scale, &out->zero_point));
  if (!symmetric) return kTfLiteOk;
  TF_LITE_ENSURE_STATUS(EnsureZeroPoint(in->zero_point, 0, op_name, "input"));
  return EnsureZeroPoint(out->zero_point, 0, op_name, "output");
}

// Fails unless an int8 output has the fixed quantization the op's reference
// kernel requires; `scale_text` spells the scale in the message ("1/128").
inline TfLiteStatus CheckFixedOutputQuantization(const char* op_name,
                                                 const QuantParams& output,
                                                 double scale,
                                                 const char* scale_text,
                                                 int32_t zero_point) {
  if (static_cast<double>(output.scale) != scale ||
      output.zero_point != zero_point) {
    MicroPrintf("%s: int8 output must have scale %s and zero point %d, got "
                "%g and %d",
                op_name, scale_text, static_cast<int>(zero_point),
                static_cast<double>(output.scale),
                static_cast<int>(output.zero_point));
    return kTfLiteError;
  }
  return kTfLiteOk;
}

// A value-initialized T in persistent memory, for a kernel's Init.
template <typename T>
inline T* AllocateOpData(TfLiteContext* context) {
  void* memory = context->AllocatePersistentBuffer(context, sizeof(T));
  return memory == nullptr ? nullptr : new (memory) T();
}

// Persistent memory for `count` elements of T (prepare or init only).
template <typename T>
inline T* AllocatePersistentArray(TfLiteContext* context, int count) {
  return static_cast<T*>(
      context->AllocatePersistentBuffer(context, sizeof(T) * count));
}

// A lookup table of LutSize<T>() entries in persistent memory at `*table`,
// allocated the first time (prepare may run again).
template <typename T>
inline TfLiteStatus AllocateLut(TfLiteContext* context, const char* op_name,
                                T** table) {
  if (*table != nullptr) return kTfLiteOk;
  *table = AllocatePersistentArray<T>(context, LutSize<T>());
  if (*table == nullptr) {
    MicroPrintf("%s: out of persistent memory for the lookup table", op_name);
    return kTfLiteError;
  }
  return kTfLiteOk;
}

// The rows of an op over the last dimension, whose output has the input's
// shape: how many, and how long.
inline void LastDimRows(const TfLiteEvalTensor* input,
                        const TfLiteEvalTensor* output, int* rows,
                        int* depth) {
  const RuntimeShape input_shape = GetTensorShape(input);
  const RuntimeShape output_shape = GetTensorShape(output);
  const int last = input_shape.DimensionsCount() - 1;
  *rows = MatchingFlatSizeSkipDim(input_shape, last, output_shape);
  *depth = MatchingDim(input_shape, last, output_shape, last);
}

}  // namespace micro
}  // namespace tflite

#endif  // TENSORFLOW_LITE_MICRO_KERNELS_UNARY_OP_UTIL_H_
