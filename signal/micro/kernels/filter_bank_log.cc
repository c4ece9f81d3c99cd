// SignalFilterBankLog: out = min(round(ln(in << input_correction_bits) *
// output_scale), 32767), 0 for shifted values 0 and 1.
// Input: uint32 [N]. Output: int16 [N].
// Options: {"input_correction_bits": [0, 31], "output_scale": [0, 2^31)}.
#include "signal/micro/kernels/signal_kernel_util.h"
#include "signal/micro/kernels/signal_ops.h"
#include "signal/src/filter_bank_log.h"
#include "tensorflow/lite/kernels/internal/tensor_ctypes.h"
#include "tensorflow/lite/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"

namespace tflite {
namespace signal_ops {
namespace {

constexpr char kOp[] = "SignalFilterBankLog";

struct OpData {
  RawOptions options;
  int correction_bits;
  uint32_t output_scale;
  int size;
};

void* Init(TfLiteContext* context, const char* buffer, size_t length) {
  return InitOpData<OpData>(context, buffer, length);
}

TfLiteStatus Prepare(TfLiteContext* context, TfLiteNode* node) {
  OpData* data = static_cast<OpData*>(node->user_data);
  TF_LITE_ENSURE(context, data != nullptr);
  Options options(kOp, data->options);
  int64_t correction_bits, output_scale;
  if (!options.Verify() ||
      !options.GetInt("input_correction_bits", 0, 31, &correction_bits) ||
      !options.GetInt("output_scale", 0, 0x7FFFFFFF, &output_scale)) {
    return kTfLiteError;
  }
  NodeTensors t(context, node, kOp);
  if (!t.CheckCounts(1, 1)) return kTfLiteError;
  TfLiteTensor* input = t.Input(0, "input");
  TfLiteTensor* output = t.Output(0, "output");
  int size;
  if (input == nullptr || output == nullptr ||
      !t.CheckType(input, "input", kTfLiteUInt32) ||
      !t.CheckType(output, "output", kTfLiteInt16) ||
      !t.CheckVector(input, "input", &size) ||
      !t.SetOutputShape(output, GetTensorShape(input))) {
    return kTfLiteError;
  }
  data->correction_bits = static_cast<int>(correction_bits);
  data->output_scale = static_cast<uint32_t>(output_scale);
  data->size = size;
  return kTfLiteOk;
}

TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  const OpData& data = *static_cast<const OpData*>(node->user_data);
  tflm_signal::FilterBankLog(
      micro::GetTensorData<uint32_t>(micro::GetEvalInput(context, node, 0)),
      data.size, data.output_scale, data.correction_bits,
      micro::GetTensorData<int16_t>(micro::GetEvalOutput(context, node, 0)));
  return kTfLiteOk;
}

}  // namespace

TfLiteRegistration* Register_FILTER_BANK_LOG() {
  static TfLiteRegistration registration =
      micro::RegisterOp(Init, Prepare, Eval);
  return &registration;
}

}  // namespace signal_ops
}  // namespace tflite
