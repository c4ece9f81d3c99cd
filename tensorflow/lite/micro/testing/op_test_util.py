"""Shared helpers for per-op tests: build a model, run it here and in LiteRT's
reference kernels (the oracle), compare.

Integer outputs must match bit for bit; float outputs within a relative
tolerance (1e-5 by default), since float kernels may sum in another order.

The runtime reproduces TFLM's arithmetic by default and LiteRT's with
arithmetic="litert"; they differ by one on rare rounding ties in a few
kernels. compare_with_reference checks the LiteRT arithmetic against LiteRT
bit for bit, and the default (TFLM) arithmetic to within one step of it.
"""

import flatbuffers
import numpy as np

from tflite_micro.python.tflite_micro import model_builder
from tflite_micro.python.tflite_micro import runtime

ModelBuilder = model_builder.ModelBuilder


def run_tflm(model_bytes, inputs, arena_size=None, **kwargs):
  """Runs the model with this project's runtime; returns all outputs."""
  interpreter = runtime.Interpreter.from_bytes(model_bytes,
                                               arena_size=arena_size, **kwargs)
  for i, value in enumerate(inputs):
    interpreter.set_input(value, i)
  interpreter.invoke()
  return [interpreter.get_output(i) for i in range(interpreter.num_outputs)]


def vector_scales_on_axis_zero(model_bytes):
  """A copy whose per-channel 1-D tensors name quantized dimension 0.

  person_detect's biases carry the weights' axis (3), which LiteRT refuses
  and TFLM ignores; the arithmetic does not depend on it.
  """
  model = model_builder.read_model(model_bytes)
  for subgraph in model.subgraphs:
    for tensor in subgraph.tensors:
      q = tensor.quantization
      if (q is not None and q.scale is not None and len(q.scale) > 1 and
          len(tensor.shape) == 1):
        q.quantizedDimension = 0
  builder = flatbuffers.Builder(1024)
  builder.Finish(model.Pack(builder), file_identifier=b"TFL3")
  return bytes(builder.Output())


def run_litert_reference(model_bytes, inputs):
  """Runs the model with LiteRT's reference kernels; returns all outputs."""
  from ai_edge_litert import interpreter as litert  # pylint: disable=g-import-not-at-top
  interpreter = litert.Interpreter(
      model_content=bytes(model_bytes),
      experimental_op_resolver_type=litert.OpResolverType.BUILTIN_REF)
  input_details = interpreter.get_input_details()
  for detail, value in zip(input_details, inputs):
    if list(detail["shape"]) != list(np.shape(value)):
      interpreter.resize_tensor_input(detail["index"], np.shape(value))
  interpreter.allocate_tensors()
  for detail, value in zip(interpreter.get_input_details(), inputs):
    interpreter.set_tensor(detail["index"], value)
  interpreter.invoke()
  return [interpreter.get_tensor(d["index"]).copy()
          for d in interpreter.get_output_details()]


def assert_outputs_match(test, ours, reference, rtol=1e-5, atol=1e-6,
                         integer_tolerance=0, context=""):
  """Closeness for floats; integer/bool outputs equal (or within
  `integer_tolerance` steps)."""
  test.assertEqual(len(ours), len(reference), f"output count {context}")
  for i, (a, b) in enumerate(zip(ours, reference)):
    where = f"output {i} {context}".strip()
    test.assertEqual(a.dtype, b.dtype, f"{where}: dtype")
    test.assertEqual(a.shape, b.shape, f"{where}: shape")
    if np.issubdtype(a.dtype, np.floating):
      np.testing.assert_allclose(a, b, rtol=rtol, atol=atol, err_msg=where)
      continue
    difference = np.abs(a.astype(np.int64) - b.astype(np.int64))
    bad = np.argwhere(difference > integer_tolerance)
    if len(bad):
      first = tuple(bad[0])
      test.fail(f"{where}: {len(bad)} of {a.size} elements differ by more "
                f"than {integer_tolerance}; first at {first}: ours {a[first]} "
                f"vs reference {b[first]}")


def compare_with_reference(test, model_bytes, inputs, rtol=1e-5, atol=1e-6,
                           context=""):
  """Runs both interpreters and asserts that their outputs match.

  Returns the outputs of the default (TFLM-rounding) mode.
  """
  reference = run_litert_reference(model_bytes, inputs)
  litert = run_tflm(model_bytes, inputs, arithmetic="litert")
  assert_outputs_match(test, litert, reference, rtol=rtol, atol=atol,
                       context=f"LiteRT arithmetic {context}".strip())
  ours = run_tflm(model_bytes, inputs)
  assert_outputs_match(test, ours, reference, rtol=rtol, atol=atol,
                       integer_tolerance=1,
                       context=f"TFLM arithmetic {context}".strip())
  return ours


def random_array(rng, shape, dtype, low=None, high=None):
  """Uniform random data over the dtype's range (or [low, high])."""
  dtype = np.dtype(dtype)
  if np.issubdtype(dtype, np.integer):
    info = np.iinfo(dtype)
    low = info.min if low is None else low
    high = info.max if high is None else high
    return rng.integers(low, high, size=shape, endpoint=True).astype(dtype)
  if dtype == np.bool_:
    return rng.integers(0, 1, size=shape, endpoint=True).astype(np.bool_)
  low = -1.0 if low is None else low
  high = 1.0 if high is None else high
  return rng.uniform(low, high, size=shape).astype(dtype)


def quantization_for_range(real_min, real_max, dtype):
  """(scale, zero_point) covering [real_min, real_max] in `dtype`.

  int16 activations are symmetric (zero point 0), as TFLite requires.
  """
  dtype = np.dtype(dtype)
  real_min = min(real_min, 0.0)
  real_max = max(real_max, 0.0)
  info = np.iinfo(dtype)
  if dtype == np.int16:
    scale = max(abs(real_min), abs(real_max)) / info.max
    return float(scale), 0
  scale = (real_max - real_min) / (info.max - info.min)
  zero_point = int(round(info.min - real_min / scale))
  zero_point = max(info.min, min(info.max, zero_point))
  return float(scale), zero_point


def symmetric_per_channel_scales(weights, axis, dtype=np.int8):
  """Per-channel scales for symmetric weight quantization along `axis`."""
  info = np.iinfo(dtype)
  moved = np.moveaxis(np.asarray(weights, np.float64), axis, 0)
  max_abs = np.abs(moved.reshape(moved.shape[0], -1)).max(axis=1)
  return np.maximum(max_abs / info.max, 1e-8).astype(np.float32)
