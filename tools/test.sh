#!/usr/bin/env bash
# Runs every test: the fuzzers for a short fixed time, the C++ tests under
# AddressSanitizer + UndefinedBehaviorSanitizer, the whole Bazel suite, then
# the pip package's smoke test. Ends with a line "N passed, N failed" (test
# cases) and a non-zero status on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."

# 1. Fuzzing: each fuzzer 20 s over models and inputs (tools/fuzz.sh; the
#    README has the long run). A crash fails the run.
fuzz_log=/tmp/tflite_micro_fuzz.log
FUZZ_SEED=1 bash tools/fuzz.sh run 20 2>&1 | tee "$fuzz_log"
fuzz_status=${PIPESTATUS[0]}

# 2. The C++ tests under the sanitizers.
asan_log=/tmp/tflite_micro_asan_test.log
mapfile -t cc_tests < <(bazel query 'kind(cc_test, //...)' 2>/dev/null)
bazel test --config=asan --test_summary=short "${cc_tests[@]}" 2>&1 |
  tee "$asan_log"
asan_status=${PIPESTATUS[0]}

# 3. Everything, plainly built (last: its test logs are the ones counted).
bazel test --test_summary=short //... 2>&1 | tee /tmp/tflite_micro_bazel_test.log
bazel_status=${PIPESTATUS[0]}

pip_log=/tmp/tflite_micro_pip_smoke.log
bash tools/pip_smoke_test.sh 2>&1 | tee "$pip_log"
pip_status=${PIPESTATUS[0]}

python3 tools/summarize_tests.py --bazel_status "$bazel_status" \
  --pip_status "$pip_status" --pip_log "$pip_log" \
  --check "fuzzers=$fuzz_status" --check "sanitized C++ tests=$asan_status"
