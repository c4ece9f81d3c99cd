"""`tflite-micro size`: what a model costs on a Cortex-M.

Exports the model (see exporter.py), builds the example firmware with only
the model's ops (arm-none-eabi-g++ -Os, gc-sections, newlib-nano), runs it
under qemu-system-arm -icount shift=0 and reports

  flash: our code (runtime, kernels, board + example), the model, the
         example input, the C/C++ libraries, alignment padding - from the
         linker map, so each byte is attributed to the object it came from;
  RAM:   the arena the model needs (used after AllocateTensors with a
         generous arena, and the exact minimum the interpreter finds), the
         interpreter object, static data and bss, the stack high-water mark;
  time:  instructions per Invoke (SysTick ticks under -icount shift=0, where
         each instruction takes 1 ns of virtual time).
"""

import os
import re
import shutil
import subprocess
import tempfile

from . import exporter

# Output sections of cortex_m_qemu_sections.ld that occupy flash (the
# initialized data is stored in flash and copied at reset) and RAM.
FLASH_SECTIONS = (".vectors", ".text", ".rodata", ".ARM.extab", ".ARM.exidx",
                  ".preinit_array", ".init_array", ".fini_array", ".iplt",
                  ".igot.plt", ".rel.dyn", ".data", ".tdata")
STATIC_RAM_SECTIONS = (".data", ".tdata", ".tbss", ".bss")

FLASH_PARTS = ("runtime", "kernels", "board_and_example", "model",
               "example_input", "c_library", "cxx_library", "libgcc",
               "linker_padding")
FLASH_PART_TITLES = {
    "runtime": "runtime (interpreter, allocator, schema reading)",
    "kernels": "kernels of the model's ops",
    "board_and_example": "board support + example main.cc",
    "model": "model data",
    "example_input": "example input",
    "c_library": "C library (newlib-nano, libm)",
    "cxx_library": "C++ library (libstdc++, libsupc++)",
    "libgcc": "libgcc (compiler helpers, start files)",
    "linker_padding": "padding (+), merged duplicate strings (-)",
}


class FootprintError(RuntimeError):
  """The firmware could not be built, run or measured."""


def _need(tool):
  path = shutil.which(tool)
  if path is None:
    raise FootprintError(f"{tool} is not installed (Debian: gcc-arm-none-eabi, "
                         "libnewlib-arm-none-eabi, libstdc++-arm-none-eabi-"
                         "newlib, qemu-system-arm, make)")
  return path


def _run(command, cwd=None, what="command"):
  result = subprocess.run(command, cwd=cwd, capture_output=True, text=True,
                          check=False)
  if result.returncode != 0:
    tail = "\n".join((result.stdout + result.stderr).strip().splitlines()[-15:])
    raise FootprintError(f"{what} failed (status {result.returncode}): "
                         f"{' '.join(command)}\n{tail}")
  return result


# ---------------------------------------------------------------------------
# Linker map


def parse_map(text):
  """[(output section, input section, size, object)] and
  {output section: size} from a GNU ld map (-Wl,-Map). *fill* entries come
  back with object "*fill*"."""
  start = text.find("Linker script and memory map")
  lines = text[start:].splitlines() if start >= 0 else []
  entries = []
  sections = {}
  current = None
  output_header = re.compile(r"^(\.\S+|\S+)\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)")
  output_alone = re.compile(r"^(\.\S+)\s*$")
  input_entry = re.compile(r"^ (\S+)\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)\s+(\S.*)$")
  input_alone = re.compile(r"^ (\S+)\s*$")
  address_line = re.compile(r"^\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)\s+(\S.*)$")
  fill = re.compile(r"^ \*fill\*\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)")
  pending_output = None
  pending_input = None
  for line in lines:
    if pending_output is not None:
      m = re.match(r"^\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)", line)
      if m:
        current = pending_output
        sections[current] = int(m.group(2), 16)
      pending_output = None
      continue
    if pending_input is not None:
      m = address_line.match(line)
      pending, pending_input = pending_input, None
      if m:
        entries.append((current, pending, int(m.group(2), 16),
                        m.group(3).strip()))
        continue
    if not line.startswith(" "):
      m = output_header.match(line)
      if m and m.group(1).startswith("."):
        current = m.group(1)
        sections[current] = int(m.group(3), 16)
        continue
      m = output_alone.match(line)
      if m:
        pending_output = m.group(1)
        continue
      if line.strip():
        current = None
      continue
    if current is None:
      continue
    m = fill.match(line)
    if m:
      entries.append((current, "*fill*", int(m.group(2), 16), "*fill*"))
      continue
    m = input_entry.match(line)
    if m and not m.group(1).startswith("*("):
      entries.append((current, m.group(1), int(m.group(3), 16),
                      m.group(4).strip()))
      continue
    m = input_alone.match(line)
    if m and not m.group(1).startswith("*") and m.group(1).startswith("."):
      pending_input = m.group(1)
  return entries, sections


