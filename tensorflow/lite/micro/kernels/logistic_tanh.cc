// LOGISTIC (sigmoid) and TANH: float32, int8 and int16.
//
// int8 follows TFLite's reference kernels: a lookup table of the float
// function for any input quantization; LOGISTIC's output scale must be
// 1/256. (TFLM computes int8 LOGISTIC and TANH in gemmlowp fixed point and
// constrains the output quantization further; its results can differ from
// TFLite's by one. TFLite's results win.)
// int16 interpolates in TFLite's logistic table, TANH through
// tanh(x) = 2 * logistic(2x) - 1.
#include <cmath>
#include <cstdint>

#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/kernels/internal/reference/logistic_tanh.h"
#include "tensorflow/lite/kernels/internal/reference/lut.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/unary_op_util.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace {

enum class Kind { kLogistic, kTanh };

template <Kind kind>
constexpr const char* OpName() {
  return kind == Kind::kLogistic ? "LOGISTIC" : "TANH";
}

float TanhFloat(float x) { return std::tanh(x); }

template <Kind kind>
float FloatFunction(float x) {
  return kind == Kind::kLogistic ? reference_ops::LogisticFloat(x)
                                 : TanhFloat(x);
}

struct OpData {
  // int16: input rescaling (multiplier 0 means a power-of-two input scale).
  int32_t input_multiplier;
  int input_left_shift;
  // int8: 256-entry table.
  int8_t* lut;
};

void* Init(TfLiteContext* context, const char*, size_t) {
  return micro::AllocateOpData<OpData>(context);
}

// log2(x) rounded, and whether x is (within 1e-3 in the exponent) a power of
// two; evaluated in float like the reference.
bool CheckedLog2(float x, int* log2_rounded) {
  const float log2_x = std::log(x) * (1.0f / std::log(2.0f));
  const float rounded = std::round(log2_x);
  *log2_rounded = static_cast<int>(rounded);
  return std::abs(log2_x - rounded) < 1e-3f;
}

// int16: symmetric tensors, output scale 2^-15, and the input either at a
// power-of-two scale the table arithmetic takes directly (Q3.12, and Q2.13
// for TANH: up to 2^max_pot_shift times finer) or rescaled by an integer
// multiplier to units of 1/12288.
TfLiteStatus PrepareInt16(const char* name, int max_pot_shift,
                          const TfLiteTensor* input,
                          const TfLiteTensor* output, OpData* data) {
  micro::QuantParams in;
  micro::QuantParams out;
  TF_LITE_ENSURE_STATUS(micro::GetUnaryQuantization(
      name, input, output, /*symmetric=*/true, &in, &out));
  int output_log2;
  if (!CheckedLog2(out.scale, &output_log2) || output_log2 != -15) {
    MicroPrintf("%s: int16 output scale must be 2^-15, got %g", name,
                static_cast<double>(out.scale));
    return kTfLiteError;
  }
  int input_log2;
  const bool power_of_two = CheckedLog2(in.scale, &input_log2);
  const int shift = 12 + input_log2;
  if (power_of_two && shift >= 0 && shift <= max_pot_shift) {
    data->input_multiplier = 0;
    data->input_left_shift = shift;
    return kTfLiteOk;
  }
  double multiplier = static_cast<double>(in.scale) * 4096.0 * 3.0;
  int left_shift = 0;
  while (multiplier <= 32767.0 / 2.0 && left_shift <= 30) {
    ++left_shift;
    multiplier *= 2.0;
  }
  if (multiplier < 1.0 || multiplier >= 2147483648.0) {
    MicroPrintf("%s: int16 input scale %g is out of the supported range",
                name, static_cast<double>(in.scale));
    return kTfLiteError;
  }
  data->input_multiplier = static_cast<int32_t>(multiplier);
  data->input_left_shift = left_shift;
  return kTfLiteOk;
}

