// SignalPCAN: per-channel automatic gain control. Each channel is multiplied
// by a gain looked up (piecewise quadratic) from its noise estimate, shifted
// right by snr_shift and compressed.
// Inputs: signal uint32 [N], noise estimate uint32 [N], gain table int16
// [>= 125]. Output: uint32 [N]. Options: {"snr_shift": [0, 63]}.
#include "signal/micro/kernels/signal_kernel_util.h"
#include "signal/micro/kernels/signal_ops.h"
#include "signal/src/pcan_argc_fixed.h"
#include "tensorflow/lite/kernels/internal/tensor_ctypes.h"
#include "tensorflow/lite/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace signal_ops {
namespace {

constexpr char kOp[] = "SignalPCAN";

struct OpData {
  RawOptions options;
  int snr_shift;
  int size;
};

void* Init(TfLiteContext* context, const char* buffer, size_t length) {
  return InitOpData<OpData>(context, buffer, length);
}

TfLiteStatus Prepare(TfLiteContext* context, TfLiteNode* node) {
  OpData* data = static_cast<OpData*>(node->user_data);
  TF_LITE_ENSURE(context, data != nullptr);
  Options options(kOp, data->options);
  int64_t snr_shift;
  if (!options.Verify() || !options.GetInt("snr_shift", 0, 63, &snr_shift)) {
    return kTfLiteError;
  }
  NodeTensors t(context, node, kOp);
  if (!t.CheckCounts(3, 1)) return kTfLiteError;
  TfLiteTensor* input = t.Input(0, "input");
  TfLiteTensor* noise = t.Input(1, "noise_estimate");
  TfLiteTensor* lut = t.Input(2, "gain_lut");
  TfLiteTensor* output = t.Output(0, "output");
  int size, noise_size, lut_size;
  if (input == nullptr || noise == nullptr || lut == nullptr ||
      output == nullptr || !t.CheckType(input, "input", kTfLiteUInt32) ||
      !t.CheckType(noise, "input 1 (noise_estimate)", kTfLiteUInt32) ||
      !t.CheckType(lut, "input 2 (gain_lut)", kTfLiteInt16) ||
      !t.CheckType(output, "output", kTfLiteUInt32) ||
      !t.CheckVector(input, "input", &size) ||
      !t.CheckVector(noise, "input 1 (noise_estimate)", &noise_size) ||
      !t.CheckVector(lut, "input 2 (gain_lut)", &lut_size)) {
    return kTfLiteError;
  }
  if (noise_size != size) {
    MicroPrintf("%s: the noise estimate has %d channels, the input %d", kOp,
                noise_size, size);
    return kTfLiteError;
  }
  if (lut_size < tflm_signal::kPcanGainLutSize) {
    MicroPrintf("%s: the gain table has %d entries; it needs %d (32-bit "
                "noise levels index up to entry %d)",
                kOp, lut_size, tflm_signal::kPcanGainLutSize,
                tflm_signal::kPcanGainLutSize - 1);
    return kTfLiteError;
  }
  if (!t.SetOutputShape(output, GetTensorShape(input))) return kTfLiteError;
  data->snr_shift = static_cast<int>(snr_shift);
  data->size = size;
  return kTfLiteOk;
}

TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  const OpData& data = *static_cast<const OpData*>(node->user_data);
  const uint32_t* input =
      micro::GetTensorData<uint32_t>(micro::GetEvalInput(context, node, 0));
  uint32_t* output =
      micro::GetTensorData<uint32_t>(micro::GetEvalOutput(context, node, 0));
  if (output != input) {
    for (int i = 0; i < data.size; ++i) output[i] = input[i];
  }
  tflm_signal::ApplyPcanAutoGainControl(
      micro::GetTensorData<int16_t>(micro::GetEvalInput(context, node, 2)),
      data.snr_shift,
      micro::GetTensorData<uint32_t>(micro::GetEvalInput(context, node, 1)),
      output, data.size);
  return kTfLiteOk;
}

}  // namespace

TfLiteRegistration* Register_PCAN() {
  static TfLiteRegistration registration =
      micro::RegisterOp(Init, Prepare, Eval);
  return &registration;
}

}  // namespace signal_ops
}  // namespace tflite
