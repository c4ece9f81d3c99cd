"""AFFINE_CLIP models built with model_builder, and the op's results by numpy.

    affine_clip_model <output dir>

writes, for the C++ and Java tests, one model per type and its test vectors
(raw little-endian arrays):

  affine_clip_float.tflite  float32 [2, 8] -> float32 [2, 8]
  affine_clip_float.input   the input fed to it
  affine_clip_float.expected  what AFFINE_CLIP must output (numpy)
  affine_clip_int8.tflite   int8 [16, 16] -> int8 [16, 16], every int8 value
  affine_clip_int8.input, affine_clip_int8.expected
"""

import os
import sys

from flatbuffers import flexbuffers
import numpy as np

from tflite_micro.python.tflite_micro import model_builder

# The op's options, shared by both models: y = min(max(x * 1.5 - 0.25, -1), 2).
OPTIONS = {"scale": 1.5, "offset": -0.25, "lower": -1.0, "upper": 2.0}
# int8 model: input and output quantization (scale, zero point).
INT8_INPUT = (0.05, 3)
INT8_OUTPUT = (0.02, -10)


def affine_clip_model(dtype, shape, options=None, input_quant=None,
                      output_quant=None):
  """A model of one AFFINE_CLIP whose options are a flexbuffer map."""
  options = OPTIONS if options is None else options
  b = model_builder.ModelBuilder(description="AFFINE_CLIP example")
  in_q = {} if input_quant is None else dict(scale=input_quant[0],
                                             zero_point=input_quant[1])
  out_q = {} if output_quant is None else dict(scale=output_quant[0],
                                               zero_point=output_quant[1])
  x = b.add_input(list(shape), dtype, name="x", **in_q)
  y = b.add_tensor(list(shape), dtype, name="y", **out_q)
  b.add_custom_operator("AFFINE_CLIP", [x], [y],
                        custom_options=flexbuffers.Dumps(
                            {k: float(v) for k, v in options.items()}))
  b.add_output(y)
  return b.build()


def float_reference(x, options=None):
  """The op on float32, in float32 steps (multiply, add, clip)."""
  o = OPTIONS if options is None else options
  f32 = np.float32
  y = x.astype(f32) * f32(o["scale"]) + f32(o["offset"])
  return np.minimum(np.maximum(y, f32(o["lower"])), f32(o["upper"]))


def int8_reference(q, input_quant=INT8_INPUT, output_quant=INT8_OUTPUT,
                   options=None):
  """Dequantize, apply the op in float32, requantize (ties away from zero)."""
  f32 = np.float32
  x = (q.astype(np.int32) - input_quant[1]).astype(f32) * f32(input_quant[0])
  # y / scale in float32, as the kernel divides; then rounded in float64,
  # where |v| + 0.5 is exact.
  v = (float_reference(x, options) / f32(output_quant[0])).astype(np.float64)
  rounded = np.sign(v) * np.floor(np.abs(v) + 0.5)
  return np.clip(rounded.astype(np.int64) + output_quant[1], -128,
                 127).astype(np.int8)


def float_input():
  return np.random.default_rng(18).uniform(-3, 3, (2, 8)).astype(np.float32)


def int8_input():
  return np.arange(-128, 128, dtype=np.int8).reshape(16, 16)


def write_all(out_dir):
  os.makedirs(out_dir, exist_ok=True)
  x = float_input()
  q = int8_input()
  files = {
      "affine_clip_float.tflite": affine_clip_model(np.float32, x.shape),
      "affine_clip_float.input": x.astype("<f4").tobytes(),
      "affine_clip_float.expected": float_reference(x).astype("<f4").tobytes(),
      "affine_clip_int8.tflite": affine_clip_model(
          np.int8, q.shape, input_quant=INT8_INPUT, output_quant=INT8_OUTPUT),
      "affine_clip_int8.input": q.tobytes(),
      "affine_clip_int8.expected": int8_reference(q).tobytes(),
  }
  for name, data in files.items():
    with open(os.path.join(out_dir, name), "wb") as f:
      f.write(data)


if __name__ == "__main__":
  if len(sys.argv) != 2:
    sys.exit(__doc__)
  write_all(sys.argv[1])
