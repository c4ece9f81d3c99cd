// TransformTensorBilinear: MediaPipe's affine resampling of an image by a
// 4x4 matrix (version 2; see mediapipe/src/transform_tensor_bilinear.h).
// Inputs: float32 [1, H, W, C] and the matrix (16 float32 values, e.g.
// [1, 4, 4]); output float32 [1, OH, OW, C], its size as the model gives it
// (the op has no options).
#include "mediapipe/micro/kernels/mediapipe_kernel_util.h"
#include "mediapipe/micro/kernels/mediapipe_ops.h"
#include "mediapipe/src/transform_tensor_bilinear.h"
#include "tensorflow/lite/kernels/internal/tensor_ctypes.h"
#include "tensorflow/lite/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace mediapipe_ops {
namespace {

constexpr char kOp[] = "TransformTensorBilinear";

struct OpData {
  const uint8_t* options;
  size_t options_length;
  int input_height, input_width, channels;
  int output_height, output_width;
};

void* Init(TfLiteContext* context, const char* buffer, size_t length) {
  return InitOpData<OpData>(context, buffer, length);
}

TfLiteStatus Prepare(TfLiteContext* context, TfLiteNode* node) {
  OpData* data = static_cast<OpData*>(node->user_data);
  TF_LITE_ENSURE(context, data != nullptr);
  if (!CheckCounts(kOp, node, 2, 1)) return kTfLiteError;
  TempTensors t(context, node);
  TfLiteTensor* input = t.Input(0);
  TfLiteTensor* matrix = t.Input(1);
  TfLiteTensor* output = t.Output(0);
  if (!CheckFloatTensor(kOp, input, "input", 4) ||
      !CheckFloatTensor(kOp, matrix, "matrix", -1) ||
      !CheckFloatTensor(kOp, output, "output", 4)) {
    return kTfLiteError;
  }
  char a[64], b[64];
  if (input->dims->data[0] != 1 || output->dims->data[0] != 1 ||
      input->dims->data[3] != output->dims->data[3]) {
    MicroPrintf("%s: input [1, H, W, C] and output [1, OH, OW, C] expected, "
                "got %s and %s",
                kOp, micro::FormatShape(input->dims, a, sizeof(a)),
                micro::FormatShape(output->dims, b, sizeof(b)));
    return kTfLiteError;
  }
  if (NumElements(matrix) != 16) {
    MicroPrintf("%s: the matrix must hold 16 values (4x4), got shape %s",
                kOp, micro::FormatShape(matrix->dims, a, sizeof(a)));
    return kTfLiteError;
  }
  data->input_height = input->dims->data[1];
  data->input_width = input->dims->data[2];
  data->channels = input->dims->data[3];
  data->output_height = output->dims->data[1];
  data->output_width = output->dims->data[2];
  return kTfLiteOk;
}

TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  const OpData& d = *static_cast<const OpData*>(node->user_data);
  TransformTensorBilinear(
      micro::GetTensorData<float>(micro::GetEvalInput(context, node, 0)),
      d.input_height, d.input_width, d.channels,
      micro::GetTensorData<float>(micro::GetEvalInput(context, node, 1)),
      d.output_height, d.output_width,
      micro::GetTensorData<float>(micro::GetEvalOutput(context, node, 0)));
  return kTfLiteOk;
}

}  // namespace

TfLiteRegistration* Register_TRANSFORM_TENSOR_BILINEAR() {
  static TfLiteRegistration registration =
      micro::RegisterOp(Init, Prepare, Eval);
  return &registration;
}

}  // namespace mediapipe_ops
}  // namespace tflite
