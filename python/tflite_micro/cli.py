"""`tflite-micro` / `python -m tflite_micro`: tools for a .tflite model.

    tflite-micro run MODEL [--input 0=x.npy] [--output-dir DIR]
    tflite-micro inspect MODEL
    tflite-micro profile MODEL
    tflite-micro resolver MODEL... -o model_op_resolver.h
    tflite-micro compare MODEL [--per-layer]
    tflite-micro export MODEL... -o DIR [--target cortex-m4]
    tflite-micro size MODEL [--target cortex-m4] [--strip-errors]
                      [--no-model-checks] [--json] [--profile]

Errors are one line on stderr and a non-zero exit status (2 for a bad
command line, 1 otherwise); --verbose adds the traceback.
"""

import argparse
import os
import sys
import time
import traceback

import numpy as np

from . import compression
from . import model_info
from . import op_resolver_generator

PROG = "tflite-micro"
# runtime.ARITHMETICS (cli_test checks that they agree).
ARITHMETICS = ("tflm", "litert")


def _runtime():
  """The runtime module, imported only by the commands that run models:
  `resolver` works without the native module (Bazel runs it as a build
  tool, where building the runtime again would be wasted)."""
  from . import runtime  # pylint: disable=g-import-not-at-top
  return runtime


class CliError(Exception):
  """A problem to report in one line, without a traceback."""


class _Parser(argparse.ArgumentParser):
  """Reports usage errors in one line (and exit status 2)."""

  def error(self, message):
    self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


# ---------------------------------------------------------------------------
# Loading models and inputs


def _read_model(path):
  try:
    with open(path, "rb") as f:
      data = f.read()
  except OSError as e:
    raise CliError(f"cannot read model {path}: {e.strerror or e}") from e
  try:
    info = model_info.describe(data)
  except model_info.ModelError as e:
    raise CliError(f"{path}: {e}") from e
  return data, info


def _node_list(info, name):
  nodes = [f"{op.node}" if sg.index == 0 else f"{sg.index}:{op.node}"
           for sg in info.subgraphs for op in sg.operators if op.name == name]
  return "node" + ("s " if len(nodes) > 1 else " ") + ", ".join(nodes)


def _needing_registerer(info):
  """The model's custom ops the runtime does not resolve by itself."""
  standard = set(_runtime().standard_custom_ops(info.custom_ops()))
  return [op for op in info.custom_ops() if op not in standard]


def _check_ops(info, args):
  """Fails early, naming the nodes, for ops the runtime cannot run."""
  supported = set(_runtime().builtin_ops())
  missing = [op for op in info.builtin_ops() if op not in supported]
  if missing:
    raise CliError("the model uses operators this runtime has no kernel "
                   "for: " + "; ".join(f"{op} ({_node_list(info, op)})"
                                       for op in missing))
  customs = _needing_registerer(info)
  if customs and not args.custom_op_registerer:
    raise CliError(
        "the model uses custom ops with no registerer: " +
        "; ".join(f"'{op}' ({_node_list(info, op)})" for op in customs) +
        ". Pass --custom-op-registerer NAME (and --custom-op-library PATH "
        "for the shared library that defines it)")


def _interpreter(data, info, args, preserve_all_tensors=False):
  _check_ops(info, args)
  try:
    return _runtime().Interpreter.from_bytes(
        data, custom_op_registerers=args.custom_op_registerer,
        preserve_all_tensors=preserve_all_tensors,
        arithmetic=args.arithmetic,
        custom_op_libraries=args.custom_op_library,
        arena_size=args.arena_size, max_arena_size=args.max_arena_size)
  except (ValueError, RuntimeError) as e:
    message = str(e)
    if "pass arena_size=" in message:
      message += " (here: --arena-size BYTES or --max-arena-size BYTES)"
    raise CliError(message) from e


def _input_details(interpreter):
  return [interpreter.get_input_details(i)
          for i in range(interpreter.num_inputs)]


def _describe_io(details):
  shape = tuple(int(d) for d in details["shape"])
  return (f"'{details['name']}' {np.dtype(details['dtype']).name} "
          f"{shape}")


def _input_index(key, details):
  """Input number for `key`: an index or an input tensor's name."""
  listing = ", ".join(f"{i} {_describe_io(d)}" for i, d in enumerate(details))
  if key.lstrip("-").isdigit():
    index = int(key)
    if not 0 <= index < len(details):
      raise CliError(f"input index {index} is out of range: the model has "
                     f"{len(details)} input{'s' if len(details) != 1 else ''}"
                     f" ({listing})")
    return index
  for i, d in enumerate(details):
    if d["name"] == key:
      return i
  raise CliError(f"the model has no input named '{key}'; its inputs are "
                 f"{listing}")


