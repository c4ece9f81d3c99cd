"""MUL against LiteRT's reference kernels."""

from absl.testing import absltest
from absl.testing import parameterized
import numpy as np

from tflite_micro.python.tflite_micro import runtime
from tflite_micro.tensorflow.lite.micro.kernels import elementwise_test_util as et


class MulTest(parameterized.TestCase):

  @parameterized.product(dtype=[np.float32, np.int32, np.int64],
                         activation=et.ACTIVATIONS)
  def test_plain_types_broadcast(self, dtype, activation):
    rng = np.random.default_rng(1)
    for shape1, shape2 in et.BROADCAST_SHAPES:
      model = et.build_binary("MUL", shape1, shape2, dtype,
                              fused_activation_function=activation)
      low, high = (-3.0, 3.0) if dtype == np.float32 else (-9, 9)
      inputs = [et.random_values(rng, shape1, dtype, low, high),
                et.random_values(rng, shape2, dtype, low, high)]
      et.compare(self, model, inputs, context=f"{shape1} * {shape2}")

  @parameterized.parameters(np.int32, np.int64)
  def test_integer_overflow_wraps(self, dtype):
    rng = np.random.default_rng(2)
    model = et.build_binary("MUL", [4, 8], [8], dtype)
    inputs = [et.random_values(rng, [4, 8], dtype),
              et.random_values(rng, [8], dtype)]
    et.compare(self, model, inputs)

  @parameterized.product(dtype=[np.int8, np.int16],
                         activation=et.ACTIVATIONS)
  def test_quantized_broadcast(self, dtype, activation):
    rng = np.random.default_rng(3)
    for shape1, shape2 in et.BROADCAST_SHAPES:
      q1 = et.random_quantization(rng, dtype, 0.01, 0.1)
      q2 = et.random_quantization(rng, dtype, 0.01, 0.1)
      q_out = et.random_quantization(rng, dtype, 0.01, 0.2)
      model = et.build_binary("MUL", shape1, shape2, dtype, q1=q1, q2=q2,
                              q_out=q_out, fused_activation_function=activation)
      inputs = [et.random_values(rng, shape1, dtype),
                et.random_values(rng, shape2, dtype)]
      et.compare(self, model, inputs,
                 context=f"{shape1} * {shape2} {q1} {q2} {q_out}")

  @parameterized.parameters(np.int8, np.int16)
  def test_quantized_scale_ratios(self, dtype):
    rng = np.random.default_rng(4)
    base = 0.05 if dtype == np.int8 else 0.0005
    for r1, r2, r_out in [(1, 1, 1), (1, 30, 0.5), (7, 0.1, 3), (1, 1, 0.01),
                          (0.5, 2, 200), (1, 1, 4)]:
      q1 = (base * r1, 0 if dtype == np.int16 else -5)
      q2 = (base * r2, 0 if dtype == np.int16 else 17)
      q_out = (base * base * r_out, 0 if dtype == np.int16 else 3)
      model = et.build_binary("MUL", [40, 64], [64], dtype, q1=q1, q2=q2,
                              q_out=q_out)
      inputs = [et.random_values(rng, [40, 64], dtype),
                et.random_values(rng, [64], dtype)]
      et.compare(self, model, inputs, context=f"{r1} {r2} {r_out}")

  def test_incompatible_shapes_are_reported(self):
    model = et.build_model("MUL", [[3, 2], [3]], [np.int32] * 2, np.int32,
                           output_shape=[3, 2])
    with self.assertRaisesRegex(
        RuntimeError, r"MUL \(number 0\).*\[3, 2\] and \[3\] cannot be broad"):
      runtime.Interpreter.from_bytes(model)

  def test_int16_nonzero_zero_point_is_reported(self):
    model = et.build_binary("MUL", [2], [2], np.int16, q1=(0.01, 0),
                            q2=(0.01, 0), q_out=(0.02, -4))
    with self.assertRaisesRegex(RuntimeError,
                                r"MUL \(number 0\).*zero points must be 0"):
      runtime.Interpreter.from_bytes(model)

  def test_unsupported_type_is_reported(self):
    model = et.build_binary("MUL", [2], [2], np.bool_)
    with self.assertRaisesRegex(RuntimeError,
                                r"MUL \(number 0\).*BOOL is not supported"):
      runtime.Interpreter.from_bytes(model)


if __name__ == "__main__":
  absltest.main()
