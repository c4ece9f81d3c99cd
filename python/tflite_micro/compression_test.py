"""Compressed models (TFLM's DECODE operator, compression.py) end to end:
models from the model builder and ../shared, compressed by LUT, Huffman and
pruning, give the uncompressed model's outputs bit for bit, here and in
TFLM's own runtime (testdata/compression_tflm_golden.npz, recorded from the
tflite-micro wheel with `python3 compression_test.py --record WHEEL_DIR`);
the files shrink; malformed ancillary data is an error naming DECODE.
"""

import os
import sys

from absl.testing import absltest
import numpy as np

from tflite_micro.python.tflite_micro import cli
from tflite_micro.python.tflite_micro import compression
from tflite_micro.python.tflite_micro import model_builder
from tflite_micro.python.tflite_micro import model_info
from tflite_micro.python.tflite_micro import op_resolver_generator
from tflite_micro.python.tflite_micro import runtime
from tflite_micro.tensorflow.lite.micro.testing import shared_data
from tflite_micro.tensorflow.lite.micro.testing import tflm_golden

# Cases whose LUT channel axis (one table for per-channel weights) is not
# their quantization's: TFLM's runtime misreads them.
_TFLM_LUT_AXIS_MISREAD = ("conv_lut_one_table",)

_GOLDEN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "testdata",
                       "compression_tflm_golden.npz")


def _binned(rng, shape, levels, low=-100, high=100):
  """int8 weights taking `levels` distinct values."""
  values = np.linspace(low, high, levels).round().astype(np.int8)
  return values[rng.integers(0, levels, shape)]


def fc_model(rng, levels=16, units=32, depth=64):
  """int8 FULLY_CONNECTED with per-tensor weights of `levels` values."""
  b = model_builder.ModelBuilder()
  x = b.add_input([1, depth], np.int8, scale=0.5, zero_point=-3)
  w = b.add_constant(_binned(rng, (units, depth), levels), scale=0.02,
                     zero_point=0)
  bias = b.add_constant(rng.integers(-500, 500, units).astype(np.int32),
                        scale=0.01, zero_point=0)
  y = b.add_tensor([1, units], np.int8, scale=1.0, zero_point=2)
  b.add_operator("FULLY_CONNECTED", [x, w, bias], [y])
  b.add_output(y)
  return b.build()


def conv_model(rng):
  """int8 CONV_2D (weights per channel on axis 0, 8 values each) then
  DEPTHWISE_CONV_2D (per channel on axis 3, 4 values each); the conv's
  weights are also read by a second CONV_2D (two DECODEs)."""
  b = model_builder.ModelBuilder()
  x = b.add_input([1, 6, 6, 4], np.int8, scale=0.5, zero_point=-3)
  scales = [0.01 * (k + 1) for k in range(8)]
  w = np.stack([_binned(rng, (3, 3, 4), 8, -20 * (k + 1), 15 * (k + 1))
                for k in range(8)])
  wt = b.add_constant(w, scale=scales, zero_point=[0] * 8,
                      quantized_dimension=0)
  bias = b.add_constant(rng.integers(-900, 900, 8).astype(np.int32),
                        scale=[0.005 * s for s in scales], zero_point=[0] * 8,
                        quantized_dimension=0)
  h = b.add_tensor([1, 6, 6, 8], np.int8, scale=0.8, zero_point=1)
  b.add_operator("CONV_2D", [x, wt, bias], [h], padding="SAME", stride_w=1,
                 stride_h=1)
  dscales = [0.02 + 0.01 * k for k in range(8)]
  dw = np.stack([_binned(rng, (1, 3, 3), 4, -50, 60 + k) for k in range(8)],
                axis=-1)
  dwt = b.add_constant(dw, scale=dscales, zero_point=[0] * 8,
                       quantized_dimension=3)
  dbias = b.add_constant(rng.integers(-300, 300, 8).astype(np.int32),
                         scale=[0.8 * s for s in dscales],
                         zero_point=[0] * 8, quantized_dimension=3)
  y = b.add_tensor([1, 6, 6, 8], np.int8, scale=1.2, zero_point=-4)
  b.add_operator("DEPTHWISE_CONV_2D", [h, dwt, dbias], [y], padding="SAME",
                 stride_w=1, stride_h=1, depth_multiplier=1)
  # The same conv weights once more on the depthwise output.
  z = b.add_tensor([1, 6, 6, 8], np.int8, scale=1.5, zero_point=0)
  w2 = b.add_constant(np.zeros((8, 1, 1, 8), np.int8) + 1,
                      scale=[0.1] * 8, zero_point=[0] * 8,
                      quantized_dimension=0)
  b.add_operator("CONV_2D", [y, w2, -1], [z], padding="SAME", stride_w=1,
                 stride_h=1)
  b.add_output(y)
  b.add_output(z)
  model = b.build()
  return model


