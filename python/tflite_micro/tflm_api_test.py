"""TFLM's Python API beside this package's own: the config enum and its two
keyword spellings, GetTensor's dict and its need of preserved tensors,
status codes, the classes of error (each also the class this package raised
before), the op packages in the native module and the import paths."""

import errno
import os
import struct
import tempfile

from absl.testing import absltest
import numpy as np

from tflite_micro.python.tflite_micro import model_builder
from tflite_micro.python.tflite_micro import runtime
from tflite_micro.tensorflow.lite.micro.testing import shared_data

Config = runtime.InterpreterConfig


def chain_model():
  """int8 [1, 4] x -> ADD(x, 3) -> h -> MUL(h, 2) -> y; tensor 2 (h) is an
  intermediate, 1 and 3 are constants."""
  b = model_builder.ModelBuilder()
  x = b.add_input([1, 4], np.int8, name="x", scale=1.0, zero_point=0)
  three = b.add_constant(np.full([1, 4], 3, np.int8), name="three", scale=1.0,
                         zero_point=0)
  h = b.add_tensor([1, 4], np.int8, name="h", scale=1.0, zero_point=0)
  b.add_operator("ADD", [x, three], [h])
  two = b.add_constant(np.full([1, 4], 2, np.int8), name="two", scale=1.0,
                       zero_point=0)
  y = b.add_tensor([1, 4], np.int8, name="y", scale=1.0, zero_point=0)
  b.add_operator("MUL", [h, two], [y])
  b.add_output(y)
  return b.build()


X = np.array([[1, 2, 3, 4]], np.int8)


def run(interpreter):
  interpreter.set_input(X, 0)
  interpreter.invoke()
  return interpreter


class ConfigTest(absltest.TestCase):

  def setUp(self):
    super().setUp()
    self.model = chain_model()

  def test_both_spellings_preserve_all_tensors(self):
    for keyword in ("intrepreter_config", "interpreter_config"):
      interpreter = run(runtime.Interpreter.from_bytes(
          self.model, **{keyword: Config.kPreserveAllTensors}))
      np.testing.assert_array_equal(
          interpreter.GetTensor(2, 0)["tensor_data"], X + 3)

  def test_positional_order_is_tflms(self):
    # (model, custom_op_registerers, arena_size, intrepreter_config,
    # alt_decompression_memory_size)
    with tempfile.TemporaryDirectory() as directory:
      path = os.path.join(directory, "chain.tflite")
      with open(path, "wb") as f:
        f.write(self.model)
      interpreter = run(runtime.Interpreter.from_file(
          path, [], 64 * 1024, Config.kPreserveAllTensors, 0))
    np.testing.assert_array_equal(interpreter.GetTensor(2)["tensor_data"],
                                  X + 3)

  def test_old_positional_preserve_flag(self):
    interpreter = run(runtime.Interpreter.from_bytes(self.model, None, None,
                                                     True))
    np.testing.assert_array_equal(interpreter.get_tensor(2), X + 3)

  def test_recording_config_records(self):
    interpreter = run(runtime.Interpreter.from_bytes(
        self.model, intrepreter_config=Config.kAllocationRecording))
    self.assertGreater(interpreter.arena_used_bytes(), 0)
    with self.assertRaises(RuntimeError):
      interpreter.GetTensor(2, 0)

  def test_config_mistakes(self):
    for config in (1, "kPreserveAllTensors", True):
      with self.assertRaisesRegex(ValueError, "must be a runtime.Interpreter"):
        runtime.Interpreter.from_bytes(self.model, interpreter_config=config)
    with self.assertRaisesRegex(ValueError, "disagree"):
      runtime.Interpreter.from_bytes(
          self.model, intrepreter_config=Config.kPreserveAllTensors,
          interpreter_config=Config.kAllocationRecording)
    with self.assertRaisesRegex(ValueError, "contradicts"):
      runtime.Interpreter.from_bytes(
          self.model, intrepreter_config=Config.kAllocationRecording,
          preserve_all_tensors=True)
    with self.assertRaisesRegex(ValueError, "alt_decompression_memory_size"):
      runtime.Interpreter.from_bytes(self.model,
                                     alt_decompression_memory_size=-1)


