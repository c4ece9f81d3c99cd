#!/usr/bin/env bash
# Runs a bare-metal Cortex-M ELF (built with tensorflow/lite/micro/
# cortex_m_qemu) under qemu-system-arm with semihosting, and exits with the
# firmware's own exit status.
#
#   run_firmware.sh [--machine=NAME] [--icount] [--timeout=SECONDS] ELF [ARG...]
#
# Also a Bazel --run_under wrapper: Bazel runs `run_firmware.sh <test>
# <test args>` in the test's runfiles directory, and QEMU keeps that working
# directory, so the firmware's relative fopen() paths resolve there.
#
# Machine: --machine, else $QEMU_MACHINE, else chosen from the CPU the ELF
# was built for (Cortex-M0/M0+/M3 -> mps2-an385, M4 -> mps2-an386,
# M7 -> mps2-an500, M55 -> mps3-an547), else mps2-an386.
# --icount (or QEMU_ICOUNT=1) adds `-icount shift=0`: every instruction
# advances virtual time by 1 ns, so timer ticks count instructions (see
# tensorflow/lite/micro/cortex_m_qemu/selftest.sh for the conversion).
# Timeout: --timeout, else $QEMU_TIMEOUT_SECONDS, else 300; then QEMU is
# killed and the run fails (status 124) saying the firmware hung.
# $QEMU_SYSTEM_ARM names another QEMU binary.
set -uo pipefail

die() {
  echo "run_firmware.sh: $*" >&2
  exit 2
}

machine="${QEMU_MACHINE:-}"
icount="${QEMU_ICOUNT:-0}"
timeout_seconds="${QEMU_TIMEOUT_SECONDS:-300}"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --machine=*) machine="${1#--machine=}" ;;
    --machine) shift; machine="${1:-}" ;;
    --icount) icount=1 ;;
    --timeout=*) timeout_seconds="${1#--timeout=}" ;;
    --) shift; break ;;
    -*) die "unknown option $1" ;;
    *) break ;;
  esac
  shift
done
usage="run_firmware.sh [--machine=NAME] [--icount] [--timeout=SECONDS] ELF [ARG...]"
[[ $# -ge 1 ]] || die "usage: $usage"
elf="$1"
[[ -f "$elf" ]] || die "no such firmware file: $elf"
[[ "$timeout_seconds" =~ ^[0-9]+$ ]] || die "bad timeout: $timeout_seconds"

# The machine for the CPU the ELF's build attributes name. Linked images
# carry the merged architecture, not -mcpu: an FPv5 FPU marks the M7.
machine_for_elf() {
  local readelf attributes
  readelf=$(command -v arm-none-eabi-readelf || command -v readelf) || return
  attributes=$("$readelf" -A "$1" 2>/dev/null) || return
  case "$attributes" in
    *'Tag_CPU_arch: v8.1-M.mainline'*) echo mps3-an547 ;;
    *'Tag_CPU_arch: v7E-M'*'Tag_FP_arch: FPv5'*) echo mps2-an500 ;;
    *'Tag_CPU_arch: v7E-M'*) echo mps2-an386 ;;
    *'Tag_CPU_arch: v7'* | *'Tag_CPU_arch: v6S-M'* | *'Tag_CPU_arch: v6-M'*)
      echo mps2-an385 ;;
  esac
}
if [[ -z "$machine" ]]; then
  machine=$(machine_for_elf "$elf")
  machine="${machine:-mps2-an386}"
fi

# Bazel's --test_filter arrives as TESTBRIDGE_TEST_ONLY, which the firmware
# cannot read (it has no environment): hand it over as GoogleTest's flag.
args=("${@:2}")
if [[ -n "${TESTBRIDGE_TEST_ONLY:-}" &&
  " ${args[*]-} " != *" --gtest_filter="* ]]; then
  args+=("--gtest_filter=$TESTBRIDGE_TEST_ONLY")
fi

# QEMU joins the arg= values with single spaces, and the firmware splits
# its command line at spaces, so an argument can hold neither a space nor
# be empty. Commas are doubled: QEMU's option syntax escapes them so.
semihosting="enable=on,target=native"
for arg in "$elf" ${args[@]+"${args[@]}"}; do
  if [[ -z "$arg" || "$arg" =~ [[:space:]] ]]; then
    die "cannot pass '$arg' through semihosting (empty or has whitespace)"
  fi
  semihosting+=",arg=${arg//,/,,}"
done

qemu="${QEMU_SYSTEM_ARM:-qemu-system-arm}"
command -v "$qemu" >/dev/null ||
  die "$qemu not found (apt-get install qemu-system-arm)"
qemu_args=(-M "$machine" -nographic -monitor none -serial none
  -semihosting-config "$semihosting" -kernel "$elf")
if [[ "$icount" == 1 ]]; then
  qemu_args+=(-icount shift=0)
fi
if [[ "${RUN_FIRMWARE_VERBOSE:-0}" == 1 ]]; then
  echo "run_firmware.sh: $qemu ${qemu_args[*]}" >&2
fi

# QEMU runs in the background so a watchdog can stop it. The watchdog
# exits 0 when told to stand down in time and 1 once it has fired. (Sleeps
# run in the background so that TERM is handled at once.)
"$qemu" "${qemu_args[@]}" &
qemu_pid=$!
watchdog() {
  local sleep_pid=""
  trap 'kill $sleep_pid 2>/dev/null; exit 0' TERM
  sleep "$timeout_seconds" &
  sleep_pid=$!
  wait "$sleep_pid"
  trap 'kill $sleep_pid 2>/dev/null; exit 1' TERM
  kill -TERM "$qemu_pid" 2>/dev/null
  sleep 5 &
  sleep_pid=$!
  wait "$sleep_pid"
  kill -KILL "$qemu_pid" 2>/dev/null
  exit 1
}
watchdog </dev/null >/dev/null 2>&1 &
watchdog_pid=$!
# Interrupted (Ctrl-C, or Bazel's own timeout): take QEMU down with us.
trap 'kill -TERM "$qemu_pid" "$watchdog_pid" 2>/dev/null; exit 143' TERM
trap 'kill -TERM "$qemu_pid" "$watchdog_pid" 2>/dev/null; exit 130' INT

wait "$qemu_pid"
status=$?
kill -TERM "$watchdog_pid" 2>/dev/null
wait "$watchdog_pid"
if [[ $? -eq 1 ]]; then
  echo "run_firmware.sh: $elf did not finish within ${timeout_seconds}s on" \
    "$machine: the firmware hung (or is too slow: raise" \
    "QEMU_TIMEOUT_SECONDS). QEMU was killed." >&2
  exit 124
fi
exit "$status"
