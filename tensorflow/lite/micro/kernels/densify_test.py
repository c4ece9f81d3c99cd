"""DENSIFY against LiteRT's reference kernels, on constant tensors stored in
TFLite's sparse format (dense and CSR levels, any traversal order, blocks,
8/16/32-bit index arrays)."""

import itertools

from absl.testing import absltest
from absl.testing import parameterized
import numpy as np

from tflite_micro.python.tflite_micro import runtime
from tflite_micro.tensorflow.lite.micro.testing import op_test_util as util

schema = util.model_builder.schema

_VECTOR_TYPES = {
    32: (schema.SparseIndexVector.Int32Vector, schema.Int32VectorT),
    16: (schema.SparseIndexVector.Uint16Vector, schema.Uint16VectorT),
    8: (schema.SparseIndexVector.Uint8Vector, schema.Uint8VectorT),
}


def encode(dense, order, formats, block_map=(), block_sizes=(),
           index_bits=32):
  """Sparse encoding of `dense`: (values, SparsityParametersT)."""
  rank = dense.ndim
  levels = len(order)
  extent = []
  for d in order:
    if d >= rank:
      extent.append(block_sizes[d - rank])
    else:
      size = dense.shape[d]
      for k, dim in enumerate(block_map):
        if dim == d:
          size //= block_sizes[k]
      extent.append(size)

  def element(coords):
    index = [0] * rank
    for l, d in enumerate(order):
      if d < rank:
        index[d] = coords[l]
    for l, d in enumerate(order):
      if d >= rank:
        k = d - rank
        index[block_map[k]] = index[block_map[k]] * block_sizes[k] + coords[l]
    return dense[tuple(index)]

  def any_nonzero(coords):
    rest = [range(e) for e in extent[len(coords):]]
    return any(element(list(coords) + list(tail)) != 0
               for tail in itertools.product(*rest))

  values = []
  segments = [[0] for _ in range(levels)]
  indices = [[] for _ in range(levels)]

  def visit(level, coords):
    if level == levels:
      values.append(element(coords))
      return
    if formats[level] == "dense":
      for i in range(extent[level]):
        visit(level + 1, coords + [i])
      return
    present = [i for i in range(extent[level])
               if any_nonzero(coords + [i])]
    indices[level].extend(present)
    segments[level].append(len(indices[level]))
    for i in present:
      visit(level + 1, coords + [i])

  visit(0, [])
  sparsity = schema.SparsityParametersT()
  sparsity.traversalOrder = list(order)
  sparsity.blockMap = list(block_map) if block_map else None
  sparsity.dimMetadata = []
  vector_type, vector_class = _VECTOR_TYPES[index_bits]
  for level in range(levels):
    m = schema.DimensionMetadataT()
    if formats[level] == "dense":
      m.format = schema.DimensionType.DENSE
      m.denseSize = extent[level]
    else:
      m.format = schema.DimensionType.SPARSE_CSR
      for name, data in (("arraySegments", segments[level]),
                         ("arrayIndices", indices[level])):
        vector = vector_class()
        vector.values = list(data)
        setattr(m, name, vector)
        setattr(m, name + "Type", vector_type)
    sparsity.dimMetadata.append(m)
  return np.array(values, dense.dtype), sparsity


def sparse_constant(b, graph, dense, sparsity_args, **quant):
  values, sparsity = encode(dense, **sparsity_args)
  index = graph.add_constant(values, **quant)
  tensor = graph._graph.tensors[index]  # pylint: disable=protected-access
  tensor.shape = list(dense.shape)
  tensor.sparsity = sparsity
  del b
  return index


def densify_model(dense, quant=None, **sparsity_args):
  b = util.ModelBuilder()
  quant = quant or {}
  x = sparse_constant(b, b.main, dense, sparsity_args, **quant)
  y = b.add_tensor(dense.shape, dense.dtype, **quant)
  b.add_operator("DENSIFY", [x], [y])
  b.add_output(y)
  return b.build()


def sparse_array(rng, shape, dtype, density=0.35):
  values = util.random_array(rng, shape, dtype)
  mask = rng.uniform(size=shape) < density
  out = np.where(mask, values, 0).astype(dtype)
  out[np.abs(out) == 0] = 0
  return out


