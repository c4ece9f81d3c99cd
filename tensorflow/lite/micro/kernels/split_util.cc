#include "tensorflow/lite/micro/kernels/split_util.h"

#include "tensorflow/lite/kernels/internal/reference/split.h"

namespace tflite {
namespace micro {

TfLiteStatus SplitIntoOutputs(TfLiteContext* context, TfLiteNode* node,
                              const TfLiteEvalTensor* input, int axis,
                              bool drop_axis) {
  const RuntimeShape input_shape = GetTensorShape(input);
  const int element = static_cast<int>(TfLiteTypeGetSize(input->type));
  const int outer = OuterSize(input_shape, axis);
  const int inner = InnerSize(input_shape, axis) * element;
  const int input_row = input_shape.Dims(axis) * inner;
  int offset = 0;
  for (int i = 0; i < NumOutputs(node); ++i) {
    TfLiteEvalTensor* output = GetEvalOutput(context, node, i);
    const int output_row = (drop_axis ? 1 : output->dims->data[axis]) * inner;
    reference_ops::SplitCopyOutput(outer, input_row, output_row, offset,
                                   GetTensorData<uint8_t>(input),
                                   GetTensorData<uint8_t>(output));
    offset += output_row;
  }
  return kTfLiteOk;
}

}  // namespace micro
}  // namespace tflite
