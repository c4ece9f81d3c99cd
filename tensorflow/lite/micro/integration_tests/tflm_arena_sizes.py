"""Prints TFLM's arena totals for the shared models as JSON.

Run with the PyPI tflite-micro wheel's Python (its own venv, since that
package is also named tflite_micro), from the repository root:

    /opt/tflm-venv/bin/python \\
        tensorflow/lite/micro/integration_tests/tflm_arena_sizes.py \\
        ../shared/models > tensorflow/lite/micro/integration_tests/testdata/tflm_arena_sizes.json

Each model is loaded in a child process (the wheel prints its allocation
report from C++); the number is the "Arena allocation total" of
print_allocations() after one invoke with zero inputs.
"""

import json
import os
import re
import subprocess
import sys

CHILD = r"""
import sys
import numpy as np
from tflite_micro.python.tflite_micro import runtime
interpreter = runtime.Interpreter.from_file(sys.argv[1])
for i in range(16):
  try:
    details = interpreter.get_input_details(i)
  except Exception:  # past the last input
    break
  interpreter.set_input(np.zeros(details["shape"], details["dtype"]), i)
interpreter.invoke()
sys.stdout.flush()
interpreter.print_allocations()
"""


def main():
  models_dir = sys.argv[1] if len(sys.argv) > 1 else "../shared/models"
  sizes = {}
  for name in sorted(os.listdir(models_dir)):
    if not name.endswith(".tflite"):
      continue
    proc = subprocess.run([sys.executable, "-c", CHILD,
                           os.path.join(models_dir, name)],
                          capture_output=True, text=True)
    match = re.search(r"Arena allocation total (\d+) bytes",
                      proc.stdout + proc.stderr)
    if match:
      sizes[name] = int(match.group(1))
    else:
      print(f"{name}: no allocation report", file=sys.stderr)
  import tflite_micro  # the wheel's version, for the record
  version = getattr(tflite_micro, "__version__", None)
  if version is None:
    try:
      from importlib import metadata
      version = metadata.version("tflite-micro")
    except Exception:  # pylint: disable=broad-except
      version = "unknown"
  json.dump({"tflite_micro_version": version, "arena_total_bytes": sizes},
            sys.stdout, indent=1, sort_keys=True)
  print()


if __name__ == "__main__":
  main()
