"""Writes the .tflite models the Java tests and example use.

    generate_test_models <output dir>

multi_io.tflite     5 inputs / 7 outputs of every array type the Java API maps
                    (float, int8, int32, int64, int16 in; float, int32, int64,
                    uint8 out), with resizable batch dimensions.
dynamic_fc.tflite   one FULLY_CONNECTED whose input may take any shape, so a
                    resize can make the kernel fail while preparing.
two_operand_fc.tflite  FULLY_CONNECTED(x, w) with both operands as inputs:
                    resizable only together.
scalar.tflite       a rank-0 input and output (RESHAPE).
custom_op.tflite    one custom op "JAVA_TEST_NEGATE", which no builtin
                    resolver knows.
sine_float.tflite,  the hello_world sine regressor, float32 and int8, trained
sine_int8.tflite    by examples/hello_world/sine_model.py.
softmax_chain.tflite  x[16, 64] (resizable rows) through three SOFTMAX: no
                    constants, so its activations need more than 10x its
                    size, and what the preserve options keep shows in the
                    arena.
"""

import os
import sys

import numpy as np

from tflite_micro.examples.hello_world import sine_model
from tflite_micro.python.tflite_micro import model_builder as mb


def multi_io_model():
  b = mb.ModelBuilder(description="Java API test: multiple inputs/outputs")
  features = b.add_input([2, 4], np.float32, name="features",
                         shape_signature=[-1, 4])
  codes = b.add_input([1, 5], np.int8, name="codes", scale=0.5,
                      zero_point=-2)
  ids = b.add_input([2, 3], np.int32, name="ids", shape_signature=[-1, 3])
  wide = b.add_input([3], np.int64, name="wide")
  pcm = b.add_input([4], np.int16, name="pcm", scale=1.0 / 256, zero_point=0)

  weights = b.add_constant(np.array([[1.0, -1.0, 0.5, 0.0],
                                     [0.25, 0.25, 0.25, 0.25],
                                     [-2.0, 0.0, 1.0, 3.0]], np.float32))
  bias = b.add_constant(np.array([0.5, -0.5, 1.0], np.float32))
  scores = b.add_tensor([2, 3], np.float32, name="scores",
                        shape_signature=[-1, 3])
  b.add_operator("FULLY_CONNECTED", [features, weights, bias], [scores])
  probs = b.add_tensor([2, 3], np.float32, name="probs",
                       shape_signature=[-1, 3])
  b.add_operator("SOFTMAX", [scores], [probs], beta=1.0)
  decoded = b.add_tensor([1, 5], np.float32, name="decoded")
  b.add_operator("DEQUANTIZE", [codes], [decoded])
  ids_flat = b.add_tensor([6], np.int32, name="ids_flat",
                          shape_signature=[-1])
  b.add_operator("RESHAPE", [ids], [ids_flat], new_shape=[-1])
  wide_col = b.add_tensor([3, 1], np.int64, name="wide_col")
  b.add_operator("RESHAPE", [wide], [wide_col], new_shape=[3, 1])
  pcm_float = b.add_tensor([4], np.float32, name="pcm_float")
  b.add_operator("DEQUANTIZE", [pcm], [pcm_float])
  probs_q = b.add_tensor([2, 3], np.uint8, name="probs_q",
                         shape_signature=[-1, 3], scale=1.0 / 256,
                         zero_point=0)
  b.add_operator("QUANTIZE", [probs], [probs_q])
  for output in (scores, probs, decoded, ids_flat, wide_col, pcm_float,
                 probs_q):
    b.add_output(output)
  return b.build()


def dynamic_fc_model():
  b = mb.ModelBuilder(description="Java API test: resizable FULLY_CONNECTED")
  x = b.add_input([1, 4], np.float32, name="x", shape_signature=[-1, -1])
  w = b.add_constant(np.arange(8, dtype=np.float32).reshape(2, 4))
  y = b.add_tensor([1, 2], np.float32, name="y", shape_signature=[-1, 2])
  b.add_operator("FULLY_CONNECTED", [x, w, -1], [y])
  b.add_output(y)
  return b.build()


def two_operand_fc_model():
  b = mb.ModelBuilder(description="Java API test: FULLY_CONNECTED of 2 inputs")
  x = b.add_input([1, 4], np.float32, name="x", shape_signature=[-1, -1])
  w = b.add_input([2, 4], np.float32, name="w", shape_signature=[2, -1])
  y = b.add_tensor([1, 2], np.float32, name="y", shape_signature=[-1, 2])
  b.add_operator("FULLY_CONNECTED", [x, w, -1], [y])
  b.add_output(y)
  return b.build()


def scalar_model():
  b = mb.ModelBuilder(description="Java API test: rank-0 tensors")
  x = b.add_input([], np.float32, name="x")
  vector = b.add_tensor([1], np.float32, name="vector")
  b.add_operator("RESHAPE", [x], [vector], new_shape=[1])
  scalar = b.add_tensor([], np.float32, name="scalar")
  b.add_operator("RESHAPE", [vector], [scalar])
  b.add_output(vector)
  b.add_output(scalar)
  return b.build()


def custom_op_model():
  b = mb.ModelBuilder(description="Java API test: a custom op")
  x = b.add_input([1, 3], np.float32, name="x")
  y = b.add_tensor([1, 3], np.float32, name="y")
  b.add_custom_operator("JAVA_TEST_NEGATE", [x], [y])
  b.add_output(y)
  return b.build()


def softmax_chain_model():
  b = mb.ModelBuilder(description="Java API test: activations only")
  x = b.add_input([16, 64], np.float32, name="x", shape_signature=[-1, 64])
  previous = x
  for name in ("h1", "h2", "y"):
    out = b.add_tensor([16, 64], np.float32, name=name,
                       shape_signature=[-1, 64])
    b.add_operator("SOFTMAX", [previous], [out], beta=1.0)
    previous = out
  b.add_output(previous)
  return b.build()


def main(argv):
  if len(argv) != 2:
    sys.exit(__doc__)
  out = argv[1]
  os.makedirs(out, exist_ok=True)
  params = sine_model.train()
  models = {
      "multi_io.tflite": multi_io_model(),
      "dynamic_fc.tflite": dynamic_fc_model(),
      "custom_op.tflite": custom_op_model(),
      "two_operand_fc.tflite": two_operand_fc_model(),
      "scalar.tflite": scalar_model(),
      "softmax_chain.tflite": softmax_chain_model(),
      "sine_float.tflite": sine_model.float_model(params),
      "sine_int8.tflite": sine_model.int8_model(params),
  }
  for name, data in models.items():
    with open(os.path.join(out, name), "wb") as f:
      f.write(data)


if __name__ == "__main__":
  main(sys.argv)
