"""A LiteRT script: runs a .tflite model on random inputs and saves what it
outputs. It runs on tflite_micro when its import line says so:

    from ai_edge_litert.interpreter import Interpreter, OpResolverType
becomes
    from tflite_micro.interpreter import Interpreter, OpResolverType
(under Bazel the package is tflite_micro.python.tflite_micro; the test
litert_script_test.py runs this file both ways and compares the results).

    python3 litert_script.py MODEL [--runs N] [--seed S] [--output out.npz]
"""

import argparse

import numpy as np

from ai_edge_litert.interpreter import Interpreter, OpResolverType


def random_input(rng, detail):
  dtype = np.dtype(detail["dtype"])
  shape = detail["shape"]
  if np.issubdtype(dtype, np.integer):
    info = np.iinfo(dtype)
    return rng.integers(info.min, info.max, shape, endpoint=True).astype(dtype)
  return rng.uniform(-1, 1, shape).astype(dtype)


def main(argv=None):
  parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
  parser.add_argument("model")
  parser.add_argument("--runs", type=int, default=2)
  parser.add_argument("--seed", type=int, default=0)
  parser.add_argument("--output", help="an .npz file for every output")
  args = parser.parse_args(argv)

  interpreter = Interpreter(
      model_path=args.model,
      experimental_op_resolver_type=OpResolverType.BUILTIN_REF)
  interpreter.allocate_tensors()
  input_details = interpreter.get_input_details()
  output_details = interpreter.get_output_details()
  rng = np.random.default_rng(args.seed)
  results = {}

  for run in range(args.runs):
    for detail in input_details:
      interpreter.set_tensor(detail["index"], random_input(rng, detail))
    interpreter.invoke()
    for detail in output_details:
      value = interpreter.get_tensor(detail["index"])
      results[f"run{run}/{detail['name']}"] = value
      print(f"run {run}: {detail['name']} {value.dtype} {value.shape} "
            f"{value.reshape(-1)[:6]}")

  # The same through the model's SignatureDef, when it has exactly one.
  signatures = interpreter.get_signature_list()
  if len(signatures) == 1:
    runner = interpreter.get_signature_runner()
    kwargs = {name: random_input(rng, detail)
              for name, detail in runner.get_input_details().items()}
    for name, value in runner(**kwargs).items():
      # LiteRT's runner returns views of its tensors: keep copies, so that
      # the interpreter may resize them below.
      results[f"signature/{name}"] = value = np.copy(value)
      print(f"signature: {name} {value.reshape(-1)[:6]}")
    del runner  # LiteRT refuses to resize while a runner is alive

  # A batch of three, when the first input's batch dimension is open.
  first = input_details[0]
  if len(first["shape_signature"]) > 0 and first["shape_signature"][0] == -1:
    shape = [3] + list(first["shape"][1:])
    interpreter.resize_tensor_input(first["index"], shape)
    interpreter.allocate_tensors()
    for detail in interpreter.get_input_details():
      interpreter.set_tensor(detail["index"], random_input(rng, detail))
    interpreter.invoke()
    for detail in interpreter.get_output_details():
      results[f"batch3/{detail['name']}"] = interpreter.get_tensor(
          detail["index"])

  if args.output:
    np.savez(args.output, **results)
  return results


if __name__ == "__main__":
  main()
