// Issue 21 through TFLite's C++ API: an unset input reads as zeros, the
// default arena's growth limit (InterpreterBuilder::SetMaxArenaSize /
// SetArenaSize), and Interpreter::Cancel stopping an endless WHILE loop.
#include <chrono>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "tensorflow/lite/interpreter.h"
#include "tensorflow/lite/interpreter_builder.h"
#include "tensorflow/lite/kernels/register.h"
#include "tensorflow/lite/micro/testing/model_files.h"
#include "tensorflow/lite/model.h"

namespace tflite {
namespace {

class Reporter : public ErrorReporter {
 public:
  int Report(const char* format, va_list args) override {
    char line[1024];
    const int written = std::vsnprintf(line, sizeof(line), format, args);
    text += line;
    return written;
  }
  std::string text;
};

std::string TestModelPath(const std::string& name) {
  return testing::RunfilesPath(
      "tflite_micro", "tensorflow/lite/micro/testing/models/" + name);
}

std::string SimpleAddPath() {
  return testing::RunfilesPath("shared_data",
                               "models/simple_add_model.tflite");
}

std::unique_ptr<Interpreter> Build(const FlatBufferModel& model,
                                   Reporter* reporter, size_t arena_size = 0,
                                   size_t max_arena_size = 0) {
  ops::builtin::BuiltinOpResolver resolver;
  InterpreterBuilder builder(model, resolver, reporter);
  if (arena_size > 0) builder.SetArenaSize(arena_size);
  if (max_arena_size > 0) builder.SetMaxArenaSize(max_arena_size);
  std::unique_ptr<Interpreter> interpreter;
  builder(&interpreter);
  return interpreter;
}

std::vector<int8_t> RunWithInput0Only(Interpreter* interpreter) {
  TfLiteTensor* x = interpreter->input_tensor(0);
  for (size_t i = 0; i < x->bytes; ++i) {
    x->data.int8[i] = static_cast<int8_t>(i % 97);
  }
  EXPECT_EQ(interpreter->Invoke(), kTfLiteOk);
  const TfLiteTensor* y = interpreter->output_tensor(0);
  return std::vector<int8_t>(y->data.int8, y->data.int8 + y->bytes);
}

TEST(ReliabilityTest, UnsetInputReadsZeros) {
  Reporter reporter;
  auto model = FlatBufferModel::BuildFromFile(SimpleAddPath().c_str());
  ASSERT_NE(model, nullptr);
  auto reference = Build(*model, &reporter);
  ASSERT_NE(reference, nullptr) << reporter.text;
  TfLiteTensor* second = reference->input_tensor(1);
  std::memset(second->data.raw, 0, second->bytes);
  const std::vector<int8_t> expected = RunWithInput0Only(reference.get());
  for (int run = 0; run < 3; ++run) {
    auto interpreter = Build(*model, &reporter);
    ASSERT_NE(interpreter, nullptr) << reporter.text;
    EXPECT_EQ(RunWithInput0Only(interpreter.get()), expected);
  }
  // Re-planned after a resize (a batch of 2 grows the arena, then back).
  auto interpreter = Build(*model, &reporter);
  ASSERT_NE(interpreter, nullptr);
  second = interpreter->input_tensor(1);
  std::memset(second->data.raw, 0x5a, second->bytes);
  for (int batch : {2, 1}) {
    for (int i = 0; i < 2; ++i) {
      ASSERT_EQ(interpreter->ResizeInputTensor(interpreter->inputs()[i],
                                               {batch, 128, 128, 1}),
                kTfLiteOk)
          << reporter.text;
    }
    ASSERT_EQ(interpreter->AllocateTensors(), kTfLiteOk) << reporter.text;
  }
  EXPECT_EQ(RunWithInput0Only(interpreter.get()), expected);
}

TEST(ReliabilityTest, DefaultArenaGrowthIsBounded) {
  Reporter reporter;
  auto huge = FlatBufferModel::BuildFromFile(
      TestModelPath("huge_tensors.tflite").c_str());
  ASSERT_NE(huge, nullptr);
  EXPECT_EQ(Build(*huge, &reporter), nullptr);
  EXPECT_NE(reporter.text.find("needs an arena of"), std::string::npos)
      << reporter.text;
  EXPECT_NE(reporter.text.find("SetArenaSize("), std::string::npos)
      << reporter.text;

  auto add = FlatBufferModel::BuildFromFile(SimpleAddPath().c_str());
  ASSERT_NE(add, nullptr);
  auto measured = Build(*add, &reporter);
  ASSERT_NE(measured, nullptr) << reporter.text;
  const size_t needed = measured->hosted().arena_required_bytes();
  reporter.text.clear();
  EXPECT_EQ(Build(*add, &reporter, 0, needed / 2), nullptr);
  EXPECT_NE(reporter.text.find("SetArenaSize(" + std::to_string(needed) + ")"),
            std::string::npos)
      << reporter.text;
  EXPECT_NE(Build(*add, &reporter, needed, needed / 2), nullptr)
      << reporter.text;
}

TEST(ReliabilityTest, CancelStopsAnEndlessWhile) {
  Reporter reporter;
  auto model = FlatBufferModel::BuildFromFile(
      TestModelPath("endless_while.tflite").c_str());
  ASSERT_NE(model, nullptr);
  auto interpreter = Build(*model, &reporter);
  ASSERT_NE(interpreter, nullptr) << reporter.text;
  ASSERT_EQ(interpreter->EnableCancellation(), kTfLiteOk);
  std::thread canceller([&interpreter] {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    interpreter->Cancel();
  });
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(interpreter->Invoke(), kTfLiteError);
  canceller.join();
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
  EXPECT_NE(reporter.text.find("cancelled"), std::string::npos)
      << reporter.text;
}

}  // namespace
}  // namespace tflite
