// Landmarks2TransformMatrix: MediaPipe's crop matrix from face landmarks
// (version 2; see mediapipe/src/landmarks_to_transform_matrix.h). Input
// float32 [1, N, 3]; output float32 [1, 4, 4]. Options (flexbuffer map):
// subset_idxs (a vector of landmark indices, nonempty), left_rotation_idx,
// right_rotation_idx, target_rotation_radians (float), output_height,
// output_width (> 0), scale_x, scale_y (> 0). Indices must be < N (MediaPipe
// reads past the landmarks otherwise). MediaPipe's version 1 (4-D input,
// options input_hw, output_hw, landmarks_range, ...) is not supported.
#include <cstdint>

#include "flatbuffers/flexbuffers.h"
#include "mediapipe/micro/kernels/mediapipe_kernel_util.h"
#include "mediapipe/micro/kernels/mediapipe_ops.h"
#include "mediapipe/src/landmarks_to_transform_matrix.h"
#include "tensorflow/lite/kernels/internal/tensor_ctypes.h"
#include "tensorflow/lite/kernels/kernel_util.h"
#include "tensorflow/lite/micro/flexbuffer_options.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace mediapipe_ops {
namespace {

constexpr char kOp[] = "Landmarks2TransformMatrix";
constexpr int kMaxSubset = 1 << 16;

struct OpData {
  const uint8_t* options;
  size_t options_length;
  LandmarksToMatrixParams params;
};

void* Init(TfLiteContext* context, const char* buffer, size_t length) {
  return InitOpData<OpData>(context, buffer, length);
}

// An integer option in [min, max].
bool ReadInt(const flexbuffers::Map& map, const char* key, int64_t min,
             int64_t max, int* value) {
  const flexbuffers::Reference ref = map[key];
  if (!ref.IsIntOrUint() || ref.AsInt64() < min || ref.AsInt64() > max) {
    MicroPrintf("%s: option '%s' must be an integer in [%lld, %lld]", kOp,
                key, static_cast<long long>(min), static_cast<long long>(max));
    return false;
  }
  *value = static_cast<int>(ref.AsInt64());
  return true;
}

// A number option; positive if `positive`.
bool ReadFloat(const flexbuffers::Map& map, const char* key, bool positive,
               float* value) {
  const flexbuffers::Reference ref = map[key];
  if (!ref.IsNumeric() || (positive && !(ref.AsFloat() > 0.0f))) {
    MicroPrintf("%s: option '%s' must be a%s number", kOp, key,
                positive ? " positive" : "");
    return false;
  }
  *value = ref.AsFloat();
  return true;
}

template <typename Vector>
bool ReadSubset(TfLiteContext* context, const Vector& vector, int landmarks,
                LandmarksToMatrixParams* p) {
  const int count = static_cast<int>(vector.size());
  if (count < 1 || count > kMaxSubset) {
    MicroPrintf("%s: option 'subset_idxs' must hold 1 to %d indices, got %d",
                kOp, kMaxSubset, count);
    return false;
  }
  int* subset = static_cast<int*>(
      context->AllocatePersistentBuffer(context, sizeof(int) * count));
  if (subset == nullptr) return false;
  for (int i = 0; i < count; ++i) {
    const flexbuffers::Reference ref = vector[i];
    if (!ref.IsIntOrUint() || ref.AsInt64() < 0 ||
        ref.AsInt64() >= landmarks) {
      MicroPrintf("%s: subset_idxs[%d] must be a landmark index in [0, %d)",
                  kOp, i, landmarks);
      return false;
    }
    subset[i] = static_cast<int>(ref.AsInt64());
  }
  p->subset = subset;
  p->subset_count = count;
  return true;
}

bool ReadOptions(TfLiteContext* context, const OpData& data, int landmarks,
                 LandmarksToMatrixParams* p) {
  if (!IsFlexbufferMap(data.options, data.options_length)) {
    MicroPrintf("%s: the custom options must be a flexbuffer map", kOp);
    return false;
  }
  const flexbuffers::Map map =
      flexbuffers::GetRoot(data.options, data.options_length).AsMap();
  const flexbuffers::Reference subset = map["subset_idxs"];
  bool ok;
  if (subset.IsTypedVector()) {
    ok = ReadSubset(context, subset.AsTypedVector(), landmarks, p);
  } else if (subset.IsVector()) {
    ok = ReadSubset(context, subset.AsVector(), landmarks, p);
  } else {
    MicroPrintf("%s: option 'subset_idxs' must be a vector of indices", kOp);
    ok = false;
  }
  return ok &&
         ReadInt(map, "left_rotation_idx", 0, landmarks - 1,
                 &p->left_rotation_idx) &&
         ReadInt(map, "right_rotation_idx", 0, landmarks - 1,
                 &p->right_rotation_idx) &&
         ReadFloat(map, "target_rotation_radians", false,
                   &p->target_rotation_radians) &&
         ReadInt(map, "output_height", 1, 1 << 24, &p->output_height) &&
         ReadInt(map, "output_width", 1, 1 << 24, &p->output_width) &&
         ReadFloat(map, "scale_x", true, &p->scale_x) &&
         ReadFloat(map, "scale_y", true, &p->scale_y);
}

TfLiteStatus Prepare(TfLiteContext* context, TfLiteNode* node) {
  OpData* data = static_cast<OpData*>(node->user_data);
  TF_LITE_ENSURE(context, data != nullptr);
  if (!CheckCounts(kOp, node, 1, 1)) return kTfLiteError;
  TempTensors t(context, node);
  TfLiteTensor* landmarks = t.Input(0);
  TfLiteTensor* output = t.Output(0);
  if (!CheckFloatTensor(kOp, landmarks, "landmarks", -1) ||
      !CheckFloatTensor(kOp, output, "output", -1)) {
    return kTfLiteError;
  }
  const TfLiteIntArray* dims = landmarks->dims;
  if (dims->size != 3 || dims->data[0] != 1 || dims->data[2] != 3) {
    char text[64];
    MicroPrintf("%s: landmarks must be [1, N, 3] (MediaPipe's version 2; "
                "version 1's 4-D input is not supported), got %s",
                kOp, micro::FormatShape(dims, text, sizeof(text)));
    return kTfLiteError;
  }
  if (!ReadOptions(context, *data, dims->data[1], &data->params)) {
    return kTfLiteError;
  }
  const int32_t shape[3] = {1, 4, 4};
  return micro::SetOutputShape(context, output, RuntimeShape(3, shape));
}

TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  const OpData& data = *static_cast<const OpData*>(node->user_data);
  LandmarksToTransformMatrix(
      data.params,
      micro::GetTensorData<float>(micro::GetEvalInput(context, node, 0)),
      micro::GetTensorData<float>(micro::GetEvalOutput(context, node, 0)));
  return kTfLiteOk;
}

}  // namespace

TfLiteRegistration* Register_LANDMARKS_TO_TRANSFORM_MATRIX() {
  static TfLiteRegistration registration =
      micro::RegisterOp(Init, Prepare, Eval);
  return &registration;
}

}  // namespace mediapipe_ops
}  // namespace tflite