def _parse_input_specs(specs, details):
  """{input index: .npy path} from --input INDEX_OR_NAME=PATH (a bare PATH
  for a model with one input)."""
  given = {}
  for spec in specs or []:
    key, sep, path = spec.partition("=")
    if not sep or not key:
      if len(details) != 1:
        raise CliError(f"--input {spec}: give INDEX=FILE.npy or NAME=FILE.npy"
                       f" (the model has {len(details)} inputs)")
      key, path = "0", spec
    index = _input_index(key, details)
    if index in given:
      raise CliError(f"input {index} is given twice ({given[index]} and "
                     f"{path})")
    given[index] = path
  return given


def _load_npy(path):
  try:
    with open(path, "rb") as f:
      magic = f.read(6)
      if magic.startswith(b"PK"):
        raise CliError(f"{path} is an .npz archive; give one .npy file per "
                       "input")
      if magic != b"\x93NUMPY":
        raise CliError(f"{path} is not a .npy file (no NUMPY header); "
                       "write one with numpy.save")
      f.seek(0)
      return np.load(f, allow_pickle=False)
  except OSError as e:
    raise CliError(f"cannot read input file {path}: {e.strerror or e}") from e
  except ValueError as e:
    raise CliError(f"{path} is not a readable .npy file: {e}") from e


def random_input(details, rng):
  """A random array for an input: floats in [-1, 1), 8/16-bit integers over
  their whole range, wider integers in [-100, 100] (they are often
  indices or sizes), booleans."""
  dtype = np.dtype(details["dtype"])
  shape = tuple(int(d) for d in details["shape"])
  if dtype.kind == "f":
    return rng.uniform(-1.0, 1.0, shape).astype(dtype)
  if dtype.kind == "c":
    return (rng.uniform(-1, 1, shape) + 1j * rng.uniform(-1, 1, shape)).astype(
        dtype)
  if dtype.kind == "b":
    return rng.integers(0, 2, shape).astype(bool)
  limits = np.iinfo(dtype)
  if dtype.itemsize <= 2:
    low, high = int(limits.min), int(limits.max)
  else:
    low, high = max(int(limits.min), -100), 100
  return rng.integers(low, high, shape, endpoint=True).astype(dtype)


def _make_inputs(interpreter, args):
  """[(array, source text)] for every input: from --input files, the rest
  random (seeded)."""
  details = _input_details(interpreter)
  given = _parse_input_specs(args.input, details)
  rng = np.random.default_rng(args.seed)
  inputs = []
  for i, d in enumerate(details):
    # Drawn for every input, so that a file given for one input does not
    # change the random values of the others.
    generated = random_input(d, rng)
    if i in given:
      inputs.append((_load_npy(given[i]), given[i]))
    else:
      inputs.append((generated, f"random, seed {args.seed}"))
  return inputs


def _set_inputs(interpreter, inputs):
  for i, (value, source) in enumerate(inputs):
    try:
      interpreter.set_input(value, i)
    except ValueError as e:
      raise CliError(f"input {i} ({source}): {e}") from e


def _invoke(interpreter):
  try:
    interpreter.invoke()
  except RuntimeError as e:
    raise CliError(f"invoke failed: {e}") from e


def _outputs(interpreter):
  return [interpreter.get_output(i) for i in range(interpreter.num_outputs)]


# ---------------------------------------------------------------------------
# run


def cmd_run(args):
  data, info = _read_model(args.model)
  interpreter = _interpreter(data, info, args)
  inputs = _make_inputs(interpreter, args)
  _set_inputs(interpreter, inputs)
  _invoke(interpreter)
  outputs = _outputs(interpreter)
  for i, (value, source) in enumerate(inputs):
    print(f"input {i} {_describe_io(interpreter.get_input_details(i))}: "
          f"{source}")
  with np.printoptions(threshold=args.print_limit, linewidth=100):
    for i, value in enumerate(outputs):
      print(f"output {i} {_describe_io(interpreter.get_output_details(i))}:")
      print(np.array2string(value, separator=" "))
  if args.output_dir:
    saved = []
    try:
      os.makedirs(args.output_dir, exist_ok=True)
      for kind, arrays in (("output", outputs),
                           ("input", [v for v, _ in inputs])):
        for i, value in enumerate(arrays):
          path = os.path.join(args.output_dir, f"{kind}_{i}.npy")
          np.save(path, value)
          saved.append(path)
    except OSError as e:
      raise CliError(f"cannot write to {args.output_dir}: "
                     f"{e.strerror or e}") from e
    print("saved " + " ".join(saved))
  return 0


# ---------------------------------------------------------------------------
# inspect


def _table(headers, rows, right=()):
  """Rows of text as aligned columns; columns in `right` align right."""
  rows = [[str(c) for c in row] for row in rows]
  widths = [max([len(h)] + [len(r[c]) for r in rows])
            for c, h in enumerate(headers)]

  def line(cells):
    parts = [cell.rjust(widths[c]) if c in right else cell.ljust(widths[c])
             for c, cell in enumerate(cells)]
    return "  ".join(parts).rstrip()

  return [line(headers)] + [line(r) for r in rows]


def _shape_text(tensor):
  text = "(" + ", ".join(str(d) for d in tensor.shape) + (
      ",)" if len(tensor.shape) == 1 else ")")
  signature = tensor.shape_signature
  if signature is not None and tuple(signature) != tuple(tensor.shape):
    text += " sig (" + ", ".join(str(d) for d in signature) + ")"
  return text


