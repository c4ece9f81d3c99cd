"""`tflite-micro size` on one model (../shared's hello_world_int8, or a
model_builder model without ../shared): the report's fields are sane and add
up, and the command line prints it."""

import json
import os
import shutil
import subprocess
import sys
import tempfile

from absl.testing import absltest

from tflite_micro.python.tflite_micro import cli
from tflite_micro.python.tflite_micro import footprint
from tflite_micro.python.tflite_micro import runtime
from tflite_micro.tensorflow.lite.micro.testing import shared_data
from tflite_micro.tensorflow.lite.micro.tools import export_test

TOOLS = ("make", "arm-none-eabi-g++", "arm-none-eabi-size", "qemu-system-arm")


class SizeTest(absltest.TestCase):

  @classmethod
  def setUpClass(cls):
    super().setUpClass()
    cls.missing = [t for t in TOOLS if shutil.which(t) is None]
    work = tempfile.mkdtemp(dir=os.environ.get("TEST_TMPDIR"))
    export_test.use_compiler_cache(work)
    cls.model = shared_data.model_path("hello_world_int8.tflite")
    if cls.model is None:
      cls.model = os.path.join(work, "builder_fc_add.tflite")
      with open(cls.model, "wb") as f:
        f.write(export_test.builder_model())
    cls.keep = os.path.join(work, "size")
    cls.report = None
    cls.unchecked = None
    if not cls.missing:
      cls.report = footprint.measure(cls.model, target="cortex-m4",
                                     keep_dir=cls.keep)
      # Built with TF_LITE_MICRO_SKIP_MODEL_CHECKS (measure() also requires
      # the firmware's outputs to be the Python runtime's).
      cls.unchecked = footprint.measure(
          cls.model, target="cortex-m4", model_checks=False,
          keep_dir=os.path.join(work, "size_unchecked"))

  def setUp(self):
    super().setUp()
    if self.missing:
      self.skipTest("not installed: " + ", ".join(self.missing))

  def test_flash_parts_add_up_to_the_elf(self):
    r = self.report
    self.assertEqual(sum(r["flash"].values()), r["flash_total"])
    self.assertEqual(r["flash_total"], r["flash_elf_total"])
    with open(self.model, "rb") as f:
      model_bytes = len(f.read())
    self.assertEqual(r["flash"]["model"], model_bytes)
    for part in ("runtime", "kernels", "board_and_example", "c_library"):
      self.assertGreater(r["flash"][part], 0, part)
    self.assertEqual(r["code_runtime_plus_kernels"],
                     r["flash"]["runtime"] + r["flash"]["kernels"])
    # Padding and string merging are small next to the code.
    self.assertLess(abs(r["flash"]["linker_padding"]), 4096)
    self.assertLessEqual(len(r["top_symbols"]), 15)
    self.assertGreater(len(r["top_symbols"]), 5)
    sizes = [s["size"] for s in r["top_symbols"]]
    self.assertEqual(sizes, sorted(sizes, reverse=True))

  def test_model_checks_line(self):
    checked, unchecked = self.report, self.unchecked
    self.assertTrue(checked["model_checks"])
    self.assertFalse(unchecked["model_checks"])
    # The verifier alone is kilobytes.
    self.assertGreater(checked["model_checks_bytes"], 4096)
    self.assertLess(checked["model_checks_bytes"],
                    checked["flash"]["runtime"])
    self.assertEqual(unchecked["model_checks_bytes"], 0)
    # Leaving the checks out saves about what the line says (their callers
    # shrink a little too).
    saved = (checked["code_runtime_plus_kernels"] -
             unchecked["code_runtime_plus_kernels"])
    self.assertGreater(saved, checked["model_checks_bytes"] * 9 // 10)
    self.assertLess(saved, checked["model_checks_bytes"] * 11 // 10)
    self.assertEqual(unchecked["outputs"], checked["outputs"])
    self.assertEqual(unchecked["ram"]["arena_required_bytes"],
                     checked["ram"]["arena_required_bytes"])
    self.assertIn("of which model checks (verifier + semantic checks)",
                  footprint.format_report(checked))
    text = footprint.format_report(unchecked)
    self.assertIn("without model checks", text)
    self.assertIn("model checks (verifier + semantic checks): left out", text)

  def test_ram(self):
    ram = self.report["ram"]
    with open(self.model, "rb") as f:
      host = runtime.Interpreter.from_bytes(f.read())
    host_minimum = host.minimum_arena_size()
    # The device's structs hold 32-bit pointers: its arena is smaller than
    # the 64-bit host's for the same model and arithmetic, but not by more
    # than the structs account for.
    self.assertGreater(ram["arena_required_bytes"], 0)
    self.assertLess(ram["arena_required_bytes"], host_minimum)
    self.assertGreater(ram["arena_required_bytes"], host_minimum // 3)
    self.assertLessEqual(ram["arena_used_bytes"], ram["arena_required_bytes"])
    self.assertLessEqual(ram["arena_required_bytes_inputs_reused"],
                         ram["arena_required_bytes"])
    self.assertGreaterEqual(ram["arena_given_bytes"], host_minimum)
    self.assertGreater(ram["interpreter_bytes"], 100)
    # Static RAM holds at least the arena and the interpreter.
    self.assertGreaterEqual(ram["static_data_bss"]["ours"],
                            ram["arena_given_bytes"] + ram["interpreter_bytes"])
    self.assertGreater(ram["stack_high_water_bytes"], ram["stack_at_main_bytes"])
    self.assertLess(ram["stack_high_water_bytes"], 16 * 1024)
    self.assertEqual(ram["heap_used_bytes"], 0)

  def test_invoke_instructions(self):
    invoke = self.report["invoke"]
    self.assertEqual(invoke["ticks_per_second"], 25_000_000)  # mps2-an386
    self.assertEqual(invoke["resolution_instructions"], 40)
    self.assertEqual(invoke["instructions"], invoke["ticks"] * 40)
    self.assertGreater(invoke["instructions"], 500)
    self.assertLess(invoke["instructions"], 1_000_000)

  def test_report_text(self):
    text = footprint.format_report(self.report)
    for words in ("Flash", "model data", "C library", "arena needed",
                  "stack high-water mark", "instructions",
                  "QEMU counts instructions, not cycles", "Largest"):
      self.assertIn(words, text)

  def test_command_line_json(self):
    # The command line end to end (without --json's build being repeated:
    # --help is enough to see the command is wired; the report above is the
    # same function's).
    result = subprocess.run(
        [sys.executable, "-c",
         "import sys; from tflite_micro.python.tflite_micro import cli; "
         "sys.exit(cli.main(sys.argv[1:]))", "size", "--help"],
        capture_output=True, text=True, check=False,
        env=dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path)))
    self.assertEqual(result.returncode, 0, result.stderr)
    self.assertIn("--strip-errors", result.stdout)
    self.assertIn("--no-model-checks", result.stdout)
    json.dumps(self.report)  # the --json output is this dict
    self.assertIsNotNone(cli.build_parser())


if __name__ == "__main__":
  absltest.main()
