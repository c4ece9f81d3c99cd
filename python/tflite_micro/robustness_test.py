"""Hostile models and inputs through the Python binding: every misuse is a
ValueError (bad model, argument, index, dtype or shape) or a RuntimeError
(the interpreter failed), never a crash; interpreters in separate threads
compute what serial runs compute."""

import threading

from absl.testing import absltest
import numpy as np

from tflite_micro.python.tflite_micro import model_builder
from tflite_micro.python.tflite_micro import runtime
from tflite_micro.python.tflite_micro import runtime_test
from tflite_micro.tensorflow.lite.micro.testing import shared_data


def int8_model():
  """int8 [b, 8] -> FC(16) -> RELU -> FC(4): a small quantized network."""
  rng = np.random.default_rng(3)
  b = model_builder.ModelBuilder()
  x = b.add_input([1, 8], np.int8, scale=0.05, zero_point=-3,
                  shape_signature=[-1, 8])
  w1 = b.add_constant(rng.integers(-127, 128, (16, 8)).astype(np.int8),
                      scale=0.01, zero_point=0)
  b1 = b.add_constant(rng.integers(-500, 500, 16).astype(np.int32),
                      scale=0.0005, zero_point=0)
  h = b.add_tensor([1, 16], np.int8, scale=0.04, zero_point=-128,
                   shape_signature=[-1, 16])
  w2 = b.add_constant(rng.integers(-127, 128, (4, 16)).astype(np.int8),
                      scale=0.02, zero_point=0)
  y = b.add_tensor([1, 4], np.int8, scale=0.1, zero_point=5,
                   shape_signature=[-1, 4])
  b.add_operator("FULLY_CONNECTED", [x, w1, b1], [h],
                 fused_activation_function="RELU")
  b.add_operator("FULLY_CONNECTED", [h, w2, -1], [y])
  b.add_output(y)
  return b.build()


def run_once(model, seed=0):
  """Loads and runs `model` with inputs from `seed`; returns the outputs."""
  interpreter = runtime.Interpreter.from_bytes(model)
  rng = np.random.default_rng(seed)
  for i in range(interpreter.num_inputs):
    details = interpreter.get_input_details(i)
    dtype = np.dtype(details["dtype"])
    shape = tuple(details["shape"])
    if dtype == np.bool_:
      value = rng.integers(0, 2, shape).astype(np.bool_)
    elif np.issubdtype(dtype, np.integer):
      info = np.iinfo(dtype)
      value = rng.integers(max(info.min, -1000), min(info.max, 1000) + 1,
                           shape).astype(dtype)
    else:
      value = rng.uniform(-1, 1, shape).astype(dtype)
    interpreter.set_input(value, i)
  interpreter.invoke()
  return [interpreter.get_output(i) for i in range(interpreter.num_outputs)]


def base_models():
  """Generated models, plus TFLM's example models when ../shared is here."""
  models = {"int8_model": int8_model(),
            "two_layer_model": runtime_test.two_layer_model()}
  if not shared_data.absent_reason():
    for name in ("hello_world_int8.tflite", "hello_world_float.tflite",
                 "keyword_scrambled.tflite"):
      with open(shared_data.model_path(name), "rb") as f:
        models[name] = f.read()
  return models


