// Single-input math ops: ABS (float32, int32, int8, int16, and unquantized
// int16), SIN, COS, SQUARE (float32), LOG, SQRT, RSQRT (float32, int8,
// int16). The quantized variants follow TFLite's reference kernels: ABS and
// int8 RSQRT rescale with integer multipliers, SQRT goes through float, LOG
// and int16 RSQRT use lookup tables built here in Prepare.
#include <cmath>
#include <cstdint>
#include <limits>

#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/kernels/internal/quantization_util.h"
#include "tensorflow/lite/kernels/internal/reference/elementwise.h"
#include "tensorflow/lite/kernels/internal/reference/lut.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/unary_op_util.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace {

enum class Op { kAbs, kSin, kCos, kLog, kSqrt, kRsqrt, kSquare };

const char* OpName(Op op) {
  switch (op) {
    case Op::kAbs:
      return "ABS";
    case Op::kSin:
      return "SIN";
    case Op::kCos:
      return "COS";
    case Op::kLog:
      return "LOG";
    case Op::kSqrt:
      return "SQRT";
    case Op::kRsqrt:
      return "RSQRT";
    case Op::kSquare:
      return "SQUARE";
  }
  return "?";
}

struct OpData {
  ElementwiseQuantParams quant;
  // Set when the input is quantized (int8, or int16 with parameters).
  bool quantized;
  // LOG (int8, int16) and int16 RSQRT; int8 tables use the first 256 bytes.
  int16_t* lut;
};

void* Init(TfLiteContext* context, const char*, size_t) {
  return micro::AllocateOpData<OpData>(context);
}

bool SupportsType(Op op, TfLiteType type) {
  switch (op) {
    case Op::kAbs:
      return type == kTfLiteFloat32 || type == kTfLiteInt8 ||
             type == kTfLiteInt16 || type == kTfLiteInt32;
    case Op::kLog:
    case Op::kSqrt:
    case Op::kRsqrt:
      return type == kTfLiteFloat32 || type == kTfLiteInt8 ||
             type == kTfLiteInt16;
    case Op::kSin:
    case Op::kCos:
    case Op::kSquare:
      return type == kTfLiteFloat32;
  }
  return false;
}

// The value LOG gives to inputs <= 0: the lowest representable output.
struct LogLutContext {
  float lowest_output;
};

TfLiteStatus PrepareLut(TfLiteContext* context, Op op, TfLiteType type,
                        OpData* data) {
  TF_LITE_ENSURE_STATUS(micro::AllocateLut(context, OpName(op), &data->lut));
  const ElementwiseQuantParams& q = data->quant;
  if (op == Op::kLog) {
    const int32_t lowest = type == kTfLiteInt8
                               ? std::numeric_limits<int8_t>::min()
                               : std::numeric_limits<int16_t>::min();
    const float lowest_output =
        static_cast<float>(lowest - q.output_offset) * q.output_scale;
    auto log_or_lowest = [lowest_output](float x) {
      return x <= 0.0f ? lowest_output : std::log(x);
    };
    if (type == kTfLiteInt8) {
      PopulateLut8(q.input_scale, q.input_offset, q.output_scale,
                   q.output_offset, log_or_lowest,
                   reinterpret_cast<int8_t*>(data->lut));
    } else {
      PopulateLut16<float>(q.input_scale, q.input_offset, q.output_scale,
                           q.output_offset, log_or_lowest, data->lut);
    }
  } else {
    // int16 RSQRT; inputs <= 0 map to the largest output.
    const float largest_output =
        static_cast<float>(std::numeric_limits<int16_t>::max()) *
        q.output_scale;
    auto rsqrt_or_largest = [largest_output](float x) {
      return x <= 0.0f ? largest_output : 1.0f / std::sqrt(x);
    };
    PopulateLut16<float>(q.input_scale, q.input_offset, q.output_scale,
                         q.output_offset, rsqrt_or_largest, data->lut);
  }
  return kTfLiteOk;
}

TfLiteStatus PrepareQuantized(TfLiteContext* context, Op op,
                              const TfLiteTensor* input,
                              const TfLiteTensor* output, OpData* data) {
  const char* name = OpName(op);
  ElementwiseQuantParams& q = data->quant;
  micro::QuantParams in;
  micro::QuantParams out;
  TF_LITE_ENSURE_STATUS(micro::GetUnaryQuantization(
      name, input, output, /*symmetric=*/input->type == kTfLiteInt16, &in,
      &out));
  q.input_scale = in.scale;
  q.input_offset = in.zero_point;
  q.output_scale = out.scale;
  q.output_offset = out.zero_point;
  q.needs_rescale = q.input_scale != q.output_scale;
  switch (op) {
    case Op::kAbs:
      if (q.needs_rescale) {
        // The ratio is formed in float, as in the reference.
        QuantizeMultiplier(static_cast<double>(q.input_scale / q.output_scale),
                           &q.multiplier, &q.shift);
      }
      return kTfLiteOk;
    case Op::kRsqrt:
      if (input->type == kTfLiteInt16) {
        return PrepareLut(context, op, input->type, data);
      }
      // 1 / (sqrt(input_scale) * output_scale), the product in float as in
      // the reference.
      QuantizeMultiplier(
          1.0 / static_cast<double>(std::sqrt(q.input_scale) * q.output_scale),
          &q.multiplier, &q.shift);
      return kTfLiteOk;
    case Op::kLog:
      return PrepareLut(context, op, input->type, data);
    default:
      return kTfLiteOk;
  }
}

