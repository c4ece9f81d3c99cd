"""Builds .tflite models from Python, for tests, examples and benchmarks.

    from tflite_micro import model_builder as mb   # pip
    b = mb.ModelBuilder()
    x = b.add_input([1, 4], np.int8, scale=0.5, zero_point=-3)
    w = b.add_constant(np.ones((2, 4), np.int8), scale=0.25, zero_point=0)
    y = b.add_tensor([1, 2], np.int8, scale=1.0, zero_point=0)
    b.add_operator("FULLY_CONNECTED", [x, w, -1], [y],
                   fused_activation_function="RELU")
    b.add_output(y)
    model_bytes = b.build()

Operator options are given as keyword arguments with their schema names;
enum-valued options accept the enum's name ("RELU", "SAME", "INT32").
Constant data is stored 16-byte aligned, as TFLite's converter does.
"""

import hashlib
import os

import numpy as np

try:
  from . import schema_py_generated as schema
except ImportError:  # a flat checkout on sys.path
  import schema_py_generated as schema  # type: ignore

_NUMPY_TO_TENSOR_TYPE = {
    np.dtype(np.float32): schema.TensorType.FLOAT32,
    np.dtype(np.float16): schema.TensorType.FLOAT16,
    np.dtype(np.float64): schema.TensorType.FLOAT64,
    np.dtype(np.int8): schema.TensorType.INT8,
    np.dtype(np.uint8): schema.TensorType.UINT8,
    np.dtype(np.int16): schema.TensorType.INT16,
    np.dtype(np.uint16): schema.TensorType.UINT16,
    np.dtype(np.int32): schema.TensorType.INT32,
    np.dtype(np.uint32): schema.TensorType.UINT32,
    np.dtype(np.int64): schema.TensorType.INT64,
    np.dtype(np.uint64): schema.TensorType.UINT64,
    np.dtype(np.bool_): schema.TensorType.BOOL,
    np.dtype(np.complex64): schema.TensorType.COMPLEX64,
}

# Option fields whose values are schema enums, and which enum.
_ENUM_FIELDS = {
    "fused_activation_function": schema.ActivationFunctionType,
    "padding": schema.Padding,
    "mode": schema.MirrorPadMode,
    "weights_format": schema.FullyConnectedOptionsWeightsFormat,
    "kernel_type": schema.LSTMKernelType,
    "output_type": schema.TensorType,
    "out_type": schema.TensorType,
    "in_data_type": schema.TensorType,
    "out_data_type": schema.TensorType,
    "idx_out_type": schema.TensorType,
    "quantized_bias_type": schema.TensorType,
    "key_dtype": schema.TensorType,
    "value_dtype": schema.TensorType,
    "type": schema.LSHProjectionType,
    "combiner": schema.CombinerType,
}

# Operators whose options table is not named after the operator.
_OPTIONS_NAME = {
    "AVERAGE_POOL_2D": "Pool2DOptions",
    "MAX_POOL_2D": "Pool2DOptions",
    "L2_POOL_2D": "Pool2DOptions",
    "CONV_2D": "Conv2DOptions",
    "DEPTHWISE_CONV_2D": "DepthwiseConv2DOptions",
    "MEAN": "ReducerOptions",
    "SUM": "ReducerOptions",
    "REDUCE_MAX": "ReducerOptions",
    "REDUCE_MIN": "ReducerOptions",
    "REDUCE_PROD": "ReducerOptions",
    "REDUCE_ANY": "ReducerOptions",
    "REDUCE_ALL": "ReducerOptions",
    "MAXIMUM": "MaximumMinimumOptions",
    "MINIMUM": "MaximumMinimumOptions",
    "L2_NORMALIZATION": "L2NormOptions",
    "LOCAL_RESPONSE_NORMALIZATION": "LocalResponseNormalizationOptions",
    "UNIDIRECTIONAL_SEQUENCE_LSTM": "UnidirectionalSequenceLSTMOptions",
    "UNIDIRECTIONAL_SEQUENCE_RNN": "SequenceRNNOptions",
    "BATCH_MATMUL": "BatchMatMulOptions",
    "BATCH_TO_SPACE_ND": "BatchToSpaceNDOptions",
    "SPACE_TO_BATCH_ND": "SpaceToBatchNDOptions",
    "RESIZE_BILINEAR": "ResizeBilinearOptions",
    "RESIZE_NEAREST_NEIGHBOR": "ResizeNearestNeighborOptions",
    "SVDF": "SVDFOptions",
    "LSTM": "LSTMOptions",
    "RNN": "RNNOptions",
    "ARG_MAX": "ArgMaxOptions",
    "ARG_MIN": "ArgMinOptions",
    "CUMSUM": "CumsumOptions",
    "GATHER_ND": "GatherNdOptions",
    "ADD_N": "AddNOptions",
    "PADV2": "PadV2Options",
    "REVERSE_V2": "ReverseV2Options",
    "SELECT_V2": "SelectV2Options",
    "SPLIT_V": "SplitVOptions",
    "TOPK_V2": "TopKV2Options",
    "ATAN2": "ATan2Options",
    "RFFT2D": "Rfft2dOptions",
}


