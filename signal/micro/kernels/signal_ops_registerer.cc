#include <cstring>

#include "signal/micro/kernels/signal_ops.h"

namespace tflite {
namespace signal_ops {
namespace {

struct Entry {
  const char* name;
  TfLiteRegistration* (*registration)();
};

constexpr Entry kEntries[] = {
    {"SignalWindow", Register_WINDOW},
    {"SignalFftAutoScale", Register_FFT_AUTO_SCALE},
    {"SignalRfft", Register_RFFT},
    {"SignalEnergy", Register_ENERGY},
    {"SignalFilterBank", Register_FILTER_BANK},
    {"SignalFilterBankSquareRoot", Register_FILTER_BANK_SQUARE_ROOT},
    {"SignalFilterBankSpectralSubtraction",
     Register_FILTER_BANK_SPECTRAL_SUBTRACTION},
    {"SignalPCAN", Register_PCAN},
    {"SignalFilterBankLog", Register_FILTER_BANK_LOG},
    {"SignalIrfft", Register_IRFFT},
    {"SignalDelay", Register_DELAY},
    {"SignalFramer", Register_FRAMER},
    {"SignalOverlapAdd", Register_OVERLAP_ADD},
    {"SignalStacker", Register_STACKER},
};

}  // namespace

TfLiteRegistration* FindSignalOp(const char* custom_name) {
  for (const Entry& entry : kEntries) {
    if (std::strcmp(entry.name, custom_name) == 0) return entry.registration();
  }
  return nullptr;
}

}  // namespace signal_ops
}  // namespace tflite

extern "C" bool SignalOpsRegisterer(tflite::ExtensibleOpResolver* resolver) {
  for (const auto& entry : tflite::signal_ops::kEntries) {
    if (resolver->AddCustom(entry.name, entry.registration()) != kTfLiteOk) {
      return false;
    }
  }
  return true;
}
