"""Each firmware example prints, under QEMU, exactly what its host build
prints: the same outputs on the same inputs, bit for bit, on every compared
Cortex-M core (M3, M4F, M55). Only the arena size differs (32-bit pointers
make the device's interpreter structs smaller); it is reported, not compared.
"""

import os
import subprocess
import sys

from absl.testing import absltest

CORES = ("cortex_m3", "cortex_m4", "cortex_m55")
WORKSPACE = "tflite_micro"


def _runfile(path):
  root = os.environ.get("TEST_SRCDIR", os.environ.get("RUNFILES_DIR", ".."))
  return os.path.join(root, WORKSPACE, path)


def _run(command):
  result = subprocess.run(command, capture_output=True, text=True,
                          timeout=600, check=False)
  return result.returncode, result.stdout, result.stderr


def _split(stdout):
  """(compared lines, arena line)."""
  lines = stdout.splitlines()
  compared = [line for line in lines if not line.startswith("arena used")]
  arena = [line for line in lines if line.startswith("arena used")]
  return compared, (arena[0] if arena else "")


class FirmwareMatchesHostTest(absltest.TestCase):

  def test_every_example(self):
    examples = sys.argv[1:] or []
    self.assertNotEmpty(examples)
    runner = _runfile("tools/qemu/run_firmware.sh")
    ran = 0
    for name in examples:
      with self.subTest(example=name):
        status, host_out, host_err = _run(
            [_runfile("examples/firmware/" + name)])
        self.assertEqual(status, 0, f"{name} (host): {host_out}{host_err}")
        if "was not available at build time" in host_out:
          print(f"{name}: {host_out.strip()}")
          continue
        host_lines, host_arena = _split(host_out)
        self.assertTrue(any(line.startswith("run 2 output")
                            for line in host_lines), host_out)
        for core in CORES:
          elf = _runfile(f"examples/firmware/{name}_{core}.elf")
          status, out, err = _run([runner, elf])
          self.assertEqual(status, 0, f"{name} on {core}: {out}{err}")
          lines, arena = _split(out)
          self.assertEqual(lines, host_lines,
                           f"{name}: {core} firmware differs from the host")
          print(f"{name}: {core} matches the host ({len(lines)} lines); "
                f"{arena} on the device, host {host_arena[len('arena '):]}")
        ran += 1
    if ran == 0:
      self.skipTest("../shared is absent: no example had its model")


if __name__ == "__main__":
  # absltest reads flags from argv; the example names come first.
  names = [a for a in sys.argv[1:] if not a.startswith("-")]
  sys.argv[1:] = names
  absltest.main(argv=[sys.argv[0]])
