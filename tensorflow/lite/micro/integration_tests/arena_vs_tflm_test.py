"""Arena use on every ../shared model: no more than TFLM's, and the minimum
arena size the API reports is exact.

TFLM's totals ("Arena allocation total" of print_allocations after one
invoke) are checked in as testdata/tflm_arena_sizes.json, made by
tflm_arena_sizes.py with the PyPI tflite-micro wheel. The comparison is at
TFLM's planning (preserve_inputs=False: inputs' memory is reused after their
last reader); with the default preserve_inputs=True the arena may hold the
inputs on top of that, and no more. Models whose custom ops this runtime
does not register are skipped with a message.
"""

import json
import os

from absl.testing import absltest
from absl.testing import parameterized
import numpy as np

from tflite_micro.python.tflite_micro import runtime
from tflite_micro.tensorflow.lite.micro.testing import shared_data

_HERE = os.path.dirname(os.path.abspath(__file__))

with open(os.path.join(_HERE, "testdata", "tflm_arena_sizes.json")) as _f:
  TFLM_ARENA_BYTES = json.load(_f)["arena_total_bytes"]


def _load(path, **kwargs):
  try:
    return runtime.Interpreter.from_file(path, **kwargs)
  except RuntimeError as e:
    if "custom op" in str(e):
      return None
    raise


def _invoke_with_zeros(interpreter):
  """Invokes on zero inputs; returns the inputs' bytes (16-byte aligned, as
  the arena holds them)."""
  input_bytes = 0
  for i in range(interpreter.num_inputs):
    details = interpreter.get_input_details(i)
    zeros = np.zeros(details["shape"], details["dtype"])
    interpreter.set_input(zeros, i)
    input_bytes += -(-zeros.nbytes // 16) * 16
  interpreter.invoke()
  return input_bytes


class ArenaVsTflmTest(parameterized.TestCase):

  def setUp(self):
    super().setUp()
    reason = shared_data.absent_reason()
    if reason:
      self.skipTest(reason)

  @parameterized.named_parameters(
      (name.replace(".tflite", ""), name) for name in sorted(TFLM_ARENA_BYTES))
  def test_no_more_than_tflm(self, name):
    interpreter = _load(shared_data.model_path(name))
    if interpreter is None:
      self.skipTest(f"{name} needs custom ops this runtime does not register")
    input_bytes = _invoke_with_zeros(interpreter)
    kept_inputs = interpreter.arena_used_bytes()
    as_tflm = _load(shared_data.model_path(name), preserve_inputs=False)
    _invoke_with_zeros(as_tflm)
    ours = as_tflm.arena_used_bytes()
    self.assertLessEqual(ours, TFLM_ARENA_BYTES[name],
                         f"{name}: ours {ours} bytes, TFLM "
                         f"{TFLM_ARENA_BYTES[name]} bytes")
    self.assertLessEqual(kept_inputs, TFLM_ARENA_BYTES[name] + input_bytes,
                         f"{name}: ours with the inputs kept {kept_inputs} "
                         f"bytes, TFLM {TFLM_ARENA_BYTES[name]} bytes, inputs "
                         f"{input_bytes} bytes")

  @parameterized.named_parameters(
      (name.replace(".tflite", ""), name) for name in sorted(TFLM_ARENA_BYTES))
  def test_minimum_arena_is_exact(self, name):
    interpreter = _load(shared_data.model_path(name))
    if interpreter is None:
      self.skipTest(f"{name} needs custom ops this runtime does not register")
    minimum = interpreter.minimum_arena_size()
    exact = runtime.Interpreter.from_file(shared_data.model_path(name),
                                          arena_size=minimum)
    _invoke_with_zeros(exact)
    with self.assertRaises(RuntimeError):
      too_small = runtime.Interpreter.from_file(shared_data.model_path(name),
                                                arena_size=minimum - 1)
      _invoke_with_zeros(too_small)


if __name__ == "__main__":
  absltest.main()
