"""EMBEDDING_LOOKUP against LiteRT's reference kernels: rows of any
movable type, int8 rows dequantized to float32 (one scale or one per row),
repeated ids, and the errors reported."""

from absl.testing import absltest
from absl.testing import parameterized
import numpy as np

from tflite_micro.python.tflite_micro import runtime
from tflite_micro.tensorflow.lite.micro.testing import op_test_util as util

OP = "EMBEDDING_LOOKUP"


def lookup_model(num_ids, value, out_dtype=None, quant=None,
                 id_dtype=np.int32, constant=True):
  b = util.ModelBuilder()
  quant = quant or {}
  ids = b.add_input([num_ids], id_dtype)
  if constant:
    v = b.add_constant(value, **quant)
  else:
    v = b.add_input(value.shape, value.dtype, **quant)
  out_dtype = out_dtype or value.dtype
  out_quant = quant if out_dtype == value.dtype else {}
  y = b.add_tensor([num_ids] + list(value.shape[1:]), out_dtype, **out_quant)
  b.add_operator(OP, [ids, v], [y])
  b.add_output(y)
  return b.build()


class EmbeddingLookupTest(parameterized.TestCase):

  @parameterized.named_parameters(
      ("float_2d", np.float32, [6, 4]),
      ("float_4d", np.float32, [5, 2, 3, 2]),
      ("int8", np.int8, [6, 5]),
      ("uint8", np.uint8, [6, 5]),
      ("int16", np.int16, [4, 3]),
      ("int32", np.int32, [7, 2]),
      ("int64", np.int64, [4, 3]),
  )
  def test_rows(self, dtype, shape):
    rng = np.random.default_rng(shape[0])
    value = util.random_array(rng, shape, dtype)
    quant = (dict(scale=0.05, zero_point=0)
             if dtype in (np.int8, np.uint8, np.int16) else None)
    ids = np.array([3, 0, 3, shape[0] - 1, 1], np.int32)
    for constant in (True, False):
      model = lookup_model(len(ids), value, quant=quant, constant=constant)
      inputs = [ids] if constant else [ids, value]
      ours = util.compare_with_reference(self, model, inputs)
      np.testing.assert_array_equal(ours[0], value[ids])

  @parameterized.named_parameters(
      ("one_scale", 0.037),
      ("per_row", [0.01, 0.02, 0.5, 0.003, 0.07, 1.5]),
  )
  def test_int8_to_float(self, scale):
    rng = np.random.default_rng(4)
    value = util.random_array(rng, [6, 8], np.int8)
    model = lookup_model(4, value, out_dtype=np.float32,
                         quant=dict(scale=scale, zero_point=0))
    ids = np.array([5, 2, 2, 0], np.int32)
    ours = util.compare_with_reference(self, model, [ids])
    scales = np.broadcast_to(np.asarray(scale, np.float64).reshape(-1, 1),
                             [6, 1])
    np.testing.assert_allclose(ours[0], (value * scales)[ids], rtol=1e-6)

  def test_id_out_of_range_is_reported(self):
    value = np.ones([3, 2], np.float32)
    interpreter = runtime.Interpreter.from_bytes(lookup_model(2, value))
    interpreter.set_input(np.array([1, 3], np.int32), 0)
    with self.assertRaisesRegex(RuntimeError,
                                r"id 3 \(position 1\) is outside \[0, 3\)"):
      interpreter.invoke()

  def _rejected(self, pattern, model):
    with self.assertRaisesRegex(
        RuntimeError, r"EMBEDDING_LOOKUP \(number 0\).*" + pattern):
      runtime.Interpreter.from_bytes(model)

  def test_errors_are_reported(self):
    self._rejected("ids must be a 1-D int32",
                   lookup_model(2, np.ones([3, 2], np.float32),
                                id_dtype=np.int64))
    self._rejected("rank 2 to 8", lookup_model(2, np.ones([3], np.float32)))
    self._rejected("only int8 values may give a float32 output",
                   lookup_model(2, np.ones([3, 2], np.int16),
                                out_dtype=np.float32,
                                quant=dict(scale=0.1, zero_point=0)))


if __name__ == "__main__":
  absltest.main()
