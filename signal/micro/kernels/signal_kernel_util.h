// Shared by the signal kernels: custom options read from a verified
// flexbuffer map, and tensor checks that report what is wrong as
// "<op>: ..." (the interpreter prefixes "Node <op> (number N) failed to
// prepare: ").
#ifndef SIGNAL_MICRO_KERNELS_SIGNAL_KERNEL_UTIL_H_
#define SIGNAL_MICRO_KERNELS_SIGNAL_KERNEL_UTIL_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <new>

#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/kernels/internal/runtime_shape.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"

namespace tflite {
namespace signal_ops {

// A node's custom options as Init receives them (they point into the model,
// which outlives the interpreter); parsed and checked in Prepare.
struct RawOptions {
  const uint8_t* data;
  size_t length;
};

inline RawOptions MakeRawOptions(const char* buffer, size_t length) {
  return {reinterpret_cast<const uint8_t*>(buffer),
          buffer == nullptr ? 0 : length};
}

// Allocates a kernel's OpData (zeroed) in the arena's persistent section and
// records the options in its first member `options`.
template <typename OpData>
void* InitOpData(TfLiteContext* context, const char* buffer, size_t length) {
  void* memory = context->AllocatePersistentBuffer(context, sizeof(OpData));
  if (memory == nullptr) return nullptr;
  OpData* data = new (memory) OpData();
  data->options = MakeRawOptions(buffer, length);
  return data;
}

// Typed reads from the options' flexbuffer map.
class Options {
 public:
  Options(const char* op, const RawOptions& raw) : op_(op), raw_(raw) {}

  // Verifies the buffer (flexbuffers::VerifyBuffer) and that its root is a
  // map. `allow_absent`: no options at all is fine (ops without options).
  bool Verify(bool allow_absent = false);

  // An integer option within [min, max]; reports a missing, non-integer or
  // out-of-range value.
  bool GetInt(const char* key, int64_t min, int64_t max, int64_t* value);
  // A boolean option (true/false, or the integers 0 and 1).
  bool GetBool(const char* key, bool* value);

 private:
  const char* op_;
  RawOptions raw_;
  bool verified_ = false;
};

// Prepare-time access to a node's tensors: hands out temporary TfLiteTensors
// and releases them all when it goes out of scope.
class NodeTensors {
 public:
  NodeTensors(TfLiteContext* context, TfLiteNode* node, const char* op);
  ~NodeTensors();
  NodeTensors(const NodeTensors&) = delete;
  NodeTensors& operator=(const NodeTensors&) = delete;

  // Reports a wrong number of inputs or outputs.
  bool CheckCounts(int inputs, int outputs);
  // The tensor, or nullptr after reporting that it is missing.
  TfLiteTensor* Input(int index, const char* role);
  TfLiteTensor* Output(int index, const char* role);

  bool CheckType(const TfLiteTensor* tensor, const char* role,
                 TfLiteType type);
  // For ops with one input and one output, both of `type`: checks the
  // counts and types and hands both out (false after reporting).
  bool InputAndOutput(TfLiteType type, const char* input_role,
                      TfLiteTensor** input, TfLiteTensor** output);
  bool CheckRank(const TfLiteTensor* tensor, const char* role, int rank);
  // A nonempty 1-D tensor; its length in *length.
  bool CheckVector(const TfLiteTensor* tensor, const char* role,
                   int* length);
  // Derives an output's shape.
  bool SetOutputShape(TfLiteTensor* output, const RuntimeShape& shape);

  TfLiteContext* context() const { return context_; }
  const char* op() const { return op_; }

 private:
  static constexpr int kMaxHeld = 12;
  bool Hold(TfLiteTensor* tensor);

  TfLiteContext* context_;
  TfLiteNode* node_;
  const char* op_;
  TfLiteTensor* held_[kMaxHeld];
  int held_count_ = 0;
};

// A kernel's Reset for stateful ops: `clear` (OpData*) on its user data.
template <typename OpData, void (*clear)(OpData*)>
TfLiteStatus ResetWith(TfLiteContext* /*context*/, void* buffer) {
  if (buffer != nullptr) clear(static_cast<OpData*>(buffer));
  return kTfLiteOk;
}

// A sliding window over int16 samples (Framer, Stacker): once `buffer`
// holds at least `window` of them (`available`), copies the window to
// `output` and drops the oldest `step`. Returns whether it did.
inline bool EmitWindowAndSlide(int16_t* buffer, int& available, int window,
                               int step, int16_t* output) {
  if (available < window) return false;
  std::memcpy(output, buffer, sizeof(int16_t) * window);
  available -= step;
  std::memmove(buffer, buffer + step, sizeof(int16_t) * available);
  return true;
}

// "[2, 3]" into `buffer`; returns buffer.
using micro::FormatShape;

}  // namespace signal_ops
}  // namespace tflite

#endif  // SIGNAL_MICRO_KERNELS_SIGNAL_KERNEL_UTIL_H_
