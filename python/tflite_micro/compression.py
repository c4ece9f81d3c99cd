"""Compresses the constant tensors of a .tflite model the way TFLM does:
each chosen tensor's data is replaced by an encoded form, and a DECODE
operator (the custom op "TFLM_DECODE") is put before every operator that
reads it, turning (encoded, ancillary) back into the original values at run
time. The result runs here and on TFLM built with compression.

    from tflite_micro import compression
    small = compression.compress(model_bytes)            # LUT where it saves
    small = compression.compress(model_bytes, [
        compression.TensorSpec(subgraph=0, tensor=5, method="lut",
                               index_bitwidth=4)])
    # or TFLM's YAML spec:  compression.parse_spec(open("spec.yaml").read())
    binned, _ = compression.bin_model(model_bytes, 16)   # changes results
    small = compression.compress(binned)                 # 4-bit LUT weights

Methods (the ancillary format is TFLM's, see
tensorflow/lite/micro/kernels/decode_state.h):
- "lut": the distinct values in a table (one per channel along the first or
  last axis, or one for the whole tensor), the elements as 1..7-bit
  indices. Needs at most 128 distinct values per table. bool, int8, int16,
  int32, int64, float32; values are compared bit for bit (-0.0 and NaN
  payloads kept).
- "huffman": int8 (16-bit table entries) or int16 (32-bit entries), one
  code for the whole tensor.
- "prune": a bitmask of the elements that differ from the zero point (per
  channel for int8) and those elements' values; pays for sparse tensors.

The layout is TFLM's: the compressed tensor becomes a uint8 vector of the
encoded bytes, and every reader gets its own DECODE, inserted right before
it, with its own output tensor (the original's shape, type and
quantization), so decoded data lives only from DECODE to its reader. The
ancillary data of one compressed tensor is stored once, shared by its
DECODEs' ancillary tensors.
"""

import dataclasses
import heapq
import json

import numpy as np

try:
  from . import model_builder
except ImportError:  # a flat checkout on sys.path
  import model_builder  # type: ignore

schema = model_builder.schema

DECODE_CUSTOM_OP_NAME = "TFLM_DECODE"
METHODS = ("lut", "huffman", "prune")

_DECODE_TYPE = {"lut": 0, "huffman": 1, "prune": 2}
_LUT_TYPES = ("BOOL", "INT8", "INT16", "INT32", "INT64", "FLOAT32")
_LUT_MAX_BITS = 7
_LUT_ONE_TABLE = 15  # the header's axis field for one table


class CompressionError(ValueError):
  """A tensor cannot be compressed as asked (the message says why)."""


@dataclasses.dataclass
class TensorSpec:
  """One tensor to compress: TFLM's spec entry (subgraph, tensor,
  compression method and, for "lut", index_bitwidth (None: the fewest bits
  the values need) and axis: "tensor" for one table (TFLM's per_tensor), an
  int for a table per element of that axis (per_channel, 0 or the last), or
  None for the tensor's quantization channels when they lie on such an
  axis, else one table."""
  subgraph: int
  tensor: int
  method: str = "lut"
  index_bitwidth: int = None
  axis: object = None


def parse_spec(text):
  """TFLM's compression spec (YAML, or the same structure as JSON):

      tensors:
        - subgraph: 0
          tensor: 5
          compression:
            - lut:
                index_bitwidth: 4
                per_channel:      # or per_tensor:, or neither (automatic)
                  axis: 0

  Returns [TensorSpec]."""
  try:
    root = json.loads(text)
  except ValueError:
    try:
      import yaml  # pylint: disable=g-import-not-at-top
    except ImportError as e:
      raise CompressionError("the spec is not JSON, and reading YAML needs "
                             "PyYAML (pip install pyyaml)") from e
    root = yaml.safe_load(text)
  if not isinstance(root, dict) or not isinstance(root.get("tensors"), list):
    raise CompressionError("the spec needs a top-level 'tensors' list")
  specs = []
  for i, entry in enumerate(root["tensors"]):
    try:
      methods = entry["compression"]
      if not isinstance(methods, list) or len(methods) != 1:
        raise CompressionError(f"spec entry {i}: 'compression' must list "
                               "exactly one method")
      ((method, params),) = methods[0].items()
      params = params or {}
      axis = None
      if "per_tensor" in params:
        axis = "tensor"
      if "per_channel" in params:
        axis = int(params["per_channel"]["axis"])
      specs.append(TensorSpec(int(entry["subgraph"]), int(entry["tensor"]),
                              method, params.get("index_bitwidth"), axis))
    except (KeyError, TypeError, AttributeError, ValueError) as e:
      if isinstance(e, CompressionError):
        raise
      raise CompressionError(f"spec entry {i} is malformed: {entry!r}") from e
  return specs


