#!/usr/bin/env bash
# Lists the functions of a linked Arm firmware (ELF) that call a
# double-precision routine: libgcc's software double helpers (__aeabi_dadd,
# __aeabi_d2iz, __aeabi_f2d, ...) and the C library's double math functions
# (exp, floor, pow, ...), as soft_double.bzl lists them. For diagnosis and
# documentation: it shows every call site the image contains, whether it
# runs at Invoke or in Prepare (integer_invoke_no_double_test is the gate
# that tells those apart).
#
#   list_double_calls.sh [--all] [--files] [--symbols] ELF
#
#   bazel build --config=cortex_m4 //tensorflow/lite/micro/soft_double:integer_invoke_no_double_test
#   tensorflow/lite/micro/soft_double/list_double_calls.sh \
#       bazel-bin/tensorflow/lite/micro/soft_double/integer_invoke_no_double_test
#
# Output: one line per calling function, "function: routine count, ...",
# sorted by function name. Routines marked * are float ones that libgcc
# builds from double helpers on some cores: float to 64-bit integer
# (__aeabi_f2lz, __aeabi_f2ulz) on Armv6-M and Armv7-M, 64-bit integer to
# float (__aeabi_l2f, __aeabi_ul2f) on Armv6-M. By default only the C++ functions are listed
# (the project's code, the C++ library and the test framework); --all also
# lists C functions (the C library calling the helpers from inside exp,
# printf and so on). --files follows each function with its source file,
# from the debug information of a firmware built with --copt=-g (kernels'
# Eval and Prepare functions live in anonymous namespaces and share their
# names); functions without debug information may show a wrong file.
# --symbols prints the routine names looked for and exits. Calls through the counting thunks (__wrap_S, in images linked with
# :double_call_counter) count as calls to S. Tail calls (b.w) count too.
#
# $OBJDUMP names the objdump to use (default arm-none-eabi-objdump).
set -euo pipefail

die() {
  echo "list_double_calls.sh: $*" >&2
  exit 2
}

all=0
files=0
symbols_only=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --all) all=1 ;;
    --files) files=1 ;;
    --symbols) symbols_only=1 ;;
    --) shift; break ;;
    -*) die "unknown option $1" ;;
    *) break ;;
  esac
  shift
done

# The routine names, from the list beside this script (under `bazel run`
# the runfiles hold it in the same place).
here=$(dirname "${BASH_SOURCE[0]}")
list="$here/soft_double.bzl"
if [[ ! -f "$list" && -n "${RUNFILES_DIR:-}" ]]; then
  list="$RUNFILES_DIR/tflite_micro/tensorflow/lite/micro/soft_double/soft_double.bzl"
fi
[[ -f "$list" ]] || die "cannot find soft_double.bzl beside $0"
# Every quoted name inside the two lists.
mapfile -t routines < <(awk '
  /^(SOFT_DOUBLE_HELPERS|LIBM_DOUBLE_FUNCTIONS) = \[/ { inside = 1; next }
  inside && /^\]/ { inside = 0 }
  inside && match($0, /"[^"]+"/) { print substr($0, RSTART + 1, RLENGTH - 2) }
' "$list")
[[ ${#routines[@]} -gt 0 ]] || die "no routine names in $list"
# Float routines made of double arithmetic in some libgcc builds.
hidden=(__aeabi_f2lz __aeabi_f2ulz __aeabi_l2f __aeabi_ul2f __fixsfdi
  __fixunssfdi __floatdisf __floatundisf)
if [[ "$symbols_only" == 1 ]]; then
  printf '%s\n' "${routines[@]}"
  exit 0
fi

[[ $# -eq 1 ]] || die "usage: list_double_calls.sh [--all] [--files] [--symbols] ELF"
elf="$1"
[[ -f "$elf" ]] || die "no such file: $elf"
objdump="${OBJDUMP:-arm-none-eabi-objdump}"
command -v "$objdump" >/dev/null ||
  die "$objdump not found (apt-get install binutils-arm-none-eabi)"

lines=()
if [[ "$files" == 1 ]]; then
  lines=(-l)
fi

# objdump -d prints each function as "<address> <name>:" and each call as
# "<address>:<tab>bl<tab><target> <name>" (with --no-show-raw-insn); -l adds
# "file:line" lines.
"$objdump" -d --no-show-raw-insn -C ${lines[@]+"${lines[@]}"} "$elf" |
  awk -v all="$all" -v names="${routines[*]}" -v hidden="${hidden[*]}" '
    BEGIN {
      n = split(names, list, " ")
      h = split(hidden, extra, " ")
      for (i = 1; i <= h; ++i) list[n + i] = extra[i]
      n += h
      for (i = 1; i <= n; ++i) wanted[list[i]] = 1
      for (i = 1; i <= h; ++i) star[extra[i]] = "*"
    }
    /^[0-9a-f]+ <.*>:$/ {
      fn = substr($0, index($0, "<") + 1)
      fn = substr(fn, 1, length(fn) - 2)
      file_pending = 1
      next
    }
    # The first source line of a function names its file (headers inlined
    # into it come later).
    file_pending && /^\/?[^ \t]+:[0-9]+( \(discriminator [0-9]+\))?$/ {
      file = $1
      sub(/:[0-9]+$/, "", file)
      sub(/^.*\/(tflite_micro|execroot\/[^\/]+|proc\/self\/cwd)\//, "", file)
      sub(/^\.\//, "", file)
      fn = fn " [" file "]"
      file_pending = 0
      next
    }
    /^ *[0-9a-f]+:\t(bl|blx|b|b\.w|b\.n)\t[0-9a-f]+ <[^>]+>$/ {
      target = $0
      sub(/^.*</, "", target)
      sub(/>$/, "", target)
      sub(/^__wrap_/, "", target)
      sub(/\+0x[0-9a-f]+$/, "", target)
      if (!(target in wanted)) next
      # C++ functions demangle to names with "(" (or "::").
      if (!all && fn !~ /[(]|::/) next
      count[fn, target]++
      if (!(fn in seen)) { seen[fn] = 1; order[++functions] = fn }
    }
    END {
      for (f = 1; f <= functions; ++f) {
        name = order[f]
        line = ""
        for (i = 1; i <= n; ++i) {
          if ((name, list[i]) in count) {
            line = line (line == "" ? "" : ", ") list[i] star[list[i]] " " \
                   count[name, list[i]]
          }
        }
        print name ": " line
      }
    }
  ' | LC_ALL=C sort
