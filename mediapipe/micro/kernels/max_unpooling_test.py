"""MaxUnpooling2D (MediaPipe) against a numpy model of its definition
(values put back where the window indices say, the rest 0), as the inverse
of MaxPoolingWithArgmax2D, with wild indices, and its errors."""

from absl.testing import absltest
import numpy as np

from tflite_micro.mediapipe.micro.kernels import mediapipe_test_util as mp

OP = "MaxUnpooling2D"


def numpy_unpool(x, indices, stride, filt):
  n, h, w, c = x.shape
  fh, fw = h * filt[0], w * filt[1]
  pt = max(0, ((h - 1) * stride[0] + filt[0] - fh) // 2)
  pl = max(0, ((w - 1) * stride[1] + filt[1] - fw) // 2)
  out = np.zeros((n, fh, fw, c), np.float32)
  for b in range(n):
    for y in range(h):
      for xx in range(w):
        for ch in range(c):
          raw = indices[b, y, xx, ch]
          if not -2**31 < raw < 2**31:
            continue
          i = int(raw)  # truncation; C's / and % below
          q = abs(i) // filt[1] * (1 if i >= 0 else -1)
          r = i - q * filt[1]
          oy, ox = y * stride[0] - pt + q, xx * stride[1] - pl + r
          if 0 <= oy < fh and 0 <= ox < fw:
            out[b, oy, ox, ch] = x[b, y, xx, ch]
  return out


def unpool_model(shape, stride, filt, options=None, indices_shape=None):
  out = [shape[0], shape[1] * filt[0], shape[2] * filt[1], shape[3]]
  return mp.one_op_model(
      OP, [("input", shape), ("input", indices_shape or shape)], [out],
      options if options is not None else
      mp.pool_options(mp.SAME, stride[1], stride[0], filt[1], filt[0]))


class MaxUnpoolingTest(absltest.TestCase):

  def test_matches_definition(self):
    rng = np.random.default_rng(2)
    for shape, stride, filt in (((1, 4, 4, 3), (2, 2), (2, 2)),
                                ((2, 3, 5, 2), (2, 2), (3, 3)),
                                ((1, 4, 3, 1), (1, 2), (2, 3))):
      x = rng.standard_normal(shape).astype(np.float32)
      indices = (rng.integers(0, filt[0] * filt[1], shape) + 0.1).astype(
          np.float32)
      (out,) = mp.run(unpool_model(shape, stride, filt), [x, indices])
      np.testing.assert_array_equal(out, numpy_unpool(x, indices, stride,
                                                      filt))

  def test_inverts_max_pooling(self):
    rng = np.random.default_rng(3)
    x = rng.standard_normal((1, 8, 8, 2)).astype(np.float32)
    pool = mp.one_op_model(
        "MaxPoolingWithArgmax2D", [("input", (1, 8, 8, 2))],
        [[1, 4, 4, 2], [1, 4, 4, 2]], mp.pool_options(mp.SAME, 2, 2, 2, 2))
    values, indices = mp.run(pool, [x])
    (out,) = mp.run(unpool_model((1, 4, 4, 2), (2, 2), (2, 2)),
                    [values, indices])
    # Each 2x2 block keeps its maximum in place and zeros elsewhere.
    blocks = x.reshape(1, 4, 2, 4, 2, 2)
    keep = blocks == blocks.max(axis=(2, 4), keepdims=True)
    np.testing.assert_array_equal(out, np.where(keep, blocks, 0).reshape(
        x.shape))

  def test_wild_indices_are_skipped(self):
    x = np.arange(1, 9, dtype=np.float32).reshape(1, 2, 2, 2)
    indices = np.array([-1, 1e12, np.nan, np.inf, 3.9, -0.5, 40, 2],
                       np.float32).reshape(1, 2, 2, 2)
    (out,) = mp.run(unpool_model((1, 2, 2, 2), (2, 2), (2, 2)), [x, indices])
    np.testing.assert_array_equal(out, numpy_unpool(x, indices, (2, 2),
                                                    (2, 2)))

  def test_bad_models(self):
    mp.assert_prepare_fails(
        self, OP, unpool_model((1, 2, 2, 1), (2, 2), (2, 2),
                               indices_shape=(1, 2, 3, 1)),
        r"the indices' shape \[1, 2, 3, 1\] must equal the input's "
        r"\[1, 2, 2, 1\]")
    mp.assert_prepare_fails(
        self, OP, unpool_model((1, 2, 2, 1), (2, 2), (2, 2), options=b""),
        r"custom options must hold TfLitePoolParams")


if __name__ == "__main__":
  absltest.main()
