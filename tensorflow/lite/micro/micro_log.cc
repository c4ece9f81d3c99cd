#include "tensorflow/lite/micro/micro_log.h"

#include "tensorflow/lite/micro/debug_log.h"
#include "tensorflow/lite/micro/micro_format.h"

namespace tflite {
namespace {

MicroErrorBuffer* single_slot = nullptr;
ErrorCaptureSlot installed_slot = nullptr;

MicroErrorBuffer*& CaptureSlot() {
  return installed_slot != nullptr ? *installed_slot() : single_slot;
}

}  // namespace

#if !defined(TF_LITE_STRIP_ERROR_STRINGS)
void MicroErrorBuffer::AppendV(const char* format, va_list args) {
  if (length_ + 2 >= kCapacity) return;
  if (length_ > 0) text_[length_++] = '\n';
  const int written =
      MicroVsnprintf(text_ + length_, kCapacity - length_, format, args);
  if (written > 0) {
    length_ += static_cast<size_t>(written);
    if (length_ >= kCapacity) length_ = kCapacity - 1;
  }
  // Messages carry their own newline in some kernels; keep lines single.
  while (length_ > 0 && text_[length_ - 1] == '\n') --length_;
  text_[length_] = '\0';
}

void MicroErrorBuffer::Append(const char* format, ...) {
  va_list args;
  va_start(args, format);
  AppendV(format, args);
  va_end(args);
}

#endif  // !TF_LITE_STRIP_ERROR_STRINGS

ScopedErrorCapture::ScopedErrorCapture(MicroErrorBuffer* buffer)
    : previous_(CaptureSlot()) {
  CaptureSlot() = buffer;
}

ScopedErrorCapture::~ScopedErrorCapture() { CaptureSlot() = previous_; }

MicroErrorBuffer* CurrentErrorCapture() { return CaptureSlot(); }

void SetErrorCaptureSlot(ErrorCaptureSlot slot) { installed_slot = slot; }

}  // namespace tflite

#if !defined(TF_LITE_STRIP_ERROR_STRINGS)
namespace {

void DebugLogFormatted(const char* format, ...) {
  va_list args;
  va_start(args, format);
  DebugLog(format, args);
  va_end(args);
}

}  // namespace

void VMicroPrintf(const char* format, va_list args) {
  tflite::MicroErrorBuffer* capture = tflite::CurrentErrorCapture();
  if (capture != nullptr) {
    capture->AppendV(format, args);
    return;
  }
  // Formatted here (no heap); DebugLog only copies the text out.
  char text[512];
  tflite::MicroVsnprintf(text, sizeof(text), format, args);
  DebugLogFormatted("%s\n", text);
}

void MicroPrintf(const char* format, ...) {
  va_list args;
  va_start(args, format);
  VMicroPrintf(format, args);
  va_end(args);
}

#endif  // !TF_LITE_STRIP_ERROR_STRINGS

int MicroSnprintf(char* buffer, size_t buffer_size, const char* format, ...) {
  va_list args;
  va_start(args, format);
  const int written = tflite::MicroVsnprintf(buffer, buffer_size, format, args);
  va_end(args);
  return written;
}
