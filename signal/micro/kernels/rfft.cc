// SignalRfft: the FFT of real frames (the input's last dimension, zero-padded
// to fft_length), bit for bit as TFLM computes it (KISS FFT's fixed-point
// arithmetic for int16/int32; see signal/src/rfft.h). Output: fft_length/2+1
// complex bins interleaved as [re, im, ...] in the last dimension.
// Options: {"T": TensorType of the samples (FLOAT32 = 0, INT32 = 2,
// INT16 = 7), "fft_length": even, >= 4, half of it a product of 2s, 3s and
// 5s, and at least the frame length}.
#include <cstring>

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

constexpr char kOp[] = "SignalRfft";

struct OpData {
  RawOptions options;
  TfLiteType type;
  int fft_length;
  int frame_length;
  int frames;
  void* plan;  // a RealFftPlan<T> in persistent memory
  int padded_frame_index;  // scratch: one frame zero-padded to fft_length
};

void* Init(TfLiteContext* context, const char* buffer, size_t length) {
  return InitOpData<OpData>(context, buffer, length);
}

size_t SampleBytes(TfLiteType type) {
  return type == kTfLiteInt16 ? sizeof(int16_t) : sizeof(int32_t);
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
  const int frame_length = rank == 0 ? 0 : shape.Dims(rank - 1);
  if (rank < 1 || frame_length < 1 || frame_length > fft_length) {
    char text[64];
    MicroPrintf("%s: the input's last dimension (the frame) must have "
                "between 1 and fft_length = %d samples, got input shape %s",
                kOp, fft_length,
                FormatShape(input->dims, text, sizeof(text)));
    return kTfLiteError;
  }
  data->fft_length = fft_length;
  data->frame_length = frame_length;
  data->frames = shape.FlatSize() / frame_length;
  shape.SetDim(rank - 1, data->fft_length + 2);
  if (!t.SetOutputShape(output, shape)) return kTfLiteError;

  data->plan = CreateFftPlanFor(context, data->type, data->fft_length,
                                /*inverse=*/false);
  TF_LITE_ENSURE(context, data->plan != nullptr);
  return context->RequestScratchBufferInArena(
      context, data->fft_length * SampleBytes(data->type),
      &data->padded_frame_index);
}

template <typename T>
void Transform(const OpData& data, const T* input, T* padded, T* output) {
  const auto* plan = static_cast<const tflm_signal::RealFftPlan<T>*>(data.plan);
  auto* bins = reinterpret_cast<tflm_signal::Complex<T>*>(output);
  const int bins_per_frame = data.fft_length / 2 + 1;
  for (int f = 0; f < data.frames; ++f) {
    std::memcpy(padded, input + f * data.frame_length,
                sizeof(T) * data.frame_length);
    std::memset(padded + data.frame_length, 0,
                sizeof(T) * (data.fft_length - data.frame_length));
    plan->Transform(padded, bins + f * bins_per_frame);
  }
}

TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  const OpData& data = *static_cast<const OpData*>(node->user_data);
  const TfLiteEvalTensor* input = micro::GetEvalInput(context, node, 0);
  TfLiteEvalTensor* output = micro::GetEvalOutput(context, node, 0);
  void* padded = context->GetScratchBuffer(context, data.padded_frame_index);
  TF_LITE_ENSURE(context, padded != nullptr);
  switch (data.type) {
    case kTfLiteInt16:
      Transform(data, micro::GetTensorData<int16_t>(input),
                static_cast<int16_t*>(padded),
                micro::GetTensorData<int16_t>(output));
      return kTfLiteOk;
    case kTfLiteInt32:
      Transform(data, micro::GetTensorData<int32_t>(input),
                static_cast<int32_t*>(padded),
                micro::GetTensorData<int32_t>(output));
      return kTfLiteOk;
    default:
      Transform(data, micro::GetTensorData<float>(input),
                static_cast<float*>(padded),
                micro::GetTensorData<float>(output));
      return kTfLiteOk;
  }
}

}  // namespace

TfLiteRegistration* Register_RFFT() {
  static TfLiteRegistration registration =
      micro::RegisterOp(Init, Prepare, Eval);
  return &registration;
}

}  // namespace signal_ops
}  // namespace tflite