template <Op kOp>
TfLiteStatus Prepare(TfLiteContext* context, TfLiteNode* node) {
  const char* name = OpName(kOp);
  TF_LITE_ENSURE(context, node->user_data != nullptr);
  OpData* data = static_cast<OpData*>(node->user_data);
  micro::ScopedTempTensors temps(context);
  TfLiteTensor* input;
  TfLiteTensor* output;
  TF_LITE_ENSURE_STATUS(
      micro::PrepareUnary(context, node, name, &temps, &input, &output));
  if (!SupportsType(kOp, input->type)) {
    return micro::UnsupportedType(input, name);
  }
  // int16 ABS also has a plain integer form without quantization.
  data->quantized =
      input->type == kTfLiteInt8 ||
      (input->type == kTfLiteInt16 &&
       (kOp != Op::kAbs || micro::HasQuantization(input)));
  if (!data->quantized) return kTfLiteOk;
  return PrepareQuantized(context, kOp, input, output, data);
}

// Quantized SQRT/RSQRT are only defined from the zero point up.
template <typename T>
TfLiteStatus CheckNotBelowZeroPoint(const T* input, int size,
                                    int32_t zero_point, const char* name) {
  for (int i = 0; i < size; ++i) {
    if (static_cast<int32_t>(input[i]) < zero_point) {
      MicroPrintf("%s: input %d at index %d is negative (zero point %d)",
                  name, static_cast<int>(input[i]), i,
                  static_cast<int>(zero_point));
      return kTfLiteError;
    }
  }
  return kTfLiteOk;
}

template <Op kOp, typename T>
TfLiteStatus EvalQuantized(const OpData& data, const T* input, int size,
                           T* output) {
  const ElementwiseQuantParams& q = data.quant;
  switch (kOp) {
    case Op::kAbs:
      reference_integer_ops::Abs(q, input, size, output);
      return kTfLiteOk;
    case Op::kLog:
      reference_integer_ops::LookupTable(
          input, size, reinterpret_cast<const T*>(data.lut), output);
      return kTfLiteOk;
    case Op::kSqrt:
      TF_LITE_ENSURE_STATUS(
          CheckNotBelowZeroPoint(input, size, q.input_offset, OpName(kOp)));
      reference_integer_ops::Sqrt(q, input, size, output);
      return kTfLiteOk;
    case Op::kRsqrt:
      TF_LITE_ENSURE_STATUS(
          CheckNotBelowZeroPoint(input, size, q.input_offset, OpName(kOp)));
      if (sizeof(T) == 1) {
        reference_integer_ops::Rsqrt(q,
                                     reinterpret_cast<const int8_t*>(input),
                                     size, reinterpret_cast<int8_t*>(output));
      } else {
        reference_integer_ops::LookupTable(
            input, size, reinterpret_cast<const T*>(data.lut), output);
      }
      return kTfLiteOk;
    default:
      return kTfLiteError;
  }
}

float ApplyFloat(Op op, float x) {
  switch (op) {
    case Op::kAbs:
      return std::abs(x);
    case Op::kSin:
      return std::sin(x);
    case Op::kCos:
      return std::cos(x);
    case Op::kLog:
      return std::log(x);
    case Op::kSqrt:
      return std::sqrt(x);
    case Op::kRsqrt:
      return 1.0f / std::sqrt(x);
    case Op::kSquare:
      return x * x;
  }
  return x;
}

template <Op kOp>
TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  const OpData& data = *static_cast<const OpData*>(node->user_data);
  const TfLiteEvalTensor* input = micro::GetEvalInput(context, node, 0);
  TfLiteEvalTensor* output = micro::GetEvalOutput(context, node, 0);
  const int size = MatchingFlatSize(micro::GetTensorShape(input),
                                    micro::GetTensorShape(output));
  switch (input->type) {
    case kTfLiteFloat32:
      reference_ops::Map(micro::GetTensorData<float>(input), size,
                         micro::GetTensorData<float>(output),
                         [](float x) { return ApplyFloat(kOp, x); });
      return kTfLiteOk;
    case kTfLiteInt32:
      reference_ops::Map(micro::GetTensorData<int32_t>(input), size,
                         micro::GetTensorData<int32_t>(output),
                         reference_ops::WrappingAbs<int32_t>);
      return kTfLiteOk;
    case kTfLiteInt8:
      return EvalQuantized<kOp>(data, micro::GetTensorData<int8_t>(input),
                                size, micro::GetTensorData<int8_t>(output));
    case kTfLiteInt16:
      if (!data.quantized) {
        reference_ops::Map(micro::GetTensorData<int16_t>(input), size,
                           micro::GetTensorData<int16_t>(output),
                           reference_ops::WrappingAbs<int16_t>);
        return kTfLiteOk;
      }
      return EvalQuantized<kOp>(data, micro::GetTensorData<int16_t>(input),
                                size, micro::GetTensorData<int16_t>(output));
    default:
      return micro::UnsupportedType(input, OpName(kOp));
  }
}

template <Op kOp>
TfLiteRegistration Registration() {
  return micro::RegisterOp(Init, Prepare<kOp>, Eval<kOp>);
}

}  // namespace

TfLiteRegistration Register_ABS() { return Registration<Op::kAbs>(); }
TfLiteRegistration Register_SIN() { return Registration<Op::kSin>(); }
TfLiteRegistration Register_COS() { return Registration<Op::kCos>(); }
TfLiteRegistration Register_LOG() { return Registration<Op::kLog>(); }
TfLiteRegistration Register_SQRT() { return Registration<Op::kSqrt>(); }
TfLiteRegistration Register_RSQRT() { return Registration<Op::kRsqrt>(); }
TfLiteRegistration Register_SQUARE() { return Registration<Op::kSquare>(); }

}  // namespace tflite
