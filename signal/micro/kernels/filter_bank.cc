// SignalFilterBank: sums weighted spectrum energies into num_channels
// (triangular, e.g. mel) channels.
// Inputs: energies uint32 [F]; weights and unweights int16 [W]; per band
// (num_channels + 1 of them) int16 frequency starts, weight starts and
// widths. Output: uint64 [num_channels].
// Options: {"num_channels": >= 1}.
// Every band must lie inside the energies and the weights: checked when
// preparing if the tables are constants, else on every invoke.
#include "signal/micro/kernels/signal_kernel_util.h"
#include "signal/micro/kernels/signal_ops.h"
#include "signal/src/filter_bank.h"
#include "tensorflow/lite/kernels/internal/tensor_ctypes.h"
#include "tensorflow/lite/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace signal_ops {
namespace {

constexpr char kOp[] = "SignalFilterBank";

enum Input {
  kEnergies = 0,
  kWeights,
  kUnweights,
  kFrequencyStarts,
  kWeightStarts,
  kWidths,
  kInputCount
};

struct OpData {
  RawOptions options;
  int num_channels;
  int bins;
  int weight_count;
  bool tables_checked;  // the band tables are constants and were checked
  int bands_index;      // scratch: num_channels + 1 accumulators
};

void* Init(TfLiteContext* context, const char* buffer, size_t length) {
  return InitOpData<OpData>(context, buffer, length);
}

// Reports the first band that reaches outside the energies or the weights.
bool CheckBands(const OpData& data, const int16_t* frequency_starts,
                const int16_t* weight_starts, const int16_t* widths) {
  for (int band = 0; band <= data.num_channels; ++band) {
    const int frequency = frequency_starts[band];
    const int weight = weight_starts[band];
    const int width = widths[band];
    if (frequency < 0 || weight < 0 || width < 0 ||
        frequency + width > data.bins || weight + width > data.weight_count) {
      MicroPrintf("%s: band %d (frequency start %d, weight start %d, width "
                  "%d) reaches outside the %d energies or the %d weights",
                  kOp, band, frequency, weight, width, data.bins,
                  data.weight_count);
      return false;
    }
  }
  return true;
}

TfLiteStatus Prepare(TfLiteContext* context, TfLiteNode* node) {
  OpData* data = static_cast<OpData*>(node->user_data);
  TF_LITE_ENSURE(context, data != nullptr);
  Options options(kOp, data->options);
  int64_t num_channels;
  if (!options.Verify() ||
      !options.GetInt("num_channels", 1, 1 << 20, &num_channels)) {
    return kTfLiteError;
  }
  data->num_channels = static_cast<int>(num_channels);
  NodeTensors t(context, node, kOp);
  if (!t.CheckCounts(kInputCount, 1)) return kTfLiteError;
  static const char* const kRoles[kInputCount] = {
      "input 0 (energies)",         "input 1 (weights)",
      "input 2 (unweights)",        "input 3 (channel frequency starts)",
      "input 4 (channel weight starts)", "input 5 (channel widths)"};
  TfLiteTensor* inputs[kInputCount];
  int lengths[kInputCount];
  for (int i = 0; i < kInputCount; ++i) {
    inputs[i] = t.Input(i, kRoles[i]);
    if (inputs[i] == nullptr ||
        !t.CheckType(inputs[i], kRoles[i],
                     i == kEnergies ? kTfLiteUInt32 : kTfLiteInt16) ||
        !t.CheckVector(inputs[i], kRoles[i], &lengths[i])) {
      return kTfLiteError;
    }
  }
  TfLiteTensor* output = t.Output(0, "output");
  if (output == nullptr || !t.CheckType(output, "output", kTfLiteUInt64)) {
    return kTfLiteError;
  }
  if (lengths[kUnweights] != lengths[kWeights]) {
    MicroPrintf("%s: weights (%d) and unweights (%d) must have the same "
                "length",
                kOp, lengths[kWeights], lengths[kUnweights]);
    return kTfLiteError;
  }
  for (int i = kFrequencyStarts; i <= kWidths; ++i) {
    if (lengths[i] != data->num_channels + 1) {
      MicroPrintf("%s: %s must have num_channels + 1 = %d elements, got %d",
                  kOp, kRoles[i], data->num_channels + 1, lengths[i]);
      return kTfLiteError;
    }
  }
  data->bins = lengths[kEnergies];
  data->weight_count = lengths[kWeights];
  data->tables_checked = false;
  if (IsConstantTensor(inputs[kFrequencyStarts]) &&
      IsConstantTensor(inputs[kWeightStarts]) &&
      IsConstantTensor(inputs[kWidths])) {
    if (!CheckBands(*data, GetTensorData<int16_t>(inputs[kFrequencyStarts]),
                    GetTensorData<int16_t>(inputs[kWeightStarts]),
                    GetTensorData<int16_t>(inputs[kWidths]))) {
      return kTfLiteError;
    }
    data->tables_checked = true;
  }
  if (!t.SetOutputShape(output, RuntimeShape(1, data->num_channels))) {
    return kTfLiteError;
  }
  return context->RequestScratchBufferInArena(
      context, sizeof(uint64_t) * (data->num_channels + 1),
      &data->bands_index);
}

TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  const OpData& data = *static_cast<const OpData*>(node->user_data);
  auto table = [&](int index) {
    return micro::GetTensorData<int16_t>(
        micro::GetEvalInput(context, node, index));
  };
  tflm_signal::FilterBankConfig config;
  config.num_channels = data.num_channels;
  config.weights = table(kWeights);
  config.unweights = table(kUnweights);
  config.frequency_starts = table(kFrequencyStarts);
  config.weight_starts = table(kWeightStarts);
  config.widths = table(kWidths);
  if (!data.tables_checked &&
      !CheckBands(data, config.frequency_starts, config.weight_starts,
                  config.widths)) {
    return kTfLiteError;
  }
  uint64_t* bands = static_cast<uint64_t*>(
      context->GetScratchBuffer(context, data.bands_index));
  TF_LITE_ENSURE(context, bands != nullptr);
  tflm_signal::FilterBankAccumulate(
      config,
      micro::GetTensorData<uint32_t>(micro::GetEvalInput(context, node, 0)),
      bands);
  // Band 0 only gathers what lies below the first channel.
  uint64_t* output =
      micro::GetTensorData<uint64_t>(micro::GetEvalOutput(context, node, 0));
  for (int c = 0; c < data.num_channels; ++c) output[c] = bands[c + 1];
  return kTfLiteOk;
}

}  // namespace

TfLiteRegistration* Register_FILTER_BANK() {
  static TfLiteRegistration registration =
      micro::RegisterOp(Init, Prepare, Eval);
  return &registration;
}

}  // namespace signal_ops
}  // namespace tflite
