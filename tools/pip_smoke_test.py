"""Seed usage against the pip-installed package (not the source tree)."""

import io
import contextlib
import os
import sys

import numpy as np


def main():
  shared = sys.argv[1] if len(sys.argv) > 1 else ""
  custom_library = sys.argv[2] if len(sys.argv) > 2 else ""
  wheel = sys.argv[3] if len(sys.argv) > 3 else ""
  results = []

  def check(name, fn):
    try:
      fn()
      results.append(True)
      print(f"[  OK  ] {name}")
    except Exception as e:  # pylint: disable=broad-except
      results.append(False)
      print(f"[FAILED] {name}: {type(e).__name__}: {e}")

  def imports_installed_package():
    from tflite_micro import runtime  # pylint: disable=g-import-not-at-top
    assert "site-packages" in runtime.__file__, runtime.__file__

  def hello_world_int8():
    from tflite_micro import runtime  # pylint: disable=g-import-not-at-top
    path = os.path.join(shared, "models", "hello_world_int8.tflite")
    if not os.path.exists(path):
      print("  (../shared absent: skipped)")
      return
    interpreter = runtime.Interpreter.from_file(path)
    outputs = []
    for value in [-128, -50, 0, 50, 127]:
      interpreter.set_input(np.array([[value]], dtype=np.int8), 0)
      interpreter.invoke()
      outputs.append(int(interpreter.get_output(0)[0, 0]))
    assert outputs == [4, 118, 4, -109, -9], outputs
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
      interpreter.print_allocations()
    assert out.getvalue().startswith(
        "[RecordingMicroAllocator] Arena allocation total "), out.getvalue()

  def generated_model_both_roundings():
    from tflite_micro import model_builder  # pylint: disable=g-import-not-at-top
    from tflite_micro import runtime  # pylint: disable=g-import-not-at-top
    b = model_builder.ModelBuilder()
    x = b.add_input([1, 3], np.float32)
    w = b.add_constant(np.array([[1, 2, 3], [-1, 0, 1]], np.float32))
    y = b.add_tensor([1, 2], np.float32)
    b.add_operator("FULLY_CONNECTED", [x, w, -1], [y])
    b.add_output(y)
    for arithmetic in ("tflm", "litert"):
      interpreter = runtime.Interpreter.from_bytes(
          b.build(), arithmetic=arithmetic)
      interpreter.set_input(np.array([[1, 1, 2]], np.float32), 0)
      interpreter.invoke()
      np.testing.assert_array_equal(interpreter.get_output(0), [[9, 1]])

  def errors_are_value_errors():
    from tflite_micro import runtime  # pylint: disable=g-import-not-at-top
    try:
      runtime.Interpreter.from_bytes(b"not a model at all, clearly")
    except ValueError as e:
      assert "Invalid model" in str(e), e
    else:
      raise AssertionError("no error for garbage model")

  def custom_op_library():
    from flatbuffers import flexbuffers  # pylint: disable=g-import-not-at-top
    from tflite_micro import model_builder  # pylint: disable=g-import-not-at-top
    from tflite_micro import runtime  # pylint: disable=g-import-not-at-top
    b = model_builder.ModelBuilder()
    x = b.add_input([4], np.float32)
    y = b.add_tensor([4], np.float32)
    b.add_custom_operator("SoftThreshold", [x], [y],
                          custom_options=flexbuffers.Dumps({"threshold": 1.0}))
    b.add_output(y)
    interpreter = runtime.Interpreter.from_bytes(
        b.build(), custom_op_registerers=["SoftThresholdRegisterer"],
        custom_op_libraries=[custom_library])
    interpreter.set_input(np.array([-3, -0.5, 0.5, 2], np.float32), 0)
    interpreter.invoke()
    np.testing.assert_array_equal(interpreter.get_output(0), [-2, 0, 0, 1])

  def command_line_inspect():
    import subprocess  # pylint: disable=g-import-not-at-top
    import tempfile  # pylint: disable=g-import-not-at-top
    from tflite_micro import model_builder  # pylint: disable=g-import-not-at-top
    b = model_builder.ModelBuilder()
    x = b.add_input([1, 4], np.int8, name="x", scale=0.5, zero_point=-1)
    y = b.add_tensor([1, 4], np.int8, name="y", scale=0.5, zero_point=-1)
    b.add_operator("RELU", [x], [y])
    b.add_output(y)
    with tempfile.TemporaryDirectory() as directory:
      path = os.path.join(directory, "relu.tflite")
      with open(path, "wb") as f:
        f.write(b.build())
      script = os.path.join(os.path.dirname(sys.executable), "tflite-micro")
      for command in ([sys.executable, "-m", "tflite_micro"], [script]):
        result = subprocess.run(command + ["inspect", path],
                                capture_output=True, text=True, check=False)
        assert result.returncode == 0, (command, result.stderr)
        for text in ("RELU", "scale 0.5 zero_point -1",
                     "All ops are supported.", "bytes minimum"):
          assert text in result.stdout, (command, text, result.stdout)
      # The resolver header names the installed header's AddXxx method.
      result = subprocess.run([script, "resolver", path], capture_output=True,
                              text=True, check=False)
      assert "resolver.AddRelu()" in result.stdout, result
  def export_and_host_build():
    # `tflite-micro export` from the wheel's own copy of the sources, then
    # the exported tree's Makefile on the host: its program must print what
    # the Python runtime computed (app/expected_output.txt).
    import shutil  # pylint: disable=g-import-not-at-top
    import subprocess  # pylint: disable=g-import-not-at-top
    import tempfile  # pylint: disable=g-import-not-at-top
    from tflite_micro import model_builder  # pylint: disable=g-import-not-at-top
    if shutil.which("make") is None:
      print("  (make absent: skipped)")
      return
    b = model_builder.ModelBuilder()
    x = b.add_input([1, 3], np.float32)
    w = b.add_constant(np.array([[1, 2, 3], [-1, 0.5, 1]], np.float32))
    y = b.add_tensor([1, 2], np.float32)
    b.add_operator("FULLY_CONNECTED", [x, w, -1], [y],
                   fused_activation_function="RELU")
    b.add_output(y)
    with tempfile.TemporaryDirectory() as directory:
      path = os.path.join(directory, "fc.tflite")
      with open(path, "wb") as f:
        f.write(b.build())
      tree = os.path.join(directory, "tree")
      script = os.path.join(os.path.dirname(sys.executable), "tflite-micro")
      result = subprocess.run([script, "export", path, "-o", tree,
                               "--target", "host"], capture_output=True,
                              text=True, check=False)
      assert result.returncode == 0, result.stderr
      files = []
      for root, _, names in os.walk(tree):
        files += [os.path.relpath(os.path.join(root, n), tree) for n in names]
      assert not [f for f in files if "/host/" in f or f.startswith(
          ("python", "java"))], files
      result = subprocess.run(["make", "-j2", "TARGET=host", "OPT=-O0"],
                              cwd=tree, capture_output=True, text=True,
                              check=False)
      assert result.returncode == 0, result.stderr[-2000:]
      result = subprocess.run([os.path.join(tree, "build", "host", "main")],
                              capture_output=True, text=True, check=False)
      assert result.returncode == 0, result.stdout + result.stderr
      with open(os.path.join(tree, "app", "expected_output.txt")) as f:
        expected = f.read().splitlines()
      printed = [l for l in result.stdout.splitlines()
                 if l.startswith("output ")]
      assert printed == expected and expected, (printed, expected)

  def shared_model(name):
    path = os.path.join(shared, "models", name)
    if not os.path.exists(path):
      print("  (../shared absent: skipped)")
      return None
    return path

  def signal_ops_built_in():
    # TFLM's audio front end with no registerer and no library, bit-exact
    # with TFLM's wheel (the goldens came from it).
    import json  # pylint: disable=g-import-not-at-top
    from tflite_micro import runtime  # pylint: disable=g-import-not-at-top
    goldens_path = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "signal", "testdata",
                                "audio_preprocessor_goldens.json")
    with open(goldens_path) as f:
      goldens = json.load(f)
    decode = lambda e: np.array(e["data"], e["dtype"]).reshape(e["shape"])
    frames = decode(goldens["frames"])
    for name, golden in goldens["models"].items():
      path = shared_model(name)
      if path is None:
        return
      interpreter = runtime.Interpreter.from_file(path)
      for frame, run in zip(frames, golden["frames"]):
        interpreter.set_input(frame, 0)
        interpreter.invoke()
        np.testing.assert_array_equal(interpreter.get_output(0),
                                      decode(run["output"]))

  def mediapipe_registerer_by_name():
    from tflite_micro import runtime  # pylint: disable=g-import-not-at-top
    path = shared_model(os.path.join("mediapipe", "selfie_segmentation.tflite"))
    if path is None:
      return
    interpreter = runtime.Interpreter.from_file(
        path, custom_op_registerers=["MediapipeOpsRegisterer"])
    detail = interpreter.get_input_details(0)
    interpreter.set_input(np.full(detail["shape"], 0.5, np.float32), 0)
    interpreter.invoke()
    mask = interpreter.get_output(0)
    assert mask.size > 0 and np.all(np.isfinite(mask)), mask

  def tflm_import_paths_and_version():
    import tflite_micro  # pylint: disable=g-import-not-at-top
    from tflite_micro.python.tflite_micro import runtime  # pylint: disable=g-import-not-at-top
    import tflite_micro.python.tflite_micro.runtime as runtime2  # pylint: disable=g-import-not-at-top
    assert tflite_micro.runtime is runtime is runtime2, (runtime, runtime2)
    version = tflite_micro.__version__
    assert wheel and f"-{version}-" in os.path.basename(wheel), (version, wheel)
    from importlib import metadata  # pylint: disable=g-import-not-at-top
    assert metadata.version("tflite-micro-runtime") == version
    include = tflite_micro.get_include()
    assert os.path.exists(os.path.join(
        include, "python", "tflite_micro", "python_ops_resolver.h")), include

  def tflm_compat_test():
    # The cases written for TFLM's wheel, through TFLM's import path.
    import subprocess  # pylint: disable=g-import-not-at-top
    test = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                        "python", "tflite_micro", "tflm_compat_test.py")
    result = subprocess.run([sys.executable, test], capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0 and "Ran 13 tests" in result.stderr, (
        result.stdout + result.stderr)[-3000:]

  check("import installed package", imports_installed_package)
  check("python -m tflite_micro inspect / tflite-micro resolver",
        command_line_inspect)
  check("custom op library built with g++", custom_op_library)
  check("signal ops built in: audio front end matches TFLM, no registerer",
        signal_ops_built_in)
  check("MediapipeOpsRegisterer by name: selfie segmentation runs",
        mediapipe_registerer_by_name)
  check("TFLM's import paths, __version__, wheel metadata",
        tflm_import_paths_and_version)
  check("TFLM-API cases (tflm_compat_test.py) from the wheel", tflm_compat_test)
  check("hello_world_int8 seed usage", hello_world_int8)
  check("generated model, both arithmetics", generated_model_both_roundings)
  check("invalid model raises ValueError", errors_are_value_errors)
  check("tflite-micro export + host build of the tree", export_and_host_build)
  passed = sum(results)
  print(f"pip smoke test: {passed} passed, {len(results) - passed} failed")
  sys.exit(0 if all(results) else 1)


if __name__ == "__main__":
  main()
