#!/usr/bin/env bash
# Runs every test: the fuzzers for a short fixed time, the C++ tests under
# AddressSanitizer + UndefinedBehaviorSanitizer, the C++ tests as firmware
# under QEMU for each Cortex-M core, the whole Bazel suite, then the pip
# package's smoke test and the Maven example. Ends with a line "N passed,
# N failed" (test cases) and a non-zero status on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS
# Prints how long each step took, so the suite's budget can be watched.
step_done() { echo "test.sh: $1 done at $((SECONDS - started)) s"; }

# 1. Fuzzing: each of the four fuzzers 15 s over models and inputs
#    (tools/fuzz.sh; the README has the long run). A crash fails the run.
fuzz_log=/tmp/tflite_micro_fuzz.log
FUZZ_SEED=1 bash tools/fuzz.sh run 15 2>&1 | tee "$fuzz_log"
fuzz_status=${PIPESTATUS[0]}
step_done fuzzing

# 2. The C++ tests under the sanitizers.
asan_log=/tmp/tflite_micro_asan_test.log
# Firmware-only tests (target_compatible_with os:none) are skipped by the
# pattern; naming them explicitly would fail the build.
bazel test --config=asan --test_summary=short --build_tests_only \
  --test_lang_filters=cc //... 2>&1 |
  tee "$asan_log"
asan_status=${PIPESTATUS[0]}
step_done "sanitized tests"

# 3. The C++ tests as firmware for the Cortex-M cores, under QEMU
#    (tools/qemu/run_firmware.sh): M4F, M3, M55, M0+ and M7.
firmware_checks=()
for core in cortex_m4 cortex_m3 cortex_m55 cortex_m0plus cortex_m7; do
  log="/tmp/tflite_micro_${core}_test.log"
  # M3 takes M0+'s scalar kernels and M7 M4F's DSP kernels
  # (optimized/cpu.h), so the two longest suites, the randomized
  # optimized-vs-reference and op-matrix tests, run on M0+, M4F and M55 only.
  excluded=()
  if [[ $core == cortex_m3 || $core == cortex_m7 ]]; then
    excluded=(-//tensorflow/lite/kernels/internal:optimized_test
              -//tensorflow/lite/micro/fuzz:op_matrix_test)
  fi
  bazel test --config="$core" --test_summary=short -- //... "${excluded[@]}" \
    2>&1 | tee "$log"
  status=${PIPESTATUS[0]}
  testlogs=$(bazel info --config="$core" bazel-testlogs 2>/dev/null)
  firmware_checks+=(--firmware "$core=$status=$testlogs=$log")
  step_done "$core firmware"
done

# 4. Everything, plainly built (last: its test logs are the ones counted).
bazel test --test_summary=short //... 2>&1 | tee /tmp/tflite_micro_bazel_test.log
bazel_status=${PIPESTATUS[0]}
step_done "bazel test"

pip_log=/tmp/tflite_micro_pip_smoke.log
bash tools/pip_smoke_test.sh 2>&1 | tee "$pip_log"
pip_status=${PIPESTATUS[0]}
step_done "pip smoke test"

# The Java API from Maven: the artifact installed into the local Maven
# repository, and examples/java_maven run with mvn -o.
bash tools/maven_smoke_test.sh 2>&1 | tee /tmp/tflite_micro_maven_smoke.log
maven_status=${PIPESTATUS[0]}
step_done "maven smoke test"

python3 tools/summarize_tests.py --bazel_status "$bazel_status" \
  --bazel_log /tmp/tflite_micro_bazel_test.log \
  "${firmware_checks[@]}" \
  --pip_status "$pip_status" --pip_log "$pip_log" \
  --check "fuzzers=$fuzz_status" --check "sanitized C++ tests=$asan_status" \
  --check "maven example=$maven_status"