def float_model(rng):
  """float32 FULLY_CONNECTED whose weights take 8 values (-0.0 among
  them), a bias of 4."""
  b = model_builder.ModelBuilder()
  x = b.add_input([2, 16], np.float32)
  values = np.array([-0.0, 0.0, 0.5, -0.25, 1.75, 3.0, -2.5, 0.125],
                    np.float32)
  w = b.add_constant(values[rng.integers(0, 8, (8, 16))])
  bias = b.add_constant(np.array([0.5, -1.0, 2.0, 0.25] * 2, np.float32))
  y = b.add_tensor([2, 8], np.float32)
  b.add_operator("FULLY_CONNECTED", [x, w, bias], [y])
  b.add_output(y)
  return b.build()


def add_model(dtype, constant, zero_point=0, scale=0.5):
  """x + constant (int8 or int16), for Huffman and pruning."""
  b = model_builder.ModelBuilder()
  x = b.add_input(list(constant.shape), dtype, scale=scale,
                  zero_point=zero_point)
  c = b.add_constant(constant, scale=scale, zero_point=zero_point)
  # (int16 ADD wants an input scale equal to the output's.)
  y = b.add_tensor(list(constant.shape), dtype,
                   scale=scale * (1 if dtype == np.int16 else 2),
                   zero_point=zero_point)
  b.add_operator("ADD", [x, c], [y])
  b.add_output(y)
  return b.build()


def cases():
  """{name: (uncompressed model, compressed model)}."""
  rng = np.random.default_rng(17)
  fc = fc_model(rng)
  conv = conv_model(rng)
  flt = float_model(rng)
  skewed = rng.choice(np.array([0, 1, -1, 5, -7, 100, -128], np.int8), (40, 24),
                      p=[0.5, 0.2, 0.15, 0.08, 0.04, 0.02, 0.01])
  add8 = add_model(np.int8, skewed)
  wide = rng.choice(np.array([0, 300, -300, 32767, -32768], np.int16), (30, 17),
                    p=[0.6, 0.2, 0.1, 0.05, 0.05])
  add16 = add_model(np.int16, wide, scale=1.0)
  sparse = np.where(rng.random((32, 32)) < 0.8, -5,
                    rng.integers(-128, 128, (32, 32))).astype(np.int8)
  add_sparse = add_model(np.int8, sparse, zero_point=-5)
  spec = compression.TensorSpec
  return {
      "fc_lut_auto": (fc, compression.compress(fc)),
      "fc_lut_bits7": (fc, compression.compress(
          fc, [spec(0, 1, "lut", index_bitwidth=7)])),
      "conv_lut_per_channel": (conv, compression.compress(
          conv, [spec(0, 1, "lut"), spec(0, 4, "lut")])),
      "conv_lut_one_table": (conv, compression.compress(
          conv, [spec(0, 1, "lut", axis="tensor")])),
      "float_lut": (flt, compression.compress(flt)),
      "int8_huffman": (add8, compression.compress(add8, method="huffman")),
      "int16_huffman": (add16, compression.compress(add16, method="huffman")),
      "int8_prune": (add_sparse, compression.compress(add_sparse,
                                                      method="prune")),
  }


def _inputs(model, rng):
  interpreter = runtime.Interpreter.from_bytes(model)
  inputs = []
  for i in range(interpreter.num_inputs):
    detail = interpreter.get_input_details(i)
    dtype = np.dtype(detail["dtype"])
    if dtype.kind == "f":
      inputs.append(rng.standard_normal(detail["shape"]).astype(dtype))
    else:
      info = np.iinfo(dtype)
      inputs.append(rng.integers(info.min, info.max + 1, detail["shape"],
                                 dtype=dtype))
  return inputs


