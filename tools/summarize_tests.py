"""Counts test cases of the last `bazel test //...` run plus the pip smoke
test and prints "N passed, N failed" (the line CI reads)."""

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


def main():
  parser = argparse.ArgumentParser()
  parser.add_argument("--bazel_status", type=int, required=True)
  parser.add_argument("--pip_status", type=int, required=True)
  parser.add_argument("--pip_log", required=True)
  parser.add_argument("--check", action="append", default=[],
                      help="NAME=STATUS: one more check (0 passes)")
  args = parser.parse_args()

  testlogs = os.path.realpath("bazel-testlogs")
  passed = failed = skipped = 0
  failed_targets = []
  for target in bazel_test_targets():
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
           checks_failed else 0)


if __name__ == "__main__":
  main()
