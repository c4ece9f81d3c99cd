#!/usr/bin/env bash
# Builds the board self-test (selftest_test.cc with firmware_gtest) for each
# QEMU machine with plain arm-none-eabi-g++ command lines, and for the host
# with g++, runs it and checks what it reports: passing tests, a deliberate
# failure, file reads relative to the working directory, DebugLog output,
# the timer against -icount, the stack high-water mark, and faults that end
# the run with a message instead of a hang.
#
#   tensorflow/lite/micro/cortex_m_qemu/selftest.sh [CPU...]
#
# CPUs: cortex-m0plus cortex-m3 cortex-m4 cortex-m7 cortex-m55 host
# (default: all). Ends with "N passed, N failed"; exits non-zero on any
# failure. Needs gcc-arm-none-eabi, libnewlib-arm-none-eabi,
# libstdc++-arm-none-eabi-newlib and qemu-system-arm.
set -uo pipefail
cd "$(dirname "$0")/../../../.."

# ---------------------------------------------------------------------------
# The flags. A Bazel toolchain for these boards uses the same ones.
#
# Per CPU (Armv6-M images run on mps2-an385's Cortex-M3: QEMU has no MPS2
# machine with an M0/M0+; the startup traps unaligned accesses there as an
# M0+ would):
declare -A CPU_FLAGS=(
  [cortex-m0plus]="-mcpu=cortex-m0plus -mthumb -mfloat-abi=soft"
  [cortex-m3]="-mcpu=cortex-m3 -mthumb -mfloat-abi=soft"
  [cortex-m4]="-mcpu=cortex-m4 -mthumb -mfpu=fpv4-sp-d16 -mfloat-abi=hard"
  [cortex-m7]="-mcpu=cortex-m7 -mthumb -mfpu=fpv5-d16 -mfloat-abi=hard"
  [cortex-m55]="-mcpu=cortex-m55 -mthumb -mfloat-abi=hard"
)
declare -A MACHINE=(
  [cortex-m0plus]=mps2-an385
  [cortex-m3]=mps2-an385
  [cortex-m4]=mps2-an386
  [cortex-m7]=mps2-an500
  [cortex-m55]=mps3-an547
)
# Compiling (both for the boards and, minus -mthumb etc., the host):
COMPILE_FLAGS="-std=c++17 -Os -g -ffunction-sections -fdata-sections
  -fno-exceptions -fno-rtti -Wall -Wextra -Werror"
# Linking a board firmware: our startup instead of crt0 (-nostartfiles),
# full newlib (not nano: printf of floats and long long, as on the host),
# and the machine's linker script, found through -L. (Neither Debian's
# newlib nor its nano variant prints C99's %zu %zd %hhu %jd %td: it is
# built without C99 I/O formats. The project's MicroVsnprintf has them.)
BOARD_DIR=tensorflow/lite/micro/cortex_m_qemu
LINK_FLAGS="-nostartfiles -Wl,--gc-sections -L$BOARD_DIR"
# The board's own sources, and cortex_m_generic's DebugLog and micro_time:
BOARD_SOURCES="$BOARD_DIR/startup.cc $BOARD_DIR/syscalls.cc
  $BOARD_DIR/semihosting.cc $BOARD_DIR/fault_handlers.cc
  tensorflow/lite/micro/cortex_m_generic/debug_log.cc
  tensorflow/lite/micro/cortex_m_generic/micro_time.cc"
HOST_SOURCES="tensorflow/lite/micro/debug_log.cc
  tensorflow/lite/micro/micro_time.cc"
# ---------------------------------------------------------------------------

TEST_SOURCES="$BOARD_DIR/selftest_test.cc
  tensorflow/lite/micro/testing/firmware_gtest/firmware_gtest.cc
  tensorflow/lite/micro/micro_log.cc tensorflow/lite/micro/micro_format.cc"
INCLUDES="-I. -Itensorflow/lite/micro/testing/firmware_gtest/include"
RUN=tools/qemu/run_firmware.sh

