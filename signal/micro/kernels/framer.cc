// SignalFramer: cuts each row of the input (its last dimension, a stream
// across invokes) into overlapping frames of frame_size samples, one every
// frame_step samples. The input row holds n * frame_step new samples; the
// output has n frames per row, [..., n, frame_size]. A frame is produced once
// frame_size samples are buffered; until then its slot is left as it was and
// the second output (bool, scalar) is false for the whole invoke, as in TFLM.
// With prefill the buffer starts with frame_size - frame_step zeros (after
// Prepare and Reset), so every frame is valid.
// Options: {"frame_size": >= 1, "frame_step": in [1, frame_size],
// "prefill": bool}. (TFLM does not check frame_step <= frame_size; beyond it
// its buffer discards more samples than it holds.)
#include <cstring>

#include "signal/micro/kernels/signal_kernel_util.h"
#include "signal/micro/kernels/signal_ops.h"
#include "tensorflow/lite/kernels/internal/tensor_ctypes.h"
#include "tensorflow/lite/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace signal_ops {
namespace {

constexpr char kOp[] = "SignalFramer";

struct OpData {
  RawOptions options;
  int frame_size;
  int frame_step;
  bool prefill;
  int frames;  // per row and invoke
  int rows;
  int16_t* buffers;  // rows x (frame_size + frame_step), persistent
  int* available;    // rows counts, persistent
};

void* Init(TfLiteContext* context, const char* buffer, size_t length) {
  return InitOpData<OpData>(context, buffer, length);
}

int BufferLength(const OpData& data) {
  return data.frame_size + data.frame_step;
}

void ResetState(OpData* data) {
  if (data->buffers == nullptr) return;
  const int start = data->prefill ? data->frame_size - data->frame_step : 0;
  std::memset(data->buffers, 0,
              sizeof(int16_t) * data->rows * BufferLength(*data));
  for (int r = 0; r < data->rows; ++r) data->available[r] = start;
}

TfLiteStatus Prepare(TfLiteContext* context, TfLiteNode* node) {
  OpData* data = static_cast<OpData*>(node->user_data);
  TF_LITE_ENSURE(context, data != nullptr);
  Options options(kOp, data->options);
  int64_t frame_size, frame_step;
  bool prefill;
  if (!options.Verify() ||
      !options.GetInt("frame_size", 1, 1 << 20, &frame_size) ||
      !options.GetInt("frame_step", 1, frame_size, &frame_step) ||
      !options.GetBool("prefill", &prefill)) {
    return kTfLiteError;
  }
  NodeTensors t(context, node, kOp);
  if (!t.CheckCounts(1, 2)) return kTfLiteError;
  TfLiteTensor* input = t.Input(0, "input");
  TfLiteTensor* output = t.Output(0, "output");
  TfLiteTensor* valid = t.Output(1, "output_valid");
  if (input == nullptr || output == nullptr || valid == nullptr ||
      !t.CheckType(input, "input", kTfLiteInt16) ||
      !t.CheckType(output, "output", kTfLiteInt16) ||
      !t.CheckType(valid, "output_valid", kTfLiteBool)) {
    return kTfLiteError;
  }
  const RuntimeShape shape = GetTensorShape(input);
  const int rank = shape.DimensionsCount();
  const int row = rank == 0 ? 0 : shape.Dims(rank - 1);
  if (rank < 1 || row == 0 || row % frame_step != 0) {
    char text[64];
    MicroPrintf("%s: the input's last dimension must be a nonzero multiple "
                "of frame_step = %d, got input shape %s",
                kOp, static_cast<int>(frame_step),
                FormatShape(input->dims, text, sizeof(text)));
    return kTfLiteError;
  }
  data->frame_size = static_cast<int>(frame_size);
  data->frame_step = static_cast<int>(frame_step);
  data->prefill = prefill;
  data->frames = row / data->frame_step;
  data->rows = shape.FlatSize() / row;
  int32_t dims[8];
  TF_LITE_ENSURE(context, rank + 1 <= 8);
  for (int i = 0; i + 1 < rank; ++i) dims[i] = shape.Dims(i);
  dims[rank - 1] = data->frames;
  dims[rank] = data->frame_size;
  if (!t.SetOutputShape(output, RuntimeShape(rank + 1, dims)) ||
      !t.SetOutputShape(valid, RuntimeShape(0))) {
    return kTfLiteError;
  }
  data->buffers = static_cast<int16_t*>(context->AllocatePersistentBuffer(
      context, sizeof(int16_t) * data->rows * BufferLength(*data)));
  data->available = static_cast<int*>(
      context->AllocatePersistentBuffer(context, sizeof(int) * data->rows));
  TF_LITE_ENSURE(context,
                 data->buffers != nullptr && data->available != nullptr);
  ResetState(data);
  return kTfLiteOk;
}

TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  OpData& data = *static_cast<OpData*>(node->user_data);
  const int16_t* input =
      micro::GetTensorData<int16_t>(micro::GetEvalInput(context, node, 0));
  int16_t* output =
      micro::GetTensorData<int16_t>(micro::GetEvalOutput(context, node, 0));
  bool* valid =
      micro::GetTensorData<bool>(micro::GetEvalOutput(context, node, 1));
  const int size = data.frame_size;
  const int step = data.frame_step;
  bool all_valid = true;
  for (int r = 0; r < data.rows; ++r) {
    int16_t* buffer = data.buffers + r * BufferLength(data);
    int& available = data.available[r];
    for (int f = 0; f < data.frames; ++f) {
      const int frame = r * data.frames + f;
      std::memcpy(buffer + available, input + frame * step,
                  sizeof(int16_t) * step);
      available += step;
      if (!EmitWindowAndSlide(buffer, available, size, step,
                              output + frame * size)) {
        all_valid = false;
      }
    }
  }
  *valid = all_valid;
  return kTfLiteOk;
}

}  // namespace

TfLiteRegistration* Register_FRAMER() {
  static TfLiteRegistration registration =
      micro::RegisterOp(Init, Prepare, Eval, /*free=*/nullptr,
                        ResetWith<OpData, ResetState>);
  return &registration;
}

}  // namespace signal_ops
}  // namespace tflite
