"""SQUARED_DIFFERENCE against LiteRT's reference kernels, and int16 (which
LiteRT does not run) against TFLM's recorded outputs."""

import os

from absl.testing import absltest
from absl.testing import parameterized
import numpy as np

from tflite_micro.python.tflite_micro import runtime
from tflite_micro.tensorflow.lite.micro.kernels import elementwise_test_util as et
from tflite_micro.tensorflow.lite.micro.testing import tflm_golden

OP = "SQUARED_DIFFERENCE"
_GOLDEN = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                       "testdata", "squared_difference_tflm_golden.npz")


def int16_cases():
  """{name: (model, inputs)}: int16 models with TFLM's symmetric
  quantization, broadcasting up to 7-D (TFLM's int16 kernel does not
  broadcast 8-D) and scale ratios from equal to 100x."""
  rng = np.random.default_rng(5)
  cases = {}
  shapes = [s for s in et.BROADCAST_SHAPES if max(len(s[0]), len(s[1])) <= 7]
  for shape1, shape2 in shapes:
    q1 = et.random_quantization(rng, np.int16, 0.01, 0.05)
    q2 = et.random_quantization(rng, np.int16, 0.01, 0.05)
    q_out = et.random_quantization(rng, np.int16, 0.01, 0.3)
    cases[f"broadcast_{len(cases)}"] = (
        et.build_binary(OP, shape1, shape2, np.int16, q1=q1, q2=q2,
                        q_out=q_out),
        [et.random_values(rng, shape1, np.int16),
         et.random_values(rng, shape2, np.int16)])
  # r_out scales the output against the largest square: below 1 the
  # largest ones saturate.
  for r1, r2, r_out in [(1, 1, 1), (1, 20, 0.5), (5, 0.2, 2), (1, 1, 0.05),
                        (1, 3, 0.2), (100, 1, 1)]:
    q1, q2 = (0.0001 * r1, 0), (0.0001 * r2, 0)
    q_out = (max(q1[0], q2[0])**2 * 32768 * r_out, 0)
    cases[f"ratio_{r1}_{r2}_{r_out}"] = (
        et.build_binary(OP, [30, 50], [50], np.int16, q1=q1, q2=q2,
                        q_out=q_out),
        [et.random_values(rng, [30, 50], np.int16),
         et.random_values(rng, [50], np.int16)])
  return cases


def tflm_golden_cases():
  """The models testdata/make_tflm_goldens.py runs in TFLM's wheel."""
  return {name: (model, [inputs], 1)
          for name, (model, inputs) in int16_cases().items()}


class SquaredDifferenceTest(parameterized.TestCase):

  @parameterized.parameters(np.float32, np.int32)
  def test_plain_types_broadcast(self, dtype):
    rng = np.random.default_rng(1)
    for shape1, shape2 in et.BROADCAST_SHAPES:
      model = et.build_binary(OP, shape1, shape2, dtype)
      low, high = (None, None) if dtype == np.float32 else (-3000, 3000)
      inputs = [et.random_values(rng, shape1, dtype, low, high),
                et.random_values(rng, shape2, dtype, low, high)]
      et.compare(self, model, inputs, context=f"{shape1} {shape2}")

  def test_int32_overflow_wraps(self):
    rng = np.random.default_rng(2)
    model = et.build_binary(OP, [4, 8], [8], np.int32)
    inputs = [et.random_values(rng, [4, 8], np.int32),
              et.random_values(rng, [8], np.int32)]
    et.compare(self, model, inputs)

  def test_int8_broadcast(self):
    rng = np.random.default_rng(3)
    for shape1, shape2 in et.BROADCAST_SHAPES:
      q1 = et.random_quantization(rng, np.int8, 0.01, 0.05)
      q2 = et.random_quantization(rng, np.int8, 0.01, 0.05)
      q_out = et.random_quantization(rng, np.int8, 0.01, 0.1)
      model = et.build_binary(OP, shape1, shape2, np.int8, q1=q1, q2=q2,
                              q_out=q_out)
      inputs = [et.random_values(rng, shape1, np.int8),
                et.random_values(rng, shape2, np.int8)]
      et.compare(self, model, inputs,
                 context=f"{shape1} {shape2} {q1} {q2} {q_out}")

  def test_int8_scale_ratios(self):
    rng = np.random.default_rng(4)
    for r1, r2, r_out in [(1, 1, 1), (1, 20, 10), (5, 0.2, 0.5),
                          (1, 1, 0.05), (1, 3, 200)]:
      q1, q2 = (0.01 * r1, -7), (0.01 * r2, 20)
      q_out = (0.0004 * r_out, -100)
      model = et.build_binary(OP, [30, 50], [50], np.int8, q1=q1, q2=q2,
                              q_out=q_out)
      inputs = [et.random_values(rng, [30, 50], np.int8),
                et.random_values(rng, [50], np.int8)]
      et.compare(self, model, inputs, context=f"{r1} {r2} {r_out}")

  def test_int16_matches_tflm(self):
    for name, (model, inputs) in int16_cases().items():
      golden = tflm_golden.Golden(self, _GOLDEN, name, model)
      for given, recorded in zip(inputs, golden.invokes[0]):
        np.testing.assert_array_equal(given, recorded, err_msg=name)
      expected = golden.output(0, 0)
      if expected.size >= 100:
        self.assertGreater(len(np.unique(expected)), 30, name)
      for arithmetic in ("tflm", "litert"):
        ours = et.run_ours(model, inputs, arithmetic=arithmetic)[0]
        np.testing.assert_array_equal(ours, expected,
                                      err_msg=f"{name} {arithmetic}")

  def test_int16_zero_points_are_reported(self):
    # TFLM rejects them too: with them the square could overflow int32.
    model = et.build_binary(OP, [2], [2], np.int16, q1=(0.01, 3),
                            q2=(0.01, 0), q_out=(0.01, 0))
    with self.assertRaisesRegex(
        RuntimeError,
        r"SQUARED_DIFFERENCE \(number 0\).*int16 zero points must be 0"):
      runtime.Interpreter.from_bytes(model)

  def test_int64_is_reported(self):
    model = et.build_binary(OP, [2], [2], np.int64)
    with self.assertRaisesRegex(
        RuntimeError, r"SQUARED_DIFFERENCE \(number 0\).*INT64"):
      runtime.Interpreter.from_bytes(model)


if __name__ == "__main__":
  absltest.main()
