// CONCATENATION along any axis (negative counts from the end) of inputs with
// equal shapes except along the axis.
//
// Quantization follows TFLite's reference kernel: int8 inputs must share the
// output's scale and zero point; int16 values are copied unchanged (TFLite
// only requires zero points of 0 and does not rescale, even when scales
// differ); uint8 inputs with another scale or zero point are requantized.
#include "tensorflow/lite/kernels/internal/reference/concatenation.h"

#include <cstdint>

#include "tensorflow/lite/core/c/builtin_op_data.h"
#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/movement_util.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace {

constexpr char kOp[] = "CONCATENATION";

struct OpData {
  int axis;
  // uint8 rescaling: the output's quantization.
  float output_scale;
  int32_t output_zero_point;
  // Per-input quantization (uint8 only), in persistent memory.
  float* input_scales;
  int32_t* input_zero_points;
};

void* Init(TfLiteContext* context, const char*, size_t) {
  return context->AllocatePersistentBuffer(context, sizeof(OpData));
}

// Checks input `index` against the first input and adds its size along the
// axis to `axis_size`.
TfLiteStatus CheckInput(const OpData& data, int index,
                        const TfLiteTensor* first, const TfLiteTensor* input,
                        const TfLiteTensor* output, int64_t* axis_size) {
  if (input->type != first->type) {
    MicroPrintf("%s: input %d is %s, input 0 is %s", kOp, index,
                TfLiteTypeGetName(input->type),
                TfLiteTypeGetName(first->type));
    return kTfLiteError;
  }
  if (NumDimensions(input) != NumDimensions(first)) {
    MicroPrintf("%s: input %d has %d dimensions, input 0 has %d", kOp, index,
                NumDimensions(input), NumDimensions(first));
    return kTfLiteError;
  }
  for (int d = 0; d < NumDimensions(input); ++d) {
    if (d != data.axis &&
        SizeOfDimension(input, d) != SizeOfDimension(first, d)) {
      MicroPrintf("%s: dimension %d of input %d is %d, of input 0 %d", kOp, d,
                  index, SizeOfDimension(input, d),
                  SizeOfDimension(first, d));
      return kTfLiteError;
    }
  }
  *axis_size += SizeOfDimension(input, data.axis);
  if (input->type == kTfLiteInt8 &&
      (input->params.scale != output->params.scale ||
       input->params.zero_point != output->params.zero_point)) {
    MicroPrintf(
        "%s: int8 input %d must have the output's scale and zero point", kOp,
        index);
    return kTfLiteError;
  }
  if (input->type == kTfLiteInt16 && input->params.zero_point != 0) {
    MicroPrintf("%s: int16 input %d has zero point %d, must be 0", kOp, index,
                static_cast<int>(input->params.zero_point));
    return kTfLiteError;
  }
  if (input->type == kTfLiteUInt8) {
    data.input_scales[index] = input->params.scale;
    data.input_zero_points[index] = input->params.zero_point;
  }
  return kTfLiteOk;
}

TfLiteStatus Prepare(TfLiteContext* context, TfLiteNode* node) {
  TF_LITE_ENSURE(context, node->user_data != nullptr);
  TF_LITE_ENSURE(context, node->builtin_data != nullptr);
  OpData* data = static_cast<OpData*>(node->user_data);
  const auto* params =
      static_cast<const TfLiteConcatenationParams*>(node->builtin_data);
  const int num_inputs = NumInputs(node);
  if (num_inputs < 1) {
    MicroPrintf("%s: needs at least one input", kOp);
    return kTfLiteError;
  }
  TF_LITE_ENSURE_EQ(context, NumOutputs(node), 1);
  if (params->activation != kTfLiteActNone) {
    MicroPrintf("%s: fused activations are not supported", kOp);
    return kTfLiteError;
  }

  MicroContext* micro_context = GetMicroContext(context);
  TfLiteTensor* first = micro_context->AllocateTempInputTensor(node, 0);
  TfLiteTensor* output = micro_context->AllocateTempOutputTensor(node, 0);
  TF_LITE_ENSURE(context, first != nullptr && output != nullptr);
  TfLiteStatus status = kTfLiteOk;
  const int rank = NumDimensions(first);
  data->axis = params->axis < 0 ? params->axis + rank : params->axis;
  if (!movement::IsMovableType(first->type)) {
    MicroPrintf("%s: type %s is not supported", kOp,
                TfLiteTypeGetName(first->type));
    status = kTfLiteError;
  } else if (output->type != first->type) {
    MicroPrintf("%s: output type %s differs from input type %s", kOp,
                TfLiteTypeGetName(output->type),
                TfLiteTypeGetName(first->type));
    status = kTfLiteError;
  } else if (data->axis < 0 || data->axis >= rank) {
    MicroPrintf("%s: axis %d is out of range for %d-D inputs", kOp,
                params->axis, rank);
    status = kTfLiteError;
  } else if (first->type == kTfLiteInt16 && output->params.zero_point != 0) {
    MicroPrintf("%s: int16 output zero point must be 0", kOp);
    status = kTfLiteError;
  }
  data->input_scales = nullptr;
  data->input_zero_points = nullptr;
  data->output_scale = output->params.scale;
  data->output_zero_point = output->params.zero_point;
  if (status == kTfLiteOk && first->type == kTfLiteUInt8) {
    data->input_scales = static_cast<float*>(context->AllocatePersistentBuffer(
        context, sizeof(float) * num_inputs));
    data->input_zero_points =
        static_cast<int32_t*>(context->AllocatePersistentBuffer(
            context, sizeof(int32_t) * num_inputs));
    if (data->input_scales == nullptr || data->input_zero_points == nullptr) {
      status = kTfLiteError;
    }
  }

  int64_t axis_size = 0;
  for (int i = 0; status == kTfLiteOk && i < num_inputs; ++i) {
    TfLiteTensor* input =
        i == 0 ? first : micro_context->AllocateTempInputTensor(node, i);
    if (input == nullptr) {
      MicroPrintf("%s: input %d is missing", kOp, i);
      status = kTfLiteError;
      break;
    }
    status = CheckInput(*data, i, first, input, output, &axis_size);
    if (i != 0) micro_context->DeallocateTempTfLiteTensor(input);
  }
  if (status == kTfLiteOk) {
    if (axis_size > INT32_MAX) {
      MicroPrintf("%s: output dimension too large", kOp);
      status = kTfLiteError;
    } else {
      RuntimeShape output_shape = GetTensorShape(first);
      output_shape.SetDim(data->axis, static_cast<int32_t>(axis_size));
      status = micro::SetOutputShape(context, output, output_shape);
    }
  }
  micro_context->DeallocateTempTfLiteTensor(output);
  micro_context->DeallocateTempTfLiteTensor(first);
  return status;
}

