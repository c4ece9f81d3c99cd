"""Compresses models with TFLM's own compressor (the tflite-micro wheel's
tensorflow/lite/micro/compression/compress.py), for compression_test's
check that this runtime reads TFLM's compressed files. Run with the
wheel's Python on the uncompressed models compression_test.py dumps:

  R=bazel-bin/python/tflite_micro/compression_test.runfiles
  PYTHONPATH=$R:$R/tflite_micro python3 compression_test.py --dump DIR
  /opt/tflm-venv/bin/python make_tflm_compressed.py DIR
  PYTHONPATH=$R:$R/tflite_micro python3 compression_test.py --record WHEEL_DIR

Writes tflm_compressed_<name>.tflite next to this script.
"""

import importlib
import os
import sys

from tflite_micro.tensorflow.lite.micro.compression import spec

compress = importlib.import_module(
    "tflite_micro.tensorflow.lite.micro.compression.compress")

# name -> [(tensor, bit width, per-channel axis or None)]: the FC's weights
# (one table), the conv's weights (axis 0) and depthwise weights (axis 3).
SPECS = {
    "fc": [(1, 4, None)],
    "conv": [(1, 3, 0), (4, 2, 3)],
}


def main(directory):
  here = os.path.dirname(os.path.abspath(__file__))
  for name, tensors in SPECS.items():
    with open(os.path.join(directory, name + ".tflite"), "rb") as f:
      plain = f.read()
    specs = [
        spec.Tensor(subgraph=0, tensor=t, compression=[
            spec.LookUpTableCompression(
                index_bitwidth=bits,
                mode=spec.PerTensor() if axis is None else spec.PerChannel(
                    axis=axis))])
        for t, bits, axis in tensors]
    path = os.path.join(here, f"tflm_compressed_{name}.tflite")
    with open(path, "wb") as f:
      f.write(bytes(compress.compress(plain, specs)))
    print("wrote", path)


if __name__ == "__main__":
  main(sys.argv[1])
