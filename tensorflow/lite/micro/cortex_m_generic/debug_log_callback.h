// Where DebugLog's text goes on a Cortex-M board: the application (or the
// board's startup code) registers a function that writes a NUL-terminated
// string to its UART, semihosting console, RTT buffer, ... Until one is
// registered, DebugLog drops its output.
#ifndef TENSORFLOW_LITE_MICRO_CORTEX_M_GENERIC_DEBUG_LOG_CALLBACK_H_
#define TENSORFLOW_LITE_MICRO_CORTEX_M_GENERIC_DEBUG_LOG_CALLBACK_H_

#ifdef __cplusplus
extern "C" {
#endif

typedef void (*DebugLogCallback)(const char* s);

// Replaces the current callback; nullptr drops output again.
void RegisterDebugLogCallback(DebugLogCallback cb);

#ifdef __cplusplus
}  // extern "C"
#endif

#endif  // TENSORFLOW_LITE_MICRO_CORTEX_M_GENERIC_DEBUG_LOG_CALLBACK_H_
