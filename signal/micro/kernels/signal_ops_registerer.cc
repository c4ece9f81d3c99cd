#include "signal/micro/kernels/signal_ops.h"

extern "C" bool SignalOpsRegisterer(tflite::ExtensibleOpResolver* resolver) {
  using namespace tflite::signal_ops;  // NOLINT
  struct Entry {
    const char* name;
    TfLiteRegistration* registration;
  };
  const Entry entries[] = {
      {"SignalWindow", Register_WINDOW()},
      {"SignalFftAutoScale", Register_FFT_AUTO_SCALE()},
      {"SignalRfft", Register_RFFT()},
      {"SignalEnergy", Register_ENERGY()},
      {"SignalFilterBank", Register_FILTER_BANK()},
      {"SignalFilterBankSquareRoot", Register_FILTER_BANK_SQUARE_ROOT()},
      {"SignalFilterBankSpectralSubtraction",
       Register_FILTER_BANK_SPECTRAL_SUBTRACTION()},
      {"SignalPCAN", Register_PCAN()},
      {"SignalFilterBankLog", Register_FILTER_BANK_LOG()},
  };
  for (const Entry& entry : entries) {
    if (resolver->AddCustom(entry.name, entry.registration) != kTfLiteOk) {
      return false;
    }
  }
  return true;
}
