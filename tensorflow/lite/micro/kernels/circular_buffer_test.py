"""CIRCULAR_BUFFER (TFLM's custom op for streaming models) against TFLM's
wheel (testdata/circular_buffer_tflm_golden.npz), a model of its
definition, Reset, and the errors prepare reports."""

import os

from absl.testing import absltest
from flatbuffers import flexbuffers
import numpy as np

from tflite_micro.python.tflite_micro import runtime
from tflite_micro.tensorflow.lite.micro.testing import op_test_util as util
from tflite_micro.tensorflow.lite.micro.testing import tflm_golden

OP = "CIRCULAR_BUFFER"
_GOLDEN = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                       "testdata", "circular_buffer_tflm_golden.npz")


def buffer_model(slots, height=1, width=4, cycles_max=None, dtype=np.int8,
                 input_shape=None, output_quant=(0.5, 3), raw_options=None):
  b = util.ModelBuilder()
  x = b.add_input(list(input_shape or [1, 1, height, width]), dtype,
                  scale=0.5, zero_point=3)
  y = b.add_tensor([1, slots, height, width], dtype, scale=output_quant[0],
                   zero_point=output_quant[1])
  if raw_options is None and cycles_max is not None:
    raw_options = flexbuffers.Dumps({"cycles_max": cycles_max})
  b.add_custom_operator(OP, [x], [y], custom_options=raw_options)
  b.add_output(y)
  return b.build()


# (slots, height, width, cycles_max option): 5 slots and no option is TFLM's
# rule for a period of 1, 3 slots and none a period of 2.
_CASES = {"slots5_default": (5, 1, 4, None), "slots3_default": (3, 2, 3, None),
          "slots4_cycles1": (4, 1, 8, 1), "slots2_cycles3": (2, 1, 5, 3)}


def _invokes(name, height, width, count=9):
  rng = np.random.default_rng(sum(map(ord, name)))
  return [[rng.integers(-128, 128, (1, 1, height, width)).astype(np.int8)]
          for _ in range(count)]


def tflm_golden_cases():
  """The models testdata/make_tflm_goldens.py runs in TFLM's wheel."""
  return {name: (buffer_model(s, h, w, c), _invokes(name, h, w), 1)
          for name, (s, h, w, c) in _CASES.items()}


def run_ours(interpreter, x):
  """One invoke; True when the graph ran to the end (a due cycle)."""
  interpreter.set_input(x, 0)
  try:
    interpreter.invoke()
    return True
  except RuntimeError as e:
    if "CIRCULAR_BUFFER: buffered" not in str(e):
      raise
    return False


class CircularBufferTest(absltest.TestCase):

  def test_matches_tflm(self):
    for name, (slots, height, width, cycles) in _CASES.items():
      model = buffer_model(slots, height, width, cycles)
      golden = tflm_golden.Golden(self, _GOLDEN, name, model)
      it = runtime.Interpreter.from_bytes(model)
      period = cycles or (1 if slots in (5, 13, 25) else 2)
      for step, (x,) in enumerate(golden.invokes):
        self.assertEqual(run_ours(it, x), (step + 1) % period == 0,
                         f"{name} step {step}")
        if step + 1 >= slots:  # TFLM's first slots start as arena garbage
          np.testing.assert_array_equal(it.get_output(0),
                                        golden.output(0, step),
                                        err_msg=f"{name} step {step}")

  def test_shifts_and_resets(self):
    it = runtime.Interpreter.from_bytes(buffer_model(3, cycles_max=1))
    frames = [np.full((1, 1, 1, 4), v, np.int8) for v in (1, 2, 3, 4)]
    for _ in range(2):
      history = [np.zeros((1, 1, 1, 4), np.int8)] * 3
      for frame in frames:
        self.assertTrue(run_ours(it, frame))
        history = history[1:] + [frame]
        np.testing.assert_array_equal(it.get_output(0),
                                      np.concatenate(history, axis=1))
      it.reset()

  def assert_prepare_fails(self, model, message):
    with self.assertRaisesRegex(
        RuntimeError,
        r"Node CIRCULAR_BUFFER \(number 0\) failed to prepare: "
        r"CIRCULAR_BUFFER: " + message):
      runtime.Interpreter.from_bytes(model)

  def test_bad_models(self):
    self.assert_prepare_fails(buffer_model(3, dtype=np.int16),
                              r"only int8 is supported, got input INT16")
    self.assert_prepare_fails(
        buffer_model(3, input_shape=[1, 2, 1, 4]),
        r"expected input \[1, 1, H, W\] and output \[1, slots, H, W\], got "
        r"\[1, 2, 1, 4\] and \[1, 3, 1, 4\]")
    self.assert_prepare_fails(
        buffer_model(3, output_quant=(0.25, 3)),
        r"the input and the output must have the same scale and zero point")
    self.assert_prepare_fails(
        buffer_model(3, raw_options=b"\x01\x02\x03"),
        r"the custom options \(3 bytes\) are not a flexbuffer map")
    self.assert_prepare_fails(
        buffer_model(3, raw_options=flexbuffers.Dumps({"cycles_max": "2"})),
        r"custom option 'cycles_max' must be an integer")


if __name__ == "__main__":
  absltest.main()