class TensorReadingTest(absltest.TestCase):

  def setUp(self):
    super().setUp()
    self.model = chain_model()

  def test_get_tensor_dict(self):
    interpreter = run(runtime.Interpreter.from_bytes(
        self.model, intrepreter_config=Config.kPreserveAllTensors))
    tensor = interpreter.GetTensor(2, 0)
    self.assertContainsSubset({"tensor_data", "shape", "dtype"}, tensor)
    self.assertEqual(tensor["name"], "h")
    self.assertEqual(tensor["index"], 2)
    self.assertEqual(tensor["dtype"], np.int8)
    self.assertEqual(tensor["shape"].dtype, np.int32)
    np.testing.assert_array_equal(tensor["shape"], [1, 4])
    self.assertEqual(tensor["tensor_data"].dtype, np.int8)
    np.testing.assert_array_equal(tensor["tensor_data"], X + 3)
    self.assertEqual(list(tensor["quantization_parameters"]["scales"]), [1.0])
    # A copy: changing it leaves the interpreter's tensor alone.
    tensor["tensor_data"][:] = 0
    np.testing.assert_array_equal(interpreter.GetTensor(2)["tensor_data"],
                                  X + 3)

  def test_get_tensor_needs_preserved_tensors(self):
    interpreter = run(runtime.Interpreter.from_bytes(self.model))
    with self.assertRaisesRegex(RuntimeError, "kPreserveAllTensors"):
      interpreter.GetTensor(0, 0)

  def test_get_tensor_reads_only_kept_tensors_without_preservation(self):
    interpreter = run(runtime.Interpreter.from_bytes(self.model))
    np.testing.assert_array_equal(interpreter.get_tensor(0), X)  # input
    np.testing.assert_array_equal(interpreter.get_tensor(1),
                                  np.full([1, 4], 3))  # constant
    np.testing.assert_array_equal(interpreter.get_tensor(4),
                                  (X + 3) * 2)  # output
    with self.assertRaisesRegex(RuntimeError,
                                r"Tensor 2 of subgraph 0 is an intermediate.*"
                                r"preserve_all_tensors=True"):
      interpreter.get_tensor(2)

  def test_inputs_not_kept_when_not_preserved(self):
    interpreter = run(runtime.Interpreter.from_bytes(self.model,
                                                     preserve_inputs=False))
    with self.assertRaisesRegex(RuntimeError, "intermediate"):
      interpreter.get_tensor(0)

  def test_status_codes(self):
    interpreter = runtime.Interpreter.from_bytes(self.model)
    interpreter.set_input(X, 0)
    self.assertEqual(interpreter.invoke(), 0)
    self.assertEqual(interpreter.reset(), 0)

  def test_details_keys_are_a_superset_of_tflms(self):
    interpreter = runtime.Interpreter.from_bytes(self.model)
    for details in (interpreter.get_input_details(0),
                    interpreter.get_output_details(0)):
      self.assertContainsSubset({"shape", "dtype", "quantization_parameters"},
                                details)
      self.assertContainsSubset({"scales", "zero_points",
                                 "quantized_dimension"},
                                details["quantization_parameters"])


