"""Writes a C++ header that registers exactly the operators some models use
(selective registration): a MicroMutableOpResolver<N> sized to them, and a
function that adds them.

The builtin -> AddXxx() mapping is read from micro_mutable_op_resolver.h
itself (shipped with the package: it is the header the generated code
includes), so it follows that header instead of a copy of its list.

    tflite-micro resolver model.tflite -o model_op_resolver.h
"""

import os
import re

RESOLVER_HEADER = "tensorflow/lite/micro/micro_mutable_op_resolver.h"

# `TfLiteStatus AddConv2D(<params>) { return AddBuiltin(BuiltinOperator_CONV_2D,`
_ADD_METHOD = re.compile(
    r"TfLiteStatus\s+(Add\w+)\s*\([^{};]*\)\s*\{\s*"
    r"return\s+AddBuiltin\(\s*BuiltinOperator_(\w+)\s*,")


# The custom ops the resolver header has an AddXxx() for, by their names in
# models (TFLite's and TFLM's own custom ops).
KNOWN_CUSTOM_OPS = {
    "CIRCULAR_BUFFER": "AddCircularBuffer",
    "TFLM_DECODE": "AddDecode",
    "TFLite_Detection_PostProcess": "AddDetectionPostprocess",
}


class GeneratorError(ValueError):
  """A model uses an op the resolver cannot add, or the header is missing."""


def resolver_header_path():
  """Path of micro_mutable_op_resolver.h: in the pip package's include/
  directory, or in the source tree / Bazel runfiles."""
  here = os.path.dirname(os.path.abspath(__file__))
  candidates = [
      os.path.join(here, "include", RESOLVER_HEADER),
      os.path.join(here, os.pardir, os.pardir, RESOLVER_HEADER),
  ]
  for candidate in candidates:
    if os.path.isfile(candidate):
      return os.path.normpath(candidate)
  raise GeneratorError(f"{RESOLVER_HEADER} was not found next to the "
                       f"package (looked at {', '.join(candidates)})")


def parse_add_methods(header_text):
  """{builtin name: AddXxx method name} from the resolver header's text."""
  methods = {}
  for match in _ADD_METHOD.finditer(header_text):
    method, builtin = match.group(1), match.group(2)
    if method != "AddBuiltin":
      methods.setdefault(builtin, method)
  return methods


def parse_custom_add_methods(header_text):
  """{custom op name: AddXxx method} of KNOWN_CUSTOM_OPS the header has."""
  return {name: method for name, method in KNOWN_CUSTOM_OPS.items()
          if re.search(r"TfLiteStatus\s+" + method + r"\s*\(", header_text)}


def custom_add_methods(header_path=None):
  """parse_custom_add_methods of the installed resolver header."""
  with open(header_path or resolver_header_path(), encoding="utf-8") as f:
    return parse_custom_add_methods(f.read())


def add_methods(header_path=None):
  """The builtin -> AddXxx mapping of the installed resolver header."""
  path = header_path or resolver_header_path()
  with open(path, encoding="utf-8") as f:
    methods = parse_add_methods(f.read())
  if not methods:
    raise GeneratorError(f"no AddXxx() methods were found in {path}")
  return methods


def _identifier(text):
  """CamelCase identifier from a file name ('micro_speech' -> MicroSpeech)."""
  words = [w for w in re.split(r"[^0-9A-Za-z]+", text) if w]
  name = "".join(w[:1].upper() + w[1:] for w in words)
  if not name or name[0].isdigit():
    name = "Model" + name
  return name


def default_name(output_path):
  """Prefix for the generated names, from the header's file name:
  person_detect_op_resolver.h -> PersonDetect; 'Model' for stdout."""
  if not output_path or output_path == "-":
    return "Model"
  stem = os.path.splitext(os.path.basename(output_path))[0]
  for suffix in ("_op_resolver", "_ops_resolver", "_resolver", "_ops"):
    if stem.endswith(suffix) and len(stem) > len(suffix):
      stem = stem[:-len(suffix)]
      break
  return _identifier(stem)


