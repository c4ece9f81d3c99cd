"""`tflite-micro export` end to end: exports models (one built here with
model_builder, and ../shared's hello_world_int8 and person_detect when
../shared is there), builds the tree with its Makefile and its CMakeLists.txt
for the host (g++) and for a Cortex-M4 (arm-none-eabi-g++), runs the host
program and the firmware under qemu-system-arm, and checks that every build
prints exactly the outputs the Python runtime computes for the same input.
"""

import os
import pwd
import re
import shutil
import subprocess
import tempfile

from absl.testing import absltest
import numpy as np

from tflite_micro.python.tflite_micro import compression
from tflite_micro.python.tflite_micro import exporter
from tflite_micro.python.tflite_micro import model_builder
from tflite_micro.python.tflite_micro import runtime
from tflite_micro.tensorflow.lite.micro.testing import shared_data

SHARED_MODELS = ("hello_world_int8.tflite", "person_detect.tflite")
TOOLS = ("make", "cmake", "g++", "arm-none-eabi-g++", "qemu-system-arm")


def builder_model():
  """y[1,4] = relu(x[1,8] . w^T + b) + c: FULLY_CONNECTED and ADD."""
  rng = np.random.default_rng(7)
  b = model_builder.ModelBuilder()
  x = b.add_input([1, 8], np.float32)
  w = b.add_constant(rng.uniform(-1, 1, (4, 8)).astype(np.float32))
  bias = b.add_constant(rng.uniform(-1, 1, (4,)).astype(np.float32))
  h = b.add_tensor([1, 4], np.float32)
  b.add_operator("FULLY_CONNECTED", [x, w, bias], [h],
                 fused_activation_function="RELU")
  c = b.add_constant(np.array([[0.5, -0.25, 1e-3, 3.0]], np.float32))
  y = b.add_tensor([1, 4], np.float32)
  b.add_operator("ADD", [h, c], [y])
  b.add_output(y)
  return b.build()


def python_outputs(model):
  """What the Python runtime prints for an exported model's input."""
  interpreter = runtime.Interpreter.from_bytes(model.data)
  for i, value in enumerate(model.inputs):
    interpreter.set_input(value, i)
  interpreter.invoke()
  return exporter.format_outputs(
      model.identifier,
      [interpreter.get_output(i) for i in range(interpreter.num_outputs)])


def use_compiler_cache(base_dir):
  """Builds of exported trees go through ccache when it is installed and its
  cache (in the user's home: Bazel gives tests another HOME) is writable;
  every run of these tests compiles the same runtime sources, and CI's time
  is short. Sets the environment the builds inherit (the Makefile reads
  LAUNCHER from it); returns CMake's flag for the same, or []."""
  ccache = shutil.which("ccache")
  cache_dir = os.path.join(pwd.getpwuid(os.getuid()).pw_dir, ".cache", "ccache")
  try:
    os.makedirs(cache_dir, exist_ok=True)
  except OSError:
    return []
  if ccache is None or not os.access(cache_dir, os.W_OK):
    return []
  os.environ.update(LAUNCHER=ccache, CCACHE_DIR=cache_dir,
                    CCACHE_BASEDIR=base_dir, CCACHE_NOHASHDIR="true")
  return [f"-DCMAKE_CXX_COMPILER_LAUNCHER={ccache}"]