def _tensor_kind(tensor, subgraph):
  kinds = []
  if tensor.index in subgraph.inputs:
    kinds.append("input")
  if tensor.index in subgraph.outputs:
    kinds.append("output")
  if tensor.is_variable:
    kinds.append("variable")
  elif tensor.is_constant:
    kinds.append("constant")
  return "+".join(kinds) or "-"


def _index_list(indices):
  return ", ".join("-" if i < 0 else str(i) for i in indices) or "-"


def _size_text(nbytes):
  return "?" if nbytes is None else f"{nbytes:,}"


def cmd_inspect(args):
  data, info = _read_model(args.model)
  supported = set(_runtime().builtin_ops())
  plural = "s" if len(info.subgraphs) != 1 else ""
  print(f"{args.model}: {info.size:,} bytes, schema version {info.version}, "
        f"{len(info.subgraphs)} subgraph{plural}")
  if info.description:
    print(f"description: {info.description}")
  for subgraph in info.subgraphs:
    name = f" '{subgraph.name}'" if subgraph.name else ""
    print()
    print(f"Subgraph {subgraph.index}{name}: inputs "
          f"[{_index_list(subgraph.inputs)}], outputs "
          f"[{_index_list(subgraph.outputs)}], {len(subgraph.operators)} "
          f"operators, {len(subgraph.tensors)} tensors")
    rows = []
    for op in subgraph.operators:
      if op.is_custom:
        status = "custom"
      else:
        status = "yes" if op.name in supported else "NO"
      rows.append([op.node, op.name, op.version, _index_list(op.inputs),
                   _index_list(op.outputs), status])
    print()
    for line in _table(["node", "op", "version", "inputs", "outputs",
                        "supported"], rows, right={0, 2}):
      print("  " + line)
    rows = []
    for t in subgraph.tensors:
      rows.append([t.index, t.name or "-", _shape_text(t), t.dtype.lower(),
                   _size_text(t.nbytes), _tensor_kind(t, subgraph),
                   t.quantization.describe() if t.quantization else "-"])
    print()
    for line in _table(["tensor", "name", "shape", "dtype", "bytes", "kind",
                        "quantization"], rows, right={0, 4}):
      print("  " + line)
    constant_bytes = sum(t.nbytes or 0 for t in subgraph.tensors
                         if t.is_constant)
    print(f"  constant data: {constant_bytes:,} bytes")

  print()
  counts = info.op_counts()
  print("Ops used: " + ", ".join(f"{op} x{counts[op]}"
                                 for op in sorted(counts)))
  unsupported = [op for op in info.builtin_ops() if op not in supported]
  if unsupported:
    print("Not supported by this runtime: " + ", ".join(
        f"{op} ({_node_list(info, op)})" for op in unsupported))
  customs = _needing_registerer(info)
  if customs:
    print("Custom ops (need a registerer: --custom-op-registerer): " +
          ", ".join(f"{op} ({_node_list(info, op)})" for op in customs))
  if not unsupported and not customs:
    print("All ops are supported.")

  try:
    interpreter = _interpreter(data, info, args)
  except CliError as e:
    print(f"Arena: not computed, the interpreter cannot allocate: {e}")
  else:
    print(f"Arena: {interpreter.minimum_arena_size():,} bytes minimum "
          f"(arena_size for a 16-byte aligned buffer; {args.arithmetic} "
          "arithmetic)")
  return 0


# ---------------------------------------------------------------------------
# profile


class Progress:
  """A progress bar on stderr, drawn only once the work has taken `delay`
  seconds (mode "auto": and only on a terminal)."""

  def __init__(self, mode, label, delay=1.0, stream=None):
    self._stream = stream or sys.stderr
    self._label = label
    self._start = time.monotonic()
    self._last_draw = 0.0
    self._drawn = False
    if mode == "always":
      self._delay = 0.0
    elif mode == "auto" and self._stream.isatty():
      self._delay = delay
    else:
      self._delay = None  # never

  def update(self, fraction, detail=""):
    if self._delay is None:
      return
    now = time.monotonic()
    if now - self._start < self._delay:
      return
    if self._drawn and now - self._last_draw < 0.1 and fraction < 1:
      return
    fraction = min(max(fraction, 0.0), 1.0)
    filled = int(round(30 * fraction))
    bar = "#" * filled + "." * (30 - filled)
    self._stream.write(f"\r{self._label} [{bar}] {100 * fraction:3.0f}% "
                       f"{detail}")
    self._stream.flush()
    self._drawn = True
    self._last_draw = now

  def close(self):
    if self._drawn:
      self._stream.write("\n")
      self._stream.flush()


