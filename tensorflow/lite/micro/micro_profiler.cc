#include "tensorflow/lite/micro/micro_profiler.h"

#include <cstring>

#include "tensorflow/lite/micro/micro_log.h"
#include "tensorflow/lite/micro/micro_time.h"

namespace tflite {
namespace {

// Microseconds of `ticks`, or 0 when the platform's rate is unknown.
unsigned long Microseconds(uint32_t ticks) {
  const uint32_t rate = ticks_per_second();
  if (rate == 0) return 0;
  return static_cast<unsigned long>(static_cast<uint64_t>(ticks) * 1000000u /
                                    rate);
}

}  // namespace

uint32_t MicroProfiler::BeginEvent(const char* tag) {
  if (num_events_ >= kMaxEvents) {
    ++dropped_events_;
    return static_cast<uint32_t>(kMaxEvents);
  }
  const int event = num_events_++;
  tags_[event] = tag;
  start_ticks_[event] = GetCurrentTimeTicks();
  end_ticks_[event] = start_ticks_[event];
  return static_cast<uint32_t>(event);
}

void MicroProfiler::EndEvent(uint32_t event_handle) {
  if (event_handle >= static_cast<uint32_t>(num_events_)) return;
  end_ticks_[event_handle] = GetCurrentTimeTicks();
}

void MicroProfiler::ClearEvents() {
  num_events_ = 0;
  dropped_events_ = 0;
}

uint32_t MicroProfiler::GetTotalTicks() const {
  uint32_t total = 0;
  for (int i = 0; i < num_events_; ++i) total += event_ticks(i);
  return total;
}

void MicroProfiler::Log() const {
  for (int i = 0; i < num_events_; ++i) {
    MicroPrintf("%s took %lu ticks (%lu us)", tags_[i],
                static_cast<unsigned long>(event_ticks(i)),
                Microseconds(event_ticks(i)));
  }
  if (dropped_events_ > 0) {
    MicroPrintf("(%d more events were not recorded: %d at most)",
                dropped_events_, kMaxEvents);
  }
}

void MicroProfiler::LogCsv() const {
  MicroPrintf("event,tag,ticks");
  for (int i = 0; i < num_events_; ++i) {
    MicroPrintf("%d,%s,%lu", i, tags_[i],
                static_cast<unsigned long>(event_ticks(i)));
  }
}

void MicroProfiler::LogTicksPerTagCsv() const {
  MicroPrintf("tag,ticks");
  // Quadratic in the events, without extra memory: each tag is summed at
  // its first appearance.
  for (int i = 0; i < num_events_; ++i) {
    bool seen = false;
    for (int j = 0; j < i && !seen; ++j) {
      seen = std::strcmp(tags_[j], tags_[i]) == 0;
    }
    if (seen) continue;
    uint32_t ticks = 0;
    for (int j = i; j < num_events_; ++j) {
      if (std::strcmp(tags_[j], tags_[i]) == 0) ticks += event_ticks(j);
    }
    MicroPrintf("%s,%lu", tags_[i], static_cast<unsigned long>(ticks));
  }
  MicroPrintf("total,%lu", static_cast<unsigned long>(GetTotalTicks()));
}

}  // namespace tflite
