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

// Reads the option 'T', a schema TensorType: FLOAT32 = 0, INT16 = 7 and,
// if allow_int32, INT32 = 2; reports anything else as "<op>: ...".
inline bool ReadSampleType(const char* op, Options& options, bool allow_int32,
                           TfLiteType* type) {
  int64_t code;
  if (!options.GetInt("T", 0, 255, &code)) return false;
  if (code == 0 || code == 7 || (code == 2 && allow_int32)) {
    *type = code == 0 ? kTfLiteFloat32
                      : (code == 7 ? kTfLiteInt16 : kTfLiteInt32);
    return true;
  }
  MicroPrintf("%s: custom option 'T' is %d; supported sample types are "
              "FLOAT32 (0), %sINT16 (7)",
              op, static_cast<int>(code), allow_int32 ? "INT32 (2) and " : "");
  return false;
}

// Reads the options 'T' (FLOAT32, INT32 or INT16) and 'fft_length' (even,
// >= 4, half of it a product of 2s, 3s and 5s); reports what is wrong as
// "<op>: ...".
inline bool ReadFftOptions(const char* op, Options& options, TfLiteType* type,
                           int* fft_length) {
  int64_t length;
  if (!options.Verify() || !ReadSampleType(op, options, true, type) ||
      !options.GetInt("fft_length", 1, 1 << 24, &length)) {
    return false;
  }
  if (!tflm_signal::IsSupportedRealFftLength(static_cast<int>(length))) {
    MicroPrintf("%s: fft_length %d is not supported (it must be even, >= 4, "
                "and half of it a product of 2s, 3s and 5s)",
                op, static_cast<int>(length));
    return false;
  }
  *fft_length = static_cast<int>(length);
  return true;
}

// The start of SignalRfft's and SignalIrfft's Prepare: the options, and the
// node's one input and one output of the sample type.
inline bool PrepareFftNode(const char* op, const RawOptions& raw,
                           NodeTensors& t, TfLiteType* type, int* fft_length,
                           TfLiteTensor** input, TfLiteTensor** output) {
  Options options(op, raw);
  return ReadFftOptions(op, options, type, fft_length) &&
         t.InputAndOutput(*type, "input (the type option T names)", input,
                          output);
}

template <typename T>
void* CreateFftPlan(TfLiteContext* context, int fft_length, bool inverse) {
  void* memory = context->AllocatePersistentBuffer(
      context, tflm_signal::RealFftPlan<T>::BytesNeeded(fft_length));
  if (memory == nullptr) return nullptr;
  return tflm_signal::RealFftPlan<T>::Create(fft_length, memory, inverse);
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
