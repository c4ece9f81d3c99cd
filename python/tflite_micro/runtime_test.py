"""The Python runtime as users drive it: seed usage, real models, errors."""

import contextlib
import ctypes
import io
import re

from absl.testing import absltest
import numpy as np

from tflite_micro.python.tflite_micro import model_builder
from tflite_micro.python.tflite_micro import runtime
from tflite_micro.tensorflow.lite.micro.testing import shared_data

ALLOCATION_LINE = re.compile(
    r"^\[RecordingMicroAllocator\] '([^']+)' used (\d+) bytes with alignment "
    r"overhead \(requested (\d+) bytes for (\d+) allocations\)$")


def two_layer_model(batch=-1):
  """float [b, 4] -> FC(3) -> RELU via activation -> FC(2) -> SOFTMAX."""
  rng = np.random.default_rng(0)
  b = model_builder.ModelBuilder()
  x = b.add_input([1, 4], np.float32, name="features",
                  shape_signature=[batch, 4])
  w1 = b.add_constant(rng.uniform(-1, 1, (3, 4)).astype(np.float32))
  b1 = b.add_constant(rng.uniform(-1, 1, 3).astype(np.float32))
  h = b.add_tensor([1, 3], np.float32, name="hidden")
  w2 = b.add_constant(rng.uniform(-1, 1, (2, 3)).astype(np.float32))
  logits = b.add_tensor([1, 2], np.float32, name="logits")
  probs = b.add_tensor([1, 2], np.float32, name="probabilities",
                       shape_signature=[batch, 2])
  b.add_operator("FULLY_CONNECTED", [x, w1, b1], [h],
                 fused_activation_function="RELU")
  b.add_operator("FULLY_CONNECTED", [h, w2, -1], [logits])
  b.add_operator("SOFTMAX", [logits], [probs], beta=1.0)
  b.add_output(probs)
  return b.build()


def numpy_two_layer(model_bytes, x):
  model = model_builder.read_model(model_bytes)
  buffers = [np.asarray(buf.data if buf.data is not None else [], np.uint8)
             for buf in model.buffers]
  w1 = buffers[1].view(np.float32).reshape(3, 4)
  b1 = buffers[2].view(np.float32)
  w2 = buffers[3].view(np.float32).reshape(2, 3)
  h = np.maximum(x @ w1.T + b1, 0)
  logits = h @ w2.T
  e = np.exp(logits - logits.max(axis=1, keepdims=True))
  return e / e.sum(axis=1, keepdims=True)


class HelloWorldTest(absltest.TestCase):
  """The seed usage, verbatim, on TFLM's own example models."""

  def setUp(self):
    super().setUp()
    reason = shared_data.absent_reason()
    if reason:
      self.skipTest(reason)

  def test_int8_outputs_match_tflm(self):
    interpreter = runtime.Interpreter.from_file(
        shared_data.model_path("hello_world_int8.tflite"))
    outputs = []
    for value in [-128, -50, 0, 50, 127]:
      interpreter.set_input(np.array([[value]], dtype=np.int8), 0)
      interpreter.invoke()
      outputs.append(int(interpreter.get_output(0)[0, 0]))
    self.assertEqual(outputs, [4, 118, 4, -109, -9])

  def test_float_model_tracks_sine(self):
    interpreter = runtime.Interpreter.from_file(
        shared_data.model_path("hello_world_float.tflite"))
    for x in np.linspace(0, 2 * np.pi, 9):
      interpreter.set_input(np.array([[x]], dtype=np.float32), 0)
      interpreter.invoke()
      self.assertAlmostEqual(float(interpreter.get_output(0)[0, 0]),
                             np.sin(x), delta=0.2)

  def test_print_allocations_format_and_total(self):
    interpreter = runtime.Interpreter.from_file(
        shared_data.model_path("hello_world_int8.tflite"))
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
      interpreter.print_allocations()
    lines = out.getvalue().splitlines()
    total = int(re.fullmatch(
        r"\[RecordingMicroAllocator\] Arena allocation total (\d+) bytes",
        lines[0]).group(1))
    head = int(re.fullmatch(
        r"\[RecordingMicroAllocator\] Arena allocation head (\d+) bytes",
        lines[1]).group(1))
    tail = int(re.fullmatch(
        r"\[RecordingMicroAllocator\] Arena allocation tail (\d+) bytes",
        lines[2]).group(1))
    self.assertEqual(total, head + tail)
    self.assertEqual(total, interpreter.arena_used_bytes())
    # TFLM needs 1504 bytes for this model.
    self.assertLessEqual(total, 1504)
    kinds = {}
    for line in lines[3:]:
      match = ALLOCATION_LINE.match(line)
      self.assertIsNotNone(match, line)
      kinds[match.group(1)] = int(match.group(2))
      self.assertGreaterEqual(int(match.group(2)), int(match.group(3)))
    self.assertIn("TfLiteEvalTensor data", kinds)
    self.assertIn("NodeAndRegistration struct", kinds)
    # Every tail byte is accounted for by some kind.
    self.assertEqual(sum(kinds.values()), tail)

  def test_details(self):
    interpreter = runtime.Interpreter.from_file(
        shared_data.model_path("hello_world_int8.tflite"))
    details = interpreter.get_input_details(0)
    self.assertEqual(details["dtype"], np.int8)
    np.testing.assert_array_equal(details["shape"], [1, 1])
    q = details["quantization_parameters"]
    self.assertAlmostEqual(float(q["scales"][0]), 0.024480115, places=7)
    self.assertEqual(int(q["zero_points"][0]), -128)
    self.assertEqual(q["quantized_dimension"], 0)
    out = interpreter.get_output_details(0)
    self.assertEqual(int(out["quantization_parameters"]["zero_points"][0]), 5)


