"""tflite_micro.interpreter against LiteRT's Interpreter: the same calls give
the same details and outputs (LiteRT's reference kernels, our LiteRT
arithmetic), and misuse raises with the reason."""

import os
import tempfile
import unittest

import numpy as np

from tflite_micro.python.tflite_micro import interpreter as tflm
from tflite_micro.python.tflite_micro import model_builder
from tflite_micro.tensorflow.lite.micro.testing import op_test_util
from tflite_micro.tensorflow.lite.micro.testing import shared_data


def litert():
  from ai_edge_litert import interpreter  # pylint: disable=g-import-not-at-top
  return interpreter


def batch_model():
  """x[2, 3] (batch open) and w[3] -> MUL -> y, float; plus a second input
  z[1] int32 -> ADD z -> out2."""
  b = model_builder.ModelBuilder()
  x = b.add_input([2, 3], np.float32, name="x", shape_signature=[-1, 3])
  w = b.add_constant(np.array([1.5, -2.0, 0.5], np.float32), name="w")
  y = b.add_tensor([2, 3], np.float32, name="y", shape_signature=[-1, 3])
  b.add_operator("MUL", [x, w], [y])
  b.add_output(y)
  z = b.add_input([1], np.int32, name="z")
  two = b.add_constant(np.array([2], np.int32), name="two")
  out2 = b.add_tensor([1], np.int32, name="out2")
  b.add_operator("ADD", [z, two], [out2])
  b.add_output(out2)
  return b.build()


class DetailsAndResultsTest(unittest.TestCase):

  def both(self, model, **kwargs):
    ref = litert().Interpreter(
        model_content=model,
        experimental_op_resolver_type=litert().OpResolverType.BUILTIN_REF,
        **kwargs)
    ours = tflm.Interpreter(
        model_content=model,
        experimental_op_resolver_type=tflm.OpResolverType.BUILTIN_REF,
        **kwargs)
    ref.allocate_tensors()
    ours.allocate_tensors()
    return ref, ours

  def assert_details_equal(self, ref_details, our_details):
    self.assertEqual(len(ref_details), len(our_details))
    for a, b in zip(ref_details, our_details):
      self.assertEqual(sorted(a), sorted(b))
      for key in ("name", "index", "dtype", "quantization",
                  "sparsity_parameters"):
        self.assertEqual(a[key], b[key], key)
      np.testing.assert_array_equal(a["shape"], b["shape"])
      np.testing.assert_array_equal(a["shape_signature"], b["shape_signature"])
      for key in ("scales", "zero_points"):
        np.testing.assert_array_equal(a["quantization_parameters"][key],
                                      b["quantization_parameters"][key])

  def test_generated_model_with_resize(self):
    ref, ours = self.both(batch_model())
    self.assert_details_equal(ref.get_input_details(), ours.get_input_details())
    self.assert_details_equal(ref.get_output_details(),
                              ours.get_output_details())
    self.assert_details_equal(ref.get_tensor_details(),
                              ours.get_tensor_details())
    rng = np.random.default_rng(1)
    for rows in (2, 5, 1):
      for interp in (ref, ours):
        interp.resize_tensor_input(interp.get_input_details()[0]["index"],
                                   [rows, 3])
        interp.allocate_tensors()
      x = rng.standard_normal((rows, 3)).astype(np.float32)
      z = np.array([rows], np.int32)
      results = []
      for interp in (ref, ours):
        inputs = interp.get_input_details()
        interp.set_tensor(inputs[0]["index"], x)
        interp.set_tensor(inputs[1]["index"], z)
        interp.invoke()
        results.append([interp.get_tensor(d["index"])
                        for d in interp.get_output_details()])
      op_test_util.assert_outputs_match(self, results[1], results[0])
      self.assert_details_equal(ref.get_output_details(),
                                ours.get_output_details())

  def test_shared_models(self):
    reason = shared_data.absent_reason()
    if reason:
      self.skipTest(reason)
    rng = np.random.default_rng(7)
    for name in ("hello_world_float.tflite", "hello_world_int8.tflite",
                 "person_detect.tflite", "keyword_scrambled.tflite",
                 "trained_lstm.tflite"):
      with self.subTest(model=name):
        with open(shared_data.model_path(name), "rb") as f:
          model = op_test_util.vector_scales_on_axis_zero(f.read())
        ref, ours = self.both(model)
        self.assert_details_equal(ref.get_input_details(),
                                  ours.get_input_details())
        self.assert_details_equal(ref.get_output_details(),
                                  ours.get_output_details())
        self.assertEqual(ref.get_signature_list(), ours.get_signature_list())
        inputs = [op_test_util.random_array(rng, d["shape"], d["dtype"])
                  for d in ref.get_input_details()]
        results = []
        for interp in (ref, ours):
          for detail, value in zip(interp.get_input_details(), inputs):
            interp.set_tensor(detail["index"], value)
          interp.invoke()
          results.append([interp.get_tensor(d["index"])
                          for d in interp.get_output_details()])
        op_test_util.assert_outputs_match(self, results[1], results[0])

  def test_signature_runner(self):
    path = shared_data.model_path("hello_world_float.tflite")
    if path is None:
      self.skipTest("../shared/models is absent")
    ref = litert().Interpreter(model_path=path)
    ours = tflm.Interpreter(model_path=path)
    x = np.array([[1.25]], np.float32)
    expected = ref.get_signature_runner()(dense_input=x)
    runner = ours.get_signature_runner("serving_default")
    got = runner(dense_input=x)
    self.assertEqual(sorted(expected), sorted(got))
    np.testing.assert_allclose(got["dense_2"], expected["dense_2"], rtol=1e-5)
    self.assertEqual(sorted(runner.get_input_details()), ["dense_input"])
    self.assertEqual(runner.get_output_details()["dense_2"]["index"],
                     ours.get_output_details()[0]["index"])
    with self.assertRaisesRegex(ValueError, "inputs are"):
      runner(wrong=x)
    with self.assertRaisesRegex(ValueError, "Invalid signature_key"):
      ours.get_signature_runner("nope")

  def test_litert_arguments_are_accepted(self):
    model = batch_model()
    interp = tflm.Interpreter(
        model_content=model, num_threads=4,
        experimental_op_resolver_type=litert().OpResolverType.BUILTIN_REF,
        experimental_preserve_all_tensors=True)
    interp.allocate_tensors()
    self.assertEqual(interp.num_subgraphs(), 1)
    # A model without SignatureDefs.
    self.assertEqual(interp.get_signature_list(), {})
    with self.assertRaisesRegex(ValueError, "0 SignatureDefs"):
      interp.get_signature_runner()


