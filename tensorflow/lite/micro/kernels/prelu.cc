// PRELU: x >= 0 ? x : alpha * x, with alpha (input 1) broadcast against the
// input, for float32 and int8. The output has the input's shape; alpha may
// be smaller (e.g. one value per channel) but never larger.
#include <cstdint>

#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/kernels/internal/common.h"
#include "tensorflow/lite/kernels/internal/optimized/prelu.h"
#include "tensorflow/lite/kernels/internal/quantization_util.h"
#include "tensorflow/lite/kernels/internal/reference/activations.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/unary_op_util.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace {

constexpr char kName[] = "PRELU";
constexpr int kMaxDims = 5;

void* Init(TfLiteContext* context, const char*, size_t) {
  return micro::AllocateOpData<PreluParams>(context);
}

TfLiteStatus CheckBroadcast(const TfLiteTensor* input,
                            const TfLiteTensor* alpha) {
  const int rank = NumDimensions(input);
  const int alpha_rank = NumDimensions(alpha);
  if (rank > kMaxDims) {
    MicroPrintf("%s: input has %d dimensions, at most %d are supported",
                kName, rank, kMaxDims);
    return kTfLiteError;
  }
  if (alpha_rank > rank) {
    MicroPrintf("%s: alpha has %d dimensions, more than the input's %d",
                kName, alpha_rank, rank);
    return kTfLiteError;
  }
  for (int i = 1; i <= alpha_rank; ++i) {
    const int a = alpha->dims->data[alpha_rank - i];
    const int x = input->dims->data[rank - i];
    if (a != 1 && a != x) {
      MicroPrintf("%s: alpha dimension %d (%d) does not broadcast to the "
                  "input's %d",
                  kName, alpha_rank - i, a, x);
      return kTfLiteError;
    }
  }
  return kTfLiteOk;
}

TfLiteStatus Prepare(TfLiteContext* context, TfLiteNode* node) {
  TF_LITE_ENSURE(context, node->user_data != nullptr);
  auto* params = static_cast<PreluParams*>(node->user_data);
  if (NumInputs(node) != 2 || NumOutputs(node) != 1) {
    MicroPrintf("%s: expected 2 inputs and 1 output, got %d and %d", kName,
                NumInputs(node), NumOutputs(node));
    return kTfLiteError;
  }
  micro::ScopedTempTensors temps(context);
  TfLiteTensor* input = temps.Input(node, 0);
  TfLiteTensor* alpha = temps.Input(node, 1);
  TfLiteTensor* output = temps.Output(node, 0);
  if (input == nullptr || alpha == nullptr || output == nullptr) {
    MicroPrintf("%s: missing input, alpha or output tensor", kName);
    return kTfLiteError;
  }
  TF_LITE_ENSURE_STATUS(CheckBroadcast(input, alpha));
  TF_LITE_ENSURE_STATUS(micro::SetOutputShape(context, output, input->dims));
  if (alpha->type != input->type) {
    MicroPrintf("%s: alpha type %s differs from input type %s", kName,
                TfLiteTypeGetName(alpha->type),
                TfLiteTypeGetName(input->type));
    return kTfLiteError;
  }
  TF_LITE_ENSURE_STATUS(micro::EnsureSameType(input, output, kName));
  if (input->type == kTfLiteFloat32) return kTfLiteOk;
  if (input->type != kTfLiteInt8) return micro::UnsupportedType(input, kName);

  float input_scale;
  float alpha_scale;
  float output_scale;
  int32_t input_zero_point;
  int32_t alpha_zero_point;
  TF_LITE_ENSURE_STATUS(micro::GetQuantization(
      input, kName, "input", &input_scale, &input_zero_point));
  TF_LITE_ENSURE_STATUS(micro::GetQuantization(
      alpha, kName, "alpha", &alpha_scale, &alpha_zero_point));
  TF_LITE_ENSURE_STATUS(micro::GetQuantization(
      output, kName, "output", &output_scale, &params->output_offset));
  params->input_offset = -input_zero_point;
  params->alpha_offset = -alpha_zero_point;
  // Ratios in float, as in the reference.
  QuantizeMultiplier(static_cast<double>(input_scale / output_scale),
                     &params->output_multiplier_1, &params->output_shift_1);
  QuantizeMultiplier(
      static_cast<double>(input_scale * alpha_scale / output_scale),
      &params->output_multiplier_2, &params->output_shift_2);
  return kTfLiteOk;
}