cpus=("$@")
if [[ ${#cpus[@]} == 0 ]]; then
  cpus=(cortex-m0plus cortex-m3 cortex-m4 cortex-m7 cortex-m55 host)
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/cortex_m_qemu_selftest.XXXXXX")
trap 'rm -rf "$work"' EXIT
# The data the tests read, relative to the working directory.
mkdir -p "$work/data"
printf 'hello from the host\n' >"$work/data/hello.txt"
python3 -c 'import sys; sys.stdout.buffer.write(
    bytes((i * 31 + 7) & 255 for i in range(300 * 1024)))' \
  >"$work/data/model.bin"

passed=0
failed=0
pass() { echo "  ok: $*"; passed=$((passed + 1)); }
fail() { echo "  FAILED: $*"; failed=$((failed + 1)); }

# check NAME EXPECTED_STATUS 'PATTERN|...' COMMAND...: runs COMMAND in the
# work directory; wants that exit status and each |-separated extended
# regular expression somewhere in its stdout or stderr.
check() {
  local name=$1 want=$2 patterns=$3
  shift 3
  local log="$work/$name.log"
  (cd "$work" && "$@") >"$log" 2>&1
  local status=$?
  local ok=1
  [[ $status == "$want" ]] || ok=0
  local pattern
  IFS='|' read -ra pattern_list <<<"$patterns"
  for pattern in "${pattern_list[@]}"; do
    grep -Eq -- "$pattern" "$log" || { ok=0; echo "    missing: $pattern"; }
  done
  if [[ $ok == 1 ]]; then
    pass "$name (status $status)"
  else
    fail "$name: status $status, wanted $want; output:"
    sed 's/^/    | /' "$log" | tail -40
  fi
}

for cpu in "${cpus[@]}"; do
  echo "== $cpu"
  elf="$work/selftest_$cpu.elf"
  if [[ $cpu == host ]]; then
    # shellcheck disable=SC2086
    if ! g++ $COMPILE_FLAGS $INCLUDES $TEST_SOURCES $HOST_SOURCES \
      -o "$elf"; then
      fail "$cpu: build"
      continue
    fi
    run=("$elf")
  else
    machine=${MACHINE[$cpu]}
    # shellcheck disable=SC2086
    if ! arm-none-eabi-g++ ${CPU_FLAGS[$cpu]} $COMPILE_FLAGS $INCLUDES \
      $LINK_FLAGS -T"${machine//-/_}.ld" $TEST_SOURCES $BOARD_SOURCES \
      -o "$elf"; then
      fail "$cpu: build"
      continue
    fi
    run=("$PWD/$RUN" --machine="$machine" --timeout=120 "$elf")
    if [[ $cpu == cortex-m0plus ]]; then
      # The linker merges the objects' architecture attributes: Armv6-M
      # here means no Armv7-M code (say from a wrong library) slipped in,
      # so what the M3 ran, an M0+ runs too.
      if arm-none-eabi-readelf -A "$elf" | grep -q 'Tag_CPU_arch: v6S\?-M'; then
        pass "$cpu: the linked image is pure Armv6-M"
      else
        fail "$cpu: the linked image is not pure Armv6-M"
      fi
    fi
  fi
  passing='\[  PASSED  \] [0-9]+ tests\.|YOU HAVE [0-9]+ DISABLED TESTS?'
  passing+='|selftest: DebugLog works, 2 \+ 3 = 5|timer: [1-9][0-9]* ticks'
  check "$cpu-passing" 0 "$passing" "${run[@]}" --data_dir=data
  grep -E '^(timer|stack|heap):' "$work/$cpu-passing.log" | sed 's/^/    /'
  failing='a deliberate failure|Expected equality of these values'
  failing+='|\[  FAILED  \] DISABLED_Deliberate\.Fails|1 FAILED TEST'
  check "$cpu-deliberate-failure" 1 "$failing" "${run[@]}" \
    --gtest_also_run_disabled_tests --gtest_filter=DISABLED_Deliberate.Fails
  [[ $cpu == host ]] && continue

  check "$cpu-icount-timer" 0 'timer: [0-9]+ ticks|\[  PASSED  \] 1 test\.' \
    env QEMU_ICOUNT=1 "${run[@]}" --gtest_filter=SelfTest.TimerTicksAdvance \
    --data_dir=data --icount
  grep -E '^timer:' "$work/$cpu-icount-timer.log" | sed 's/^/    icount: /'

  # fault NAME STATUS PATTERNS TEST runs DISABLED_Deliberate.TEST.
  fault() {
    check "$cpu-$1" "$2" "$3" "${run[@]}" --gtest_also_run_disabled_tests \
      "--gtest_filter=DISABLED_Deliberate.$4"
  }
  if [[ $cpu == cortex-m0plus ]]; then
    # Armv6-M images do not enable the configurable faults: all escalate
    # to HardFault; the M3 underneath still records why in CFSR.
    fault bus-fault 135 'fault: HardFault|PRECISERR|BFAR 0xf0000000' BusFault
    fault undefined-instruction 132 'fault: HardFault|UNDEFINSTR' \
      UndefinedInstruction
    fault unaligned 135 'fault: HardFault|UNALIGNED' UnalignedWordOnArmv6m
    fault stack-overflow 139 'fault: HardFault|stack overflow' StackOverflow
  else
    fault bus-fault 135 'fault: BusFault|PRECISERR|BFAR 0xf0000000|pc 0x' \
      BusFault
    fault undefined-instruction 132 'fault: UsageFault|UNDEFINSTR|pc 0x' \
      UndefinedInstruction
    fault divide-by-zero 136 'fault: UsageFault|DIVBYZERO' DivideByZero
    if [[ $cpu == cortex-m55 ]]; then
      fault stack-overflow 139 'fault: UsageFault|STKOF|stack overflow' \
        StackOverflow
    else
      fault stack-overflow 139 'fault: MemManage|DACCVIOL|stack overflow' \
        StackOverflow
    fi
  fi
done

echo "$passed passed, $failed failed"
[[ $failed == 0 ]]
