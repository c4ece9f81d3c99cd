// Built with -fno-exceptions -fno-rtti (micro_copts): every core header
// compiles without them, and a model runs through the interpreter.
#if defined(__cpp_exceptions) || defined(__EXCEPTIONS)
#error "this test must be compiled with -fno-exceptions"
#endif
#if defined(__GXX_RTTI) || defined(__cpp_rtti)
#error "this test must be compiled with -fno-rtti"
#endif

#include <cstdio>

#include "tensorflow/lite/micro/all_ops_resolver.h"
#include "tensorflow/lite/micro/micro_allocator.h"
#include "tensorflow/lite/micro/micro_context.h"
#include "tensorflow/lite/micro/micro_graph.h"
#include "tensorflow/lite/micro/micro_interpreter.h"
#include "tensorflow/lite/micro/micro_log.h"
#include "tensorflow/lite/micro/micro_mutable_op_resolver.h"
#include "tensorflow/lite/micro/micro_resource_variable.h"
#include "tensorflow/lite/micro/model_checks.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/kernels/kernel_util.h"

namespace {

tflite::MicroMutableOpResolver<tflite::kAllBuiltinOpsCount> resolver;
alignas(16) uint8_t arena[4096];
alignas(16) uint8_t not_a_model[64] = {1, 2, 3};

}  // namespace

int main() {
  if (tflite::AddAllBuiltinOps(resolver) != kTfLiteOk) return 1;
  tflite::MicroInterpreter interpreter(not_a_model, sizeof(not_a_model),
                                       resolver, arena, sizeof(arena));
  interpreter.set_log_errors(false);
  if (interpreter.AllocateTensors() == kTfLiteOk) return 1;
  std::printf("rejected as expected: %s\n", interpreter.error_message());
  return 0;
}
