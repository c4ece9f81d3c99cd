// EQUAL, NOT_EQUAL, LESS, LESS_EQUAL, GREATER, GREATER_EQUAL with
// numpy-style broadcasting; the output is bool.
//
// Types, as in LiteRT's reference kernels:
//   all six:              float32, int32, int64, int8, uint8, int16
//   EQUAL and NOT_EQUAL:  also bool
// Quantized int8 and uint8 inputs are compared on a common real scale
// (TFLite's rescaling). int16 is rescaled the same way by EQUAL/NOT_EQUAL
// when it carries quantization parameters, but compared as stored by the
// four ordering comparisons: that asymmetry is TFLite's, reproduced on
// purpose. int8/uint8 without quantization parameters compare as stored
// (TFLite fails on them).
#include "tensorflow/lite/kernels/internal/reference/comparisons.h"

#include <functional>

#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/kernels/internal/quantization_util.h"
#include "tensorflow/lite/micro/kernels/elementwise_util.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace {

enum class Kind { kEqual, kNotEqual, kLess, kLessEqual, kGreater,
                  kGreaterEqual };

struct OpData {
  ComparisonParams params;
  bool rescale;
};

template <Kind kind>
const char* OpName() {
  switch (kind) {
    case Kind::kEqual:
      return "EQUAL";
    case Kind::kNotEqual:
      return "NOT_EQUAL";
    case Kind::kLess:
      return "LESS";
    case Kind::kLessEqual:
      return "LESS_EQUAL";
    case Kind::kGreater:
      return "GREATER";
    default:
      return "GREATER_EQUAL";
  }
}

constexpr bool IsEquality(Kind kind) {
  return kind == Kind::kEqual || kind == Kind::kNotEqual;
}

constexpr TfLiteType kEqualityTypes[] = {kTfLiteBool,  kTfLiteFloat32,
                                         kTfLiteInt8,  kTfLiteUInt8,
                                         kTfLiteInt16, kTfLiteInt32,
                                         kTfLiteInt64};
constexpr TfLiteType kOrderingTypes[] = {kTfLiteFloat32, kTfLiteInt8,
                                         kTfLiteUInt8,   kTfLiteInt16,
                                         kTfLiteInt32,   kTfLiteInt64};

void* Init(TfLiteContext* context, const char*, size_t) {
  return context->AllocatePersistentBuffer(context, sizeof(OpData));
}

template <Kind kind>
TfLiteStatus Prepare(TfLiteContext* context, TfLiteNode* node) {
  TF_LITE_ENSURE(context, node->user_data != nullptr);
  auto* data = static_cast<OpData*>(node->user_data);
  *data = OpData();
  micro::PrepareTensors tensors(context, node);
  if (IsEquality(kind)) {
    TF_LITE_ENSURE_STATUS(micro::PrepareSimpleBinary(
        context, OpName<kind>(), kEqualityTypes, kTfLiteBool, &tensors));
  } else {
    TF_LITE_ENSURE_STATUS(micro::PrepareSimpleBinary(
        context, OpName<kind>(), kOrderingTypes, kTfLiteBool, &tensors));
  }
  const TfLiteTensor* input1 = tensors.input(0);
  const TfLiteTensor* input2 = tensors.input(1);
  const TfLiteType type = input1->type;
  const bool scaled_type =
      type == kTfLiteInt8 || type == kTfLiteUInt8 ||
      (type == kTfLiteInt16 && IsEquality(kind));
  data->rescale = scaled_type && micro::HasQuantization(input1) &&
                  micro::HasQuantization(input2);
  if (!data->rescale) return kTfLiteOk;

  TF_LITE_ENSURE_STATUS(
      micro::CheckPerTensorQuantization(OpName<kind>(), "input 1", input1));
  TF_LITE_ENSURE_STATUS(
      micro::CheckPerTensorQuantization(OpName<kind>(), "input 2", input2));
  ComparisonParams& params = data->params;
  params.left_shift = 8;
  params.input1_offset = -input1->params.zero_point;
  params.input2_offset = -input2->params.zero_point;
  // Each input is multiplied by its own scale (TFLite's choice; a scale of
  // 1 or more takes a left shift here, where TFLite itself would fail).
  QuantizeMultiplier(static_cast<double>(input1->params.scale),
                     &params.input1_multiplier, &params.input1_shift);
  QuantizeMultiplier(static_cast<double>(input2->params.scale),
                     &params.input2_multiplier, &params.input2_shift);
  return kTfLiteOk;
}

