"""DIV against LiteRT's reference kernels."""

from absl.testing import absltest
from absl.testing import parameterized
import numpy as np

from tflite_micro.python.tflite_micro import runtime
from tflite_micro.tensorflow.lite.micro.kernels import elementwise_test_util as et


def nonzero(rng, shape, dtype, zero=0, low=None, high=None):
  """Random values none of which equals `zero`."""
  values = et.random_values(rng, shape, dtype, low, high)
  other = zero + 1 if zero < np.iinfo(dtype).max else zero - 1
  return np.where(values == zero, np.asarray(other, dtype), values).astype(
      dtype)


class DivTest(parameterized.TestCase):

  @parameterized.parameters(*et.ACTIVATIONS)
  def test_float_broadcast(self, activation):
    rng = np.random.default_rng(1)
    for shape1, shape2 in et.BROADCAST_SHAPES:
      model = et.build_binary("DIV", shape1, shape2, np.float32,
                              fused_activation_function=activation)
      divisor = et.random_values(rng, shape2, np.float32, 0.25, 4.0)
      divisor *= rng.choice([-1.0, 1.0], size=divisor.shape).astype(np.float32)
      inputs = [et.random_values(rng, shape1, np.float32), divisor]
      et.compare(self, model, inputs, context=f"{shape1} / {shape2}")

  @parameterized.parameters("NONE", "RELU")
  def test_float_zero_divisor(self, activation):
    # IEEE infinities and NaN, then the activation clamp, as in TFLite.
    model = et.build_binary("DIV", [5], [5], np.float32,
                            fused_activation_function=activation)
    inputs = [np.array([1.0, -2.0, 0.0, 3.0, 1.0], np.float32),
              np.array([0.0, 0.0, 0.0, -0.0, 2.0], np.float32)]
    ours = et.run_ours(model, inputs)[0]
    reference = et.util.run_litert_reference(model, inputs)[0]
    np.testing.assert_array_equal(ours, reference)

  @parameterized.parameters(*et.ACTIVATIONS)
  def test_int32_broadcast(self, activation):
    rng = np.random.default_rng(2)
    for shape1, shape2 in et.BROADCAST_SHAPES:
      model = et.build_binary("DIV", shape1, shape2, np.int32,
                              fused_activation_function=activation)
      inputs = [et.random_values(rng, shape1, np.int32, -1000, 1000),
                nonzero(rng, shape2, np.int32, 0, -30, 30)]
      et.compare(self, model, inputs, context=f"{shape1} / {shape2}")

  def test_int32_extremes(self):
    model = et.build_binary("DIV", [6], [6], np.int32)
    big = np.iinfo(np.int32)
    inputs = [np.array([big.min, big.max, big.min, 7, -7, big.min + 1],
                       np.int32),
              np.array([1, -1, 2, -2, 2, -1], np.int32)]
    et.compare(self, model, inputs)

  def test_int32_min_over_minus_one_wraps(self):
    # TFLite would trap here; this kernel wraps instead of crashing.
    model = et.build_binary("DIV", [1], [1], np.int32)
    big = np.iinfo(np.int32)
    out = et.run_ours(model, [np.array([big.min], np.int32),
                              np.array([-1], np.int32)])
    self.assertEqual(int(out[0][0]), big.min)

  @parameterized.product(dtype=[np.int8, np.int16, np.uint8],
                         activation=["NONE", "RELU", "RELU_N1_TO_1"])
  def test_quantized_broadcast(self, dtype, activation):
    rng = np.random.default_rng(3)
    for shape1, shape2 in et.BROADCAST_SHAPES:
      q1 = et.random_quantization(rng, dtype, 0.01, 0.1)
      q2 = et.random_quantization(rng, dtype, 0.01, 0.1)
      q_out = et.random_quantization(rng, dtype, 0.02, 0.3)
      model = et.build_binary("DIV", shape1, shape2, dtype, q1=q1, q2=q2,
                              q_out=q_out, fused_activation_function=activation)
      inputs = [et.random_values(rng, shape1, dtype),
                nonzero(rng, shape2, dtype, q2[1])]
      et.compare(self, model, inputs,
                 context=f"{shape1} / {shape2} {q1} {q2} {q_out}")

  @parameterized.parameters(np.int8, np.int16)
  def test_quantized_large(self, dtype):
    rng = np.random.default_rng(4)
    for r_out in [1.0, 0.05, 20.0]:
      q1, q2 = et.random_quantization(rng, dtype), et.random_quantization(
          rng, dtype)
      q_out = (q1[0] / q2[0] * r_out / 30.0, q1[1] // 2)
      if dtype == np.int16:
        q_out = (q_out[0], 0)
      model = et.build_binary("DIV", [30, 40], [30, 40], dtype, q1=q1, q2=q2,
                              q_out=q_out)
      inputs = [et.random_values(rng, [30, 40], dtype),
                nonzero(rng, [30, 40], dtype, q2[1])]
      et.compare(self, model, inputs, context=f"{q1} {q2} {q_out}")

  def test_quantized_zero_numerator(self):
    # TFLite's arithmetic turns 0 / 100 (all scales 0.1) into 1, not 0 (an
    # over-long shift); this kernel reproduces it.
    model = et.build_binary("DIV", [4], [4], np.int8, q1=(0.1, 0),
                            q2=(0.1, 0), q_out=(0.1, 0))
    inputs = [np.array([0, 0, 0, 10], np.int8),
              np.array([5, 1, 100, 10], np.int8)]
    out = et.compare(self, model, inputs)
    np.testing.assert_array_equal(out[0], [0, 0, 1, 10])

  def test_int32_division_by_zero_is_reported(self):
    model = et.build_binary("DIV", [3], [3], np.int32)
    interpreter = runtime.Interpreter.from_bytes(model,
                                                 arena_size=et.ARENA_SIZE)
    interpreter.set_input(np.array([1, 2, 3], np.int32), 0)
    interpreter.set_input(np.array([1, 0, 3], np.int32), 1)
    with self.assertRaisesRegex(RuntimeError,
                                r"DIV \(number 0\).*division by zero"):
      interpreter.invoke()

  def test_quantized_division_by_zero_is_reported(self):
    model = et.build_binary("DIV", [2], [2], np.int8, q1=(0.1, 0),
                            q2=(0.1, 5), q_out=(0.1, 0))
    interpreter = runtime.Interpreter.from_bytes(model,
                                                 arena_size=et.ARENA_SIZE)
    interpreter.set_input(np.array([1, 2], np.int8), 0)
    interpreter.set_input(np.array([4, 5], np.int8), 1)
    with self.assertRaisesRegex(RuntimeError,
                                r"DIV \(number 0\).*division by zero"):
      interpreter.invoke()

  def test_int64_is_reported(self):
    model = et.build_binary("DIV", [2], [2], np.int64)
    with self.assertRaisesRegex(RuntimeError,
                                r"DIV \(number 0\).*INT64 is not supported"):
      runtime.Interpreter.from_bytes(model)


if __name__ == "__main__":
  absltest.main()