class ErrorsTest(unittest.TestCase):

  def test_bad_path(self):
    with self.assertRaisesRegex(ValueError,
                                "Could not open '/no/such.tflite'.*No such"):
      tflm.Interpreter(model_path="/no/such.tflite")

  def test_bad_arguments(self):
    with self.assertRaisesRegex(ValueError, "not both"):
      tflm.Interpreter(model_path="a", model_content=b"b")
    with self.assertRaisesRegex(ValueError, "Give model_path"):
      tflm.Interpreter()
    with self.assertRaisesRegex(ValueError, "Delegates"):
      tflm.Interpreter(model_content=batch_model(),
                       experimental_delegates=[object()])
    with self.assertRaisesRegex(ValueError, "experimental_op_resolver_type"):
      tflm.Interpreter(model_content=batch_model(),
                       experimental_op_resolver_type="FAST")
    with self.assertRaises(ValueError):
      tflm.Interpreter(model_content=b"not a model at all")

  def test_bad_model_file(self):
    with tempfile.NamedTemporaryFile(
        suffix=".tflite", dir=os.environ.get("TEST_TMPDIR")) as f:
      f.write(b"\0" * 64)
      f.flush()
      with self.assertRaisesRegex(ValueError, "Invalid model"):
        tflm.Interpreter(model_path=f.name)

  def test_wrong_index(self):
    interp = tflm.Interpreter(model_content=batch_model())
    interp.allocate_tensors()
    output = interp.get_output_details()[0]["index"]
    with self.assertRaisesRegex(ValueError, "is not an input"):
      interp.set_tensor(output, np.zeros((2, 3), np.float32))
    with self.assertRaisesRegex(ValueError, "is not an input"):
      interp.resize_tensor_input(99, [1, 3])
    with self.assertRaises(ValueError):
      interp.get_tensor(99)
    with self.assertRaisesRegex(ValueError, "subgraph"):
      interp.get_tensor(0, subgraph_index=1)

  def test_wrong_shape_and_dtype(self):
    interp = tflm.Interpreter(model_content=batch_model())
    index = interp.get_input_details()[0]["index"]
    with self.assertRaisesRegex(ValueError, "shape"):
      interp.set_tensor(index, np.zeros((4, 3), np.float32))
    with self.assertRaisesRegex(ValueError, "dtype"):
      interp.set_tensor(index, np.zeros((2, 3), np.float64))

  def test_resize_then_allocate(self):
    interp = tflm.Interpreter(model_content=batch_model())
    index = interp.get_input_details()[0]["index"]
    interp.resize_tensor_input(index, [7, 3], strict=True)
    interp.allocate_tensors()
    self.assertEqual(list(interp.get_input_details()[0]["shape"]), [7, 3])
    interp.set_tensor(index, np.ones((7, 3), np.float32))
    interp.set_tensor(interp.get_input_details()[1]["index"],
                      np.array([1], np.int32))
    interp.invoke()
    y = interp.get_tensor(interp.get_output_details()[0]["index"])
    np.testing.assert_array_equal(y, np.tile([1.5, -2.0, 0.5], (7, 1)))
    with self.assertRaisesRegex(ValueError, "only -1 dimensions"):
      interp.resize_tensor_input(index, [7, 4], strict=True)
    with self.assertRaises(ValueError):
      interp.resize_tensor_input(index, [7, 4])  # the model fixes 3


if __name__ == "__main__":
  unittest.main()
