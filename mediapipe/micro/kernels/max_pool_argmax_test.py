"""MaxPoolingWithArgmax2D (MediaPipe): the values against LiteRT's reference
MAX_POOL_2D, the indices against a numpy model of MediaPipe's definition
(first maximum in its window, window_y * filter_w + window_x + 0.1), and
its errors."""

from absl.testing import absltest
import numpy as np

from tflite_micro.mediapipe.micro.kernels import mediapipe_test_util as mp
from tflite_micro.tensorflow.lite.micro.testing import op_test_util as util

OP = "MaxPoolingWithArgmax2D"


def pooled(padding, size, filt, stride):
  if padding == mp.SAME:
    return (size + stride - 1) // stride
  return (size - filt + stride) // stride


def numpy_pool(x, padding, stride, filt, act=(-np.inf, np.inf)):
  n, h, w, c = x.shape
  oh, ow = (pooled(padding, h, filt[0], stride[0]),
            pooled(padding, w, filt[1], stride[1]))
  pt = max(0, ((oh - 1) * stride[0] + filt[0] - h) // 2)
  pl = max(0, ((ow - 1) * stride[1] + filt[1] - w) // 2)
  values = np.zeros((n, oh, ow, c), np.float32)
  indices = np.zeros((n, oh, ow, c), np.float32)
  for b in range(n):
    for y in range(oh):
      for xx in range(ow):
        for ch in range(c):
          best, where = np.finfo(np.float32).min, 0
          for wy in range(filt[0]):
            for wx in range(filt[1]):
              iy, ix = y * stride[0] - pt + wy, xx * stride[1] - pl + wx
              if 0 <= iy < h and 0 <= ix < w and x[b, iy, ix, ch] > best:
                best, where = x[b, iy, ix, ch], wy * filt[1] + wx
          values[b, y, xx, ch] = np.clip(best, act[0], act[1])
          indices[b, y, xx, ch] = np.float32(where) + np.float32(0.1)
  return values, indices


def pool_model(shape, padding, stride, filt, activation=0, options=None,
               dtype=np.float32):
  oh = max(pooled(padding, shape[1], filt[0], max(stride[0], 1)), 1)
  ow = max(pooled(padding, shape[2], filt[1], max(stride[1], 1)), 1)
  out = [shape[0], oh, ow, shape[3]]
  return mp.one_op_model(
      OP, [("input", shape, dtype)], [out, out],
      options if options is not None else
      mp.pool_options(padding, stride[1], stride[0], filt[1], filt[0],
                      activation))


class MaxPoolArgmaxTest(absltest.TestCase):

  def test_matches_definition_and_litert(self):
    rng = np.random.default_rng(1)
    for shape, padding, stride, filt in (
        ((1, 8, 8, 3), mp.VALID, (2, 2), (2, 2)),
        ((2, 7, 9, 2), mp.SAME, (2, 2), (3, 3)),
        ((1, 5, 6, 4), mp.SAME, (1, 2), (2, 3)),
        ((1, 9, 4, 1), mp.VALID, (3, 1), (3, 2))):
      x = rng.standard_normal(shape).astype(np.float32)
      x[0, 0, :2, 0] = 5.0  # ties: the first in the window wins
      values, indices = mp.run(pool_model(shape, padding, stride, filt), [x])
      want_values, want_indices = numpy_pool(x, padding, stride, filt)
      np.testing.assert_array_equal(values, want_values)
      np.testing.assert_array_equal(indices, want_indices)
      b = util.ModelBuilder()
      xi = b.add_input(list(shape), np.float32)
      y = b.add_tensor(list(want_values.shape), np.float32)
      b.add_operator("MAX_POOL_2D", [xi], [y],
                     padding="SAME" if padding == mp.SAME else "VALID",
                     stride_h=stride[0], stride_w=stride[1],
                     filter_height=filt[0], filter_width=filt[1])
      b.add_output(y)
      np.testing.assert_array_equal(
          values, util.run_litert_reference(b.build(), [x])[0])

  def test_activation(self):
    x = np.linspace(-9, 9, 16, dtype=np.float32).reshape(1, 4, 4, 1)
    for activation, bounds in ((1, (0, np.inf)), (2, (-1, 1)), (3, (0, 6))):
      values, _ = mp.run(pool_model((1, 4, 4, 1), mp.VALID, (1, 1), (2, 2),
                                    activation), [x])
      np.testing.assert_array_equal(
          values, numpy_pool(x, mp.VALID, (1, 1), (2, 2), bounds)[0])

  def test_bad_models(self):
    mp.assert_prepare_fails(
        self, OP, pool_model((1, 4, 4, 1), mp.VALID, (1, 1), (2, 2),
                             options=b"\x01\x00"),
        r"custom options must hold TfLitePoolParams .* \(24 bytes\), got 2")
    mp.assert_prepare_fails(
        self, OP, pool_model((1, 4, 4, 1), 3, (1, 1), (2, 2)),
        r"padding is 3; expected 1 \(SAME\) or 2 \(VALID\)")
    mp.assert_prepare_fails(
        self, OP, pool_model((1, 4, 4, 1), mp.VALID, (0, 1), (2, 2)),
        r"strides and filter sizes must be in \[1, 4096\]")
    mp.assert_prepare_fails(
        self, OP, pool_model((1, 4, 4, 1), mp.VALID, (1, 1), (5, 2)),
        r"a 5 x 2 filter does not fit the 4 x 4 input with VALID padding")
    mp.assert_prepare_fails(
        self, OP, pool_model((1, 4, 4, 1), mp.VALID, (1, 1), (2, 2), 4),
        r"activation 4 is not supported")
    mp.assert_prepare_fails(
        self, OP, pool_model((1, 4, 4, 1), mp.VALID, (1, 1), (2, 2),
                             dtype=np.int8),
        r"input must be FLOAT32 \(the only type the op supports\), got INT8")


if __name__ == "__main__":
  absltest.main()
