"""SOFTMAX against LiteRT's reference kernels."""

from absl.testing import absltest
from absl.testing import parameterized
import numpy as np

from tflite_micro.python.tflite_micro import runtime
from tflite_micro.tensorflow.lite.micro.kernels import unary_test_util as unary
from tflite_micro.tensorflow.lite.micro.testing import op_test_util as util


def build_model(shape, dtype, beta, out_dtype=None, in_scale=0.1, in_zp=3):
  out_dtype = out_dtype or dtype
  b = util.ModelBuilder()
  if dtype == np.float32:
    x = b.add_input(shape, np.float32)
    y = b.add_tensor(shape, np.float32)
  else:
    x = b.add_input(shape, dtype, scale=in_scale, zero_point=in_zp)
    if out_dtype == np.int8:
      y = b.add_tensor(shape, np.int8, scale=1.0 / 256, zero_point=-128)
    else:
      y = b.add_tensor(shape, np.int16, scale=1.0 / 65536, zero_point=-32768)
  b.add_operator("SOFTMAX", [x], [y], beta=beta)
  b.add_output(y)
  return b.build()


class SoftmaxTest(parameterized.TestCase):

  @parameterized.product(shape=[[1, 10], [2, 3, 7], [5], [1, 1, 1, 33]],
                         beta=[1.0, 0.5, 2.7])
  def test_float(self, shape, beta):
    rng = np.random.default_rng(1)
    x = util.random_array(rng, shape, np.float32, -5, 5)
    util.compare_with_reference(self, build_model(shape, np.float32, beta),
                                [x])

  # Rows of 256 or more take the kernel's exp table path.
  @parameterized.product(shape=[[1, 10], [2, 3, 7], [4, 256], [2, 300]],
                         beta=[1.0, 0.3],
                         in_scale=[0.05, 0.5, 0.0039])
  def test_int8(self, shape, beta, in_scale):
    rng = np.random.default_rng(2)
    x = util.random_array(rng, shape, np.int8)
    model = build_model(shape, np.int8, beta, in_scale=in_scale)
    util.compare_with_reference(self, model, [x])

  @parameterized.parameters([3, 20], [2, 400])
  def test_int8_to_int16(self, rows, depth):
    rng = np.random.default_rng(4)
    x = util.random_array(rng, [rows, depth], np.int8)
    model = build_model([rows, depth], np.int8, 1.0, out_dtype=np.int16)
    util.compare_with_reference(self, model, [x])

  @parameterized.product(shape=[[1, 10], [2, 3, 7], [3, 300], [40]],
                         beta=[1.0, 0.4, 3.0],
                         in_scale=[1e-3, 3e-4, 0.01, 2.0**-12])
  def test_int16(self, shape, beta, in_scale):
    rng = np.random.default_rng(16)
    x = util.random_array(rng, shape, np.int16)
    b = util.ModelBuilder()
    xi = b.add_input(shape, np.int16, scale=in_scale, zero_point=0)
    y = b.add_tensor(shape, np.int16, scale=1.0 / 32768, zero_point=0)
    b.add_operator("SOFTMAX", [xi], [y], beta=beta)
    b.add_output(y)
    unary.compare(self, b.build(), [x])

  def test_int16_narrow_rows(self):
    # Rows whose values sit close together exercise the whole exp table.
    rng = np.random.default_rng(17)
    x = rng.integers(-2000, 2000, size=[64, 8]).astype(np.int16)
    x[:, 0] = np.arange(64) * 1000 - 32000
    b = util.ModelBuilder()
    xi = b.add_input(x.shape, np.int16, scale=1e-3, zero_point=0)
    y = b.add_tensor(x.shape, np.int16, scale=1.0 / 32768, zero_point=0)
    b.add_operator("SOFTMAX", [xi], [y], beta=1.0)
    b.add_output(y)
    unary.compare(self, b.build(), [x])

  def test_int16_wrong_output_is_reported(self):
    b = util.ModelBuilder()
    x = b.add_input([1, 4], np.int16, scale=1e-3, zero_point=0)
    y = b.add_tensor([1, 4], np.int16, scale=1.0 / 65536, zero_point=-32768)
    b.add_operator("SOFTMAX", [x], [y], beta=1.0)
    b.add_output(y)
    with self.assertRaisesRegex(RuntimeError, r"SOFTMAX \(number 0\)"):
      runtime.Interpreter.from_bytes(b.build())

  def test_wrong_output_quantization_is_reported(self):
    b = util.ModelBuilder()
    x = b.add_input([1, 4], np.int8, scale=0.1, zero_point=0)
    y = b.add_tensor([1, 4], np.int8, scale=0.1, zero_point=0)
    b.add_operator("SOFTMAX", [x], [y], beta=1.0)
    b.add_output(y)
    with self.assertRaisesRegex(RuntimeError, r"SOFTMAX \(number 0\)"):
      runtime.Interpreter.from_bytes(b.build())


if __name__ == "__main__":
  absltest.main()
