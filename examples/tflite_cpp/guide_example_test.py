"""The guide's C++ program (guide_example.cc) against LiteRT's reference
kernels: same inputs, outputs equal (floats within 1e-5, integers within one
step: the C++ API runs TFLM's arithmetic)."""

import os
import subprocess
import tempfile
import unittest

import numpy as np

from tflite_micro.python.tflite_micro import model_builder
from tflite_micro.tensorflow.lite.micro.testing import op_test_util
from tflite_micro.tensorflow.lite.micro.testing import shared_data

PROGRAM = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                       "guide_example")


def batch_of_four_model():
  """x[2, 4] (batch open: [-1, 4]) -> ADD c -> TANH -> y: the guide's
  ResizeInputTensor(inputs()[0], {1, 4}) applies to it."""
  b = model_builder.ModelBuilder()
  x = b.add_input([2, 4], np.float32, name="x", shape_signature=[-1, 4])
  c = b.add_constant(np.array([0.5, -1.0, 0.25, 2.0], np.float32), name="c")
  s = b.add_tensor([2, 4], np.float32, name="sum", shape_signature=[-1, 4])
  y = b.add_tensor([2, 4], np.float32, name="y", shape_signature=[-1, 4])
  b.add_operator("ADD", [x, c], [s])
  b.add_operator("TANH", [s], [y])
  b.add_output(y)
  return b.build()


def input_details(model_bytes):
  from ai_edge_litert import interpreter as litert  # pylint: disable=g-import-not-at-top
  interpreter = litert.Interpreter(
      model_content=op_test_util.vector_scales_on_axis_zero(model_bytes))
  return interpreter.get_input_details()


def random_inputs(details, rng, shapes=None):
  """Floats in [0, 2 pi] (hello_world's range), integers over their type."""
  inputs = []
  for i, detail in enumerate(details):
    shape = shapes[i] if shapes else detail["shape"]
    if np.issubdtype(detail["dtype"], np.floating):
      inputs.append(op_test_util.random_array(rng, shape, detail["dtype"], 0,
                                              2 * np.pi))
    else:
      inputs.append(op_test_util.random_array(rng, shape, detail["dtype"]))
  return inputs


class GuideExampleTest(unittest.TestCase):

  def run_program(self, model_path, inputs, reference):
    with tempfile.TemporaryDirectory(
        dir=os.environ.get("TEST_TMPDIR")) as directory:
      inputs_path = os.path.join(directory, "inputs.bin")
      outputs_path = os.path.join(directory, "outputs.bin")
      with open(inputs_path, "wb") as f:
        for value in inputs:
          f.write(np.ascontiguousarray(value).tobytes())
      result = subprocess.run([PROGRAM, model_path, inputs_path,
                               outputs_path], capture_output=True, text=True,
                              check=False)
      self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
      with open(outputs_path, "rb") as f:
        data = f.read()
    outputs = []
    offset = 0
    for expected in reference:
      size = expected.nbytes
      outputs.append(np.frombuffer(data[offset:offset + size],
                                   expected.dtype).reshape(expected.shape))
      offset += size
    self.assertEqual(offset, len(data), "output bytes")
    return outputs, result

  def compare(self, model_path, model_bytes, inputs):
    # LiteRT refuses person_detect's bias quantization axis (see
    # vector_scales_on_axis_zero); the program reads the file as it is.
    reference = op_test_util.run_litert_reference(
        op_test_util.vector_scales_on_axis_zero(model_bytes), inputs)
    ours, result = self.run_program(model_path, inputs, reference)
    op_test_util.assert_outputs_match(self, ours, reference,
                                      integer_tolerance=1,
                                      context=os.path.basename(model_path))
    return result

  def test_guide_resize_applies(self):
    model = batch_of_four_model()
    with tempfile.NamedTemporaryFile(
        suffix=".tflite", dir=os.environ.get("TEST_TMPDIR")) as f:
      f.write(model)
      f.flush()
      rng = np.random.default_rng(4)
      inputs = random_inputs(input_details(model), rng, shapes=[(1, 4)])
      result = self.compare(f.name, model, inputs)
    self.assertIn("guide: float input yes, float output yes", result.stdout)
    self.assertIn("input 0 'x' FLOAT32 [1, 4]", result.stdout)
    self.assertEqual(result.stderr, "")

  def test_shared_models(self):
    reason = shared_data.absent_reason()
    if reason:
      self.skipTest(reason)
    rng = np.random.default_rng(22)
    for name in ["hello_world_float.tflite", "hello_world_int8.tflite",
                 "person_detect.tflite"]:
      with self.subTest(model=name):
        path = shared_data.model_path(name)
        with open(path, "rb") as f:
          model = f.read()
        for _ in range(3):
          inputs = random_inputs(input_details(model), rng)
          result = self.compare(path, model, inputs)
        # The guide's {1, 4} does not fit these inputs: refused, reported.
        self.assertIn("ResizeInputTensor failed", result.stderr)

  def test_missing_model_is_reported(self):
    result = subprocess.run([PROGRAM], capture_output=True, text=True,
                            check=False)
    self.assertEqual(result.returncode, 2)
    self.assertIn("usage", result.stderr)


if __name__ == "__main__":
  unittest.main()