def run(command, cwd, expect_status=0):
  result = subprocess.run(command, cwd=cwd, capture_output=True, text=True,
                          check=False)
  if result.returncode != expect_status:
    raise AssertionError(
        f"{' '.join(command)} exited {result.returncode} (wanted "
        f"{expect_status}):\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
  return result.stdout


def output_lines(text):
  return [line for line in text.splitlines() if line.startswith("output ")]


def stats(text):
  found = {}
  for line in text.splitlines():
    if line.startswith("stat "):
      _, owner, key, value = line.split()
      found.setdefault(owner, {})[key] = int(value)
  return found


class ExportTest(absltest.TestCase):

  @classmethod
  def setUpClass(cls):
    super().setUpClass()
    missing = [t for t in TOOLS if shutil.which(t) is None]
    cls.missing_tools = missing
    cls.work = tempfile.mkdtemp(dir=os.environ.get("TEST_TMPDIR"))
    builder_path = os.path.join(cls.work, "builder_fc_add.tflite")
    with open(builder_path, "wb") as f:
      f.write(builder_model())
    # The same model with its FC weights LUT-compressed (TFLM_DECODE).
    compressed_path = os.path.join(cls.work, "builder_fc_add_lut.tflite")
    with open(compressed_path, "wb") as f:
      f.write(compression.compress(
          builder_model(), [compression.TensorSpec(0, 1, "lut")]))
    paths = [builder_path, compressed_path]
    cls.shared = [shared_data.model_path(m) for m in SHARED_MODELS]
    cls.shared = [p for p in cls.shared if p is not None]
    paths += cls.shared
    cls.tree = os.path.join(cls.work, "tree")
    cls.result = exporter.export(paths, cls.tree, target="cortex-m4")
    cls.expected = sum((python_outputs(m) for m in cls.result.models), [])
    cls.jobs = f"-j{os.cpu_count() or 1}"
    cls.cmake_launcher = use_compiler_cache(cls.work)

  def need_tools(self):
    if self.missing_tools:
      self.skipTest("not installed: " + ", ".join(self.missing_tools))

  def test_shared_models_or_skip_message(self):
    if not self.shared:
      self.skipTest(shared_data.absent_reason() + " (only the model_builder "
                    "model is exported)")
    self.assertLen(self.result.models, 2 + len(SHARED_MODELS))

  def test_expected_output_file_is_the_python_runtimes(self):
    with open(os.path.join(self.tree, "app", "expected_output.txt")) as f:
      self.assertEqual(f.read().splitlines(), self.expected)
    self.assertTrue(any(l.startswith("output builder_fc_add 0 float32 [1,4]: 0x")
                        for l in self.expected), self.expected)

  def test_tree_holds_only_what_the_models_need(self):
    files = self.result.files
    for path in files:
      self.assertFalse(path.startswith(exporter.FORBIDDEN_PREFIXES), path)
      self.assertFalse(path.endswith(("_test.cc", ".py", "BUILD")), path)
    self.assertNotIn("tensorflow/lite/micro/all_ops_resolver.h", files)
    kernels = {os.path.basename(p) for p in self.result.groups["kernels"]
               if p.startswith("tensorflow/lite/micro/kernels/")}
    want = {"fully_connected.cc", "add_sub.cc", "kernel_util.cc",
            "decode.cc", "decode_lut.cc", "decode_huffman.cc",
            "decode_prune.cc"}
    if self.shared:
      want |= {"conv.cc", "depthwise_conv.cc", "pooling.cc", "reshape.cc",
               "softmax.cc"}
    self.assertTrue(want <= kernels, kernels)
    for unused in ("svdf.cc", "unidirectional_sequence_lstm.cc", "while.cc",
                   "transpose_conv.cc", "mul.cc"):
      self.assertNotIn(unused, kernels)
    for needed in ("tensorflow/lite/schema/schema_generated.h",
                   "third_party/flatbuffers/include/flatbuffers/flatbuffers.h",
                   "tensorflow/lite/micro/cortex_m_qemu/startup.cc",
                   "tensorflow/lite/micro/cortex_m_qemu/mps2_an386.ld",
                   "tensorflow/lite/micro/cortex_m_generic/debug_log.cc",
                   "tensorflow/lite/micro/debug_log.cc",
                   "cmake/arm-none-eabi-gcc.cmake", "app/model_op_resolver.h",
                   "Makefile", "CMakeLists.txt", "README.txt"):
      self.assertIn(needed, files)
    # Every source the tree holds is built by some group.
    built = set(sum(self.result.groups.values(), []))
    for path in files:
      if path.endswith(".cc"):
        self.assertIn(path, built)
    with open(os.path.join(self.tree, "app", "model_data.cc")) as f:
      data = f.read()
    self.assertIn("alignas(16) extern const unsigned char "
                  "g_builder_fc_add_model[]", data)

  def check_run(self, text, board):
    self.assertEqual(output_lines(text), self.expected)
    found = stats(text)
    for model in self.result.models:
      s = found[model.identifier]
      self.assertGreater(s["arena_required_bytes"], 0)
      self.assertLessEqual(s["arena_used_bytes"], found["board"]["arena_bytes"])
      self.assertLessEqual(s["arena_required_bytes_inputs_reused"],
                           s["arena_required_bytes"])
      if board:
        self.assertEqual(s["heap_used_bytes"], 0)
        self.assertGreater(s["stack_high_water_bytes"],
                           found["board"]["stack_at_main_bytes"])
    return found

  # The builds use -O0 to keep the test quick (size_test builds with the
  # shipped -Os); the outputs must not change.
  def test_make_host_and_cortex_m4(self):
    self.need_tools()
    run(["make", self.jobs, "TARGET=host", "OPT=-O0"], self.tree)
    host = run(["build/host/main"], self.tree)
    host_stats = self.check_run(host, board=False)
    run(["make", self.jobs, "TARGET=cortex-m4", "OPT=-O0"], self.tree)
    firmware = run(["make", "TARGET=cortex-m4", "run"], self.tree)
    device_stats = self.check_run(firmware, board=True)
    # 32-bit pointers: the device's arena is smaller than the host's.
    for model in self.result.models:
      self.assertLess(device_stats[model.identifier]["arena_required_bytes"],
                      host_stats[model.identifier]["arena_required_bytes"])
      python = runtime.Interpreter.from_bytes(model.data)
      self.assertEqual(host_stats[model.identifier]["arena_required_bytes"],
                       python.minimum_arena_size())

  # CMake for the device only (with the toolchain file): the host build's
  # sources and flags are the Makefile's, checked above, and each build of
  # the tree costs ~25 s of this test's time. This build leaves the model
  # checks out (the Makefile's above keeps them, as by default): the
  # outputs must be the same.
  def test_cmake_cortex_m4(self):
    self.need_tools()
    arm_dir = os.path.join(self.work, "cmake-arm")
    run(["cmake", "-S", self.tree, "-B", arm_dir,
         "-DCMAKE_TOOLCHAIN_FILE=cmake/arm-none-eabi-gcc.cmake",
         "-DTFLM_CPU=cortex-m4", "-DTFLM_OPT=-O0",
         "-DTFLM_MODEL_CHECKS=OFF"] + self.cmake_launcher, self.tree)
    run(["cmake", "--build", arm_dir, self.jobs], self.tree)
    firmware = run([os.path.join(self.tree, exporter.RUN_FIRMWARE),
                    os.path.join(arm_dir, "firmware.elf")], self.tree)
    self.check_run(firmware, board=True)
    with open(os.path.join(arm_dir, "firmware.map")) as f:
      linked = f.read().split("Linker script and memory map")[1]
    self.assertIn("MicroInterpreter", linked)
    self.assertNotIn("VerifyModelBytes", linked)

  def test_strip_errors_keeps_the_status_and_says_so(self):
    self.need_tools()
    # A 64-byte arena fails AllocateTensors; -O0 keeps this build quick.
    command = ["make", self.jobs, "TARGET=host", "OPT=-O0",
               "CXXFLAGS=-DEXPORT_ARENA_SIZE=64"]
    run(command + ["STRIP_ERRORS=1", "BUILD_DIR=build/strip"], self.tree)
    text = run(["build/strip/main"], self.tree, expect_status=1)
    self.assertRegex(text, r"error builder_fc_add AllocateTensors: failed; "
                     r"error messages were stripped from this build")
    self.assertNotIn("arena", text.split("AllocateTensors:")[1].split("\n")[0])


class HostExportTest(absltest.TestCase):

  def test_host_target_has_no_board_files(self):
    work = tempfile.mkdtemp(dir=os.environ.get("TEST_TMPDIR"))
    path = os.path.join(work, "m.tflite")
    with open(path, "wb") as f:
      f.write(builder_model())
    result = exporter.export([path], os.path.join(work, "tree"),
                             target="host")
    # Board support and the QEMU runner only; the Cortex-M kernel paths
    # (kernels/internal/optimized/cortex_m_*) are ordinary sources that the
    # kernels include on every target.
    self.assertFalse([p for p in result.files if p.startswith((
        exporter.GENERIC_BOARD_DIR + "/", exporter.QEMU_BOARD_DIR + "/",
        "cmake/", "tools/"))])
    self.assertEqual(result.groups["board"], [])
    with open(os.path.join(work, "tree", "Makefile")) as f:
      self.assertIn("TARGET ?= host", f.read())
    if shutil.which("make"):
      out = subprocess.run(["make", "-n", "TARGET=cortex-m4"],
                           cwd=os.path.join(work, "tree"), capture_output=True,
                           text=True, check=False)
      self.assertNotEqual(out.returncode, 0)
      self.assertIn("no board files", out.stderr)

  def test_unknown_target_and_custom_ops_are_errors(self):
    with self.assertRaisesRegex(exporter.ExportError, "unknown target"):
      exporter.export(["x.tflite"], "/nonexistent", target="cortex-a53")
    b = model_builder.ModelBuilder()
    x = b.add_input([1], np.float32)
    y = b.add_tensor([1], np.float32)
    b.add_custom_operator("MyOp", [x], [y])
    b.add_output(y)
    work = tempfile.mkdtemp(dir=os.environ.get("TEST_TMPDIR"))
    path = os.path.join(work, "custom.tflite")
    with open(path, "wb") as f:
      f.write(b.build())
    with self.assertRaisesRegex(exporter.ExportError, "custom ops"):
      exporter.export([path], os.path.join(work, "tree"))


if __name__ == "__main__":
  absltest.main()
