// MaxPoolingWithArgmax2D: MediaPipe's max pooling that also outputs each
// maximum's position in its window (see mediapipe/src/max_pool_argmax.h).
// Input float32 [N, H, W, C]; outputs float32 [N, OH, OW, C] (values and
// indices), OH = ceil(H / stride) for SAME, (H - filter + stride) / stride
// for VALID. Options: TfLitePoolParams, raw (mediapipe_kernel_util.h).
#include "mediapipe/micro/kernels/mediapipe_kernel_util.h"
#include "mediapipe/micro/kernels/mediapipe_ops.h"
#include "mediapipe/src/max_pool_argmax.h"
#include "tensorflow/lite/kernels/internal/tensor_ctypes.h"
#include "tensorflow/lite/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace mediapipe_ops {
namespace {

constexpr char kOp[] = "MaxPoolingWithArgmax2D";

struct OpData {
  const uint8_t* options;
  size_t options_length;
  PoolingGeometry geometry;
  float activation_min, activation_max;
};

void* Init(TfLiteContext* context, const char* buffer, size_t length) {
  return InitOpData<OpData>(context, buffer, length);
}

int PooledSize(bool same, int full, int filter, int stride) {
  return same ? (full + stride - 1) / stride : (full - filter + stride) / stride;
}

TfLiteStatus Prepare(TfLiteContext* context, TfLiteNode* node) {
  OpData* data = static_cast<OpData*>(node->user_data);
  TF_LITE_ENSURE(context, data != nullptr);
  PoolOptions pool;
  if (!ReadPoolOptions(kOp, data->options, data->options_length, &pool) ||
      !CheckCounts(kOp, node, 1, 2)) {
    return kTfLiteError;
  }
  TempTensors t(context, node);
  TfLiteTensor* input = t.Input(0);
  TfLiteTensor* output = t.Output(0);
  TfLiteTensor* indices = t.Output(1);
  if (!CheckFloatTensor(kOp, input, "input", 4) ||
      !CheckFloatTensor(kOp, output, "output", -1) ||
      !CheckFloatTensor(kOp, indices, "indices", -1)) {
    return kTfLiteError;
  }
  PoolingGeometry& g = data->geometry;
  g.batches = input->dims->data[0];
  g.full_height = input->dims->data[1];
  g.full_width = input->dims->data[2];
  g.depth = input->dims->data[3];
  g.filter_height = pool.filter_height;
  g.filter_width = pool.filter_width;
  g.stride_height = pool.stride_height;
  g.stride_width = pool.stride_width;
  g.pooled_height = PooledSize(pool.same_padding, g.full_height,
                               g.filter_height, g.stride_height);
  g.pooled_width = PooledSize(pool.same_padding, g.full_width, g.filter_width,
                              g.stride_width);
  if (g.pooled_height < 1 || g.pooled_width < 1) {
    MicroPrintf("%s: a %d x %d filter does not fit the %d x %d input with "
                "VALID padding",
                kOp, g.filter_height, g.filter_width, g.full_height,
                g.full_width);
    return kTfLiteError;
  }
  g.pad_top = PoolingPadding(g.stride_height, g.full_height, g.filter_height,
                             g.pooled_height);
  g.pad_left = PoolingPadding(g.stride_width, g.full_width, g.filter_width,
                              g.pooled_width);
  data->activation_min = pool.activation_min;
  data->activation_max = pool.activation_max;
  const int32_t shape[4] = {g.batches, g.pooled_height, g.pooled_width,
                            g.depth};
  TF_LITE_ENSURE_OK(context, micro::SetOutputShape(context, output,
                                                   RuntimeShape(4, shape)));
  return micro::SetOutputShape(context, indices, RuntimeShape(4, shape));
}

TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  const OpData& data = *static_cast<const OpData*>(node->user_data);
  MaxPoolWithArgmax(
      data.geometry, data.activation_min, data.activation_max,
      micro::GetTensorData<float>(micro::GetEvalInput(context, node, 0)),
      micro::GetTensorData<float>(micro::GetEvalOutput(context, node, 0)),
      micro::GetTensorData<float>(micro::GetEvalOutput(context, node, 1)));
  return kTfLiteOk;
}

}  // namespace

TfLiteRegistration* Register_MAX_POOLING_WITH_ARGMAX_2D() {
  static TfLiteRegistration registration =
      micro::RegisterOp(Init, Prepare, Eval);
  return &registration;
}

}  // namespace mediapipe_ops
}  // namespace tflite
