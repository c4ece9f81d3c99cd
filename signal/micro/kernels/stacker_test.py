"""SignalStacker against TFLM's goldens, a model of its definition (windows
of the frame stream with the first frame repeated as left padding, across
Reset) and its errors."""

from absl.testing import absltest
from flatbuffers import flexbuffers
import numpy as np

from tflite_micro.signal.testing import signal_cases as cases
from tflite_micro.signal.testing import signal_test_util as util

OP = "SignalStacker"


def stacker_model(channels, left, right, step, length=None, dtype=np.int16):
  window = (left + 1 + right) * channels
  return cases.single_op_model(
      OP, [("input", (length or channels,), dtype)],
      [((window,), np.int16), ((), np.bool_)],
      flexbuffers.Dumps({"num_channels": channels,
                         "stacker_left_context": left,
                         "stacker_right_context": right,
                         "stacker_step": step}))


class StackerTest(absltest.TestCase):

  def test_matches_tflm(self):
    util.check_op_goldens(self, OP)

  def test_matches_definition_and_reset(self):
    rng = np.random.default_rng(9)
    channels, left, right, step = 3, 2, 2, 2
    frames = rng.integers(-32768, 32767, (9, channels)).astype(np.int16)
    padded = np.concatenate([np.repeat(frames[:1], left, 0), frames])
    it = util.interpreter(stacker_model(channels, left, right, step))
    for _ in range(2):
      start = 0
      for i, x in enumerate(frames):
        it.set_input(x, 0)
        it.invoke()
        end = start + left + 1 + right
        valid = left + i + 1 >= end
        self.assertEqual(bool(it.get_output(1)), valid)
        if valid:
          np.testing.assert_array_equal(it.get_output(0),
                                        padded[start:end].reshape(-1))
          start += step
      it.reset()

  def test_bad_model(self):
    util.assert_prepare_fails(self, OP, stacker_model(3, 1, 1, 1, length=4),
                              r"the input has 4 samples but num_channels is 3")
    util.assert_prepare_fails(
        self, OP, stacker_model(3, 0, 1, 3),
        r"custom option 'stacker_step' is 3, expected an integer in \[1, 2\]")
    util.assert_prepare_fails(self, OP,
                              stacker_model(3, 0, 1, 1, dtype=np.float32),
                              r"input must be INT16, got FLOAT32")


if __name__ == "__main__":
  absltest.main()
