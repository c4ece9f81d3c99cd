"""Code written for TFLM's `tflite-micro` wheel, run against this package.

The cases walk the same ground as TFLM's own runtime test (its API, its
classes and words of error, several interpreters at once, no leaked
outputs), with models made here by model_builder instead of TensorFlow.
Only TFLM's API is used, imported by TFLM's path, so the file also runs
against TFLM's wheel: put a directory holding that wheel's `tflite_micro`
package, with this package's model_builder.py and schema_py_generated.py
copied into its python/tflite_micro/, first on PYTHONPATH.

The one case that compares with LiteRT (ai-edge-litert, reference kernels)
passes arithmetic="litert" to this package's interpreter: TFLM's
FULLY_CONNECTED rounds ties one way and LiteRT's the other, so TFLM's own
wheel differs from LiteRT by one on rare outputs, and so does this package
by default (it reproduces TFLM).
"""

import gc
import os
import tempfile
import weakref

from absl.testing import absltest
import numpy as np

from tflite_micro.python.tflite_micro import model_builder
from tflite_micro.python.tflite_micro import runtime

INPUT_SHAPE = (1, 16, 16, 1)
OUTPUT_SHAPE = (1, 10)
# Only this package has the arithmetic= option (see the module's doc).
LITERT_ARITHMETIC = ({"arithmetic": "litert"}
                     if hasattr(runtime, "ARITHMETICS") else {})


def sum_chain_model():
  """Four float inputs a, b, c, d (tensors 0-3) summed as ((c + d) + b) + a:
  tensors 4, 5 and 6 hold the partial sums, 6 is the output."""
  b = model_builder.ModelBuilder()
  a, b_, c, d = (b.add_input([1], np.float32) for _ in range(4))
  partial = b.add_tensor([1], np.float32)
  b.add_operator("ADD", [c, d], [partial])
  partial2 = b.add_tensor([1], np.float32)
  b.add_operator("ADD", [partial, b_], [partial2])
  total = b.add_tensor([1], np.float32)
  b.add_operator("ADD", [partial2, a], [total])
  b.add_output(total)
  return b.build()


def int8_conv_model():
  """int8 [1, 16, 16, 1] -> CONV_2D (4 filters 3x3, stride 2, RELU) ->
  RESHAPE [1, 196] -> FULLY_CONNECTED -> int8 [1, 10], fixed weights."""
  rng = np.random.default_rng(7)
  b = model_builder.ModelBuilder()
  x = b.add_input(INPUT_SHAPE, np.int8, scale=0.5, zero_point=0)
  filter_scales = np.array([0.011, 0.013, 0.017, 0.019], np.float32)
  w = b.add_constant(rng.integers(-127, 128, (4, 3, 3, 1)).astype(np.int8),
                     scale=filter_scales, zero_point=0, quantized_dimension=0)
  bias = b.add_constant(rng.integers(-500, 500, 4).astype(np.int32),
                        scale=0.5 * filter_scales, zero_point=0)
  conv = b.add_tensor([1, 7, 7, 4], np.int8, scale=0.25, zero_point=-128)
  b.add_operator("CONV_2D", [x, w, bias], [conv], padding="VALID", stride_w=2,
                 stride_h=2, fused_activation_function="RELU")
  shape = b.add_constant(np.array([1, 196], np.int32))
  flat = b.add_tensor([1, 196], np.int8, scale=0.25, zero_point=-128)
  b.add_operator("RESHAPE", [conv, shape], [flat])
  fc_w = b.add_constant(rng.integers(-127, 128, (10, 196)).astype(np.int8),
                        scale=0.004, zero_point=0)
  fc_b = b.add_constant(rng.integers(-2000, 2000, 10).astype(np.int32),
                        scale=0.25 * 0.004, zero_point=0)
  y = b.add_tensor(OUTPUT_SHAPE, np.int8, scale=0.5, zero_point=3)
  b.add_operator("FULLY_CONNECTED", [flat, fc_w, fc_b], [y])
  b.add_output(y)
  return b.build()


def random_input(rng):
  return rng.integers(-127, 127, INPUT_SHAPE).astype(np.int8)


class PreserveAllTensorsTest(absltest.TestCase):

  def interpreter_with_inputs(self, values):
    # An explicit arena: TFLM's default (ten times the model) is too small
    # for a model this small with every tensor preserved (its wheel then
    # crashes); this package grows its default arena instead.
    interpreter = runtime.Interpreter.from_bytes(
        sum_chain_model(), arena_size=16 * 1024,
        intrepreter_config=runtime.InterpreterConfig.kPreserveAllTensors)
    for index, value in enumerate(values):
      interpreter.set_input(np.array([value], np.float32), index)
    return interpreter

  def test_every_tensor_readable_after_invoke(self):
    interpreter = self.interpreter_with_inputs([1, 2, 3, 4])
    interpreter.invoke()
    self.assertEqual(float(interpreter.get_output(0)[0]), 10.0)
    expected = [1, 2, 3, 4, 7, 9, 10]
    for index, value in enumerate(expected):
      self.assertEqual(interpreter.GetTensor(index, 0)["tensor_data"][0],
                       value, f"tensor {index}")

  def test_tensors_hold_distinct_values(self):
    interpreter = self.interpreter_with_inputs([1, 2, 3, 4])
    interpreter.invoke()
    values = {float(interpreter.GetTensor(i, 0)["tensor_data"][0])
              for i in range(7)}
    self.assertLen(values, 7)


