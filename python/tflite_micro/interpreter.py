"""LiteRT's Python Interpreter API over the tflite_micro runtime.

A script written for LiteRT (or tf.lite) switches by changing its import:

    from tflite_micro.interpreter import Interpreter   # after pip install
    # was: from ai_edge_litert.interpreter import Interpreter
    interpreter = Interpreter(model_path="model.tflite")
    interpreter.allocate_tensors()
    detail = interpreter.get_input_details()[0]
    interpreter.set_tensor(detail["index"], x)
    interpreter.invoke()
    y = interpreter.get_tensor(interpreter.get_output_details()[0]["index"])

Tensor indices are the model's (subgraph 0), as in LiteRT. Arithmetic:
TFLM's by default; LiteRT's when `experimental_op_resolver_type` is
OpResolverType.BUILTIN_REF (LiteRT's reference kernels, the oracle the tests
compare against) or `arithmetic="litert"` is given.

What differs from LiteRT: no delegates (experimental_delegates must be
empty), one thread (num_threads is accepted and ignored), no `tensor()`
views (get_tensor returns copies), only subgraph 0 runs (SignatureDefs of
other subgraphs are refused), set_tensor takes model inputs only, and
intermediate tensors keep their values after invoke only with
experimental_preserve_all_tensors=True. Errors raise ValueError (bad
arguments, models, indices, shapes, dtypes) or RuntimeError (the
interpreter's failures) with the reason.
"""

import enum
import os

import numpy as np

from . import runtime
from . import schema_py_generated as _schema

_TENSOR_TYPE_TO_NUMPY = {
    _schema.TensorType.FLOAT32: np.float32,
    _schema.TensorType.FLOAT16: np.float16,
    _schema.TensorType.FLOAT64: np.float64,
    _schema.TensorType.INT8: np.int8,
    _schema.TensorType.UINT8: np.uint8,
    _schema.TensorType.INT16: np.int16,
    _schema.TensorType.UINT16: np.uint16,
    _schema.TensorType.INT32: np.int32,
    _schema.TensorType.UINT32: np.uint32,
    _schema.TensorType.INT64: np.int64,
    _schema.TensorType.UINT64: np.uint64,
    _schema.TensorType.BOOL: np.bool_,
    _schema.TensorType.COMPLEX64: np.complex64,
    _schema.TensorType.COMPLEX128: np.complex128,
    _schema.TensorType.STRING: np.object_,
}


class OpResolverType(enum.Enum):
  """LiteRT's kernel choices. This runtime has one set of kernels;
  BUILTIN_REF selects LiteRT's arithmetic (see the module docstring)."""
  AUTO = 0
  BUILTIN = 1
  BUILTIN_REF = 2
  BUILTIN_WITHOUT_DEFAULT_DELEGATES = 3


def _resolver_name(value):
  """The member name of ours or LiteRT's OpResolverType (or a str)."""
  name = getattr(value, "name", value)
  if name not in OpResolverType.__members__:
    raise ValueError(f"experimental_op_resolver_type must be one of "
                     f"{list(OpResolverType.__members__)}, got {value!r}")
  return name


def _quantization_tuple(parameters):
  """LiteRT's deprecated (scale, zero_point): per-tensor only."""
  scales = parameters["scales"]
  if len(scales) == 1:
    return (float(scales[0]), int(parameters["zero_points"][0]))
  return (0.0, 0)


def _complete(details):
  """Adds the fields LiteRT's details have and the runtime's do not."""
  details["quantization"] = _quantization_tuple(
      details["quantization_parameters"])
  details["sparsity_parameters"] = {}
  return details


