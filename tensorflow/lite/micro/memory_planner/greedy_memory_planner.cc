#include "tensorflow/lite/micro/memory_planner/greedy_memory_planner.h"

namespace tflite {
namespace {

bool LifetimesOverlap(const PlannerBuffer& a, const PlannerBuffer& b) {
  return a.first_use <= b.last_use && b.first_use <= a.last_use;
}

// Orderings tried; each is a "should a be placed before b" rule.
enum class Order { kSizeDescending, kFirstUseThenSize, kAreaDescending };

bool PlacedBefore(const PlannerBuffer& a, const PlannerBuffer& b, Order order) {
  switch (order) {
    case Order::kSizeDescending:
      if (a.size != b.size) return a.size > b.size;
      return a.first_use < b.first_use;
    case Order::kFirstUseThenSize:
      if (a.first_use != b.first_use) return a.first_use < b.first_use;
      return a.size > b.size;
    case Order::kAreaDescending: {
      const int64_t area_a =
          static_cast<int64_t>(a.size) * (a.last_use - a.first_use + 1);
      const int64_t area_b =
          static_cast<int64_t>(b.size) * (b.last_use - b.first_use + 1);
      if (area_a != area_b) return area_a > area_b;
      return a.size > b.size;
    }
  }
  return false;
}

// Insertion sort keeps this allocation-free; buffer counts are small.
void SortIndices(const PlannerBuffer* buffers, int count, Order order,
                 int32_t* indices) {
  for (int i = 0; i < count; ++i) indices[i] = i;
  for (int i = 1; i < count; ++i) {
    const int32_t value = indices[i];
    int j = i - 1;
    while (j >= 0 && PlacedBefore(buffers[value], buffers[indices[j]], order)) {
      indices[j + 1] = indices[j];
      --j;
    }
    indices[j + 1] = value;
  }
}

int AnchorRoot(const int32_t* anchors, int i) {
  if (anchors == nullptr) return i;
  while (anchors[i] >= 0) i = anchors[i];
  return i;
}

// The lowest offset >= start where `buffer` overlaps no placed buffer alive
// at the same time. `by_offset` holds the `placed` buffers by offset.
int64_t FirstFit(const PlannerBuffer* buffers, const PlannerBuffer& buffer,
                 int64_t start, const int32_t* offsets,
                 const int32_t* by_offset, int placed) {
  int64_t candidate = start;
  for (int p = 0; p < placed; ++p) {
    const int32_t other = by_offset[p];
    if (!LifetimesOverlap(buffer, buffers[other])) continue;
    const int64_t other_start = offsets[other];
    const int64_t other_end = other_start + buffers[other].size;
    if (candidate + buffer.size <= other_start) break;  // fits in the gap
    if (other_end > candidate) candidate = other_end;
  }
  return candidate;
}

// Places buffers in `order` (an anchor together with every buffer anchored
// to it, at the lowest offset where all of them fit); writes offsets to
// `offsets` and returns the block size. `by_offset` holds placed buffers
// sorted by offset.
size_t PlaceInOrder(const PlannerBuffer* buffers, int count,
                    const int32_t* order, const int32_t* anchors,
                    int32_t* offsets, int32_t* by_offset) {
  int placed = 0;
  size_t total = 0;
  for (int k = 0; k < count; ++k) {
    const int32_t current = order[k];
    if (anchors != nullptr && anchors[current] >= 0) continue;  // with root
    int64_t candidate = 0;
    for (bool moved = true; moved;) {
      moved = false;
      for (int m = 0; m < count && !moved; ++m) {
        if (m != current && (anchors == nullptr || anchors[m] < 0 ||
                             AnchorRoot(anchors, m) != current)) {
          continue;
        }
        const int64_t fit =
            FirstFit(buffers, buffers[m], candidate, offsets, by_offset,
                     placed);
        if (fit != candidate) {
          candidate = fit;
          moved = true;
        }
      }
    }
    for (int m = 0; m < count; ++m) {
      if (m != current && (anchors == nullptr || anchors[m] < 0 ||
                           AnchorRoot(anchors, m) != current)) {
        continue;
      }
      offsets[m] = static_cast<int32_t>(candidate);
      // Insert into the offset-sorted list.
      int position = placed;
      while (position > 0 && offsets[by_offset[position - 1]] > candidate) {
        by_offset[position] = by_offset[position - 1];
        --position;
      }
      by_offset[position] = m;
      ++placed;
      const size_t end = static_cast<size_t>(candidate + buffers[m].size);
      if (end > total) total = end;
    }
  }
  return total;
}

}  // namespace

size_t GreedyPlannerScratchBytes(int count, bool anchored) {
  // order, offsets, offset-sorted list; with anchors, the group extents
  const size_t n = static_cast<size_t>(count > 0 ? count : 1);
  return sizeof(int32_t) * 3 * n + (anchored ? sizeof(PlannerBuffer) * n : 0);
}

size_t PlanBuffersGreedy(PlannerBuffer* buffers, int count, void* scratch,
                         const int32_t* anchors) {
  if (count <= 0) return 0;
  int32_t* order = static_cast<int32_t*>(scratch);
  int32_t* offsets = order + count;
  int32_t* by_offset = offsets + count;
  // Orderings rank an anchored group by its extent: the largest size and
  // the union of its members' lifetimes. Without anchors, a buffer is its
  // own extent.
  const PlannerBuffer* extents = buffers;
  if (anchors != nullptr) {
    PlannerBuffer* groups = reinterpret_cast<PlannerBuffer*>(by_offset + count);
    for (int i = 0; i < count; ++i) groups[i] = buffers[i];
    for (int i = 0; i < count; ++i) {
      const int root = AnchorRoot(anchors, i);
      if (root == i) continue;
      PlannerBuffer& e = groups[root];
      if (buffers[i].size > e.size) e.size = buffers[i].size;
      if (buffers[i].first_use < e.first_use) e.first_use = buffers[i].first_use;
      if (buffers[i].last_use > e.last_use) e.last_use = buffers[i].last_use;
    }
    extents = groups;
  }
  size_t best_total = 0;
  bool have_best = false;
  const Order orders[] = {Order::kSizeDescending, Order::kFirstUseThenSize,
                          Order::kAreaDescending};
  for (Order rule : orders) {
    SortIndices(extents, count, rule, order);
    const size_t total =
        PlaceInOrder(buffers, count, order, anchors, offsets, by_offset);
    if (!have_best || total < best_total) {
      have_best = true;
      best_total = total;
      // The placement reads only `offsets`: the best one so far is kept in
      // the buffers themselves.
      for (int i = 0; i < count; ++i) buffers[i].offset = offsets[i];
    }
  }
  return best_total;
}

bool PlanIsValid(const PlannerBuffer* buffers, int count,
                 const int32_t* anchors) {
  for (int i = 0; i < count; ++i) {
    for (int j = i + 1; j < count; ++j) {
      if (!LifetimesOverlap(buffers[i], buffers[j])) continue;
      if (anchors != nullptr &&
          AnchorRoot(anchors, i) == AnchorRoot(anchors, j)) {
        if (buffers[i].offset != buffers[j].offset) return false;
        continue;
      }
      const int64_t a0 = buffers[i].offset;
      const int64_t a1 = a0 + buffers[i].size;
      const int64_t b0 = buffers[j].offset;
      const int64_t b1 = b0 + buffers[j].size;
      if (a0 < b1 && b0 < a1) return false;
    }
  }
  return true;
}

}  // namespace tflite