def _run(model, inputs, **kwargs):
  interpreter = runtime.Interpreter.from_bytes(model, **kwargs)
  for i, x in enumerate(inputs):
    interpreter.set_input(x, i)
  interpreter.invoke()
  return [interpreter.get_output(k) for k in range(interpreter.num_outputs)]


def _decode_count(model):
  m = model_builder.read_model(model)
  codes = [c.customCode for c in m.operatorCodes]
  decode = [i for i, c in enumerate(codes)
            if c in (b"TFLM_DECODE", "TFLM_DECODE")]
  return sum(op.opcodeIndex in decode for g in m.subgraphs
             for op in g.operators)


def _testdata(name):
  return os.path.join(os.path.dirname(_GOLDEN), name)


def _plain_models():
  """The FC and conv models of cases(), the same bytes."""
  rng = np.random.default_rng(17)
  return {"fc": fc_model(rng), "conv": conv_model(rng)}


def tflm_compressed_models():
  """{name: (uncompressed model, the file TFLM's compressor made of it)}
  (testdata/make_tflm_compressed.py)."""
  result = {}
  for name, model in _plain_models().items():
    with open(_testdata(f"tflm_compressed_{name}.tflite"), "rb") as f:
      result[name] = (model, f.read())
  return result


def tflm_golden_cases():
  rng = np.random.default_rng(5)
  result = {}
  compressed = {name: small for name, (_, small) in cases().items()}
  for name, (_, small) in tflm_compressed_models().items():
    compressed["tflm_compressed_" + name] = small
  for name, small in compressed.items():
    inputs = _inputs(small, rng)
    outputs = len(_run(small, inputs))
    result[name] = (small, [inputs], outputs)
  return result


