"""Helpers for the signal ops' tests: TFLM goldens and this runtime."""

import hashlib
import json
import os

import numpy as np

from tflite_micro.python.tflite_micro import runtime
from tflite_micro.signal.testing import signal_cases

REGISTERER = "SignalOpsRegisterer"


def testdata_path(name):
  here = os.path.dirname(os.path.abspath(__file__))
  return os.path.join(os.path.dirname(here), "testdata", name)


def load_json(name):
  with open(testdata_path(name)) as f:
    return json.load(f)


def decode(entry):
  return np.array(entry["data"], dtype=np.dtype(entry["dtype"])).reshape(
      entry["shape"])


def interpreter(model, **kwargs):
  return runtime.Interpreter.from_bytes(
      model, custom_op_registerers=[REGISTERER], **kwargs)


def assert_same(test, ours, expected, what):
  """Same dtype, shape and values (bit for bit, floats included)."""
  test.assertEqual(ours.dtype, expected.dtype, f"{what}: dtype")
  test.assertEqual(ours.shape, expected.shape, f"{what}: shape")
  if ours.dtype.kind == "f":
    same = np.array_equal(ours.view(np.uint32), expected.view(np.uint32))
  else:
    same = np.array_equal(ours, expected)
  if not same:
    bad = np.argwhere(ours != expected)
    first = tuple(bad[0]) if len(bad) else ()
    test.fail(f"{what}: {len(bad)} of {ours.size} values differ from TFLM; "
              f"first at {first}: ours {ours[first]}, TFLM {expected[first]}")


def check_op_goldens(test, op):
  """Runs every case of `op` from signal_cases through this runtime and
  compares each invocation's outputs with what TFLM computed."""
  goldens = load_json("op_goldens.json")
  cases = signal_cases.cases_for(op)
  test.assertTrue(cases, f"no cases for {op}")
  for case in cases:
    with test.subTest(case=case.name):
      golden = goldens.get(case.name)
      test.assertIsNotNone(golden, f"{case.name}: no golden; run "
                           "signal/testdata/make_tflm_goldens.py")
      test.assertEqual(
          hashlib.sha256(case.model).hexdigest(), golden["model_sha256"],
          f"{case.name}: the model differs from the one the goldens were "
          "made with; run signal/testdata/make_tflm_goldens.py")
      it = interpreter(case.model)
      for r, run in enumerate(golden["runs"]):
        for i, value in enumerate(run["inputs"]):
          it.set_input(decode(value), i)
        it.invoke()
        test.assertEqual(len(run["outputs"]), it.num_outputs)
        for o, expected in enumerate(run["outputs"]):
          ours = it.get_output(o)
          span = case.compare.get(o)
          if span is not None and span[0] == "valid":
            # Defined only when this invocation's valid flag is set.
            if not decode(run["outputs"][span[1]]):
              continue
          elif span is not None:
            ours = ours.reshape(-1)[span[0]:span[1]]
          assert_same(test, ours, decode(expected),
                      f"{case.name} invocation {r} output {o}")
  return len(cases)


def case_inputs(op, name):
  """The golden inputs of case `name` (a list per invocation)."""
  golden = load_json("op_goldens.json")[name]
  assert golden["op"] == op
  return [[decode(v) for v in run["inputs"]] for run in golden["runs"]]


def assert_prepare_fails(test, op, model, message):
  """Building an interpreter for `model` fails in `op`'s Prepare with
  `message` (a regex) after the "Node <op> (number 0) ..." prefix."""
  with test.assertRaisesRegex(
      RuntimeError,
      rf"Node {op} \(number 0\) failed to prepare: {op}: " + message):
    interpreter(model)