// int8: a table of the float function.
TfLiteStatus PrepareInt8(TfLiteContext* context, const char* name,
                         const TfLiteTensor* input, const TfLiteTensor* output,
                         float (*fn)(float), OpData* data) {
  micro::QuantParams in;
  micro::QuantParams out;
  TF_LITE_ENSURE_STATUS(micro::GetUnaryQuantization(
      name, input, output, /*symmetric=*/false, &in, &out));
  TF_LITE_ENSURE_STATUS(micro::AllocateLut(context, name, &data->lut));
  PopulateLut8(in.scale, in.zero_point, out.scale, out.zero_point, fn,
               data->lut);
  return kTfLiteOk;
}

// Fails unless the output scale is the one LOGISTIC requires for `type`.
TfLiteStatus CheckLogisticOutputScale(const TfLiteTensor* output,
                                      double scale, const char* type) {
  if (static_cast<double>(output->params.scale) != scale) {
    MicroPrintf("%s: %s output scale must be 1/%d, got %g",
                OpName<Kind::kLogistic>(), type,
                static_cast<int>(1.0 / scale),
                static_cast<double>(output->params.scale));
    return kTfLiteError;
  }
  return kTfLiteOk;
}

template <Kind kind>
TfLiteStatus Prepare(TfLiteContext* context, TfLiteNode* node) {
  constexpr const char* name = OpName<kind>();
  TF_LITE_ENSURE(context, node->user_data != nullptr);
  auto* data = static_cast<OpData*>(node->user_data);
  micro::ScopedTempTensors temps(context);
  TfLiteTensor* input;
  TfLiteTensor* output;
  TF_LITE_ENSURE_STATUS(
      micro::PrepareUnary(context, node, name, &temps, &input, &output));
  switch (input->type) {
    case kTfLiteFloat32:
      return kTfLiteOk;
    case kTfLiteInt8:
      if (kind == Kind::kLogistic) {
        TF_LITE_ENSURE_STATUS(
            CheckLogisticOutputScale(output, 1.0 / 256, "int8"));
      }
      return PrepareInt8(context, name, input, output, FloatFunction<kind>,
                         data);
    case kTfLiteInt16:
      if (kind == Kind::kLogistic) {
        TF_LITE_ENSURE_STATUS(
            CheckLogisticOutputScale(output, 1.0 / 32768, "int16"));
      }
      // The table arithmetic takes a Q3.12 input (and for TANH a Q2.13 one)
      // directly.
      return PrepareInt16(name, kind == Kind::kLogistic ? 0 : 1, input,
                          output, data);
    default:
      return micro::UnsupportedType(input, name);
  }
}

template <Kind kind>
TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  const auto& data = *static_cast<const OpData*>(node->user_data);
  const TfLiteEvalTensor* input = micro::GetEvalInput(context, node, 0);
  TfLiteEvalTensor* output = micro::GetEvalOutput(context, node, 0);
  const int size = MatchingFlatSize(micro::GetTensorShape(input),
                                    micro::GetTensorShape(output));
  switch (input->type) {
    case kTfLiteFloat32: {
      const float* in = micro::GetTensorData<float>(input);
      float* out = micro::GetTensorData<float>(output);
      for (int i = 0; i < size; ++i) out[i] = FloatFunction<kind>(in[i]);
      return kTfLiteOk;
    }
    case kTfLiteInt8:
      reference_integer_ops::LookupTable(micro::GetTensorData<int8_t>(input),
                                         size, data.lut,
                                         micro::GetTensorData<int8_t>(output));
      return kTfLiteOk;
    case kTfLiteInt16:
      (kind == Kind::kLogistic ? reference_ops::LogisticInt16
                               : reference_ops::TanhInt16)(
          data.input_multiplier, data.input_left_shift,
          micro::GetTensorData<int16_t>(input), size,
          micro::GetTensorData<int16_t>(output));
      return kTfLiteOk;
    default:
      return micro::UnsupportedType(input, OpName<kind>());
  }
}

}  // namespace

TfLiteRegistration Register_LOGISTIC() {
  return micro::RegisterOp(Init, Prepare<Kind::kLogistic>,
                           Eval<Kind::kLogistic>);
}

TfLiteRegistration Register_TANH() {
  return micro::RegisterOp(Init, Prepare<Kind::kTanh>, Eval<Kind::kTanh>);
}

}  // namespace tflite
