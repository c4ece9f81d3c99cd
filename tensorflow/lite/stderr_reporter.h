// The ErrorReporter TFLite's C++ API uses when the caller gives none: one
// line on stderr per message.
#ifndef TENSORFLOW_LITE_STDERR_REPORTER_H_
#define TENSORFLOW_LITE_STDERR_REPORTER_H_

#include <cstdarg>

#include "tensorflow/lite/core/api/error_reporter.h"

namespace tflite {

struct StderrReporter : public ErrorReporter {
  int Report(const char* format, va_list args) override;
};

// A process-wide StderrReporter (never nullptr).
ErrorReporter* DefaultErrorReporter();

}  // namespace tflite

#endif  // TENSORFLOW_LITE_STDERR_REPORTER_H_
