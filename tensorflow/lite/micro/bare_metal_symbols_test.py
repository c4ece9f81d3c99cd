"""The core's libraries, built for a Cortex-M core, reference nothing a
bare-metal device lacks or the core must not use: no heap (malloc, new),
no exceptions or RTTI machinery, no threads or thread-local storage, no
dynamic loading, no files. Their undefined symbols (arm-none-eabi-nm -u)
prove it for every object, whatever the tests exercise.

The archives are built for Cortex-M4F by transition (bazel test //...).
"""

import os
import re
import subprocess
import sys

from absl.testing import absltest

# Undefined symbols the core may not have, by why.
FORBIDDEN = {
    "heap": re.compile(r"^(malloc|calloc|realloc|free|_malloc_r|_free_r|"
                       r"_calloc_r|_realloc_r|aligned_alloc|posix_memalign|"
                       r"_Znwj|_Znaj|_ZdlPv|_ZdaPv|_ZdlPvj|_ZdaPvj|"
                       r"_ZnwjRKSt9nothrow_t|_ZnajRKSt9nothrow_t)$"),
    "exceptions": re.compile(r"^(__cxa_throw|__cxa_begin_catch|__cxa_end_catch|"
                             r"__cxa_allocate_exception|__cxa_rethrow|"
                             r"__gxx_personality_v0|_Unwind_Resume|"
                             r"__cxa_guard_acquire|__cxa_guard_release|"
                             r"_ZSt9terminatev)$"),
    "RTTI": re.compile(r"^(_ZTVN10__cxxabiv1\w+|__dynamic_cast)$"),
    "threads": re.compile(r"^(__aeabi_read_tp|__tls_get_addr|pthread_\w+|"
                          r"__atomic_\w+|__sync_\w+)$"),
    "dynamic loading": re.compile(r"^(dlopen|dlsym|dlclose|dladdr)$"),
    "files and the environment": re.compile(
        r"^(fopen|fread|fwrite|fclose|open|_open|read|_read|getenv|exit|"
        r"abort|printf|fprintf|puts|vfprintf)$"),
}


def _runfiles_dir():
  return os.environ.get("TEST_SRCDIR", os.environ.get("RUNFILES_DIR", ".."))


class BareMetalSymbolsTest(absltest.TestCase):

  def test_core_libraries_reference_nothing_forbidden(self):
    archives = sys.argv[1:]
    self.assertNotEmpty(archives)
    problems = []
    for archive in archives:
      path = os.path.join(_runfiles_dir(), "tflite_micro", archive)
      self.assertTrue(os.path.exists(path), path)
      out = subprocess.run(
          ["arm-none-eabi-nm", "--undefined-only", "-A", path],
          capture_output=True, text=True, check=True).stdout
      for line in out.splitlines():
        # "archive:object:         U symbol"
        where, _, symbol = line.rpartition(" U ")
        symbol = symbol.strip()
        for why, pattern in FORBIDDEN.items():
          if pattern.match(symbol):
            obj = where.split(":")[1] if ":" in where else where
            problems.append(f"{os.path.basename(archive)}({obj}) uses "
                            f"{symbol} ({why})")
    self.assertEmpty(problems, "\n".join(problems))
    print(f"{len(archives)} archives checked")


if __name__ == "__main__":
  archives = [a for a in sys.argv[1:] if not a.startswith("-")]
  sys.argv[1:] = archives
  absltest.main(argv=[sys.argv[0]])