# ---------------------------------------------------------------------------
# Encoders: (values array, quantization) -> (encoded bytes, ancillary bytes).


def _header(method, byte5=0, byte6=0):
  header = bytearray(16)
  header[0] = _DECODE_TYPE[method]
  header[1] = 1  # DCM version
  header[4] = 1  # the decode type's format version
  header[5] = byte5
  header[6] = byte6
  return bytes(header)


def _pack_bits(values, width):
  """Unsigned `width`-bit fields, most significant bit first, zero-padded
  to whole bytes."""
  values = np.asarray(values, dtype=np.uint64).ravel()
  if values.size == 0:
    return b""
  shifts = np.arange(width - 1, -1, -1, dtype=np.uint64)
  bits = ((values[:, None] >> shifts) & np.uint64(1)).astype(np.uint8)
  return np.packbits(bits.ravel()).tobytes()


def _words(array):
  """The elements' bit patterns as unsigned integers of their size."""
  return np.ascontiguousarray(array).view(f"u{array.dtype.itemsize}")


def _channels(array, quantization):
  """(channels, axis) of the per-channel layout DECODE uses for `array`:
  one channel per scale along dimension 0 or the last dimension."""
  scales = 0 if quantization is None or quantization.scale is None else len(
      quantization.scale)
  if scales <= 1:
    return 1, None
  axis = quantization.quantizedDimension
  rank = array.ndim
  if axis not in (0, rank - 1) or array.shape[axis] != scales:
    raise CompressionError(
        f"{scales} quantization channels along dimension {axis} of shape "
        f"{list(array.shape)}: DECODE takes channels along the first or last "
        "dimension only")
  return scales, axis


def _per_channel(words, channels, axis):
  """The elements grouped by channel: [channels, elements per channel]."""
  if channels == 1:
    return words.reshape(1, -1)
  return np.moveaxis(words, axis, 0).reshape(channels, -1)


def encode_lut(array, quantization=None, index_bitwidth=None, axis=None):
  """LUT encoding of `array`; returns (encoded, ancillary). `axis`: see
  TensorSpec."""
  if axis is None:
    try:
      channels, axis = _channels(array, quantization)
    except CompressionError:
      channels, axis = 1, None
  elif axis == "tensor":
    channels, axis = 1, None
  else:
    axis = int(axis)
    if axis not in (0, array.ndim - 1):
      raise CompressionError(
          f"per-channel tables along axis {axis} of shape "
          f"{list(array.shape)}: DECODE takes the first or last axis")
    channels = array.shape[axis]
  words = _words(array)
  tables = []
  grouped = _per_channel(words, channels, axis)
  grouped_indices = np.empty(grouped.shape, dtype=np.int64)
  for c in range(channels):
    table, inverse = np.unique(grouped[c], return_inverse=True)
    tables.append(table)
    grouped_indices[c] = inverse.ravel()
  stride = max(len(t) for t in tables)
  needed = max(1, int(stride - 1).bit_length())
  if stride > 2**_LUT_MAX_BITS:
    raise CompressionError(
        f"{stride} distinct values in a channel; LUT indices have at most "
        f"{_LUT_MAX_BITS} bits ({2**_LUT_MAX_BITS} values)")
  width = needed if index_bitwidth is None else int(index_bitwidth)
  if not needed <= width <= _LUT_MAX_BITS:
    raise CompressionError(
        f"index_bitwidth {width}: the values need {needed} to "
        f"{_LUT_MAX_BITS} bits")
  # Back to the tensor's element order.
  if channels == 1:
    indices = grouped_indices.reshape(words.shape)
  else:
    moved = grouped_indices.reshape(
        (channels,) + tuple(np.delete(words.shape, axis)))
    indices = np.moveaxis(moved, 0, axis)
  table_bytes = bytearray()
  for t in tables:
    padded = np.zeros(stride, dtype=words.dtype)
    padded[:len(t)] = t
    table_bytes += padded.astype(padded.dtype.newbyteorder("<")).tobytes()
  encoded = _pack_bits(indices, width)
  axis_field = _LUT_ONE_TABLE if axis is None else axis
  return encoded, _header("lut", (axis_field << 4) | width,
                          stride) + bytes(table_bytes)


