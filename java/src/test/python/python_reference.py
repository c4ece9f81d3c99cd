"""Runs a model on the Python runtime, for the Java tests to compare with.

    python_reference <model.tflite> <inputs.bin> <outputs.bin> [OPTION=VALUE...]

OPTIONs are Interpreter keyword arguments: arithmetic=tflm|litert,
preserve_inputs=0|1, preserve_all_tensors=0|1.

Both files hold tensors as: int32 count, then per tensor int32 rank, rank
int32 dimensions, int32 byte count and the raw bytes (all little-endian).
Inputs whose shape differs from the model's are resized first.
"""

import struct
import sys

import numpy as np

from tflite_micro.python.tflite_micro import runtime


def read_tensors(path):
  with open(path, "rb") as f:
    data = f.read()
  offset = 0

  def take(fmt):
    nonlocal offset
    values = struct.unpack_from(fmt, data, offset)
    offset += struct.calcsize(fmt)
    return values

  (count,) = take("<i")
  tensors = []
  for _ in range(count):
    (rank,) = take("<i")
    shape = take(f"<{rank}i") if rank else ()
    (size,) = take("<i")
    tensors.append((list(shape), data[offset:offset + size]))
    offset += size
  return tensors


def write_tensors(path, arrays):
  with open(path, "wb") as f:
    f.write(struct.pack("<i", len(arrays)))
    for array in arrays:
      raw = np.ascontiguousarray(array).astype(
          array.dtype.newbyteorder("<")).tobytes()
      f.write(struct.pack("<i", array.ndim))
      f.write(struct.pack(f"<{array.ndim}i", *array.shape))
      f.write(struct.pack("<i", len(raw)))
      f.write(raw)


def options(args):
  kwargs = {}
  for arg in args:
    key, _, value = arg.partition("=")
    if key == "arithmetic":
      kwargs[key] = value
    elif key in ("preserve_inputs", "preserve_all_tensors"):
      kwargs[key] = value == "1"
    else:
      sys.exit(f"unknown option {arg!r}\n{__doc__}")
  return kwargs


def main(argv):
  if len(argv) < 4:
    sys.exit(__doc__)
  interpreter = runtime.Interpreter.from_file(argv[1], **options(argv[4:]))
  inputs = read_tensors(argv[2])
  if len(inputs) != interpreter.num_inputs:
    sys.exit(f"{len(inputs)} inputs given, the model has "
             f"{interpreter.num_inputs}")
  for i, (shape, raw) in enumerate(inputs):
    details = interpreter.get_input_details(i)
    if list(details["shape"]) != shape:
      interpreter.resize_input(i, shape)
  for i, (shape, raw) in enumerate(inputs):
    dtype = np.dtype(interpreter.get_input_details(i)["dtype"])
    array = np.frombuffer(raw, dtype=dtype.newbyteorder("<")).reshape(shape)
    interpreter.set_input(array.astype(dtype), i)
  interpreter.invoke()
  write_tensors(argv[3], [interpreter.get_output(i)
                          for i in range(interpreter.num_outputs)])


if __name__ == "__main__":
  main(sys.argv)
