#include "tensorflow/lite/micro/kernels/elementwise_util.h"

#include <algorithm>
#include <cmath>

#include "tensorflow/lite/kernels/internal/quantization_util.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace micro {
namespace {

bool ZeroPointFits(TfLiteType type, int32_t zero_point) {
  switch (type) {
    case kTfLiteInt8:
      return zero_point >= -128 && zero_point <= 127;
    case kTfLiteUInt8:
      return zero_point >= 0 && zero_point <= 255;
    case kTfLiteInt16:
      return zero_point >= -32768 && zero_point <= 32767;
    default:
      return true;
  }
}

}  // namespace

TfLiteStatus PrepareTensors::Fetch(const char* op_name, int min_inputs,
                                   int max_inputs) {
  const int inputs = NumInputs(node_);
  if (inputs < min_inputs || inputs > max_inputs || inputs > kMaxInputs) {
    if (min_inputs == max_inputs) {
      MicroPrintf("%s: expected %d inputs, got %d", op_name, min_inputs,
                  inputs);
    } else {
      MicroPrintf("%s: expected %d to %d inputs, got %d", op_name, min_inputs,
                  max_inputs, inputs);
    }
    return kTfLiteError;
  }
  if (NumOutputs(node_) != 1) {
    MicroPrintf("%s: expected 1 output, got %d", op_name, NumOutputs(node_));
    return kTfLiteError;
  }
  for (int i = 0; i < inputs; ++i) {
    inputs_[i] = temps_.Input(node_, i);
    num_inputs_ = i + 1;
    if (inputs_[i] == nullptr) {
      MicroPrintf("%s: input %d is missing", op_name, i + 1);
      return kTfLiteError;
    }
  }
  output_ = temps_.Output(node_, 0);
  if (output_ == nullptr) {
    MicroPrintf("%s: the output is missing", op_name);
    return kTfLiteError;
  }
  return kTfLiteOk;
}

TfLiteStatus CheckType(const char* op_name, const char* role,
                       const TfLiteTensor* tensor, TfLiteType expected) {
  if (tensor->type != expected) {
    MicroPrintf("%s: %s must be %s, not %s", op_name, role,
                TfLiteTypeGetName(expected), TfLiteTypeGetName(tensor->type));
    return kTfLiteError;
  }
  return kTfLiteOk;
}

TfLiteStatus CheckSameType(const char* op_name, const char* role_a,
                           const TfLiteTensor* a, const char* role_b,
                           const TfLiteTensor* b) {
  if (a->type != b->type) {
    MicroPrintf("%s: %s is %s but %s is %s", op_name, role_a,
                TfLiteTypeGetName(a->type), role_b,
                TfLiteTypeGetName(b->type));
    return kTfLiteError;
  }
  return kTfLiteOk;
}

TfLiteStatus CheckPerTensorQuantization(const char* op_name, const char* role,
                                        const TfLiteTensor* tensor) {
  if (!HasQuantization(tensor)) {
    MicroPrintf("%s: %s (%s) has no quantization parameters", op_name, role,
                TfLiteTypeGetName(tensor->type));
    return kTfLiteError;
  }
  const auto* affine = static_cast<const TfLiteAffineQuantization*>(
      tensor->quantization.params);
  if (affine->scale != nullptr && affine->scale->size > 1) {
    MicroPrintf("%s: %s has per-channel quantization; only per-tensor is "
                "supported",
                op_name, role);
    return kTfLiteError;
  }
  const float scale = tensor->params.scale;
  if (!(scale > 0.0f) || std::isinf(scale)) {
    MicroPrintf("%s: %s has quantization scale %g; it must be positive",
                op_name, role, static_cast<double>(scale));
    return kTfLiteError;
  }
  if (!ZeroPointFits(tensor->type, tensor->params.zero_point)) {
    MicroPrintf("%s: %s zero point %d does not fit %s", op_name, role,
                static_cast<int>(tensor->params.zero_point),
                TfLiteTypeGetName(tensor->type));
    return kTfLiteError;
  }
  return kTfLiteOk;
}

TfLiteStatus BroadcastShapes(const char* op_name,
                             const TfLiteTensor* const* tensors, int count,
                             RuntimeShape* shape) {
  int rank = 0;
  for (int k = 0; k < count; ++k) {
    const int k_rank = NumDimensions(tensors[k]);
    if (k_rank > rank) rank = k_rank;
  }
  if (rank > RuntimeShape::kMaxDims) {
    MicroPrintf("%s: inputs of rank %d; at most %d dimensions are supported",
                op_name, rank, RuntimeShape::kMaxDims);
    return kTfLiteError;
  }
  shape->Resize(rank);
  for (int d = 0; d < rank; ++d) {
    int extent = 1;
    bool ok = true;
    for (int k = 0; k < count; ++k) {
      const int k_dim = d - (rank - NumDimensions(tensors[k]));
      const int k_extent = k_dim >= 0 ? tensors[k]->dims->data[k_dim] : 1;
      if (k_extent == 1) continue;
      if (extent == 1) {
        extent = k_extent;
      } else if (k_extent != extent) {
        ok = false;
      }
    }
    if (!ok) {
      char shapes[3][64];
      for (int k = 0; k < count && k < 3; ++k) {
        FormatShape(tensors[k]->dims, shapes[k], sizeof(shapes[k]));
      }
      if (count == 2) {
        MicroPrintf("%s: input shapes %s and %s cannot be broadcast together",
                    op_name, shapes[0], shapes[1]);
      } else {
        MicroPrintf("%s: input shapes %s, %s and %s cannot be broadcast "
                    "together",
                    op_name, shapes[0], shapes[1], shapes[2]);
      }
      return kTfLiteError;
    }
    shape->SetDim(d, extent);
  }
  return kTfLiteOk;
}