template <typename T>
void EvalTyped(TfLiteContext* context, TfLiteNode* node, const OpData& data,
               TfLiteEvalTensor* output) {
  const RuntimeShape output_shape = micro::GetTensorShape(output);
  int outer_size = 1;
  for (int d = 0; d < data.axis; ++d) outer_size *= output_shape.Dims(d);
  int inner_size = 1;
  for (int d = data.axis + 1; d < output_shape.DimensionsCount(); ++d) {
    inner_size *= output_shape.Dims(d);
  }
  const int output_row = output_shape.Dims(data.axis) * inner_size;
  int offset = 0;
  for (int i = 0; i < NumInputs(node); ++i) {
    const TfLiteEvalTensor* input = micro::GetEvalInput(context, node, i);
    const int input_row = input->dims->data[data.axis] * inner_size;
    reference_ops::ConcatenationCopyInput(
        outer_size, input_row, output_row, offset,
        micro::GetTensorData<T>(input), micro::GetTensorData<T>(output));
    offset += input_row;
  }
}

void EvalUInt8(TfLiteContext* context, TfLiteNode* node, const OpData& data,
               TfLiteEvalTensor* output) {
  const RuntimeShape output_shape = micro::GetTensorShape(output);
  int outer_size = 1;
  for (int d = 0; d < data.axis; ++d) outer_size *= output_shape.Dims(d);
  int inner_size = 1;
  for (int d = data.axis + 1; d < output_shape.DimensionsCount(); ++d) {
    inner_size *= output_shape.Dims(d);
  }
  const int output_row = output_shape.Dims(data.axis) * inner_size;
  int offset = 0;
  for (int i = 0; i < NumInputs(node); ++i) {
    const TfLiteEvalTensor* input = micro::GetEvalInput(context, node, i);
    const int input_row = input->dims->data[data.axis] * inner_size;
    if (data.input_scales[i] == data.output_scale &&
        data.input_zero_points[i] == data.output_zero_point) {
      reference_ops::ConcatenationCopyInput(
          outer_size, input_row, output_row, offset,
          micro::GetTensorData<uint8_t>(input),
          micro::GetTensorData<uint8_t>(output));
    } else {
      reference_ops::ConcatenationRescaleInput(
          outer_size, input_row, output_row, offset,
          micro::GetTensorData<uint8_t>(input), data.input_scales[i],
          data.input_zero_points[i], data.output_scale,
          data.output_zero_point, micro::GetTensorData<uint8_t>(output));
    }
    offset += input_row;
  }
}

TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  const OpData& data = *static_cast<const OpData*>(node->user_data);
  TfLiteEvalTensor* output = micro::GetEvalOutput(context, node, 0);
  switch (output->type) {
    case kTfLiteUInt8:
      EvalUInt8(context, node, data, output);
      break;
    case kTfLiteFloat32:
    case kTfLiteInt32:
      EvalTyped<int32_t>(context, node, data, output);
      break;
    case kTfLiteInt8:
    case kTfLiteBool:
      EvalTyped<int8_t>(context, node, data, output);
      break;
    case kTfLiteInt16:
      EvalTyped<int16_t>(context, node, data, output);
      break;
    case kTfLiteInt64:
      EvalTyped<int64_t>(context, node, data, output);
      break;
    default:
      MicroPrintf("%s: type %s is not supported", kOp,
                  TfLiteTypeGetName(output->type));
      return kTfLiteError;
  }
  return kTfLiteOk;
}

}  // namespace

TfLiteRegistration Register_CONCATENATION() {
  return micro::RegisterOp(Init, Prepare, Eval);
}

}  // namespace tflite
