"""Writes one of cnn_models' generated models to a .tflite file.

    bazel run //benchmarks:write_model -- mobilenet_v2_96_035_int8 /tmp/m.tflite
"""

import sys

try:
  from benchmarks import cnn_models
except ImportError:
  import cnn_models


def main(argv):
  if len(argv) != 3:
    sys.exit(f"usage: {argv[0]} MODEL_NAME OUT.tflite")
  with open(argv[2], "wb") as f:
    f.write(cnn_models.build(argv[1]))


if __name__ == "__main__":
  main(sys.argv)
