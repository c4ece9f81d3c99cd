// SignalWindow: multiplies every frame (the input's last dimension) by a
// window, out = saturate_int16((in * window) >> shift).
// Options: {"shift": [0, 31]}.
#include "signal/micro/kernels/signal_kernel_util.h"
#include "signal/micro/kernels/signal_ops.h"
#include "signal/src/window.h"
#include "tensorflow/lite/kernels/internal/tensor_ctypes.h"
#include "tensorflow/lite/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace signal_ops {
namespace {

constexpr char kOp[] = "SignalWindow";

struct OpData {
  RawOptions options;
  int shift;
  int frame_length;
  int frames;
};

void* Init(TfLiteContext* context, const char* buffer, size_t length) {
  return InitOpData<OpData>(context, buffer, length);
}

TfLiteStatus Prepare(TfLiteContext* context, TfLiteNode* node) {
  OpData* data = static_cast<OpData*>(node->user_data);
  TF_LITE_ENSURE(context, data != nullptr);
  Options options(kOp, data->options);
  int64_t shift;
  if (!options.Verify() || !options.GetInt("shift", 0, 31, &shift)) {
    return kTfLiteError;
  }
  NodeTensors t(context, node, kOp);
  if (!t.CheckCounts(2, 1)) return kTfLiteError;
  TfLiteTensor* input = t.Input(0, "input");
  TfLiteTensor* window = t.Input(1, "window");
  TfLiteTensor* output = t.Output(0, "output");
  if (input == nullptr || window == nullptr || output == nullptr) {
    return kTfLiteError;
  }
  int window_length;
  if (!t.CheckType(input, "input", kTfLiteInt16) ||
      !t.CheckType(window, "window", kTfLiteInt16) ||
      !t.CheckType(output, "output", kTfLiteInt16) ||
      !t.CheckVector(window, "window", &window_length)) {
    return kTfLiteError;
  }
  const RuntimeShape shape = GetTensorShape(input);
  if (shape.DimensionsCount() < 1 ||
      shape.Dims(shape.DimensionsCount() - 1) != window_length) {
    char text[64];
    MicroPrintf("%s: the input's last dimension must equal the window "
                "length %d, got input shape %s",
                kOp, window_length,
                FormatShape(input->dims, text, sizeof(text)));
    return kTfLiteError;
  }
  if (!t.SetOutputShape(output, shape)) return kTfLiteError;
  data->shift = static_cast<int>(shift);
  data->frame_length = window_length;
  data->frames = shape.FlatSize() / window_length;
  return kTfLiteOk;
}

TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  const OpData& data = *static_cast<const OpData*>(node->user_data);
  const int16_t* input =
      micro::GetTensorData<int16_t>(micro::GetEvalInput(context, node, 0));
  const int16_t* window =
      micro::GetTensorData<int16_t>(micro::GetEvalInput(context, node, 1));
  int16_t* output =
      micro::GetTensorData<int16_t>(micro::GetEvalOutput(context, node, 0));
  for (int f = 0; f < data.frames; ++f) {
    const int offset = f * data.frame_length;
    tflm_signal::ApplyWindow(input + offset, window, data.frame_length,
                            data.shift, output + offset);
  }
  return kTfLiteOk;
}

}  // namespace

TfLiteRegistration* Register_WINDOW() {
  static TfLiteRegistration registration =
      micro::RegisterOp(Init, Prepare, Eval);
  return &registration;
}

}  // namespace signal_ops
}  // namespace tflite
