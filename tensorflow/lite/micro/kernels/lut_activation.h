// Shared by the table-driven single-input ops (EXP, ELU, GELU): float32
// computes the function directly; int8 and int16 look the result up in a
// table built in Prepare from the float function, as TFLite's reference
// kernels do.
#ifndef TENSORFLOW_LITE_MICRO_KERNELS_LUT_ACTIVATION_H_
#define TENSORFLOW_LITE_MICRO_KERNELS_LUT_ACTIVATION_H_

#include <cstdint>

#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/kernels/internal/reference/lut.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/unary_op_util.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace micro {

struct LutOpData {
  int16_t* lut;  // 513 entries; int8 tables use the first 256 bytes
  float (*float_fn)(float);
};

inline void* LutOpInit(TfLiteContext* context) {
  return AllocateOpData<LutOpData>(context);
}

// Checks one input/output of the same type, sets the output shape, and for
// int8 (and int16 when `allow_int16`) fills the table with `fn`.
inline TfLiteStatus LutOpPrepare(TfLiteContext* context, TfLiteNode* node,
                                 const char* name, bool allow_int16,
                                 float (*fn)(float)) {
  TF_LITE_ENSURE(context, node->user_data != nullptr);
  auto* data = static_cast<LutOpData*>(node->user_data);
  data->float_fn = fn;
  ScopedTempTensors temps(context);
  TfLiteTensor* input;
  TfLiteTensor* output;
  TF_LITE_ENSURE_STATUS(
      PrepareUnary(context, node, name, &temps, &input, &output));
  const TfLiteType type = input->type;
  if (type == kTfLiteFloat32) return kTfLiteOk;
  if (type != kTfLiteInt8 && !(type == kTfLiteInt16 && allow_int16)) {
    return UnsupportedType(input, name);
  }
  QuantParams in;
  QuantParams out;
  TF_LITE_ENSURE_STATUS(GetUnaryQuantization(name, input, output,
                                             /*symmetric=*/false, &in, &out));
  TF_LITE_ENSURE_STATUS(AllocateLut(context, name, &data->lut));
  if (type == kTfLiteInt8) {
    PopulateLut8(in.scale, in.zero_point, out.scale, out.zero_point, fn,
                 reinterpret_cast<int8_t*>(data->lut));
  } else {
    PopulateLut16<float>(in.scale, in.zero_point, out.scale, out.zero_point,
                         fn, data->lut);
  }
  return kTfLiteOk;
}

inline TfLiteStatus LutOpEval(TfLiteContext* context, TfLiteNode* node,
                              const char* name) {
  const auto& data = *static_cast<const LutOpData*>(node->user_data);
  const TfLiteEvalTensor* input = GetEvalInput(context, node, 0);
  TfLiteEvalTensor* output = GetEvalOutput(context, node, 0);
  const int size =
      MatchingFlatSize(GetTensorShape(input), GetTensorShape(output));
  switch (input->type) {
    case kTfLiteFloat32: {
      const float* in = GetTensorData<float>(input);
      float* out = GetTensorData<float>(output);
      for (int i = 0; i < size; ++i) out[i] = data.float_fn(in[i]);
      return kTfLiteOk;
    }
    case kTfLiteInt8:
      reference_integer_ops::LookupTable(
          GetTensorData<int8_t>(input), size,
          reinterpret_cast<const int8_t*>(data.lut),
          GetTensorData<int8_t>(output));
      return kTfLiteOk;
    case kTfLiteInt16:
      reference_integer_ops::LookupTable(GetTensorData<int16_t>(input), size,
                                         data.lut,
                                         GetTensorData<int16_t>(output));
      return kTfLiteOk;
    default:
      return UnsupportedType(input, name);
  }
}

}  // namespace micro
}  // namespace tflite

#endif  // TENSORFLOW_LITE_MICRO_KERNELS_LUT_ACTIVATION_H_