// Walks the output (the input's shape) and the broadcast alpha together.
template <typename T, typename Fn>
void BroadcastApply(const TfLiteEvalTensor* input,
                    const TfLiteEvalTensor* alpha, TfLiteEvalTensor* output,
                    Fn fn) {
  const RuntimeShape input_shape = micro::GetTensorShape(input);
  const RuntimeShape alpha_shape = micro::GetTensorShape(alpha);
  NdArrayDesc<kMaxDims> input_desc;
  NdArrayDesc<kMaxDims> alpha_desc;
  NdArrayDescsForElementwiseBroadcast(input_shape, alpha_shape, &input_desc,
                                      &alpha_desc);
  const T* input_data = micro::GetTensorData<T>(input);
  const T* alpha_data = micro::GetTensorData<T>(alpha);
  T* output_data = micro::GetTensorData<T>(output);
  // The input is never broadcast, so its index is the output index.
  ForEachIndex<kMaxDims>(input_desc, [&](const int* indexes) {
    const int i = SubscriptToIndex(input_desc, indexes);
    output_data[i] =
        fn(input_data[i], alpha_data[SubscriptToIndex(alpha_desc, indexes)]);
  });
}

TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  const auto& params = *static_cast<const PreluParams*>(node->user_data);
  const TfLiteEvalTensor* input = micro::GetEvalInput(context, node, 0);
  const TfLiteEvalTensor* alpha = micro::GetEvalInput(context, node, 1);
  TfLiteEvalTensor* output = micro::GetEvalOutput(context, node, 0);
  // An alpha repeating along the input (per channel, scalar, same shape):
  // the optimized loops, the same results as the reference.
  int alpha_size = 0;
  const RuntimeShape input_shape = micro::GetTensorShape(input);
  const RuntimeShape alpha_shape = micro::GetTensorShape(alpha);
  if (optimized_ops::PreluAlphaRepeats(
          input_shape.DimsData(), input_shape.DimensionsCount(),
          alpha_shape.DimsData(), alpha_shape.DimensionsCount(),
          &alpha_size) &&
      alpha_size > 0) {
    const int size = input_shape.FlatSize();
    if (input->type == kTfLiteFloat32) {
      optimized_ops::PreluRepeating(
          micro::GetTensorData<float>(input), size,
          micro::GetTensorData<float>(alpha), alpha_size,
          micro::GetTensorData<float>(output));
      return kTfLiteOk;
    }
    if (input->type == kTfLiteInt8) {
      optimized_ops::PreluRepeating(
          params, micro::GetTensorData<int8_t>(input), size,
          micro::GetTensorData<int8_t>(alpha), alpha_size,
          micro::GetTensorData<int8_t>(output));
      return kTfLiteOk;
    }
  }
  switch (input->type) {
    case kTfLiteFloat32:
      BroadcastApply<float>(input, alpha, output, reference_ops::Prelu);
      return kTfLiteOk;
    case kTfLiteInt8:
      BroadcastApply<int8_t>(input, alpha, output, [&](int8_t x, int8_t a) {
        return reference_ops::QuantizedPrelu(params, x, a);
      });
      return kTfLiteOk;
    default:
      MicroPrintf("%s: type %s is not supported", kName,
                  TfLiteTypeGetName(input->type));
      return kTfLiteError;
  }
}

}  // namespace

TfLiteRegistration Register_PRELU() {
  return micro::RegisterOp(Init, Prepare, Eval);
}

}  // namespace tflite
