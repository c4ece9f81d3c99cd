// Where TFLite's C++ API (tensorflow/lite/model.h, interpreter.h) sends the
// text of its failures. Subclass it and implement the va_list Report to
// route messages elsewhere; tflite::DefaultErrorReporter()
// (tensorflow/lite/stderr_reporter.h) writes them to stderr.
#ifndef TENSORFLOW_LITE_CORE_API_ERROR_REPORTER_H_
#define TENSORFLOW_LITE_CORE_API_ERROR_REPORTER_H_

#include <cstdarg>

namespace tflite {

class ErrorReporter {
 public:
  virtual ~ErrorReporter() = default;
  // One message, printf-style; returns what the implementation returns
  // (the stderr reporter: characters written).
  virtual int Report(const char* format, va_list args) = 0;

  int Report(const char* format, ...) {
    va_list args;
    va_start(args, format);
    const int written = Report(format, args);
    va_end(args);
    return written;
  }
  // The same with a leading context pointer, which is ignored.
  int ReportError(void* /*context*/, const char* format, ...) {
    va_list args;
    va_start(args, format);
    const int written = Report(format, args);
    va_end(args);
    return written;
  }
};

}  // namespace tflite

// Reports through `reporter` (an ErrorReporter*), printf-style.
#define TF_LITE_REPORT_ERROR(reporter, ...)                              \
  do {                                                                   \
    static_cast<::tflite::ErrorReporter*>(reporter)->Report(__VA_ARGS__); \
  } while (false)

#endif  // TENSORFLOW_LITE_CORE_API_ERROR_REPORTER_H_
