"""Model builders and data for the element-wise op tests.

Each test builds a one-operator model with the project's model builder, runs
it here and in LiteRT's reference kernels (op_test_util), and compares.
"""

from absl.testing import parameterized
import numpy as np

from tflite_micro.python.tflite_micro import runtime
from tflite_micro.tensorflow.lite.micro.testing import op_test_util as util

# (shape of input 1, shape of input 2) covering the broadcasting patterns:
# equal shapes, scalars, a row, a column against a row, a rank mismatch, and
# broadcasting in every dimension of 4-D to 8-D shapes (8 is the most a model
# may have).
BROADCAST_SHAPES = [
    ([2, 3], [2, 3]),
    ([2, 3], []),
    ([], [5]),
    ([3, 4], [1, 4]),
    ([3, 1], [1, 4]),
    ([2, 3, 4], [4]),
    ([5], [2, 3, 1]),
    ([2, 1, 3, 4], [1, 5, 1, 4]),
    ([2, 1, 2, 1, 3], [1, 3, 1, 2, 1]),
    ([1, 2, 1, 2, 1, 3], [2, 1, 2, 1, 3, 1]),
    ([2, 1, 2, 1, 2, 1, 2], [1, 2, 1, 2, 1, 2, 1]),
    ([2, 1, 2, 1, 2, 1, 2, 1], [1, 2, 1, 2, 1, 2, 1, 3]),
]

QUANTIZED = (np.int8, np.int16)

ACTIVATIONS = ["NONE", "RELU", "RELU6", "RELU_N1_TO_1"]

# Models without constants are tiny, so the runtime's default arena (a
# multiple of the model's size) does not fit larger test tensors.
ARENA_SIZE = 1 << 18


def broadcast_shape(*shapes):
  return list(np.broadcast_shapes(*[tuple(s) for s in shapes]))


def _quant_kwargs(q):
  return {} if q is None else {"scale": q[0], "zero_point": q[1]}


def build_model(op, input_shapes, dtypes, output_dtype, quantization=None,
                output_quantization=None, output_shape=None, constants=None,
                **options):
  """One `op` node; inputs are graph inputs unless given in `constants`.

  quantization: per input (scale, zero_point) or None.
  constants: per input a numpy array (a constant tensor) or None.
  """
  b = util.ModelBuilder()
  count = len(input_shapes)
  quantization = quantization or [None] * count
  constants = constants or [None] * count
  inputs = []
  for shape, dtype, q, value in zip(input_shapes, dtypes, quantization,
                                    constants):
    if value is None:
      inputs.append(b.add_input(shape, dtype, **_quant_kwargs(q)))
    else:
      inputs.append(b.add_constant(np.asarray(value, dtype),
                                   **_quant_kwargs(q)))
  if output_shape is None:
    output_shape = broadcast_shape(*input_shapes)
  out = b.add_tensor(output_shape, output_dtype,
                     **_quant_kwargs(output_quantization))
  b.add_operator(op, inputs, [out], **options)
  b.add_output(out)
  return b.build()


def build_binary(op, shape1, shape2, dtype, output_dtype=None, q1=None,
                 q2=None, q_out=None, **options):
  return build_model(op, [shape1, shape2], [dtype, dtype],
                     output_dtype or dtype, quantization=[q1, q2],
                     output_quantization=q_out, **options)


def random_quantization(rng, dtype, low=0.004, high=0.05):
  """A random (scale, zero_point): symmetric for int16, as TFLite requires."""
  scale = float(rng.uniform(low, high))
  if np.dtype(dtype) == np.int16:
    return scale / 128.0, 0
  info = np.iinfo(dtype)
  return scale, int(rng.integers(info.min, info.max + 1))


def random_values(rng, shape, dtype, low=None, high=None):
  """Random data; floats in [-4, 4] unless bounds are given."""
  if np.dtype(dtype) == np.float32:
    return util.random_array(rng, shape, dtype, -4.0 if low is None else low,
                             4.0 if high is None else high)
  return util.random_array(rng, shape, dtype, low, high)


def run_ours(model_bytes, inputs, arithmetic="tflm"):
  return util.run_tflm(model_bytes, inputs, arena_size=ARENA_SIZE,
                       arithmetic=arithmetic)


def compare(test, model_bytes, inputs, context=""):
  """Outputs equal LiteRT's: integers bit for bit, floats within
  op_test_util's tolerance.

  Bit exactness holds in both arithmetic variants: TFLM's and LiteRT's
  element-wise kernels rescale the same way (two roundings).
  """
  reference = util.run_litert_reference(model_bytes, inputs)
  for arithmetic in ("litert", "tflm"):
    ours = run_ours(model_bytes, inputs, arithmetic=arithmetic)
    util.assert_outputs_match(test, ours, reference,
                              context=f"{arithmetic} {context}".strip())
  return ours


def read_csv_row(path, dtype):
  with open(path) as f:
    return np.array([int(v) for v in f.read().replace("\n", "").split(",")
                     if v.strip()], dtype=dtype)


