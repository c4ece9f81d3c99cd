"""SignalIrfft against TFLM's goldens, against numpy's inverse FFT, as the
inverse of SignalRfft, and its error reports."""

from absl.testing import absltest
from flatbuffers import flexbuffers
import numpy as np

from tflite_micro.signal.testing import signal_cases as cases
from tflite_micro.signal.testing import signal_test_util as util

OP = "SignalIrfft"


def irfft_model(shape, fft_length, dtype=np.float32, type_code=0,
                out_shape=None):
  return cases.single_op_model(
      OP, [("input", shape, dtype)],
      [(out_shape or tuple(shape[:-1]) + (fft_length,), dtype)],
      flexbuffers.Dumps({"T": type_code, "fft_length": fft_length}))


class IrfftTest(absltest.TestCase):

  def test_matches_tflm(self):
    util.check_op_goldens(self, OP)

  def test_float_matches_numpy(self):
    rng = np.random.default_rng(3)
    for fft_length in (4, 12, 60, 512):
      spectrum = np.fft.rfft(rng.standard_normal((2, fft_length)))
      packed = np.stack([spectrum.real, spectrum.imag], -1).reshape(
          2, fft_length + 2).astype(np.float32)
      it = util.interpreter(irfft_model((2, fft_length + 2), fft_length))
      it.set_input(packed, 0)
      it.invoke()
      np.testing.assert_allclose(it.get_output(0),
                                 np.fft.irfft(spectrum, fft_length),
                                 atol=1e-5)

  def test_int16_inverts_rfft(self):
    # In fixed point both directions divide by fft_length (the stages'
    # divisions), so a round trip returns x / fft_length, up to rounding.
    rng = np.random.default_rng(4)
    fft_length = 64
    x = rng.integers(-20000, 20000, fft_length).astype(np.int16)
    rfft = util.interpreter(cases.single_op_model(
        "SignalRfft", [("input", (fft_length,), np.int16)],
        [((fft_length + 2,), np.int16)],
        flexbuffers.Dumps({"T": 7, "fft_length": fft_length})))
    rfft.set_input(x, 0)
    rfft.invoke()
    it = util.interpreter(irfft_model((fft_length + 2,), fft_length,
                                      np.int16, 7))
    it.set_input(rfft.get_output(0), 0)
    it.invoke()
    np.testing.assert_allclose(it.get_output(0).astype(np.float64),
                               x / fft_length, atol=3)

  def test_bad_model(self):
    util.assert_prepare_fails(
        self, OP, irfft_model((10,), 16, out_shape=(16,)),
        r"the input's last dimension must hold fft_length / 2 \+ 1 = 9 "
        r"complex bins \(18 values\), got input shape \[10\]")
    util.assert_prepare_fails(self, OP, irfft_model((16,), 14),
                              r"fft_length 14 is not supported")
    util.assert_prepare_fails(
        self, OP, irfft_model((18,), 16, type_code=7),
        r"input \(the type option T names\) must be INT16, got FLOAT32")
    util.assert_prepare_fails(
        self, OP, irfft_model((18,), 16, type_code=3),
        r"custom option 'T' is 3; supported sample types")


if __name__ == "__main__":
  absltest.main()
