// DebugLog for any Cortex-M board: formats without the heap into a static
// buffer and hands the text to the registered callback. The buffer makes
// DebugLog non-reentrant: do not log from an interrupt that can preempt a
// log call.
#include "tensorflow/lite/micro/debug_log.h"

#include <cstddef>

#include "tensorflow/lite/micro/cortex_m_generic/debug_log_callback.h"
#include "tensorflow/lite/micro/micro_format.h"

namespace {

DebugLogCallback log_callback = nullptr;

// Room for the core's longest message (MicroPrintf's 511 characters plus
// its newline) without truncation.
char log_buffer[640];

}  // namespace

extern "C" void RegisterDebugLogCallback(DebugLogCallback cb) {
  log_callback = cb;
}

extern "C" void DebugLog(const char* format, va_list args) {
  if (log_callback == nullptr) return;
  const int length =
      tflite::MicroVsnprintf(log_buffer, sizeof(log_buffer), format, args);
  if (length >= static_cast<int>(sizeof(log_buffer))) {
    // Show that text was cut; keep the line break the format ends with.
    size_t format_length = 0;
    while (format[format_length] != '\0') ++format_length;
    const bool newline = format_length > 0 && format[format_length - 1] == '\n';
    char* mark = log_buffer + sizeof(log_buffer) - 5;
    mark[0] = mark[1] = mark[2] = '.';
    mark[3] = newline ? '\n' : '\0';
    mark[4] = '\0';
  }
  log_callback(log_buffer);
}
