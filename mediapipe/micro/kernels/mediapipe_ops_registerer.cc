#include "mediapipe/micro/kernels/mediapipe_ops.h"

extern "C" bool MediapipeOpsRegisterer(tflite::ExtensibleOpResolver* resolver) {
  return resolver->AddCustom(
             "Convolution2DTransposeBias",
             tflite::mediapipe_ops::Register_CONVOLUTION_2D_TRANSPOSE_BIAS()) ==
         kTfLiteOk;
}
