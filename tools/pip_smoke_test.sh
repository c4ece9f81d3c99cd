#!/usr/bin/env bash
# Builds the wheel with `pip wheel .` (no Bazel), installs it into a fresh
# virtual environment and runs the seed usage, TFLM's API and the op packages
# against it. Prints "pip smoke test: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

# A fresh build: setuptools would reuse objects compiled with other flags.
# (Only setuptools' directories: build/fuzz keeps the fuzzers' crash inputs.)
rm -rf build/lib.* build/temp.* build/bdist.* build/generated
# Through ccache when installed (tools/setup.sh does): CI's runs then
# recompile only the sources that changed.
if command -v ccache >/dev/null; then
  export CC="ccache ${CC:-gcc}" CXX="ccache ${CXX:-g++}" CCACHE_BASEDIR="$PWD"
fi
venv=$(mktemp -d /tmp/tflite_micro_pip.XXXXXX)
trap 'rm -rf "$venv"' EXIT
# `pip wheel .` makes the wheel a user would install (version, metadata,
# headers, the op packages compiled in); the fresh venv installs that file.
# System site-packages provide numpy and the build tools set-up installed.
if ! python3 -m pip wheel -q --no-build-isolation --no-deps --disable-pip-version-check \
    -w "$venv/dist" . ; then
  echo "pip smoke test: 0 passed, 1 failed (pip wheel failed)"
  exit 1
fi
wheel=$(ls "$venv"/dist/tflite_micro_runtime-*.whl 2>/dev/null | head -1)
python3 -m venv --system-site-packages "$venv/env"
if [ -z "$wheel" ] || ! "$venv/env/bin/pip" install -q --no-deps \
    --disable-pip-version-check "$wheel" ; then
  echo "pip smoke test: 0 passed, 1 failed (installing the wheel failed)"
  exit 1
fi
# A custom-op library built outside Bazel against the installed headers (the
# command the README documents).
include=$("$venv/env/bin/python" -c 'import tflite_micro; print(tflite_micro.get_include())')
if ! g++ -std=c++17 -O2 -fPIC -shared examples/custom_op/soft_threshold.cc \
    -I"$include" -I. -DFLATBUFFERS_LOCALE_INDEPENDENT=0 \
    -o "$venv/libsoft_threshold.so"; then
  echo "pip smoke test: 0 passed, 1 failed (custom op library did not build)"
  exit 1
fi
# Run from outside the source tree so the installed package is what imports.
repo=$PWD
cd /tmp && "$venv/env/bin/python" "$repo/tools/pip_smoke_test.py" \
  "$repo/../shared" "$venv/libsoft_threshold.so" "$wheel"