class DensifyTest(parameterized.TestCase):

  @parameterized.named_parameters(
      ("csr_2d", [5, 7], dict(order=[0, 1], formats=["dense", "csr"])),
      ("csr_csr_2d", [6, 5], dict(order=[0, 1], formats=["csr", "csr"])),
      ("column_major", [4, 6], dict(order=[1, 0], formats=["dense", "csr"])),
      ("3d_permuted", [3, 4, 5],
       dict(order=[2, 0, 1], formats=["dense", "csr", "csr"])),
      ("block_1x4", [4, 8],
       dict(order=[0, 1, 2], formats=["dense", "csr", "dense"],
            block_map=[1], block_sizes=[4])),
      ("block_2x2", [4, 6],
       dict(order=[0, 1, 2, 3], formats=["dense", "csr", "dense", "dense"],
            block_map=[0, 1], block_sizes=[2, 2])),
      ("uint8_indices", [5, 9],
       dict(order=[0, 1], formats=["dense", "csr"], index_bits=8)),
      ("uint16_indices", [3, 300],
       dict(order=[0, 1], formats=["dense", "csr"], index_bits=16)),
      ("all_dense", [3, 4], dict(order=[0, 1], formats=["dense", "dense"])),
  )
  def test_float_and_int8(self, shape, sparsity_args):
    for dtype in (np.float32, np.int8):
      rng = np.random.default_rng(len(shape) + shape[-1])
      dense = sparse_array(rng, shape, dtype)
      quant = dict(scale=0.1, zero_point=0) if dtype == np.int8 else None
      ours = util.compare_with_reference(
          self, densify_model(dense, quant, **sparsity_args), [],
          context=str(dtype))
      np.testing.assert_array_equal(ours[0], dense)

  @parameterized.named_parameters(
      ("csr_2d", [5, 7], dict(order=[0, 1], formats=["dense", "csr"])),
      ("3d_permuted", [3, 4, 5],
       dict(order=[2, 0, 1], formats=["dense", "csr", "csr"])),
      ("block_1x4", [4, 8],
       dict(order=[0, 1, 2], formats=["dense", "csr", "dense"],
            block_map=[1], block_sizes=[4])),
  )
  def test_float16(self, shape, sparsity_args):
    rng = np.random.default_rng(shape[-1])
    dense = sparse_array(rng, shape, np.float16)
    ours = util.compare_with_reference(
        self, densify_model(dense, **sparsity_args), [], rtol=0, atol=0)
    self.assertEqual(ours[0].dtype, np.float16)
    np.testing.assert_array_equal(ours[0].view(np.uint16),
                                  dense.view(np.uint16))

  def test_float16_feeds_dequantize_and_conv(self):
    """MediaPipe's sparse detectors: DENSIFY (float16 filters) ->
    DEQUANTIZE -> CONV_2D."""
    rng = np.random.default_rng(9)
    filters = sparse_array(rng, [8, 3, 3, 4], np.float16, density=0.3)
    b = util.ModelBuilder()
    x = b.add_input([1, 6, 6, 4], np.float32)
    sparse = sparse_constant(
        b, b.main, filters,
        dict(order=[0, 1, 2, 3], formats=["dense", "dense", "dense", "csr"]))
    dense16 = b.add_tensor([8, 3, 3, 4], np.float16)
    b.add_operator("DENSIFY", [sparse], [dense16])
    dense32 = b.add_tensor([8, 3, 3, 4], np.float32)
    b.add_operator("DEQUANTIZE", [dense16], [dense32])
    bias = b.add_constant(util.random_array(rng, [8], np.float32))
    y = b.add_tensor([1, 6, 6, 8], np.float32)
    b.add_operator("CONV_2D", [x, dense32, bias], [y], padding="SAME",
                   stride_w=1, stride_h=1)
    b.add_output(y)
    util.compare_with_reference(
        self, b.build(), [util.random_array(rng, [1, 6, 6, 4], np.float32)])

  def test_unsupported_type_is_reported(self):
    dense = np.array([[0, 3], [4, 0]], np.int16)
    with self.assertRaisesRegex(
        RuntimeError, r"DENSIFY \(number 0\).*type INT16 is not supported"):
      runtime.Interpreter.from_bytes(
          densify_model(dense, dict(scale=0.1, zero_point=0), order=[0, 1],
                        formats=["dense", "csr"]))

  def test_all_zero_is_reported_as_litert_does(self):
    # No stored values means an empty buffer: not a constant for LiteRT.
    dense = np.zeros([3, 4], np.float32)
    with self.assertRaisesRegex(RuntimeError,
                                r"DENSIFY \(number 0\).*constant sparse"):
      runtime.Interpreter.from_bytes(
          densify_model(dense, order=[0, 1], formats=["dense", "csr"]))

  def test_feeds_fully_connected(self):
    rng = np.random.default_rng(4)
    weights = sparse_array(rng, [6, 8], np.float32)
    b = util.ModelBuilder()
    x = b.add_input([2, 8], np.float32)
    w_sparse = sparse_constant(b, b.main, weights,
                               dict(order=[0, 1], formats=["dense", "csr"]))
    w = b.add_tensor([6, 8], np.float32)
    y = b.add_tensor([2, 6], np.float32)
    b.add_operator("DENSIFY", [w_sparse], [w])
    b.add_operator("FULLY_CONNECTED", [x, w, -1], [y])
    b.add_output(y)
    inputs = [util.random_array(rng, [2, 8], np.float32)]
    ours = util.compare_with_reference(self, b.build(), inputs)
    np.testing.assert_allclose(ours[0], inputs[0] @ weights.T, rtol=1e-5,
                               atol=1e-6)

  def _broken(self, mutate):
    rng = np.random.default_rng(1)
    dense = sparse_array(rng, [4, 5], np.float32, density=0.5)
    b = util.ModelBuilder()
    x = sparse_constant(b, b.main, dense,
                        dict(order=[0, 1], formats=["dense", "csr"]))
    mutate(b.main._graph.tensors[x])  # pylint: disable=protected-access
    y = b.add_tensor([4, 5], np.float32)
    b.add_operator("DENSIFY", [x], [y])
    b.add_output(y)
    return b.build()

  def test_index_out_of_range_is_reported(self):
    def mutate(tensor):
      tensor.sparsity.dimMetadata[1].arrayIndices.values[0] = 9
    with self.assertRaisesRegex(RuntimeError,
                                r"DENSIFY \(number 0\).*index 9 outside"):
      runtime.Interpreter.from_bytes(self._broken(mutate))

  def test_too_few_values_are_reported(self):
    def mutate(tensor):
      segments = tensor.sparsity.dimMetadata[1].arraySegments.values
      tensor.sparsity.dimMetadata[1].arraySegments.values = [
          min(s, segments[-1] - 1) for s in segments]
      tensor.sparsity.dimMetadata[1].arrayIndices.values = (
          tensor.sparsity.dimMetadata[1].arrayIndices.values[:-1])
    with self.assertRaisesRegex(RuntimeError,
                                r"DENSIFY \(number 0\).*stored values"):
      runtime.Interpreter.from_bytes(self._broken(mutate))

  def test_wrong_segment_count_is_reported(self):
    def mutate(tensor):
      tensor.sparsity.dimMetadata[1].arraySegments.values = [0, 1]
    with self.assertRaisesRegex(RuntimeError,
                                r"DENSIFY \(number 0\).*segment boundaries"):
      runtime.Interpreter.from_bytes(self._broken(mutate))

  def test_sparse_tensor_read_by_another_op_is_rejected(self):
    # FULLY_CONNECTED would read the short buffer as a dense [6, 8] matrix.
    rng = np.random.default_rng(2)
    weights = sparse_array(rng, [6, 8], np.float32)
    b = util.ModelBuilder()
    x = b.add_input([2, 8], np.float32)
    w = sparse_constant(b, b.main, weights,
                        dict(order=[0, 1], formats=["dense", "csr"]))
    y = b.add_tensor([2, 6], np.float32)
    b.add_operator("FULLY_CONNECTED", [x, w, -1], [y])
    b.add_output(y)
    with self.assertRaisesRegex(
        ValueError, r"FULLY_CONNECTED.*only DENSIFY can read sparse"):
      runtime.Interpreter.from_bytes(b.build())

  def test_dense_input_is_reported(self):
    b = util.ModelBuilder()
    x = b.add_constant(np.ones([2, 2], np.float32))
    y = b.add_tensor([2, 2], np.float32)
    b.add_operator("DENSIFY", [x], [y])
    b.add_output(y)
    with self.assertRaisesRegex(RuntimeError,
                                r"DENSIFY \(number 0\).*constant sparse"):
      runtime.Interpreter.from_bytes(b.build())


if __name__ == "__main__":
  absltest.main()
