// TransformLandmarks: MediaPipe's affine transform of landmarks by a 4x4
// matrix (see mediapipe/src/transform_landmarks.h). MediaPipe has two
// versions under this name, told apart here by the landmarks' rank:
//   version 2: landmarks float32 [1, N, D] (D = 2 or 3), no options;
//   version 1: landmarks float32 [1, H, W, C], C a multiple of the option
//     "dimensions" (2 or 3); the option "scale" (float, not 0, default 1)
//     multiplies the matrix's translation.
// Second input: the matrix, float32 with 16 values (row-major 4x4, e.g.
// [1, 4, 4]). Output: the landmarks' shape.
#include <cstdint>

#include "flatbuffers/flexbuffers.h"
#include "mediapipe/micro/kernels/mediapipe_kernel_util.h"
#include "mediapipe/micro/kernels/mediapipe_ops.h"
#include "mediapipe/src/transform_landmarks.h"
#include "tensorflow/lite/kernels/internal/tensor_ctypes.h"
#include "tensorflow/lite/kernels/kernel_util.h"
#include "tensorflow/lite/micro/flexbuffer_options.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace mediapipe_ops {
namespace {

constexpr char kOp[] = "TransformLandmarks";

struct OpData {
  const uint8_t* options;
  size_t options_length;
  int count;
  int dimensions;
  float scale;
};

void* Init(TfLiteContext* context, const char* buffer, size_t length) {
  return InitOpData<OpData>(context, buffer, length);
}

// Version 1's options: {"dimensions": 2 or 3, "scale": float != 0}.
bool ReadVersion1Options(OpData* data) {
  if (!IsFlexbufferMap(data->options, data->options_length)) {
    MicroPrintf("%s: version 1 (4-D landmarks) needs custom options, a "
                "flexbuffer map with 'dimensions' and 'scale'",
                kOp);
    return false;
  }
  const flexbuffers::Map map =
      flexbuffers::GetRoot(data->options, data->options_length).AsMap();
  const flexbuffers::Reference dimensions = map["dimensions"];
  const flexbuffers::Reference scale = map["scale"];
  if (!dimensions.IsIntOrUint() ||
      (dimensions.AsInt64() != 2 && dimensions.AsInt64() != 3)) {
    MicroPrintf("%s: option 'dimensions' must be 2 or 3", kOp);
    return false;
  }
  data->dimensions = static_cast<int>(dimensions.AsInt64());
  data->scale = 1.0f;
  if (!scale.IsNull()) {
    if (!scale.IsNumeric() || scale.AsFloat() == 0.0f) {
      MicroPrintf("%s: option 'scale' must be a nonzero number", kOp);
      return false;
    }
    data->scale = scale.AsFloat();
  }
  return true;
}

TfLiteStatus Prepare(TfLiteContext* context, TfLiteNode* node) {
  OpData* data = static_cast<OpData*>(node->user_data);
  TF_LITE_ENSURE(context, data != nullptr);
  if (!CheckCounts(kOp, node, 2, 1)) return kTfLiteError;
  TempTensors t(context, node);
  TfLiteTensor* landmarks = t.Input(0);
  TfLiteTensor* matrix = t.Input(1);
  TfLiteTensor* output = t.Output(0);
  if (!CheckFloatTensor(kOp, landmarks, "landmarks", -1) ||
      !CheckFloatTensor(kOp, matrix, "matrix", -1) ||
      !CheckFloatTensor(kOp, output, "output", -1)) {
    return kTfLiteError;
  }
  const int rank = landmarks->dims->size;
  const int* dims = landmarks->dims->data;
  char text[64];
  if ((rank != 3 && rank != 4) || dims[0] != 1) {
    MicroPrintf("%s: landmarks must be [1, N, D] (version 2) or [1, H, W, "
                "C] (version 1), got %s",
                kOp, micro::FormatShape(landmarks->dims, text, sizeof(text)));
    return kTfLiteError;
  }
  if (NumElements(matrix) != 16) {
    MicroPrintf("%s: the matrix must hold 16 values (4x4), got shape %s",
                kOp, micro::FormatShape(matrix->dims, text, sizeof(text)));
    return kTfLiteError;
  }
  const int last = dims[rank - 1];
  if (rank == 3) {
    data->dimensions = last;
    data->scale = 1.0f;
    if (last != 2 && last != 3) {
      MicroPrintf("%s: landmarks must have 2 or 3 coordinates, got shape %s",
                  kOp, micro::FormatShape(landmarks->dims, text,
                                          sizeof(text)));
      return kTfLiteError;
    }
  } else {
    if (!ReadVersion1Options(data)) return kTfLiteError;
    if (last % data->dimensions != 0) {
      MicroPrintf("%s: the landmarks' last dimension %d is not a multiple "
                  "of 'dimensions' %d",
                  kOp, last, data->dimensions);
      return kTfLiteError;
    }
  }
  data->count = NumElements(landmarks) / data->dimensions;
  return micro::SetOutputShape(context, output, GetTensorShape(landmarks));
}

TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  const OpData& data = *static_cast<const OpData*>(node->user_data);
  TransformLandmarks(
      micro::GetTensorData<float>(micro::GetEvalInput(context, node, 0)),
      data.count, data.dimensions,
      micro::GetTensorData<float>(micro::GetEvalInput(context, node, 1)),
      data.scale,
      micro::GetTensorData<float>(micro::GetEvalOutput(context, node, 0)));
  return kTfLiteOk;
}

}  // namespace

TfLiteRegistration* Register_TRANSFORM_LANDMARKS() {
  static TfLiteRegistration registration =
      micro::RegisterOp(Init, Prepare, Eval);
  return &registration;
}

}  // namespace mediapipe_ops
}  // namespace tflite
