// SignalFilterBankSpectralSubtraction: per-channel noise suppression with a
// running noise estimate, which is the op's state: it carries over from one
// invoke to the next, starts at 0, and Reset() (interpreter reset) zeroes it.
// Input: uint32 [num_channels]. Outputs: the cleaned signal and a copy of the
// updated noise estimate, both uint32 [num_channels].
// Options (all integers >= 0): num_channels (>= 1), smoothing,
// one_minus_smoothing, alternate_smoothing, alternate_one_minus_smoothing,
// min_signal_remaining (< 2^32), smoothing_bits (<= 31),
// spectral_subtraction_bits (<= 63), and the boolean clamping.
#include <cstring>

#include "signal/micro/kernels/signal_kernel_util.h"
#include "signal/micro/kernels/signal_ops.h"
#include "signal/src/filter_bank_spectral_subtraction.h"
#include "tensorflow/lite/kernels/internal/tensor_ctypes.h"
#include "tensorflow/lite/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace signal_ops {
namespace {

constexpr char kOp[] = "SignalFilterBankSpectralSubtraction";

struct OpData {
  RawOptions options;
  tflm_signal::SpectralSubtractionConfig config;
  uint32_t* noise_estimate;  // persistent state, num_channels values
};

void* Init(TfLiteContext* context, const char* buffer, size_t length) {
  return InitOpData<OpData>(context, buffer, length);
}

void ResetState(OpData* data) {
  if (data->noise_estimate != nullptr) {
    std::memset(data->noise_estimate, 0,
                sizeof(uint32_t) * data->config.num_channels);
  }
}

bool ReadConfig(Options& options, tflm_signal::SpectralSubtractionConfig* c) {
  constexpr int64_t kU32 = 0xFFFFFFFFll;
  int64_t channels, smoothing, one_minus, alternate, alternate_one_minus,
      minimum, smoothing_bits, bits;
  bool clamping;
  if (!options.Verify() ||
      !options.GetInt("num_channels", 1, 1 << 20, &channels) ||
      !options.GetInt("smoothing", 0, kU32, &smoothing) ||
      !options.GetInt("one_minus_smoothing", 0, kU32, &one_minus) ||
      !options.GetInt("alternate_smoothing", 0, kU32, &alternate) ||
      !options.GetInt("alternate_one_minus_smoothing", 0, kU32,
                      &alternate_one_minus) ||
      !options.GetInt("min_signal_remaining", 0, kU32, &minimum) ||
      !options.GetInt("smoothing_bits", 0, 31, &smoothing_bits) ||
      !options.GetInt("spectral_subtraction_bits", 0, 63, &bits) ||
      !options.GetBool("clamping", &clamping)) {
    return false;
  }
  c->num_channels = static_cast<int>(channels);
  c->smoothing = static_cast<uint32_t>(smoothing);
  c->one_minus_smoothing = static_cast<uint32_t>(one_minus);
  c->alternate_smoothing = static_cast<uint32_t>(alternate);
  c->alternate_one_minus_smoothing = static_cast<uint32_t>(alternate_one_minus);
  c->min_signal_remaining = static_cast<uint32_t>(minimum);
  c->smoothing_bits = static_cast<int>(smoothing_bits);
  c->spectral_subtraction_bits = static_cast<int>(bits);
  c->clamping = clamping;
  return true;
}

TfLiteStatus Prepare(TfLiteContext* context, TfLiteNode* node) {
  OpData* data = static_cast<OpData*>(node->user_data);
  TF_LITE_ENSURE(context, data != nullptr);
  Options options(kOp, data->options);
  if (!ReadConfig(options, &data->config)) return kTfLiteError;
  const int channels = data->config.num_channels;
  NodeTensors t(context, node, kOp);
  if (!t.CheckCounts(1, 2)) return kTfLiteError;
  TfLiteTensor* input = t.Input(0, "input");
  TfLiteTensor* output = t.Output(0, "output");
  TfLiteTensor* estimate = t.Output(1, "noise_estimate");
  int size;
  if (input == nullptr || output == nullptr || estimate == nullptr ||
      !t.CheckType(input, "input", kTfLiteUInt32) ||
      !t.CheckType(output, "output", kTfLiteUInt32) ||
      !t.CheckType(estimate, "output 1 (noise_estimate)", kTfLiteUInt32) ||
      !t.CheckVector(input, "input", &size)) {
    return kTfLiteError;
  }
  if (size != channels) {
    MicroPrintf("%s: the input has %d channels but num_channels is %d", kOp,
                size, channels);
    return kTfLiteError;
  }
  if (!t.SetOutputShape(output, RuntimeShape(1, channels)) ||
      !t.SetOutputShape(estimate, RuntimeShape(1, channels))) {
    return kTfLiteError;
  }
  data->noise_estimate = static_cast<uint32_t*>(
      context->AllocatePersistentBuffer(context, sizeof(uint32_t) * channels));
  TF_LITE_ENSURE(context, data->noise_estimate != nullptr);
  ResetState(data);
  return kTfLiteOk;
}

TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  OpData& data = *static_cast<OpData*>(node->user_data);
  tflm_signal::SpectralSubtraction(
      data.config,
      micro::GetTensorData<uint32_t>(micro::GetEvalInput(context, node, 0)),
      micro::GetTensorData<uint32_t>(micro::GetEvalOutput(context, node, 0)),
      data.noise_estimate);
  std::memcpy(
      micro::GetTensorData<uint32_t>(micro::GetEvalOutput(context, node, 1)),
      data.noise_estimate, sizeof(uint32_t) * data.config.num_channels);
  return kTfLiteOk;
}

TfLiteStatus Reset(TfLiteContext* /*context*/, void* buffer) {
  if (buffer != nullptr) ResetState(static_cast<OpData*>(buffer));
  return kTfLiteOk;
}

}  // namespace

TfLiteRegistration* Register_FILTER_BANK_SPECTRAL_SUBTRACTION() {
  static TfLiteRegistration registration =
      micro::RegisterOp(Init, Prepare, Eval, /*free=*/nullptr, Reset);
  return &registration;
}

}  // namespace signal_ops
}  // namespace tflite
