#!/usr/bin/env bash
# The core and kernels are compiled with -fno-exceptions -fno-rtti: their
# object code neither throws, catches nor unwinds through C++ exception
# handling (no personality routine, no __cxa_* calls), and defines no RTTI
# (typeinfo _ZTI / _ZTS symbols). Arguments: the libraries to inspect.
set -euo pipefail
checked=0
failed=0
for lib in "$@"; do
  case "$lib" in *.a | *.so) ;; *) continue ;; esac
  checked=$((checked + 1))
  bad=$(nm -A "$lib" 2>/dev/null |
          grep -E '__gxx_personality_v0|__cxa_throw|__cxa_begin_catch|__cxa_allocate_exception| [VWTDRBUw] _ZT[IS]N6tflite' || true)
  if [[ -n $bad ]]; then
    echo "FAIL: $lib uses exceptions or RTTI:"
    echo "$bad" | head -n 10
    failed=$((failed + 1))
  fi
done
if ((checked == 0)); then
  echo "FAIL: no libraries given"
  exit 1
fi
echo "$checked libraries checked, $failed with exceptions or RTTI"
((failed == 0))
