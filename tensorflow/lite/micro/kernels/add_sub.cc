// ADD and SUB (input 1 - input 2) with numpy-style broadcasting: float32,
// int32, int64, and quantized int8 and int16 (general scales, or power-of-two
// scales when the model asks for pot_scale_int16 and every scale is a power
// of two); fused activations. ADD of int16 without quantization parameters
// adds plain integers, as in TFLite (whose SUB has no such path).
//
// Quantized arithmetic as TFLite's: left_shift 20 for int8 and 15 for
// general int16, input multipliers relative to twice the larger input scale.
#include <functional>
#include <type_traits>

#include "tensorflow/lite/core/c/builtin_op_data.h"
#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/kernels/internal/optimized/add.h"
#include "tensorflow/lite/kernels/internal/quantization_util.h"
#include "tensorflow/lite/kernels/internal/reference/add_sub.h"
#include "tensorflow/lite/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/elementwise_util.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace {

enum class Kind { kAdd, kSub };

template <Kind kind>
constexpr const char* OpName() {
  return kind == Kind::kAdd ? "ADD" : "SUB";
}

// TfLiteAddParams or TfLiteSubParams: both hold `activation` and
// `pot_scale_int16`.
template <Kind kind>
using Options = typename std::conditional<kind == Kind::kAdd, TfLiteAddParams,
                                          TfLiteSubParams>::type;

// How the quantized paths combine the rescaled inputs.
template <Kind kind>
using Combine =
    typename std::conditional<kind == Kind::kAdd, std::plus<int32_t>,
                              std::minus<int32_t>>::type;

struct OpData {
  ArithmeticParams params;
  // int16 with power-of-two scales (PowerOfTwoAddSub).
  bool power_of_two_int16;
  // ADD of int16 tensors without quantization parameters.
  bool unquantized_int16;
};

void* Init(TfLiteContext* context, const char*, size_t) {
  return context->AllocatePersistentBuffer(context, sizeof(OpData));
}

TfLiteStatus PrepareGeneralQuantized(TfLiteContext* context,
                                     TfLiteFusedActivation activation,
                                     const TfLiteTensor* input1,
                                     const TfLiteTensor* input2,
                                     const TfLiteTensor* output,
                                     ArithmeticParams* params) {
  // Inputs are widened by 2^left_shift before rescaling so the rounding of
  // the input multipliers loses nothing; 15 keeps 65535 << 15 inside int32.
  params->left_shift = output->type == kTfLiteInt16 ? 15 : 20;
  const double twice_max_input_scale =
      micro::SetCommonScaleMultipliers(input1, input2, params);
  const double output_real =
      twice_max_input_scale /
      (static_cast<double>(1 << params->left_shift) *
       static_cast<double>(output->params.scale));
  QuantizeMultiplier(output_real, &params->output_multiplier,
                     &params->output_shift);
  return CalculateActivationRangeQuantized(
      context, activation, output, &params->quantized_activation_min,
      &params->quantized_activation_max);
}

TfLiteStatus PrepareInt16(TfLiteContext* context, const char* op_name,
                          TfLiteFusedActivation activation,
                          bool pot_scale_int16, const TfLiteTensor* input1,
                          const TfLiteTensor* input2,
                          const TfLiteTensor* output, OpData* data) {
  int input1_log2 = 0;
  int input2_log2 = 0;
  int output_log2 = 0;
  bool power_of_two = pot_scale_int16;
  if (power_of_two) {
    const bool a = micro::ScaleIsPowerOfTwo(input1->params.scale, &input1_log2);
    const bool b = micro::ScaleIsPowerOfTwo(input2->params.scale, &input2_log2);
    const bool c = micro::ScaleIsPowerOfTwo(output->params.scale, &output_log2);
    power_of_two = a && b && c;
  }
  data->power_of_two_int16 = power_of_two;
  if (!power_of_two) {
    return PrepareGeneralQuantized(context, activation, input1, input2, output,
                                   &data->params);
  }
  // Power-of-two path: one input may sit at a finer scale than the output and
  // is rounded down to it; the other must share the output's scale.
  ArithmeticParams& params = data->params;
  params.input1_shift = input1_log2 - output_log2;
  params.input2_shift = input2_log2 - output_log2;
  if (params.input1_shift > 0 || params.input2_shift > 0) {
    MicroPrintf(
        "%s: int16 power-of-two scales: an input scale (2^%d, 2^%d) is "
        "coarser than the output scale 2^%d",
        op_name, input1_log2, input2_log2, output_log2);
    return kTfLiteError;
  }
  if (params.input1_shift != 0 && params.input2_shift != 0) {
    MicroPrintf(
        "%s: int16 power-of-two scales: one input scale must equal the "
        "output scale 2^%d (got 2^%d and 2^%d)",
        op_name, output_log2, input1_log2, input2_log2);
    return kTfLiteError;
  }
  return CalculateActivationRangeQuantized(
      context, activation, output, &params.quantized_activation_min,
      &params.quantized_activation_max);
}