def _library_part(obj):
  name = os.path.basename(obj.split("(")[0])
  if name.startswith("libgcc") or name.startswith("crt"):
    return "libgcc"
  if name.startswith(("libc", "libm", "libg", "libnosys")):
    return "c_library"
  if name.startswith(("libstdc++", "libsupc++")):
    return "cxx_library"
  return "libgcc"


def classify(obj, input_section, groups, build_prefix):
  """The flash part an input section belongs to."""
  if obj == "*fill*":
    return "linker_padding"
  if "(" in obj or obj.endswith(".a") or not obj.startswith(build_prefix):
    # Archive members, and start files (crtbegin/crti) of the toolchain.
    return _library_part(obj)
  source = obj[len(build_prefix):]
  source = source[:-2] + ".cc" if source.endswith(".o") else source
  if source == f"{exporter.APP_DIR}/model_data.cc":
    if re.search(r"_model$", input_section):
      return "model"
    return "example_input"
  if source in groups.get("kernels", ()):
    return "kernels"
  if source in groups.get("core", ()):
    return "runtime"
  return "board_and_example"


def _demangle(names):
  tool = shutil.which("arm-none-eabi-c++filt") or shutil.which("c++filt")
  if tool is None or not names:
    return names
  result = subprocess.run([tool], input="\n".join(names), capture_output=True,
                          text=True, check=False)
  lines = result.stdout.splitlines()
  return lines if len(lines) == len(names) else names


def _symbol_of(input_section):
  for prefix in (".text.", ".rodata.", ".data.", ".bss.", ".tdata.",
                 ".tbss."):
    if input_section.startswith(prefix):
      return input_section[len(prefix):]
  return input_section


def analyze_map(text, groups, build_prefix, top=15):
  entries, sections = parse_map(text)
  flash = {part: 0 for part in FLASH_PARTS}
  static_ram = {}
  ours = []
  # Flash by object of our code, string literals apart (the linker merges
  # those across objects and the map shows them under one).
  by_object = {}
  for output, input_section, size, obj in entries:
    if size == 0:
      continue
    part = classify(obj, input_section, groups, build_prefix)
    if output in FLASH_SECTIONS:
      flash[part] += size
      if obj.startswith(build_prefix) and not _is_string_section(
          input_section):
        name = obj[len(build_prefix):]
        by_object[name] = by_object.get(name, 0) + size
      if part in ("runtime", "kernels", "board_and_example"):
        ours.append((size, input_section, obj[len(build_prefix):], output))
    if output in STATIC_RAM_SECTIONS:
      key = ("ours" if part in ("runtime", "kernels", "board_and_example",
                                "model", "example_input") else
             "libraries" if part != "linker_padding" else "linker_padding")
      static_ram[key] = static_ram.get(key, 0) + size
  # What the entries miss (alignment inside sections, merged strings) is
  # padding, so that the parts add up to the sections exactly.
  flash_total = sum(sections.get(s, 0) for s in FLASH_SECTIONS)
  flash["linker_padding"] += flash_total - sum(flash.values())
  ours.sort(key=lambda e: -e[0])
  chosen = ours[:top]
  raw = [_symbol_of(e[1]) for e in chosen]
  strings = [re.match(r"^(.*?)\.?str1\.\d+$", r) for r in raw]
  names = _demangle([m.group(1) if m and m.group(1) else r
                     for r, m in zip(raw, strings)])
  names = [("string literals" + (f" of {n}" if m and m.group(1) else ""))
           if m else n for n, m in zip(names, strings)]
  top_symbols = [{"size": size, "symbol": name, "section": section,
                  "object": obj, "output_section": output}
                 for (size, section, obj, output), name in zip(chosen, names)]
  return {"flash": flash, "flash_total": flash_total,
          "static_ram": static_ram, "sections": sections,
          "top_symbols": top_symbols, "by_object": by_object}


