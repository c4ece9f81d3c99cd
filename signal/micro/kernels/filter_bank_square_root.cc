// SignalFilterBankSquareRoot: out = round(sqrt(energy)) >> scale_bits, where
// scale_bits (an int32 scalar, SignalFftAutoScale's exponent) must be in
// [0, 31] when the op runs.
// Inputs: uint64 [N], int32 scalar. Output: uint32 [N]. Options: none.
#include "signal/micro/kernels/signal_kernel_util.h"
#include "signal/micro/kernels/signal_ops.h"
#include "signal/src/filter_bank_square_root.h"
#include "tensorflow/lite/kernels/internal/tensor_ctypes.h"
#include "tensorflow/lite/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace signal_ops {
namespace {

constexpr char kOp[] = "SignalFilterBankSquareRoot";

struct OpData {
  RawOptions options;
  int size;
};

void* Init(TfLiteContext* context, const char* buffer, size_t length) {
  return InitOpData<OpData>(context, buffer, length);
}

TfLiteStatus Prepare(TfLiteContext* context, TfLiteNode* node) {
  OpData* data = static_cast<OpData*>(node->user_data);
  TF_LITE_ENSURE(context, data != nullptr);
  Options options(kOp, data->options);
  if (!options.Verify(/*allow_absent=*/true)) return kTfLiteError;
  NodeTensors t(context, node, kOp);
  if (!t.CheckCounts(2, 1)) return kTfLiteError;
  TfLiteTensor* input = t.Input(0, "input");
  TfLiteTensor* scale = t.Input(1, "scale_bits");
  TfLiteTensor* output = t.Output(0, "output");
  int size;
  if (input == nullptr || scale == nullptr || output == nullptr ||
      !t.CheckType(input, "input", kTfLiteUInt64) ||
      !t.CheckType(scale, "input 1 (scale_bits)", kTfLiteInt32) ||
      !t.CheckType(output, "output", kTfLiteUInt32) ||
      !t.CheckVector(input, "input", &size)) {
    return kTfLiteError;
  }
  if (NumElements(scale) != 1) {
    char text[64];
    MicroPrintf("%s: input 1 (scale_bits) must be a scalar, got shape %s",
                kOp, FormatShape(scale->dims, text, sizeof(text)));
    return kTfLiteError;
  }
  if (!t.SetOutputShape(output, GetTensorShape(input))) return kTfLiteError;
  data->size = size;
  return kTfLiteOk;
}

TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  const OpData& data = *static_cast<const OpData*>(node->user_data);
  const int32_t scale_bits =
      *micro::GetTensorData<int32_t>(micro::GetEvalInput(context, node, 1));
  if (scale_bits < 0 || scale_bits > 31) {
    MicroPrintf("%s: scale_bits is %d, must be in [0, 31]", kOp,
                static_cast<int>(scale_bits));
    return kTfLiteError;
  }
  tflm_signal::FilterBankSquareRoot(
      micro::GetTensorData<uint64_t>(micro::GetEvalInput(context, node, 0)),
      data.size, scale_bits,
      micro::GetTensorData<uint32_t>(micro::GetEvalOutput(context, node, 0)));
  return kTfLiteOk;
}

}  // namespace

TfLiteRegistration* Register_FILTER_BANK_SQUARE_ROOT() {
  static TfLiteRegistration registration =
      micro::RegisterOp(Init, Prepare, Eval);
  return &registration;
}

}  // namespace signal_ops
}  // namespace tflite
