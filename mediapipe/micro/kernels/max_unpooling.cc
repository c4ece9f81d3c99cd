// MaxUnpooling2D: MediaPipe's inverse of MaxPoolingWithArgmax2D (see
// mediapipe/src/max_unpooling.h). Inputs float32 [N, H, W, C] (values) and
// the same shape (window indices); output float32 [N, H * filter_height,
// W * filter_width, C], as MediaPipe sizes it (whatever the strides).
// Options: TfLitePoolParams, raw (mediapipe_kernel_util.h); padding and
// activation are not used (MediaPipe ignores them too).
#include "mediapipe/micro/kernels/mediapipe_kernel_util.h"
#include "mediapipe/micro/kernels/mediapipe_ops.h"
#include "mediapipe/src/max_unpooling.h"
#include "tensorflow/lite/kernels/internal/tensor_ctypes.h"
#include "tensorflow/lite/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace mediapipe_ops {
namespace {

constexpr char kOp[] = "MaxUnpooling2D";

struct OpData {
  const uint8_t* options;
  size_t options_length;
  PoolingGeometry geometry;
};

void* Init(TfLiteContext* context, const char* buffer, size_t length) {
  return InitOpData<OpData>(context, buffer, length);
}

TfLiteStatus Prepare(TfLiteContext* context, TfLiteNode* node) {
  OpData* data = static_cast<OpData*>(node->user_data);
  TF_LITE_ENSURE(context, data != nullptr);
  PoolOptions pool;
  if (!ReadPoolOptions(kOp, data->options, data->options_length, &pool) ||
      !CheckCounts(kOp, node, 2, 1)) {
    return kTfLiteError;
  }
  TempTensors t(context, node);
  TfLiteTensor* input = t.Input(0);
  TfLiteTensor* indices = t.Input(1);
  TfLiteTensor* output = t.Output(0);
  if (!CheckFloatTensor(kOp, input, "input", 4) ||
      !CheckFloatTensor(kOp, indices, "indices", 4) ||
      !CheckFloatTensor(kOp, output, "output", -1)) {
    return kTfLiteError;
  }
  for (int d = 0; d < 4; ++d) {
    if (indices->dims->data[d] != input->dims->data[d]) {
      char a[64], b[64];
      MicroPrintf("%s: the indices' shape %s must equal the input's %s", kOp,
                  micro::FormatShape(indices->dims, a, sizeof(a)),
                  micro::FormatShape(input->dims, b, sizeof(b)));
      return kTfLiteError;
    }
  }
  PoolingGeometry& g = data->geometry;
  g.batches = input->dims->data[0];
  g.pooled_height = input->dims->data[1];
  g.pooled_width = input->dims->data[2];
  g.depth = input->dims->data[3];
  g.filter_height = pool.filter_height;
  g.filter_width = pool.filter_width;
  g.stride_height = pool.stride_height;
  g.stride_width = pool.stride_width;
  const int64_t full_height =
      static_cast<int64_t>(g.pooled_height) * g.filter_height;
  const int64_t full_width =
      static_cast<int64_t>(g.pooled_width) * g.filter_width;
  if (full_height > (1 << 24) || full_width > (1 << 24)) {
    MicroPrintf("%s: the output would be %lld x %lld; too large", kOp,
                static_cast<long long>(full_height),
                static_cast<long long>(full_width));
    return kTfLiteError;
  }
  g.full_height = static_cast<int>(full_height);
  g.full_width = static_cast<int>(full_width);
  g.pad_top = PoolingPadding(g.stride_height, g.full_height, g.filter_height,
                             g.pooled_height);
  g.pad_left = PoolingPadding(g.stride_width, g.full_width, g.filter_width,
                              g.pooled_width);
  const int32_t shape[4] = {g.batches, g.full_height, g.full_width, g.depth};
  return micro::SetOutputShape(context, output, RuntimeShape(4, shape));
}

TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  const OpData& data = *static_cast<const OpData*>(node->user_data);
  MaxUnpool(data.geometry,
            micro::GetTensorData<float>(micro::GetEvalInput(context, node, 0)),
            micro::GetTensorData<float>(micro::GetEvalInput(context, node, 1)),
            micro::GetTensorData<float>(micro::GetEvalOutput(context, node, 0)));
  return kTfLiteOk;
}

}  // namespace

TfLiteRegistration* Register_MAX_UNPOOLING_2D() {
  static TfLiteRegistration registration =
      micro::RegisterOp(Init, Prepare, Eval);
  return &registration;
}

}  // namespace mediapipe_ops
}  // namespace tflite