def seanet_cases(op_dir):
  """(name, model path, [input paths], golden path) of ../shared's seanet
  per-layer cases for one op (e.g. "add"), or [] when the data is absent."""
  import glob  # pylint: disable=g-import-not-at-top
  import os  # pylint: disable=g-import-not-at-top
  from tflite_micro.tensorflow.lite.micro.testing import shared_data  # pylint: disable=g-import-not-at-top
  root = shared_data.conformance_dir()
  if root is None:
    return []
  cases = []
  for model in sorted(glob.glob(os.path.join(root, "seanet", op_dir,
                                             "*.tflite"))):
    name = os.path.basename(model)[:-len(".tflite")]
    inputs = sorted(glob.glob(os.path.join(os.path.dirname(model),
                                           name + "_input*_*.csv")))
    goldens = glob.glob(os.path.join(os.path.dirname(model),
                                     name + "_golden_*.csv"))
    if goldens:
      cases.append((name, model, inputs, goldens[0]))
  return cases


def check_seanet_cases(test, op_dir):
  """Runs every seanet case of `op_dir`; outputs must equal the goldens."""
  cases = seanet_cases(op_dir)
  if not cases:
    test.skipTest("../shared seanet conformance data is not available")
  for name, model, input_paths, golden_path in cases:
    with open(model, "rb") as f:
      interpreter = runtime.Interpreter.from_bytes(f.read(),
                                                   arena_size=ARENA_SIZE)
    for i, path in enumerate(input_paths):
      detail = interpreter.get_input_details(i)
      value = read_csv_row(path, detail["dtype"]).reshape(detail["shape"])
      interpreter.set_input(value, i)
    interpreter.invoke()
    out = interpreter.get_output(0)
    golden = read_csv_row(golden_path, out.dtype)
    test.assertEqual(out.size, golden.size, name)
    mismatches = np.flatnonzero(out.ravel() != golden)
    test.assertEqual(
        mismatches.size, 0,
        f"{name}: {mismatches.size} of {golden.size} elements differ from the "
        f"golden" + (f"; first at {mismatches[0]}: "
                     f"{out.ravel()[mismatches[0]]} vs "
                     f"{golden[mismatches[0]]}" if mismatches.size else ""))


