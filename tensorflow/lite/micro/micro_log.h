// MicroPrintf and the error capture behind it.
//
// Kernels and the core report problems with MicroPrintf or
// TF_LITE_KERNEL_LOG. While an interpreter call is running, those messages
// are captured into the interpreter's own fixed buffer (no heap), so the
// caller gets them back as the error text of the failed call; otherwise they
// go to DebugLog. Building with TF_LITE_STRIP_ERROR_STRINGS compiles the
// messages away (see below).
#ifndef TENSORFLOW_LITE_MICRO_MICRO_LOG_H_
#define TENSORFLOW_LITE_MICRO_MICRO_LOG_H_

#include <cstdarg>
#include <cstddef>

namespace tflite {

// A fixed-size text buffer collecting the messages of one interpreter call.
#if !defined(TF_LITE_STRIP_ERROR_STRINGS)
class MicroErrorBuffer {
 public:
  static constexpr size_t kCapacity = 1024;

  void Clear() {
    length_ = 0;
    text_[0] = '\0';
  }
  // Appends one message as a line; text past the capacity is dropped (the
  // first messages name the root cause).
  void AppendV(const char* format, va_list args);
  void Append(const char* format, ...);
  const char* text() const { return text_; }
  bool empty() const { return length_ == 0; }
  size_t length() const { return length_; }
  // Drops everything after the first `length` characters.
  void Truncate(size_t length) {
    if (length < length_) {
      length_ = length;
      text_[length_] = '\0';
    }
  }

 private:
  char text_[kCapacity] = {0};
  size_t length_ = 0;
};
#else
// Built with TF_LITE_STRIP_ERROR_STRINGS: no texts are kept (or compiled
// in). The buffer only remembers that the call failed, and its text says
// why there is nothing more to read.
class MicroErrorBuffer {
 public:
  static constexpr size_t kCapacity = 1;
  static constexpr const char* kStrippedText =
      "failed; error messages were stripped from this build "
      "(TF_LITE_STRIP_ERROR_STRINGS): rebuild without it to see why";

  void Clear() { failed_ = false; }
  void AppendV(const char*, va_list) { failed_ = true; }
  void Append(const char*, ...) { failed_ = true; }
  void MarkFailed() { failed_ = true; }
  const char* text() const { return failed_ ? kStrippedText : ""; }
  bool empty() const { return !failed_; }
  size_t length() const { return 0; }
  void Truncate(size_t) {}

 private:
  bool failed_ = false;
};
#endif

// Routes MicroPrintf to `buffer` for the scope's lifetime.
class ScopedErrorCapture {
 public:
  explicit ScopedErrorCapture(MicroErrorBuffer* buffer);
  ~ScopedErrorCapture();

 private:
  MicroErrorBuffer* previous_;
};

// The buffer capturing messages, or nullptr.
MicroErrorBuffer* CurrentErrorCapture();

// Where the current capture is kept. The core has one slot for the whole
// program (a microcontroller runs its interpreters on one thread and the
// core uses no thread_local); hosts that run interpreters on several
// threads install a per-thread slot before the first interpreter runs
// (tensorflow/lite/micro/host:thread_error_capture does, and the Python and
// Java bindings link it). nullptr restores the single slot.
using ErrorCaptureSlot = MicroErrorBuffer** (*)();
void SetErrorCaptureSlot(ErrorCaptureSlot slot);

}  // namespace tflite

#if !defined(TF_LITE_STRIP_ERROR_STRINGS)
void MicroPrintf(const char* format, ...);
void VMicroPrintf(const char* format, va_list args);
#else
// TF_LITE_STRIP_ERROR_STRINGS (release builds that trade messages for
// flash): MicroPrintf compiles to nothing, and its format strings are not
// emitted. The arguments still count as used (no unused-variable warnings);
// the compiler drops those without side effects.
template <typename... Args>
inline void MicroPrintf(const char*, Args&&...) {}
inline void VMicroPrintf(const char*, va_list) {}
#endif

// A text that only error messages use (e.g. what an arena allocation is
// for): the text itself, or nullptr in builds without error texts, so that
// the literal is not compiled in.
#if !defined(TF_LITE_STRIP_ERROR_STRINGS)
#define TF_LITE_MICRO_MESSAGE_TEXT(text) (text)
#else
#define TF_LITE_MICRO_MESSAGE_TEXT(text) (static_cast<const char*>(nullptr))
#endif

// Formats into a caller-given buffer; always NUL-terminates.
int MicroSnprintf(char* buffer, size_t buffer_size, const char* format, ...);

#endif  // TENSORFLOW_LITE_MICRO_MICRO_LOG_H_
