#!/usr/bin/env bash
# Installs everything this project needs on a Debian 12 machine. Run as root;
# safe to run again. Only Debian packages and PyPI are used (and Maven
# Central, by the Maven smoke test's first mvn run).
set -euo pipefail

export DEBIAN_FRONTEND=noninteractive
APT_PACKAGES=(
  bazel-bootstrap        # Bazel 4.2.3 (works offline with third_party/ shims)
  flatbuffers-compiler   # flatc: schema code is generated at build time
  libflatbuffers-dev     # flatbuffers headers
  libgtest-dev           # GoogleTest for the C++ tests
  g++
  python3-dev
  openjdk-17-jdk-headless
  junit4                 # JUnit for the Java tests
  maven                  # mvn: the Maven example (its plugins come from Maven Central)
  clang                  # fuzzers and sanitizers
  libclang-rt-14-dev
  ccache                 # keeps the fuzz build (clang, outside Bazel) warm in CI
  make                   # tflite-micro export / size build their trees with
  cmake                  # make and cmake (and their tests do)
  gcc-arm-none-eabi      # Cortex-M firmware: GCC 12.2 for arm-none-eabi,
  libnewlib-arm-none-eabi        # its C library,
  libstdc++-arm-none-eabi-newlib # its C++ library,
  qemu-system-arm        # and the MPS2/MPS3 machines the firmware runs on
)

missing=()
for package in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$package")
done
if ((${#missing[@]})); then
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The python3 on PATH is the one Bazel's tests and the pip package use.
python3 -m pip install -q --disable-pip-version-check \
  -r "$(dirname "$0")/../requirements.txt"

echo "setup: done ($(bazel --version 2>/dev/null || echo bazel), $(flatc --version), $(python3 --version)," \
  "$(arm-none-eabi-gcc --version | head -1), $(qemu-system-arm --version | head -1))"
