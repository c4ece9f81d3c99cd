"""TFLM's audio front-end models (../shared/models/audio_preprocessor_int8
and _float.tflite) run through the Python runtime with the signal op package
and match TFLM's own runtime bit for bit: outputs and every tensor, frame by
frame, with the front end's state (noise estimates) carried between invokes
and cleared by reset(). Goldens: signal/testdata/make_tflm_goldens.py.
Skips when ../shared is absent."""

import hashlib

from absl.testing import absltest
from absl.testing import parameterized
import numpy as np

from tflite_micro.python.tflite_micro import runtime
from tflite_micro.signal.testing import signal_test_util as util
from tflite_micro.tensorflow.lite.micro.testing import shared_data

MODELS = ("audio_preprocessor_int8.tflite", "audio_preprocessor_float.tflite")


class AudioPreprocessorTest(parameterized.TestCase):

  @classmethod
  def setUpClass(cls):
    super().setUpClass()
    cls.goldens = util.load_json("audio_preprocessor_goldens.json")
    cls.frames = util.decode(cls.goldens["frames"])

  def setUp(self):
    super().setUp()
    reason = shared_data.absent_reason()
    if reason:
      self.skipTest(reason)

  def load(self, name):
    golden = self.goldens["models"][name]
    with open(shared_data.model_path(name), "rb") as f:
      model = f.read()
    self.assertEqual(hashlib.sha256(model).hexdigest(), golden["model_sha256"],
                     f"../shared/models/{name} is not the model the goldens "
                     "were made from")
    interpreter = runtime.Interpreter.from_bytes(
        model, custom_op_registerers=[util.REGISTERER],
        preserve_all_tensors=True)
    return interpreter, golden

  def check_frame(self, interpreter, golden, partial, frame, run, what):
    interpreter.set_input(frame, 0)
    interpreter.invoke()
    output = interpreter.get_output(0)
    util.assert_same(self, output, util.decode(run["output"]), what)
    for index, digest in enumerate(run["tensor_sha256"]):
      data = np.ascontiguousarray(interpreter.get_tensor(index))
      if str(index) in partial:
        start, end = partial[str(index)]
        data = data.reshape(-1)[start:end]
      self.assertEqual(hashlib.sha256(data.tobytes()).hexdigest(), digest,
                       f"{what}: tensor {index} differs from TFLM's")
    return output

  @parameterized.parameters(*MODELS)
  def test_frames_match_tflm(self, name):
    interpreter, golden = self.load(name)
    partial = golden["partial_tensors"]
    detail = interpreter.get_input_details(0)
    self.assertEqual(list(detail["shape"]), [1, 480])
    self.assertEqual(detail["dtype"], np.int16)
    self.assertEqual(list(interpreter.get_output_details(0)["shape"]), [40])
    outputs = []
    for f, run in enumerate(golden["frames"]):
      outputs.append(self.check_frame(interpreter, golden, partial,
                                      self.frames[f], run,
                                      f"{name} frame {f}"))
    # Frames 1 and 10 are the same samples: the noise estimates in between
    # make their features differ (state carries over), as in TFLM.
    np.testing.assert_array_equal(self.frames[1], self.frames[10])
    self.assertFalse(np.array_equal(outputs[1], outputs[10]))

    # reset() clears the state: the first frames come out as at the start.
    interpreter.reset()
    for f, run in enumerate(golden["after_reset"]):
      again = self.check_frame(interpreter, golden, partial, self.frames[f],
                               run, f"{name} frame {f} after reset")
      util.assert_same(self, again, outputs[f], f"{name} frame {f} again")

  @parameterized.parameters(*MODELS)
  def test_interpreters_keep_their_own_state(self, name):
    # Two interpreters of the same model, invoked alternately: each one's
    # noise estimates live in its own arena.
    first, golden = self.load(name)
    second, _ = self.load(name)
    for f, run in enumerate(golden["frames"]):
      for which, interpreter in (("first", first), ("second", second)):
        interpreter.set_input(self.frames[f], 0)
        interpreter.invoke()
        util.assert_same(self, interpreter.get_output(0),
                         util.decode(run["output"]),
                         f"{name} frame {f} ({which} interpreter)")

  @parameterized.parameters(*MODELS)
  def test_runs_with_no_registerer(self, name):
    # The signal ops are in the runtime's native module and registered for
    # every model, as in TFLM's wheel: TFLM's code names no registerer.
    golden = self.goldens["models"][name]
    interpreter = runtime.Interpreter.from_file(shared_data.model_path(name))
    for f, run in enumerate(golden["frames"]):
      interpreter.set_input(self.frames[f], 0)
      interpreter.invoke()
      util.assert_same(self, interpreter.get_output(0),
                       util.decode(run["output"]), f"{name} frame {f}")


if __name__ == "__main__":
  absltest.main()
