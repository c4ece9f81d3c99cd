"""RESIZE_BILINEAR and RESIZE_NEAREST_NEIGHBOR against LiteRT's reference
kernels."""

from absl.testing import absltest
from absl.testing import parameterized
import numpy as np

from tflite_micro.python.tflite_micro import runtime
from tflite_micro.tensorflow.lite.micro.testing import op_test_util as util

BILINEAR = "RESIZE_BILINEAR"
NEAREST = "RESIZE_NEAREST_NEIGHBOR"

# Quantization per op and type: bilinear interpolation needs a finer scale to
# show its rounding.
_QUANT = {
    BILINEAR: {
        np.int8: dict(scale=0.05, zero_point=-3),
        np.uint8: dict(scale=0.05, zero_point=120),
        np.int16: dict(scale=0.001, zero_point=0),
    },
    NEAREST: {
        np.int8: dict(scale=0.5, zero_point=-3),
        np.uint8: dict(scale=0.5, zero_point=120),
        np.int16: dict(scale=0.25, zero_point=0),
    },
}
# (align_corners, half_pixel_centers); both set is an error for bilinear.
_MODES = [(False, False), (True, False), (False, True)]
_NEAREST_MODES = _MODES + [(True, True)]
_SIZES = [
    # (input shape, new size)
    ([1, 2, 2, 1], [4, 4]),
    ([1, 2, 2, 1], [3, 5]),
    ([2, 3, 4, 3], [7, 5]),
    ([1, 5, 7, 2], [2, 3]),
    ([1, 4, 4, 1], [1, 1]),
    ([1, 1, 1, 2], [3, 2]),
    ([1, 3, 3, 1], [3, 3]),
    ([1, 6, 4, 2], [11, 9]),
    ([1, 7, 9, 1], [4, 6]),
]


def resize_model(op, shape, dtype, size, align_corners, half_pixel_centers,
                 size_is_input=False, output_shape=None):
  b = util.ModelBuilder()
  q = _QUANT[op].get(dtype, {})
  x = b.add_input(shape, dtype, **q)
  if size_is_input:
    s = b.add_input([2], np.int32)
  else:
    s = b.add_constant(np.array(size, np.int32))
  y = b.add_tensor([1] if output_shape is None else output_shape, dtype, **q)
  b.add_operator(op, [x, s], [y], align_corners=align_corners,
                 half_pixel_centers=half_pixel_centers)
  b.add_output(y)
  return b.build()


def check_against_reference(test, op, dtype, mode, case):
  shape, size = _SIZES[case]
  rng = np.random.default_rng(case)
  x = util.random_array(rng, shape, dtype)
  out = util.compare_with_reference(
      test, resize_model(op, shape, dtype, size, *mode), [x])
  test.assertEqual(out[0].shape, (shape[0], size[0], size[1], shape[3]))


def check_size_computed_at_run_time(test, op, x, mode, size, wrong_size):
  """Matches LiteRT for `size`; `wrong_size` contradicts the model's output
  shape and is reported."""
  batch, _, _, depth = x.shape
  model = resize_model(op, list(x.shape), x.dtype.type, None, *mode,
                       size_is_input=True,
                       output_shape=[batch] + size + [depth])
  util.compare_with_reference(test, model, [x, np.array(size, np.int32)])
  interpreter = runtime.Interpreter.from_bytes(model)
  interpreter.set_input(x, 0)
  interpreter.set_input(np.array(wrong_size, np.int32), 1)
  wrong_shape = ",".join(str(d) for d in [batch] + wrong_size + [depth])
  with test.assertRaisesRegex(
      RuntimeError, op + r" \(number 0\).*shape \[" + wrong_shape + r"\]"):
    interpreter.invoke()


def check_reported(test, op, model, message):
  with test.assertRaisesRegex(RuntimeError, op + r" \(number 0\).*" + message):
    runtime.Interpreter.from_bytes(model)


