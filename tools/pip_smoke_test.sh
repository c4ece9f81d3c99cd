#!/usr/bin/env bash
# Installs the package with pip (no Bazel) into a fresh virtual environment and
# runs the seed usage against it. Prints "pip smoke test: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

# A fresh build: setuptools would reuse objects compiled with other flags.
# (Only setuptools' directories: build/fuzz keeps the fuzzers' crash inputs.)
rm -rf build/lib.* build/temp.* build/bdist.* build/generated
venv=$(mktemp -d /tmp/tflite_micro_pip.XXXXXX)
trap 'rm -rf "$venv"' EXIT
# System site-packages provide numpy and the build tools set-up installed.
python3 -m venv --system-site-packages "$venv"
if ! "$venv/bin/pip" install -q --no-build-isolation --disable-pip-version-check . ; then
  echo "pip smoke test: 0 passed, 1 failed (pip install failed)"
  exit 1
fi
# A custom-op library built outside Bazel against the installed headers (the
# command the README documents).
include=$("$venv/bin/python" -c 'import tflite_micro; print(tflite_micro.get_include())')
if ! g++ -std=c++17 -O2 -fPIC -shared examples/custom_op/soft_threshold.cc \
    -I"$include" -I. -DFLATBUFFERS_LOCALE_INDEPENDENT=0 \
    -o "$venv/libsoft_threshold.so"; then
  echo "pip smoke test: 0 passed, 1 failed (custom op library did not build)"
  exit 1
fi
# The signal op package (TFLM's audio front end), built the same way.
signal_sources=$(ls signal/src/*.cc signal/micro/kernels/*.cc | grep -v '_test\.cc$')
if ! g++ -std=c++17 -O2 -fPIC -shared $signal_sources \
    -I"$include" -I. -DFLATBUFFERS_LOCALE_INDEPENDENT=0 \
    -o "$venv/libsignal_ops.so"; then
  echo "pip smoke test: 0 passed, 1 failed (signal op library did not build)"
  exit 1
fi
# Run from outside the source tree so the installed package is what imports.
repo=$PWD
cd /tmp && "$venv/bin/python" "$repo/tools/pip_smoke_test.py" "$repo/../shared" \
  "$venv/libsoft_threshold.so" "$venv/libsignal_ops.so"
