// SignalFftAutoScale: scales a frame up to the full int16 range by a power of
// two and outputs the exponent, which SignalFilterBankSquareRoot later undoes.
// Outputs: the scaled frame (same shape), the exponent (int32 scalar).
// Options: none (an empty map or no options).
#include "signal/micro/kernels/signal_kernel_util.h"
#include "signal/micro/kernels/signal_ops.h"
#include "signal/src/fft_auto_scale.h"
#include "tensorflow/lite/kernels/internal/tensor_ctypes.h"
#include "tensorflow/lite/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"

namespace tflite {
namespace signal_ops {
namespace {

constexpr char kOp[] = "SignalFftAutoScale";

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
  if (!t.CheckCounts(1, 2)) return kTfLiteError;
  TfLiteTensor* input = t.Input(0, "input");
  TfLiteTensor* output = t.Output(0, "output");
  TfLiteTensor* scale = t.Output(1, "scale_bits");
  if (input == nullptr || output == nullptr || scale == nullptr) {
    return kTfLiteError;
  }
  int size;
  if (!t.CheckType(input, "input", kTfLiteInt16) ||
      !t.CheckType(output, "output", kTfLiteInt16) ||
      !t.CheckType(scale, "output 1 (scale_bits)", kTfLiteInt32) ||
      !t.CheckVector(input, "input", &size) ||
      !t.SetOutputShape(output, GetTensorShape(input)) ||
      !t.SetOutputShape(scale, RuntimeShape())) {
    return kTfLiteError;
  }
  data->size = size;
  return kTfLiteOk;
}

TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  const OpData& data = *static_cast<const OpData*>(node->user_data);
  const int16_t* input =
      micro::GetTensorData<int16_t>(micro::GetEvalInput(context, node, 0));
  int16_t* output =
      micro::GetTensorData<int16_t>(micro::GetEvalOutput(context, node, 0));
  int32_t* scale =
      micro::GetTensorData<int32_t>(micro::GetEvalOutput(context, node, 1));
  *scale = tflm_signal::FftAutoScale(input, data.size, output);
  return kTfLiteOk;
}

}  // namespace

TfLiteRegistration* Register_FFT_AUTO_SCALE() {
  static TfLiteRegistration registration =
      micro::RegisterOp(Init, Prepare, Eval);
  return &registration;
}

}  // namespace signal_ops
}  // namespace tflite
