// The seed-style registerer of AFFINE_CLIP: a C symbol the Python and Java
// runtimes look up by name (custom_op_registerers=["AffineClipRegisterer"],
// Interpreter.Options.addCustomOpRegisterer("AffineClipRegisterer")).
#include "examples/tflm_style_op/affine_clip_registerer.h"

#include "examples/tflm_style_op/affine_clip.h"

extern "C" bool AffineClipRegisterer(tflite::PythonOpsResolver* resolver) {
  return resolver->AddCustom("AFFINE_CLIP",
                             tflm_style_op::Register_AFFINE_CLIP()) ==
         kTfLiteOk;
}
