#include "mediapipe/micro/kernels/mediapipe_kernel_util.h"

#include <limits>

#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace mediapipe_ops {

bool CheckCounts(const char* op, const TfLiteNode* node, int inputs,
                 int outputs) {
  const int have_inputs = node->inputs == nullptr ? 0 : node->inputs->size;
  const int have_outputs = node->outputs == nullptr ? 0 : node->outputs->size;
  if (have_inputs != inputs || have_outputs != outputs) {
    MicroPrintf("%s: expects %d input(s) and %d output(s), the node has %d "
                "and %d",
                op, inputs, outputs, have_inputs, have_outputs);
    return false;
  }
  return true;
}

bool CheckFloatTensor(const char* op, const TfLiteTensor* tensor,
                      const char* role, int rank) {
  if (tensor == nullptr) {
    MicroPrintf("%s: %s is missing", op, role);
    return false;
  }
  if (tensor->type != kTfLiteFloat32) {
    MicroPrintf("%s: %s must be FLOAT32 (the only type the op supports), got "
                "%s",
                op, role, TfLiteTypeGetName(tensor->type));
    return false;
  }
  const int have = tensor->dims == nullptr ? 0 : tensor->dims->size;
  if (rank >= 0 && have != rank) {
    MicroPrintf("%s: %s must have rank %d, got rank %d", op, role, rank,
                have);
    return false;
  }
  for (int d = 0; d < have; ++d) {
    if (tensor->dims->data[d] <= 0) {
      MicroPrintf("%s: %s has an empty dimension %d", op, role, d);
      return false;
    }
  }
  return true;
}

bool ReadPoolOptions(const char* op, const uint8_t* options, size_t length,
                     PoolOptions* pool) {
  constexpr size_t kBytes = 6 * sizeof(int32_t);
  if (options == nullptr || length < kBytes) {
    MicroPrintf("%s: custom options must hold TfLitePoolParams {padding, "
                "stride_width, stride_height, filter_width, filter_height, "
                "activation} (%u bytes), got %u bytes",
                op, static_cast<unsigned>(kBytes),
                static_cast<unsigned>(length));
    return false;
  }
  int32_t v[6];
  for (int i = 0; i < 6; ++i) v[i] = ReadLittleEndianInt32(options + 4 * i);
  if (v[0] != 1 && v[0] != 2) {
    MicroPrintf("%s: padding is %d; expected 1 (SAME) or 2 (VALID)", op,
                static_cast<int>(v[0]));
    return false;
  }
  constexpr int32_t kMax = 1 << 12;
  for (int i = 1; i <= 4; ++i) {
    if (v[i] < 1 || v[i] > kMax) {
      MicroPrintf("%s: strides and filter sizes must be in [1, %d], got "
                  "stride %d x %d, filter %d x %d (width x height)",
                  op, static_cast<int>(kMax), static_cast<int>(v[1]),
                  static_cast<int>(v[2]), static_cast<int>(v[3]),
                  static_cast<int>(v[4]));
      return false;
    }
  }
  pool->same_padding = v[0] == 1;
  pool->stride_width = static_cast<int>(v[1]);
  pool->stride_height = static_cast<int>(v[2]);
  pool->filter_width = static_cast<int>(v[3]);
  pool->filter_height = static_cast<int>(v[4]);
  switch (v[5]) {
    case 0:
      pool->activation_min = std::numeric_limits<float>::lowest();
      pool->activation_max = std::numeric_limits<float>::max();
      break;
    case 1:
      pool->activation_min = 0.0f;
      pool->activation_max = std::numeric_limits<float>::max();
      break;
    case 2:
      pool->activation_min = -1.0f;
      pool->activation_max = 1.0f;
      break;
    case 3:
      pool->activation_min = 0.0f;
      pool->activation_max = 6.0f;
      break;
    default:
      MicroPrintf("%s: activation %d is not supported (0 none, 1 RELU, 2 "
                  "RELU_N1_TO_1, 3 RELU6)",
                  op, static_cast<int>(v[5]));
      return false;
  }
  return true;
}

}  // namespace mediapipe_ops
}  // namespace tflite
