// MediaPipe's custom ops. Register_* returns the kernel for
// MicroMutableOpResolver::AddCustom under the name in the comment;
// MediapipeOpsRegisterer adds them all to the Python/Java runtimes'
// resolver.
//
// Convolution2DTransposeBias (MediaPipe's segmentation models):
//   inputs: input float32 [N, H, W, C], weights float32 [O, KH, KW, C],
//           bias float32 [O]
//   output: float32 [N, OH, OW, O] (OH = stride_h * (H - 1) + KH - padding)
//   custom options: the raw bytes of TFLite's TfLiteTransposeConvParams
//           {int32 padding (1 = SAME, 2 = VALID), int32 stride_width,
//           int32 stride_height}, little-endian (12 bytes; longer structs
//           from newer converters are read by their first 12 bytes).
//
// MaxPoolingWithArgmax2D / MaxUnpooling2D (segmentation models; options:
//   raw TfLitePoolParams):
//   float32 [N, H, W, C] -> values and window indices [N, OH, OW, C];
//   values + indices [N, H, W, C] -> [N, H * filter_h, W * filter_w, C]
// TransformLandmarks: landmarks [1, N, D] (or version 1's [1, H, W, C]) x
//   matrix [1, 4, 4] -> the landmarks' shape
// TransformTensorBilinear: image [1, H, W, C] x matrix [1, 4, 4] ->
//   [1, OH, OW, C] (the model's output size)
// Landmarks2TransformMatrix: landmarks [1, N, 3] -> matrix [1, 4, 4]
#ifndef MEDIAPIPE_MICRO_KERNELS_MEDIAPIPE_OPS_H_
#define MEDIAPIPE_MICRO_KERNELS_MEDIAPIPE_OPS_H_

#include "tensorflow/lite/micro/extensible_op_resolver.h"
#include "tensorflow/lite/core/c/common.h"

namespace tflite {
namespace mediapipe_ops {

// "Convolution2DTransposeBias"
TfLiteRegistration* Register_CONVOLUTION_2D_TRANSPOSE_BIAS();
TfLiteRegistration* Register_MAX_POOLING_WITH_ARGMAX_2D();  // "MaxPoolingWithArgmax2D"
TfLiteRegistration* Register_MAX_UNPOOLING_2D();            // "MaxUnpooling2D"
TfLiteRegistration* Register_TRANSFORM_LANDMARKS();         // "TransformLandmarks"
// "TransformTensorBilinear"
TfLiteRegistration* Register_TRANSFORM_TENSOR_BILINEAR();
// "Landmarks2TransformMatrix"
TfLiteRegistration* Register_LANDMARKS_TO_TRANSFORM_MATRIX();

}  // namespace mediapipe_ops
}  // namespace tflite

extern "C" bool MediapipeOpsRegisterer(tflite::ExtensibleOpResolver* resolver);

#endif  // MEDIAPIPE_MICRO_KERNELS_MEDIAPIPE_OPS_H_
