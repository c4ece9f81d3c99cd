// Registers AFFINE_CLIP with the Python/Java runtimes' resolver (C++ programs
// call resolver.AddCustom("AFFINE_CLIP", Register_AFFINE_CLIP()) instead).
#ifndef EXAMPLES_TFLM_STYLE_OP_AFFINE_CLIP_REGISTERER_H_
#define EXAMPLES_TFLM_STYLE_OP_AFFINE_CLIP_REGISTERER_H_

#include "python/tflite_micro/python_ops_resolver.h"

extern "C" bool AffineClipRegisterer(tflite::PythonOpsResolver* resolver);

#endif  // EXAMPLES_TFLM_STYLE_OP_AFFINE_CLIP_REGISTERER_H_
