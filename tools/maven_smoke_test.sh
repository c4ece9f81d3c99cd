#!/usr/bin/env bash
# The Java API as a Maven user gets it, outside Bazel: installs
# org.tensorflow.lite.micro:tflite-micro into the local Maven repository
# (java/maven/install.sh), then builds and runs examples/java_maven (hello_world)
# with `mvn -o`. A first run without -o fetches the example's plugins from
# Maven Central when the local repository lacks them. Prints
# "maven smoke test: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

fail() {
  echo "maven smoke test: 0 passed, 1 failed ($1)"
  exit 1
}

if ! bash java/maven/install.sh -Dstyle.color=never; then
  fail "installing the artifact failed"
fi
# The JNI library inside needs no libstdc++ (linked statically).
needed=$(unzip -p bazel-bin/java/maven/tflite-micro-*.jar \
  org/tensorflow/lite/micro/native/libtflite_micro_jni.so > "${TMPDIR:-/tmp}/tflite_micro_jni.so" &&
  readelf -d "${TMPDIR:-/tmp}/tflite_micro_jni.so" | grep NEEDED)
rm -f "${TMPDIR:-/tmp}/tflite_micro_jni.so"
if grep -q "libstdc++" <<< "$needed"; then
  fail "the JNI library needs libstdc++: $needed"
fi
models="$PWD/bazel-bin/java/testdata/sine_float.tflite $PWD/bazel-bin/java/testdata/sine_int8.tflite"
bazel build //java:test_models || fail "the test models did not build"
if [[ -f ../shared/models/hello_world_float.tflite ]]; then
  models="$models $(cd .. && pwd)/shared/models/hello_world_float.tflite"
fi
log=$(mktemp /tmp/tflite_micro_maven.XXXXXX)
trap 'rm -f "$log"; rm -rf examples/java_maven/target' EXIT
run() {
  (cd examples/java_maven &&
    mvn -B -q -Dstyle.color=never "$@" clean compile exec:java -Dexec.args="$models") \
    > "$log" 2>&1
}
if ! run -o; then
  echo "(mvn -o failed; fetching the example's plugins once)"
  run || { cat "$log"; fail "the example did not build or run"; }
  run -o || { cat "$log"; fail "the example did not run with mvn -o"; }
fi
cat "$log"; echo
count=$(grep -c "^largest error" "$log")
expected=$(wc -w <<< "$models")
if [[ "$count" != "$expected" ]]; then
  fail "expected $expected models' predictions, got $count"
fi
# Every model predicts sin(x) within 0.2.
if awk '/^largest error/ { if ($3 > 0.2) bad = 1 } END { exit !bad }' "$log"; then
  fail "a prediction is off by more than 0.2"
fi
echo "maven smoke test: 1 passed, 0 failed"
