"""Issue 21 through the Python API: unset inputs read as zeros after every
planning, the default arena's growth limit (API and CLI), and cancelling an
invoke that would never end."""

import contextlib
import io
import os
import threading
import time

from absl.testing import absltest
import numpy as np

from tflite_micro.python.tflite_micro import cli
from tflite_micro.python.tflite_micro import interpreter as litert_api
from tflite_micro.python.tflite_micro import runtime
from tflite_micro.tensorflow.lite.micro.testing import shared_data


def _test_model_path(name):
  root = os.environ.get("TEST_SRCDIR", "")
  return os.path.join(root, "tflite_micro", "tensorflow", "lite", "micro",
                      "testing", "models", name)


def _read(path):
  with open(path, "rb") as f:
    return f.read()


def _ramp(details):
  return (np.arange(np.prod(details["shape"])) % 97).astype(
      details["dtype"]).reshape(details["shape"])


class UnsetInputsTest(absltest.TestCase):

  def setUp(self):
    super().setUp()
    reason = shared_data.absent_reason()
    if reason:
      self.skipTest(reason)
    self.model = _read(shared_data.model_path("simple_add_model.tflite"))

  def run_input0_only(self, interpreter):
    interpreter.set_input(_ramp(interpreter.get_input_details(0)), 0)
    interpreter.invoke()
    return interpreter.get_output(0)

  def test_fresh_resized_grown_and_reset_arenas_read_zeros(self):
    reference = runtime.Interpreter.from_bytes(self.model)
    reference.set_input(np.zeros_like(_ramp(reference.get_input_details(1))),
                        1)
    expected = self.run_input0_only(reference)
    for _ in range(3):
      np.testing.assert_array_equal(
          self.run_input0_only(runtime.Interpreter.from_bytes(self.model)),
          expected)

    interpreter = runtime.Interpreter.from_bytes(self.model)
    garbage = np.full([1, 128, 128, 1], 90, np.int8)
    interpreter.set_input(garbage, 1)
    self.run_input0_only(interpreter)
    # Re-planned in the same arena (same shape): input 1 reads zeros again.
    arena = interpreter._interpreter.arena_size()
    for i in range(2):
      interpreter.resize_input(i, [1, 128, 128, 1])
    self.assertEqual(interpreter._interpreter.arena_size(), arena)
    np.testing.assert_array_equal(self.run_input0_only(interpreter), expected)
    # Grown for a batch of 4, then back to 1 inside the grown arena.
    interpreter.set_input(garbage, 1)
    for i in range(2):
      interpreter.resize_input(i, [4, 128, 128, 1])
    self.assertGreater(interpreter._interpreter.arena_size(), arena)
    interpreter.set_input(np.full([4, 128, 128, 1], 51, np.int8), 1)
    for i in range(2):
      interpreter.resize_input(i, [1, 128, 128, 1])
    np.testing.assert_array_equal(self.run_input0_only(interpreter), expected)
    # reset() keeps inputs as they are: still zeros.
    interpreter.reset()
    np.testing.assert_array_equal(self.run_input0_only(interpreter), expected)

  def test_litert_api_alike(self):
    interpreter = litert_api.Interpreter(model_content=self.model)
    interpreter.allocate_tensors()
    first, second = interpreter.get_input_details()
    interpreter.set_tensor(first["index"], _ramp(first))
    interpreter.invoke()
    out = interpreter.get_tensor(interpreter.get_output_details()[0]["index"])
    reference = runtime.Interpreter.from_bytes(self.model)
    reference.set_input(np.zeros_like(_ramp(second)), 1)
    np.testing.assert_array_equal(out, self.run_input0_only(reference))


class ArenaLimitTest(absltest.TestCase):

  def test_default_growth_is_bounded(self):
    model = _read(_test_model_path("huge_tensors.tflite"))
    self.assertLess(len(model), 1024)
    self.assertEqual(runtime.MAX_ARENA_SIZE, 256 << 20)
    with self.assertRaisesRegex(
        RuntimeError, r"needs an arena of (\d+) bytes.*\(max_arena_size, "
        r"now 268435456 bytes\).*pass arena_size=\d+") as raised:
      runtime.Interpreter.from_bytes(model)
    needed = int(str(raised.exception).split("arena of ")[1].split()[0])
    self.assertGreaterEqual(needed, 3 * 16000 * 16000 * 4)

  def test_limit_is_configurable_and_explicit_arena_allowed(self):
    if shared_data.absent_reason():
      self.skipTest(shared_data.absent_reason())
    model = _read(shared_data.model_path("simple_add_model.tflite"))
    needed = runtime.Interpreter.from_bytes(model).minimum_arena_size()
    with self.assertRaisesRegex(RuntimeError, f"arena of {needed} bytes"):
      runtime.Interpreter.from_bytes(model, max_arena_size=needed // 2)
    interpreter = runtime.Interpreter.from_bytes(
        model, arena_size=needed, max_arena_size=needed // 2)
    interpreter.invoke()
    with self.assertRaises(ValueError):
      runtime.Interpreter.from_bytes(model, max_arena_size=0)

  def test_cli_names_the_way_out(self):
    stderr = io.StringIO()
    with contextlib.redirect_stderr(stderr):
      status = cli.main(["run", _test_model_path("huge_tensors.tflite")])
    self.assertEqual(status, 1)
    self.assertRegex(stderr.getvalue(), r"needs an arena of \d+ bytes")
    self.assertIn("--arena-size BYTES", stderr.getvalue())


class CancelTest(absltest.TestCase):

  def assert_cancels(self, interpreter, invoke):
    timer = threading.Timer(0.2, interpreter.cancel)
    start = time.monotonic()
    timer.start()
    with self.assertRaisesRegex(RuntimeError, "cancelled"):
      invoke()
    timer.join()
    self.assertLess(time.monotonic() - start, 10)

  def test_cancel_stops_an_endless_while(self):
    model = _read(_test_model_path("endless_while.tflite"))
    interpreter = runtime.Interpreter.from_bytes(model)
    interpreter.set_input(np.ones([1, 4], np.float32), 0)
    self.assert_cancels(interpreter, interpreter.invoke)
    # Again: each invoke clears the request when it returns.
    self.assert_cancels(interpreter, interpreter.invoke)

  def test_cancel_before_invoke_applies_to_the_next_one_only(self):
    if shared_data.absent_reason():
      self.skipTest(shared_data.absent_reason())
    model = _read(shared_data.model_path("simple_add_model.tflite"))
    interpreter = runtime.Interpreter.from_bytes(model)
    interpreter.cancel()
    with self.assertRaisesRegex(RuntimeError, "cancelled"):
      interpreter.invoke()
    interpreter.invoke()

  def test_litert_api(self):
    interpreter = litert_api.Interpreter(
        model_path=_test_model_path("endless_while.tflite"))
    interpreter.allocate_tensors()
    self.assert_cancels(interpreter, interpreter.invoke)


if __name__ == "__main__":
  absltest.main()
