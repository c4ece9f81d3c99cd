// SOFTMAX over the last dimension: float32, int8 input with int8 or int16
// output, and int16 input and output (TFLite's table-driven int16 kernel).
#include "tensorflow/lite/kernels/internal/reference/softmax.h"

#include <cmath>
#include <cstdint>
#include <limits>

#include "tensorflow/lite/core/c/builtin_op_data.h"
#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/kernels/internal/quantization_util.h"
#include "tensorflow/lite/kernels/internal/reference/lut.h"
#include "tensorflow/lite/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/unary_op_util.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace {

// int8 input: exp of a difference to the row maximum, diff in [-255, 0],
// for rows long enough that looking it up beats computing it twice per
// element (what the reference does). The table costs 1 KB of the tail.
constexpr int kExpTableSize = 256;
constexpr int kExpTableMinDepth = 256;

struct OpData {
  SoftmaxParams params;
  const int32_t* exp_table;  // [-diff], or nullptr
  float float_beta;          // float32: params.beta as the model gives it
};

void* Init(TfLiteContext* context, const char*, size_t) {
  return micro::AllocateOpData<OpData>(context);
}

double Exp(double x) { return std::exp(x); }
double OneOverOnePlusX(double x) { return 1.0 / (1.0 + x); }

// int16 -> int16: symmetric tensors, output scale 2^-15, and the two tables
// of SoftmaxInt16, built in double as TFLite builds them.
TfLiteStatus PrepareInt16(TfLiteContext* context, const TfLiteTensor* input,
                          const TfLiteTensor* output,
                          const TfLiteSoftmaxParams* params,
                          SoftmaxParams* op_data) {
  constexpr char kName[] = "SOFTMAX";
  if (output->type != kTfLiteInt16) {
    MicroPrintf("%s: an int16 input needs an int16 output, not %s", kName,
                TfLiteTypeGetName(output->type));
    return kTfLiteError;
  }
  micro::QuantParams in;
  micro::QuantParams out;
  TF_LITE_ENSURE_STATUS(micro::GetUnaryQuantization(
      kName, input, output, /*symmetric=*/true, &in, &out));
  TF_LITE_ENSURE_NEAR(context, out.scale, 1.f / 32768, 0.001f * 1.f / 32768);
  const int depth = input->dims->data[input->dims->size - 1];
  if (depth > 65536) {
    MicroPrintf("%s: int16 rows of %d elements are too long (at most 65536)",
                kName, depth);
    return kTfLiteError;
  }
  TF_LITE_ENSURE_STATUS(micro::AllocateLut(context, kName, &op_data->exp_lut));
  TF_LITE_ENSURE_STATUS(
      micro::AllocateLut(context, kName, &op_data->one_over_one_plus_x_lut));
  constexpr int32_t kRange = std::numeric_limits<int16_t>::max() -
                             std::numeric_limits<int16_t>::min();
  // e^x on [-10, 0] and 1 / (1 + x) on [0, 1], both onto [-1, 1].
  PopulateLut16<double>(10.0 / kRange, std::numeric_limits<int16_t>::max(),
                        2.0 / kRange, 0, Exp, op_data->exp_lut);
  PopulateLut16<double>(1.0 / kRange, std::numeric_limits<int16_t>::min(),
                        2.0 / kRange, 0, OneOverOnePlusX,
                        op_data->one_over_one_plus_x_lut);
  op_data->zero_point = out.zero_point;
  op_data->scale = out.scale;
  // Differences are rescaled so that 10.0 (times beta) spans 65535 steps;
  // input_scale * beta is formed in float, as in the reference.
  int shift;
  QuantizeMultiplier(static_cast<double>(in.scale * params->beta) /
                         (10.0 / 65535.0),
                     &op_data->input_multiplier, &shift);
  op_data->input_left_shift = shift;
  return kTfLiteOk;
}

TfLiteStatus PrepareInt8(TfLiteContext* context, const TfLiteTensor* input,
                         const TfLiteTensor* output,
                         const TfLiteSoftmaxParams* params,
                         SoftmaxParams* op_data) {
  if (output->type == kTfLiteInt16) {
    TF_LITE_ENSURE_EQ(context, output->params.zero_point, -32768);
    TF_LITE_ENSURE_NEAR(context, output->params.scale, 1.f / 65536,
                        0.001f * 1.f / 65536);
  } else {
    TF_LITE_ENSURE_TYPES_EQ(context, output->type, kTfLiteInt8);
    TF_LITE_ENSURE_EQ(context, output->params.zero_point, -128);
    TF_LITE_ENSURE(context, output->params.scale == 1.f / 256);
  }
  constexpr int kScaledDiffIntegerBits = 5;
  int input_left_shift;
  PreprocessSoftmaxScaling(static_cast<double>(params->beta),
                           static_cast<double>(input->params.scale),
                           kScaledDiffIntegerBits, &op_data->input_multiplier,
                           &input_left_shift);
  // The fixed-point rescaling shifts left by 0..31 bits: beta * input scale
  // must lie between about 2^-26 and 2^5.
  if (input_left_shift < 0 || input_left_shift > 31) {
    MicroPrintf("SOFTMAX: beta %g times input scale %g is out of the "
                "supported range",
                static_cast<double>(params->beta),
                static_cast<double>(input->params.scale));
    return kTfLiteError;
  }
  op_data->input_left_shift = input_left_shift;
  op_data->diff_min =
      -1 * CalculateInputRadius(kScaledDiffIntegerBits, input_left_shift);
  return kTfLiteOk;
}

