#include "tensorflow/lite/micro/kernels/elementwise_util.h"

#include <cmath>

#include "tensorflow/lite/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/micro_context.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace micro {
namespace {

// "[1, 2, 3]" into `buffer`.
const char* FormatShape(const TfLiteIntArray* dims, char* buffer,
                        size_t size) {
  size_t used = 0;
  used += MicroSnprintf(buffer + used, size - used, "[");
  for (int i = 0; dims != nullptr && i < dims->size && used < size; ++i) {
    used += MicroSnprintf(buffer + used, size - used, i == 0 ? "%d" : ", %d",
                          static_cast<int>(dims->data[i]));
  }
  if (used < size) MicroSnprintf(buffer + used, size - used, "]");
  return buffer;
}

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

PrepareTensors::~PrepareTensors() {
  MicroContext* micro_context = GetMicroContext(context_);
  if (output_ != nullptr) micro_context->DeallocateTempTfLiteTensor(output_);
  for (int i = num_inputs_ - 1; i >= 0; --i) {
    if (inputs_[i] != nullptr) {
      micro_context->DeallocateTempTfLiteTensor(inputs_[i]);
    }
  }
}

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
  MicroContext* micro_context = GetMicroContext(context_);
  for (int i = 0; i < inputs; ++i) {
    inputs_[i] = micro_context->AllocateTempInputTensor(node_, i);
    num_inputs_ = i + 1;
    if (inputs_[i] == nullptr) {
      MicroPrintf("%s: input %d is missing", op_name, i + 1);
      return kTfLiteError;
    }
  }
  output_ = micro_context->AllocateTempOutputTensor(node_, 0);
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

bool HasQuantization(const TfLiteTensor* tensor) {
  return tensor->quantization.type == kTfLiteAffineQuantization &&
         tensor->quantization.params != nullptr;
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

TfLiteStatus PrepareSimpleBinary(TfLiteContext* context, TfLiteNode* node,
                                 const char* op_name,
                                 const TfLiteType* allowed_types,
                                 int allowed_count, TfLiteType output_type) {
  PrepareTensors tensors(context, node);
  TF_LITE_ENSURE_STATUS(tensors.Fetch(op_name, 2));
  const TfLiteTensor* input1 = tensors.input(0);
  const TfLiteTensor* input2 = tensors.input(1);
  TfLiteTensor* output = tensors.output();
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

bool ScaleIsPowerOfTwo(float scale, int* exponent) {
  const float log2_scale = std::log2(scale);
  const float rounded = std::round(log2_scale);
  *exponent = static_cast<int>(rounded);
  return std::fabs(log2_scale - rounded) < 1e-3f;
}

}  // namespace micro
}  // namespace tflite