def _profile(interpreter, invokes, seconds, progress):
  """Invokes until both `invokes` runs and `seconds` have passed (a given
  --invokes alone: exactly that many). Returns (runs, wall seconds)."""
  interpreter.enable_profiling()
  interpreter.reset_profile()
  runs = 0
  start = time.perf_counter()
  while True:
    elapsed = time.perf_counter() - start
    done_runs = runs / invokes
    done_time = elapsed / seconds if seconds else 1.0
    progress.update(min(done_runs, done_time), f"{runs} invokes")
    if done_runs >= 1 and done_time >= 1:
      break
    _invoke(interpreter)
    runs += 1
  return runs, time.perf_counter() - start


def _node_label(record):
  if record["subgraph"] == 0:
    return str(record["node"])
  return f"{record['subgraph']}:{record['node']}"


def cmd_profile(args):
  data, info = _read_model(args.model)
  interpreter = _interpreter(data, info, args)
  _set_inputs(interpreter, _make_inputs(interpreter, args))
  for _ in range(args.warmup):
    _invoke(interpreter)
  if args.invokes is not None:
    if args.invokes < 1:
      raise CliError(f"--invokes must be at least 1, got {args.invokes}")
    invokes, seconds = args.invokes, 0.0
  else:
    invokes, seconds = 10, args.seconds
  progress = Progress(args.progress, f"profiling {os.path.basename(args.model)}")
  try:
    runs, wall = _profile(interpreter, invokes, seconds, progress)
  finally:
    progress.close()
  records = interpreter.get_profile()
  total_us = sum(r["self_time_us"] for r in records) / runs
  print(f"{args.model}: {runs} invokes, {1e6 * wall / runs:,.1f} us per "
        f"invoke ({total_us:,.1f} us in ops), {args.arithmetic} arithmetic")
  print()
  nested = any(r["count"] != runs for r in records)
  headers = ["node", "op", "us/invoke", "share"]
  if nested:
    headers.append("runs/invoke")
  rows = []
  for r in sorted(records, key=lambda r: -r["self_time_us"]):
    us = r["self_time_us"] / runs
    row = [_node_label(r), r["op"], f"{us:,.2f}",
           f"{100 * us / total_us:.1f}%" if total_us else "-"]
    if nested:
      row.append(f"{r['count'] / runs:g}")
    rows.append(row)
  for line in _table(headers, rows, right={0, 2, 3, 4}):
    print(line)
  by_op = {}
  for r in records:
    entry = by_op.setdefault(r["op"], [0, 0.0])
    entry[0] += 1
    entry[1] += r["self_time_us"] / runs
  print()
  rows = [[op, n, f"{us:,.2f}", f"{100 * us / total_us:.1f}%"
           if total_us else "-"]
          for op, (n, us) in sorted(by_op.items(), key=lambda e: -e[1][1])]
  for line in _table(["op", "nodes", "us/invoke", "share"], rows,
                     right={1, 2, 3}):
    print(line)
  if any(r["subgraph"] != 0 for r in records):
    print()
    print("Times are self times: a node that calls subgraphs (IF, WHILE, "
          "CALL_ONCE) does not include theirs; subgraph nodes are listed as "
          "subgraph:node.")
  return 0


# ---------------------------------------------------------------------------
# resolver


def cmd_compress(args):
  data, _ = _read_model(args.model)
  original_bytes = len(data)
  try:
    if args.bin:
      data, binned = compression.bin_model(data, args.bin)
      print(f"binned {len(binned)} int8 tensor{'s' if len(binned) != 1 else ''}"
            f" to at most {args.bin} values per channel (this changes the "
            "model's results)")
      if args.binned_output:
        try:
          with open(args.binned_output, "wb") as f:
            f.write(data)
        except OSError as e:
          raise CliError(f"cannot write {args.binned_output}: "
                         f"{e.strerror or e}") from e
    if args.spec:
      try:
        with open(args.spec, encoding="utf-8") as f:
          specs = compression.parse_spec(f.read())
      except OSError as e:
        raise CliError(f"cannot read spec {args.spec}: "
                       f"{e.strerror or e}") from e
    else:
      specs = compression.auto_specs(data, args.method)
    small = compression.compress(data, specs)
  except compression.CompressionError as e:
    raise CliError(f"{args.model}: {e}") from e
  try:
    with open(args.output, "wb") as f:
      f.write(small)
  except OSError as e:
    raise CliError(f"cannot write {args.output}: {e.strerror or e}") from e
  for spec in specs:
    bits = f", {spec.index_bitwidth}-bit" if spec.index_bitwidth else ""
    print(f"  subgraph {spec.subgraph} tensor {spec.tensor}: "
          f"{spec.method}{bits}")
  print(f"wrote {args.output}: {original_bytes} -> {len(small)} bytes "
        f"({len(small) - original_bytes:+d}), {len(specs)} tensor"
        f"{'s' if len(specs) != 1 else ''} compressed (TFLM_DECODE)")
  return 0