template <Kind kind>
TfLiteStatus Prepare(TfLiteContext* context, TfLiteNode* node) {
  constexpr const char* op_name = OpName<kind>();
  TF_LITE_ENSURE(context, node->user_data != nullptr);
  auto* data = static_cast<OpData*>(node->user_data);
  const auto* options = static_cast<const Options<kind>*>(node->builtin_data);
  if (options == nullptr) {
    MicroPrintf("%s: the operator has no options", op_name);
    return kTfLiteError;
  }
  const TfLiteFusedActivation activation = options->activation;
  micro::PrepareTensors tensors(context, node);
  TF_LITE_ENSURE_STATUS(micro::PrepareArithmetic(context, op_name, &tensors));
  const TfLiteTensor* input1 = tensors.input(0);
  const TfLiteTensor* input2 = tensors.input(1);
  const TfLiteTensor* output = tensors.output();

  *data = OpData();
  ArithmeticParams& params = data->params;
  switch (output->type) {
    case kTfLiteFloat32:
      micro::SetActivationRange<float>(activation, &params);
      return kTfLiteOk;
    case kTfLiteInt32:
      micro::SetActivationRange<int32_t>(activation, &params);
      return kTfLiteOk;
    case kTfLiteInt64:
      micro::SetActivationRange<int64_t>(activation, &params);
      return kTfLiteOk;
    case kTfLiteInt8:
    case kTfLiteInt16:
      break;
    default:
      MicroPrintf("%s: type %s is not supported", op_name,
                  TfLiteTypeGetName(output->type));
      return kTfLiteError;
  }

  if (output->type == kTfLiteInt16 && !micro::HasQuantization(input1) &&
      !micro::HasQuantization(input2) && !micro::HasQuantization(output)) {
    // Plain int16 numbers: TFLite's ADD adds them (wrapping); its SUB has no
    // such path.
    if (kind != Kind::kAdd) {
      MicroPrintf("%s: int16 tensors need quantization parameters", op_name);
      return kTfLiteError;
    }
    int16_t low, high;
    CalculateActivationRange(activation, &low, &high);
    params.quantized_activation_min = low;
    params.quantized_activation_max = high;
    data->unquantized_int16 = true;
    return kTfLiteOk;
  }
  TF_LITE_ENSURE_STATUS(micro::PrepareQuantizedOffsets(op_name, input1,
                                                       input2, output,
                                                       &params));
  if (output->type == kTfLiteInt8) {
    return PrepareGeneralQuantized(context, activation, input1, input2, output,
                                   &params);
  }
  TF_LITE_ENSURE_STATUS(
      micro::CheckZeroZeroPoints(op_name, input1, input2, output));
  return PrepareInt16(context, op_name, activation,
                      options->pot_scale_int16, input1, input2, output, data);
}

template <Kind kind, typename T>
void EvalPlain(const ArithmeticParams& params, const TfLiteEvalTensor* input1,
               const TfLiteEvalTensor* input2, TfLiteEvalTensor* output) {
  micro::EvalBinary<T>(
      kind == Kind::kAdd ? reference_ops::Add<T> : reference_ops::Sub<T>,
      params, input1, input2, output);
}

template <Kind kind, typename T>
void EvalQuantized(const ArithmeticParams& params,
                   const TfLiteEvalTensor* input1,
                   const TfLiteEvalTensor* input2, TfLiteEvalTensor* output) {
  micro::EvalBinary<T>(reference_ops::QuantizedAddSub<T, Combine<kind>>,
                       params, input1, input2, output);
}

template <Kind kind>
TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  const auto& data = *static_cast<const OpData*>(node->user_data);
  const TfLiteEvalTensor* input1 = micro::GetEvalInput(context, node, 0);
  const TfLiteEvalTensor* input2 = micro::GetEvalInput(context, node, 1);
  TfLiteEvalTensor* output = micro::GetEvalOutput(context, node, 0);
  switch (output->type) {
    case kTfLiteFloat32:
      EvalPlain<kind, float>(data.params, input1, input2, output);
      return kTfLiteOk;
    case kTfLiteInt32:
      EvalPlain<kind, int32_t>(data.params, input1, input2, output);
      return kTfLiteOk;
    case kTfLiteInt64:
      EvalPlain<kind, int64_t>(data.params, input1, input2, output);
      return kTfLiteOk;
    case kTfLiteInt8:
      // ADD of same-shape inputs: the optimized element-wise loop (equal
      // results; hot in residual blocks).
      if (kind == Kind::kAdd && micro::HaveSameShapes(input1, input2)) {
        optimized_integer_ops::AddElementwise(
            data.params, micro::ElementCount(*output->dims),
            micro::GetTensorData<int8_t>(input1),
            micro::GetTensorData<int8_t>(input2),
            micro::GetTensorData<int8_t>(output));
        return kTfLiteOk;
      }
      EvalQuantized<kind, int8_t>(data.params, input1, input2, output);
      return kTfLiteOk;
    case kTfLiteInt16:
      if (data.unquantized_int16) {
        micro::EvalBinary<int16_t>(reference_ops::AddUnquantizedInt16,
                                   data.params, input1, input2, output);
      } else if (data.power_of_two_int16) {
        micro::EvalBinary<int16_t>(
            reference_ops::PowerOfTwoAddSub<Combine<kind>>, data.params,
            input1, input2, output);
      } else {
        EvalQuantized<kind, int16_t>(data.params, input1, input2, output);
      }
      return kTfLiteOk;
    default:
      MicroPrintf("%s: type %s is not supported", OpName<kind>(),
                  TfLiteTypeGetName(output->type));
      return kTfLiteError;
  }
}

}  // namespace

TfLiteRegistration Register_ADD() {
  return micro::RegisterOp(Init, Prepare<Kind::kAdd>, Eval<Kind::kAdd>);
}

TfLiteRegistration Register_SUB() {
  return micro::RegisterOp(Init, Prepare<Kind::kSub>, Eval<Kind::kSub>);
}

}  // namespace tflite
