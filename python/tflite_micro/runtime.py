"""Runs .tflite models with the tflite_micro interpreter from Python.

    from tflite_micro import runtime          # after pip install
    # or, under Bazel and from pip alike (TFLM's path):
    #   from tflite_micro.python.tflite_micro import runtime
    interpreter = runtime.Interpreter.from_file("model.tflite")
    interpreter.set_input(np.array([[0]], dtype=np.int8), 0)
    interpreter.invoke()
    print(interpreter.get_output(0))
    interpreter.print_allocations()

TFLM's API is here too, with its names and classes of error, so that code
written for TFLM's `tflite-micro` wheel runs unchanged: InterpreterConfig,
the `intrepreter_config=` keyword (TFLM's spelling; `interpreter_config=`
also works), GetTensor(tensor_index, subgraph_index) returning a dict with
`tensor_data`, invoke() and reset() returning 0.

Op packages: TFLM's audio front-end ops (Signal*) are registered for every
model; MediaPipe's ops by custom_op_registerers=["MediapipeOpsRegisterer"].

Arithmetic: by default integer kernels compute exactly what TFLM's
reference kernels compute (what a TFLM build on a microcontroller outputs).
With arithmetic="litert" they compute what LiteRT's published wheels
(ai-edge-litert) compute instead; the two differ by one on rare rounding ties
in a few kernels (e.g. FULLY_CONNECTED).

Errors (each message names what was expected and what was given):
  - a malformed model, None, a bad registerer list, an input of the wrong
    dtype or shape: ValueError;
  - an index out of range: IndexOutOfRangeError, an IndexError (TFLM's
    class) that is also a ValueError (this package's before);
  - a model file that does not exist: ModelPathError, a ValueError (TFLM's)
    that is also a FileNotFoundError (this package's before);
  - a registerer no loaded library exports: RegistererNotFoundError, a
    RuntimeError (TFLM's) that is also a ValueError (this package's before);
  - failures inside the interpreter (unknown op, arena too small, a kernel
    rejecting its inputs, a registerer returning false) and reading a tensor
    whose value is not kept: RuntimeError with the interpreter's message.
"""

import ctypes
import enum
import errno
import importlib
import os
import sys


def _import_native(name):
  """Imports a native module with its symbols global, so that custom-op
  libraries loaded later resolve the kernel API (MicroPrintf, MicroContext,
  ...) against this runtime instead of carrying their own copy."""
  flags = sys.getdlopenflags()
  sys.setdlopenflags(flags | os.RTLD_GLOBAL)
  try:
    return importlib.import_module(f"{__package__}.{name}")
  finally:
    sys.setdlopenflags(flags)


_runtime = _import_native("_runtime")

ARITHMETICS = ("tflm", "litert")

# The largest arena the default sizing (arena_size=None) grows to: a model
# needing more is refused at creation with the size it needs, which an
# explicit arena_size (not bound by this) or a larger max_arena_size allows.
MAX_ARENA_SIZE = 256 << 20
_loaded_libraries = {}

IndexOutOfRangeError = _runtime.IndexOutOfRangeError
RegistererNotFoundError = _runtime.RegistererNotFoundError


class ModelPathError(FileNotFoundError, ValueError):
  """from_file was given a path where there is no model file."""


# Linked into the native module and registered for every model, as TFLM's
# wheel does with its audio front-end ops.
DEFAULT_REGISTERERS = ("SignalOpsRegisterer",)


class InterpreterConfig(enum.Enum):
  """TFLM's choice between its two interpreters. kAllocationRecording (the
  default) records the arena's use for print_allocations();
  kPreserveAllTensors gives every tensor memory of its own so that GetTensor
  can read any of them after invoke. Here allocations are recorded in both,
  and kPreserveAllTensors is preserve_all_tensors=True."""
  kAllocationRecording = 0
  kPreserveAllTensors = 1


# Shared libraries built by the py_custom_ops Bazel macro end with this.
CUSTOM_OPS_LIBRARY_SUFFIX = ".tflm_ops.so"


