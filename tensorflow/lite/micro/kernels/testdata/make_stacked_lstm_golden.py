"""Records TFLM's outputs for the stacked integer LSTM test model.

unidirectional_sequence_lstm_test.py builds the model (two 128-unit int8
LSTMs after a 1x1x257 input, then FULLY_CONNECTED and LOGISTIC) with this
project's model builder; TFLM's runtime from PyPI (the tflite-micro wheel)
runs it. Both packages are named tflite_micro, so the wheel runs in a
child process with its own import path:

  PYTHONPATH=<the test's runfiles> python3 make_stacked_lstm_golden.py \\
      <directory holding the wheel's tflite_micro package>

It writes stacked_lstm_tflm_golden.npz: the inputs (invokes x 1 x 1 x 257
int8), each model output after each invoke (output0 and output1 the two
LSTMs, output2 the mask; the state carries from one invoke to the next),
and the SHA-256 of the model, so that the test notices a changed model.
"""

import hashlib
import os
import subprocess
import sys
import tempfile

import numpy as np

from tflite_micro.tensorflow.lite.micro.kernels import unidirectional_sequence_lstm_test as lstm_test

INVOKES = 6

_CHILD = """
import sys
import numpy as np
from tflite_micro.python.tflite_micro import runtime
model = open(sys.argv[1], "rb").read()
inputs = np.load(sys.argv[2])
interpreter = runtime.Interpreter.from_bytes(model)
outputs = {}
for value in inputs:
  interpreter.set_input(value, 0)
  interpreter.invoke()
  for k in range(int(sys.argv[4])):
    outputs.setdefault(f"output{k}", []).append(interpreter.get_output(k))
np.savez(sys.argv[3], **{k: np.stack(v) for k, v in outputs.items()})
"""


def main(wheel_dir):
  model, in_shape = lstm_test.stacked_lstm_model(
      lstm_test.NOISE_SUPPRESSION_LAYERS)
  inputs = lstm_test.stacked_inputs(in_shape, INVOKES)
  with tempfile.TemporaryDirectory() as tmp:
    model_path = os.path.join(tmp, "model.tflite")
    with open(model_path, "wb") as f:
      f.write(bytes(model))
    np.save(os.path.join(tmp, "inputs.npy"), inputs)
    outputs_path = os.path.join(tmp, "outputs.npz")
    subprocess.run(
        [sys.executable, "-c", _CHILD, model_path,
         os.path.join(tmp, "inputs.npy"), outputs_path,
         str(len(lstm_test.NOISE_SUPPRESSION_LAYERS) + 1)],
        check=True, cwd=tmp, env=dict(os.environ, PYTHONPATH=wheel_dir))
    outputs = dict(np.load(outputs_path))
  here = os.path.dirname(os.path.realpath(__file__))
  np.savez(os.path.join(here, "stacked_lstm_tflm_golden.npz"),
           inputs=inputs,
           model_sha256=np.array(hashlib.sha256(bytes(model)).hexdigest()),
           **outputs)


if __name__ == "__main__":
  main(sys.argv[1])
