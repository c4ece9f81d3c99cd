// A model run on a host, as the Python and Java bindings and host programs
// run it: the model's bytes (an aligned private copy, or the caller's bytes
// read in place), an op resolver with every builtin plus the custom ops of
// the registerers named in the options, an arena on the heap and the
// MicroInterpreter over them. The options are taken once, at Load.
//
//   tflite::HostedOptions options;            // arena: 10x the model, grown
//   options.registerers = {"SignalOpsRegisterer"};
//   tflite::HostedInterpreter hosted;
//   if (!hosted.Load(bytes, size, options)) puts(hosted.error().message.c_str());
//   TfLiteEvalTensor* x = hosted.input(0);    // fill x->data
//   if (!hosted.Invoke()) ...
//
// The arena: by default ten times the model size, grown to the exact
// minimum when that is not enough (at Load and after a resize), but never
// past HostedOptions::max_arena_size (default kDefaultMaxArenaSize, 256 MiB):
// a model that needs more fails with kArenaLimit and error().needed_bytes, so
// that a small untrusted model cannot take gigabytes unasked. An explicit
// arena size is a budget (not bound by that limit): when it is too small the
// call fails with kArenaTooSmall and error().needed_bytes, the size that
// would do.
//
// Unset inputs: whenever the tensors are planned (Load, after a resize, a
// growth or a recovery) every model input and output of subgraph 0 is zeroed,
// so an input not set since reads as zeros, in every binding alike. Reset and
// Invoke keep what inputs hold (with preserve_inputs false the planner may
// reuse an input's memory after Invoke: set inputs before every Invoke).
//
// Cancellation: SetCancelled(true), from any thread, makes a running Invoke
// stop before its next node or subgraph run (each WHILE iteration is at
// least two) and fail with kCancelled; later Invokes fail the same way until
// SetCancelled(false).
//
// Input shapes given to ResizeInput are remembered and replayed whenever the
// interpreter is rebuilt over a larger arena (and when measuring the size
// needed). After a failed allocation the tensors are unavailable; the next
// ResizeInput, AllocateTensors, EnsureAllocated or Invoke first goes back to
// the model's own input shapes (Recover).
//
// No exceptions: every call that can fail returns false and leaves the
// reason in error(); the bindings turn it into their own exceptions.
#ifndef TENSORFLOW_LITE_MICRO_HOST_HOSTED_INTERPRETER_H_
#define TENSORFLOW_LITE_MICRO_HOST_HOSTED_INTERPRETER_H_

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/micro/extensible_op_resolver.h"
#include "tensorflow/lite/micro/micro_interpreter.h"
#include "tensorflow/lite/micro/micro_profiler_interface.h"

