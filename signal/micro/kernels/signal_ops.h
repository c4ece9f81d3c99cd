// TFLM's audio front-end ("signal") custom ops, as used by TFLM's
// audio_preprocessor models. Each Register_* returns the kernel for
// MicroMutableOpResolver::AddCustom under the name in the comment;
// SignalOpsRegisterer adds them all to the Python/Java runtimes' resolver.
//
// Types and shapes (N channels, F spectrum bins):
//   SignalWindow                         int16 [..., L] x int16 window [L]
//   SignalFftAutoScale                   int16 [L] -> int16 [L], int32 scale []
//   SignalRfft                           T [..., L] -> T [..., fft_length + 2]
//                                        (T = int16, int32 or float32)
//   SignalEnergy                         int16 [2F] -> uint32 [F]
//   SignalFilterBank                     uint32 [F] + int16 tables -> uint64 [N]
//   SignalFilterBankSquareRoot           uint64 [N], int32 scale -> uint32 [N]
//   SignalFilterBankSpectralSubtraction  uint32 [N] -> uint32 [N] (signal),
//                                        uint32 [N] (noise estimate; state)
//   SignalPCAN                           uint32 [N] x uint32 noise [N] x
//                                        int16 gain table [125] -> uint32 [N]
//   SignalFilterBankLog                  uint32 [N] -> int16 [N]
//   SignalIrfft                          T [..., fft_length + 2] ->
//                                        T [..., fft_length]
//   SignalDelay                          int16 [..., L] -> int16 [..., L]
//   SignalFramer                         int16 [..., n * step] ->
//                                        int16 [..., n, size], bool valid []
//   SignalOverlapAdd                     T [..., n, size] -> T [..., n * step]
//                                        (T = int16 or float32)
//   SignalStacker                        int16 [C] -> int16 [(l+1+r) * C],
//                                        bool valid []
// The Delay, Framer, OverlapAdd, Stacker, FilterBankSpectralSubtraction and
// PCAN ops keep state across invokes (cleared by the interpreter's Reset).
#ifndef SIGNAL_MICRO_KERNELS_SIGNAL_OPS_H_
#define SIGNAL_MICRO_KERNELS_SIGNAL_OPS_H_

#include "tensorflow/lite/micro/extensible_op_resolver.h"
#include "tensorflow/lite/core/c/common.h"

namespace tflite {
namespace signal_ops {

TfLiteRegistration* Register_WINDOW();            // "SignalWindow"
TfLiteRegistration* Register_FFT_AUTO_SCALE();    // "SignalFftAutoScale"
TfLiteRegistration* Register_RFFT();              // "SignalRfft"
TfLiteRegistration* Register_ENERGY();            // "SignalEnergy"
TfLiteRegistration* Register_FILTER_BANK();       // "SignalFilterBank"
// "SignalFilterBankSquareRoot"
TfLiteRegistration* Register_FILTER_BANK_SQUARE_ROOT();
// "SignalFilterBankSpectralSubtraction"
TfLiteRegistration* Register_FILTER_BANK_SPECTRAL_SUBTRACTION();
TfLiteRegistration* Register_PCAN();              // "SignalPCAN"
TfLiteRegistration* Register_FILTER_BANK_LOG();   // "SignalFilterBankLog"
TfLiteRegistration* Register_IRFFT();             // "SignalIrfft"
TfLiteRegistration* Register_DELAY();             // "SignalDelay"
TfLiteRegistration* Register_FRAMER();            // "SignalFramer"
TfLiteRegistration* Register_OVERLAP_ADD();       // "SignalOverlapAdd"
TfLiteRegistration* Register_STACKER();           // "SignalStacker"

// The registration of the op a model names `custom_name` ("SignalWindow",
// ...), or nullptr. For firmware that registers exactly its model's ops:
//   resolver.AddCustom("SignalRfft", FindSignalOp("SignalRfft"));
TfLiteRegistration* FindSignalOp(const char* custom_name);

}  // namespace signal_ops
}  // namespace tflite

// Adds every op above to a Python/Java runtime's resolver under its name.
extern "C" bool SignalOpsRegisterer(tflite::ExtensibleOpResolver* resolver);

#endif  // SIGNAL_MICRO_KERNELS_SIGNAL_OPS_H_