class Interpreter:
  """One model, as LiteRT's Interpreter runs it."""

  def __init__(self, model_path=None, model_content=None,
               experimental_delegates=None, num_threads=None,
               experimental_op_resolver_type=OpResolverType.AUTO,
               experimental_preserve_all_tensors=False,
               experimental_disable_delegate_clustering=False,
               experimental_default_delegate_latest_features=False,
               custom_op_registerers=None, arithmetic=None):
    del experimental_disable_delegate_clustering  # no delegates
    del experimental_default_delegate_latest_features
    if model_path is not None and model_content is not None:
      raise ValueError("Give model_path or model_content, not both")
    if model_path is None and model_content is None:
      raise ValueError("Give model_path (a .tflite file) or model_content "
                       "(its bytes)")
    if experimental_delegates:
      raise ValueError("Delegates are not supported by tflite_micro; run "
                       "without experimental_delegates")
    if num_threads is not None and (not isinstance(num_threads, int) or
                                    num_threads < -1):
      raise ValueError(f"num_threads must be an int >= -1, got "
                       f"{num_threads!r}")
    resolver = _resolver_name(experimental_op_resolver_type)
    if arithmetic is None:
      arithmetic = "litert" if resolver == "BUILTIN_REF" else "tflm"
    registerers = []
    for registerer in custom_op_registerers or []:
      if not isinstance(registerer, str):
        raise ValueError("custom_op_registerers takes C function names "
                         "(str) of libraries loaded with "
                         "runtime.load_custom_op_library, got "
                         f"{registerer!r}")
      registerers.append(registerer)
    if model_path is not None:
      if not isinstance(model_path, (str, bytes, os.PathLike)):
        raise ValueError(f"model_path must be a path, got {model_path!r}")
      try:
        with open(model_path, "rb") as f:
          model_content = f.read()
      except OSError as e:
        raise ValueError(f"Could not open '{os.fsdecode(model_path)}': "
                         f"{e.strerror}") from None
    self._model = bytes(model_content)
    self._interpreter = runtime.Interpreter(
        self._model, custom_op_registerers=registerers,
        preserve_all_tensors=bool(experimental_preserve_all_tensors),
        arithmetic=arithmetic)
    self._inputs = [self._interpreter.get_input_details(i)["index"]
                    for i in range(self._interpreter.num_inputs)]
    self._outputs = [self._interpreter.get_output_details(i)["index"]
                     for i in range(self._interpreter.num_outputs)]
    self._flatbuffer = _schema.Model.GetRootAs(self._model, 0)

  # ---------------------------------------------------------------- running

  def allocate_tensors(self):
    """Nothing to do: the tensors are planned at load and by every
    resize_tensor_input (the arena grows as needed)."""

  def invoke(self):
    self._interpreter.invoke()

  def cancel(self):
    """Stops the invoke running in another thread (RuntimeError there); see
    runtime.Interpreter.cancel."""
    self._interpreter.cancel()

  def reset_all_variables(self):
    self._interpreter.reset()

  def set_tensor(self, tensor_index, value):
    """Copies `value` into the model input whose tensor index this is."""
    self._interpreter.set_input(value, self._input_position(tensor_index))

  def get_tensor(self, tensor_index, subgraph_index=0):
    """A copy of the tensor (outputs after invoke; others meaningful only
    with experimental_preserve_all_tensors=True)."""
    if subgraph_index != 0:
      raise ValueError(f"Only subgraph 0 runs here; got subgraph_index "
                       f"{subgraph_index!r}")
    if tensor_index in self._outputs:
      return self._interpreter.get_output(self._outputs.index(tensor_index))
    return self._interpreter.get_tensor(tensor_index)

  def resize_tensor_input(self, input_index, tensor_size, strict=False):
    """Gives the input whose tensor index is `input_index` a new shape;
    `strict` allows changes only where shape_signature has -1."""
    position = self._input_position(input_index)
    shape = [int(d) for d in np.asarray(tensor_size).reshape(-1)]
    if strict:
      signature = self._interpreter.get_input_details(position)[
          "shape_signature"]
      if len(signature) != len(shape) or any(
          fixed not in (-1, wanted) for fixed, wanted in zip(signature,
                                                             shape)):
        raise ValueError(f"resize_tensor_input(strict=True): input tensor "
                         f"{input_index} has shape signature "
                         f"{list(signature)}; only -1 dimensions may change, "
                         f"got {shape}")
    self._interpreter.resize_input(position, shape)

  # ---------------------------------------------------------------- details

  def get_input_details(self):
    return [_complete(self._interpreter.get_input_details(i))
            for i in range(len(self._inputs))]

  def get_output_details(self):
    return [_complete(self._interpreter.get_output_details(i))
            for i in range(len(self._outputs))]

  def get_tensor_details(self, subgraph_index=0):
    """Details of every tensor of the subgraph, from the model (inputs and
    outputs with their current shapes)."""
    count = self._subgraph(subgraph_index).TensorsLength()
    return [self._tensor_details(i, subgraph_index) for i in range(count)]

  def num_subgraphs(self):
    return self._flatbuffer.SubgraphsLength()

  def _subgraph(self, subgraph_index):
    if not 0 <= subgraph_index < self._flatbuffer.SubgraphsLength():
      raise ValueError(f"Subgraph {subgraph_index!r} does not exist: the "
                       f"model has {self._flatbuffer.SubgraphsLength()}")
    return self._flatbuffer.Subgraphs(subgraph_index)

  def _tensor_details(self, tensor_index, subgraph_index=0):
    if subgraph_index == 0 and tensor_index in self._inputs:
      return self.get_input_details()[self._inputs.index(tensor_index)]
    tensor = self._subgraph(subgraph_index).Tensors(tensor_index)
    shape = tensor.ShapeAsNumpy() if tensor.ShapeLength() else np.zeros(
        0, np.int32)
    if subgraph_index == 0 and tensor_index in self._outputs:
      shape = self.get_output_details()[
          self._outputs.index(tensor_index)]["shape"]
    signature = (tensor.ShapeSignatureAsNumpy()
                 if tensor.ShapeSignatureLength() else shape)
    quantization = tensor.Quantization()
    scales = np.zeros(0, np.float32)
    zero_points = np.zeros(0, np.int32)
    dimension = 0
    if quantization is not None and quantization.ScaleLength():
      scales = quantization.ScaleAsNumpy().astype(np.float32)
      zero_points = (quantization.ZeroPointAsNumpy().astype(np.int32)
                     if quantization.ZeroPointLength() else
                     np.zeros(len(scales), np.int32))
      dimension = quantization.QuantizedDimension()
    name = tensor.Name()
    return _complete({
        "name": name.decode() if name is not None else "",
        "index": tensor_index,
        "shape": np.array(shape, np.int32),
        "shape_signature": np.array(signature, np.int32),
        "dtype": _TENSOR_TYPE_TO_NUMPY.get(tensor.Type()),
        "quantization_parameters": {"scales": scales,
                                    "zero_points": zero_points,
                                    "quantized_dimension": dimension},
    })

  def _input_position(self, tensor_index):
    if tensor_index not in self._inputs:
      raise ValueError(f"Tensor {tensor_index!r} is not an input of the "
                       f"model; its inputs are tensors {self._inputs}")
    return self._inputs.index(tensor_index)

  # ------------------------------------------------------------- signatures

  def _signature_defs(self):
    """{key: (subgraph index, {input name: tensor}, {output name: tensor})}
    from the model's SignatureDefs, in the model's order."""
    result = {}
    for i in range(self._flatbuffer.SignatureDefsLength()):
      signature = self._flatbuffer.SignatureDefs(i)
      key = signature.SignatureKey()
      key = key.decode() if key is not None else ""
      maps = []
      for length, get in ((signature.InputsLength(), signature.Inputs),
                          (signature.OutputsLength(), signature.Outputs)):
        maps.append({get(j).Name().decode(): get(j).TensorIndex()
                     for j in range(length)})
      result[key] = (signature.SubgraphIndex(), maps[0], maps[1])
    return result

  def get_signature_list(self):
    """{key: {"inputs": [names], "outputs": [names]}} of the model's
    SignatureDefs."""
    return {key: {"inputs": list(inputs), "outputs": list(outputs)}
            for key, (_, inputs, outputs) in self._signature_defs().items()}

  def get_signature_runner(self, signature_key=None):
    """A SignatureRunner for `signature_key` (may be omitted when the model
    has exactly one SignatureDef)."""
    signatures = self._signature_defs()
    if signature_key is None:
      if len(signatures) != 1:
        raise ValueError(f"signature_key is needed: the model has "
                         f"{len(signatures)} SignatureDefs "
                         f"{list(signatures)}")
      signature_key = next(iter(signatures))
    if signature_key not in signatures:
      raise ValueError(f"Invalid signature_key {signature_key!r}; the "
                       f"model's are {list(signatures)}")
    subgraph, inputs, outputs = signatures[signature_key]
    if subgraph != 0:
      raise ValueError(f"SignatureDef {signature_key!r} runs subgraph "
                       f"{subgraph}; only subgraph 0 runs here")
    return SignatureRunner(self, inputs, outputs)