def _zero_points(array, quantization, channels, axis):
  """The value of pruned elements per element (bit patterns)."""
  zps = None
  if quantization is not None and quantization.zeroPoint is not None:
    zps = np.asarray(quantization.zeroPoint, dtype=np.int64)
  if zps is None or zps.size == 0 or not zps.any():
    return np.zeros(array.shape, dtype=array.dtype)
  if array.dtype != np.int8:
    raise CompressionError(
        f"pruning a {array.dtype} tensor needs zero points of 0 (only int8 "
        "may have others)")
  if channels == 1:
    return np.full(array.shape, zps[0], dtype=np.int8)
  shape = [1] * array.ndim
  shape[axis] = channels
  return np.broadcast_to(zps.astype(np.int8).reshape(shape), array.shape)


def encode_prune(array, quantization=None):
  """Pruning encoding of `array`; returns (encoded, ancillary)."""
  channels, axis = _channels(array, quantization)
  pruned = _words(_zero_points(array, quantization, channels, axis))
  words = _words(array)
  keep = (words != pruned).ravel()
  values = words.ravel()[keep]
  encoded = np.packbits(keep.astype(np.uint8)).tobytes()
  return encoded, _header("prune") + values.astype(
      values.dtype.newbyteorder("<")).tobytes()


def _code_lengths(counts):
  """Huffman code lengths for symbols with the given counts (> 0)."""
  if len(counts) == 1:
    return {next(iter(counts)): 1}
  heap = [(n, i, (sym,)) for i, (sym, n) in enumerate(sorted(counts.items()))]
  heapq.heapify(heap)
  lengths = dict.fromkeys(counts, 0)
  order = len(heap)
  while len(heap) > 1:
    n1, _, a = heapq.heappop(heap)
    n2, _, b = heapq.heappop(heap)
    for sym in a + b:
      lengths[sym] += 1
    heapq.heappush(heap, (n1 + n2, order, a + b))
    order += 1
  return lengths


def _canonical_codes(lengths):
  """{symbol: (code, length)} of a canonical prefix code."""
  codes, code, previous = {}, 0, 0
  for sym, length in sorted(lengths.items(), key=lambda kv: (kv[1], kv[0])):
    code <<= length - previous
    codes[sym] = (code, length)
    code += 1
    previous = length
  return codes


_LEVEL_BITS = 8  # bits a table level reads (at most 15 fit a count field)


def _huffman_table(codes, wide):
  """The decode table: a list of entries (see decode_huffman.cc)."""
  flag, shift = (1 << 31, 27) if wide else (1 << 15, 11)
  offset_limit = (1 << shift) - 1
  entries = []

  def build(prefix, depth):
    # The codes under `prefix` (depth bits), as (rest, rest length, sym).
    under = [(code & ((1 << (length - depth)) - 1), length - depth, sym)
             for sym, (code, length) in codes.items()
             if length > depth and code >> (length - depth) == prefix]
    width = min(_LEVEL_BITS, max(rest_len for _, rest_len, _ in under))
    start = len(entries)
    entries.extend([None] * (1 << width))
    deeper = {}
    for index in range(1 << width):
      longer = False
      for rest, rest_len, sym in under:
        if rest_len <= width and index >> (width - rest_len) == rest:
          entries[start + index] = flag | (rest_len << shift) | (sym & (
              (1 << shift) - 1))
          break
        longer = longer or (rest_len > width and
                            rest >> (rest_len - width) == index)
      else:
        if longer:
          deeper[index] = True
        else:  # no codeword starts so (a one-symbol code): never read
          entries[start + index] = flag | (width << shift) | (under[0][2] & (
              (1 << shift) - 1))
    for index in deeper:
      child = build((prefix << width) | index, depth + width)
      offset = child - (start + index)
      entries[start + index] = ((width_of[child] - 1) << shift) | offset
      if offset > offset_limit:
        raise CompressionError("the Huffman table is too large for "
                               f"{'32' if wide else '16'}-bit entries")
    width_of[start] = width
    return start

  width_of = {}
  build(0, 0)
  return entries, width_of[0]


