"""Times one model in one runtime; run by benchmark.py in its own process.

    python anchor.py --runtime {ours,tflm,litert_ref,litert_default}
                     --model M.tflite --warmup 20 --repeats 200
                     [--mode {latency,overhead,threads}] [--threads N]

`ours` and `tflm` import tflite_micro.python.tflite_micro.runtime: ours from
PYTHONPATH (benchmark.py passes its own import path), TFLM's from the
interpreter's site-packages (the PyPI tflite-micro wheel, in its own venv,
since both packages are named tflite_micro). `litert_*` import
ai_edge_litert. Prints the allocation report (micro runtimes) and, last, one
line "RESULT {json}".
"""

import argparse
import json
import statistics
import sys
import threading
import time

import numpy as np


def _random_input(shape, dtype, seed=0):
  rng = np.random.RandomState(seed)
  if np.issubdtype(dtype, np.integer):
    info = np.iinfo(dtype)
    return rng.randint(info.min, info.max + 1, size=shape).astype(dtype)
  return rng.uniform(-1, 1, size=shape).astype(dtype)


class Micro:
  """Our runtime or TFLM's (the same Python API)."""

  def __init__(self, path, **kwargs):
    from tflite_micro.python.tflite_micro import runtime
    self.path = path
    try:
      self.interpreter = runtime.Interpreter.from_file(path, **kwargs)
    except RuntimeError as e:
      # TFLM's wheel registers its signal (audio front-end) ops by default;
      # ours takes them as a custom op package (a dependency of :benchmark).
      if "custom op 'Signal" not in str(e):
        raise
      kwargs["custom_op_registerers"] = ["SignalOpsRegisterer"]
      self.interpreter = runtime.Interpreter.from_file(path, **kwargs)
    self.kwargs = kwargs
    details = self.interpreter.get_input_details(0)
    self.input = _random_input(details["shape"], details["dtype"])

  def run(self):
    self.interpreter.set_input(self.input, 0)
    self.interpreter.invoke()

  def call(self):
    self.run()
    return self.interpreter.get_output(0)

  def report(self):
    sys.stdout.flush()
    self.interpreter.print_allocations()

  def arena_without_kept_inputs(self):
    """Ours only: the arena total when inputs may be overwritten, as in
    TFLM (what print_allocations would call total)."""
    other = Micro(self.path, preserve_inputs=False, **self.kwargs)
    return other.interpreter.arena_used_bytes()


class LiteRT:

  def __init__(self, path, reference):
    from ai_edge_litert import interpreter as litert
    kwargs = {}
    if reference:
      kwargs["experimental_op_resolver_type"] = (
          litert.OpResolverType.BUILTIN_REF)
    self.interpreter = litert.Interpreter(model_path=path, num_threads=1,
                                          **kwargs)
    self.interpreter.allocate_tensors()
    details = self.interpreter.get_input_details()[0]
    self.index = details["index"]
    self.output = self.interpreter.get_output_details()[0]["index"]
    self.input = _random_input(details["shape"], details["dtype"])

  def run(self):
    self.interpreter.set_tensor(self.index, self.input)
    self.interpreter.invoke()

  def call(self):
    self.run()
    return self.interpreter.get_tensor(self.output)

  def report(self):
    pass


def make(runtime, path):
  if runtime in ("ours", "tflm"):
    return Micro(path)
  return LiteRT(path, reference=runtime == "litert_ref")


def latency(warmup, repeats, fn, min_sample_seconds=2e-4):
  """Median seconds * 1e3 of one call of fn. A sample times a batch of calls
  lasting at least min_sample_seconds: a single microsecond call would
  measure mostly the clock and the scheduler."""
  start = time.perf_counter()
  for _ in range(warmup):
    fn()
  per_call = (time.perf_counter() - start) / max(warmup, 1)
  batch = max(1, int(min_sample_seconds / max(per_call, 1e-9)))
  times = []
  for _ in range(repeats):
    start = time.perf_counter()
    for _ in range(batch):
      fn()
    times.append((time.perf_counter() - start) / batch)
  return statistics.median(times) * 1e3


def throughput(runtime, path, threads, seconds):
  """Invokes per second of `threads` threads, each with its interpreter."""
  runners = [make(runtime, path) for _ in range(threads)]
  for r in runners:
    r.run()
  counts = [0] * threads
  stop = threading.Event()
  barrier = threading.Barrier(threads + 1)

  def work(i):
    barrier.wait()
    while not stop.is_set():
      runners[i].run()
      counts[i] += 1

  workers = [threading.Thread(target=work, args=(i,)) for i in range(threads)]
  for w in workers:
    w.start()
  barrier.wait()
  start = time.perf_counter()
  time.sleep(seconds)
  stop.set()
  for w in workers:
    w.join()
  return sum(counts) / (time.perf_counter() - start)


def main():
  parser = argparse.ArgumentParser()
  parser.add_argument("--runtime", required=True,
                      choices=["ours", "tflm", "litert_ref", "litert_default"])
  parser.add_argument("--model", required=True)
  parser.add_argument("--mode", default="latency",
                      choices=["latency", "overhead", "threads"])
  parser.add_argument("--warmup", type=int, default=20)
  parser.add_argument("--repeats", type=int, default=200)
  parser.add_argument("--threads", type=int, default=2)
  parser.add_argument("--seconds", type=float, default=3.0)
  args = parser.parse_args()

  result = {}
  try:
    if args.mode == "threads":
      result["per_second"] = {
          str(n): throughput(args.runtime, args.model, n, args.seconds)
          for n in sorted({1, args.threads})
      }
    else:
      runner = make(args.runtime, args.model)
      fn = runner.call if args.mode == "overhead" else runner.run
      result["ms"] = latency(args.warmup, args.repeats, fn)
      runner.report()
      if args.runtime == "ours":
        result["arena_inputs_reused"] = (
            runner.arena_without_kept_inputs())
  except Exception as e:  # a runtime that cannot run the model
    result["error"] = f"{type(e).__name__}: {str(e).splitlines()[0][:200]}"
  sys.stdout.flush()
  print("RESULT " + json.dumps(result), flush=True)


if __name__ == "__main__":
  main()
