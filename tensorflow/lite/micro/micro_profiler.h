// TFLM's MicroProfiler: records the ticks (micro_time.h) of each event the
// interpreter reports — one per node's invoke, tagged with the op's name —
// in fixed arrays (no heap), and logs them through MicroPrintf.
//
//   tflite::MicroProfiler profiler;
//   tflite::MicroInterpreter interpreter(model, size, resolver, arena,
//                                        arena_size, nullptr, &profiler);
//   interpreter.Invoke();
//   profiler.LogTicksPerTagCsv();  // per op: "FULLY_CONNECTED,1234"
#ifndef TENSORFLOW_LITE_MICRO_MICRO_PROFILER_H_
#define TENSORFLOW_LITE_MICRO_MICRO_PROFILER_H_

#include <cstdint>

#include "tensorflow/lite/micro/micro_profiler_interface.h"

// Events kept between ClearEvents() calls (each takes 12 bytes on a 32-bit
// core); later events are counted as dropped. Define it to change it.
#ifndef TF_LITE_MICRO_PROFILER_MAX_EVENTS
#define TF_LITE_MICRO_PROFILER_MAX_EVENTS 1024
#endif

namespace tflite {

class MicroProfiler : public MicroProfilerInterface {
 public:
  static constexpr int kMaxEvents = TF_LITE_MICRO_PROFILER_MAX_EVENTS;

  MicroProfiler() = default;
  virtual ~MicroProfiler() = default;

  // Starts an event; `tag` must outlive the profiler (op names do). Returns
  // the handle EndEvent takes.
  uint32_t BeginEvent(const char* tag) override;
  void EndEvent(uint32_t event_handle) override;

  // Forgets every event.
  void ClearEvents();

  // Ticks of all recorded events together.
  uint32_t GetTotalTicks() const;

  int num_events() const { return num_events_; }
  int dropped_events() const { return dropped_events_; }
  const char* event_tag(int i) const { return tags_[i]; }
  uint32_t event_ticks(int i) const { return end_ticks_[i] - start_ticks_[i]; }

  // One line per event: "<tag> took <ticks> ticks (<us> us)".
  void Log() const;
  // The same as CSV: "event,tag,ticks".
  void LogCsv() const;
  // Ticks summed per distinct tag, as CSV "tag,ticks", then the total.
  void LogTicksPerTagCsv() const;

 private:
  const char* tags_[kMaxEvents];
  uint32_t start_ticks_[kMaxEvents];
  uint32_t end_ticks_[kMaxEvents];
  int num_events_ = 0;
  int dropped_events_ = 0;
};

// TFLM's scoped event: BeginEvent(tag) now, EndEvent when the scope ends;
// nothing when `profiler` is null (kernels pass what they were given).
class ScopedMicroProfiler {
 public:
  ScopedMicroProfiler(const char* tag, MicroProfilerInterface* profiler)
      : profiler_(profiler),
        handle_(profiler == nullptr ? 0 : profiler->BeginEvent(tag)) {}
  ~ScopedMicroProfiler() {
    if (profiler_ != nullptr) profiler_->EndEvent(handle_);
  }
  ScopedMicroProfiler(const ScopedMicroProfiler&) = delete;
  ScopedMicroProfiler& operator=(const ScopedMicroProfiler&) = delete;

 private:
  MicroProfilerInterface* profiler_;
  uint32_t handle_;
};

}  // namespace tflite

#endif  // TENSORFLOW_LITE_MICRO_MICRO_PROFILER_H_