def _is_string_section(input_section):
  return re.search(r"\.str1\.\d+$", input_section) is not None


MODEL_CHECKS_OBJECT = "tensorflow/lite/micro/model_checks.o"


def object_string_bytes(path):
  """Bytes of an object file's mergeable string literal sections (before
  the linker merges them with other objects' literals)."""
  result = _run([_need("arm-none-eabi-size"), "-A", path],
                what="arm-none-eabi-size")
  total = 0
  for line in result.stdout.splitlines():
    fields = line.split()
    if len(fields) >= 2 and _is_string_section(fields[0]):
      total += int(fields[1])
  return total


def elf_flash_bytes(elf):
  """Flash bytes by arm-none-eabi-size (text + data, Berkeley format)."""
  result = _run([_need("arm-none-eabi-size"), elf], what="arm-none-eabi-size")
  fields = result.stdout.splitlines()[1].split()
  return int(fields[0]) + int(fields[1])


# ---------------------------------------------------------------------------
# Firmware output


def parse_firmware_output(text):
  """(stats {model or 'board': {key: int}}, output lines)."""
  stats = {}
  outputs = []
  for line in text.splitlines():
    if line.startswith("stat "):
      _, owner, key, value = line.split()
      stats.setdefault(owner, {})[key] = int(value)
    elif line.startswith("output "):
      outputs.append(line)
  return stats, outputs


def parse_profile(text):
  """{model: [(node, op, ticks summed, repeats)]} from a PROFILE=N
  firmware's "profile" lines."""
  profile = {}
  for line in text.splitlines():
    if line.startswith("profile "):
      _, model, node, op, ticks, repeats = line.split()
      profile.setdefault(model, []).append(
          (int(node), op, int(ticks), int(repeats)))
  return profile


# Profiled invokes: enough for about this many instructions in all (the
# SysTick resolution, 40 instructions, averages out), at most 200.
PROFILE_INSTRUCTIONS = 2_000_000