def cmd_resolver(args):
  models = []
  for path in args.models:
    _, info = _read_model(path)
    models.append((os.path.basename(path), info))
  try:
    methods = op_resolver_generator.add_methods()
    custom_methods = op_resolver_generator.custom_add_methods()
    name = args.name or op_resolver_generator.default_name(args.output)
    text = op_resolver_generator.generate(models, methods, name=name,
                                          output_path=args.output,
                                          namespace=args.namespace,
                                          custom_methods=custom_methods)
  except op_resolver_generator.GeneratorError as e:
    raise CliError(str(e)) from e
  builtins = sorted({op for _, info in models for op in info.builtin_ops()})
  customs = sorted({op for _, info in models for op in info.custom_ops()})
  to_add = [op for op in customs if op not in custom_methods]
  if args.output in (None, "-"):
    sys.stdout.write(text)
    return 0
  try:
    with open(args.output, "w", encoding="utf-8") as f:
      f.write(text)
  except OSError as e:
    raise CliError(f"cannot write {args.output}: {e.strerror or e}") from e
  summary = (f"wrote {args.output}: MicroMutableOpResolver<"
             f"{len(builtins) + len(customs)}> with {len(builtins)} builtin "
             f"op{'s' if len(builtins) != 1 else ''}")
  if len(customs) > len(to_add):
    known = len(customs) - len(to_add)
    summary += f", {known} custom op{'s' if known != 1 else ''}"
  if to_add:
    summary += (f" and {len(to_add)} custom op"
                f"{'s' if len(to_add) != 1 else ''} for you to add ("
                + ", ".join(to_add) + ")")
  print(summary)
  return 0


# ---------------------------------------------------------------------------
# export and size


def cmd_export(args):
  from . import exporter  # pylint: disable=g-import-not-at-top
  for path in args.models:
    _read_model(path)  # one-line errors for unreadable models
  try:
    result = exporter.export(args.models, args.output, target=args.target,
                             seed=args.seed, arena_size=args.arena_size)
  except exporter.ExportError as e:
    raise CliError(str(e)) from e
  groups = result.groups
  print(f"wrote {args.output}: {len(result.files)} files for {args.target}; "
        f"{len(groups['core'])} runtime and {len(groups['kernels'])} kernel "
        f"sources; build with make or cmake (see {args.output}/README.txt)")
  return 0


def cmd_size(args):
  from . import footprint  # pylint: disable=g-import-not-at-top
  _read_model(args.model)
  try:
    report = footprint.measure(args.model, target=args.target,
                               strip_errors=args.strip_errors,
                               model_checks=not args.no_model_checks,
                               keep_dir=args.keep, jobs=args.jobs,
                               top=max(args.top, 15),
                               profile=args.profile)
  except footprint.FootprintError as e:
    raise CliError(str(e)) from e
  if args.json:
    import json  # pylint: disable=g-import-not-at-top
    print(json.dumps(report, indent=2, sort_keys=True))
  else:
    sys.stdout.write(footprint.format_report(report, top=args.top))
    if args.profile:
      sys.stdout.write("\n" + footprint.format_profile(report))
  return 0


# ---------------------------------------------------------------------------
# compare


def _litert_interpreter(data, preserve_all_tensors):
  try:
    from ai_edge_litert import interpreter as litert  # pylint: disable=g-import-not-at-top
  except ImportError as e:
    raise CliError("compare needs LiteRT's Python package: pip install "
                   "ai-edge-litert") from e
  try:
    interpreter = litert.Interpreter(
        model_content=bytes(data),
        experimental_op_resolver_type=litert.OpResolverType.BUILTIN_REF,
        experimental_preserve_all_tensors=preserve_all_tensors)
    interpreter.allocate_tensors()
  except Exception as e:  # LiteRT raises ValueError/RuntimeError
    raise CliError("LiteRT cannot load the model: " +
                   _shorten(" ".join(str(e).split()))) from e
  return interpreter


def _shorten(text, limit=200):
  return text if len(text) <= limit else text[:limit - 3] + "..."


def _difference(ours, reference, atol, rtol):
  """(max abs difference, elements beyond tolerance, first such index);
  (None, None, None) when the shapes differ. Floats: beyond when
  |ours - reference| > atol + rtol * |reference| (NaN in both is equal)."""
  if ours.shape != reference.shape:
    return None, None, None
  if ours.size == 0:
    return 0.0, 0, None
  if ours.dtype.kind in "fc" or reference.dtype.kind in "fc":
    a = ours.astype(np.complex128)
    b = reference.astype(np.complex128)
    diff = np.abs(a - b)
    diff[(a == b) | (np.isnan(a) & np.isnan(b))] = 0.0
    beyond = ~(diff <= atol + rtol * np.abs(b))
  else:
    diff = np.abs(ours.astype(np.int64) - reference.astype(np.int64))
    beyond = diff > atol
  count = int(np.count_nonzero(beyond))
  first = tuple(int(i) for i in np.argwhere(beyond)[0]) if count else None
  return float(np.max(diff)), count, first


def _diff_text(worst):
  if worst is None:
    return "shape differs"
  if np.isfinite(worst) and worst == int(worst):
    return f"{int(worst)}"
  return f"{worst:.3g}"


