#include "mediapipe/micro/kernels/mediapipe_ops.h"

namespace {

struct Entry {
  const char* name;
  TfLiteRegistration* (*registration)();
};

constexpr Entry kEntries[] = {
    {"Convolution2DTransposeBias",
     tflite::mediapipe_ops::Register_CONVOLUTION_2D_TRANSPOSE_BIAS},
    {"MaxPoolingWithArgmax2D",
     tflite::mediapipe_ops::Register_MAX_POOLING_WITH_ARGMAX_2D},
    {"MaxUnpooling2D", tflite::mediapipe_ops::Register_MAX_UNPOOLING_2D},
    {"TransformLandmarks", tflite::mediapipe_ops::Register_TRANSFORM_LANDMARKS},
    {"TransformTensorBilinear",
     tflite::mediapipe_ops::Register_TRANSFORM_TENSOR_BILINEAR},
    {"Landmarks2TransformMatrix",
     tflite::mediapipe_ops::Register_LANDMARKS_TO_TRANSFORM_MATRIX},
};

}  // namespace

extern "C" bool MediapipeOpsRegisterer(tflite::ExtensibleOpResolver* resolver) {
  for (const Entry& entry : kEntries) {
    if (resolver->AddCustom(entry.name, entry.registration()) != kTfLiteOk) {
      return false;
    }
  }
  return true;
}