def encode_huffman(array, quantization=None):
  """Huffman encoding of an int8 or int16 `array`; returns (encoded,
  ancillary)."""
  del quantization  # one code for the whole tensor
  if array.dtype not in (np.int8, np.int16):
    raise CompressionError(f"Huffman coding takes int8 or int16, not "
                           f"{array.dtype}")
  wide = array.dtype == np.int16
  words = _words(array).ravel().astype(np.int64)
  symbols, counts = np.unique(words, return_counts=True)
  codes = _canonical_codes(
      _code_lengths(dict(zip(symbols.tolist(), counts.tolist()))))
  entries, first_bits = _huffman_table(codes, wide)
  bits = []
  for w in words.tolist():
    code, length = codes[w]
    bits.extend((code >> (length - 1 - k)) & 1 for k in range(length))
  stream = np.packbits(np.asarray(bits, dtype=np.uint8)).tobytes()
  stream += b"\0" * (-len(stream) % 4)  # whole 32-bit words, as TFLM reads
  entry_type = "<u4" if wide else "<u2"
  table = np.asarray(entries, dtype=np.int64).astype(entry_type).tobytes()
  byte5 = ((first_bits - 1) << 4) | (1 if wide else 0)
  return stream, _header("huffman", byte5) + table


_ENCODERS = {
    "lut": lambda a, q, s: encode_lut(a, q, s.index_bitwidth, s.axis),
    "huffman": lambda a, q, s: encode_huffman(a, q),
    "prune": lambda a, q, s: encode_prune(a, q),
}

# ---------------------------------------------------------------------------
# The model rewrite.

_TYPE_NAMES = {v: k for k, v in vars(schema.TensorType).items()
               if not k.startswith("_") and isinstance(v, int)}
_DTYPES = {v: k for k, v in model_builder._NUMPY_TO_TENSOR_TYPE.items()}


def _tensor_array(model, tensor):
  buffer = model.buffers[tensor.buffer] if tensor.buffer < len(
      model.buffers) else None
  if buffer is None or buffer.data is None or len(buffer.data) == 0:
    return None
  dtype = _DTYPES.get(tensor.type)
  if dtype is None:
    return None
  data = bytes(np.asarray(buffer.data, dtype=np.uint8).tobytes())
  shape = [] if tensor.shape is None else list(tensor.shape)
  if len(data) != int(np.prod(shape, dtype=np.int64)) * dtype.itemsize:
    return None
  return np.frombuffer(data, dtype=dtype.newbyteorder("<")).astype(
      dtype).reshape(shape)


def _readers(graph, index):
  """[(operator position, input positions)] of the operators reading
  tensor `index`."""
  readers = []
  for n, op in enumerate(graph.operators or []):
    positions = [i for i, t in enumerate(op.inputs if op.inputs is not None
                                         else []) if t == index]
    if positions:
      readers.append((n, positions))
  return readers


def _why_not_compressible(model, s, t):
  """None if tensor t of subgraph s can be compressed, else why not."""
  graph = model.subgraphs[s]
  tensor = graph.tensors[t]
  outputs = [] if graph.outputs is None else list(graph.outputs)
  if t in outputs or t in ([] if graph.inputs is None else list(
      graph.inputs)):
    return "it is a subgraph input or output"
  if tensor.isVariable:
    return "it is a variable"
  if tensor.sparsity is not None:
    return "it is stored sparse"
  if _tensor_array(model, tensor) is None:
    return "it is no constant with data of its shape and type"
  if not _readers(graph, t):
    return "no operator reads it"
  for op in graph.operators or []:
    if op.intermediates is not None and t in list(op.intermediates):
      return "it is an operator's intermediate tensor"
  return None


def _decode_opcode(model):
  for i, code in enumerate(model.operatorCodes or []):
    name = code.customCode
    if isinstance(name, bytes):
      name = name.decode()
    if code.builtinCode == schema.BuiltinOperator.CUSTOM and (
        name == DECODE_CUSTOM_OP_NAME):
      return i
  code = schema.OperatorCodeT()
  code.builtinCode = schema.BuiltinOperator.CUSTOM
  code.deprecatedBuiltinCode = schema.BuiltinOperator.CUSTOM
  code.customCode = DECODE_CUSTOM_OP_NAME
  code.version = 1
  model.operatorCodes = list(model.operatorCodes or []) + [code]
  return len(model.operatorCodes) - 1


def _add_buffer(model, data):
  buffer = model_builder._AlignedBufferT()
  buffer.data = np.frombuffer(bytes(data), dtype=np.uint8)
  model.buffers.append(buffer)
  return len(model.buffers) - 1