def load_custom_op_library(path):
  """Loads a shared library of custom ops (and their registerers) into the
  process, so that custom_op_registerers can name its functions."""
  path = os.path.abspath(os.fspath(path))
  if path in _loaded_libraries:
    return _loaded_libraries[path]
  if not os.path.exists(path):
    raise ValueError(f"custom op library {path} does not exist")
  try:
    library = ctypes.CDLL(path, mode=os.RTLD_NOW | os.RTLD_GLOBAL)
  except OSError as e:
    raise ValueError(f"custom op library {path} could not be loaded: {e}")
  _loaded_libraries[path] = library
  return library


def _runfiles_roots():
  roots = [os.environ.get(v) for v in ("RUNFILES_DIR", "TEST_SRCDIR")]
  directory = os.path.dirname(os.path.abspath(__file__))
  while directory != os.path.dirname(directory):
    if directory.endswith(".runfiles"):
      roots.append(directory)
      break
    directory = os.path.dirname(directory)
  return [r for r in roots if r and os.path.isdir(r)]


def _load_bazel_custom_op_libraries():
  """Loads every custom-op library a Bazel target depends on (they are in
  its runfiles), so that depending on a py_custom_ops target is enough."""
  for root in _runfiles_roots():
    for directory, _, files in os.walk(root):
      for name in files:
        if name.endswith(CUSTOM_OPS_LIBRARY_SUFFIX):
          load_custom_op_library(os.path.join(directory, name))


def _registerer_names(registerers):
  """custom_op_registerers as a list of names, else ValueError: a list or
  tuple of non-empty strings (a bare string is refused, not split)."""
  if registerers is None:
    return []
  if not isinstance(registerers, (list, tuple)) or not all(
      isinstance(name, str) and name for name in registerers):
    raise ValueError("custom_op_registerers must be a list of strings (names "
                     f"of C registerer functions), got {registerers!r}")
  return list(registerers)


def _preserves_all_tensors(intrepreter_config, interpreter_config,
                           preserve_all_tensors):
  """Whether every tensor keeps its value, from TFLM's config (either
  spelling of its keyword) and this package's flag; ValueError when they
  disagree or the config is not an InterpreterConfig."""
  configs = {c for c in (intrepreter_config, interpreter_config)
             if c is not None}
  for config in configs:
    if not isinstance(config, InterpreterConfig):
      raise ValueError("intrepreter_config must be a runtime.InterpreterConfig"
                       f" (kAllocationRecording or kPreserveAllTensors), got "
                       f"{config!r}")
  if len(configs) > 1:
    raise ValueError("intrepreter_config and interpreter_config disagree: "
                     f"{intrepreter_config} and {interpreter_config}")
  if not configs:
    return bool(preserve_all_tensors)
  preserve = configs.pop() is InterpreterConfig.kPreserveAllTensors
  if preserve_all_tensors and not preserve:
    raise ValueError("preserve_all_tensors=True contradicts "
                     "InterpreterConfig.kAllocationRecording")
  return preserve


