"""SignalDelay against TFLM's goldens, a model of its definition (a stream
delayed by delay_length samples, also across Reset) and its errors."""

from absl.testing import absltest
from flatbuffers import flexbuffers
import numpy as np

from tflite_micro.signal.testing import signal_cases as cases
from tflite_micro.signal.testing import signal_test_util as util

OP = "SignalDelay"


def delay_model(shape, delay, dtype=np.int16, options=None):
  return cases.single_op_model(
      OP, [("input", shape, dtype)], [(shape, np.int16)],
      options if options is not None else
      flexbuffers.Dumps({"delay_length": delay}))


class DelayTest(absltest.TestCase):

  def test_matches_tflm(self):
    util.check_op_goldens(self, OP)

  def test_matches_definition_and_reset(self):
    rng = np.random.default_rng(5)
    for frame, delay in ((4, 9), (9, 4), (5, 5), (3, 1)):
      frames = rng.integers(-32768, 32767, (6, 2, frame)).astype(np.int16)
      stream = np.concatenate(
          [np.zeros((2, delay), np.int16)] + list(frames), axis=1)
      it = util.interpreter(delay_model((2, frame), delay))
      for repeat in range(2):
        for i, x in enumerate(frames):
          it.set_input(x, 0)
          it.invoke()
          np.testing.assert_array_equal(
              it.get_output(0), stream[:, i * frame:(i + 1) * frame])
        it.reset()

  def test_bad_model(self):
    util.assert_prepare_fails(self, OP, delay_model((4,), 2, np.float32),
                              r"input must be INT16, got FLOAT32")
    util.assert_prepare_fails(
        self, OP, delay_model((4,), -1),
        r"custom option 'delay_length' is -1, expected an integer")
    util.assert_prepare_fails(
        self, OP, delay_model((4,), 0, options=flexbuffers.Dumps({})),
        r"custom option 'delay_length' is missing")


if __name__ == "__main__":
  absltest.main()