namespace tflite {

class LayeredOpResolver;

// Bytes of a tensor's data: its element count times its element size (the
// core's micro::EvalTensorBytes, under the host layer's name).
size_t TensorBytes(const TfLiteEvalTensor* tensor);

// The alignment the core expects of model bytes and arenas.
constexpr size_t kHostedAlignment = 16;

struct AlignedFree {
  void operator()(uint8_t* memory) const;
};
// Heap memory aligned to kHostedAlignment.
using AlignedBuffer = std::unique_ptr<uint8_t[], AlignedFree>;
// nullptr when the host is out of memory; size 0 still gets a block.
AlignedBuffer AllocateAligned(size_t size);

// The largest arena the default (automatic) sizing makes: 256 MiB.
constexpr size_t kDefaultMaxArenaSize = static_cast<size_t>(256) << 20;

struct HostedOptions {
  // Arena bytes; 0: ten times the model size, grown to the minimum when too
  // small. Anything else is a budget that is never grown.
  size_t arena_size = 0;
  // With arena_size 0: the arena never grows past this (kArenaLimit instead).
  size_t max_arena_size = kDefaultMaxArenaSize;
  MicroArithmetic arithmetic = MicroArithmetic::kTflm;
  // Inputs keep their values across Invoke (false: the planner may reuse
  // their memory after their last reader, as TFLM does).
  bool preserve_inputs = true;
  // Every tensor keeps its value after Invoke (no buffer is shared).
  bool preserve_all_tensors = false;
  // Read the caller's bytes in place when they are 16-byte aligned (the
  // caller keeps them alive and unchanged while the interpreter lives);
  // unaligned bytes are copied once. false: always a private copy.
  bool model_in_place = false;
  // C functions `bool Name(ExtensibleOpResolver*)` looked up by name
  // (RunRegisterers, custom_op_registerers.h) ...
  std::vector<std::string> registerers;
  // ... after these, linked into the program and called directly.
  std::vector<CustomOpRegisterer> linked_registerers;
  // Kernels looked up here before the builtins and the registerers' custom
  // ops (nullptr: none); options parsers still come from the builtins when
  // it has none. It must outlive the interpreter. How TFLite's C++ API
  // (tensorflow/lite/interpreter_builder.h) hands over the kernels of its
  // OpResolver.
  const MicroOpResolver* op_resolver = nullptr;
};

enum class HostedErrorKind {
  kNone,
  // The model's bytes were rejected (verifier, model checks).
  kBadModel,
  // No loaded library exports the registerer `error().registerer`.
  kRegistererNotFound,
  // A registerer returned false; `message` holds what it reported.
  kRegistererFailed,
  // A shape ResizeInput cannot take (rank, a fixed dimension, index).
  kBadShape,
  // The arena given as a budget is too small: `needed_bytes` would do.
  kArenaTooSmall,
  // The default arena would have to grow past options.max_arena_size
  // (`arena_limit`): `needed_bytes` would do, given as an explicit arena.
  kArenaLimit,
  // Invoke stopped because SetCancelled(true) was called.
  kCancelled,
  // Any other failure of the core (an unknown op, a kernel's prepare or
  // invoke); `message` is the core's.
  kFailed,
  // The host has no memory for the model copy or the arena.
  kOutOfMemory,
};

struct HostedError {
  HostedErrorKind kind = HostedErrorKind::kNone;
  // The core's message (or the registerer's report).
  std::string message;
  // kRegistererNotFound / kRegistererFailed: its name ("" for a linked one).
  std::string registerer;
  // kArenaTooSmall: the arena that was too small, the smallest that is not,
  // and whether input shapes given to ResizeInput were in force.
  size_t arena_size = 0;
  size_t needed_bytes = 0;
  bool resized = false;
  // kArenaLimit: the limit in force.
  size_t arena_limit = 0;
};

// The message of a kRegistererNotFound error, "Custom op registerer 'X' was
// not found: no loaded library exports a C function of that name
// (<how_to_load>)", or of a kRegistererFailed one, "Custom op registerer 'X'
// returned false (registration failed)" and what it reported.
std::string RegistererErrorText(const HostedError& error,
                                const std::string& how_to_load);

// The message of a kArenaLimit error in a binding's words: "This model needs
// an arena of N bytes, more than the automatic arena may grow to (<limit>,
// now M bytes): to allow it, <allow>", where "{needed}" in `allow` stands for
// N (e.g. "pass arena_size={needed} or more").
std::string ArenaLimitErrorText(const HostedError& error,
                                const std::string& limit,
                                const std::string& allow);

class HostedInterpreter {
 public:
  HostedInterpreter();
  ~HostedInterpreter();
  HostedInterpreter(const HostedInterpreter&) = delete;
  HostedInterpreter& operator=(const HostedInterpreter&) = delete;

  // Reads the model (see HostedOptions::model_in_place), registers the
  // custom ops, checks the model and allocates its tensors. Once only.
  bool Load(const uint8_t* model, size_t size, const HostedOptions& options);
  // The same over bytes already in aligned memory, which it takes over.
  bool Load(AlignedBuffer model, size_t size, const HostedOptions& options);

  // Gives input `index` a new shape, remembered until the next Recover;
  // the tensors are re-planned by the next allocation. kBadShape when the
  // core refuses it; when only the arena has no room for the new shape's
  // dims, the arena grows (and the tensors are allocated) if allowed, else
  // kArenaTooSmall.
  bool ResizeInput(size_t index, const int32_t* dims, int rank);
  // Plans the arena for the current shapes (growing it if allowed). After a
  // failed allocation: Recover instead.
  bool AllocateTensors();
  // Allocates when a resize or a failure left the tensors unplanned.
  bool EnsureAllocated();
  // After a failed allocation: forgets the resized shapes and allocates at
  // the model's own shapes. Nothing to do (true) otherwise.
  bool Recover();
  bool Invoke();
  bool Reset();

