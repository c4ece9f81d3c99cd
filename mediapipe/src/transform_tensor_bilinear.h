// MediaPipe's TransformTensorBilinear (version 2): samples a float32 NHWC
// image (batch 1) at affine-transformed output coordinates. For output
// pixel (x, y) the source point is (M00 x + M01 y + M03', M10 x + M11 y +
// M13') with M the first two rows of a 4x4 row-major matrix and the
// translation corrected for pixel centers: M03' = M03 + 0.5 M00 + 0.5 M01 -
// 0.5 (likewise M13'). Points outside [0, W-1] x [0, H-1] give 0; others
// interpolate the four neighbours (a neighbour past the edge reads 0), the
// weights formed in double as MediaPipe does.
#ifndef MEDIAPIPE_SRC_TRANSFORM_TENSOR_BILINEAR_H_
#define MEDIAPIPE_SRC_TRANSFORM_TENSOR_BILINEAR_H_

namespace tflite {
namespace mediapipe_ops {

void TransformTensorBilinear(const float* input, int input_height,
                             int input_width, int channels,
                             const float* matrix, int output_height,
                             int output_width, float* output);

}  // namespace mediapipe_ops
}  // namespace tflite

#endif  // MEDIAPIPE_SRC_TRANSFORM_TENSOR_BILINEAR_H_