class HostileModelTest(absltest.TestCase):

  def test_random_byte_changes_never_crash(self):
    # TFLM's own Python runtime segfaults on about 1 in 75 such copies of
    # hello_world_int8.tflite; each copy here runs or raises.
    rng = np.random.default_rng(20261121)
    for name, model in base_models().items():
      outcomes = {"ran": 0, "ValueError": 0, "RuntimeError": 0}
      for _ in range(200):
        data = bytearray(model)
        for _ in range(rng.integers(1, 9)):
          data[rng.integers(0, len(data))] = rng.integers(0, 256)
        try:
          run_once(bytes(data))
          outcomes["ran"] += 1
        except (ValueError, RuntimeError) as e:
          self.assertTrue(str(e), f"{name}: empty message")
          outcomes[type(e).__name__] += 1
      self.assertEqual(sum(outcomes.values()), 200, name)

  def test_truncated_models_are_rejected(self):
    for name, model in base_models().items():
      for length in range(0, len(model), max(1, len(model) // 64)):
        with self.assertRaises(ValueError, msg=f"{name}[:{length}]"):
          runtime.Interpreter.from_bytes(model[:length])

  def test_model_data_of_the_wrong_type(self):
    with self.assertRaisesRegex(ValueError, r"model_data is None"):
      runtime.Interpreter(None)
    with self.assertRaises((TypeError, ValueError)):
      runtime.Interpreter.from_bytes(12345)
    with self.assertRaisesRegex(ValueError, r"arena_size must be a positive"):
      runtime.Interpreter.from_bytes(int8_model(), arena_size=-5)
    with self.assertRaisesRegex(ValueError, r"arena_size must be a positive"):
      runtime.Interpreter.from_bytes(int8_model(), arena_size=True)


class ArenaSizeTest(absltest.TestCase):

  def test_minimum_is_exact_and_too_small_names_it(self):
    models = base_models()
    for name, model in models.items():
      needed = runtime.Interpreter.from_bytes(model).minimum_arena_size()
      runtime.Interpreter.from_bytes(model, arena_size=needed).invoke()
      runtime.Interpreter.from_bytes(model, arena_size=needed + 1000).invoke()
      with self.assertRaisesRegex(RuntimeError,
                                  f"arena_size={needed - 1} bytes is too "
                                  f"small for this model: it needs {needed} "
                                  f"bytes", msg=name):
        runtime.Interpreter.from_bytes(model, arena_size=needed - 1)


class BadInputTest(absltest.TestCase):

  def setUp(self):
    super().setUp()
    self.interpreter = runtime.Interpreter.from_bytes(int8_model())

  def test_indices(self):
    x = np.zeros((1, 8), np.int8)
    for index in (-1, 1, 2**31, 2**63, 2**70, -(2**70)):
      with self.assertRaisesRegex(ValueError,
                                  r"index .* is out of range|"
                                  r"index must be an int"):
        self.interpreter.set_input(x, index)
      with self.assertRaisesRegex(ValueError, r"out of range|must be an int"):
        self.interpreter.get_output(index)
      if index != 1:  # the model has tensors 0..6
        with self.assertRaisesRegex(ValueError,
                                    r"out of range|must be an int"):
          self.interpreter.get_tensor(index)
      with self.assertRaisesRegex(ValueError, r"out of range|must be an int"):
        self.interpreter.get_tensor(0, subgraph=index)
      with self.assertRaisesRegex(ValueError, r"out of range|must be an int"):
        self.interpreter.get_input_details(index)
      with self.assertRaisesRegex(ValueError, r"out of range|must be an int"):
        self.interpreter.resize_input(index, [1, 8])
    for index in (None, 0.0, "0", True, [0]):
      with self.assertRaisesRegex(ValueError, r"index must be an int"):
        self.interpreter.set_input(x, index)
    self.interpreter.set_input(x, np.int64(0))  # numpy integers are fine

  def test_dtypes_name_expected_and_given(self):
    for dtype in (np.float32, np.uint8, np.int16, np.int32, np.bool_,
                  np.float64, object):
      with self.assertRaisesRegex(
          ValueError,
          r"has dtype .*; expected a int8 array of shape \(1, 8\)"):
        self.interpreter.set_input(np.zeros((1, 8), dtype), 0)

  def test_shapes_name_expected_and_given(self):
    for shape in [(8,), (1, 7), (8, 1), (1, 1, 8), (), (0, 8), (2, 8)]:
      with self.assertRaisesRegex(
          ValueError,
          r"has shape .*; expected a int8 array of shape \(1, 8\)"):
        self.interpreter.set_input(np.zeros(shape, np.int8), 0)

  def test_none_and_non_arrays(self):
    with self.assertRaisesRegex(ValueError, r"Input 0 is None; expected a "
                                r"int8 array of shape \(1, 8\)"):
      self.interpreter.set_input(None, 0)
    for value in ([[0] * 8], 3, "abc", b"\x00" * 8):
      with self.assertRaisesRegex(ValueError, r"expected a numpy int8 array"):
        self.interpreter.set_input(value, 0)

  def test_non_contiguous_and_byte_swapped_inputs(self):
    x = np.arange(-8, 8, dtype=np.int8).reshape(1, 16)
    self.interpreter.set_input(np.ascontiguousarray(x[:, ::2]), 0)
    self.interpreter.invoke()
    expected = self.interpreter.get_output(0)
    for variant in (x[:, ::2], np.asfortranarray(x[:, ::2]),
                    x[:, ::2].copy()[:, ::-1][:, ::-1]):
      self.interpreter.set_input(variant, 0)
      self.interpreter.invoke()
      np.testing.assert_array_equal(self.interpreter.get_output(0), expected)
    # A big-endian float array is converted, not copied byte for byte.
    interpreter = runtime.Interpreter.from_bytes(
        runtime_test.two_layer_model())
    x = np.array([[0.5, -1.0, 2.0, 0.25]], np.float32)
    interpreter.set_input(x, 0)
    interpreter.invoke()
    expected = interpreter.get_output(0)
    interpreter.set_input(x.astype(">f4"), 0)
    interpreter.invoke()
    np.testing.assert_array_equal(interpreter.get_output(0), expected)

  def test_bool_bytes_other_than_0_and_1_read_as_true(self):
    b = model_builder.ModelBuilder()
    x = b.add_input([4], np.bool_)
    y = b.add_tensor([4], np.int32)
    b.add_operator("CAST", [x], [y])
    b.add_output(y)
    interpreter = runtime.Interpreter.from_bytes(b.build())
    interpreter.set_input(np.array([0, 2, 255, 1], np.uint8).view(np.bool_), 0)
    interpreter.invoke()
    np.testing.assert_array_equal(interpreter.get_output(0), [0, 1, 1, 1])

  def test_resize_errors(self):
    for shape in ([-1, 8], [1, -8], [2**31, 8], [2**40, 8], [2**70, 8], [1],
                  [1, 8, 1], []):
      with self.assertRaises(ValueError, msg=str(shape)):
        self.interpreter.resize_input(0, shape)
    # Still usable after the rejected resizes.
    self.interpreter.set_input(np.zeros((1, 8), np.int8), 0)
    self.interpreter.invoke()

  def test_failed_allocation_leaves_an_error_not_a_crash(self):
    interpreter = runtime.Interpreter.from_bytes(int8_model(),
                                                 arena_size=2048)
    with self.assertRaisesRegex(RuntimeError, r"needs \d+ bytes"):
      interpreter.resize_input(0, [4000, 8])
    # The tensors' shapes no longer match any memory: every access is an
    # error until a resize that fits.
    with self.assertRaisesRegex(RuntimeError, r"not allocated"):
      interpreter.set_input(np.zeros((4000, 8), np.int8), 0)
    with self.assertRaisesRegex(RuntimeError, r"not allocated"):
      interpreter.get_output(0)
    with self.assertRaisesRegex(RuntimeError, r"not allocated"):
      interpreter.get_input_details(0)
    with self.assertRaisesRegex(RuntimeError, r"not allocated"):
      interpreter.get_tensor(0)
    interpreter.resize_input(0, [2, 8])
    interpreter.set_input(np.ones((2, 8), np.int8), 0)
    interpreter.invoke()
    self.assertEqual(interpreter.get_output(0).shape, (2, 4))


class ThreadsTest(absltest.TestCase):

  def models(self):
    models = [int8_model(), runtime_test.two_layer_model()]
    if not shared_data.absent_reason():
      for name in ("hello_world_int8.tflite", "keyword_scrambled.tflite",
                   "person_detect.tflite"):
        with open(shared_data.model_path(name), "rb") as f:
          models.append(f.read())
    return models

  def test_parallel_interpreters_match_serial_runs(self):
    for model in self.models():
      serial = [run_once(model, seed) for seed in range(4)]
      results = [None] * 4
      errors = []

      def work(seed, model=model):
        try:
          for _ in range(3):
            results[seed] = run_once(model, seed)
        except Exception as e:  # pylint: disable=broad-except
          errors.append(e)

      threads = [threading.Thread(target=work, args=(s,)) for s in range(4)]
      for thread in threads:
        thread.start()
      for thread in threads:
        thread.join()
      self.assertEqual(errors, [])
      for seed in range(4):
        for ours, expected in zip(results[seed], serial[seed]):
          np.testing.assert_array_equal(ours, expected)


if __name__ == "__main__":
  absltest.main()
