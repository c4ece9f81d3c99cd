"""AFFINE_CLIP from Python under Bazel: the runtime loads the op package
(affine_clip_py) and finds AffineClipRegisterer by name."""

from absl.testing import absltest
import numpy as np

from tflite_micro.examples.tflm_style_op import affine_clip_model as m
from tflite_micro.python.tflite_micro import runtime

REGISTERERS = ["AffineClipRegisterer"]


def run(model, x):
  """Runs `model` (bytes) on `x` with the op package's registerer."""
  interpreter = runtime.Interpreter.from_bytes(
      model, custom_op_registerers=REGISTERERS)
  interpreter.set_input(x, 0)
  interpreter.invoke()
  return interpreter.get_output(0)


class AffineClipTest(absltest.TestCase):

  def test_float32(self):
    x = m.float_input()
    np.testing.assert_array_equal(
        run(m.affine_clip_model(np.float32, x.shape), x), m.float_reference(x))

  def test_float32_clips_at_both_ends(self):
    options = {"scale": -2.0, "offset": 0.5, "lower": -3.0, "upper": 1.0}
    x = np.linspace(-4, 4, 33, dtype=np.float32).reshape(3, 11)
    y = run(m.affine_clip_model(np.float32, x.shape, options=options), x)
    np.testing.assert_array_equal(y, m.float_reference(x, options))
    self.assertEqual(y.min(), -3.0)
    self.assertEqual(y.max(), 1.0)

  def test_int8_every_value(self):
    q = m.int8_input()
    model = m.affine_clip_model(np.int8, q.shape, input_quant=m.INT8_INPUT,
                                output_quant=m.INT8_OUTPUT)
    np.testing.assert_array_equal(run(model, q), m.int8_reference(q))

  def test_inverted_range_fails_to_prepare(self):
    options = {"scale": 1.0, "offset": 0.0, "lower": 2.0, "upper": 1.0}
    with self.assertRaisesRegex(RuntimeError, "AFFINE_CLIP"):
      runtime.Interpreter.from_bytes(
          m.affine_clip_model(np.float32, (1, 4), options=options),
          custom_op_registerers=REGISTERERS)

  def test_without_the_registerer_the_op_is_unknown(self):
    with self.assertRaisesRegex(RuntimeError,
                                "custom op 'AFFINE_CLIP', which is not "
                                "registered"):
      runtime.Interpreter.from_bytes(m.affine_clip_model(np.float32, (1, 4)))


if __name__ == "__main__":
  absltest.main()