template <typename Compare, typename T>
void EvalTyped(const OpData& data, const TfLiteEvalTensor* input1,
               const TfLiteEvalTensor* input2, TfLiteEvalTensor* output) {
  const RuntimeShape shape1 = micro::GetTensorShape(input1);
  const RuntimeShape shape2 = micro::GetTensorShape(input2);
  const RuntimeShape output_shape = micro::GetTensorShape(output);
  if (data.rescale) {
    reference_ops::CompareWithScaling(
        data.params, shape1, micro::GetTensorData<T>(input1), shape2,
        micro::GetTensorData<T>(input2), output_shape,
        micro::GetTensorData<bool>(output), Compare());
  } else {
    reference_ops::CompareElements(shape1, micro::GetTensorData<T>(input1),
                                   shape2, micro::GetTensorData<T>(input2),
                                   output_shape,
                                   micro::GetTensorData<bool>(output),
                                   Compare());
  }
}

template <Kind kind, typename Compare>
TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  const auto& data = *static_cast<const OpData*>(node->user_data);
  const TfLiteEvalTensor* input1 = micro::GetEvalInput(context, node, 0);
  const TfLiteEvalTensor* input2 = micro::GetEvalInput(context, node, 1);
  TfLiteEvalTensor* output = micro::GetEvalOutput(context, node, 0);
  switch (input1->type) {
    case kTfLiteBool:
      EvalTyped<Compare, bool>(data, input1, input2, output);
      return kTfLiteOk;
    case kTfLiteFloat32:
      EvalTyped<Compare, float>(data, input1, input2, output);
      return kTfLiteOk;
    case kTfLiteInt8:
      EvalTyped<Compare, int8_t>(data, input1, input2, output);
      return kTfLiteOk;
    case kTfLiteUInt8:
      EvalTyped<Compare, uint8_t>(data, input1, input2, output);
      return kTfLiteOk;
    case kTfLiteInt16:
      EvalTyped<Compare, int16_t>(data, input1, input2, output);
      return kTfLiteOk;
    case kTfLiteInt32:
      EvalTyped<Compare, int32_t>(data, input1, input2, output);
      return kTfLiteOk;
    case kTfLiteInt64:
      EvalTyped<Compare, int64_t>(data, input1, input2, output);
      return kTfLiteOk;
    default:
      MicroPrintf("%s: type %s is not supported", OpName<kind>(),
                  TfLiteTypeGetName(input1->type));
      return kTfLiteError;
  }
}

template <Kind kind, typename Compare>
TfLiteRegistration Registration() {
  return micro::RegisterOp(Init, Prepare<kind>, Eval<kind, Compare>);
}

}  // namespace

TfLiteRegistration Register_EQUAL() {
  return Registration<Kind::kEqual, std::equal_to<>>();
}
TfLiteRegistration Register_NOT_EQUAL() {
  return Registration<Kind::kNotEqual, std::not_equal_to<>>();
}
TfLiteRegistration Register_LESS() {
  return Registration<Kind::kLess, std::less<>>();
}
TfLiteRegistration Register_LESS_EQUAL() {
  return Registration<Kind::kLessEqual, std::less_equal<>>();
}
TfLiteRegistration Register_GREATER() {
  return Registration<Kind::kGreater, std::greater<>>();
}
TfLiteRegistration Register_GREATER_EQUAL() {
  return Registration<Kind::kGreaterEqual, std::greater_equal<>>();
}

}  // namespace tflite
