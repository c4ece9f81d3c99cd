// TFLM's micro_error_reporter.h, which kernels include for MicroPrintf: that
// lives in micro_log.h. (MicroErrorReporter/GetMicroErrorReporter are not
// provided.)
#ifndef TENSORFLOW_LITE_MICRO_MICRO_ERROR_REPORTER_H_
#define TENSORFLOW_LITE_MICRO_MICRO_ERROR_REPORTER_H_
#include "tensorflow/lite/micro/micro_log.h"
#endif  // TENSORFLOW_LITE_MICRO_MICRO_ERROR_REPORTER_H_
