"""tflite_micro: a micro interpreter for .tflite models.

    import tflite_micro
    interpreter = tflite_micro.runtime.Interpreter.from_file("model.tflite")

`runtime` is imported on first use, so that the tools that need no native
module (e.g. `tflite-micro resolver`) do not load it.
"""

import importlib
import os

__version__ = "0.1.0"

__all__ = ["runtime", "__version__", "get_include"]


def get_include():
  """Directory of the C++ headers for building custom-op libraries against
  the pip-installed runtime (see README, "Custom ops")."""
  return os.path.join(os.path.dirname(os.path.abspath(__file__)), "include")


def __getattr__(name):
  if name == "runtime":
    return importlib.import_module(".runtime", __name__)
  raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
