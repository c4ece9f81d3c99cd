"""Records TFLM's outputs for the kernel tests that compare with TFLM's own
runtime (the PyPI tflite-micro wheel): models LiteRT cannot run or computes
differently. Each test module lists its cases in tflm_golden_cases(); this
writes <module>_tflm_golden.npz next to this script for each:

  bazel build //tensorflow/lite/micro/kernels:squared_difference_test
  R=bazel-bin/tensorflow/lite/micro/kernels/squared_difference_test.runfiles
  PYTHONPATH=$R:$R/tflite_micro python3 make_tflm_goldens.py WHEEL_DIR [MODULE]

where WHEEL_DIR holds the wheel's package (pip install --target WHEEL_DIR
tflite-micro). The test modules are loaded from the source tree; those
runfiles hold every package they import.
"""

import importlib.util
import os
import sys

from tflite_micro.tensorflow.lite.micro.testing import tflm_golden

MODULES = ("circular_buffer_test", "squared_difference_test",
           "unidirectional_sequence_lstm_test")


def main(wheel_dir, only=None):
  here = os.path.dirname(os.path.realpath(__file__))
  for name in MODULES:
    if only and name != only:
      continue
    spec = importlib.util.spec_from_file_location(
        name, os.path.join(os.path.dirname(here), name + ".py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    path = os.path.join(here, name[:-len("_test")] + "_tflm_golden.npz")
    tflm_golden.record(wheel_dir, module.tflm_golden_cases(), path)
    print("wrote", path)


if __name__ == "__main__":
  main(sys.argv[1], *sys.argv[2:3])
