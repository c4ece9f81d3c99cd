// The core never touches the heap: this test replaces operator new/delete
// and malloc/calloc/realloc/free with counting versions and fails if any of
// them runs while an interpreter is constructed, allocates, invokes, resets or
// reports an error, on the shared models and on generated ones covering every
// kernel. (Under AddressSanitizer, which owns malloc, only operator new is
// counted.)
#include <atomic>
#include <cstdlib>
#include <limits>
#include <cstring>
#include <new>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tensorflow/lite/micro/all_ops_resolver.h"
#include "tensorflow/lite/micro/micro_interpreter.h"
#include "tensorflow/lite/micro/testing/model_files.h"
#include "tensorflow/lite/micro/testing/test_model_builder.h"

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TFLM_TEST_UNDER_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define TFLM_TEST_UNDER_ASAN 1
#endif

namespace {

std::atomic<bool> watching{false};
std::atomic<int> heap_calls{0};

void Note() {
  if (watching.load(std::memory_order_relaxed)) heap_calls.fetch_add(1);
}

}  // namespace

#if !defined(TFLM_TEST_UNDER_ASAN)
extern "C" {
void* __libc_malloc(size_t size);
void* __libc_calloc(size_t count, size_t size);
void* __libc_realloc(void* pointer, size_t size);
void* __libc_memalign(size_t alignment, size_t size);
void __libc_free(void* pointer);

void* malloc(size_t size) {
  Note();
  return __libc_malloc(size);
}
void* calloc(size_t count, size_t size) {
  Note();
  return __libc_calloc(count, size);
}
void* realloc(void* pointer, size_t size) {
  Note();
  return __libc_realloc(pointer, size);
}
void free(void* pointer) {
  if (pointer != nullptr) Note();
  __libc_free(pointer);
}
void* aligned_alloc(size_t alignment, size_t size) {
  Note();
  return __libc_memalign(alignment, size);
}
void* memalign(size_t alignment, size_t size) {
  Note();
  return __libc_memalign(alignment, size);
}
int posix_memalign(void** out, size_t alignment, size_t size) {
  Note();
  *out = __libc_memalign(alignment, size);
  return *out == nullptr ? 12 /* ENOMEM */ : 0;
}
}  // extern "C"
#endif

void* operator new(size_t size) {
  Note();
  void* p = std::malloc(size > 0 ? size : 1);
  if (p == nullptr) throw std::bad_alloc();
  return p;
}
void* operator new[](size_t size) { return operator new(size); }
void* operator new(size_t size, const std::nothrow_t&) noexcept {
  Note();
  return std::malloc(size > 0 ? size : 1);
}
void* operator new[](size_t size, const std::nothrow_t& tag) noexcept {
  return operator new(size, tag);
}
void operator delete(void* p) noexcept {
  if (p != nullptr) Note();
  std::free(p);
}
void operator delete[](void* p) noexcept { operator delete(p); }
void operator delete(void* p, size_t) noexcept { operator delete(p); }
void operator delete[](void* p, size_t) noexcept { operator delete(p); }

namespace tflite {
namespace {

using testing::AlignedModel;
using testing::ModelFile;

class NoHeapTest : public ::testing::Test {
 protected:
  void SetUp() override { AddAllBuiltinOps(resolver_); }

  // Runs `bytes` through the whole life of an interpreter while watching the
  // heap; returns the heap calls seen. The model copy is made outside.
  int HeapCallsWhileRunning(const AlignedModel& model, size_t arena_bytes) {
    heap_calls = 0;
    watching = true;
    {
      MicroInterpreter interpreter(model.data(), model.size(), resolver_,
                                   arena_, arena_bytes);
      interpreter.set_log_errors(false);
      if (interpreter.AllocateTensors() == kTfLiteOk) {
        for (size_t i = 0; i < interpreter.inputs_size(); ++i) {
          TfLiteTensor* input = interpreter.input(i);
          for (size_t b = 0; b < input->bytes; ++b) {
            input->data.uint8[b] =
                input->type == kTfLiteBool ? b & 1 : static_cast<uint8_t>(b);
          }
        }
        interpreter.Invoke();
        interpreter.Reset();
        interpreter.Invoke();
        char text[2048];
        interpreter.FormatAllocations(text, sizeof(text));
        interpreter.GetTensor(-1);
        interpreter.GetTensor(1 << 30, 1 << 30);
      }
      const char* message = interpreter.error_message();
      (void)message;
    }
    watching = false;
    return heap_calls;
  }

  MicroMutableOpResolver<kAllBuiltinOpsCount> resolver_;
  alignas(16) static uint8_t arena_[1 << 20];
};

alignas(16) uint8_t NoHeapTest::arena_[1 << 20];

TEST_F(NoHeapTest, HooksSeeTheHeap) {
  watching = true;
  heap_calls = 0;
  std::vector<int>* v = new std::vector<int>(3);
  delete v;
  watching = false;
  EXPECT_GE(heap_calls, 2);
}

TEST_F(NoHeapTest, SharedModels) {
  const std::vector<ModelFile> models = testing::SharedModels();
  if (models.empty()) GTEST_SKIP() << "../shared is not beside the checkout";
  for (const ModelFile& file : models) {
    AlignedModel model(file.bytes);
    EXPECT_EQ(HeapCallsWhileRunning(model, sizeof(arena_)), 0) << file.name;
    // Failure paths format messages: arena too small.
    EXPECT_EQ(HeapCallsWhileRunning(model, 512), 0) << file.name;
  }
}

TEST_F(NoHeapTest, GeneratedModelsForEveryKernel) {
  const std::vector<ModelFile> models = testing::ReadModelDirectory(
      testing::RunfilesPath("tflite_micro", "tensorflow/lite/micro/fuzz/seeds"));
  ASSERT_GT(models.size(), 50u);
  for (const ModelFile& file : models) {
    AlignedModel model(file.bytes);
    EXPECT_EQ(HeapCallsWhileRunning(model, sizeof(arena_)), 0) << file.name;
  }
}

TEST_F(NoHeapTest, RejectedModels) {
  // Broken bytes, a truncated model and one with an infinite scale: every
  // rejection formats a message, none of which may allocate.
  std::vector<uint8_t> garbage(256, 0xab);
  EXPECT_EQ(HeapCallsWhileRunning(AlignedModel(garbage), 4096), 0);
  testing::TestModelBuilder b;
  const int x = b.AddTensor(TensorType_INT8, {1, 4}, {}, std::numeric_limits<float>::infinity(), 0);
  const int y = b.AddTensor(TensorType_INT8, {1, 4}, {}, 0.5f, 0);
  b.AddOperator(BuiltinOperator_RELU, {x}, {y});
  b.SetInputs({x});
  b.SetOutputs({y});
  std::vector<uint8_t> bytes = b.Build();
  EXPECT_EQ(HeapCallsWhileRunning(AlignedModel(bytes), 4096), 0);
  bytes.resize(bytes.size() / 2);
  EXPECT_EQ(HeapCallsWhileRunning(AlignedModel(bytes), 4096), 0);
}

}  // namespace
}  // namespace tflite
