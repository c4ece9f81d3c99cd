"""Golden outputs from TFLM's own runtime (the PyPI tflite-micro wheel) for
models this project builds, and checks against them in the tests.

The wheel's package and this project's are both named tflite_micro, so the
wheel runs in a child process whose import path holds only the directory the
wheel was installed into (pip install --target DIR tflite-micro). Golden
files are .npz archives: for each case `<case>/sha256` (the model's hash,
so that a test notices when its model changed), `<case>/input<i>` (stacked
over invokes) and `<case>/output<k>` (likewise; the interpreter is not reset
between invokes, so state carries over).
"""

import hashlib
import os
import subprocess
import sys
import tempfile

import numpy as np

_CHILD = """
import sys
import numpy as np
from tflite_micro.python.tflite_micro import runtime
model = open(sys.argv[1], "rb").read()
data = np.load(sys.argv[2])
count = int(sys.argv[4])
interpreter = runtime.Interpreter.from_bytes(model, arena_size=1 << 24)
outputs = {}
for step in range(len(data["input0"])):
  for i in range(count):
    interpreter.set_input(data[f"input{i}"][step], i)
  interpreter.invoke()
  for k in range(int(sys.argv[5])):
    outputs.setdefault(f"output{k}", []).append(interpreter.get_output(k))
np.savez(sys.argv[3], **{k: np.stack(v) for k, v in outputs.items()})
"""


def model_hash(model):
  return hashlib.sha256(bytes(model)).hexdigest()


def run_tflm_wheel(wheel_dir, model, invokes, num_outputs):
  """Runs `model` in TFLM's wheel; `invokes` is a list of input lists.
  Returns {"output<k>": stacked outputs} for its first num_outputs
  outputs."""
  with tempfile.TemporaryDirectory() as tmp:
    model_path = os.path.join(tmp, "model.tflite")
    with open(model_path, "wb") as f:
      f.write(bytes(model))
    count = len(invokes[0])
    inputs_path = os.path.join(tmp, "inputs.npz")
    np.savez(inputs_path, **{f"input{i}": np.stack([step[i] for step in invokes])
                             for i in range(count)})
    outputs_path = os.path.join(tmp, "outputs.npz")
    subprocess.run(
        [sys.executable, "-c", _CHILD, model_path, inputs_path, outputs_path,
         str(count), str(num_outputs)],
        check=True, cwd=tmp, env=dict(os.environ, PYTHONPATH=wheel_dir))
    return dict(np.load(outputs_path))


def record(wheel_dir, cases, path):
  """Writes the golden file `path` for `cases`:
  {name: (model, invokes, num_outputs)}."""
  arrays = {}
  for name, (model, invokes, num_outputs) in cases.items():
    arrays[f"{name}/sha256"] = np.array(model_hash(model))
    for i in range(len(invokes[0])):
      arrays[f"{name}/input{i}"] = np.stack([step[i] for step in invokes])
    for key, value in run_tflm_wheel(wheel_dir, model, invokes,
                                     num_outputs).items():
      arrays[f"{name}/{key}"] = value
  np.savez(path, **arrays)


class Golden:
  """One case of a golden file."""

  def __init__(self, test, path, name, model):
    data = np.load(path)
    self._data = {k[len(name) + 1:]: data[k] for k in data.files
                  if k.startswith(name + "/")}
    test.assertIn("sha256", self._data, f"{name} is not in {path}")
    test.assertEqual(model_hash(model), str(self._data["sha256"]),
                     f"the model of {name} changed; record {path} again")

  @property
  def invokes(self):
    count = len([k for k in self._data if k.startswith("input")])
    steps = len(self._data["input0"])
    return [[self._data[f"input{i}"][s] for i in range(count)]
            for s in range(steps)]

  def output(self, k, step):
    return self._data[f"output{k}"][step]
