"""SignalOverlapAdd against TFLM's goldens, a model of its definition
(saturating for int16, across Reset) and its errors."""

from absl.testing import absltest
from flatbuffers import flexbuffers
import numpy as np

from tflite_micro.signal.testing import signal_cases as cases
from tflite_micro.signal.testing import signal_test_util as util

OP = "SignalOverlapAdd"


def overlap_add_model(shape, step, dtype=np.int16, type_code=7):
  out_shape = tuple(shape[:-2]) + (shape[-2] * step,)
  return cases.single_op_model(
      OP, [("input", shape, dtype)], [(out_shape, dtype)],
      flexbuffers.Dumps({"T": type_code, "frame_step": step}))


def numpy_overlap_add(frames, step):
  """frames: [invokes, rows, n, size] -> [invokes, rows, n * step]."""
  invokes, rows, n, size = frames.shape
  total = invokes * n
  acc = np.zeros((rows, (total - 1) * step + size), np.int64)
  for k in range(total):
    acc[:, k * step:k * step + size] += frames[k // n, :, k % n]
  return acc[:, :total * step].reshape(rows, invokes, n * step).transpose(
      1, 0, 2)


class OverlapAddTest(absltest.TestCase):

  def test_matches_tflm(self):
    util.check_op_goldens(self, OP)

  def test_matches_definition_and_reset(self):
    rng = np.random.default_rng(8)
    # Small samples (no saturation): plain sums of overlapping frames.
    frames = rng.integers(-2000, 2000, (4, 2, 3, 8)).astype(np.int16)
    expected = numpy_overlap_add(frames, 3)
    it = util.interpreter(overlap_add_model((2, 3, 8), 3))
    for _ in range(2):
      for i, x in enumerate(frames):
        it.set_input(x, 0)
        it.invoke()
        np.testing.assert_array_equal(it.get_output(0), expected[i])
      it.reset()

  def test_saturates(self):
    it = util.interpreter(overlap_add_model((1, 2, 4), 2))
    it.set_input(np.full((1, 2, 4), 30000, np.int16), 0)
    it.invoke()
    np.testing.assert_array_equal(it.get_output(0),
                                  [[30000, 30000, 32767, 32767]])

  def test_bad_model(self):
    util.assert_prepare_fails(self, OP, overlap_add_model((1, 2, 4), 5),
                              r"frame_step 5 exceeds the frame size 4")
    util.assert_prepare_fails(
        self, OP, overlap_add_model((1, 2, 4), 2, np.float32, 7),
        r"input \(the type option T names\) must be INT16, got FLOAT32")
    util.assert_prepare_fails(
        self, OP, overlap_add_model((1, 2, 4), 2, np.int32, 2),
        r"custom option 'T' is 2; supported sample types are FLOAT32 \(0\), "
        r"INT16 \(7\)")


if __name__ == "__main__":
  absltest.main()