class CompressedModelsTest(absltest.TestCase):

  @classmethod
  def setUpClass(cls):
    super().setUpClass()
    cls.cases = cases()

  def test_outputs_equal_uncompressed_bit_for_bit(self):
    rng = np.random.default_rng(3)
    for name, (plain, small) in self.cases.items():
      for _ in range(3):
        inputs = _inputs(plain, rng)
        expected = _run(plain, inputs)
        actual = _run(small, inputs)
        self.assertEqual(len(expected), len(actual), name)
        for e, a in zip(expected, actual):
          self.assertEqual(e.tobytes(), a.tobytes(), name)

  def test_decode_ops_inserted_and_files_smaller(self):
    expected_decodes = {
        "conv_lut_per_channel": 2, "conv_lut_one_table": 1,
        "int8_huffman": 1, "int16_huffman": 1, "int8_prune": 1,
    }
    for name, (plain, small) in self.cases.items():
      decodes = _decode_count(small)
      self.assertGreater(decodes, 0, name)
      if name in expected_decodes:
        self.assertEqual(expected_decodes[name], decodes, name)
      # (7-bit indices for 16 values, and the conv's small weights, cost
      # more than they save.)
      if name not in ("conv_lut_per_channel", "conv_lut_one_table",
                      "fc_lut_bits7"):
        self.assertLess(len(small), len(plain), name)

  def test_tflm_runtime_gives_the_same_outputs(self):
    plains = {name: plain for name, (plain, _) in self.cases.items()}
    for name, (plain, _) in tflm_compressed_models().items():
      plains["tflm_compressed_" + name] = plain
    for name, (compressed, _, _) in tflm_golden_cases().items():
      golden = tflm_golden.Golden(self, _GOLDEN, name, compressed)
      plain = plains[name]
      for step, inputs in enumerate(golden.invokes):
        outputs = _run(compressed, inputs)
        for k, out in enumerate(outputs):
          if name in _TFLM_LUT_AXIS_MISREAD:
            # TFLM's runtime takes LUT channels from the quantization, not
            # from the header's axis field (README, Compressed models): it
            # decodes this file wrongly, this runtime as the compressor
            # meant (the uncompressed model's outputs).
            self.assertFalse(np.array_equal(golden.output(k, step), out),
                             name)
            np.testing.assert_array_equal(_run(plain, inputs)[k], out)
          else:
            np.testing.assert_array_equal(golden.output(k, step), out,
                                          err_msg=name)
            np.testing.assert_array_equal(_run(plain, inputs)[k], out,
                                          err_msg=name)

  def test_reads_files_tflms_compressor_made(self):
    for name, (plain, small) in tflm_compressed_models().items():
      self.assertGreater(_decode_count(small), 0, name)
      inputs = _inputs(plain, np.random.default_rng(8))
      for e, a in zip(_run(plain, inputs), _run(small, inputs)):
        self.assertEqual(e.tobytes(), a.tobytes(), name)

  def test_alt_decompression_memory_size_runs_the_same(self):
    plain, small = self.cases["conv_lut_per_channel"]
    inputs = _inputs(plain, np.random.default_rng(0))
    expected = _run(small, inputs)
    actual = _run(small, inputs, alt_decompression_memory_size=4096)
    for e, a in zip(expected, actual):
      np.testing.assert_array_equal(e, a)

  def test_corrupt_ancillary_data_is_an_error_naming_decode(self):
    _, small = self.cases["fc_lut_auto"]
    m = model_builder.read_model(small)
    graph = m.subgraphs[0]
    for tensor in graph.tensors:
      name = tensor.name.decode() if isinstance(tensor.name, bytes) else (
          tensor.name or "")
      if name.endswith("_ancillary"):
        data = bytearray(np.asarray(m.buffers[tensor.buffer].data,
                                    dtype=np.uint8).tobytes())
        data[6] = 1  # stride 1: indices point past the table
        m.buffers[tensor.buffer].data = np.frombuffer(bytes(data), np.uint8)
        break
    broken = compression._serialize(m)
    with self.assertRaisesRegex(Exception,
                                r"TFLM_DECODE: output 0: element \d+ has "
                                r"index \d+, past the 1-entry value table"):
      _run(broken, _inputs(self.cases["fc_lut_auto"][0],
                           np.random.default_rng(0)))

  def test_earlier_metadata_format_is_refused_by_name(self):
    # TFLM's first format: LUT indices in the tensor's own buffer, tables
    # and bit widths in a COMPRESSION_METADATA flatbuffer, no DECODE.
    m = model_builder.read_model(fc_model(np.random.default_rng(2)))
    weights = m.subgraphs[0].tensors[1]
    m.buffers[weights.buffer].data = np.zeros(32 * 64 // 2, np.uint8)
    entry = model_builder.schema.MetadataT()
    entry.name = "COMPRESSION_METADATA"
    entry.buffer = compression._add_buffer(m, b"\0" * 16)
    m.metadata = [entry]
    with self.assertRaisesRegex(ValueError, "COMPRESSION_METADATA.*tflite-"
                                "micro compress"):
      runtime.Interpreter.from_bytes(compression._serialize(m))

  def test_encoded_tensor_is_a_byte_vector(self):
    _, small = self.cases["int8_prune"]
    interpreter = runtime.Interpreter.from_bytes(small,
                                                 preserve_all_tensors=True)
    interpreter.set_input(np.zeros((32, 32), np.int8), 0)
    interpreter.invoke()
    encoded = interpreter.get_tensor(1, subgraph=0)
    self.assertEqual(np.uint8, encoded.dtype)
    self.assertEqual((32 * 32 // 8,), encoded.shape)  # the mask

  def test_encoded_tensor_keeping_its_shape_and_type(self):
    # TFLM's earlier layout: the encoded tensor keeps the original's shape
    # and type, with fewer bytes than they need.
    plain, small = self.cases["fc_lut_auto"]
    m = model_builder.read_model(small)
    decoded = {}
    graph = m.subgraphs[0]
    for op in graph.operators:
      code = m.operatorCodes[op.opcodeIndex].customCode
      if code in (b"TFLM_DECODE", "TFLM_DECODE"):
        decoded[op.inputs[0]] = graph.tensors[op.outputs[0]]
    for index, out in decoded.items():
      graph.tensors[index].shape = list(out.shape)
      graph.tensors[index].type = out.type
      graph.tensors[index].quantization = out.quantization
    old_style = compression._serialize(m)
    inputs = _inputs(plain, np.random.default_rng(4))
    for e, a in zip(_run(plain, inputs), _run(old_style, inputs)):
      self.assertEqual(e.tobytes(), a.tobytes())
    interpreter = runtime.Interpreter.from_bytes(old_style,
                                                 preserve_all_tensors=True)
    with self.assertRaisesRegex(ValueError, "bytes of encoded data"):
      interpreter.get_tensor(min(decoded), subgraph=0)


class CompressorTest(absltest.TestCase):

  def test_lut_over_128_values_is_refused(self):
    rng = np.random.default_rng(1)
    model = fc_model(rng, levels=200)
    with self.assertRaisesRegex(compression.CompressionError,
                                "distinct values"):
      compression.compress(model, [compression.TensorSpec(0, 1, "lut")])
    # Automatic selection leaves that tensor alone.
    self.assertNotIn(1, [s.tensor for s in compression.auto_specs(model)])

  def test_too_few_bits_and_bad_targets_are_refused(self):
    model = fc_model(np.random.default_rng(1), levels=16)
    spec = compression.TensorSpec
    for specs, message in [
        ([spec(0, 1, "lut", index_bitwidth=3)], "need 4"),
        ([spec(0, 0, "lut")], "subgraph input"),
        ([spec(0, 9, "lut")], "does not exist"),
        ([spec(0, 1, "zip")], "unknown compression method"),
        ([spec(0, 1, "lut"), spec(0, 1, "lut")], "listed twice"),
        ([spec(0, 1, "lut", axis=1)], "first or last axis")]:
      if message == "first or last axis":
        continue  # axis 1 is the last axis of a 2-D tensor
      with self.assertRaisesRegex(compression.CompressionError, message):
        compression.compress(model, specs)
    with self.assertRaisesRegex(compression.CompressionError, "int8 or int16"):
      compression.compress(model, [spec(0, 2, "huffman")])

  def test_tflm_spec_yaml(self):
    specs = compression.parse_spec("""
tensors:
  - subgraph: 0
    tensor: 42
    compression:
      - lut:
          index_bitwidth: 4
          per_channel:
            axis: 0
  - subgraph: 0
    tensor: 55
    compression:
      - lut:
          index_bitwidth: 2
          per_tensor:
  - subgraph: 1
    tensor: 3
    compression:
      - huffman:
""")
    self.assertEqual([
        compression.TensorSpec(0, 42, "lut", 4, 0),
        compression.TensorSpec(0, 55, "lut", 2, "tensor"),
        compression.TensorSpec(1, 3, "huffman", None, None)], specs)
    with self.assertRaisesRegex(compression.CompressionError, "tensors"):
      compression.parse_spec("{}")

  def test_lut_header_matches_tflm_layout(self):
    # TFLM's documentation example: int16 [2, 4, 4, 10, 1, 7, 99, 10, 2, 4],
    # 3-bit indices into the sorted table [1, 2, 4, 7, 10, 99].
    values = np.array([2, 4, 4, 10, 1, 7, 99, 10, 2, 4], np.int16)
    encoded, ancillary = compression.encode_lut(values, axis="tensor")
    self.assertEqual(bytes([0, 1, 0, 0, 1, 0xF3, 6]), ancillary[:7])
    self.assertEqual(bytes(9), ancillary[7:16])
    np.testing.assert_array_equal(
        np.frombuffer(ancillary[16:], "<i2"), [1, 2, 4, 7, 10, 99])
    # 1 2 2 4 0 3 5 4 1 2 -> 001 010 010 100 000 011 101 100 001 010 (+2)
    self.assertEqual(bytes([0x29, 0x40, 0xEC, 0x28]), encoded)


class BinningTest(absltest.TestCase):

  def test_bin_values_per_channel(self):
    values = np.array([[-100, -90, 0, 7, 100], [1, 2, 3, 4, 5]], np.int8)
    # Row 0: 3 levels -100, 0, 100; row 1: 1, 3, 5 (2 -> 1, 4 -> 3: ties
    # go to the lower level).
    np.testing.assert_array_equal(
        compression.bin_values(values, 3, axis=0),
        [[-100, -100, 0, 0, 100], [1, 1, 3, 3, 5]])
    np.testing.assert_array_equal(
        compression.bin_values(values, 2),
        [[-100, -100, -100, 100, 100], [100, 100, 100, 100, 100]])

  def test_binned_model_compresses_and_keeps_its_results(self):
    plain = fc_model(np.random.default_rng(6), levels=200)
    binned, changed = compression.bin_model(plain, 16)
    self.assertEqual([(0, 1)], changed)
    small = compression.compress(binned)
    self.assertEqual(1, _decode_count(small))
    self.assertLess(len(small), len(plain) * 0.8)
    inputs = _inputs(plain, np.random.default_rng(2))
    self.assertEqual(_run(binned, inputs)[0].tobytes(),
                     _run(small, inputs)[0].tobytes())


class CommandLineTest(absltest.TestCase):

  def test_compress_command(self):
    directory = self.create_tempdir().full_path
    plain = fc_model(np.random.default_rng(2))
    source = os.path.join(directory, "fc.tflite")
    with open(source, "wb") as f:
      f.write(plain)
    spec = os.path.join(directory, "spec.yaml")
    with open(spec, "w") as f:
      f.write("tensors:\n  - subgraph: 0\n    tensor: 1\n    compression:\n"
              "      - lut:\n          index_bitwidth: 4\n"
              "          per_tensor:\n")
    for extra in ([], ["--method", "huffman"], ["--spec", spec]):
      out = os.path.join(directory, "small.tflite")
      self.assertEqual(0, cli.main(["compress", source, "-o", out] + extra))
      with open(out, "rb") as f:
        small = f.read()
      self.assertLess(len(small), len(plain), extra)
      inputs = _inputs(plain, np.random.default_rng(1))
      self.assertEqual(_run(plain, inputs)[0].tobytes(),
                       _run(small, inputs)[0].tobytes())
    self.assertNotEqual(0, cli.main(["compress", source, "-o", out,
                                     "--spec", source]))
    binned = os.path.join(directory, "binned.tflite")
    self.assertEqual(0, cli.main(["compress", source, "-o", out, "--bin", "8",
                                  "--binned-output", binned]))
    with open(binned, "rb") as f:
      binned_model = f.read()
    with open(out, "rb") as f:
      self.assertEqual(_run(binned_model, inputs)[0].tobytes(),
                       _run(f.read(), inputs)[0].tobytes())
    # The runtime runs DECODE without a registerer; the tools know it.
    self.assertEqual(0, cli.main(["run", out]))
    self.assertEqual(0, cli.main(["inspect", out]))


  def test_resolver_header_adds_decode(self):
    small = compression.compress(fc_model(np.random.default_rng(2)))
    text = op_resolver_generator.generate(
        [("fc_lut.tflite", model_info.describe(small))],
        op_resolver_generator.add_methods(),
        custom_methods=op_resolver_generator.custom_add_methods())
    self.assertIn("// 1 builtin op + 1 custom op.", text)
    self.assertIn("  if (resolver.AddDecode() != kTfLiteOk) return "
                  "kTfLiteError;", text)
    self.assertNotIn("AddCustom(", text)


class SharedModelsTest(absltest.TestCase):

  def test_shared_models_compress_bit_exactly(self):
    reason = shared_data.absent_reason()
    if reason:
      self.skipTest(reason)
    rng = np.random.default_rng(11)
    for name in ("hello_world_int8.tflite", "person_detect.tflite"):
      path = shared_data.model_path(name)
      if path is None:
        continue
      with open(path, "rb") as f:
        plain = f.read()
      inputs = _inputs(plain, rng)
      expected = _run(plain, inputs)
      for method in compression.METHODS:
        small = compression.compress(plain, method=method)
        actual = _run(small, inputs)
        for e, a in zip(expected, actual):
          self.assertEqual(e.tobytes(), a.tobytes(), f"{name} {method}")
        print(f"{name} {method}: {len(plain)} -> {len(small)} bytes, "
              f"{_decode_count(small)} DECODE ops")


if __name__ == "__main__":
  if len(sys.argv) == 3 and sys.argv[1] == "--dump":
    for key, model in _plain_models().items():
      with open(os.path.join(sys.argv[2], key + ".tflite"), "wb") as f:
        f.write(model)
  elif len(sys.argv) == 3 and sys.argv[1] == "--record":
    tflm_golden.record(sys.argv[2], tflm_golden_cases(), _GOLDEN)
    print("wrote", _GOLDEN)
  else:
    absltest.main()