  // See the top of this file; any thread may call it at any time.
  void SetCancelled(bool cancelled) { cancelled_.store(cancelled); }
  bool cancelled() const { return cancelled_.load(); }

  // Attached to this and every later interpreter (a grown arena makes a new
  // one); nullptr detaches.
  void SetProfiler(MicroProfilerInterface* profiler);

  const HostedError& error() const { return error_; }

  // Read access and tensors. Resize and allocate through this class only:
  // it keeps the shapes to replay.
  const MicroInterpreter& micro() const { return *interpreter_; }
  MicroInterpreter& micro() { return *interpreter_; }
  size_t inputs_size() const { return interpreter_->inputs_size(); }
  size_t outputs_size() const { return interpreter_->outputs_size(); }
  // nullptr when not allocated (see micro_interpreter.h).
  TfLiteEvalTensor* input(size_t index) {
    return interpreter_->input_eval_tensor(index);
  }
  TfLiteEvalTensor* output(size_t index) {
    return interpreter_->output_eval_tensor(index);
  }
  // Subgraph 0's tensor of input/output `index` in the model.
  const Tensor* model_tensor(int tensor_index) const;

  bool model_in_place() const { return model_copy_ == nullptr; }
  // The model's bytes as the interpreter reads them.
  const uint8_t* model_data() const { return model_; }
  size_t model_size() const { return model_size_; }
  size_t arena_size() const { return arena_size_; }
  size_t arena_used_bytes() const { return interpreter_->arena_used_bytes(); }
  size_t arena_required_bytes() const {
    return interpreter_->arena_required_bytes();
  }

 private:
  bool Start(const HostedOptions& options);
  // A new interpreter over a new arena of `arena_size` bytes; false (and
  // kOutOfMemory) when the arena cannot be had.
  bool CreateInterpreter(size_t arena_size);
  // Applies the remembered shapes to `interpreter` (allocated at the
  // model's shapes) and allocates.
  TfLiteStatus ReplayShapes(MicroInterpreter* interpreter) const;
  // After AllocateTensors failed: grows the arena if allowed, else fails.
  bool AllocationFailed();
  // A new interpreter over `needed` bytes at the remembered shapes.
  bool Grow(size_t needed);
  // The smallest arena for the current shapes, by trial (0 if unknown).
  size_t MeasureRequiredArena() const;
  // Zeroes the data of subgraph 0's inputs and outputs (after planning).
  void ZeroInputsAndOutputs();
  // kArenaLimit when automatic growth to `needed` bytes is not allowed.
  bool FailOverLimit(size_t needed, const std::string& message);
  static bool CancellationRequested(void* self);
  bool Fail(HostedErrorKind kind, std::string message);
  bool FailFromCore(HostedErrorKind kind);

  AlignedBuffer model_copy_;
  const uint8_t* model_ = nullptr;
  size_t model_size_ = 0;
  HostedOptions options_;
  bool grow_arena_ = false;
  std::unique_ptr<ExtensibleOpResolver> resolver_;
  // options_.op_resolver over resolver_, when there is one.
  std::unique_ptr<LayeredOpResolver> layered_;
  // What the core looks kernels up in: layered_ or resolver_.
  const MicroOpResolver* active_resolver_ = nullptr;
  MicroProfilerInterface* profiler_ = nullptr;
  AlignedBuffer arena_;
  size_t arena_size_ = 0;
  std::unique_ptr<MicroInterpreter> interpreter_;
  // Shapes given to ResizeInput, by input (resized_[i]: one was given).
  std::vector<std::vector<int32_t>> shapes_;
  std::vector<bool> resized_;
  bool needs_allocation_ = false;
  // The tensors have been planned at least once (by this interpreter_).
  bool planned_ = false;
  bool failed_ = false;
  std::atomic<bool> cancelled_{false};
  HostedError error_;
};

}  // namespace tflite

#endif  // TENSORFLOW_LITE_MICRO_HOST_HOSTED_INTERPRETER_H_
