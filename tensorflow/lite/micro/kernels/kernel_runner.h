// TFLM's KernelRunner: runs one kernel (a TFLMRegistration) over tensors the
// test owns, the way TFLM kernel tests drive kernels:
//
//   KernelRunner runner(Register_FULLY_CONNECTED(), tensors, 4, inputs,
//                       outputs, &params);
//   TF_LITE_MICRO_EXPECT_EQ(kTfLiteOk, runner.InitAndPrepare());
//   TF_LITE_MICRO_EXPECT_EQ(kTfLiteOk, runner.Invoke());
//
// Unlike TFLM's (a fake context over a fixed buffer), this one builds a
// one-operator model from the tensors and runs it in a MicroInterpreter, so
// kernels see exactly what they see in a real model: inputs that carry data
// are constants of the model (kernels may read them while preparing),
// variable tensors are the model's variables, and the output shapes are the
// ones the kernel derives in prepare. Before each Invoke the test's input and
// variable data are copied in; after it the outputs and variables are
// copied back to the test's buffers (and an output's dims, when the rank
// agrees). Test code: uses the heap.
#ifndef TENSORFLOW_LITE_MICRO_KERNELS_KERNEL_RUNNER_H_
#define TENSORFLOW_LITE_MICRO_KERNELS_KERNEL_RUNNER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/micro/micro_common.h"
#include "tensorflow/lite/micro/micro_interpreter.h"
#include "tensorflow/lite/micro/micro_mutable_op_resolver.h"

namespace tflite {

namespace testing {
class AlignedModel;
}  // namespace testing

namespace micro {

class KernelRunner {
 public:
  KernelRunner(const TFLMRegistration& registration, TfLiteTensor* tensors,
               int tensors_size, TfLiteIntArray* inputs,
               TfLiteIntArray* outputs, const void* builtin_data,
               TfLiteIntArray* intermediates = nullptr);
  ~KernelRunner();
  KernelRunner(const KernelRunner&) = delete;
  KernelRunner& operator=(const KernelRunner&) = delete;

  // init (with `init_data`, a custom op's options) and prepare.
  TfLiteStatus InitAndPrepare(const char* init_data = nullptr,
                              size_t length = 0);
  TfLiteStatus Invoke();
  // The kernel's reset, or an error when it has none.
  TfLiteStatus Reset();
  // The kernel's free (the interpreter is torn down), or an error when it
  // has none.
  TfLiteStatus Free();

  // Temporary tensors are always handed back here (ScopedTempTensors).
  bool ValidateTempBufferDeallocated() { return true; }

  // The registration's callbacks, looked up by the interpreter's context.
  static KernelRunner* ForContext(const TfLiteContext* context);
  const TFLMRegistration& registration() const { return registration_; }
  void* builtin_data() const { return const_cast<void*>(builtin_data_); }

 private:
  bool IsIndexIn(const TfLiteIntArray* list, int index) const;
  std::vector<uint8_t> BuildModel(const char* init_data, size_t length) const;
  void CopyIn();
  void CopyOut();

  const TFLMRegistration registration_;
  TFLMRegistration proxy_;
  TfLiteTensor* tensors_;
  int tensors_size_;
  TfLiteIntArray* inputs_;
  TfLiteIntArray* outputs_;
  TfLiteIntArray* intermediates_;
  const void* builtin_data_;
  std::unique_ptr<testing::AlignedModel> model_;
  std::vector<uint8_t> arena_;
  // Held in place: deleting it through a pointer would need the virtual
  // destructor the resolvers leave out (no operator delete on devices). A
  // final class, so that destroying it in place is not flagged either
  // (clang's -Wdelete-non-abstract-non-virtual-dtor, the fuzz build's
  // -Werror, on std::optional's destructor call).
  class Resolver final : public MicroMutableOpResolver<1> {};
  std::optional<Resolver> resolver_;
  std::unique_ptr<MicroInterpreter> interpreter_;
};

}  // namespace micro

using micro::KernelRunner;

}  // namespace tflite

#endif  // TENSORFLOW_LITE_MICRO_KERNELS_KERNEL_RUNNER_H_