def _camel(name):
  parts = name.lower().split("_")
  return "".join(p[:1].upper() + p[1:] for p in parts)


def _field_name(snake):
  head, *rest = snake.split("_")
  return head + "".join(p[:1].upper() + p[1:] for p in rest)


def options_name(op):
  """The BuiltinOptions member used by builtin operator `op`, or None."""
  name = _OPTIONS_NAME.get(op, _camel(op) + "Options")
  return name if hasattr(schema.BuiltinOptions, name) else None


def builtin_code(op):
  if not hasattr(schema.BuiltinOperator, op):
    raise ValueError(f"unknown builtin operator {op!r}")
  return getattr(schema.BuiltinOperator, op)


def tensor_type(dtype):
  """Schema TensorType of a numpy dtype."""
  try:
    return _NUMPY_TO_TENSOR_TYPE[np.dtype(dtype)]
  except (KeyError, TypeError):
    raise ValueError(f"dtype {dtype!r} has no .tflite tensor type") from None


def _make_options(op, fields):
  name = options_name(op)
  if name is None:
    if fields:
      raise ValueError(f"{op} takes no options, got {sorted(fields)}")
    return schema.BuiltinOptions.NONE, None
  options = getattr(schema, name + "T")()
  for key, value in fields.items():
    attribute = _field_name(key)
    if not hasattr(options, attribute):
      raise ValueError(f"{name} has no field {key!r}")
    if key in _ENUM_FIELDS and isinstance(value, str):
      enum = _ENUM_FIELDS[key]
      if not hasattr(enum, value):
        raise ValueError(f"{key}={value!r} is not a {enum.__name__} value")
      value = getattr(enum, value)
    elif key in _ENUM_FIELDS and not isinstance(value, int):
      value = tensor_type(value)  # a numpy dtype for a type-valued option
    setattr(options, attribute, value)
  return getattr(schema.BuiltinOptions, name), options


class _AlignedBufferT(schema.BufferT):
  """A Buffer whose data vector starts on a 16-byte boundary."""

  def Pack(self, builder):
    data = None
    if self.data is not None and len(self.data):
      payload = bytes(self.data)
      builder.StartVector(1, len(payload), 16)
      builder.head = builder.head - len(payload)
      builder.Bytes[builder.head:builder.head + len(payload)] = payload
      data = builder.EndVector(len(payload))
    schema.BufferStart(builder)
    if data is not None:
      schema.BufferAddData(builder, data)
    return schema.BufferEnd(builder)


