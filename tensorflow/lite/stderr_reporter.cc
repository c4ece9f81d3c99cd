#include "tensorflow/lite/stderr_reporter.h"

#include <cstdio>

namespace tflite {

int StderrReporter::Report(const char* format, va_list args) {
  const int written = std::vfprintf(stderr, format, args);
  std::fputc('\n', stderr);
  return written;
}

ErrorReporter* DefaultErrorReporter() {
  static StderrReporter* reporter = new StderrReporter;
  return reporter;
}

}  // namespace tflite
