"""litert_script.py as written (LiteRT) and with only its import changed
(tflite_micro.interpreter): the same outputs, bit for bit for integers."""

import os
import sys
import tempfile
import types
import unittest

import numpy as np

from tflite_micro.python.tflite_micro import model_builder
from tflite_micro.tensorflow.lite.micro.testing import op_test_util
from tflite_micro.tensorflow.lite.micro.testing import shared_data

SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                      "litert_script.py")
LITERT_IMPORT = "from ai_edge_litert.interpreter import"
# tflite_micro.interpreter, as Bazel's runfiles name it.
TFLM_IMPORT = "from tflite_micro.python.tflite_micro.interpreter import"


def load_script(replace_import):
  with open(SCRIPT) as f:
    source = f.read()
  if replace_import:
    # The import statement itself (a line of its own, unlike the
    # docstring's indented copy).
    lines = source.split("\n")
    found = [i for i, line in enumerate(lines) if line.startswith(LITERT_IMPORT)]
    if len(found) != 1:
      raise AssertionError("the script's LiteRT import line changed")
    lines[found[0]] = lines[found[0]].replace(LITERT_IMPORT, TFLM_IMPORT)
    source = "\n".join(lines)
  module = types.ModuleType("litert_script_tflm" if replace_import else
                            "litert_script")
  module.__file__ = SCRIPT
  exec(compile(source, SCRIPT, "exec"), module.__dict__)  # pylint: disable=exec-used
  return module


def batch_model():
  """x[1, 6] (batch open) -> FULLY_CONNECTED(w[4, 6], b[4]) -> SOFTMAX."""
  rng = np.random.default_rng(3)
  b = model_builder.ModelBuilder()
  x = b.add_input([1, 6], np.float32, name="x", shape_signature=[-1, 6])
  w = b.add_constant(rng.standard_normal((4, 6)).astype(np.float32), name="w")
  bias = b.add_constant(rng.standard_normal(4).astype(np.float32), name="b")
  h = b.add_tensor([1, 4], np.float32, name="h", shape_signature=[-1, 4])
  y = b.add_tensor([1, 4], np.float32, name="y", shape_signature=[-1, 4])
  b.add_operator("FULLY_CONNECTED", [x, w, bias], [h])
  b.add_operator("SOFTMAX", [h], [y], beta=1.0)
  b.add_output(y)
  return b.build()


class LiteRTScriptTest(unittest.TestCase):

  def run_both(self, model_bytes):
    with tempfile.TemporaryDirectory(
        dir=os.environ.get("TEST_TMPDIR")) as directory:
      path = os.path.join(directory, "model.tflite")
      with open(path, "wb") as f:
        f.write(model_bytes)
      argv = [path, "--runs", "3", "--seed", "5"]
      reference = load_script(replace_import=False).main(argv)
      ours = load_script(replace_import=True).main(argv)
    self.assertEqual(sorted(reference), sorted(ours))
    op_test_util.assert_outputs_match(
        self, [ours[k] for k in sorted(ours)],
        [reference[k] for k in sorted(reference)])
    return ours

  def test_the_import_is_what_changes(self):
    tflm = load_script(replace_import=True)
    self.assertEqual(tflm.Interpreter.__module__,
                     "tflite_micro.python.tflite_micro.interpreter")

  def test_generated_model(self):
    results = self.run_both(batch_model())
    self.assertEqual(results["batch3/y"].shape, (3, 4))

  def test_shared_models(self):
    reason = shared_data.absent_reason()
    if reason:
      self.skipTest(reason)
    for name in ("hello_world_float.tflite", "hello_world_int8.tflite",
                 "person_detect.tflite", "keyword_scrambled.tflite"):
      with self.subTest(model=name):
        with open(shared_data.model_path(name), "rb") as f:
          # LiteRT refuses person_detect's bias quantization axis.
          model = op_test_util.vector_scales_on_axis_zero(f.read())
        results = self.run_both(model)
        self.assertTrue(results)


if __name__ == "__main__":
  sys.exit(unittest.main())
