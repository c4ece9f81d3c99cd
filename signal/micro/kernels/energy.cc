// SignalEnergy: the power re^2 + im^2 of complex int16 bins [start_index,
// end_index) of a spectrum ([re, im, ...], 2 * bins values), as uint32. The
// other output elements are set to 0 (TFLM leaves them unwritten; the
// audio front end slices them away).
// Options: {"start_index", "end_index"} with 0 <= start <= end <= bins.
#include <cstring>

#include "signal/micro/kernels/signal_kernel_util.h"
#include "signal/micro/kernels/signal_ops.h"
#include "signal/src/complex.h"
#include "signal/src/energy.h"
#include "tensorflow/lite/kernels/internal/tensor_ctypes.h"
#include "tensorflow/lite/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace signal_ops {
namespace {

constexpr char kOp[] = "SignalEnergy";

struct OpData {
  RawOptions options;
  int bins;
  int start_index;
  int end_index;
};

void* Init(TfLiteContext* context, const char* buffer, size_t length) {
  return InitOpData<OpData>(context, buffer, length);
}

TfLiteStatus Prepare(TfLiteContext* context, TfLiteNode* node) {
  OpData* data = static_cast<OpData*>(node->user_data);
  TF_LITE_ENSURE(context, data != nullptr);
  NodeTensors t(context, node, kOp);
  if (!t.CheckCounts(1, 1)) return kTfLiteError;
  TfLiteTensor* input = t.Input(0, "input");
  TfLiteTensor* output = t.Output(0, "output");
  int values;
  if (input == nullptr || output == nullptr ||
      !t.CheckType(input, "input", kTfLiteInt16) ||
      !t.CheckType(output, "output", kTfLiteUInt32) ||
      !t.CheckVector(input, "input", &values)) {
    return kTfLiteError;
  }
  if (values % 2 != 0) {
    MicroPrintf("%s: the input holds complex bins as [re, im] pairs, so its "
                "length must be even, got %d",
                kOp, values);
    return kTfLiteError;
  }
  const int bins = values / 2;
  Options options(kOp, data->options);
  int64_t start, end;
  if (!options.Verify() || !options.GetInt("start_index", 0, bins, &start) ||
      !options.GetInt("end_index", start, bins, &end)) {
    return kTfLiteError;
  }
  if (!t.SetOutputShape(output, RuntimeShape(1, bins))) return kTfLiteError;
  data->bins = bins;
  data->start_index = static_cast<int>(start);
  data->end_index = static_cast<int>(end);
  return kTfLiteOk;
}

TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  const OpData& data = *static_cast<const OpData*>(node->user_data);
  const auto* input = micro::GetTensorData<tflm_signal::Complex<int16_t>>(
      micro::GetEvalInput(context, node, 0));
  uint32_t* output =
      micro::GetTensorData<uint32_t>(micro::GetEvalOutput(context, node, 0));
  std::memset(output, 0, sizeof(uint32_t) * data.bins);
  tflm_signal::SpectrumToEnergy(input, data.start_index, data.end_index,
                               output);
  return kTfLiteOk;
}

}  // namespace

TfLiteRegistration* Register_ENERGY() {
  static TfLiteRegistration registration =
      micro::RegisterOp(Init, Prepare, Eval);
  return &registration;
}

}  // namespace signal_ops
}  // namespace tflite
