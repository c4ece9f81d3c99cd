// AFFINE_CLIP, a custom op written the way TFLM's guide writes one:
//   output = min(max(input * scale + offset, lower), upper)
// for float32 and int8 (int8 computed through the tensors' quantization).
// Its options are a flexbuffer map {"lower": float, "offset": float,
// "scale": float, "upper": float}, read with FlexbufferWrapper.
#ifndef EXAMPLES_TFLM_STYLE_OP_AFFINE_CLIP_H_
#define EXAMPLES_TFLM_STYLE_OP_AFFINE_CLIP_H_

#include "tensorflow/lite/c/common.h"
#include "tensorflow/lite/micro/micro_common.h"

namespace tflm_style_op {

// Registered as resolver.AddCustom("AFFINE_CLIP", Register_AFFINE_CLIP()).
TFLMRegistration* Register_AFFINE_CLIP();

}  // namespace tflm_style_op

#endif  // EXAMPLES_TFLM_STYLE_OP_AFFINE_CLIP_H_