def cmd_compare(args):
  data, info = _read_model(args.model)
  ours = _interpreter(data, info, args, preserve_all_tensors=args.per_layer)
  inputs = _make_inputs(ours, args)
  _set_inputs(ours, inputs)
  _invoke(ours)
  litert = _litert_interpreter(data, args.per_layer)
  litert_inputs = litert.get_input_details()
  if len(litert_inputs) != len(inputs):
    raise CliError(f"LiteRT sees {len(litert_inputs)} inputs, this runtime "
                   f"{len(inputs)}")
  try:
    # LiteRT orders inputs as the model lists them, as this runtime does.
    for detail, (value, _) in zip(litert_inputs, inputs):
      litert.set_tensor(detail["index"], value)
    litert.invoke()
  except Exception as e:  # pylint: disable=broad-except
    raise CliError("LiteRT failed to run the model: " +
                   _shorten(" ".join(str(e).split()))) from e

  print(f"{args.model}: this runtime ({args.arithmetic} arithmetic) vs "
        f"LiteRT's reference kernels, inputs: " +
        ", ".join(source for _, source in inputs))
  exceeded = False
  rows = []
  for i, detail in enumerate(litert.get_output_details()):
    mine = ours.get_output(i)
    theirs = litert.get_tensor(detail["index"])
    worst, count, _ = _difference(mine, theirs, args.atol, args.rtol)
    status = ("identical" if worst == 0 and count == 0 else
              "within tolerance" if count == 0 else
              f"{count} of {mine.size} beyond tolerance")
    if worst is None:
      status = f"shape {mine.shape} vs LiteRT {theirs.shape}"
    exceeded |= bool(count) or worst is None
    rows.append([i, _describe_io(ours.get_output_details(i)),
                 _diff_text(worst), status])
  print()
  for line in _table(["output", "tensor", "max abs diff", ""], rows,
                     right={0, 2}):
    print(line)
  if args.per_layer:
    exceeded |= _compare_layers(ours, litert, info, args)
  if args.fail_on_difference and exceeded:
    return 1
  return 0


def _compare_layers(ours, litert, info, args):
  """Prints every op output of subgraph 0 in execution order and the first
  that diverges. Returns whether one did."""
  subgraph = info.subgraphs[0]
  rows = []
  first = None
  for op in subgraph.operators:
    for t in op.outputs:
      if t < 0:
        continue
      tensor = subgraph.tensors[t]
      try:
        mine = ours.get_tensor(t)
        theirs = np.asarray(litert.get_tensor(t))
      except (ValueError, RuntimeError) as e:
        rows.append([op.node, op.name, t, tensor.name or "-", "n/a",
                     " ".join(str(e).split())[:60]])
        continue
      worst, count, where = _difference(mine, theirs, args.atol, args.rtol)
      mark = ""
      if worst is None or count:
        mark = ("shape differs" if worst is None else
                f"{count} of {mine.size} beyond tolerance")
        if first is None:
          first = (op, t, tensor, mine, theirs, worst, where)
          mark += "  <- first divergence"
      rows.append([op.node, op.name, t, tensor.name or "-",
                   _diff_text(worst), mark])
  print()
  print("Per layer (subgraph 0, execution order; "
        f"tolerance atol {args.atol:g}, rtol {args.rtol:g} for floats):")
  for line in _table(["node", "op", "tensor", "name", "max abs diff", ""],
                     rows, right={0, 2, 4}):
    print("  " + line)
  print()
  if first is None:
    print("No divergence: every op output matches LiteRT within tolerance.")
    return False
  op, t, tensor, mine, theirs, worst, where = first
  if worst is None:
    detail = f"shape {mine.shape} here vs {theirs.shape} in LiteRT"
  else:
    detail = (f"max abs diff {_diff_text(worst)}; first at {where}: here "
              f"{mine[where].item()!r}, LiteRT {theirs[where].item()!r}")
  print(f"First divergence: node {op.node} {op.name}, output tensor {t} "
        f"'{tensor.name}' {tensor.dtype.lower()} {_shape_text(tensor)}: "
        f"{detail}")
  return True


# ---------------------------------------------------------------------------
# command line


def _add_runtime_options(parser, arithmetic_default="tflm"):
  parser.add_argument(
      "--arithmetic", choices=ARITHMETICS, default=arithmetic_default,
      help="integer arithmetic: tflm (what TFLM on a device computes) or "
      "litert (what LiteRT's wheels compute); default %(default)s")
  parser.add_argument(
      "--custom-op-registerer", action="append", default=[], metavar="NAME",
      help="C function `bool NAME(tflite::PythonOpsResolver*)` that adds "
      "custom ops (repeatable)")
  parser.add_argument(
      "--custom-op-library", action="append", default=[], metavar="PATH",
      help="shared library to load before looking up registerers "
      "(repeatable)")
  parser.add_argument(
      "--arena-size", type=int, metavar="BYTES",
      help="a fixed arena (default: sized automatically, up to "
      "--max-arena-size)")
  parser.add_argument(
      "--max-arena-size", type=int, metavar="BYTES", default=256 << 20,
      help="the largest arena the automatic sizing makes; a model needing "
      "more is refused with the size it needs (default %(default)s, 256 MiB)")


