// Compiles the header that `generate_op_resolver` wrote for micro_speech
// (../shared) and runs the model with it: the generated resolver must hold
// every op the model needs and give the same output as the all-ops one.
#include <cstring>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tensorflow/lite/micro/all_ops_resolver.h"
#include "tensorflow/lite/micro/micro_interpreter.h"
#include "tensorflow/lite/micro/testing/model_files.h"
#include "tensorflow/lite/micro/tools/micro_speech_op_resolver.h"

namespace {

#ifdef MICRO_SPEECH_MODEL_ABSENT

TEST(GeneratedOpResolverTest, RunsMicroSpeech) {
  GTEST_SKIP() << "../shared (micro_speech_quantized.tflite) is not next to "
                  "this checkout; skipping";
}

#else

std::vector<uint8_t> ReadModel() {
  return tflite::testing::ReadFile(tflite::testing::RunfilesPath(
      "shared_data", "models/micro_speech_quantized.tflite"));
}

// Runs the model on a fixed input pattern; returns the output bytes.
std::vector<int8_t> RunModel(const std::vector<uint8_t>& model,
                             const tflite::MicroOpResolver& resolver) {
  // The interpreter reads the model in place from 16-byte aligned memory.
  alignas(16) static uint8_t model_copy[256 * 1024];
  alignas(16) static uint8_t arena[64 * 1024];
  if (model.size() > sizeof(model_copy)) {
    ADD_FAILURE() << "model of " << model.size() << " bytes is too large";
    return {};
  }
  std::memcpy(model_copy, model.data(), model.size());
  tflite::MicroInterpreter interpreter(model_copy, model.size(), resolver,
                                       arena, sizeof(arena));
  if (interpreter.AllocateTensors() != kTfLiteOk) {
    ADD_FAILURE() << interpreter.error_message();
    return {};
  }
  TfLiteTensor* input = interpreter.input(0);
  for (size_t i = 0; i < input->bytes; ++i) {
    input->data.int8[i] = static_cast<int8_t>((i * 37) % 256 - 128);
  }
  if (interpreter.Invoke() != kTfLiteOk) {
    ADD_FAILURE() << interpreter.error_message();
    return {};
  }
  const TfLiteTensor* output = interpreter.output(0);
  return std::vector<int8_t>(output->data.int8,
                             output->data.int8 + output->bytes);
}

TEST(GeneratedOpResolverTest, RunsMicroSpeech) {
  const std::vector<uint8_t> model = ReadModel();
  ASSERT_FALSE(model.empty()) << "micro_speech_quantized.tflite not found in "
                                 "the test's runfiles";

  MicroSpeechOpResolver resolver;
  ASSERT_EQ(AddMicroSpeechOps(resolver), kTfLiteOk);
  // Sized exactly: every slot is used.
  EXPECT_EQ(resolver.GetRegistrationLength(), kMicroSpeechOpCount);

  const std::vector<int8_t> selective = RunModel(model, resolver);
  tflite::AllOpsResolver all_ops;
  const std::vector<int8_t> reference = RunModel(model, all_ops);
  ASSERT_EQ(selective.size(), 4u);  // silence, unknown, yes, no
  EXPECT_EQ(selective, reference);
}

#endif  // MICRO_SPEECH_MODEL_ABSENT

}  // namespace
