"""SignalFramer against TFLM's goldens, a model of its definition (frames of
the stream, with and without prefill, across Reset) and its errors."""

from absl.testing import absltest
from flatbuffers import flexbuffers
import numpy as np

from tflite_micro.signal.testing import signal_cases as cases
from tflite_micro.signal.testing import signal_test_util as util

OP = "SignalFramer"


def framer_model(shape, size, step, prefill, dtype=np.int16):
  out_shape = tuple(shape[:-1]) + (max(shape[-1] // step, 1), size)
  return cases.single_op_model(
      OP, [("input", shape, dtype)], [(out_shape, np.int16), ((), np.bool_)],
      flexbuffers.Dumps({"frame_size": size, "frame_step": step,
                         "prefill": prefill}))


class FramerTest(absltest.TestCase):

  def test_matches_tflm(self):
    util.check_op_goldens(self, OP)

  def test_matches_definition_and_reset(self):
    rng = np.random.default_rng(6)
    size, step, n = 7, 3, 2
    chunks = rng.integers(-32768, 32767, (5, 2, n * step)).astype(np.int16)
    for prefill in (False, True):
      pad = size - step if prefill else 0
      stream = np.concatenate([np.zeros((2, pad), np.int16)] + list(chunks),
                              axis=1)
      it = util.interpreter(framer_model((2, n * step), size, step, prefill))
      for _ in range(2):
        emitted = 0  # frames start every `step` samples of the stream
        for i, chunk in enumerate(chunks):
          it.set_input(chunk, 0)
          it.invoke()
          out = it.get_output(0)
          valid = True
          for f in range(n):
            # A frame comes out once `size` samples past its start are in.
            written = pad + (i * n + f + 1) * step
            if written - emitted * step >= size:
              start = emitted * step
              np.testing.assert_array_equal(out[:, f],
                                            stream[:, start:start + size])
              emitted += 1
            else:
              valid = False
          self.assertEqual(bool(it.get_output(1)), valid)
        it.reset()

  def test_bad_model(self):
    util.assert_prepare_fails(
        self, OP, framer_model((1, 10), 4, 3, False),
        r"the input's last dimension must be a nonzero multiple of "
        r"frame_step = 3, got input shape \[1, 10\]")
    util.assert_prepare_fails(
        self, OP, framer_model((1, 10), 4, 5, False),
        r"custom option 'frame_step' is 5, expected an integer in \[1, 4\]")
    util.assert_prepare_fails(self, OP,
                              framer_model((4,), 4, 2, True, np.float32),
                              r"input must be INT16, got FLOAT32")


if __name__ == "__main__":
  absltest.main()
