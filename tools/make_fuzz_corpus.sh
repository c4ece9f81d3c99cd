#!/usr/bin/env bash
# Regenerates the fuzzers' seed corpus of generated models,
# tensorflow/lite/micro/fuzz/seeds/: every model the kernel and runtime tests
# build (model_builder keeps a copy when TFLITE_MICRO_DUMP_MODELS is set),
# reduced by libFuzzer's merge to the models that add coverage. ../shared's
# models are not copied here; tools/fuzz.sh adds them at run time. Then
# custom_op_fuzzer's seeds, tensorflow/lite/micro/fuzz/custom_op_seeds/.
#
#   bash tools/make_fuzz_corpus.sh
set -euo pipefail
cd "$(dirname "$0")/.."

targets=(//tensorflow/lite/micro/kernels/... //python/tflite_micro:all
         //examples/...)
bazel test --test_env=TFLITE_MICRO_DUMP_MODELS=test_outputs "${targets[@]}" \
  >/tmp/tflite_micro_corpus_tests.log 2>&1 || {
  echo "some tests failed (models are collected anyway); see" \
    "/tmp/tflite_micro_corpus_tests.log"
}

raw=$(mktemp -d)
trap 'rm -rf "$raw"' EXIT
testlogs=$(bazel info bazel-testlogs 2>/dev/null)
find "$testlogs/" -path '*test.outputs/outputs.zip' -print0 |
  while IFS= read -r -d '' zip; do
    python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' \
      "$zip" "$raw"
  done
# Models over 64 KiB slow the fuzzer down more than they add.
find "$raw" -type f -size +64k -delete
echo "collected $(find "$raw" -name '*.tflite' | wc -l) models"

bash tools/fuzz.sh build
seeds=tensorflow/lite/micro/fuzz/seeds
rm -rf "$seeds"
mkdir -p "$seeds"
# Plain edge coverage (no hit counters) keeps the set small.
build/fuzz/model_fuzzer -merge=1 -use_counters=0 -rss_limit_mb=4096 -timeout=30 \
  -max_len=400000 "$seeds" "$raw" 2>&1 | tail -n 3
# libFuzzer names files by content hash; keep the .tflite suffix.
for f in "$seeds"/*; do
  [[ $f == *.tflite ]] || mv "$f" "$f.tflite"
done
echo "$(ls "$seeds" | wc -l) seeds in $seeds"

# custom_op_fuzzer's seeds: one-op models of the signal and MediaPipe ops.
custom=tensorflow/lite/micro/fuzz/custom_op_seeds
rm -rf "$custom"
bazel run //tensorflow/lite/micro/fuzz:make_custom_op_seeds -- "$PWD/$custom"
