// SignalOverlapAdd: the inverse of framing. Each row's frames ([..., n,
// frame_size]) are added into a frame_size buffer at a hop of frame_step; per
// frame the first frame_step samples of the buffer are output and shifted
// out: the output is [..., n * frame_step]. The buffer (one a row) is the
// op's state, zero after Prepare and Reset. int16 sums saturate.
// Options: {"T": TensorType of the samples (FLOAT32 = 0, INT16 = 7),
// "frame_step": in [1, frame_size]}.
#include <cstdint>
#include <cstring>

#include "signal/micro/kernels/fft_kernel_util.h"
#include "signal/micro/kernels/signal_kernel_util.h"
#include "signal/micro/kernels/signal_ops.h"
#include "tensorflow/lite/kernels/internal/tensor_ctypes.h"
#include "tensorflow/lite/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace signal_ops {
namespace {

constexpr char kOp[] = "SignalOverlapAdd";

struct OpData {
  RawOptions options;
  TfLiteType type;
  int frame_size;
  int frame_step;
  int frames;  // per row and invoke
  int rows;
  void* buffers;  // rows x frame_size samples, persistent
};

void* Init(TfLiteContext* context, const char* buffer, size_t length) {
  return InitOpData<OpData>(context, buffer, length);
}

size_t SampleBytes(TfLiteType type) {
  return type == kTfLiteInt16 ? sizeof(int16_t) : sizeof(float);
}

void ResetState(OpData* data) {
  if (data->buffers != nullptr) {
    // All-zero bytes are 0 for both sample types.
    std::memset(data->buffers, 0,
                SampleBytes(data->type) * data->rows * data->frame_size);
  }
}

TfLiteStatus Prepare(TfLiteContext* context, TfLiteNode* node) {
  OpData* data = static_cast<OpData*>(node->user_data);
  TF_LITE_ENSURE(context, data != nullptr);
  Options options(kOp, data->options);
  int64_t frame_step;
  if (!options.Verify() ||
      !ReadSampleType(kOp, options, /*allow_int32=*/false, &data->type) ||
      !options.GetInt("frame_step", 1, 1 << 20, &frame_step)) {
    return kTfLiteError;
  }
  NodeTensors t(context, node, kOp);
  TfLiteTensor *input, *output;
  if (!t.InputAndOutput(data->type, "input (the type option T names)", &input,
                        &output)) {
    return kTfLiteError;
  }
  const RuntimeShape shape = GetTensorShape(input);
  const int rank = shape.DimensionsCount();
  char text[64];
  if (rank < 2 || shape.FlatSize() == 0) {
    MicroPrintf("%s: the input must be [..., frames, frame_size] with "
                "elements, got shape %s",
                kOp, FormatShape(input->dims, text, sizeof(text)));
    return kTfLiteError;
  }
  const int frame_size = shape.Dims(rank - 1);
  if (frame_step > frame_size) {
    MicroPrintf("%s: frame_step %d exceeds the frame size %d (input shape "
                "%s)",
                kOp, static_cast<int>(frame_step), frame_size,
                FormatShape(input->dims, text, sizeof(text)));
    return kTfLiteError;
  }
  data->frame_size = frame_size;
  data->frame_step = static_cast<int>(frame_step);
  data->frames = shape.Dims(rank - 2);
  data->rows = shape.FlatSize() / (frame_size * data->frames);
  RuntimeShape output_shape(rank - 1, shape.DimsData());
  output_shape.SetDim(rank - 2, data->frames * data->frame_step);
  if (!t.SetOutputShape(output, output_shape)) return kTfLiteError;
  data->buffers = context->AllocatePersistentBuffer(
      context, SampleBytes(data->type) * data->rows * frame_size);
  TF_LITE_ENSURE(context, data->buffers != nullptr);
  ResetState(data);
  return kTfLiteOk;
}

inline int16_t AddSample(int16_t a, int16_t b) {
  const int32_t sum = static_cast<int32_t>(a) + static_cast<int32_t>(b);
  return static_cast<int16_t>(sum > INT16_MAX   ? INT16_MAX
                              : sum < INT16_MIN ? INT16_MIN
                                                : sum);
}
inline float AddSample(float a, float b) { return a + b; }

template <typename T>
void OverlapAdd(const OpData& data, const T* input, T* output) {
  const int size = data.frame_size;
  const int step = data.frame_step;
  for (int r = 0; r < data.rows; ++r) {
    T* buffer = static_cast<T*>(data.buffers) + r * size;
    for (int f = 0; f < data.frames; ++f) {
      const int frame = r * data.frames + f;
      const T* in = input + frame * size;
      for (int i = 0; i < size; ++i) buffer[i] = AddSample(buffer[i], in[i]);
      std::memcpy(output + frame * step, buffer, sizeof(T) * step);
      std::memmove(buffer, buffer + step, sizeof(T) * (size - step));
      std::memset(buffer + size - step, 0, sizeof(T) * step);
    }
  }
}

TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  const OpData& data = *static_cast<const OpData*>(node->user_data);
  const TfLiteEvalTensor* input = micro::GetEvalInput(context, node, 0);
  TfLiteEvalTensor* output = micro::GetEvalOutput(context, node, 0);
  if (data.type == kTfLiteInt16) {
    OverlapAdd(data, micro::GetTensorData<int16_t>(input),
               micro::GetTensorData<int16_t>(output));
  } else {
    OverlapAdd(data, micro::GetTensorData<float>(input),
               micro::GetTensorData<float>(output));
  }
  return kTfLiteOk;
}

}  // namespace

TfLiteRegistration* Register_OVERLAP_ADD() {
  static TfLiteRegistration registration =
      micro::RegisterOp(Init, Prepare, Eval, /*free=*/nullptr,
                        ResetWith<OpData, ResetState>);
  return &registration;
}

}  // namespace signal_ops
}  // namespace tflite
