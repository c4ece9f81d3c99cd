"""Single-op models and inputs for the signal ops' golden tests.

Shared by the tests (under Bazel, with this project's runtime) and by
signal/testdata/make_tflm_goldens.py (under a venv with TFLM's PyPI runtime,
which records what TFLM computes on exactly these models and inputs).

Each case is one model and a sequence of invocations (stateful ops see them
in order, without reset). All data comes from fixed seeds; the goldens also
store the inputs, and the model's SHA-256 ties them to its definition here.
"""

import collections
import math

from flatbuffers import flexbuffers
import numpy as np

try:
  from tflite_micro.python.tflite_micro import model_builder
except ImportError:  # TFLM's venv: python/tflite_micro on sys.path
  import model_builder  # type: ignore

# name: the case; op: the custom op; model: .tflite bytes; invocations: a
# list of input lists (numpy arrays, in model input order); compare: output
# index -> (start, end) of the flattened values TFLM defines (absent: all),
# or ("valid", v): the output is defined only on invocations where output v
# (a bool) is true;
# num_outputs: the model's output count.
Case = collections.namedtuple(
    "Case", "name op model invocations compare num_outputs")

INT16_MIN, INT16_MAX = -32768, 32767
UINT32_MAX = 2**32 - 1
UINT64_MAX = 2**64 - 1


def _case(name, op, model, invocations, compare):
  outputs = model_builder.read_model(model).subgraphs[0].outputs
  return Case(name, op, model, invocations, compare, len(outputs))


def _options(**kwargs):
  return flexbuffers.Dumps(kwargs)


def single_op_model(op, inputs, outputs, options):
  """inputs: list of ("input", shape, dtype) or ("const", array);
  outputs: list of (shape, dtype)."""
  b = model_builder.ModelBuilder()
  indices = []
  for spec in inputs:
    if spec[0] == "input":
      indices.append(b.add_input(list(spec[1]), spec[2]))
    else:
      indices.append(b.add_constant(spec[1]))
  out = [b.add_tensor(list(shape), dtype) for shape, dtype in outputs]
  b.add_custom_operator(op, indices, out, custom_options=options)
  for o in out:
    b.add_output(o)
  return b.build()


def _rng(name):
  # A seed per case, stable across Python versions.
  return np.random.default_rng(sum(ord(c) * 31**i for i, c in
                                   enumerate(name)) % 2**32)


def _int16(rng, shape, low=INT16_MIN, high=INT16_MAX):
  return rng.integers(low, high, size=shape, endpoint=True).astype(np.int16)


def _log_uniform_u32(rng, n):
  """uint32 values spread over all magnitudes (every bit length)."""
  bits = [int(b) for b in rng.integers(0, 33, size=n)]
  values = [int(rng.integers(0, 2**b)) if b else 0 for b in bits]
  return np.array(values, dtype=np.uint64).astype(np.uint32)


def _log_uniform_u64(rng, n):
  bits = [int(b) for b in rng.integers(0, 65, size=n)]
  values = [int(rng.integers(0, 2**b, dtype=np.uint64)) if 0 < b < 64 else
            (0 if b == 0 else int(rng.integers(0, 2**63, dtype=np.uint64)) * 2
             + 1)
            for b in bits]
  return np.array(values, dtype=np.uint64)


# --- SignalWindow ------------------------------------------------------------


def hann_window(length, bits):
  n = np.arange(length)
  return np.round((0.5 - 0.5 * np.cos(2 * np.pi * (n + 0.5) / length)) *
                  2**bits).astype(np.int16)


def window_cases():
  cases = []
  name = "window_hann_480_shift12"
  rng = _rng(name)
  window = hann_window(480, 12)
  tone = np.round(20000 * np.sin(np.arange(480) * 0.1)).astype(np.int16)
  cases.append(_case(name, "SignalWindow", single_op_model(
      "SignalWindow", [("input", (1, 480), np.int16), ("const", window)],
      [((1, 480), np.int16)], _options(shift=12)),
      [[_int16(rng, (1, 480))], [tone.reshape(1, 480)],
       [np.full((1, 480), INT16_MIN, np.int16)]], {}))

  name = "window_saturating_batch"
  rng = _rng(name)
  window = _int16(rng, (16,))
  invocations = [[_int16(rng, (3, 16))] for _ in range(3)]
  invocations.append([np.tile(np.array([INT16_MIN, INT16_MAX], np.int16),
                              (3, 8))])
  for shift in (0, 3, 31):
    cases.append(_case(f"{name}_shift{shift}", "SignalWindow", single_op_model(
        "SignalWindow", [("input", (3, 16), np.int16), ("const", window)],
        [((3, 16), np.int16)], _options(shift=shift)), invocations, {}))
  return cases


