// Shared by SignalRfft and SignalIrfft: the sample type that the 'T' option
// names, and FFT plans in the arena's persistent section.
#ifndef SIGNAL_MICRO_KERNELS_FFT_KERNEL_UTIL_H_
#define SIGNAL_MICRO_KERNELS_FFT_KERNEL_UTIL_H_

#include <cstdint>

#include "signal/micro/kernels/signal_kernel_util.h"
#include "signal/src/rfft.h"
#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace signal_ops {

// Reads the options 'T' (a schema TensorType: FLOAT32 = 0, INT32 = 2,
// INT16 = 7) and 'fft_length' (even, >= 4, half of it a product of 2s, 3s
// and 5s); reports what is wrong as "<op>: ...".
inline bool ReadFftOptions(const char* op, Options& options, TfLiteType* type,
                           int* fft_length) {
  int64_t type_code, length;
  if (!options.Verify() || !options.GetInt("T", 0, 255, &type_code) ||
      !options.GetInt("fft_length", 1, 1 << 24, &length)) {
    return false;
  }
  switch (type_code) {
    case 0:
      *type = kTfLiteFloat32;
      break;
    case 2:
      *type = kTfLiteInt32;
      break;
    case 7:
      *type = kTfLiteInt16;
      break;
    default:
      MicroPrintf("%s: custom option 'T' is %d; supported sample types are "
                  "FLOAT32 (0), INT32 (2) and INT16 (7)",
                  op, static_cast<int>(type_code));
      return false;
  }
  if (!signal_dsp::IsSupportedRealFftLength(static_cast<int>(length))) {
    MicroPrintf("%s: fft_length %d is not supported (it must be even, >= 4, "
                "and half of it a product of 2s, 3s and 5s)",
                op, static_cast<int>(length));
    return false;
  }
  *fft_length = static_cast<int>(length);
  return true;
}

template <typename T>
void* CreateFftPlan(TfLiteContext* context, int fft_length, bool inverse) {
  void* memory = context->AllocatePersistentBuffer(
      context, signal_dsp::RealFftPlan<T>::BytesNeeded(fft_length));
  if (memory == nullptr) return nullptr;
  return signal_dsp::RealFftPlan<T>::Create(fft_length, memory, inverse);
}

// A plan (forward or inverse) for samples of `type`, or nullptr.
inline void* CreateFftPlanFor(TfLiteContext* context, TfLiteType type,
                              int fft_length, bool inverse) {
  switch (type) {
    case kTfLiteInt16:
      return CreateFftPlan<int16_t>(context, fft_length, inverse);
    case kTfLiteInt32:
      return CreateFftPlan<int32_t>(context, fft_length, inverse);
    default:
      return CreateFftPlan<float>(context, fft_length, inverse);
  }
}

}  // namespace signal_ops
}  // namespace tflite

#endif  // SIGNAL_MICRO_KERNELS_FFT_KERNEL_UTIL_H_
