"""Writes custom_op_fuzzer's seed models: one-op models of every signal op
(the golden tests' cases, signal/testing/signal_cases.py) and of every
MediaPipe op (as their tests build them), valid and runnable, so that the
fuzzer's edits of their options start from options the kernels accept.

  bazel run //tensorflow/lite/micro/fuzz:make_custom_op_seeds -- \
      $PWD/tensorflow/lite/micro/fuzz/custom_op_seeds
"""

import hashlib
import os
import struct
import sys

from flatbuffers import flexbuffers
import numpy as np

from tflite_micro.python.tflite_micro import model_builder
from tflite_micro.signal.testing import signal_cases

SAME, VALID = 1, 2
f32 = np.float32


def one_op(op, inputs, outputs, options):
  """inputs: ("input", shape) or ("const", array); outputs: float32 shapes."""
  b = model_builder.ModelBuilder()
  ids = [b.add_input(list(spec[1]), f32) if spec[0] == "input" else
         b.add_constant(spec[1]) for spec in inputs]
  outs = [b.add_tensor(list(shape), f32) for shape in outputs]
  b.add_custom_operator(op, ids, outs, custom_options=options)
  for o in outs:
    b.add_output(o)
  return b.build()


def pool_options(padding, stride, filt):
  """TfLitePoolParams as raw bytes (with its computed-padding tail)."""
  return struct.pack("<10i", padding, stride, stride, filt, filt, 0, 0, 0, 0,
                     0)


def mediapipe_models():
  rng = np.random.default_rng(21)
  weights = rng.standard_normal((2, 3, 3, 4)).astype(f32)
  bias = rng.standard_normal(2).astype(f32)
  for padding, out in ((SAME, 8), (VALID, 9)):
    yield one_op("Convolution2DTransposeBias",
                 [("input", (1, 4, 4, 4)), ("const", weights),
                  ("const", bias)], [(1, out, out, 2)],
                 struct.pack("<iii", padding, 2, 2))
  for padding in (SAME, VALID):
    yield one_op("MaxPoolingWithArgmax2D", [("input", (1, 8, 8, 2))],
                 [(1, 4, 4, 2), (1, 4, 4, 2)], pool_options(padding, 2, 2))
  yield one_op("MaxUnpooling2D",
               [("input", (1, 4, 4, 2)), ("input", (1, 4, 4, 2))],
               [(1, 8, 8, 2)], pool_options(SAME, 2, 2))
  # Pooling and unpooling chained, as in the segmentation models.
  b = model_builder.ModelBuilder()
  x = b.add_input([1, 8, 8, 2], f32)
  values, indices = b.add_tensor([1, 4, 4, 2], f32), b.add_tensor(
      [1, 4, 4, 2], f32)
  y = b.add_tensor([1, 8, 8, 2], f32)
  b.add_custom_operator("MaxPoolingWithArgmax2D", [x], [values, indices],
                        custom_options=pool_options(SAME, 2, 2))
  b.add_custom_operator("MaxUnpooling2D", [values, indices], [y],
                        custom_options=pool_options(SAME, 2, 2))
  b.add_output(y)
  yield b.build()
  yield one_op("TransformLandmarks", [("input", (1, 5, 3)),
                                      ("input", (1, 4, 4))], [(1, 5, 3)], b"")
  yield one_op("TransformLandmarks", [("input", (1, 2, 3, 9)),
                                      ("input", (1, 4, 4))], [(1, 2, 3, 9)],
               flexbuffers.Dumps({"dimensions": 3, "scale": 0.5}))
  yield one_op("TransformTensorBilinear",
               [("input", (1, 8, 8, 3)), ("input", (1, 4, 4))],
               [(1, 4, 4, 3)], b"")
  yield one_op("Landmarks2TransformMatrix", [("input", (1, 10, 3))],
               [(1, 4, 4)],
               flexbuffers.Dumps(dict(
                   subset_idxs=[0, 1, 2, 3, 4], left_rotation_idx=1,
                   right_rotation_idx=3, target_rotation_radians=0.0,
                   output_height=192, output_width=160, scale_x=1.5,
                   scale_y=1.25)))


def main(argv):
  if len(argv) != 2:
    sys.exit("usage: make_custom_op_seeds.py OUTPUT_DIRECTORY")
  out = argv[1]
  os.makedirs(out, exist_ok=True)
  models = [case.model for case in signal_cases.all_cases()]
  models += list(mediapipe_models())
  names = set()
  for model in models:
    name = hashlib.sha1(model).hexdigest() + ".tflite"
    names.add(name)
    with open(os.path.join(out, name), "wb") as f:
      f.write(model)
  print(f"{len(names)} models in {out}")


if __name__ == "__main__":
  main(sys.argv)
