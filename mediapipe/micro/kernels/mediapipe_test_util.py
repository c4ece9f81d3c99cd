"""Helpers for the MediaPipe ops' tests: one-op models, running them with
MediapipeOpsRegisterer, and checking prepare's error reports."""

import struct

import numpy as np

from tflite_micro.python.tflite_micro import runtime
from tflite_micro.tensorflow.lite.micro.testing import op_test_util as util

REGISTERER = "MediapipeOpsRegisterer"
SAME, VALID = 1, 2


def pool_options(padding, stride_w, stride_h, filter_w, filter_h,
                 activation=0):
  """TfLitePoolParams as raw bytes, with its computed-padding tail."""
  return struct.pack("<10i", padding, stride_w, stride_h, filter_w, filter_h,
                     activation, 0, 0, 0, 0)


def one_op_model(op, inputs, outputs, options):
  """inputs: ("input", shape[, dtype]) or ("const", array); outputs: their
  shapes (float32)."""
  b = util.ModelBuilder()
  ids = []
  for spec in inputs:
    if spec[0] == "input":
      ids.append(b.add_input(list(spec[1]),
                             spec[2] if len(spec) > 2 else np.float32))
    else:
      ids.append(b.add_constant(spec[1]))
  outs = []
  for shape in outputs:
    outs.append(b.add_tensor(list(shape), np.float32))
  b.add_custom_operator(op, ids, outs, custom_options=options)
  for o in outs:
    b.add_output(o)
  return b.build()


def run(model, inputs):
  it = runtime.Interpreter.from_bytes(model,
                                      custom_op_registerers=[REGISTERER])
  for i, value in enumerate(inputs):
    it.set_input(value, i)
  it.invoke()
  return [it.get_output(i) for i in range(it.num_outputs)]


def assert_prepare_fails(test, op, model, message):
  with test.assertRaisesRegex(
      RuntimeError,
      rf"Node {op} \(number 0\) failed to prepare: {op}: " + message):
    runtime.Interpreter.from_bytes(model, custom_op_registerers=[REGISTERER])