def profile_repeats(instructions):
  if not instructions:
    return 1
  return max(1, min(200, PROFILE_INSTRUCTIONS // instructions))


def measure(model_path, target="cortex-m4", strip_errors=False, keep_dir=None,
            jobs=None, top=15, model_checks=True, profile=False):
  """Builds, runs and measures; returns the report as a dict. With
  `profile`, a second firmware (make PROFILE=N) also times each node."""
  if target not in exporter.CORTEX_M:
    raise FootprintError(f"size needs a Cortex-M target, not {target}")
  _need("make")
  compiler = _need("arm-none-eabi-g++")
  _need("qemu-system-arm")
  work = keep_dir or tempfile.mkdtemp(prefix="tflite_micro_size_")
  try:
    tree = os.path.join(work, "export")
    result = exporter.export([model_path], tree, target=target)
    build = (f"build/{target}" + ("-strip-errors" if strip_errors else "") +
             ("" if model_checks else "-no-model-checks"))
    _run(["make", "-C", tree, f"-j{jobs or os.cpu_count() or 1}",
          f"TARGET={target}", f"STRIP_ERRORS={1 if strip_errors else 0}",
          f"MODEL_CHECKS={1 if model_checks else 0}"],
         what="building the firmware")
    elf = os.path.join(tree, build, "firmware.elf")
    with open(os.path.join(tree, build, "firmware.map"),
              encoding="utf-8") as f:
      map_text = f.read()
    machine = exporter.CORTEX_M[target][1]
    run = subprocess.run(
        [os.path.join(tree, exporter.RUN_FIRMWARE), f"--machine={machine}",
         "--icount", "--timeout=600", elf],
        cwd=tree, capture_output=True, text=True, check=False)
    if run.returncode != 0:
      raise FootprintError(f"the firmware failed under QEMU (status "
                           f"{run.returncode}):\n{run.stdout}{run.stderr}")
    stats, outputs = parse_firmware_output(run.stdout)
    if outputs != result.expected_output:
      raise FootprintError("the firmware's outputs differ from the Python "
                           "runtime's:\n" + "\n".join(outputs) + "\nexpected:\n"
                           + "\n".join(result.expected_output))
    nodes = None
    if profile:
      nodes = _profile_nodes(tree, target, strip_errors, model_checks, jobs,
                             machine, result, stats)
    analysis = analyze_map(map_text, result.groups, f"{build}/obj/", top)
    # The model checks: their object's code and data as linked, and its own
    # string literals (none are linked when nothing calls the checks).
    checks_bytes = analysis["by_object"].get(MODEL_CHECKS_OBJECT, 0)
    if checks_bytes:
      checks_bytes += object_string_bytes(
          os.path.join(tree, build, "obj", MODEL_CHECKS_OBJECT))
    elf_total = elf_flash_bytes(elf)
    version = subprocess.run([compiler, "--version"], capture_output=True,
                             text=True, check=False).stdout.splitlines()[0]
  finally:
    if keep_dir is None:
      shutil.rmtree(work, ignore_errors=True)

  model = result.models[0]
  model_stats = stats.get(model.identifier, {})
  board = stats.get("board", {})
  ticks = model_stats.get("invoke_ticks", 0)
  per_second = board.get("ticks_per_second", 0)
  flash = analysis["flash"]
  our_code = flash["runtime"] + flash["kernels"]
  return {
      "model": os.path.basename(model_path),
      "model_bytes": len(model.data),
      "ops": model.info.builtin_ops(),
      "target": target,
      "machine": machine,
      "strip_errors": bool(strip_errors),
      "model_checks": bool(model_checks),
      "compiler": version,
      "flags": exporter.CORTEX_M[target][0] + " -Os -ffunction-sections "
               "-fdata-sections -DNDEBUG -Wl,--gc-sections --specs=nano.specs",
      "flash": dict(flash),
      "flash_total": analysis["flash_total"],
      "flash_elf_total": elf_total,
      "code_runtime_plus_kernels": our_code,
      "model_checks_bytes": checks_bytes,
      "ram": {
          "arena_used_bytes": model_stats.get("arena_used_bytes"),
          "arena_required_bytes": model_stats.get("arena_required_bytes"),
          "arena_required_bytes_inputs_reused": model_stats.get(
              "arena_required_bytes_inputs_reused"),
          "arena_given_bytes": board.get("arena_bytes"),
          "interpreter_bytes": model_stats.get("interpreter_bytes"),
          "static_data_bss": analysis["static_ram"],
          "stack_high_water_bytes": model_stats.get("stack_high_water_bytes"),
          "stack_at_main_bytes": board.get("stack_at_main_bytes"),
          "heap_used_bytes": model_stats.get("heap_used_bytes"),
      },
      "invoke": {
          "ticks": ticks,
          "ticks_per_second": per_second,
          "instructions": (ticks * 1_000_000_000 // per_second
                           if per_second else None),
          "resolution_instructions": (1_000_000_000 // per_second
                                      if per_second else None),
      },
      "top_symbols": analysis["top_symbols"],
      "outputs": outputs,
      "profile": nodes,
  }


def _profile_nodes(tree, target, strip_errors, model_checks, jobs, machine,
                   result, stats):
  """[{node, op, instructions}] per Invoke, from a PROFILE=N firmware."""
  model = result.models[0]
  board = stats.get("board", {})
  per_second = board.get("ticks_per_second", 0)
  ticks = stats.get(model.identifier, {}).get("invoke_ticks", 0)
  if not per_second:
    raise FootprintError("the firmware printed no ticks_per_second")
  repeats = profile_repeats(ticks * 1_000_000_000 // per_second)
  _run(["make", "-C", tree, f"-j{jobs or os.cpu_count() or 1}",
        f"TARGET={target}", f"STRIP_ERRORS={1 if strip_errors else 0}",
        f"MODEL_CHECKS={1 if model_checks else 0}", f"PROFILE={repeats}"],
       what="building the profiling firmware")
  build = (f"build/{target}" + ("-strip-errors" if strip_errors else "") +
           ("" if model_checks else "-no-model-checks") + "-profile")
  run = subprocess.run(
      [os.path.join(tree, exporter.RUN_FIRMWARE), f"--machine={machine}",
       "--icount", "--timeout=1200", os.path.join(tree, build,
                                                 "firmware.elf")],
      cwd=tree, capture_output=True, text=True, check=False)
  if run.returncode != 0:
    raise FootprintError(f"the profiling firmware failed under QEMU (status "
                         f"{run.returncode}):\n{run.stdout}{run.stderr}")
  rows = parse_profile(run.stdout).get(model.identifier, [])
  return [{"node": node, "op": op,
           "instructions": node_ticks * 1_000_000_000 // per_second / count}
          for node, op, node_ticks, count in rows]


def format_profile(report):
  """Instructions per Invoke by op type, then by node."""
  nodes = report.get("profile") or []
  total = sum(n["instructions"] for n in nodes)
  lines = [f"Per-op instructions per Invoke (profiled; the profiler's own "
           f"calls included, {total:,.0f} in all):"]
  by_op = {}
  for n in nodes:
    count, instructions = by_op.get(n["op"], (0, 0.0))
    by_op[n["op"]] = (count + 1, instructions + n["instructions"])
  for op, (count, instructions) in sorted(by_op.items(),
                                          key=lambda e: -e[1][1]):
    share = 100 * instructions / total if total else 0
    lines.append(f"  {op:<32} x{count:<4} {instructions:>14,.0f}  "
                 f"{share:5.1f}%")
  lines.append("  by node:")
  for n in nodes:
    lines.append(f"    {n['node']:>4} {n['op']:<32} "
                 f"{n['instructions']:>14,.0f}")
  return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------
# Report text


def _kb(n):
  return f"{n:,} B ({n / 1024:.1f} KiB)"


def format_report(report, top=15):
  lines = []
  mode = "without error texts" if report["strip_errors"] else "with error texts"
  if not report.get("model_checks", True):
    mode += ", without model checks"
  lines.append(f"{report['model']} on {report['target']} ({report['machine']} "
               f"under QEMU), {mode}")
  lines.append(f"  {report['compiler']}; {report['flags']}")
  lines.append(f"  ops: {', '.join(report['ops'])}")
  lines.append("")
  lines.append("Flash                                              bytes")
  flash = report["flash"]
  for part in FLASH_PARTS:
    lines.append(f"  {FLASH_PART_TITLES[part]:<47} {flash[part]:>9,}")
  lines.append(f"  {'total':<47} {report['flash_total']:>9,}")
  lines.append(f"  {'(the ELF by arm-none-eabi-size: text + data)':<47} "
               f"{report['flash_elf_total']:>9,}")
  lines.append(f"  our code, runtime + kernels: "
               f"{_kb(report['code_runtime_plus_kernels'])}")
  if report.get("model_checks", True):
    lines.append(f"    of which model checks (verifier + semantic checks): "
                 f"{report['model_checks_bytes']:,} B")
  else:
    lines.append("    model checks (verifier + semantic checks): left out "
                 "(MODEL_CHECKS=0: trusted models only)")
  lines.append("")
  ram = report["ram"]
  lines.append("RAM                                                bytes")
  rows = [
      ("arena needed (exact minimum, arena_required_bytes)",
       ram["arena_required_bytes"]),
      ("  with inputs reused as TFLM does", 
       ram["arena_required_bytes_inputs_reused"]),
      ("arena used (arena_used_bytes, generous arena)",
       ram["arena_used_bytes"]),
      ("MicroInterpreter object", ram["interpreter_bytes"]),
  ]
  static = ram["static_data_bss"]
  rows.append(("static data + bss: ours (with arena, interpreter)",
               static.get("ours", 0)))
  rows.append(("static data + bss: C/C++ libraries", static.get("libraries",
                                                                 0)))
  rows.append(("stack high-water mark (reset .. end of Invoke)",
               ram["stack_high_water_bytes"]))
  rows.append(("  of which before main's work", ram["stack_at_main_bytes"]))
  rows.append(("heap used", ram["heap_used_bytes"]))
  for title, value in rows:
    text = "-" if value is None else f"{value:,}"
    lines.append(f"  {title:<50} {text:>6}")
  lines.append("")
  invoke = report["invoke"]
  if invoke["instructions"] is not None:
    lines.append(f"Invoke: {invoke['instructions']:,} instructions "
                 f"({invoke['ticks']:,} SysTick ticks at "
                 f"{invoke['ticks_per_second']:,} Hz under -icount shift=0, "
                 f"1 tick = {invoke['resolution_instructions']} instructions)")
    lines.append("  QEMU counts instructions, not cycles: a real core's "
                 "cycles differ (wait states, pipeline, multi-cycle loads).")
  lines.append("")
  symbols = report["top_symbols"][:top]
  if symbols:
    lines.append(f"Largest {len(symbols)} functions/data of our code "
                 "(runtime, kernels, board):")
    for s in symbols:
      name = s["symbol"]
      if len(name) > 90:
        name = name[:87] + "..."
      lines.append(f"  {s['size']:>7,}  {name}  [{s['object']}]")
  return "\n".join(lines) + "\n"