# --- SignalFftAutoScale ------------------------------------------------------


def fft_auto_scale_cases():
  name = "fft_auto_scale"
  rng = _rng(name)
  n = 64
  invocations = [
      _int16(rng, (n,), -100, 100),
      np.zeros(n, np.int16),
      _int16(rng, (n,)),
      np.full(n, -1, np.int16),
      np.where(np.arange(n) == 7, 16384, 3).astype(np.int16),
      np.where(np.arange(n) == 9, -16385, 3).astype(np.int16),
      # -32768 does not fit in int16 once negated: TFLM's running maximum
      # wraps, which this case pins down.
      np.concatenate([[5, INT16_MIN], _int16(rng, (n - 2,), -50, 50)]).astype(
          np.int16),
      np.concatenate([_int16(rng, (n - 1,), -50, 50), [INT16_MIN]]).astype(
          np.int16),
      np.full(n, INT16_MIN, np.int16),
      np.where(np.arange(n) == 0, 1, 0).astype(np.int16),
  ]
  return [_case(name, "SignalFftAutoScale", single_op_model(
      "SignalFftAutoScale", [("input", (n,), np.int16)],
      [((n,), np.int16), ((), np.int32)], _options()),
      [[x] for x in invocations], {})]


# --- SignalRfft --------------------------------------------------------------

_TYPE_CODES = {np.int16: 7, np.int32: 2, np.float32: 0}


def _rfft_case(name, dtype, shape, fft_length, invocations):
  out_shape = tuple(shape[:-1]) + (fft_length + 2,)
  return _case(name, "SignalRfft", single_op_model(
      "SignalRfft", [("input", shape, dtype)], [(out_shape, dtype)],
      _options(T=_TYPE_CODES[dtype], fft_length=fft_length)),
      [[x] for x in invocations], {})


def rfft_cases():
  cases = []
  name = "rfft_int16_512"
  rng = _rng(name)
  t = np.arange(480)
  impulse = np.zeros(480, np.int16)
  impulse[3] = 30000
  cases.append(_rfft_case(name, np.int16, (480,), 512, [
      _int16(rng, (480,)),
      _int16(rng, (480,), -16384, 16384),
      np.round(32000 * np.cos(2 * np.pi * 37 * t / 512)).astype(np.int16),
      impulse,
      np.full(480, INT16_MIN, np.int16),
      np.full(480, INT16_MAX, np.int16),
      np.zeros(480, np.int16),
  ]))
  # Radix-3 and radix-5 stages, odd half lengths, batches, short frames.
  for fft_length, shape in ((4, (4,)), (8, (2, 3, 8)), (24, (24,)),
                            (30, (25,)), (40, (2, 40)), (96, (96,)),
                            (480, (480,)), (250, (200,)), (128, (2, 100))):
    name = f"rfft_int16_{fft_length}_{'x'.join(map(str, shape))}"
    rng = _rng(name)
    cases.append(_rfft_case(name, np.int16, shape, fft_length,
                            [_int16(rng, shape) for _ in range(3)]))
  for fft_length, shape in ((512, (480,)), (60, (2, 60)), (64, (64,))):
    name = f"rfft_int32_{fft_length}_{'x'.join(map(str, shape))}"
    rng = _rng(name)
    full = rng.integers(-2**31, 2**31, size=shape, dtype=np.int64).astype(
        np.int32)
    moderate = rng.integers(-2**20, 2**20, size=shape).astype(np.int32)
    cases.append(_rfft_case(name, np.int32, shape, fft_length,
                            [full, moderate,
                             np.full(shape, -2**31, np.int32)]))
  for fft_length, shape in ((512, (480,)), (60, (2, 60)), (40, (33,))):
    name = f"rfft_float_{fft_length}_{'x'.join(map(str, shape))}"
    rng = _rng(name)
    cases.append(_rfft_case(name, np.float32, shape, fft_length, [
        rng.standard_normal(shape).astype(np.float32),
        (rng.standard_normal(shape) * 1e4).astype(np.float32)]))
  return cases