class AddSubTestCases(parameterized.TestCase):
  """The cases ADD and SUB share (their kernels and LiteRT's do the same up
  to the sign). Subclasses set OP ("ADD" or "SUB") and SYMBOL ("+", "-")."""

  OP = None
  SYMBOL = None

  def assert_reported(self, model, pattern):
    with self.assertRaisesRegex(RuntimeError,
                                self.OP + r" \(number 0\).*" + pattern):
      runtime.Interpreter.from_bytes(model)

  @parameterized.product(dtype=[np.float32, np.int32, np.int64],
                         activation=ACTIVATIONS)
  def test_plain_types_broadcast(self, dtype, activation):
    rng = np.random.default_rng(1)
    for shape1, shape2 in BROADCAST_SHAPES:
      model = build_binary(self.OP, shape1, shape2, dtype,
                           fused_activation_function=activation)
      low, high = (-20, 20) if dtype != np.float32 else (None, None)
      inputs = [random_values(rng, shape1, dtype, low, high),
                random_values(rng, shape2, dtype, low, high)]
      compare(self, model, inputs, context=f"{shape1} {self.SYMBOL} {shape2}")

  @parameterized.parameters(np.int32, np.int64)
  def test_integer_overflow_wraps(self, dtype):
    rng = np.random.default_rng(2)
    model = build_binary(self.OP, [4, 8], [8], dtype)
    inputs = [random_values(rng, [4, 8], dtype),
              random_values(rng, [8], dtype)]
    compare(self, model, inputs)

  @parameterized.product(dtype=[np.int8, np.int16], activation=ACTIVATIONS)
  def test_quantized_broadcast(self, dtype, activation):
    rng = np.random.default_rng(3)
    for shape1, shape2 in BROADCAST_SHAPES:
      q1 = random_quantization(rng, dtype)
      q2 = random_quantization(rng, dtype)
      q_out = random_quantization(rng, dtype, 0.01, 0.1)
      model = build_binary(self.OP, shape1, shape2, dtype, q1=q1, q2=q2,
                           q_out=q_out, fused_activation_function=activation,
                           pot_scale_int16=False)
      inputs = [random_values(rng, shape1, dtype),
                random_values(rng, shape2, dtype)]
      compare(self, model, inputs,
              context=f"{shape1} {self.SYMBOL} {shape2} {q1} {q2} {q_out}")

  @parameterized.parameters(np.int8, np.int16)
  def test_quantized_scale_ratios(self, dtype):
    # Input scales far apart, equal, and outputs finer and coarser than them.
    rng = np.random.default_rng(4)
    base = 0.02 if dtype == np.int8 else 0.0002
    for r1, r2, r_out in [(1, 1, 1), (1, 30, 8), (7, 0.1, 0.5), (1, 1, 0.03),
                          (0.5, 2, 100)]:
      q1 = (base * r1, 0 if dtype == np.int16 else -5)
      q2 = (base * r2, 0 if dtype == np.int16 else 17)
      q_out = (base * r_out, 0 if dtype == np.int16 else 3)
      model = build_binary(self.OP, [40, 64], [64], dtype, q1=q1, q2=q2,
                           q_out=q_out, pot_scale_int16=False)
      inputs = [random_values(rng, [40, 64], dtype),
                random_values(rng, [64], dtype)]
      compare(self, model, inputs, context=f"{r1} {r2} {r_out}")

  @parameterized.parameters("NONE", "RELU", "RELU_N1_TO_1")
  def test_int16_power_of_two_scales(self, activation):
    rng = np.random.default_rng(5)
    for e1, e2, e_out in [(-10, -10, -10), (-12, -10, -10), (-10, -14, -10),
                          (-15, -15, -15)]:
      model = build_binary(self.OP, [2, 3, 8], [2, 3, 8], np.int16,
                           q1=(2.0 ** e1, 0), q2=(2.0 ** e2, 0),
                           q_out=(2.0 ** e_out, 0), pot_scale_int16=True,
                           fused_activation_function=activation)
      inputs = [random_values(rng, [2, 3, 8], np.int16),
                random_values(rng, [2, 3, 8], np.int16)]
      compare(self, model, inputs,
              context=f"2^{e1} {self.SYMBOL} 2^{e2} -> 2^{e_out}")

  def test_int16_power_of_two_scales_broadcast(self):
    # LiteRT's power-of-two path does not broadcast, so the oracle gets the
    # inputs already broadcast to the output shape.
    rng = np.random.default_rng(6)
    q1, q2, q_out = (2.0 ** -12, 0), (2.0 ** -10, 0), (2.0 ** -10, 0)
    for shape1, shape2 in BROADCAST_SHAPES:
      shape = broadcast_shape(shape1, shape2)
      x = random_values(rng, shape1, np.int16)
      y = random_values(rng, shape2, np.int16)
      ours = run_ours(
          build_binary(self.OP, shape1, shape2, np.int16, q1=q1, q2=q2,
                       q_out=q_out, pot_scale_int16=True), [x, y])
      reference = util.run_litert_reference(
          build_binary(self.OP, shape, shape, np.int16, q1=q1, q2=q2,
                       q_out=q_out, pot_scale_int16=True),
          [np.broadcast_to(x, shape).copy(), np.broadcast_to(y, shape).copy()])
      util.assert_outputs_match(self, ours, reference,
                                context=f"{shape1} {self.SYMBOL} {shape2}")

  def test_non_power_of_two_scale_takes_general_path(self):
    # pot_scale_int16 only asks; a scale that is not a power of two falls
    # back to the general int16 arithmetic.
    rng = np.random.default_rng(7)
    model = build_binary(self.OP, [4, 5], [5], np.int16, q1=(2.0 ** -10, 0),
                         q2=(0.0003, 0), q_out=(2.0 ** -9, 0),
                         pot_scale_int16=True)
    inputs = [random_values(rng, [4, 5], np.int16),
              random_values(rng, [5], np.int16)]
    compare(self, model, inputs)

  def test_constant_input_and_wrong_model_output_shape(self):
    # The output shape comes from the inputs, not from the model.
    rng = np.random.default_rng(8)
    constant = random_values(rng, [3, 1], np.float32)
    model = build_model(self.OP, [[2, 1, 4], [3, 1]], [np.float32] * 2,
                        np.float32, constants=[None, constant],
                        output_shape=[1])
    x = random_values(rng, [2, 1, 4], np.float32)
    out = compare(self, model, [x])
    self.assertEqual(out[0].shape, (2, 3, 4))

  def test_seanet_int16_conformance(self):
    check_seanet_cases(self, self.OP.lower())

  def test_incompatible_shapes_are_reported(self):
    self.assert_reported(
        build_model(self.OP, [[2, 3], [4]], [np.float32] * 2, np.float32,
                    output_shape=[2, 3]),
        r"\[2, 3\] and \[4\] cannot be broad")

  def test_mismatched_types_are_reported(self):
    self.assert_reported(
        build_model(self.OP, [[2], [2]], [np.float32, np.int32], np.float32),
        r"FLOAT32.*INT32")

  def test_int16_nonzero_zero_point_is_reported(self):
    self.assert_reported(
        build_binary(self.OP, [2], [2], np.int16, q1=(0.01, 3),
                     q2=(0.01, 0), q_out=(0.02, 0), pot_scale_int16=False),
        r"zero points must be 0")

  def test_int16_power_of_two_coarser_input_is_reported(self):
    self.assert_reported(
        build_binary(self.OP, [2], [2], np.int16, q1=(2.0 ** -8, 0),
                     q2=(2.0 ** -10, 0), q_out=(2.0 ** -10, 0),
                     pot_scale_int16=True),
        r"coarser than the output")