def _rewrite(model, s, t, encoded, ancillary):
  """Gives tensor t its encoded data and puts a DECODE before each of its
  readers."""
  graph = model.subgraphs[s]
  tensor = graph.tensors[t]
  original = schema.TensorT()
  original.shape = tensor.shape
  original.shapeSignature = tensor.shapeSignature
  original.type = tensor.type
  original.quantization = tensor.quantization
  # The encoded bytes as a uint8 vector (TFLM's current layout).
  old_buffer = tensor.buffer
  tensor.buffer = _add_buffer(model, encoded)
  tensor.shape = [len(encoded)]
  tensor.shapeSignature = None
  tensor.type = schema.TensorType.UINT8
  tensor.quantization = None
  # Free the old data unless another tensor or the metadata still uses it.
  if not any(other.buffer == old_buffer for sub in model.subgraphs
             for other in (sub.tensors or [])) and not any(
                 m.buffer == old_buffer for m in (model.metadata or [])):
    model.buffers[old_buffer].data = None
  ancillary_buffer = _add_buffer(model, ancillary)
  opcode = _decode_opcode(model)
  name = tensor.name.decode() if isinstance(tensor.name, bytes) else (
      tensor.name or f"tensor{t}")
  # Readers last to first, so the positions of earlier ones stay valid.
  for position, inputs in reversed(_readers(graph, t)):
    anc = schema.TensorT()
    anc.shape = [len(ancillary)]
    anc.type = schema.TensorType.UINT8
    anc.buffer = ancillary_buffer
    anc.name = f"{name}_ancillary"
    out = schema.TensorT()
    out.shape = list(original.shape) if original.shape is not None else []
    out.shapeSignature = original.shapeSignature
    out.type = original.type
    out.buffer = 0
    out.name = f"{name}_decoded"
    out.quantization = original.quantization
    graph.tensors.extend([anc, out])
    anc_index, out_index = len(graph.tensors) - 2, len(graph.tensors) - 1
    decode = schema.OperatorT()
    decode.opcodeIndex = opcode
    decode.inputs = [t, anc_index]
    decode.outputs = [out_index]
    reader = graph.operators[position]
    reader_inputs = list(reader.inputs)
    for i in inputs:
      reader_inputs[i] = out_index
    reader.inputs = reader_inputs
    graph.operators.insert(position, decode)


def _serialize(model):
  import flatbuffers  # pylint: disable=g-import-not-at-top
  aligned = []
  for b in model.buffers:
    if isinstance(b, model_builder._AlignedBufferT):
      aligned.append(b)
      continue
    if b.offset not in (None, 0, 1):
      raise CompressionError("models with buffers outside the flatbuffer "
                             "(over 2 GB) are not supported")
    copy = model_builder._AlignedBufferT()
    copy.data = b.data
    aligned.append(copy)
  model.buffers = aligned
  builder = flatbuffers.Builder(1024)
  builder.Finish(model.Pack(builder), file_identifier=b"TFL3")
  return bytes(builder.Output())


def _overhead(graph, t):
  """About the flatbuffer bytes DECODE adds for tensor t beyond its encoded
  and ancillary data (measured on person_detect): buffers and alignment,
  and per reader an operator and two named tensors."""
  tensor = graph.tensors[t]
  name = len(tensor.name or b"")
  return 100 + len(_readers(graph, t)) * (140 + 2 * name)


def _candidates(model):
  """(subgraph, tensor index, tensor, its values) of every tensor that can
  be compressed (_why_not_compressible)."""
  for s, graph in enumerate(model.subgraphs or []):
    for t, tensor in enumerate(graph.tensors or []):
      if _why_not_compressible(model, s, t) is None:
        yield s, t, tensor, _tensor_array(model, tensor)


def auto_specs(model_data, method="lut"):
  """A spec for every tensor `method` can compress with a saving: constant
  tensors read only by operators, of a type the method takes (LUT: at most
  128 distinct values per channel), whose encoded and ancillary bytes are
  fewer than their own."""
  model = model_builder.read_model(model_data)
  specs = []
  for s, t, tensor, array in _candidates(model):
    graph = model.subgraphs[s]
    spec = TensorSpec(s, t, method)
    try:
      encoded, ancillary = _ENCODERS[method](array, tensor.quantization,
                                             spec)
    except CompressionError:
      continue
    if len(encoded) + len(ancillary) + _overhead(graph, t) < array.nbytes:
      specs.append(spec)
  return specs


