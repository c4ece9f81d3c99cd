#!/usr/bin/env bash
# libFuzzer targets over untrusted models and inputs, built with clang++ and
# -fsanitize=fuzzer,address,undefined (Bazel here has no clang toolchain).
#
#   bash tools/fuzz.sh build                 # -> build/fuzz/{model,input,
#                                            #    structure,custom_op}_fuzzer
#   bash tools/fuzz.sh run SECONDS [JOBS]    # each fuzzer SECONDS (split over
#                                            # JOBS processes); fails on a crash
#   bash tools/fuzz.sh regress               # replay the crash corpus + seeds
#   bash tools/fuzz.sh mutants COUNT         # COUNT mutants of each shared
#                                            # model, run once each
#
# Seeds: ../shared/models (when present; TFLM_SHARED_DIR names another
# shared/) plus tensorflow/lite/micro/fuzz/seeds (generated models;
# tools/make_fuzz_corpus.sh remakes them) and, for custom_op_fuzzer,
# fuzz/custom_op_seeds. The growing corpus lives in build/fuzz/corpus/; a
# crash leaves its input in build/fuzz/crashes/ (add it to
# tensorflow/lite/micro/fuzz/crashers/ once fixed, and the regression test
# replays it).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=build/fuzz
SEEDS=tensorflow/lite/micro/fuzz/seeds
CUSTOM_OP_SEEDS=tensorflow/lite/micro/fuzz/custom_op_seeds
CRASHERS=tensorflow/lite/micro/fuzz/crashers
SHARED_MODELS=${TFLM_SHARED_DIR:-../shared}/models
# The names of the signal and MediaPipe ops, as a model's bytes hold them.
CUSTOM_OPS='Signal[A-Z]|Convolution2DTransposeBias|MaxPoolingWithArgmax2D|MaxUnpooling2D|TransformLandmarks|TransformTensorBilinear|Landmarks2TransformMatrix'

build() {
  if ! command -v clang++ >/dev/null; then
    echo "fuzz.sh: clang++ is missing (apt-get install clang libclang-rt-14-dev)" >&2
    exit 1
  fi
  # ccache (fuzz.mk uses it when installed) may hit across checkouts.
  CCACHE_BASEDIR=$PWD CCACHE_NOHASHDIR=true \
    make -s -f tools/fuzz.mk -j2 OUT="$OUT" all
}