TfLiteStatus Prepare(TfLiteContext* context, TfLiteNode* node) {
  TF_LITE_ENSURE(context, node->user_data != nullptr);
  TF_LITE_ENSURE(context, node->builtin_data != nullptr);
  TF_LITE_ENSURE_EQ(context, NumInputs(node), 1);
  TF_LITE_ENSURE_EQ(context, NumOutputs(node), 1);
  auto* data = static_cast<OpData*>(node->user_data);
  SoftmaxParams* op_data = &data->params;
  data->exp_table = nullptr;
  const auto* params =
      static_cast<const TfLiteSoftmaxParams*>(node->builtin_data);
  micro::ScopedTempTensors temps(context);
  TfLiteTensor* input = temps.Input(node, 0);
  TfLiteTensor* output = temps.Output(node, 0);
  TF_LITE_ENSURE(context, input != nullptr && output != nullptr);
  TF_LITE_ENSURE(context, NumDimensions(input) >= 1);
  TF_LITE_ENSURE_STATUS(
      micro::SetOutputShape(context, output, GetTensorShape(input)));

  switch (input->type) {
    case kTfLiteFloat32:
      TF_LITE_ENSURE_TYPES_EQ(context, output->type, kTfLiteFloat32);
      op_data->beta = static_cast<double>(params->beta);
      data->float_beta = params->beta;
      return kTfLiteOk;
    case kTfLiteInt8: {
      TF_LITE_ENSURE_STATUS(
          PrepareInt8(context, input, output, params, op_data));
      if (SizeOfDimension(input, NumDimensions(input) - 1) <
          kExpTableMinDepth) {
        return kTfLiteOk;
      }
      int32_t* table = static_cast<int32_t*>(context->AllocatePersistentBuffer(
          context, sizeof(int32_t) * kExpTableSize));
      TF_LITE_ENSURE(context, table != nullptr);
      for (int d = 0; d < kExpTableSize; ++d) {
        table[d] = -d >= op_data->diff_min
                       ? reference_ops::SoftmaxExpRaw(*op_data, -d)
                       : 0;  // never read
      }
      data->exp_table = table;
      return kTfLiteOk;
    }
    case kTfLiteInt16:
      return PrepareInt16(context, input, output, params, op_data);
    default:
      MicroPrintf("SOFTMAX: input type %s is not supported",
                  TfLiteTypeGetName(input->type));
      return kTfLiteError;
  }
}

// The reference computation with the exponentials looked up (exactly the
// values SoftmaxExpRaw computes).
void EvalInt8WithTable(const SoftmaxParams& params, const int32_t* table,
                       const TfLiteEvalTensor* input,
                       TfLiteEvalTensor* output) {
  const auto lookup = [table](int32_t diff) { return table[-diff]; };
  if (output->type == kTfLiteInt16) {
    reference_ops::SoftmaxWithExp(
        params, micro::GetTensorShape(input),
        micro::GetTensorData<int8_t>(input), micro::GetTensorShape(output),
        micro::GetTensorData<int16_t>(output), lookup);
  } else {
    reference_ops::SoftmaxWithExp(
        params, micro::GetTensorShape(input),
        micro::GetTensorData<int8_t>(input), micro::GetTensorShape(output),
        micro::GetTensorData<int8_t>(output), lookup);
  }
}

TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  const OpData& data = *static_cast<const OpData*>(node->user_data);
  const SoftmaxParams& op_data = data.params;
  const TfLiteEvalTensor* input = micro::GetEvalInput(context, node, 0);
  TfLiteEvalTensor* output = micro::GetEvalOutput(context, node, 0);
  const RuntimeShape input_shape = micro::GetTensorShape(input);
  const RuntimeShape output_shape = micro::GetTensorShape(output);
  switch (input->type) {
    case kTfLiteFloat32:
      reference_ops::Softmax(data.float_beta, input_shape,
                             micro::GetTensorData<float>(input), output_shape,
                             micro::GetTensorData<float>(output));
      return kTfLiteOk;
    case kTfLiteInt8:
      if (data.exp_table != nullptr) {
        EvalInt8WithTable(op_data, data.exp_table, input, output);
      } else if (output->type == kTfLiteInt16) {
        reference_ops::Softmax(op_data, input_shape,
                               micro::GetTensorData<int8_t>(input),
                               output_shape,
                               micro::GetTensorData<int16_t>(output));
      } else {
        reference_ops::Softmax(op_data, input_shape,
                               micro::GetTensorData<int8_t>(input),
                               output_shape,
                               micro::GetTensorData<int8_t>(output));
      }
      return kTfLiteOk;
    case kTfLiteInt16:
      reference_ops::SoftmaxInt16(op_data, input_shape,
                                  micro::GetTensorData<int16_t>(input),
                                  output_shape,
                                  micro::GetTensorData<int16_t>(output));
      return kTfLiteOk;
    default:
      MicroPrintf("SOFTMAX: input type %s is not supported",
                  TfLiteTypeGetName(input->type));
      return kTfLiteError;
  }
}

}  // namespace

TfLiteRegistration Register_SOFTMAX() {
  return micro::RegisterOp(Init, Prepare, Eval);
}

}  // namespace tflite
