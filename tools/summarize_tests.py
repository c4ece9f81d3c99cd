"""Counts test cases of the last `bazel test //...` run, the firmware suites
(`bazel test --config=cortex_mN //...`) and the pip smoke test and prints
"N passed, N failed" (the line CI reads)."""

import argparse
import glob
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ElementTree


def bazel_test_targets():
  out = subprocess.run(["bazel", "query", "tests(//...)"], capture_output=True,
                       text=True, check=False)
  return [line for line in out.stdout.split() if line.startswith("//")]


def targets_with_result(log_path, results):
  """Targets the `bazel test` output at log_path lists with one of
  `results` (PASSED, FAILED, SKIPPED, ...; "(cached)" allowed)."""
  if not log_path or not os.path.exists(log_path):
    return set()
  pattern = re.compile(r"^(//\S+)\s+(?:\(cached\) )?(" +
                       "|".join(results) + r")\b")
  with open(log_path, errors="replace") as f:
    return {m.group(1) for m in map(pattern.match, f) if m}


def count_cases(xml_path):
  passed = failed = skipped = 0
  root = ElementTree.parse(xml_path).getroot()
  for case in root.iter("testcase"):
    if case.find("failure") is not None or case.find("error") is not None:
      failed += 1
    elif (case.find("skipped") is not None or
          case.get("status") in ("notrun", "skipped") or
          case.get("result") == "skipped"):
      skipped += 1
    else:
      passed += 1
  return passed, failed, skipped


_FIRMWARE_CASE = re.compile(r"^\[ +(OK|FAILED|SKIPPED) +\] (\S+\.\S+)")


_MICRO_TEST_SUMMARY = re.compile(r"^(\d+)/(\d+) tests passed")


def count_firmware_cases(log_path):
  """Cases of a firmware test: its GoogleTest-style lines in test.log, or
  the "N/M tests passed" line of TFLM-style tests (micro_test.h); the
  firmware cannot write Bazel's XML report."""
  passed = failed = skipped = 0
  seen = set()
  with open(log_path, errors="replace") as f:
    for line in f:
      summary = _MICRO_TEST_SUMMARY.match(line)
      if summary:
        ok, total = int(summary.group(1)), int(summary.group(2))
        passed, failed = passed + ok, failed + total - ok
        continue
      match = _FIRMWARE_CASE.match(line)
      if not match or match.group(2) in seen:
        continue  # the summary lists failed cases a second time
      seen.add(match.group(2))
      kind = match.group(1)
      if kind == "OK":
        passed += 1
      elif kind == "FAILED":
        failed += 1
      else:
        skipped += 1
  return passed, failed, skipped


_RESULTS = ["PASSED", "FAILED", "TIMEOUT", "NO STATUS", "FLAKY", "INCOMPLETE"]


def firmware_suite(spec):
  """NAME=STATUS=TESTLOGS_DIR[=BAZEL_LOG]: (passed, failed, skipped, failed
  targets). With BAZEL_LOG, only the targets that run reported are counted
  (the testlogs directory may hold older runs' logs)."""
  name, status, testlogs, *bazel_log = spec.split("=", 3)
  passed = failed = skipped = 0
  failed_targets = []
  logs = glob.glob(os.path.join(testlogs, "**", "test.log"), recursive=True)
  ran = (targets_with_result(bazel_log[0], _RESULTS) if bazel_log
         else None)
  for log in sorted(logs):
    target = os.path.relpath(os.path.dirname(log), testlogs)
    package, _, test = target.rpartition("/")
    if ran is not None and f"//{package}:{test}" not in ran:
      continue
    p, f, s = count_firmware_cases(log)
    if p + f + s == 0:
      f = 1  # built but printed no test case: a crash or a fault
    if f:
      failed_targets.append(f"{name}: //{target}")
    passed, failed, skipped = passed + p, failed + f, skipped + s
  if int(status) != 0 and failed == 0:
    failed = 1
    failed_targets.append(f"{name}: build or run failed")
  if not logs:
    failed += 1
    failed_targets.append(f"{name}: no test ran")
  return passed, failed, skipped, failed_targets


def main():
  parser = argparse.ArgumentParser()
  parser.add_argument("--bazel_status", type=int, required=True)
  parser.add_argument("--bazel_log", default="",
                      help="the output of that run (for its SKIPPED targets)")
  parser.add_argument("--pip_status", type=int, required=True)
  parser.add_argument("--pip_log", required=True)
  parser.add_argument("--check", action="append", default=[],
                      help="NAME=STATUS: one more check (0 passes)")
  parser.add_argument("--firmware", action="append", default=[],
                      help="NAME=STATUS=TESTLOGS: a firmware suite's run")
  args = parser.parse_args()

  testlogs = os.path.realpath("bazel-testlogs")
  passed = failed = skipped = 0
  failed_targets = []
  # Incompatible with the host (firmware-only tests): no report, and not
  # a failure.
  not_run = targets_with_result(args.bazel_log, ["SKIPPED"])
  for target in bazel_test_targets():
    if target in not_run:
      skipped += 1
      continue
    package, name = target[2:].split(":")
    directory = os.path.join(testlogs, package, name)
    xmls = glob.glob(os.path.join(directory, "**", "test.xml"), recursive=True)
    if not xmls:
      failed += 1  # did not build or did not run
      failed_targets.append(target)
      continue
    target_failed = False
    for xml_path in xmls:
      p, f, s = count_cases(xml_path)
      passed, failed, skipped = passed + p, failed + f, skipped + s
      target_failed |= f > 0
    if target_failed:
      failed_targets.append(target)

  firmware_failed = False
  for spec in args.firmware:
    p, f, s, targets = firmware_suite(spec)
    print(f"firmware {spec.split('=')[0]}: {p} passed, {f} failed, "
          f"{s} skipped")
    passed, failed, skipped = passed + p, failed + f, skipped + s
    failed_targets += targets
    firmware_failed |= f > 0

  pip_passed = pip_failed = 0
  if os.path.exists(args.pip_log):
    text = open(args.pip_log, errors="replace").read()
    match = re.search(r"pip smoke test: (\d+) passed, (\d+) failed", text)
    if match:
      pip_passed, pip_failed = int(match.group(1)), int(match.group(2))
  if args.pip_status != 0 and pip_failed == 0:
    pip_failed = 1
  passed += pip_passed
  failed += pip_failed
  if args.bazel_status != 0 and failed == 0:
    failed = 1  # a build error or a test crash without a report

  checks_failed = False
  for check in args.check:
    name, _, status = check.rpartition("=")
    if int(status) == 0:
      passed += 1
    else:
      failed += 1
      checks_failed = True
      failed_targets.append(name)

  for target in failed_targets:
    print(f"FAILED: {target}")
  print(f"({skipped} skipped)")
  print(f"{passed} passed, {failed} failed")
  sys.exit(1 if failed or args.bazel_status or args.pip_status or
           checks_failed or firmware_failed else 0)


if __name__ == "__main__":
  main()
