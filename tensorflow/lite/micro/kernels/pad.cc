// PAD and PADV2: constant padding of a tensor of any rank. The paddings
// input is int32 or int64 [rank, 2]; PADV2's optional third input holds the
// padding value (for quantized tensors in the output's quantization), PAD
// pads with zero (the output's zero point for quantized tensors).
#include "tensorflow/lite/kernels/internal/optimized/pad.h"

#include <cstdint>
#include <cstring>
#include <limits>

#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/index_tensor_util.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/movement_util.h"
#include "tensorflow/lite/micro/kernels/pad_util.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace {

constexpr int kInputTensor = 0;
constexpr int kPaddingsTensor = 1;
constexpr int kConstantValuesTensor = 2;
constexpr int kOutputTensor = 0;

struct OpData {
  const char* name;
  reference_ops::PadSpec spec;
  // Paddings known while preparing (a constant); else read at each invoke.
  bool paddings_constant;
  // Padding value when there is no constant-values input: 0, or the output's
  // zero point for quantized types.
  int32_t zero_value;
};

void* InitPad(TfLiteContext* context, const char*, size_t) {
  void* data = context->AllocatePersistentBuffer(context, sizeof(OpData));
  if (data != nullptr) static_cast<OpData*>(data)->name = "PAD";
  return data;
}

void* InitPadV2(TfLiteContext* context, const char*, size_t) {
  void* data = context->AllocatePersistentBuffer(context, sizeof(OpData));
  if (data != nullptr) static_cast<OpData*>(data)->name = "PADV2";
  return data;
}

bool IsQuantizedType(TfLiteType type) {
  return type == kTfLiteInt8 || type == kTfLiteUInt8 || type == kTfLiteInt16;
}

TfLiteStatus ZeroPointInRange(TfLiteType type, int32_t zero_point) {
  int32_t low = 0, high = 0;
  switch (type) {
    case kTfLiteInt8:
      low = std::numeric_limits<int8_t>::min();
      high = std::numeric_limits<int8_t>::max();
      break;
    case kTfLiteUInt8:
      low = std::numeric_limits<uint8_t>::min();
      high = std::numeric_limits<uint8_t>::max();
      break;
    case kTfLiteInt16:
      low = std::numeric_limits<int16_t>::min();
      high = std::numeric_limits<int16_t>::max();
      break;
    default:
      return kTfLiteOk;
  }
  return zero_point >= low && zero_point <= high ? kTfLiteOk : kTfLiteError;
}

TfLiteStatus CheckConstantValues(TfLiteContext* /*context*/,
                                 const OpData& data,
                                 const TfLiteTensor* input,
                                 const TfLiteTensor* values,
                                 const TfLiteTensor* output) {
  if (values->type != input->type) {
    MicroPrintf("%s: the padding value is %s but the input is %s", data.name,
                TfLiteTypeGetName(values->type),
                TfLiteTypeGetName(input->type));
    return kTfLiteError;
  }
  if (NumElements(values) != 1) {
    MicroPrintf("%s: the padding value must hold one element, not %d",
                data.name, static_cast<int>(NumElements(values)));
    return kTfLiteError;
  }
  if (IsQuantizedType(input->type) &&
      output->quantization.type == kTfLiteAffineQuantization &&
      (values->params.scale != output->params.scale ||
       values->params.zero_point != output->params.zero_point)) {
    MicroPrintf(
        "%s: the padding value must be quantized like the output (scale %f, "
        "zero point %d)",
        data.name, static_cast<double>(output->params.scale),
        static_cast<int>(output->params.zero_point));
    return kTfLiteError;
  }
  return kTfLiteOk;
}