# The fixed models of the input fuzzer: the shared ones and the seeds.
input_models() {
  local dir=$OUT/input_models
  rm -rf "$dir"
  mkdir -p "$dir"
  if compgen -G "$SHARED_MODELS/*.tflite" >/dev/null; then
    cp "$SHARED_MODELS"/*.tflite "$dir"/
  fi
  cp "$SEEDS"/*.tflite "$dir"/
  echo "$dir"
}

# The shared models with custom ops (the audio preprocessors' signal ops,
# MediaPipe's), for custom_op_fuzzer: libFuzzer takes directories only.
custom_op_models() {
  local dir=$OUT/custom_op_models
  rm -rf "$dir"
  mkdir -p "$dir"
  if [[ -d $SHARED_MODELS ]]; then
    grep -rlaE "$CUSTOM_OPS" --include='*.tflite' "$SHARED_MODELS" |
      xargs -r cp -t "$dir"
  fi
  echo "$dir"
}

# runs FUZZER SECONDS JOBS CORPUS SEED_DIRS...: prints "executions N" and
# returns non-zero on a crash.
run_one() {
  local fuzzer=$1 seconds=$2 jobs=$3 corpus=$4
  shift 4
  local log=$OUT/logs/$fuzzer.log
  mkdir -p "$OUT/logs" "$OUT/crashes" "$corpus"
  local args=(-max_total_time="$seconds" -rss_limit_mb=4096 -timeout=20
              -max_len=400000 -print_final_stats=1
              -artifact_prefix="$OUT/crashes/$fuzzer-")
  local status=0
  if ((jobs > 1)); then
    args+=(-fork="$jobs")
  fi
  # FUZZ_SEED fixes libFuzzer's random choices (tools/test.sh: the same
  # mutations on every CI run); unset, every run explores anew.
  if [[ -n "${FUZZ_SEED:-}" ]]; then
    args+=(-seed="$FUZZ_SEED")
  fi
  "$OUT/$fuzzer" "${args[@]}" "$corpus" "$@" >"$log" 2>&1 || status=$?
  local executions
  # Fork mode reports totals in its status lines; a single process in its
  # final stats.
  executions=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" |
                 awk '{s += $2} END {print s + 0}')
  if ((jobs > 1)); then
    executions=$(grep -oE '#[0-9]+: cov' "$log" | tail -n 1 | tr -dc 0-9)
    executions=${executions:-0}
  fi
  echo "$fuzzer: $executions executions in ${seconds}s, exit status $status"
  if ((status != 0)) || grep -qE 'ERROR: (AddressSanitizer|libFuzzer)|runtime error:' "$log"; then
    echo "$fuzzer: CRASH; see $log and $OUT/crashes/" >&2
    grep -m 5 -E 'ERROR:|runtime error:|SUMMARY' "$log" >&2 || true
    return 1
  fi
}

run() {
  local seconds=${1:-30} jobs=${2:-1}
  build
  local shared=()
  [[ -d $SHARED_MODELS ]] && shared=("$SHARED_MODELS")
  local status=0
  run_one model_fuzzer "$seconds" "$jobs" "$OUT/corpus/model" \
    "$SEEDS" "$CRASHERS" "${shared[@]}" || status=1
  # Semantic edits of valid models (structure_fuzzer.cc); libFuzzer reads
  # the seed directories recursively, ../shared/models/mediapipe included.
  run_one structure_fuzzer "$seconds" "$jobs" "$OUT/corpus/structure" \
    "$SEEDS" "$CRASHERS" "${shared[@]}" || status=1
  # The signal and MediaPipe ops' options and operands.
  run_one custom_op_fuzzer "$seconds" "$jobs" "$OUT/corpus/custom_op" \
    "$CUSTOM_OP_SEEDS" "$(custom_op_models)" "$CRASHERS" || status=1
  TFLITE_MICRO_FUZZ_MODELS=$(input_models) \
    run_one input_fuzzer "$seconds" "$jobs" "$OUT/corpus/input" || status=1
  echo "fuzz.sh: $(ls "$CRASHERS" | wc -l) crashers kept in $CRASHERS" \
    "(replayed by fuzz_regression_test)"
  return $status
}

# Runs every crasher and seed once (what the Bazel regression test also does).
regress() {
  build
  "$OUT/model_fuzzer" -runs=0 "$CRASHERS" "$SEEDS" 2>&1 | tail -n 2
  "$OUT/structure_fuzzer" -runs=0 "$CRASHERS" "$SEEDS" 2>&1 | tail -n 2
  "$OUT/custom_op_fuzzer" -runs=0 "$CRASHERS" "$CUSTOM_OP_SEEDS" 2>&1 |
    tail -n 2
}

# COUNT structure-aware mutants of each shared model (mediapipe/ included;
# custom_op_fuzzer's mutator for models with signal or MediaPipe ops), each
# run once; prints how many ran and how many were rejected with a message,
# and fails on a crash.
mutants() {
  local count=${1:-100} status=0
  build
  mkdir -p "$OUT/logs" "$OUT/crashes"
  local model
  for model in "$SHARED_MODELS"/*.tflite "$SHARED_MODELS"/mediapipe/*.tflite; do
    [[ -f $model ]] || continue
    local name fuzzer=structure_fuzzer dir
    name=$(basename "$model" .tflite)
    grep -qaE "$CUSTOM_OPS" "$model" && fuzzer=custom_op_fuzzer
    dir=$(mktemp -d)
    cp "$model" "$dir"/
    local log=$OUT/logs/mutants-$name.log code=0
    # -runs counts the seed's own run too.
    TFLITE_MICRO_FUZZ_VERBOSE=1 "$OUT/$fuzzer" -seed=1 -runs=$((count + 1)) \
      -max_len=$(($(stat -c %s "$model") * 2)) -timeout=60 -rss_limit_mb=4096 \
      -print_final_stats=1 -artifact_prefix="$OUT/crashes/mutants-$name-" \
      "$dir" >"$log" 2>&1 || code=$?
    rm -rf "$dir"
    local executions rejected unparsed
    executions=$(grep -oE 'number_of_executed_units: *[0-9]+' "$log" |
                   tr -dc 0-9)
    rejected=$(grep -c '^rejected: ' "$log" || true)
    # Stacked mutations end in byte mutations once one breaks the flatbuffer.
    unparsed=$(grep -c '^rejected: .*not a well-formed' "$log" || true)
    echo "$name ($fuzzer): $((${executions:-1} - 1)) mutants and the model:" \
      "$((${executions:-0} - rejected)) ran, $rejected rejected with a" \
      "message ($unparsed by the flatbuffer verifier), exit status $code"
    ((code == 0)) || status=1
  done
  return $status
}

case "${1:-}" in
  build) build ;;
  run) shift; run "$@" ;;
  regress) regress ;;
  mutants) shift; mutants "$@" ;;
  *) sed -n '2,19p' "$0"; exit 2 ;;
esac
