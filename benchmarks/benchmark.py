"""Benchmarks this runtime against TFLM (PyPI tflite-micro) and LiteRT.

    bazel run //benchmarks:benchmark -- [--out DIR] [--repeats N] ...

Runs every model in ../shared/models plus generated MobileNetV2-style CNNs
(benchmarks/cnn_models.py; int8 and float, 96x96 and 224x224), PyTorch-style
models (explicit PAD, TRANSPOSE, PRELU, MEAN head) and ../shared/models/mediapipe
in:
  ours            this runtime (default arithmetic), one thread
  TFLM            the PyPI tflite-micro wheel, in its own venv (--tflm_python)
  LiteRT ref      ai-edge-litert with OpResolverType.BUILTIN_REF, 1 thread
  LiteRT default  ai-edge-litert's default kernels (XNNPACK), 1 thread
each model and runtime in a fresh process: warm-up runs, then timed samples
of set_input + invoke, median (a sample is a batch of runs lasting at least
0.2 ms, so that microsecond models are not timed by the clock), the best
of --rounds interleaved rounds of all runtimes. Arena bytes
are the "Arena allocation total" of print_allocations() in both micro
runtimes; the last column is ours with preserve_inputs=False (same total),
which lets the planner reuse input memory as TFLM does. Then: Python call
overhead on a tiny model (set_input + invoke + get_output) and the
throughput of N threads each running its own interpreter.

Prints markdown tables and writes benchmark.md, benchmark.json and
benchmark.png (bar chart, needs matplotlib) to --out.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time

try:
  from benchmarks import cnn_models
except ImportError:
  import cnn_models

HERE = os.path.dirname(os.path.abspath(__file__))
ANCHOR = os.path.join(HERE, "anchor.py")
RUNTIMES = ["ours", "tflm", "litert_ref", "litert_default"]
LABELS = {"ours": "ours", "tflm": "TFLM", "litert_ref": "LiteRT ref",
          "litert_default": "LiteRT XNNPACK"}
TOTAL_RE = re.compile(r"Arena allocation total (\d+) bytes")


def default_models_dir():
  workspace = os.environ.get("BUILD_WORKSPACE_DIRECTORY")
  candidates = [os.path.join(workspace, "..", "shared", "models")] if workspace else []
  candidates.append(os.path.join(HERE, "..", "..", "shared", "models"))
  for c in candidates:
    if os.path.isdir(c):
      return os.path.abspath(c)
  return None


def python_for(runtime, args):
  if runtime == "tflm":
    return args.tflm_python
  if runtime.startswith("litert"):
    return args.litert_python
  return sys.executable


def run_anchor(runtime, model, args, mode="latency", extra=()):
  env = dict(os.environ)
  env.pop("PYTHONPATH", None)
  if runtime == "ours":
    # Our package's import path (Bazel runfiles or an installed wheel).
    env["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)
  cmd = [python_for(runtime, args), ANCHOR, "--runtime", runtime, "--model",
         model, "--mode", mode, "--warmup", str(args.warmup), "--repeats",
         str(args.repeats)] + list(extra)
  try:
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True,
                          timeout=args.timeout)
  except (OSError, subprocess.TimeoutExpired) as e:
    return {"error": type(e).__name__}
  result = {"error": (proc.stderr.strip().splitlines() or ["failed"])[-1]}
  for line in proc.stdout.splitlines():
    if line.startswith("RESULT "):
      result = json.loads(line[len("RESULT "):])
  # TFLM's wheel prints the report from C++ (stdout or stderr).
  match = TOTAL_RE.search(proc.stdout) or TOTAL_RE.search(proc.stderr)
  if match:
    result["arena"] = int(match.group(1))
  return result


def fmt_ms(r):
  if r is None or "ms" not in r:
    return "fails"
  ms = r["ms"]
  return f"{ms:.3f}" if ms >= 0.1 else f"{ms:.4f}"


def ratio(a, b):
  if a is None or b is None or "ms" not in a or "ms" not in b:
    return "-"
  return f"{a['ms'] / b['ms']:.3f}"


def arena_ratio(a, b, key="arena"):
  if not a or not b or key not in a or "arena" not in b:
    return "-"
  return f"{a[key]} / {b['arena']} ({a[key] / b['arena']:.2f})"


def chart(results, models, path):
  try:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
  except ImportError:
    print("(no matplotlib: chart skipped; pip install matplotlib)")
    return False
  fig, ax = plt.subplots(figsize=(13, 5.5))
  width = 0.2
  for i, runtime in enumerate(RUNTIMES):
    values = [results[m].get(runtime, {}).get("ms", 0) or 0 for m in models]
    xs = [j + (i - 1.5) * width for j in range(len(models))]
    ax.bar(xs, values, width, label=LABELS[runtime])
  ax.set_yscale("log")
  ax.set_ylabel("ms per inference (median, 1 thread, log scale)")
  ax.set_xticks(range(len(models)))
  ax.set_xticklabels(models, rotation=30, ha="right", fontsize=8)
  ax.legend()
  ax.set_title("set_input + invoke latency (missing bar: runtime cannot run "
               "the model)")
  fig.tight_layout()
  fig.savefig(path, dpi=110)
  return True


def best_of_rounds(args, runtimes, run, cost):
  """{runtime: result} with the lowest cost(result) over args.rounds rounds,
  each running every runtime once (interleaved, so that a burst on a shared
  host spoils one round rather than one runtime's figure)."""
  best = {}
  for _ in range(max(args.rounds, 1)):
    for runtime in runtimes:
      result = run(runtime)
      if runtime not in best or cost(result) < cost(best[runtime]):
        best[runtime] = result
  return best


def main():
  parser = argparse.ArgumentParser(description=__doc__,
                                   formatter_class=argparse.RawDescriptionHelpFormatter)
  parser.add_argument("--models_dir", default=default_models_dir())
  parser.add_argument("--out", default=os.environ.get(
      "BUILD_WORKSPACE_DIRECTORY", ".") + "/benchmarks/results")
  parser.add_argument("--tflm_python", default="/opt/tflm-venv/bin/python")
  parser.add_argument("--litert_python", default="python3")
  parser.add_argument("--warmup", type=int, default=10)
  parser.add_argument("--repeats", type=int, default=100)
  parser.add_argument("--threads", type=int, default=2)
  parser.add_argument("--thread_model", default="mobilenet_v2_96_int8")
  parser.add_argument("--overhead_model", default="hello_world_int8")
  parser.add_argument("--timeout", type=float, default=900)
  parser.add_argument("--only", nargs="*", help="model names to run")
  parser.add_argument("--rounds", type=int, default=3,
                      help="runs of every runtime per model, interleaved; "
                      "the fastest median counts (a shared host's bursts "
                      "then hit one round, not one runtime)")
  args = parser.parse_args()

  os.makedirs(args.out, exist_ok=True)
  workdir = tempfile.mkdtemp(prefix="tflite_micro_bench_")
  paths = {}
  if args.models_dir:
    # The models and those of its subdirectory mediapipe/ (third-party
    # float models: PRELU, TRANSPOSE_CONV, custom ops).
    for sub in ("", "mediapipe"):
      folder = os.path.join(args.models_dir, sub)
      if not os.path.isdir(folder):
        continue
      for name in sorted(os.listdir(folder)):
        if name.endswith(".tflite"):
          paths[name[:-len(".tflite")]] = os.path.join(folder, name)
  else:
    print("no ../shared/models found: generated models only")
  for name in list(cnn_models.GENERATED) + list(cnn_models.PYTORCH_STYLE):
    path = os.path.join(workdir, name + ".tflite")
    with open(path, "wb") as f:
      f.write(cnn_models.build(name))
    paths[name] = path
  models = [m for m in paths if not args.only or m in args.only]

  load_before = os.getloadavg()
  started = time.time()
  results = {}
  for model in models:
    results[model] = best_of_rounds(
        args, RUNTIMES, lambda rt: run_anchor(rt, paths[model], args),
        cost=lambda r: r.get("ms", float("inf")))
    r = results[model]
    print(f"{model:28s} " + "  ".join(
        f"{LABELS[k]}={fmt_ms(r[k])}" for k in RUNTIMES), flush=True)

  extras = {}
  if args.overhead_model in paths:
    extras["overhead"] = best_of_rounds(
        args, ("ours", "tflm"),
        lambda rt: run_anchor(rt, paths[args.overhead_model], args,
                              mode="overhead",
                              extra=["--repeats", "2000", "--warmup", "200"]),
        cost=lambda r: r.get("ms", float("inf")))
  if args.thread_model in paths:
    # The round with the most invokes per second on N threads (its 1-thread
    # figure from the same round).
    extras["threads"] = best_of_rounds(
        args, ("ours", "tflm"),
        lambda rt: run_anchor(rt, paths[args.thread_model], args,
                              mode="threads",
                              extra=["--threads", str(args.threads)]),
        cost=lambda r: -(r.get("per_second") or {}).get(str(args.threads), 0))
  load_after = os.getloadavg()

  lines = []
  lines.append(f"Machine: {os.cpu_count()} cores; load average "
               f"{load_before[0]:.2f} before, {load_after[0]:.2f} after; "
               f"{time.strftime('%Y-%m-%d %H:%M', time.localtime(started))}; "
               f"{args.warmup} warm-up runs, then the median of {args.repeats} "
               f"samples (a sample times a batch of runs lasting at least "
               f"0.2 ms; one run each for models slower than that); the "
               f"fastest of {args.rounds} interleaved rounds.")
  lines.append("")
  lines.append("| model | ours ms | TFLM ms | LiteRT ref ms | LiteRT XNNPACK ms "
               "| ours/TFLM | ours/XNNPACK | arena ours / TFLM bytes "
               "| arena, inputs reused |")
  lines.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
  for model in models:
    r = results[model]
    lines.append(
        f"| {model} | {fmt_ms(r['ours'])} | {fmt_ms(r['tflm'])} | "
        f"{fmt_ms(r['litert_ref'])} | {fmt_ms(r['litert_default'])} | "
        f"{ratio(r['ours'], r['tflm'])} | "
        f"{ratio(r['ours'], r['litert_default'])} | "
        f"{arena_ratio(r['ours'], r['tflm'])} | "
        f"{arena_ratio(r['ours'], r['tflm'], 'arena_inputs_reused')} |")
  if "overhead" in extras:
    o = extras["overhead"]
    lines.append("")
    lines.append(f"Python call overhead ({args.overhead_model}: set_input + "
                 f"invoke + get_output, median): ours "
                 f"{fmt_ms(o['ours'])} ms, TFLM {fmt_ms(o['tflm'])} ms "
                 f"(ours/TFLM {ratio(o['ours'], o['tflm'])}).")
  if "threads" in extras:
    lines.append("")
    lines.append(f"Threads ({args.thread_model}, one interpreter per "
                 f"thread, invokes per second):")
    lines.append("")
    lines.append("| runtime | 1 thread | %d threads | scaling |" % args.threads)
    lines.append("|---|---:|---:|---:|")
    for rt, r in extras["threads"].items():
      per = r.get("per_second")
      if not per:
        lines.append(f"| {LABELS[rt]} | fails | fails | - |")
        continue
      one, many = per["1"], per[str(args.threads)]
      lines.append(f"| {LABELS[rt]} | {one:.1f} | {many:.1f} | "
                   f"{many / one:.2f}x |")
  errors = [(m, rt, r[rt]["error"]) for m, r in results.items()
            for rt in RUNTIMES if "error" in r[rt]]
  if errors:
    lines.append("")
    lines.append("Failures: " + "; ".join(
        f"{m} in {LABELS[rt]}: {e}" for m, rt, e in errors))
  report = "\n".join(lines)
  print()
  print(report)
  with open(os.path.join(args.out, "benchmark.md"), "w") as f:
    f.write(report + "\n")
  with open(os.path.join(args.out, "benchmark.json"), "w") as f:
    json.dump({"results": results, "extras": extras,
               "load": [load_before, load_after]}, f, indent=1)
  if chart(results, models, os.path.join(args.out, "benchmark.png")):
    print(f"\nwrote {args.out}/benchmark.md, benchmark.json, benchmark.png")


if __name__ == "__main__":
  main()