class SubgraphBuilder:
  """Tensors and operators of one subgraph."""

  def __init__(self, model, name):
    self._model = model
    self._graph = schema.SubGraphT()
    self._graph.name = name
    self._graph.tensors = []
    self._graph.inputs = []
    self._graph.outputs = []
    self._graph.operators = []

  @property
  def index(self):
    return self._model._subgraphs.index(self)

  def add_tensor(self, shape, dtype, name=None, scale=None, zero_point=None,
                 quantized_dimension=0, shape_signature=None, buffer=0,
                 is_variable=False):
    """Adds a tensor and returns its index."""
    tensor = schema.TensorT()
    tensor.shape = [int(d) for d in shape]
    tensor.type = tensor_type(dtype)
    tensor.buffer = buffer
    tensor.name = name if name is not None else f"t{len(self._graph.tensors)}"
    tensor.isVariable = is_variable
    if shape_signature is not None:
      tensor.shapeSignature = [int(d) for d in shape_signature]
    if scale is not None:
      scales = np.atleast_1d(np.asarray(scale, dtype=np.float32))
      zero_points = np.atleast_1d(
          np.asarray(0 if zero_point is None else zero_point, dtype=np.int64))
      if zero_points.size == 1 and scales.size > 1:
        zero_points = np.repeat(zero_points, scales.size)
      quantization = schema.QuantizationParametersT()
      quantization.scale = [float(s) for s in scales]
      quantization.zeroPoint = [int(z) for z in zero_points]
      quantization.quantizedDimension = quantized_dimension
      tensor.quantization = quantization
    self._graph.tensors.append(tensor)
    return len(self._graph.tensors) - 1

  def add_input(self, shape, dtype, **kwargs):
    index = self.add_tensor(shape, dtype, **kwargs)
    self._graph.inputs.append(index)
    return index

  def add_constant(self, value, dtype=None, **kwargs):
    """Adds a constant tensor holding `value` (its shape and data)."""
    array = np.asarray(value, dtype=dtype)
    buffer = self._model._add_buffer(array.astype(array.dtype.newbyteorder("<"))
                                     .tobytes(order="C"))
    return self.add_tensor(array.shape, array.dtype, buffer=buffer, **kwargs)

  def add_variable(self, shape, dtype, initial=None, **kwargs):
    """Adds a variable (state) tensor, optionally with an initial value."""
    buffer = 0
    if initial is not None:
      buffer = self._model._add_buffer(
          np.asarray(initial, dtype=dtype).reshape(shape).tobytes())
    return self.add_tensor(shape, dtype, buffer=buffer, is_variable=True,
                           **kwargs)

  def mark_input(self, index):
    self._graph.inputs.append(index)

  def mark_output(self, index):
    self._graph.outputs.append(index)

  add_output = mark_output

  def add_operator(self, op, inputs, outputs, version=1, intermediates=None,
                   **options):
    """Adds builtin operator `op` (its schema name, e.g. "CONV_2D")."""
    operator = schema.OperatorT()
    operator.opcodeIndex = self._model._opcode_index(builtin_code(op), None,
                                                     version)
    operator.inputs = [int(i) for i in inputs]
    operator.outputs = [int(i) for i in outputs]
    if intermediates:
      operator.intermediates = [int(i) for i in intermediates]
    operator.builtinOptionsType, operator.builtinOptions = _make_options(
        op, options)
    self._graph.operators.append(operator)
    return len(self._graph.operators) - 1

  def add_custom_operator(self, custom_code, inputs, outputs,
                          custom_options=b"", version=1):
    operator = schema.OperatorT()
    operator.opcodeIndex = self._model._opcode_index(
        schema.BuiltinOperator.CUSTOM, custom_code, version)
    operator.inputs = [int(i) for i in inputs]
    operator.outputs = [int(i) for i in outputs]
    if custom_options:
      operator.customOptions = list(bytes(custom_options))
    self._graph.operators.append(operator)
    return len(self._graph.operators) - 1