class SignatureRunner:
  """Runs the model by a SignatureDef's input and output names:

      runner = interpreter.get_signature_runner()
      outputs = runner(x=np.array(...))   # {output name: array}
  """

  def __init__(self, interpreter, inputs, outputs):
    self._interpreter = interpreter
    self._inputs = inputs
    self._outputs = outputs

  def __call__(self, **kwargs):
    if set(kwargs) != set(self._inputs):
      raise ValueError(f"The SignatureDef's inputs are "
                       f"{sorted(self._inputs)}; got {sorted(kwargs)}")
    details = {d["index"]: d for d in self._interpreter.get_input_details()}
    for name, value in kwargs.items():
      index = self._inputs[name]
      value = np.asarray(value)
      if list(details[index]["shape"]) != list(value.shape):
        self._interpreter.resize_tensor_input(index, value.shape)
    for name, value in kwargs.items():
      self._interpreter.set_tensor(self._inputs[name], value)
    self._interpreter.invoke()
    return {name: self._interpreter.get_tensor(index)
            for name, index in self._outputs.items()}

  def allocate_tensors(self):
    self._interpreter.allocate_tensors()

  def invoke(self, **kwargs):
    return self(**kwargs)

  def get_input_details(self):
    return self._details(self._inputs)

  def get_output_details(self):
    return self._details(self._outputs)

  def _details(self, tensors):
    return {name: self._interpreter._tensor_details(index)  # pylint: disable=protected-access
            for name, index in tensors.items()}

  def resize_input(self, input_name, new_shape):
    if input_name not in self._inputs:
      raise ValueError(f"{input_name!r} is not an input of the SignatureDef "
                       f"({sorted(self._inputs)})")
    self._interpreter.resize_tensor_input(self._inputs[input_name], new_shape)

  def get_input_tensor(self, input_name):
    return self._interpreter.get_tensor(self._inputs[input_name])

  def get_output_tensor(self, output_name):
    return self._interpreter.get_tensor(self._outputs[output_name])
