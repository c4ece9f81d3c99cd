"""Writes the small models the reliability tests share (issue 21):

  endless_while.tflite  x float32[1,4] -> WHILE(x) whose condition subgraph
                        returns a constant true and whose body adds x to
                        itself: invoke never ends unless cancelled.
  huge_tensors.tflite   three float32[1,16000,16000] tensors (ADD of the two
                        inputs): a few hundred bytes of model that need about
                        3 GB of arena.

  bazel build //python/tflite_micro:all   # the generated schema module
  python3 tensorflow/lite/micro/testing/models/make_models.py
"""

import os
import sys

import numpy as np

_ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), *[".."] * 5)
# model_builder as a flat module, next to the schema module Bazel generates.
sys.path[:0] = [os.path.join(_ROOT, "python", "tflite_micro"),
                os.path.join(_ROOT, "bazel-bin", "python", "tflite_micro")]
import model_builder  # pylint: disable=g-import-not-at-top


def endless_while():
  b = model_builder.ModelBuilder()
  main = b.main
  cond = b.add_subgraph("always_true")
  body = b.add_subgraph("double")
  x = main.add_input([1, 4], np.float32)
  y = main.add_tensor([1, 4], np.float32)
  main.add_operator("WHILE", [x], [y], cond_subgraph_index=cond.index,
                    body_subgraph_index=body.index)
  main.mark_output(y)
  cond.add_input([1, 4], np.float32)
  cond.mark_output(cond.add_constant(np.array(True)))
  v = body.add_input([1, 4], np.float32)
  w = body.add_tensor([1, 4], np.float32)
  body.add_operator("ADD", [v, v], [w])
  body.mark_output(w)
  return b.build()


def huge_tensors():
  b = model_builder.ModelBuilder()
  main = b.main
  shape = [1, 16000, 16000]
  a = main.add_input(shape, np.float32)
  c = main.add_input(shape, np.float32)
  s = main.add_tensor(shape, np.float32)
  main.add_operator("ADD", [a, c], [s])
  main.mark_output(s)
  return b.build()


def main():
  here = os.path.dirname(os.path.abspath(__file__))
  for name, make in [("endless_while", endless_while),
                     ("huge_tensors", huge_tensors)]:
    with open(os.path.join(here, name + ".tflite"), "wb") as f:
      f.write(make())


if __name__ == "__main__":
  main()
