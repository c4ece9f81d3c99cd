// SignalStacker: stacks consecutive input frames (num_channels samples each)
// into windows of left_context + 1 + right_context frames, advancing by
// stacker_step frames. The first frame after Prepare or Reset is repeated
// left_context extra times (the left padding). Output: int16
// [(left + 1 + right) * num_channels] and a bool scalar that is true when
// this invoke produced a window (otherwise the output is left as it was).
// Options: {"num_channels": >= 1, "stacker_left_context": >= 0,
// "stacker_right_context": >= 0, "stacker_step": in [1, left + 1 + right]}.
// (TFLM does not check the step's bound; beyond it its buffer discards more
// frames than it holds.)
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

constexpr char kOp[] = "SignalStacker";

struct OpData {
  RawOptions options;
  int channels;
  int left_context;
  int window;  // samples in a window
  int step;    // samples to advance
  int16_t* buffer;  // window samples, persistent
  int available;
  bool has_first_frame;
};

void* Init(TfLiteContext* context, const char* buffer, size_t length) {
  return InitOpData<OpData>(context, buffer, length);
}

void ResetState(OpData* data) {
  data->available = 0;
  data->has_first_frame = false;
}

TfLiteStatus Prepare(TfLiteContext* context, TfLiteNode* node) {
  OpData* data = static_cast<OpData*>(node->user_data);
  TF_LITE_ENSURE(context, data != nullptr);
  Options options(kOp, data->options);
  int64_t channels, left, right, step;
  if (!options.Verify() ||
      !options.GetInt("num_channels", 1, 1 << 16, &channels) ||
      !options.GetInt("stacker_left_context", 0, 1 << 10, &left) ||
      !options.GetInt("stacker_right_context", 0, 1 << 10, &right) ||
      !options.GetInt("stacker_step", 1, left + 1 + right, &step)) {
    return kTfLiteError;
  }
  NodeTensors t(context, node, kOp);
  if (!t.CheckCounts(1, 2)) return kTfLiteError;
  TfLiteTensor* input = t.Input(0, "input");
  TfLiteTensor* output = t.Output(0, "output");
  TfLiteTensor* valid = t.Output(1, "output_valid");
  int length;
  if (input == nullptr || output == nullptr || valid == nullptr ||
      !t.CheckType(input, "input", kTfLiteInt16) ||
      !t.CheckType(output, "output", kTfLiteInt16) ||
      !t.CheckType(valid, "output_valid", kTfLiteBool) ||
      !t.CheckVector(input, "input", &length)) {
    return kTfLiteError;
  }
  if (length != channels) {
    MicroPrintf("%s: the input has %d samples but num_channels is %d", kOp,
                length, static_cast<int>(channels));
    return kTfLiteError;
  }
  data->channels = static_cast<int>(channels);
  data->left_context = static_cast<int>(left);
  data->window = static_cast<int>((left + 1 + right) * channels);
  data->step = static_cast<int>(step * channels);
  if (!t.SetOutputShape(output, RuntimeShape(1, data->window)) ||
      !t.SetOutputShape(valid, RuntimeShape(0))) {
    return kTfLiteError;
  }
  data->buffer = static_cast<int16_t*>(context->AllocatePersistentBuffer(
      context, sizeof(int16_t) * data->window));
  TF_LITE_ENSURE(context, data->buffer != nullptr);
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
  const int copies = data.has_first_frame ? 1 : 1 + data.left_context;
  data.has_first_frame = true;
  for (int c = 0; c < copies; ++c) {
    std::memcpy(data.buffer + data.available, input,
                sizeof(int16_t) * data.channels);
    data.available += data.channels;
  }
  *valid = EmitWindowAndSlide(data.buffer, data.available, data.window,
                              data.step, output);
  return kTfLiteOk;
}

}  // namespace

TfLiteRegistration* Register_STACKER() {
  static TfLiteRegistration registration =
      micro::RegisterOp(Init, Prepare, Eval, /*free=*/nullptr,
                        ResetWith<OpData, ResetState>);
  return &registration;
}

}  // namespace signal_ops
}  // namespace tflite