class ResizeBilinearTest(parameterized.TestCase):

  @parameterized.product(dtype=[np.float32, np.int8, np.int16, np.uint8],
                         mode=_MODES, case=list(range(len(_SIZES))))
  def test_against_reference(self, dtype, mode, case):
    check_against_reference(self, BILINEAR, dtype, mode, case)

  @parameterized.product(dtype=[np.int8, np.int16], mode=_MODES)
  def test_rounding_ties(self, dtype, mode):
    # Doubling makes halfway values; odd neighbours make them ties, on both
    # sides of zero.
    x = np.array([-3, 0, 5, -8, 7, -1, 1, -5, 2, -6, 0, 3], dtype)
    x = x.reshape(1, 3, 4, 1)
    util.compare_with_reference(
        self, resize_model(BILINEAR, [1, 3, 4, 1], dtype, [6, 8], *mode), [x])

  def test_size_computed_at_run_time(self):
    rng = np.random.default_rng(3)
    x = util.random_array(rng, [1, 3, 3, 2], np.int8)
    check_size_computed_at_run_time(self, BILINEAR, x, (False, True), [5, 4],
                                    [4, 5])

  def test_both_options_are_reported(self):
    check_reported(
        self, BILINEAR,
        resize_model(BILINEAR, [1, 2, 2, 1], np.float32, [4, 4], True, True),
        r"cannot both be set")

  @parameterized.parameters(([1, 0, 2, 1], [4, 4], r"height and width"),
                            ([1, 2, 2, 1], [0, 4], r"must be positive"),
                            ([2, 2, 1], [4, 4], r"must be 4-D"),
                            ([1, 2, 2, 1], [4, 4, 1], r"shape \[2\]"))
  def test_bad_shapes_are_reported(self, shape, size, message):
    check_reported(
        self, BILINEAR,
        resize_model(BILINEAR, shape, np.float32, size, False, False),
        message)

  def test_int32_is_reported(self):
    check_reported(
        self, BILINEAR,
        resize_model(BILINEAR, [1, 2, 2, 1], np.int32, [4, 4], False, False),
        r"INT32 is not supported")


class ResizeNearestNeighborTest(parameterized.TestCase):

  @parameterized.product(dtype=[np.float32, np.int8, np.int16],
                         mode=_NEAREST_MODES, case=list(range(len(_SIZES))))
  def test_against_reference(self, dtype, mode, case):
    check_against_reference(self, NEAREST, dtype, mode, case)

  @parameterized.product(
      dtype=[np.float32, np.int8, np.uint8, np.int16, np.int32, np.bool_],
      mode=_NEAREST_MODES)
  def test_types(self, dtype, mode):
    rng = np.random.default_rng(1)
    x = util.random_array(rng, [2, 3, 5, 2], dtype)
    util.compare_with_reference(
        self, resize_model(NEAREST, [2, 3, 5, 2], dtype, [5, 4], *mode), [x])

  def test_int64(self):
    # LiteRT's kernel has no int64; it must pick the same pixels as float32.
    x = np.arange(30, dtype=np.int64).reshape(1, 5, 6, 1) * (1 << 40)
    model = resize_model(NEAREST, [1, 5, 6, 1], np.int64, [3, 8], False, True)
    float_model = resize_model(NEAREST, [1, 5, 6, 1], np.float32, [3, 8],
                               False, True)
    ours = util.run_tflm(model, [x])[0]
    picks = util.run_litert_reference(
        float_model, [np.arange(30, dtype=np.float32).reshape(1, 5, 6, 1)])[0]
    np.testing.assert_array_equal(ours, picks.astype(np.int64) * (1 << 40))

  def test_size_computed_at_run_time(self):
    x = np.arange(18, dtype=np.int16).reshape(1, 3, 3, 2)
    check_size_computed_at_run_time(self, NEAREST, x, (True, False), [6, 2],
                                    [6, 3])

  @parameterized.parameters(([1, 0, 2, 1], [4, 4], r"height and width"),
                            ([1, 2, 2, 1], [4, -1], r"must be positive"),
                            ([1, 2, 2, 1, 1], [4, 4], r"must be 4-D"),
                            ([1, 2, 2, 1], [4], r"shape \[2\]"))
  def test_bad_shapes_are_reported(self, shape, size, message):
    check_reported(
        self, NEAREST,
        resize_model(NEAREST, shape, np.float32, size, False, False), message)


if __name__ == "__main__":
  absltest.main()