class GeneratedModelTest(absltest.TestCase):

  def test_matches_numpy(self):
    model = two_layer_model()
    interpreter = runtime.Interpreter.from_bytes(model)
    x = np.array([[0.5, -1.0, 2.0, 0.25]], np.float32)
    interpreter.set_input(x, 0)
    interpreter.invoke()
    np.testing.assert_allclose(interpreter.get_output(0),
                               numpy_two_layer(model, x), rtol=1e-5)

  def test_inputs_keep_their_values_across_invoke(self):
    # TFLM reuses input memory for later tensors, so a second invoke without
    # set_input computes garbage; here inputs are never overwritten.
    model = two_layer_model()
    interpreter = runtime.Interpreter.from_bytes(model)
    x = np.array([[0.1, 0.2, -0.3, 0.4]], np.float32)
    interpreter.set_input(x, 0)
    interpreter.invoke()
    first = interpreter.get_output(0)
    interpreter.invoke()
    np.testing.assert_array_equal(interpreter.get_output(0), first)

  def test_preserve_inputs_false_reuses_input_memory(self):
    # x -> RELU -> a -> RELU -> y, 256 floats each: keeping x alive needs
    # three buffers; without, y can take x's memory (TFLM's plan).
    b = model_builder.ModelBuilder()
    x = b.add_input([1, 256], np.float32)
    a = b.add_tensor([1, 256], np.float32)
    y = b.add_tensor([1, 256], np.float32)
    b.add_operator("RELU", [x], [a])
    b.add_operator("RELU", [a], [y])
    b.add_output(y)
    model = b.build()
    kept = runtime.Interpreter.from_bytes(model)
    reused = runtime.Interpreter.from_bytes(model, preserve_inputs=False)
    self.assertEqual(kept.minimum_arena_size() - reused.minimum_arena_size(),
                     256 * 4)
    data = np.linspace(-1, 1, 256, dtype=np.float32).reshape(1, 256)
    for interpreter in (kept, reused):
      interpreter.set_input(data, 0)
      interpreter.invoke()
      np.testing.assert_array_equal(interpreter.get_output(0),
                                    np.maximum(data, 0))
    # Only the default keeps the input for a second invoke.
    kept.invoke()
    np.testing.assert_array_equal(kept.get_output(0), np.maximum(data, 0))

  def test_resize_input_runs_a_batch(self):
    model = two_layer_model()
    interpreter = runtime.Interpreter.from_bytes(model)
    # Shapes are read from the model until a resize changes them.
    self.assertNotIn("Tensor shape data",
                     interpreter._interpreter.format_allocations())
    x = np.random.default_rng(1).uniform(-1, 1, (5, 4)).astype(np.float32)
    interpreter.resize_input(0, [5, 4])
    self.assertIn("Tensor shape data",
                  interpreter._interpreter.format_allocations())
    np.testing.assert_array_equal(interpreter.get_input_details(0)["shape"],
                                  [5, 4])
    interpreter.set_input(x, 0)
    interpreter.invoke()
    out = interpreter.get_output(0)
    self.assertEqual(out.shape, (5, 2))
    np.testing.assert_allclose(out, numpy_two_layer(model, x), rtol=1e-5)
    # And back to a single row.
    interpreter.resize_input(0, [1, 4])
    interpreter.set_input(x[:1], 0)
    interpreter.invoke()
    np.testing.assert_allclose(interpreter.get_output(0),
                               numpy_two_layer(model, x[:1]), rtol=1e-5)

  def test_resize_of_a_fixed_dimension_is_rejected(self):
    model = two_layer_model()
    interpreter = runtime.Interpreter.from_bytes(model)
    with self.assertRaisesRegex(ValueError, r"dimension 1 must be 4.*got 5"):
      interpreter.resize_input(0, [1, 5])
    with self.assertRaisesRegex(ValueError, r"rank 2.*rank 3"):
      interpreter.resize_input(0, [1, 4, 1])

  def test_default_arena_grows_to_what_the_model_needs(self):
    # No constants: 10x the model size is far less than its activations.
    b = model_builder.ModelBuilder()
    x = b.add_input([64, 64], np.float32)
    y = b.add_tensor([64, 64], np.float32)
    b.add_operator("SOFTMAX", [x], [y], beta=1.0)
    b.add_output(y)
    model = b.build()
    self.assertLess(10 * len(model), 2 * 64 * 64 * 4)
    interpreter = runtime.Interpreter.from_bytes(model)
    interpreter.set_input(np.zeros((64, 64), np.float32), 0)
    interpreter.invoke()
    np.testing.assert_allclose(interpreter.get_output(0), 1 / 64, rtol=1e-6)
    # An explicit size is taken as the budget: too small is an error.
    with self.assertRaisesRegex(RuntimeError, r"needs \d+ bytes"):
      runtime.Interpreter.from_bytes(model, arena_size=10 * len(model))

  def test_default_arena_grows_for_resized_inputs(self):
    b = model_builder.ModelBuilder()
    x = b.add_input([64, 64], np.float32, shape_signature=[-1, 64])
    y = b.add_tensor([64, 64], np.float32, shape_signature=[-1, 64])
    b.add_operator("SOFTMAX", [x], [y], beta=1.0)
    b.add_output(y)
    model = b.build()
    interpreter = runtime.Interpreter.from_bytes(model)
    grown = interpreter._interpreter.arena_size()
    self.assertEqual(grown, interpreter.minimum_arena_size())
    # The exact minimum has no room for a new shape: it grows again, to the
    # new minimum, and the shape holds in the new arena.
    interpreter.resize_input(0, [300, 64])
    self.assertGreater(interpreter._interpreter.arena_size(), grown)
    self.assertEqual(interpreter._interpreter.arena_size(),
                     interpreter.minimum_arena_size())
    interpreter.set_input(np.zeros((300, 64), np.float32), 0)
    interpreter.invoke()
    np.testing.assert_allclose(interpreter.get_output(0), 1 / 64, rtol=1e-6)
    # A budget without room for the new shape names what it needs.
    budget = runtime.Interpreter.from_bytes(model, arena_size=grown)
    with self.assertRaisesRegex(RuntimeError,
                                r"too small for this model at these input "
                                r"shapes: it needs \d+ bytes"):
      budget.resize_input(0, [300, 64])
    budget.set_input(np.zeros((64, 64), np.float32), 0)  # still usable
    budget.invoke()

  def test_model_bytes_are_read_in_place_when_aligned(self):
    model = two_layer_model()
    interpreter = runtime.Interpreter.from_bytes(model)
    address = ctypes.cast(ctypes.c_char_p(model), ctypes.c_void_p).value
    self.assertEqual(interpreter._interpreter.model_in_place(),
                     address % 16 == 0)
    # Other buffers become bytes first: changing them later changes nothing.
    data = bytearray(model)
    interpreter = runtime.Interpreter.from_bytes(data)
    data[:] = bytes(len(data))
    interpreter.set_input(np.ones((1, 4), np.float32), 0)
    interpreter.invoke()
    reference = runtime.Interpreter.from_bytes(model)
    reference.set_input(np.ones((1, 4), np.float32), 0)
    reference.invoke()
    np.testing.assert_array_equal(interpreter.get_output(0),
                                  reference.get_output(0))

  def test_too_small_arena_after_resize_names_the_new_need(self):
    model = two_layer_model()
    interpreter = runtime.Interpreter.from_bytes(model, arena_size=4096)
    with self.assertRaisesRegex(RuntimeError,
                                r"too small for this model at these input "
                                r"shapes: it needs (\d+) bytes"):
      interpreter.resize_input(0, [1000, 4])

  def test_minimum_arena_size_is_exact(self):
    model = two_layer_model()
    needed = runtime.Interpreter.from_bytes(model).minimum_arena_size()
    self.assertEqual(needed % 16, 0)
    exact = runtime.Interpreter.from_bytes(model, arena_size=needed)
    exact.set_input(np.zeros((1, 4), np.float32), 0)
    exact.invoke()
    with self.assertRaisesRegex(
        RuntimeError, rf"arena_size={needed - 1} bytes is too small.*needs "
        rf"{needed} bytes"):
      runtime.Interpreter.from_bytes(model, arena_size=needed - 1)

  def test_preserve_all_tensors_keeps_intermediates(self):
    model = two_layer_model()
    interpreter = runtime.Interpreter.from_bytes(model,
                                                 preserve_all_tensors=True)
    x = np.array([[0.5, -1.0, 2.0, 0.25]], np.float32)
    interpreter.set_input(x, 0)
    interpreter.invoke()
    parsed = model_builder.read_model(model)
    hidden = [i for i, t in enumerate(parsed.subgraphs[0].tensors)
              if t.name == b"hidden"][0]
    buffers = [np.asarray(b.data if b.data is not None else [], np.uint8)
               for b in parsed.buffers]
    expected = np.maximum(
        x @ buffers[1].view(np.float32).reshape(3, 4).T +
        buffers[2].view(np.float32), 0)
    np.testing.assert_allclose(interpreter.get_tensor(hidden), expected,
                               rtol=1e-6)