TfLiteStatus Prepare(TfLiteContext* context, TfLiteNode* node) {
  TF_LITE_ENSURE(context, node->user_data != nullptr);
  OpData* data = static_cast<OpData*>(node->user_data);
  if (NumInputs(node) != 2 && NumInputs(node) != 3) {
    MicroPrintf("%s: expected 2 or 3 inputs, got %d", data->name,
                NumInputs(node));
    return kTfLiteError;
  }
  TF_LITE_ENSURE_EQ(context, NumOutputs(node), 1);
  MicroContext* micro_context = GetMicroContext(context);
  TfLiteTensor* input =
      micro_context->AllocateTempInputTensor(node, kInputTensor);
  TfLiteTensor* paddings =
      micro_context->AllocateTempInputTensor(node, kPaddingsTensor);
  TfLiteTensor* values =
      NumInputs(node) == 3
          ? micro_context->AllocateTempInputTensor(node, kConstantValuesTensor)
          : nullptr;
  TfLiteTensor* output =
      micro_context->AllocateTempOutputTensor(node, kOutputTensor);
  TF_LITE_ENSURE(context, input != nullptr && paddings != nullptr &&
                              output != nullptr);

  TfLiteStatus status = kTfLiteOk;
  const int rank = NumDimensions(input);
  if (!movement::IsMovableType(input->type)) {
    MicroPrintf("%s: type %s is not supported", data->name,
                TfLiteTypeGetName(input->type));
    status = kTfLiteError;
  } else if (output->type != input->type) {
    MicroPrintf("%s: output type %s differs from input type %s", data->name,
                TfLiteTypeGetName(output->type),
                TfLiteTypeGetName(input->type));
    status = kTfLiteError;
  } else {
    status = micro::CheckPaddingsTensor(data->name, paddings->type,
                                        paddings->dims, rank);
  }
  if (status == kTfLiteOk && values != nullptr) {
    status = CheckConstantValues(context, *data, input, values, output);
  }
  data->zero_value = 0;
  if (status == kTfLiteOk && IsQuantizedType(input->type) &&
      output->quantization.type == kTfLiteAffineQuantization) {
    data->zero_value = output->params.zero_point;
    if (ZeroPointInRange(output->type, data->zero_value) != kTfLiteOk) {
      MicroPrintf("%s: output zero point %d is out of range for %s",
                  data->name, static_cast<int>(data->zero_value),
                  TfLiteTypeGetName(output->type));
      status = kTfLiteError;
    }
  }
  if (status == kTfLiteOk) {
    data->paddings_constant = micro::IsConstant(paddings);
    if (data->paddings_constant) {
      RuntimeShape output_shape;
      status = micro::ReadPaddings(data->name, paddings->data.raw,
                                   paddings->type, GetTensorShape(input),
                                   /*mirror_limit=*/-1, &data->spec,
                                   &output_shape);
      if (status == kTfLiteOk) {
        status = micro::SetOutputShape(context, output, output_shape);
      }
    } else if (NumDimensions(output) != rank) {
      // Paddings computed at run time: the model's output shape is used and
      // checked against them at each invoke.
      MicroPrintf("%s: output has %d dimensions, input %d", data->name,
                  NumDimensions(output), rank);
      status = kTfLiteError;
    }
  }
  micro_context->DeallocateTempTfLiteTensor(output);
  if (values != nullptr) micro_context->DeallocateTempTfLiteTensor(values);
  micro_context->DeallocateTempTfLiteTensor(paddings);
  micro_context->DeallocateTempTfLiteTensor(input);
  return status;
}

template <typename T>
void EvalTyped(const OpData& data, const TfLiteEvalTensor* input,
               const TfLiteEvalTensor* values, TfLiteEvalTensor* output) {
  const T value = values != nullptr ? micro::GetTensorData<T>(values)[0]
                                    : static_cast<T>(data.zero_value);
  // Row copies and fills; the same output as reference_ops::Pad.
  optimized_ops::Pad(data.spec, micro::GetTensorShape(input),
                     micro::GetTensorData<T>(input), value,
                     micro::GetTensorShape(output),
                     micro::GetTensorData<T>(output));
}

TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  OpData* data = static_cast<OpData*>(node->user_data);
  const TfLiteEvalTensor* input =
      micro::GetEvalInput(context, node, kInputTensor);
  const TfLiteEvalTensor* values =
      micro::GetEvalInput(context, node, kConstantValuesTensor);
  TfLiteEvalTensor* output = micro::GetEvalOutput(context, node, kOutputTensor);

  if (!data->paddings_constant) {
    const TfLiteEvalTensor* paddings =
        micro::GetEvalInput(context, node, kPaddingsTensor);
    RuntimeShape shape;
    TF_LITE_ENSURE_STATUS(micro::ReadPaddings(
        data->name, paddings->data.raw, paddings->type,
        micro::GetTensorShape(input), -1, &data->spec, &shape));
    if (shape != micro::GetTensorShape(output)) {
      MicroPrintf("%s: the paddings give an output shape other than the "
                  "model's",
                  data->name);
      return kTfLiteError;
    }
  }

  switch (input->type) {
    case kTfLiteFloat32:
      EvalTyped<float>(*data, input, values, output);
      break;
    case kTfLiteInt8:
      EvalTyped<int8_t>(*data, input, values, output);
      break;
    case kTfLiteUInt8:
      EvalTyped<uint8_t>(*data, input, values, output);
      break;
    case kTfLiteInt16:
      EvalTyped<int16_t>(*data, input, values, output);
      break;
    case kTfLiteInt32:
      EvalTyped<int32_t>(*data, input, values, output);
      break;
    case kTfLiteInt64:
      EvalTyped<int64_t>(*data, input, values, output);
      break;
    case kTfLiteBool:
      EvalTyped<bool>(*data, input, values, output);
      break;
    default:
      MicroPrintf("%s: type %s is not supported", data->name,
                  TfLiteTypeGetName(input->type));
      return kTfLiteError;
  }
  return kTfLiteOk;
}

}  // namespace

TfLiteRegistration Register_PAD() {
  return micro::RegisterOp(InitPad, Prepare, Eval);
}

TfLiteRegistration Register_PADV2() {
  return micro::RegisterOp(InitPadV2, Prepare, Eval);
}

}  // namespace tflite
