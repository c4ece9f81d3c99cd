"""Bazel entry point of `tflite-micro export`:

    bazel run //tensorflow/lite/micro/tools:export -- model.tflite -o DIR \\
        [--target host|cortex-m0plus|cortex-m3|cortex-m4|cortex-m7|cortex-m55]
"""

import sys

from tflite_micro.python.tflite_micro import cli

if __name__ == "__main__":
  sys.exit(cli.main(["export"] + sys.argv[1:], prog="export"))