class ErrorTest(absltest.TestCase):

  def setUp(self):
    super().setUp()
    self.model = two_layer_model()
    self.interpreter = runtime.Interpreter.from_bytes(self.model)

  def test_wrong_dtype(self):
    with self.assertRaisesRegex(ValueError,
                                r"dtype int32; expected a float32 array of "
                                r"shape \(1, 4\)"):
      self.interpreter.set_input(np.zeros((1, 4), np.int32), 0)

  def test_wrong_shape(self):
    with self.assertRaisesRegex(ValueError,
                                r"shape \(2, 4\); expected a float32 array of "
                                r"shape \(1, 4\)"):
      self.interpreter.set_input(np.zeros((2, 4), np.float32), 0)

  def test_none_input(self):
    with self.assertRaisesRegex(ValueError, r"Input 0 is None"):
      self.interpreter.set_input(None, 0)

  def test_not_an_array(self):
    with self.assertRaisesRegex(ValueError, r"is a list; expected a numpy"):
      self.interpreter.set_input([[1.0, 2.0, 3.0, 4.0]], 0)

  def test_index_out_of_range(self):
    with self.assertRaisesRegex(ValueError,
                                r"input index 1 is out of range: the model "
                                r"has 1 inputs"):
      self.interpreter.set_input(np.zeros((1, 4), np.float32), 1)
    with self.assertRaisesRegex(ValueError, r"output index -1 is out of range"):
      self.interpreter.get_output(-1)
    with self.assertRaisesRegex(ValueError, r"input index 7"):
      self.interpreter.get_input_details(7)
    with self.assertRaisesRegex(ValueError, r"index must be an int"):
      self.interpreter.get_output("0")

  def test_non_contiguous_input_is_accepted(self):
    strided = np.arange(8, dtype=np.float32).reshape(1, 8)[:, ::2]
    self.assertFalse(strided.flags["C_CONTIGUOUS"])
    self.interpreter.set_input(strided, 0)
    self.interpreter.invoke()
    np.testing.assert_allclose(self.interpreter.get_output(0),
                               numpy_two_layer(self.model, strided), rtol=1e-5)

  def test_big_endian_inputs_are_accepted(self):
    native = np.array([[0.5, -1.25, 2.0, 3.5]], np.float32)
    expected = numpy_two_layer(self.model, native)
    for variant in (native.astype(">f4"), native.astype(">f4")[:, ::-1]):
      self.interpreter.set_input(variant, 0)
      self.interpreter.invoke()
      np.testing.assert_allclose(self.interpreter.get_output(0),
                                 numpy_two_layer(self.model, variant),
                                 rtol=1e-5)
    self.interpreter.set_input(native.astype(">f4"), 0)
    self.interpreter.invoke()
    np.testing.assert_allclose(self.interpreter.get_output(0), expected,
                               rtol=1e-5)

  def test_invalid_model_bytes(self):
    with self.assertRaisesRegex(ValueError, r"not a well-formed \.tflite"):
      runtime.Interpreter.from_bytes(b"\x00" * 64)
    with self.assertRaisesRegex(ValueError, r"model_data is None"):
      runtime.Interpreter.from_bytes(None)

  def test_truncated_model(self):
    with self.assertRaisesRegex(ValueError, r"Invalid model"):
      runtime.Interpreter.from_bytes(self.model[:len(self.model) // 2])

  def test_malformed_options_table(self):
    # The model checks verify that an options table lies in the buffer; its
    # fields are verified by the op's parser. A field offset pointing past
    # the end must be caught there, before anything reads it.
    model = bytearray(self.model)
    op = model_builder.schema.Model.GetRootAsModel(model, 0).Subgraphs(
        0).Operators(0)
    options = op.BuiltinOptions()
    self.assertIsNotNone(options)
    vtable = options.Pos - int.from_bytes(
        model[options.Pos:options.Pos + 4], "little", signed=True)
    self.assertGreater(int.from_bytes(model[vtable:vtable + 2], "little"), 4)
    model[vtable + 4:vtable + 6] = (0xfff0).to_bytes(2, "little")
    with self.assertRaisesRegex(
        (ValueError, RuntimeError),
        r"Invalid model: the options table of node 0 \(FULLY_CONNECTED\) "
        r"in subgraph 0 is malformed"):
      runtime.Interpreter.from_bytes(bytes(model))

  def test_missing_file(self):
    with self.assertRaises(FileNotFoundError):
      runtime.Interpreter.from_file("/nonexistent/model.tflite")

  def test_unknown_registerer(self):
    with self.assertRaisesRegex(ValueError,
                                r"registerer 'NoSuchRegisterer' was not "
                                r"found"):
      runtime.Interpreter.from_bytes(
          self.model, custom_op_registerers=["NoSuchRegisterer"])

  def test_unregistered_custom_op(self):
    b = model_builder.ModelBuilder()
    x = b.add_input([1], np.float32)
    y = b.add_tensor([1], np.float32)
    b.add_custom_operator("MysteryOp", [x], [y])
    b.add_output(y)
    with self.assertRaisesRegex(RuntimeError,
                                r"custom op 'MysteryOp', which is not "
                                r"registered"):
      runtime.Interpreter.from_bytes(b.build())

  def test_unsupported_builtin(self):
    b = model_builder.ModelBuilder()
    x = b.add_input([1], np.float32)
    y = b.add_tensor([1], np.float32)
    b.add_operator("HASHTABLE_LOOKUP", [x], [y])
    b.add_output(y)
    with self.assertRaisesRegex(RuntimeError,
                                r"Node 0 in subgraph 0 uses builtin op "
                                r"HASHTABLE_LOOKUP"):
      runtime.Interpreter.from_bytes(b.build())

  def test_arena_too_small_names_bytes_needed(self):
    with self.assertRaisesRegex(RuntimeError,
                                r"arena_size=256 bytes is too small for this "
                                r"model: it needs \d+ bytes"):
      runtime.Interpreter.from_bytes(self.model, arena_size=256)

  def test_bad_arena_size(self):
    with self.assertRaisesRegex(ValueError, r"arena_size must be a positive"):
      runtime.Interpreter.from_bytes(self.model, arena_size=0)

  def test_bad_tensor_index(self):
    with self.assertRaisesRegex(ValueError, r"tensor index 99"):
      self.interpreter.get_tensor(99)


if __name__ == "__main__":
  absltest.main()