def _guard(output_path, name):
  base = (os.path.basename(output_path)
          if output_path and output_path != "-" else name + "_op_resolver.h")
  return re.sub(r"[^0-9A-Za-z]", "_", base).upper().strip("_") + "_"


def _c_string(text):
  return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def generate(models, methods, name="Model", output_path=None, namespace=None,
             custom_methods=None):
  """The header text.

  models: [(label, ModelInfo)], e.g. the file names and model_info.describe
    of each; methods: the builtin -> AddXxx mapping (add_methods());
    custom_methods: the custom op -> AddXxx mapping (custom_add_methods()),
    for the custom ops the header adds itself; the others are listed for
    the user to add.
  """
  custom_methods = custom_methods or {}
  if not re.fullmatch(r"[A-Za-z_][0-9A-Za-z_]*", name):
    raise GeneratorError(f"--name {name!r} is not a C++ identifier")
  if namespace is not None and not re.fullmatch(
      r"[A-Za-z_][0-9A-Za-z_]*(::[A-Za-z_][0-9A-Za-z_]*)*", namespace):
    raise GeneratorError(f"--namespace {namespace!r} is not a C++ namespace")

  users = {}  # op name -> labels of the models that use it
  for label, info in models:
    for op in info.builtin_ops() + info.custom_ops():
      users.setdefault(op, []).append(label)
  builtins = sorted({op for _, info in models for op in info.builtin_ops()})
  customs = sorted({op for _, info in models for op in info.custom_ops()})
  missing = [op for op in builtins if op not in methods]
  if missing:
    raise GeneratorError(
        f"no MicroMutableOpResolver method adds {', '.join(missing)} (the "
        "interpreter has no kernel for it); the models cannot run here")

  count = len(builtins) + len(customs)
  guard = _guard(output_path, name)
  labels = ", ".join(label for label, _ in models)
  several = len(models) > 1
  lines = [
      f"// Op resolver for {labels}.",
      "// Generated by `tflite-micro resolver`; regenerate it when the "
      "model" + ("s change." if several else " changes."),
      "//",
      f"//   {name}OpResolver resolver;",
      f"//   if (Add{name}Ops(resolver) != kTfLiteOk) {{ /* handle it */ }}",
      "//   tflite::MicroInterpreter interpreter(model_data, model_size, "
      "resolver,",
      "//                                        arena, arena_size);",
      f"#ifndef {guard}",
      f"#define {guard}",
      "",
      f'#include "{RESOLVER_HEADER}"',
      "",
  ]
  if namespace:
    lines += [f"namespace {namespace} {{", ""]
  summary = f"{len(builtins)} builtin op" + ("" if len(builtins) == 1 else "s")
  if customs:
    summary += f" + {len(customs)} custom op" + ("" if len(customs) == 1
                                                 else "s")
  lines += [
      f"// {summary}.",
      f"constexpr unsigned int k{name}OpCount = {count};",
      f"using {name}OpResolver = tflite::MicroMutableOpResolver<"
      f"k{name}OpCount>;",
      "",
  ]
  others = [op for op in customs if op not in custom_methods]
  if others:
    lines.append(f"// Adds the ops it has kernels for. The other custom ops "
                 f"are counted in k{name}OpCount:")
    lines.append("// add them yourself after this call, with your kernels' "
                 "registrations:")
    for op in others:
      lines.append(f"//   resolver.AddCustom({_c_string(op)}, "
                   "<its TfLiteRegistration*>);")
  else:
    lines.append(f"// Adds every op the model{'s use' if several else ' uses'}"
                 ".")
  lines.append(f"inline TfLiteStatus Add{name}Ops({name}OpResolver& "
               "resolver) {")
  added = [(op, methods[op]) for op in builtins] + [
      (op, custom_methods[op]) for op in customs if op in custom_methods]
  for op, method in added:
    if several:
      lines.append(f"  // {op}: " + ", ".join(users[op]))
    lines.append(f"  if (resolver.{method}() != kTfLiteOk) "
                 "return kTfLiteError;")
  lines += ["  return kTfLiteOk;", "}", ""]
  if namespace:
    lines += [f"}}  // namespace {namespace}", ""]
  lines += [f"#endif  // {guard}", ""]
  return "\n".join(lines)