class Interpreter:
  """A model loaded into its own arena.

  The first five parameters are TFLM's, in its order; the others are this
  package's and go by keyword. A bool in the fourth place is taken as
  preserve_all_tensors (this package's order before TFLM's was followed).
  alt_decompression_memory_size is accepted for TFLM's signature: DECODE's
  outputs (compressed models) are planned in the arena whatever its value.

  Reliability (README, Security): an input not set since the tensors were
  last planned (creation, resize_input, a grown arena) reads as zeros; the
  default arena grows to at most max_arena_size bytes (MAX_ARENA_SIZE,
  256 MiB); cancel() stops an invoke from another thread.
  """

  def __init__(self, model_data, custom_op_registerers=None, arena_size=None,
               intrepreter_config=None, alt_decompression_memory_size=0, *,
               interpreter_config=None, preserve_all_tensors=False,
               arithmetic="tflm", custom_op_libraries=None,
               preserve_inputs=True, max_arena_size=MAX_ARENA_SIZE):
    if model_data is None:
      raise ValueError("model_data is None; expected the bytes of a .tflite "
                       "model")
    model_data = bytes(model_data)
    registerers = _registerer_names(custom_op_registerers)
    if isinstance(intrepreter_config, bool):
      preserve_all_tensors, intrepreter_config = intrepreter_config, None
    self._preserve_all_tensors = _preserves_all_tensors(
        intrepreter_config, interpreter_config, preserve_all_tensors)
    if isinstance(alt_decompression_memory_size, bool) or not isinstance(
        alt_decompression_memory_size, int) or alt_decompression_memory_size < 0:
      raise ValueError("alt_decompression_memory_size must be an int >= 0, "
                       f"got {alt_decompression_memory_size!r}")
    for path in custom_op_libraries or []:
      load_custom_op_library(path)
    if registerers:
      _load_bazel_custom_op_libraries()
    if arena_size is None:
      arena_size = 0  # 10x the model, grown to its minimum if need be
    elif isinstance(arena_size, bool) or not isinstance(arena_size, int) or (
        arena_size <= 0):
      raise ValueError(f"arena_size must be a positive int, got {arena_size!r}")
    if isinstance(max_arena_size, bool) or not isinstance(
        max_arena_size, int) or max_arena_size <= 0:
      raise ValueError("max_arena_size must be a positive int, got "
                       f"{max_arena_size!r}")
    if arithmetic not in ARITHMETICS:
      raise ValueError(f"arithmetic must be one of {ARITHMETICS}, got "
                       f"{arithmetic!r}")
    # The built-in packages last, once (naming one of them is harmless).
    registerers = [n for n in registerers if n not in DEFAULT_REGISTERERS]
    registerers += DEFAULT_REGISTERERS
    self._interpreter = _runtime.InterpreterWrapper(
        model_data, registerers, arena_size, self._preserve_all_tensors,
        arithmetic == "litert", bool(preserve_inputs), max_arena_size)
    # The per-inference calls go straight to the native object (same checks
    # and errors as the methods below, without a Python frame each).
    self.set_input = self._interpreter.checked_set_input
    self.invoke = self._interpreter.invoke
    self.get_output = self._interpreter.checked_get_output

  @classmethod
  def from_file(cls, model_path, custom_op_registerers=None, arena_size=None,
                intrepreter_config=None, alt_decompression_memory_size=0,
                **options):
    """Loads a .tflite file; options: the keywords of Interpreter()."""
    if not isinstance(model_path, (str, bytes, os.PathLike)):
      raise ValueError("Invalid model file path: expected a path, got "
                       f"{model_path!r}")
    if not os.path.exists(model_path):
      raise ModelPathError(errno.ENOENT,
                           "Invalid model file path: no such file", model_path)
    if not os.path.isfile(model_path):
      raise ValueError(f"Invalid model file path: {os.fsdecode(model_path)} "
                       "is not a file")
    with open(model_path, "rb") as f:
      data = f.read()
    return cls(data, custom_op_registerers, arena_size, intrepreter_config,
               alt_decompression_memory_size, **options)

  @classmethod
  def from_bytes(cls, model_data, custom_op_registerers=None, arena_size=None,
                 intrepreter_config=None, alt_decompression_memory_size=0,
                 **options):
    """Loads a model from its bytes; options: the keywords of Interpreter()."""
    return cls(model_data, custom_op_registerers, arena_size,
               intrepreter_config, alt_decompression_memory_size, **options)

  def set_input(self, input_data, index):
    """Copies a numpy array into model input `index`."""
    self._interpreter.set_input(input_data, _index(index))

  def invoke(self):
    """Runs the model (releases the GIL while it runs); returns 0 (TFLM's
    status code) or raises."""
    return self._interpreter.invoke()

  def cancel(self):
    """Stops the invoke running in another thread: it raises RuntimeError
    ("Invoke was cancelled") before its next operator or loop iteration. When
    no invoke runs, the next one is cancelled; each invoke clears the request
    as it returns."""
    self._interpreter.cancel()

  def get_output(self, index):
    """A copy of model output `index` as a numpy array."""
    return self._interpreter.get_output(_index(index))

  def get_tensor(self, tensor_index, subgraph=0):
    """A copy of any tensor after invoke. Intermediate tensors need
    preserve_all_tensors=True (else RuntimeError); model inputs and outputs,
    constants and variables are always readable."""
    return self._interpreter.get_tensor(_index(tensor_index), _index(subgraph))

  def GetTensor(self, tensor_index, subgraph_index=0):  # pylint: disable=invalid-name
    """TFLM's tensor reader: a dict with `tensor_data` (a copy of the
    tensor), `shape`, `dtype` and, beyond TFLM's keys, `name`, `index`,
    `shape_signature` and `quantization_parameters`. As in TFLM it needs
    InterpreterConfig.kPreserveAllTensors (or preserve_all_tensors=True),
    else RuntimeError."""
    if not self._preserve_all_tensors:
      raise RuntimeError(
          "GetTensor() needs an interpreter created with intrepreter_config="
          "InterpreterConfig.kPreserveAllTensors (or preserve_all_tensors="
          "True); get_tensor() reads model inputs, outputs, constants and "
          "variables without it")
    tensor_index, subgraph_index = _index(tensor_index), _index(subgraph_index)
    details = self._interpreter.get_tensor_details(tensor_index,
                                                   subgraph_index)
    details["tensor_data"] = self._interpreter.get_tensor(tensor_index,
                                                          subgraph_index)
    return details

  def get_input_details(self, index):
    return self._interpreter.get_input_details(_index(index))

  def get_output_details(self, index):
    return self._interpreter.get_output_details(_index(index))

  def resize_input(self, index, shape):
    """Gives input `index` a new shape and re-plans the arena."""
    dims = [int(d) for d in shape]
    for d in dims:
      if not 0 <= d < 2**31:
        raise ValueError(f"resize_input: dimension {d} is out of range "
                         f"(shape {list(shape)})")
    self._interpreter.resize_input(_index(index), dims)

  def reset(self):
    """Clears variable tensors and kernel state (e.g. RNN state); returns 0
    (TFLM's status code) or raises."""
    return self._interpreter.reset()

  def print_allocations(self):
    """Prints how the arena is used, by kind of allocation."""
    print(self._interpreter.format_allocations(), end="")

  def arena_used_bytes(self):
    """Bytes of the arena in use (what print_allocations calls total)."""
    return self._interpreter.arena_used_bytes()

  def minimum_arena_size(self):
    """The smallest arena_size with which this model (at its current input
    shapes) allocates."""
    return self._interpreter.arena_required_bytes()

  def enable_profiling(self, enabled=True):
    """Starts (or stops) timing each node's invoke; see get_profile."""
    self._interpreter.set_profiling(bool(enabled))

  def get_profile(self):
    """Per-node invoke times accumulated since enable_profiling() (or the
    last reset_profile()), one dict per node that ran, in (subgraph, node)
    order: `subgraph`, `node` (index in its subgraph), `op` (operator name,
    or the custom op's name), `count` (times it ran), `time_us` (total
    microseconds, including subgraphs it called, e.g. WHILE's body) and
    `self_time_us` (excluding them)."""
    records = self._interpreter.get_profile()
    if not records and not self._interpreter.profiling():
      raise RuntimeError("profiling is off: call enable_profiling() before "
                         "invoke()")
    return records

  def reset_profile(self):
    """Forgets the times get_profile would return."""
    self._interpreter.reset_profile()

  @property
  def num_inputs(self):
    return self._interpreter.num_inputs()

  @property
  def num_outputs(self):
    return self._interpreter.num_outputs()


def builtin_ops():
  """Names of the builtin operators (e.g. "CONV_2D") this runtime has
  kernels for; custom ops come from registerers."""
  return list(_runtime.builtin_ops())


def standard_custom_ops(names):
  """Those of the custom op `names` this runtime runs without a registerer:
  TFLM_DECODE, CIRCULAR_BUFFER, TFLite_Detection_PostProcess."""
  return list(_runtime.standard_custom_ops(list(names)))


# An int (or numpy integer, not a bool) within int64, else ValueError: the
# check checked_set_input/checked_get_output make in C++.
_index = _runtime.to_index
