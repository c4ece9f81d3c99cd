"""DYNAMIC_UPDATE_SLICE against LiteRT's reference kernels: ranks 1 to 5,
int32 and int64 start indices, starts clamped at both ends, every movable
type, and the errors prepare reports."""

from absl.testing import absltest
from absl.testing import parameterized
import numpy as np

from tflite_micro.python.tflite_micro import runtime
from tflite_micro.tensorflow.lite.micro.testing import op_test_util as util

OP = "DYNAMIC_UPDATE_SLICE"


def dus_model(operand_shape, update_shape, dtype=np.float32,
              index_dtype=np.int32, start_rank=None, quant=None):
  b = util.ModelBuilder()
  quant = quant or {}
  x = b.add_input(operand_shape, dtype, **quant)
  u = b.add_input(update_shape, dtype, **quant)
  rank = len(operand_shape) if start_rank is None else start_rank
  s = b.add_input([rank], index_dtype)
  y = b.add_tensor(operand_shape, dtype, **quant)
  b.add_operator(OP, [x, u, s], [y])
  b.add_output(y)
  return b.build()


class DynamicUpdateSliceTest(parameterized.TestCase):

  @parameterized.named_parameters(
      ("1d", [10], [3], [4]),
      ("2d", [5, 6], [2, 3], [1, 2]),
      ("2d_clamped_high", [5, 6], [2, 3], [9, 5]),
      ("2d_clamped_low", [5, 6], [2, 3], [-3, -1]),
      ("3d_full_rows", [3, 4, 5], [2, 2, 5], [1, 1, 0]),
      ("4d", [2, 3, 4, 5], [1, 2, 3, 2], [1, 0, 1, 3]),
      ("5d", [2, 2, 3, 2, 3], [1, 2, 2, 1, 2], [1, 0, 1, 1, 0]),
      ("whole", [3, 4], [3, 4], [2, 2]),
      ("empty_update", [3, 4], [0, 4], [1, 0]),
  )
  def test_float(self, operand, update, start):
    rng = np.random.default_rng(len(operand))
    for index_dtype in (np.int32, np.int64):
      model = dus_model(operand, update, index_dtype=index_dtype)
      inputs = [util.random_array(rng, operand, np.float32),
                util.random_array(rng, update, np.float32),
                np.array(start, index_dtype)]
      ours = util.compare_with_reference(self, model, inputs)
      if np.prod(update):
        self.assertFalse(np.array_equal(ours[0], inputs[0]))

  @parameterized.parameters(np.int8, np.int16, np.int32, np.int64, np.bool_)
  def test_types(self, dtype):
    rng = np.random.default_rng(7)
    quant = (dict(scale=0.1, zero_point=0)
             if dtype in (np.int8, np.int16) else None)
    model = dus_model([4, 6], [2, 5], dtype=dtype, quant=quant)
    inputs = [util.random_array(rng, [4, 6], dtype),
              util.random_array(rng, [2, 5], dtype),
              np.array([1, 3], np.int32)]
    util.compare_with_reference(self, model, inputs)

  def _rejected(self, pattern, model):
    with self.assertRaisesRegex(
        RuntimeError, r"DYNAMIC_UPDATE_SLICE \(number 0\).*" + pattern):
      runtime.Interpreter.from_bytes(model)

  def test_errors_are_reported(self):
    self._rejected("larger than the operand in dimension 1",
                   dus_model([4, 3], [2, 4]))
    self._rejected("operand's rank", dus_model([4, 3], [2]))
    self._rejected(r"start_indices must be int32 or int64 of shape \[2\]",
                   dus_model([4, 3], [2, 2], start_rank=3))
    self._rejected(r"start_indices must be int32 or int64",
                   dus_model([4, 3], [2, 2], index_dtype=np.int16))
    self._rejected("operand type FLOAT64 is not supported",
                   dus_model([4, 3], [2, 2], dtype=np.float64))


if __name__ == "__main__":
  absltest.main()
