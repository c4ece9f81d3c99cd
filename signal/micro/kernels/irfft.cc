// SignalIrfft: the inverse of SignalRfft, bit for bit as TFLM computes it
// (KISS FFT's kiss_fftri; see signal/src/rfft.h). Input: fft_length/2+1
// complex bins interleaved as [re, im, ...] in the last dimension; output:
// fft_length real samples there. Fixed-point outputs carry KISS FFT's
// scaling (the per-stage divisions); float outputs are divided by
// fft_length, as TFLM does, so that Irfft(Rfft(x)) is x.
// Options: {"T": TensorType of the samples (FLOAT32 = 0, INT32 = 2,
// INT16 = 7), "fft_length": even, >= 4, half of it a product of 2s, 3s and
// 5s}.
#include "signal/micro/kernels/fft_kernel_util.h"
#include "signal/micro/kernels/signal_kernel_util.h"
#include "signal/micro/kernels/signal_ops.h"
#include "signal/src/rfft.h"
#include "tensorflow/lite/kernels/internal/tensor_ctypes.h"
#include "tensorflow/lite/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace signal_ops {
namespace {

constexpr char kOp[] = "SignalIrfft";

struct OpData {
  RawOptions options;
  TfLiteType type;
  int fft_length;
  int frames;
  void* plan;  // an inverse RealFftPlan<T> in persistent memory
};

void* Init(TfLiteContext* context, const char* buffer, size_t length) {
  return InitOpData<OpData>(context, buffer, length);
}

TfLiteStatus Prepare(TfLiteContext* context, TfLiteNode* node) {
  OpData* data = static_cast<OpData*>(node->user_data);
  TF_LITE_ENSURE(context, data != nullptr);
  NodeTensors t(context, node, kOp);
  int fft_length;
  TfLiteTensor *input, *output;
  if (!PrepareFftNode(kOp, data->options, t, &data->type, &fft_length, &input,
                      &output)) {
    return kTfLiteError;
  }
  RuntimeShape shape = GetTensorShape(input);
  const int rank = shape.DimensionsCount();
  if (rank < 1 || shape.Dims(rank - 1) != fft_length + 2) {
    char text[64];
    MicroPrintf("%s: the input's last dimension must hold fft_length / 2 + 1 "
                "= %d complex bins (%d values), got input shape %s",
                kOp, fft_length / 2 + 1, fft_length + 2,
                FormatShape(input->dims, text, sizeof(text)));
    return kTfLiteError;
  }
  data->fft_length = fft_length;
  data->frames = shape.FlatSize() / (fft_length + 2);
  shape.SetDim(rank - 1, fft_length);
  if (!t.SetOutputShape(output, shape)) return kTfLiteError;
  data->plan = CreateFftPlanFor(context, data->type, fft_length,
                                /*inverse=*/true);
  TF_LITE_ENSURE(context, data->plan != nullptr);
  return kTfLiteOk;
}

template <typename T>
void Transform(const OpData& data, const T* input, T* output) {
  const auto* plan = static_cast<const tflm_signal::RealFftPlan<T>*>(data.plan);
  const auto* bins = reinterpret_cast<const tflm_signal::Complex<T>*>(input);
  const int bins_per_frame = data.fft_length / 2 + 1;
  for (int f = 0; f < data.frames; ++f) {
    plan->InverseTransform(bins + f * bins_per_frame,
                           output + f * data.fft_length);
  }
}

TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  const OpData& data = *static_cast<const OpData*>(node->user_data);
  const TfLiteEvalTensor* input = micro::GetEvalInput(context, node, 0);
  TfLiteEvalTensor* output = micro::GetEvalOutput(context, node, 0);
  switch (data.type) {
    case kTfLiteInt16:
      Transform(data, micro::GetTensorData<int16_t>(input),
                micro::GetTensorData<int16_t>(output));
      return kTfLiteOk;
    case kTfLiteInt32:
      Transform(data, micro::GetTensorData<int32_t>(input),
                micro::GetTensorData<int32_t>(output));
      return kTfLiteOk;
    default: {
      float* samples = micro::GetTensorData<float>(output);
      Transform(data, micro::GetTensorData<float>(input), samples);
      const int count = data.frames * data.fft_length;
      const float length = static_cast<float>(data.fft_length);
      for (int i = 0; i < count; ++i) samples[i] /= length;
      return kTfLiteOk;
    }
  }
}

}  // namespace

TfLiteRegistration* Register_IRFFT() {
  static TfLiteRegistration registration =
      micro::RegisterOp(Init, Prepare, Eval);
  return &registration;
}

}  // namespace signal_ops
}  // namespace tflite
