"""The convolution family on real data from ../shared: person_detect
(CONV_2D, DEPTHWISE_CONV_2D, AVERAGE_POOL_2D int8), micro_speech
(DEPTHWISE_CONV_2D int8) and the seanet 16x8 CONV_2D / TRANSPOSE_CONV cases.

Skips when ../shared is not next to the checkout.
"""

import glob
import os

from absl.testing import absltest
import numpy as np

from tflite_micro.python.tflite_micro import runtime
from tflite_micro.tensorflow.lite.micro.testing import op_test_util as util
from tflite_micro.tensorflow.lite.micro.testing import shared_data


def run_litert_all_tensors(model_bytes, inputs):
  from ai_edge_litert import interpreter as litert  # pylint: disable=g-import-not-at-top
  interpreter = litert.Interpreter(
      model_content=model_bytes,
      experimental_op_resolver_type=litert.OpResolverType.BUILTIN_REF,
      experimental_preserve_all_tensors=True)
  interpreter.allocate_tensors()
  for detail, value in zip(interpreter.get_input_details(), inputs):
    interpreter.set_tensor(detail["index"], value)
  interpreter.invoke()
  return interpreter


def read_csv(path, dtype):
  with open(path) as f:
    return np.array([int(v) for v in f.read().split(",")], dtype=dtype)


class ConvModelsTest(absltest.TestCase):

  def setUp(self):
    super().setUp()
    reason = shared_data.absent_reason()
    if reason is not None:
      self.skipTest(reason)

  def _model(self, name):
    path = shared_data.model_path(name)
    if path is None:
      self.skipTest(f"{name} is not in ../shared/models")
    with open(path, "rb") as f:
      return f.read()

  def _compare_tensors(self, model, oracle_model, x, kinds):
    """Every output tensor of the listed builtin operators, bit for bit, in
    both rounding modes; returns how many tensors were compared."""
    oracle = run_litert_all_tensors(oracle_model, [x])
    checked = 0
    for arithmetic in ("tflm", "litert"):
      ours = runtime.Interpreter.from_bytes(
          model, arena_size=1 << 21, preserve_all_tensors=True,
          arithmetic=arithmetic)
      ours.set_input(x, 0)
      ours.invoke()
      checked = 0
      for op in oracle._get_ops_details():  # pylint: disable=protected-access
        if op["op_name"] not in kinds:
          continue
        for t in op["outputs"]:
          expected = oracle.get_tensor(t)
          actual = ours.get_tensor(int(t))
          np.testing.assert_array_equal(
              actual.reshape(expected.shape), expected,
              err_msg=(f"{op['op_name']} (number {op['index']}), tensor {t}, "
                       f"arithmetic={arithmetic}"))
          checked += 1
    return checked

  def test_person_detect(self):
    model = self._model("person_detect.tflite")
    rng = np.random.default_rng(0)
    x = rng.integers(-128, 128, size=(1, 96, 96, 1)).astype(np.int8)
    checked = self._compare_tensors(
        model, util.vector_scales_on_axis_zero(model), x,
        {"CONV_2D", "DEPTHWISE_CONV_2D", "AVERAGE_POOL_2D"})
    self.assertGreater(checked, 20)

  def test_micro_speech(self):
    model = self._model("micro_speech_quantized.tflite")
    rng = np.random.default_rng(1)
    x = rng.integers(-128, 128, size=(1, 1960)).astype(np.int8)
    checked = self._compare_tensors(model, model, x, {"DEPTHWISE_CONV_2D"})
    self.assertEqual(checked, 1)

  def test_seanet_cases(self):
    root = shared_data.conformance_dir()
    cases = sorted(
        glob.glob(os.path.join(root, "seanet", "conv", "*.tflite")) +
        glob.glob(os.path.join(root, "seanet", "transpose_conv", "*.tflite")))
    if not cases:
      self.skipTest("no seanet conv cases in ../shared")
    for path in cases:
      stem = path[:-len(".tflite")]
      with open(path, "rb") as f:
        interpreter = runtime.Interpreter.from_bytes(f.read())
      k = 0
      while True:
        found = glob.glob(f"{stem}_input{k}_*.csv")
        if not found:
          break
        detail = interpreter.get_input_details(k)
        value = read_csv(found[0], detail["dtype"]).reshape(detail["shape"])
        interpreter.set_input(value, k)
        k += 1
      interpreter.invoke()
      golden_path = glob.glob(f"{stem}_golden_*.csv")[0]
      out = interpreter.get_output(0)
      np.testing.assert_array_equal(out.ravel(),
                                    read_csv(golden_path, out.dtype),
                                    err_msg=os.path.basename(stem))


if __name__ == "__main__":
  absltest.main()