class ModelBuilder:
  """A model: its main subgraph (0) plus any further subgraphs."""

  def __init__(self, description="tflite_micro model_builder"):
    self._description = description
    self._subgraphs = []
    self._buffers = [_AlignedBufferT()]  # buffer 0: the empty sentinel
    self._opcodes = []
    self._signatures = []
    self.main = self.add_subgraph("main")

  def add_subgraph(self, name=None):
    subgraph = SubgraphBuilder(self, name or f"subgraph{len(self._subgraphs)}")
    self._subgraphs.append(subgraph)
    return subgraph

  def _add_buffer(self, data):
    buffer = _AlignedBufferT()
    buffer.data = data
    self._buffers.append(buffer)
    return len(self._buffers) - 1

  def _opcode_index(self, code, custom_code, version):
    key = (code, custom_code, version)
    for i, existing in enumerate(self._opcodes):
      if existing == key:
        return i
    self._opcodes.append(key)
    return len(self._opcodes) - 1

  def add_signature(self, key, inputs, outputs, subgraph=None):
    """Adds a SignatureDef: `inputs` and `outputs` map the signature's names
    to tensor indices of `subgraph` (default: the main one)."""
    signature = schema.SignatureDefT()
    signature.signatureKey = key
    signature.subgraphIndex = (subgraph or self.main).index

    def tensor_maps(names):
      maps = []
      for name, index in names.items():
        tensor_map = schema.TensorMapT()
        tensor_map.name = name
        tensor_map.tensorIndex = index
        maps.append(tensor_map)
      return maps

    signature.inputs = tensor_maps(inputs)
    signature.outputs = tensor_maps(outputs)
    self._signatures.append(signature)

  # The main subgraph's methods, for single-subgraph models.
  def add_tensor(self, *args, **kwargs):
    return self.main.add_tensor(*args, **kwargs)

  def add_input(self, *args, **kwargs):
    return self.main.add_input(*args, **kwargs)

  def add_constant(self, *args, **kwargs):
    return self.main.add_constant(*args, **kwargs)

  def add_variable(self, *args, **kwargs):
    return self.main.add_variable(*args, **kwargs)

  def add_output(self, index):
    self.main.mark_output(index)

  def add_operator(self, *args, **kwargs):
    return self.main.add_operator(*args, **kwargs)

  def add_custom_operator(self, *args, **kwargs):
    return self.main.add_custom_operator(*args, **kwargs)

  def build(self):
    """Serializes the model; returns the .tflite bytes."""
    import flatbuffers  # pylint: disable=g-import-not-at-top
    model = schema.ModelT()
    model.version = 3
    model.description = self._description
    model.subgraphs = [s._graph for s in self._subgraphs]
    model.buffers = self._buffers
    if self._signatures:
      model.signatureDefs = self._signatures
    model.operatorCodes = []
    for code, custom_code, version in self._opcodes:
      op_code = schema.OperatorCodeT()
      op_code.builtinCode = code
      op_code.deprecatedBuiltinCode = min(
          code, schema.BuiltinOperator.PLACEHOLDER_FOR_GREATER_OP_CODES)
      op_code.customCode = custom_code
      op_code.version = version
      model.operatorCodes.append(op_code)
    builder = flatbuffers.Builder(1024)
    builder.Finish(model.Pack(builder), file_identifier=b"TFL3")
    data = bytes(builder.Output())
    _keep_for_fuzzing(data)
    return data


def _keep_for_fuzzing(data):
  """Saves a copy of a built model when TFLITE_MICRO_DUMP_MODELS names a
  directory ("test_outputs": the Bazel test's undeclared outputs). The fuzz
  corpus script (tools/make_fuzz_corpus.sh) collects the models the tests
  build this way."""
  target = os.environ.get("TFLITE_MICRO_DUMP_MODELS")
  if not target:
    return
  if target == "test_outputs":
    target = os.environ.get("TEST_UNDECLARED_OUTPUTS_DIR")
    if not target:
      return
  os.makedirs(target, exist_ok=True)
  name = hashlib.sha1(data).hexdigest() + ".tflite"
  with open(os.path.join(target, name), "wb") as f:
    f.write(data)


def read_model(data):
  """Parses .tflite bytes into the schema's object API (schema.ModelT)."""
  return schema.ModelT.InitFromObj(schema.Model.GetRootAs(bytes(data), 0))
