// SignalDelay: delays each row of the input (its last dimension, taken as a
// stream across invokes) by delay_length samples: the first delay_length
// outputs after Prepare or Reset are 0, then come the inputs. The last
// delay_length samples of every row are the op's state.
// Input and output: int16, the same shape. Options: {"delay_length": >= 0}.
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

constexpr char kOp[] = "SignalDelay";

struct OpData {
  RawOptions options;
  int delay;
  int frame_length;
  int rows;
  int16_t* history;  // rows x delay samples, persistent
};

void* Init(TfLiteContext* context, const char* buffer, size_t length) {
  return InitOpData<OpData>(context, buffer, length);
}

void ResetState(OpData* data) {
  if (data->history != nullptr) {
    std::memset(data->history, 0,
                sizeof(int16_t) * data->rows * data->delay);
  }
}

TfLiteStatus Prepare(TfLiteContext* context, TfLiteNode* node) {
  OpData* data = static_cast<OpData*>(node->user_data);
  TF_LITE_ENSURE(context, data != nullptr);
  Options options(kOp, data->options);
  int64_t delay;
  if (!options.Verify() ||
      !options.GetInt("delay_length", 0, 1 << 24, &delay)) {
    return kTfLiteError;
  }
  NodeTensors t(context, node, kOp);
  TfLiteTensor *input, *output;
  if (!t.InputAndOutput(kTfLiteInt16, "input", &input, &output)) {
    return kTfLiteError;
  }
  const RuntimeShape shape = GetTensorShape(input);
  const int rank = shape.DimensionsCount();
  if (rank < 1 || shape.FlatSize() == 0) {
    char text[64];
    MicroPrintf("%s: the input must have rank >= 1 and elements, got shape "
                "%s",
                kOp, FormatShape(input->dims, text, sizeof(text)));
    return kTfLiteError;
  }
  if (!t.SetOutputShape(output, shape)) return kTfLiteError;
  data->delay = static_cast<int>(delay);
  data->frame_length = shape.Dims(rank - 1);
  data->rows = shape.FlatSize() / data->frame_length;
  data->history = nullptr;
  if (data->delay > 0) {
    data->history = static_cast<int16_t*>(context->AllocatePersistentBuffer(
        context, sizeof(int16_t) * data->rows * data->delay));
    TF_LITE_ENSURE(context, data->history != nullptr);
  }
  ResetState(data);
  return kTfLiteOk;
}

// One row: out = the first n samples of history ++ in; history = the last
// d samples of it.
void DelayRow(const int16_t* in, int n, int16_t* history, int d,
              int16_t* out) {
  if (n >= d) {
    std::memcpy(out, history, sizeof(int16_t) * d);
    std::memcpy(out + d, in, sizeof(int16_t) * (n - d));
    std::memcpy(history, in + n - d, sizeof(int16_t) * d);
  } else {
    std::memcpy(out, history, sizeof(int16_t) * n);
    std::memmove(history, history + n, sizeof(int16_t) * (d - n));
    std::memcpy(history + d - n, in, sizeof(int16_t) * n);
  }
}

TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  OpData& data = *static_cast<OpData*>(node->user_data);
  const int16_t* input =
      micro::GetTensorData<int16_t>(micro::GetEvalInput(context, node, 0));
  int16_t* output =
      micro::GetTensorData<int16_t>(micro::GetEvalOutput(context, node, 0));
  const int n = data.frame_length;
  for (int r = 0; r < data.rows; ++r) {
    if (data.delay == 0) {
      std::memmove(output + r * n, input + r * n, sizeof(int16_t) * n);
    } else {
      DelayRow(input + r * n, n, data.history + r * data.delay, data.delay,
               output + r * n);
    }
  }
  return kTfLiteOk;
}

}  // namespace

TfLiteRegistration* Register_DELAY() {
  static TfLiteRegistration registration =
      micro::RegisterOp(Init, Prepare, Eval, /*free=*/nullptr,
                        ResetWith<OpData, ResetState>);
  return &registration;
}

}  // namespace signal_ops
}  // namespace tflite