# --- SignalEnergy ------------------------------------------------------------


def energy_cases():
  cases = []
  for bins, start, end in ((257, 5, 241), (17, 0, 17), (9, 3, 3)):
    name = f"energy_{bins}_{start}_{end}"
    rng = _rng(name)
    extremes = np.tile(np.array([INT16_MIN, INT16_MIN, INT16_MAX, INT16_MIN],
                                np.int16), bins // 2 + 1)[:2 * bins]
    cases.append(_case(name, "SignalEnergy", single_op_model(
        "SignalEnergy", [("input", (2 * bins,), np.int16)],
        [((bins,), np.uint32)], _options(start_index=start, end_index=end)),
        [[_int16(rng, (2 * bins,))], [extremes]],
        # TFLM writes only [start, end) and leaves the rest as it was.
        {0: (start, end)}))
  return cases


# --- SignalFilterBank --------------------------------------------------------


def mel_filter_bank_tables(num_channels, bins, sample_rate, lower_hz,
                           upper_hz, weight_bits=12):
  """Triangular mel filters: num_channels + 1 bands between num_channels + 2
  mel-spaced edges; within band b a bin's energy goes to channel b - 1 with
  the falling weight and to channel b with the rising one."""
  def mel(hz):
    return 1127.0 * math.log1p(hz / 700.0)

  def hz(mel_value):
    return 700.0 * math.expm1(mel_value / 1127.0)

  hz_per_bin = sample_rate / (2.0 * (bins - 1))
  edges = []
  for i in range(num_channels + 2):
    m = mel(lower_hz) + (mel(upper_hz) - mel(lower_hz)) * i / (
        num_channels + 1)
    edge = int(math.ceil(hz(m) / hz_per_bin))
    edges.append(max(edge, edges[-1] + 1) if edges else edge)
  starts, weight_starts, widths, weights, unweights = [], [], [], [], []
  for b in range(num_channels + 1):
    lo, hi = edges[b], edges[b + 1]
    starts.append(lo)
    weight_starts.append(len(weights))
    widths.append(hi - lo)
    for k in range(lo, hi):
      rising = (k - lo + 0.5) / (hi - lo)
      w = int(round((1.0 - rising) * 2**weight_bits))
      weights.append(w)
      unweights.append(2**weight_bits - w)
  as16 = lambda v: np.array(v, dtype=np.int16)
  return (as16(weights), as16(unweights), as16(starts), as16(weight_starts),
          as16(widths))


def _filter_bank_case(name, tables, bins, num_channels, invocations):
  return _case(name, "SignalFilterBank", single_op_model(
      "SignalFilterBank",
      [("input", (bins,), np.uint32)] + [("const", t) for t in tables],
      [((num_channels,), np.uint64)], _options(num_channels=num_channels)),
      [[x] for x in invocations], {})


def filter_bank_cases():
  cases = []
  name = "filter_bank_mel40"
  rng = _rng(name)
  tables = mel_filter_bank_tables(40, 257, 16000, 125, 7500)
  cases.append(_filter_bank_case(name, tables, 257, 40, [
      rng.integers(0, 2**31, 257).astype(np.uint32),
      _log_uniform_u32(rng, 257),
      np.full(257, UINT32_MAX, np.uint32)]))
  # Random bands and weights, negative ones included: the sums wrap modulo
  # 2^64 as on the device.
  name = "filter_bank_random_weights"
  rng = _rng(name)
  num_channels, bins = 6, 50
  widths = rng.integers(0, 9, num_channels + 1)
  starts = np.array([rng.integers(0, bins - w + 1) for w in widths])
  weight_starts = np.concatenate([[0], np.cumsum(widths)[:-1]])
  total = int(widths.sum())
  weights = _int16(rng, (total,))
  unweights = _int16(rng, (total,))
  tables = (weights, unweights, starts.astype(np.int16),
            weight_starts.astype(np.int16), widths.astype(np.int16))
  cases.append(_filter_bank_case(name, tables, bins, num_channels, [
      rng.integers(0, 2**32, bins, dtype=np.uint64).astype(np.uint32),
      np.full(bins, UINT32_MAX, np.uint32)]))
  return cases


# --- SignalFilterBankSquareRoot -----------------------------------------------


def square_root_cases():
  name = "filter_bank_square_root"
  rng = _rng(name)
  special = [0, 1, 2, 3, 4, 8, 15, 16, 17, 65535**2, 65535**2 + 65535,
             65535**2 + 65536, 2**32 - 1, 2**32, 2**32 + 1, 2**33,
             (2**32 - 1)**2, (2**32 - 1)**2 + 2**32 - 2, UINT64_MAX,
             UINT64_MAX - 1, 2**63, 2**62 - 1]
  values = np.concatenate([np.array(special, dtype=np.uint64),
                           _log_uniform_u64(rng, 64 - len(special))])
  n = len(values)
  model = single_op_model(
      "SignalFilterBankSquareRoot",
      [("input", (n,), np.uint64), ("input", (), np.int32)],
      [((n,), np.uint32)], _options())
  invocations = [[values, np.array(bits, np.int32)] for bits in (0, 1, 7,
                                                                  15, 31)]
  invocations.append([_log_uniform_u64(rng, n), np.array(3, np.int32)])
  return [_case(name, "SignalFilterBankSquareRoot", model, invocations, {})]


# --- SignalFilterBankSpectralSubtraction ---------------------------------------

# The options of ../shared/models/audio_preprocessor_int8.tflite's node.
FRONT_END_SPECTRAL_SUBTRACTION = dict(
    alternate_one_minus_smoothing=15401, alternate_smoothing=983,
    clamping=False, min_signal_remaining=819, num_channels=40,
    one_minus_smoothing=15975, smoothing=409, smoothing_bits=10,
    spectral_subtraction_bits=14)


def spectral_subtraction_cases():
  cases = []
  variants = [
      ("spectral_subtraction_front_end", FRONT_END_SPECTRAL_SUBTRACTION),
      ("spectral_subtraction_clamping",
       dict(FRONT_END_SPECTRAL_SUBTRACTION, clamping=True, num_channels=8)),
      ("spectral_subtraction_wide",
       dict(alternate_one_minus_smoothing=3, alternate_smoothing=2**20 - 3,
            clamping=True, min_signal_remaining=2**20 - 1, num_channels=5,
            one_minus_smoothing=2**19, smoothing=2**19, smoothing_bits=0,
            spectral_subtraction_bits=20)),
  ]
  for name, options in variants:
    rng = _rng(name)
    n = options["num_channels"]
    frames = []
    for f in range(10):
      if f in (3, 7):  # a quiet frame: the estimate now exceeds the signal
        frames.append(rng.integers(0, 4, n).astype(np.uint32))
      elif f == 5:  # large values: signal << smoothing_bits wraps
        frames.append(rng.integers(2**24, 2**32, n,
                                   dtype=np.uint64).astype(np.uint32))
      else:
        frames.append(rng.integers(0, 2**16, n).astype(np.uint32))
    cases.append(_case(name, "SignalFilterBankSpectralSubtraction",
                      single_op_model(
                          "SignalFilterBankSpectralSubtraction",
                          [("input", (n,), np.uint32)],
                          [((n,), np.uint32), ((n,), np.uint32)],
                          _options(**options)),
                      [[x] for x in frames], {}))
  return cases


# --- SignalPCAN ----------------------------------------------------------------


def smooth_gain_lut(strength=0.95, offset=80.0, gain_bits=21, snr_bits=12):
  """A gain table in the layout SignalPCAN reads (entries 0-2 for noise
  levels 0-2, then per top bit b a quadratic c0 + c1 p + c2 p^2 in the
  position p of the 10 bits below it), fitted to (noise + offset)^-strength."""
  def gain(x):
    return min(2**gain_bits * (x + offset)**-strength, 32767)

  lut = [gain(0), gain(1), gain(2)] + [0] * (4 * 31 + 1 - 3 + 1)
  for top in range(2, 33):
    base = 2**(top - 1)
    x0, x1, x2 = base, base * 1.5, base * 2
    y0, y1, y2 = gain(x0), gain(x1), gain(x2)
    # Quadratic through the three points, in the table's fixed point.
    c0 = y0
    c2 = 2 * (y2 - 2 * y1 + y0)
    c1 = (y2 - y0) - c2
    i = 4 * top - 6
    lut[i] = c0
    lut[i + 1] = c1 / 32.0
    lut[i + 2] = c2 * 32.0 / 1024.0
  lut = lut[:125]
  return np.clip(np.round(lut), INT16_MIN, INT16_MAX).astype(np.int16)


def pcan_cases():
  cases = []
  n = 40
  for name, lut, shift in (("pcan_smooth_lut", smooth_gain_lut(), 6),
                           ("pcan_random_lut", None, 6),
                           ("pcan_random_lut_shift0", None, 0),
                           ("pcan_random_lut_shift40", None, 40)):
    rng = _rng(name)
    if lut is None:
      lut = _int16(rng, (125,))
    noise_special = np.array([0, 1, 2, 3, 4, 5, 1023, 1024, 2047, 2048,
                              UINT32_MAX, 2**31], np.uint32)
    invocations = []
    for _ in range(3):
      noise = np.concatenate([noise_special,
                              _log_uniform_u32(rng, n - len(noise_special))])
      invocations.append([_log_uniform_u32(rng, n), noise])
    invocations.append([np.full(n, UINT32_MAX, np.uint32),
                        _log_uniform_u32(rng, n)])
    cases.append(_case(name, "SignalPCAN", single_op_model(
        "SignalPCAN",
        [("input", (n,), np.uint32), ("input", (n,), np.uint32),
         ("const", lut)],
        [((n,), np.uint32)], _options(snr_shift=shift)), invocations, {}))
  return cases


# --- SignalFilterBankLog -------------------------------------------------------


def filter_bank_log_cases():
  cases = []
  for name, correction, scale in (("filter_bank_log_front_end", 3, 64),
                                  ("filter_bank_log_no_correction", 0, 1600),
                                  ("filter_bank_log_wrapping_scale", 0,
                                   2**31 - 1),
                                  ("filter_bank_log_correction31", 31, 64)):
    rng = _rng(name)
    n = 96
    special = np.array([0, 1, 2, 3, 4, 5, 255, 256, 257, 65535, 65536,
                        2**31 - 1, 2**31, UINT32_MAX], np.uint32)
    invocations = [
        [np.concatenate([special, _log_uniform_u32(rng, n - len(special))])],
        [_log_uniform_u32(rng, n)],
        # Every table segment: 2^20 + j * 2^13 + small offsets.
        [np.array([2**20 + j * 2**13 + (j * 37) % 8192 for j in range(n)],
                  np.uint32)],
    ]
    cases.append(_case(name, "SignalFilterBankLog", single_op_model(
        "SignalFilterBankLog", [("input", (n,), np.uint32)],
        [((n,), np.int16)],
        _options(input_correction_bits=correction, output_scale=scale)),
        invocations, {}))
  return cases


# --- SignalIrfft -------------------------------------------------------------


def irfft_cases():
  cases = []
  for dtype, fft_length, shape in (
      (np.int16, 512, (514,)), (np.int16, 24, (2, 26)), (np.int16, 30, (32,)),
      (np.int16, 40, (42,)), (np.int32, 64, (66,)), (np.int32, 60, (2, 62)),
      (np.float32, 512, (514,)), (np.float32, 60, (62,)),
      (np.float32, 40, (2, 42))):
    name = f"irfft_{np.dtype(dtype).name}_{fft_length}_{'x'.join(map(str, shape))}"
    rng = _rng(name)
    if dtype == np.float32:
      invocations = [rng.standard_normal(shape).astype(np.float32),
                     (rng.standard_normal(shape) * 1e4).astype(np.float32)]
    else:
      info = np.iinfo(dtype)
      full = rng.integers(info.min, info.max, size=shape, endpoint=True,
                          dtype=np.int64).astype(dtype)
      moderate = rng.integers(-1000, 1000, size=shape).astype(dtype)
      invocations = [full, moderate, np.full(shape, info.min, dtype)]
    out_shape = tuple(shape[:-1]) + (fft_length,)
    cases.append(_case(name, "SignalIrfft", single_op_model(
        "SignalIrfft", [("input", shape, dtype)], [(out_shape, dtype)],
        _options(T=_TYPE_CODES[dtype], fft_length=fft_length)),
        [[x] for x in invocations], {}))
  return cases


# --- SignalDelay, SignalFramer, SignalOverlapAdd, SignalStacker ---------------


def delay_cases():
  cases = []
  for shape, delay in (((2, 5), 3), ((3,), 7), ((1, 2, 4), 4), ((6,), 0)):
    name = f"delay_{'x'.join(map(str, shape))}_{delay}"
    rng = _rng(name)
    cases.append(_case(name, "SignalDelay", single_op_model(
        "SignalDelay", [("input", shape, np.int16)], [(shape, np.int16)],
        _options(delay_length=delay)),
        [[_int16(rng, shape)] for _ in range(5)], {}))
  return cases


def framer_cases():
  cases = []
  for shape, size, step, prefill in (((1, 160), 400, 160, True),
                                      ((2, 6), 5, 3, False),
                                      ((8,), 4, 4, False),
                                      ((2, 3, 4), 6, 2, True)):
    name = f"framer_{'x'.join(map(str, shape))}_{size}_{step}_{int(prefill)}"
    rng = _rng(name)
    out_shape = tuple(shape[:-1]) + (shape[-1] // step, size)
    cases.append(_case(name, "SignalFramer", single_op_model(
        "SignalFramer", [("input", shape, np.int16)],
        [(out_shape, np.int16), ((), np.bool_)],
        _options(frame_size=size, frame_step=step, prefill=prefill)),
        [[_int16(rng, shape)] for _ in range(5)], {0: ("valid", 1)}))
  return cases


def overlap_add_cases():
  cases = []
  for dtype, shape, step in ((np.int16, (1, 3, 8), 4), (np.int16, (2, 2, 5), 2),
                             (np.float32, (1, 2, 6), 3),
                             (np.float32, (2, 3, 4), 4)):
    name = (f"overlap_add_{np.dtype(dtype).name}_"
            f"{'x'.join(map(str, shape))}_{step}")
    rng = _rng(name)
    if dtype == np.int16:
      # Large samples: the sums leave int16 (saturated).
      invocations = [_int16(rng, shape) for _ in range(4)]
    else:
      invocations = [rng.standard_normal(shape).astype(np.float32)
                     for _ in range(4)]
    out_shape = tuple(shape[:-2]) + (shape[-2] * step,)
    cases.append(_case(name, "SignalOverlapAdd", single_op_model(
        "SignalOverlapAdd", [("input", shape, dtype)], [(out_shape, dtype)],
        _options(T=_TYPE_CODES[dtype], frame_step=step)),
        [[x] for x in invocations], {}))
  return cases


def stacker_cases():
  cases = []
  for channels, left, right, step in ((3, 2, 1, 1), (4, 0, 2, 3), (2, 1, 0, 2),
                                      (5, 0, 0, 1)):
    name = f"stacker_{channels}_{left}_{right}_{step}"
    rng = _rng(name)
    window = (left + 1 + right) * channels
    cases.append(_case(name, "SignalStacker", single_op_model(
        "SignalStacker", [("input", (channels,), np.int16)],
        [((window,), np.int16), ((), np.bool_)],
        _options(num_channels=channels, stacker_left_context=left,
                 stacker_right_context=right, stacker_step=step)),
        [[_int16(rng, (channels,))] for _ in range(7)], {0: ("valid", 1)}))
  return cases


def all_cases():
  return (window_cases() + fft_auto_scale_cases() + rfft_cases() +
          energy_cases() + filter_bank_cases() + square_root_cases() +
          spectral_subtraction_cases() + pcan_cases() +
          filter_bank_log_cases() + irfft_cases() + delay_cases() +
          framer_cases() + overlap_add_cases() + stacker_cases())


def cases_for(op):
  return [c for c in all_cases() if c.op == op]
