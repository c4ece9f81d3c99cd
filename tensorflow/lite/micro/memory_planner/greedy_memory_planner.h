// Lays out buffers with known lifetimes in one block so that buffers alive at
// the same time never overlap, keeping the block small.
//
// The planner works on caller-provided arrays (no heap). It runs the greedy
// "place at the lowest offset that fits" rule under several orderings and
// keeps the smallest layout.
#ifndef TENSORFLOW_LITE_MICRO_MEMORY_PLANNER_GREEDY_MEMORY_PLANNER_H_
#define TENSORFLOW_LITE_MICRO_MEMORY_PLANNER_GREEDY_MEMORY_PLANNER_H_

#include <cstddef>
#include <cstdint>

namespace tflite {

struct PlannerBuffer {
  int32_t size;       // bytes (callers round to their alignment)
  int32_t first_use;  // first step the buffer is alive
  int32_t last_use;   // last step, inclusive
  int32_t offset;     // result: byte offset in the planned block
};

// Scratch the planner needs for `count` buffers, in bytes; `anchored`: the
// plan will be given anchors (they need room for the groups' extents).
size_t GreedyPlannerScratchBytes(int count, bool anchored = true);

// Assigns buffers[i].offset for all buffers; returns the block size in bytes.
// `scratch` must hold GreedyPlannerScratchBytes(count) bytes, 4-aligned.
// With `anchors`, buffer i with anchors[i] >= 0 gets the offset of buffer
// anchors[i] (an operator writing its output over its input), whatever
// their lifetimes; -1: placed freely. Anchor links must not form cycles.
size_t PlanBuffersGreedy(PlannerBuffer* buffers, int count, void* scratch,
                         const int32_t* anchors = nullptr);

// True if no two buffers that are alive at the same step overlap (buffers
// anchored together may).
bool PlanIsValid(const PlannerBuffer* buffers, int count,
                 const int32_t* anchors = nullptr);

}  // namespace tflite

#endif  // TENSORFLOW_LITE_MICRO_MEMORY_PLANNER_GREEDY_MEMORY_PLANNER_H_
