#!/usr/bin/env bash
# list_double_calls.sh names the functions that call double routines: a
# small Cortex-M3 program with one function doing double arithmetic and
# calling floor, one promoting a float, one converting a float to a 64-bit
# integer (a libgcc routine made of double arithmetic), one in float only. Skips (passing)
# where the arm-none-eabi toolchain is not installed.
set -euo pipefail

script="$(dirname "$0")/list_double_calls.sh"
if [[ -n "${TEST_SRCDIR:-}" ]]; then
  script="$TEST_SRCDIR/tflite_micro/tensorflow/lite/micro/soft_double/list_double_calls.sh"
fi
for tool in arm-none-eabi-g++ arm-none-eabi-objdump; do
  if ! command -v "$tool" >/dev/null; then
    echo "SKIP: $tool not installed (apt-get install gcc-arm-none-eabi)"
    exit 0
  fi
done

work="${TEST_TMPDIR:-$(mktemp -d)}"
cat >"$work/demo.cc" <<'SOURCE'
#include <cmath>
namespace demo {
__attribute__((noinline)) double Scale(double x, int n) {
  return std::floor(x * n) + 0.5;
}
__attribute__((noinline)) float Promote(float x) {
  return static_cast<float>(x * 0.1);
}
__attribute__((noinline)) float Halve(float x) { return x * 0.5f; }
__attribute__((noinline)) long long Widen(float x) {
  return static_cast<long long>(x);
}
}  // namespace demo
extern "C" int Entry(int n) {
  return static_cast<int>(demo::Scale(n, 3)) +
         static_cast<int>(demo::Promote(static_cast<float>(n))) +
         static_cast<int>(demo::Halve(static_cast<float>(n))) +
         static_cast<int>(demo::Widen(static_cast<float>(n)));
}
SOURCE
arm-none-eabi-g++ -mcpu=cortex-m3 -mthumb -mfloat-abi=soft -O2 \
  -ffunction-sections -nostartfiles -Wl,--entry=Entry -Wl,--gc-sections \
  -o "$work/demo.elf" "$work/demo.cc" -lm

output=$(bash "$script" "$work/demo.elf")
echo "$output"
fail() {
  echo "FAIL: $*"
  exit 1
}
grep -q '^demo::Scale(double, int): .*__aeabi_dmul 1' <<<"$output" ||
  fail "Scale's multiplication is not listed"
grep -q '^demo::Scale(double, int): .*floor 1' <<<"$output" ||
  fail "Scale's floor call is not listed"
grep -q '^demo::Promote(float): .*__aeabi_f2d 1' <<<"$output" ||
  fail "Promote's float-to-double conversion is not listed"
if grep -q 'Halve' <<<"$output"; then fail "Halve uses no double"; fi
grep -q '^demo::Widen(float): __aeabi_f2lz\* 1$' <<<"$output" ||
  fail "Widen's float to 64-bit conversion is not marked"
# C functions only with --all (Entry converts int to double for Scale).
if grep -q '^Entry' <<<"$output"; then fail "Entry listed without --all"; fi
grep -q '^Entry: .*__aeabi_i2d' <<<"$(bash "$script" --all "$work/demo.elf")" ||
  fail "Entry is not listed with --all"
[[ $(bash "$script" --symbols | grep -c .) -gt 50 ]] ||
  fail "--symbols lists too few routines"
echo "PASS"