def _add_input_options(parser):
  parser.add_argument(
      "--input", "-i", action="append", default=[],
      metavar="INDEX_OR_NAME=FILE.npy",
      help="value for an input (repeatable); inputs not given are random")
  parser.add_argument("--seed", type=int, default=0,
                      help="seed of the random inputs (default %(default)s)")


def build_parser(prog=PROG):
  common = argparse.ArgumentParser(add_help=False)
  common.add_argument("--verbose", "-v", action="store_true",
                      help="show tracebacks on errors")

  parser = _Parser(prog=prog, description=(
      "Tools for .tflite models on the tflite_micro interpreter."),
                   parents=[common])
  commands = parser.add_subparsers(dest="command", metavar="COMMAND",
                                   parser_class=_Parser)
  commands.required = True

  run = commands.add_parser(
      "run", parents=[common], help="run a model and print its outputs",
      description="Runs MODEL once on the given inputs (others random, "
      "seeded) and prints the outputs.")
  run.add_argument("model", metavar="MODEL")
  _add_input_options(run)
  run.add_argument("--output-dir", "-o", metavar="DIR",
                   help="save output_N.npy (and the inputs used, "
                   "input_N.npy) in DIR")
  run.add_argument("--print-limit", type=int, default=1000, metavar="N",
                   help="summarize arrays with more than N elements")
  _add_runtime_options(run)
  run.set_defaults(handler=cmd_run)

  inspect = commands.add_parser(
      "inspect", parents=[common],
      help="list subgraphs, ops, tensors, op support and the minimum arena",
      description="Prints what MODEL holds: subgraphs, operators (node "
      "numbers), tensors (shape, dtype, bytes, quantization), which ops "
      "this runtime supports, and the exact minimum arena size.")
  inspect.add_argument("model", metavar="MODEL")
  _add_runtime_options(inspect)
  inspect.set_defaults(handler=cmd_inspect)

  profile = commands.add_parser(
      "profile", parents=[common], help="time each op",
      description="Invokes MODEL repeatedly (random or given inputs) and "
      "prints each node's time per invoke and share of the total, slowest "
      "first, then the totals per op type.")
  profile.add_argument("model", metavar="MODEL")
  _add_input_options(profile)
  profile.add_argument(
      "--invokes", "-n", type=int, metavar="N",
      help="invoke exactly N times (default: at least 10 times and "
      "--seconds)")
  profile.add_argument("--seconds", type=float, default=1.0,
                       help="minimum profiling time without --invokes "
                       "(default %(default)s)")
  profile.add_argument("--warmup", type=int, default=1, metavar="N",
                       help="untimed invokes first (default %(default)s)")
  profile.add_argument(
      "--progress", choices=("auto", "always", "never"), default="auto",
      help="progress bar on stderr: auto (on a terminal, once profiling "
      "takes over a second), always, never")
  _add_runtime_options(profile)
  profile.set_defaults(handler=cmd_profile)

  resolver = commands.add_parser(
      "resolver", parents=[common],
      help="write a C++ op resolver header for the ops the models use",
      description="Writes a C++ header declaring a "
      "tflite::MicroMutableOpResolver<N> sized to exactly the ops that the "
      "MODELs use, and a function that adds them (custom ops are counted "
      "and listed for you to add).")
  resolver.add_argument("models", metavar="MODEL", nargs="+")
  resolver.add_argument("--output", "-o", metavar="HEADER.h",
                        help="file to write (default: standard output)")
  resolver.add_argument(
      "--name", help="prefix of the generated names, e.g. PersonDetect -> "
      "PersonDetectOpResolver, AddPersonDetectOps (default: from the "
      "header's file name)")
  resolver.add_argument("--namespace", help="C++ namespace for the names")
  resolver.set_defaults(handler=cmd_resolver)

  compress = commands.add_parser(
      "compress", parents=[common],
      help="compress constant tensors for TFLM's DECODE (smaller flash)",
      description="Writes OUTPUT: MODEL with constant tensors encoded "
      "(LUT, Huffman or pruning) and a TFLM_DECODE before each operator "
      "reading them, in TFLM's compressed-model format. Without --spec, "
      "every tensor --method compresses with a saving is taken. Outputs "
      "stay bit for bit those of MODEL (of the binned model with --bin).")
  compress.add_argument("model", metavar="MODEL")
  compress.add_argument("--output", "-o", metavar="OUTPUT", required=True,
                        help="compressed model to write")
  compress.add_argument("--method", choices=compression.METHODS,
                        default="lut",
                        help="method for automatic selection (default "
                        "%(default)s)")
  compress.add_argument("--spec", metavar="SPEC.yaml",
                        help="TFLM's spec file (tensors, methods, "
                        "index_bitwidth) instead of automatic selection")
  compress.add_argument(
      "--bin", type=int, metavar="LEVELS",
      help="first bin every int8 constant to at most LEVELS values per "
      "channel (evenly spaced between its extremes): TFLM's step before LUT "
      "compression; it changes the model's results, check its accuracy")
  compress.add_argument("--binned-output", metavar="PATH",
                        help="also write the binned, uncompressed model")
  compress.set_defaults(handler=cmd_compress)

  compare = commands.add_parser(
      "compare", parents=[common],
      help="compare outputs with LiteRT's reference kernels",
      description="Runs MODEL here and with LiteRT's reference kernels "
      "(ai-edge-litert, BUILTIN_REF) on the same inputs and prints the "
      "largest absolute difference per output; --per-layer finds the first "
      "op output that diverges.")
  compare.add_argument("model", metavar="MODEL")
  _add_input_options(compare)
  compare.add_argument("--per-layer", action="store_true",
                       help="compare every op output and report the first "
                       "divergence")
  compare.add_argument("--atol", type=float, default=0.0,
                       help="absolute tolerance (default %(default)s)")
  compare.add_argument("--rtol", type=float, default=1e-5,
                       help="relative tolerance, floats only (default "
                       "%(default)s)")
  compare.add_argument("--fail-on-difference", action="store_true",
                       help="exit with status 1 when a result is beyond "
                       "tolerance")
  _add_runtime_options(compare, arithmetic_default="litert")
  compare.set_defaults(handler=cmd_compare)

  targets = ("host", "cortex-m0plus", "cortex-m3", "cortex-m4", "cortex-m7",
             "cortex-m55")
  export = commands.add_parser(
      "export", parents=[common],
      help="write a self-contained source tree (Make/CMake) for the models",
      description="Writes DIR: the interpreter's sources, only the kernels "
      "the MODELs use, the schema and flatbuffers headers, the models as C "
      "arrays, an op resolver header, platform files for --target, an "
      "example main.cc, a Makefile, a CMakeLists.txt and a README.txt.")
  export.add_argument("models", metavar="MODEL", nargs="+")
  export.add_argument("--output", "-o", metavar="DIR", required=True,
                      help="directory to write (replaced if it exists)")
  export.add_argument("--target", choices=targets, default="cortex-m4",
                      help="platform files and default build target "
                      "(default %(default)s; Cortex-M exports also build "
                      "for the host)")
  export.add_argument("--seed", type=int, default=0,
                      help="seed of the example's random inputs (default "
                      "%(default)s)")
  export.add_argument("--arena-size", type=int, metavar="BYTES",
                      help="the example's arena (default: the host's exact "
                      "minimum plus a quarter and 1 KiB)")
  export.set_defaults(handler=cmd_export)

  size = commands.add_parser(
      "size", parents=[common],
      help="flash, RAM, stack and instructions of MODEL on a Cortex-M",
      description="Exports MODEL, builds its firmware with only its ops "
      "(arm-none-eabi-g++ -Os, newlib-nano), runs it under qemu-system-arm "
      "-icount shift=0 and reports flash (our code, model, C/C++ library), "
      "RAM (arena, interpreter, static data, stack high-water mark) and "
      "instructions per Invoke.")
  size.add_argument("model", metavar="MODEL")
  size.add_argument("--target", choices=targets[1:], default="cortex-m4",
                    help="core (default %(default)s)")
  size.add_argument("--strip-errors", action="store_true",
                    help="build with TF_LITE_STRIP_ERROR_STRINGS")
  size.add_argument("--no-model-checks", action="store_true",
                    help="build with TF_LITE_MICRO_SKIP_MODEL_CHECKS (trusted "
                    "models only: a malformed model can crash the device)")
  size.add_argument("--json", action="store_true",
                    help="print the report as JSON")
  size.add_argument("--top", type=int, default=15, metavar="N",
                    help="list the N largest functions/data of our code "
                    "(default %(default)s)")
  size.add_argument("--keep", metavar="DIR",
                    help="build in DIR and keep it (default: a temporary "
                    "directory)")
  size.add_argument("--jobs", "-j", type=int, default=os.cpu_count() or 1,
                    help="parallel compile jobs (default %(default)s)")
  size.add_argument("--profile", action="store_true",
                    help="also build a firmware that times each node "
                    "(repeating Invoke until about 2 M instructions) and "
                    "list instructions per Invoke by op")
  size.set_defaults(handler=cmd_size)
  return parser


def _one_line(text):
  return " ".join(str(text).split())


def main(argv=None, prog=PROG):
  """Runs the command line; returns the exit status."""
  # `bazel run` starts programs in their runfiles; paths are the user's.
  working_directory = os.environ.get("BUILD_WORKING_DIRECTORY")
  if working_directory and os.path.isdir(working_directory):
    os.chdir(working_directory)
  parser = build_parser(prog)
  args = parser.parse_args(argv)
  try:
    return args.handler(args)
  except BrokenPipeError:  # e.g. piped into `head`
    return 1
  except (CliError, ValueError, RuntimeError, OSError) as e:
    if args.verbose:
      traceback.print_exc()
    sys.stderr.write(f"{prog}: error: {_one_line(e)}\n")
    return 1
  except KeyboardInterrupt:
    sys.stderr.write(f"{prog}: interrupted\n")
    return 130