def bin_values(array, levels, axis=None):
  """Binning, the step before LUT compression: each channel's values (the
  slices along `axis`, or the whole array) replaced by the nearest of
  `levels` evenly spaced values between the channel's minimum and maximum,
  rounded to the (integer) type. It changes the values, so a model's
  results: check its accuracy."""
  if levels < 2:
    raise CompressionError(f"binning needs at least 2 levels, not {levels}")
  moved = np.moveaxis(array, axis, 0) if axis is not None else array[None]
  flat = moved.reshape(moved.shape[0], -1).astype(np.float64)
  out = np.empty(flat.shape, dtype=array.dtype)
  for c, row in enumerate(flat):
    centers = np.unique(np.round(np.linspace(row.min(), row.max(), levels)))
    nearest = np.abs(row[:, None] - centers[None, :]).argmin(axis=1)
    out[c] = centers[nearest].astype(array.dtype)
  binned = out.reshape(moved.shape)
  return np.moveaxis(binned, 0, axis) if axis is not None else binned[0]


def bin_model(model_data, levels):
  """`model_data` with every int8 constant that has more than `levels`
  distinct values per quantization channel (along its first or last axis,
  else the whole tensor) binned (bin_values). Returns (model bytes, the
  [(subgraph, tensor)] binned)."""
  model = model_builder.read_model(model_data)
  changed = []
  for s, t, tensor, array in _candidates(model):
    if array.dtype != np.int8:
      continue
    try:
      channels, axis = _channels(array, tensor.quantization)
    except CompressionError:
      channels, axis = 1, None
    grouped = _per_channel(_words(array), channels, axis)
    if max(len(np.unique(row)) for row in grouped) <= levels:
      continue
    binned = bin_values(array, levels, axis)
    buffer = model.buffers[tensor.buffer]
    if sum(other.buffer == tensor.buffer for g in model.subgraphs
           for other in (g.tensors or [])) > 1:
      tensor.buffer = _add_buffer(model, binned.tobytes())
    else:
      buffer.data = np.frombuffer(binned.tobytes(), dtype=np.uint8)
    changed.append((s, t))
  if not changed:
    return bytes(model_data), changed
  return _serialize(model), changed


def compress(model_data, specs=None, method="lut"):
  """The compressed model (bytes). `specs`: [TensorSpec] (e.g. from
  parse_spec), or None for auto_specs(model_data, method)."""
  if specs is None:
    specs = auto_specs(model_data, method)
  if not specs:
    return bytes(model_data)
  model = model_builder.read_model(model_data)
  seen = set()
  for spec in specs:
    if spec.method not in _ENCODERS:
      raise CompressionError(f"unknown compression method {spec.method!r} "
                             f"(one of {', '.join(METHODS)})")
    where = f"tensor {spec.tensor} of subgraph {spec.subgraph}"
    if not 0 <= spec.subgraph < len(model.subgraphs or []) or not (
        0 <= spec.tensor < len(model.subgraphs[spec.subgraph].tensors or [])):
      raise CompressionError(f"{where} does not exist")
    if (spec.subgraph, spec.tensor) in seen:
      raise CompressionError(f"{where} is listed twice")
    seen.add((spec.subgraph, spec.tensor))
    why = _why_not_compressible(model, spec.subgraph, spec.tensor)
    if why is not None:
      raise CompressionError(f"cannot compress {where}: {why}")
    tensor = model.subgraphs[spec.subgraph].tensors[spec.tensor]
    array = _tensor_array(model, tensor)
    if spec.method == "lut" and _TYPE_NAMES.get(tensor.type) not in _LUT_TYPES:
      raise CompressionError(
          f"cannot LUT-compress {where}: type "
          f"{_TYPE_NAMES.get(tensor.type)} (one of {', '.join(_LUT_TYPES)})")
    if spec.method == "prune" and _TYPE_NAMES.get(
        tensor.type) not in _LUT_TYPES:
      raise CompressionError(
          f"cannot prune {where}: type {_TYPE_NAMES.get(tensor.type)}")
    try:
      encoded, ancillary = _ENCODERS[spec.method](array, tensor.quantization,
                                                  spec)
    except CompressionError as e:
      raise CompressionError(f"cannot compress {where}: {e}") from None
    _rewrite(model, spec.subgraph, spec.tensor, encoded, ancillary)
  return _serialize(model)
