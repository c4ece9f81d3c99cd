"""Records what TFLM's own runtime (PyPI tflite-micro, whose op resolver
includes the Signal* ops) computes, as goldens for this project's signal
ops. Run with the interpreter of a venv that has tflite-micro installed:

  /opt/tflm-venv/bin/python make_tflm_goldens.py ../../../shared/models

or, with the wheel installed into a directory (pip install --target DIR),
  PYTHONPATH=DIR python3 make_tflm_goldens.py ../../../shared/models
(`--ops-only` in place of the models directory writes only op_goldens.json).

It writes, next to this script:

- op_goldens.json: for every case of signal/testing/signal_cases.py (one
  single-op model each, built by this project's model_builder), the model's
  SHA-256, the inputs of each invocation and TFLM's outputs (invocations in
  order, without reset, so state carries over).
- audio_preprocessor_goldens.json: for ../shared/models/
  audio_preprocessor_{int8,float}.tflite, FRAMES seeded frames (tones, noise,
  silence, full-scale and -32768 frames, one frame repeated) run in order,
  then reset() and the first RESET_FRAMES again: each frame's output and a
  SHA-256 of every tensor the interpreter holds (kPreserveAllTensors).
  SignalEnergy writes only bins [start_index, end_index) (TFLM leaves the
  rest of its output as the memory was); for its output and the CAST that
  reads it, "partial_tensors" gives that range and the digest covers only it.
"""

import hashlib
import json
import os
import sys

import numpy as np
from tflite_micro.python.tflite_micro import runtime

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
# This project's model_builder, with TFLM's generated schema module (the same
# schema.fbs) standing in for the one Bazel generates.
sys.path.insert(0, os.path.join(os.path.dirname(runtime.__file__), "..", "..",
                                "tensorflow", "lite", "micro", "python"))
sys.path.insert(0, os.path.join(ROOT, "python", "tflite_micro"))
sys.path.insert(0, os.path.join(ROOT, "signal", "testing"))
import model_builder  # pylint: disable=g-import-not-at-top,wrong-import-position
import signal_cases  # pylint: disable=g-import-not-at-top,wrong-import-position
from flatbuffers import flexbuffers  # pylint: disable=g-import-not-at-top,wrong-import-position

AUDIO_SEED = 20261124
FRAMES = 12
RESET_FRAMES = 3
FRAME = 480


def encode(array):
  array = np.asarray(array)
  return {"dtype": array.dtype.name, "shape": list(array.shape),
          "data": array.reshape(-1).tolist()}


def op_goldens():
  goldens = {}
  for case in signal_cases.all_cases():
    print(case.name, flush=True)
    interpreter = runtime.Interpreter.from_bytes(case.model,
                                                 arena_size=1 << 20)
    runs = []
    for inputs in case.invocations:
      for i, value in enumerate(inputs):
        interpreter.set_input(value, i)
      interpreter.invoke()
      outputs = []
      for index in range(case.num_outputs):
        output = np.array(interpreter.get_output(index))
        span = case.compare.get(index)
        if span is not None and span[0] != "valid":
          output = output.reshape(-1)[span[0]:span[1]]
        outputs.append(encode(output))
      runs.append({"inputs": [encode(x) for x in inputs], "outputs": outputs})
    goldens[case.name] = {
        "op": case.op,
        "model_sha256": hashlib.sha256(case.model).hexdigest(),
        "compare": {str(k): list(v) for k, v in case.compare.items()},
        "runs": runs}
  return goldens


def audio_frames():
  """FRAMES int16 frames of 480 samples (30 ms at 16 kHz)."""
  rng = np.random.default_rng(AUDIO_SEED)
  t = np.arange(FRAME) / 16000.0
  frames = []
  for f in range(FRAMES):
    if f == 2:
      frame = np.zeros(FRAME)
    elif f == 4:
      frame = np.where(np.arange(FRAME) % 40 < 20, 32767, -32768)
    elif f == 6:
      frame = rng.integers(-32768, 32767, FRAME, endpoint=True)
    elif f == 8:
      frame = rng.normal(0, 3, FRAME)  # near silence
    elif f == 10:
      frame = frames[1].astype(np.float64)  # the same input, later state
    else:
      level = [300, 3000, 12000][f % 3]
      tones = sum(np.sin(2 * np.pi * hz * t + rng.uniform(0, 6.3))
                  for hz in rng.uniform(100, 7000, 3))
      frame = level * tones / 3 + rng.normal(0, level / 10, FRAME)
    frames.append(np.clip(np.round(frame), -32768, 32767).astype(np.int16))
  return np.stack(frames).reshape(FRAMES, 1, FRAME)


def partial_tensors(model_bytes):
  """{tensor index: (start, end)} for SignalEnergy outputs and the CASTs of
  them: the elements that the op defines."""
  model = model_builder.read_model(model_bytes)
  graph = model.subgraphs[0]
  partial = {}
  for op in graph.operators:
    code = model.operatorCodes[op.opcodeIndex]
    if code.customCode == b"SignalEnergy":
      options = flexbuffers.Loads(bytes(op.customOptions))
      partial[int(op.outputs[0])] = (options["start_index"],
                                     options["end_index"])
  for op in graph.operators:
    code = model.operatorCodes[op.opcodeIndex]
    builtin = max(code.builtinCode, code.deprecatedBuiltinCode)
    if builtin == 53 and int(op.inputs[0]) in partial:  # CAST
      partial[int(op.outputs[0])] = partial[int(op.inputs[0])]
  return partial


def run_frames(interpreter, frames, tensor_count, partial):
  results = []
  for frame in frames:
    interpreter.set_input(frame, 0)
    interpreter.invoke()
    digests = []
    for index in range(tensor_count):
      data = np.asarray(interpreter.GetTensor(index, 0)["tensor_data"])
      if index in partial:
        data = data.reshape(-1)[partial[index][0]:partial[index][1]]
      digests.append(hashlib.sha256(data.tobytes()).hexdigest())
    results.append({"output": encode(interpreter.get_output(0)),
                    "tensor_sha256": digests})
  return results


def audio_goldens(models_dir):
  frames = audio_frames()
  goldens = {"seed": AUDIO_SEED, "frames": encode(frames), "models": {}}
  # Tensor counts (TFLM's GetTensor does not check the index).
  for name, tensor_count in (("audio_preprocessor_int8.tflite", 43),
                             ("audio_preprocessor_float.tflite", 33)):
    with open(os.path.join(models_dir, name), "rb") as f:
      model_bytes = f.read()
    partial = partial_tensors(model_bytes)
    interpreter = runtime.Interpreter.from_bytes(
        model_bytes,
        intrepreter_config=runtime.InterpreterConfig.kPreserveAllTensors)
    first = run_frames(interpreter, frames, tensor_count, partial)
    interpreter.reset()
    again = run_frames(interpreter, frames[:RESET_FRAMES], tensor_count,
                       partial)
    goldens["models"][name] = {
        "model_sha256": hashlib.sha256(model_bytes).hexdigest(),
        "partial_tensors": {str(k): list(v) for k, v in partial.items()},
        "frames": first, "after_reset": again}
  return goldens


def main(models_dir):
  with open(os.path.join(HERE, "op_goldens.json"), "w") as f:
    json.dump(op_goldens(), f, separators=(",", ":"), sort_keys=True)
  if models_dir == "--ops-only":
    return
  with open(os.path.join(HERE, "audio_preprocessor_goldens.json"), "w") as f:
    json.dump(audio_goldens(models_dir), f, separators=(",", ":"),
              sort_keys=True)


if __name__ == "__main__":
  main(sys.argv[1])