class ErrorClassTest(absltest.TestCase):
  """TFLM's class for each mistake, and the one this package raised before
  (code catching either keeps working); messages keep naming what was
  expected and what was given."""

  def setUp(self):
    super().setUp()
    self.model = chain_model()
    self.interpreter = runtime.Interpreter.from_bytes(
        self.model, preserve_all_tensors=True)

  def test_index_out_of_range(self):
    mistakes = [
        lambda: self.interpreter.set_input(X, 1),
        lambda: self.interpreter.get_output(3),
        lambda: self.interpreter.get_input_details(-1),
        lambda: self.interpreter.get_output_details(1),
        lambda: self.interpreter.get_tensor(5),
        lambda: self.interpreter.GetTensor(0, 1),
        lambda: self.interpreter.GetTensor(2**70, 0),
        lambda: self.interpreter.resize_input(1, [1, 4]),
    ]
    for mistake in mistakes:
      with self.assertRaisesRegex(runtime.IndexOutOfRangeError,
                                  "out of range") as caught:
        mistake()
      self.assertIsInstance(caught.exception, IndexError)
      self.assertIsInstance(caught.exception, ValueError)
    with self.assertRaisesRegex(IndexError,
                                r"tensor index 5 is out of range: the model "
                                r"has 5 tensors \(Tensor is out of bound\)"):
      self.interpreter.get_tensor(5)

  def test_missing_model_file(self):
    with self.assertRaisesRegex(ValueError,
                                "Invalid model file path.*nope.tflite") as e:
      runtime.Interpreter.from_file("/nonexistent/nope.tflite")
    self.assertIsInstance(e.exception, FileNotFoundError)
    self.assertIsInstance(e.exception, runtime.ModelPathError)
    self.assertEqual(e.exception.errno, errno.ENOENT)
    with tempfile.TemporaryDirectory() as directory:
      with self.assertRaisesRegex(ValueError, "is not a file"):
        runtime.Interpreter.from_file(directory)
    for path in (None, 3):
      with self.assertRaisesRegex(ValueError, "Invalid model file path"):
        runtime.Interpreter.from_file(path)

  def test_unknown_registerer(self):
    with self.assertRaisesRegex(
        RuntimeError,
        "TFLM could not register custom op via NoSuch: Custom op registerer "
        "'NoSuch' was not found") as e:
      runtime.Interpreter.from_bytes(self.model, ["NoSuch"])
    self.assertIsInstance(e.exception, ValueError)
    self.assertIsInstance(e.exception, runtime.RegistererNotFoundError)

  def test_registerer_lists(self):
    # A bare string is refused whole, never split into one-letter names.
    with self.assertRaisesRegex(ValueError,
                                r"must be a list of strings.*'NoSuch'"):
      runtime.Interpreter.from_bytes(self.model, "NoSuch")
    for bad in ([("a", "b")], [""], [None], b"NoSuch", {"NoSuch"}):
      with self.assertRaisesRegex(ValueError, "must be a list of strings"):
        runtime.Interpreter.from_bytes(self.model, bad)
    # Lists and tuples of names; the built-in package may be named.
    for good in ([], (), None, ("SignalOpsRegisterer",),
                 ["MediapipeOpsRegisterer", "SignalOpsRegisterer"]):
      runtime.Interpreter.from_bytes(self.model, good)

  def test_value_errors(self):
    with self.assertRaisesRegex(ValueError, "model_data is None"):
      runtime.Interpreter.from_bytes(None)
    with self.assertRaisesRegex(ValueError,
                                r"Dimension mismatch\. Input 0 has shape "
                                r"\(1, 5\); expected a int8 array of shape "
                                r"\(1, 4\)"):
      self.interpreter.set_input(np.zeros((1, 5), np.int8), 0)
    with self.assertRaisesRegex(ValueError,
                                r"Input 0 has dtype float32; expected a int8 "
                                r"array of shape \(1, 4\)\. Got value of type "
                                r"float32, not int8\."):
      self.interpreter.set_input(np.zeros((1, 4), np.float32), 0)
    with self.assertRaisesRegex(ValueError, "Input 0 is None"):
      self.interpreter.set_input(None, 0)


class OpPackageTest(absltest.TestCase):
  """The op packages linked into the native module (no py_custom_ops
  dependency here, no library to load)."""

  def shared_model(self, name):
    reason = shared_data.absent_reason()
    if reason:
      self.skipTest(reason)
    return shared_data.model_path(name)

  def test_signal_ops_without_a_registerer(self):
    path = self.shared_model("audio_preprocessor_int8.tflite")
    interpreter = runtime.Interpreter.from_file(path)
    interpreter.set_input(np.zeros((1, 480), np.int16), 0)
    self.assertEqual(interpreter.invoke(), 0)
    self.assertEqual(interpreter.get_output(0).shape, (40,))

  def test_mediapipe_registerer_by_name(self):
    # One Convolution2DTransposeBias (MediaPipe's custom options: padding
    # VALID = 2, stride w, stride h) over a single pixel: the output is the
    # filter scaled by the pixel, plus the bias.
    b = model_builder.ModelBuilder()
    x = b.add_input([1, 1, 1, 1], np.float32)
    weights = np.arange(9, dtype=np.float32).reshape(1, 3, 3, 1)
    w = b.add_constant(weights)
    bias = b.add_constant(np.array([0.5], np.float32))
    y = b.add_tensor([1, 3, 3, 1], np.float32)
    b.add_custom_operator("Convolution2DTransposeBias", [x, w, bias], [y],
                          custom_options=struct.pack("<iii", 2, 1, 1))
    b.add_output(y)
    model = b.build()
    with self.assertRaisesRegex(RuntimeError, "Convolution2DTransposeBias"):
      runtime.Interpreter.from_bytes(model)
    interpreter = runtime.Interpreter.from_bytes(
        model, custom_op_registerers=["MediapipeOpsRegisterer"])
    interpreter.set_input(np.full([1, 1, 1, 1], 2, np.float32), 0)
    interpreter.invoke()
    np.testing.assert_array_equal(interpreter.get_output(0),
                                  weights * 2 + 0.5)


class ImportPathTest(absltest.TestCase):

  def test_runtime_is_an_attribute_of_its_package(self):
    import tflite_micro.python.tflite_micro as package  # pylint: disable=g-import-not-at-top
    self.assertIs(package.runtime, runtime)
    self.assertIsInstance(package.__version__, str)
    with self.assertRaises(AttributeError):
      package.no_such_module  # pylint: disable=pointless-statement


if __name__ == "__main__":
  absltest.main()