class ConvModelTest(absltest.TestCase):

  @classmethod
  def setUpClass(cls):
    super().setUpClass()
    cls.model = int8_conv_model()
    cls.directory = tempfile.mkdtemp()
    cls.path = os.path.join(cls.directory, "conv.tflite")
    with open(cls.path, "wb") as f:
      f.write(cls.model)

  def setUp(self):
    super().setUp()
    self.rng = np.random.default_rng(11)

  def check_details(self, details):
    self.assertEqual(details["dtype"], np.int8)
    quantization = details["quantization_parameters"]
    self.assertLen(quantization["scales"], 1)
    self.assertEqual(quantization["quantized_dimension"], 0)
    self.assertEqual(quantization["scales"].dtype, np.float32)
    self.assertEqual(quantization["zero_points"].dtype, np.int32)

  def test_missing_model_file(self):
    with self.assertRaisesRegex(ValueError, "Invalid model file path"):
      runtime.Interpreter.from_file("wrong.tflite")

  def test_input_details(self):
    interpreter = runtime.Interpreter.from_bytes(self.model)
    interpreter.set_input(random_input(self.rng), 0)
    details = interpreter.get_input_details(0)
    np.testing.assert_array_equal(details["shape"], INPUT_SHAPE)
    self.check_details(details)

  def test_input_mistakes(self):
    interpreter = runtime.Interpreter.from_bytes(self.model)
    x = random_input(self.rng)
    with self.assertRaisesRegex(IndexError, "Tensor is out of bound"):
      interpreter.set_input(x, 1)
    with self.assertRaisesRegex(ValueError, r"Dimension mismatch\."):
      interpreter.set_input(x.reshape(1, 16, 16, 1, 1), 0)
    with self.assertRaisesRegex(ValueError, r"Dimension mismatch\."):
      interpreter.set_input(x.reshape(1, 2, 128, 1), 0)
    with self.assertRaisesRegex(ValueError, "Got value of type"):
      interpreter.set_input(x.astype(np.float32), 0)
    with self.assertRaisesRegex(IndexError, "Tensor is out of bound"):
      interpreter.get_input_details(1)

  def test_output_before_invoke_and_details(self):
    interpreter = runtime.Interpreter.from_bytes(self.model)
    np.testing.assert_array_equal(interpreter.get_output(0),
                                  np.zeros(OUTPUT_SHAPE))
    details = interpreter.get_output_details(0)
    np.testing.assert_array_equal(details["shape"], OUTPUT_SHAPE)
    self.check_details(details)

  def test_output_mistakes(self):
    interpreter = runtime.Interpreter.from_bytes(self.model)
    with self.assertRaisesRegex(IndexError, "Tensor is out of bound"):
      interpreter.get_output(1)
    with self.assertRaisesRegex(IndexError, "Tensor is out of bound"):
      interpreter.get_output_details(1)

  def test_same_as_litert_reference_kernels(self):
    try:
      from ai_edge_litert import interpreter as litert  # pylint: disable=g-import-not-at-top
    except ImportError:
      self.skipTest("ai-edge-litert is not installed")
    ours = runtime.Interpreter.from_bytes(self.model, **LITERT_ARITHMETIC)
    theirs = litert.Interpreter(
        model_content=self.model,
        experimental_op_resolver_type=litert.OpResolverType.BUILTIN_REF)
    theirs.allocate_tensors()
    x_index = theirs.get_input_details()[0]["index"]
    y_index = theirs.get_output_details()[0]["index"]
    for _ in range(100):
      x = random_input(self.rng)
      theirs.set_tensor(x_index, x)
      theirs.invoke()
      ours.set_input(x, 0)
      ours.invoke()
      y = ours.get_output(0)
      self.assertEqual(y.dtype, np.int8)
      self.assertEqual(y.shape, OUTPUT_SHAPE)
      np.testing.assert_array_equal(y, theirs.get_tensor(y_index))

  def test_file_and_bytes_agree(self):
    from_file = runtime.Interpreter.from_file(self.path)
    from_bytes = runtime.Interpreter.from_bytes(self.model)
    for _ in range(100):
      x = random_input(self.rng)
      outputs = []
      for interpreter in (from_file, from_bytes):
        interpreter.set_input(x, 0)
        interpreter.invoke()
        outputs.append(interpreter.get_output(0))
        self.assertEqual(outputs[-1].dtype, np.int8)
        self.assertEqual(outputs[-1].shape, OUTPUT_SHAPE)
      np.testing.assert_array_equal(outputs[0], outputs[1])

  def test_ten_interpreters_agree(self):
    interpreters = [runtime.Interpreter.from_bytes(self.model)
                    for _ in range(10)]
    for _ in range(100):
      x = random_input(self.rng)
      first = None
      for interpreter in interpreters:
        interpreter.set_input(x, 0)
        interpreter.invoke()
        y = interpreter.get_output(0)
        self.assertEqual(y.dtype, np.int8)
        self.assertEqual(y.shape, OUTPUT_SHAPE)
        first = y if first is None else first
        np.testing.assert_array_equal(y, first)

  def test_outputs_and_interpreter_are_freed(self):

    def make():
      interpreter = runtime.Interpreter.from_file(self.path)
      output = interpreter.get_output(0)
      return (weakref.finalize(interpreter, lambda: None),
              weakref.finalize(output, lambda: None))

    interpreter_ref, output_ref = make()
    gc.collect()
    self.assertFalse(interpreter_ref.alive)
    self.assertFalse(output_ref.alive)

  def test_registerers_not_a_list_of_strings(self):
    for registerers in ([("wrong", "format")], "WrongFormat"):
      with self.assertRaisesRegex(ValueError, "must be a list of strings"):
        runtime.Interpreter.from_bytes(self.model, registerers)

  def test_unknown_registerer(self):
    with self.assertRaisesRegex(
        RuntimeError, "TFLM could not register custom op via SomeRandomOp"):
      runtime.Interpreter.from_bytes(self.model, ["SomeRandomOp"])


if __name__ == "__main__":
  absltest.main()