TfLiteStatus SetBroadcastOutputShape(TfLiteContext* context,
                                     const char* op_name,
                                     const TfLiteTensor* input1,
                                     const TfLiteTensor* input2,
                                     const TfLiteTensor* input3,
                                     TfLiteTensor* output) {
  const TfLiteTensor* tensors[3] = {input1, input2, input3};
  RuntimeShape shape;
  TF_LITE_ENSURE_STATUS(
      BroadcastShapes(op_name, tensors, input3 == nullptr ? 2 : 3, &shape));
  return SetOutputShape(context, output, shape);
}

TfLiteStatus PrepareSimpleBinary(TfLiteContext* context, const char* op_name,
                                 const TfLiteType* allowed_types,
                                 int allowed_count, TfLiteType output_type,
                                 PrepareTensors* tensors) {
  TF_LITE_ENSURE_STATUS(tensors->Fetch(op_name, 2));
  const TfLiteTensor* input1 = tensors->input(0);
  const TfLiteTensor* input2 = tensors->input(1);
  TfLiteTensor* output = tensors->output();
  TF_LITE_ENSURE_STATUS(
      CheckSameType(op_name, "input 1", input1, "input 2", input2));
  bool allowed = false;
  for (int i = 0; i < allowed_count; ++i) {
    if (input1->type == allowed_types[i]) allowed = true;
  }
  if (!allowed) {
    MicroPrintf("%s: type %s is not supported", op_name,
                TfLiteTypeGetName(input1->type));
    return kTfLiteError;
  }
  if (output_type == kTfLiteNoType) {
    TF_LITE_ENSURE_STATUS(
        CheckSameType(op_name, "the output", output, "the inputs", input1));
  } else {
    TF_LITE_ENSURE_STATUS(
        CheckType(op_name, "the output", output, output_type));
  }
  return SetBroadcastOutputShape(context, op_name, input1, input2, nullptr,
                                 output);
}

TfLiteStatus PrepareArithmetic(TfLiteContext* context, const char* op_name,
                               PrepareTensors* tensors) {
  TF_LITE_ENSURE_STATUS(tensors->Fetch(op_name, 2));
  const TfLiteTensor* input1 = tensors->input(0);
  const TfLiteTensor* input2 = tensors->input(1);
  TfLiteTensor* output = tensors->output();
  TF_LITE_ENSURE_STATUS(
      CheckSameType(op_name, "input 1", input1, "input 2", input2));
  TF_LITE_ENSURE_STATUS(
      CheckSameType(op_name, "the output", output, "the inputs", input1));
  return SetBroadcastOutputShape(context, op_name, input1, input2, nullptr,
                                 output);
}

TfLiteStatus PrepareQuantizedOffsets(const char* op_name,
                                     const TfLiteTensor* input1,
                                     const TfLiteTensor* input2,
                                     const TfLiteTensor* output,
                                     ArithmeticParams* params) {
  TF_LITE_ENSURE_STATUS(
      CheckPerTensorQuantization(op_name, "input 1", input1));
  TF_LITE_ENSURE_STATUS(
      CheckPerTensorQuantization(op_name, "input 2", input2));
  TF_LITE_ENSURE_STATUS(
      CheckPerTensorQuantization(op_name, "the output", output));
  params->input1_offset = -input1->params.zero_point;
  params->input2_offset = -input2->params.zero_point;
  params->output_offset = output->params.zero_point;
  return kTfLiteOk;
}

TfLiteStatus CheckZeroZeroPoints(const char* op_name,
                                 const TfLiteTensor* input1,
                                 const TfLiteTensor* input2,
                                 const TfLiteTensor* output) {
  if (input1->params.zero_point != 0 || input2->params.zero_point != 0 ||
      output->params.zero_point != 0) {
    MicroPrintf("%s: int16 zero points must be 0 (got %d, %d and output %d)",
                op_name, static_cast<int>(input1->params.zero_point),
                static_cast<int>(input2->params.zero_point),
                static_cast<int>(output->params.zero_point));
    return kTfLiteError;
  }
  return kTfLiteOk;
}

double SetCommonScaleMultipliers(const TfLiteTensor* input1,
                                 const TfLiteTensor* input2,
                                 ArithmeticParams* params) {
  const double twice_max_input_scale =
      2.0 * static_cast<double>(
                std::max(input1->params.scale, input2->params.scale));
  QuantizeMultiplier(
      static_cast<double>(input1->params.scale) / twice_max_input_scale,
      &params->input1_multiplier, &params->input1_shift);
  QuantizeMultiplier(
      static_cast<double>(input2->params.scale) / twice_max_input_scale,
      &params->input2_multiplier, &params->input2_shift);
  return twice_max_input_scale;
}

bool ScaleIsPowerOfTwo(float scale, int* exponent) {
  const float log2_scale = std::log2(scale);
  const float rounded = std::round(log2_scale);
  *exponent = static_cast<int>(rounded);
  return std::fabs(log2_scale - rounded) < 1e-3f;
}

}  // namespace micro
}  // namespace tflite
