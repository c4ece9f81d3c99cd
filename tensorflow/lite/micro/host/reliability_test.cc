// Issue 21 in the host layer (what every binding runs on): unset inputs read
// as zeros after every planning, the default arena's growth limit, and
// cancelling a run that would never end.
#include <chrono>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "tensorflow/lite/micro/host/hosted_interpreter.h"
#include "tensorflow/lite/micro/testing/model_files.h"

namespace tflite {
namespace {

std::vector<uint8_t> TestModel(const std::string& name) {
  return testing::ReadFile(
      testing::RunfilesPath("tflite_micro",
                            "tensorflow/lite/micro/testing/models/" + name));
}

std::vector<uint8_t> SimpleAdd() {
  return testing::ReadFile(testing::RunfilesPath(
      "shared_data", "models/simple_add_model.tflite"));
}

bool Load(HostedInterpreter* hosted, const std::vector<uint8_t>& bytes,
          const HostedOptions& options = HostedOptions()) {
  return hosted->Load(bytes.data(), bytes.size(), options);
}

std::vector<int8_t> Bytes(const TfLiteEvalTensor* tensor) {
  const int8_t* data = tensor->data.int8;
  return std::vector<int8_t>(data, data + TensorBytes(tensor));
}

// Sets input 0 of simple_add_model to a ramp, leaves input 1 alone, runs.
std::vector<int8_t> RunWithInput0Only(HostedInterpreter* hosted) {
  EXPECT_TRUE(hosted->EnsureAllocated()) << hosted->error().message;
  TfLiteEvalTensor* x = hosted->input(0);
  EXPECT_NE(x, nullptr);
  if (x == nullptr) return {};
  for (size_t i = 0; i < TensorBytes(x); ++i) {
    x->data.int8[i] = static_cast<int8_t>(i % 97);
  }
  EXPECT_TRUE(hosted->Invoke()) << hosted->error().message;
  return Bytes(hosted->output(0));
}

TEST(UnsetInputsTest, ReadAsZerosAtLoadResizeGrowthAndReset) {
  const std::vector<uint8_t> model = SimpleAdd();
  ASSERT_FALSE(model.empty());
  // The reference: input 1 explicitly zero.
  HostedInterpreter reference;
  ASSERT_TRUE(Load(&reference, model)) << reference.error().message;
  TfLiteEvalTensor* y = reference.input(1);
  std::memset(y->data.raw, 0, TensorBytes(y));
  const std::vector<int8_t> expected = RunWithInput0Only(&reference);
  ASSERT_FALSE(expected.empty());

  for (int run = 0; run < 3; ++run) {
    HostedInterpreter hosted;
    ASSERT_TRUE(Load(&hosted, model)) << hosted.error().message;
    EXPECT_EQ(RunWithInput0Only(&hosted), expected) << "run " << run;
  }

  HostedInterpreter hosted;
  ASSERT_TRUE(Load(&hosted, model)) << hosted.error().message;
  // Garbage in input 1, then a re-planning in the same arena (a resize to
  // the same shape): input 1 is zero again.
  TfLiteEvalTensor* second = hosted.input(1);
  std::memset(second->data.raw, 0x5a, TensorBytes(second));
  RunWithInput0Only(&hosted);
  const int32_t full[] = {1, 128, 128, 1};
  const size_t arena = hosted.arena_size();
  for (size_t i = 0; i < 2; ++i) {
    ASSERT_TRUE(hosted.ResizeInput(i, full, 4)) << hosted.error().message;
  }
  ASSERT_TRUE(hosted.AllocateTensors()) << hosted.error().message;
  EXPECT_EQ(hosted.arena_size(), arena);
  for (int8_t v : Bytes(hosted.input(1))) ASSERT_EQ(v, 0);
  EXPECT_EQ(RunWithInput0Only(&hosted), expected);
  std::memset(hosted.input(1)->data.raw, 0x33, TensorBytes(hosted.input(1)));

  // Growth (a batch of 4): the grown arena's inputs are zero, and so they
  // are after going back to a batch of 1 in it.
  const int32_t large[] = {4, 128, 128, 1};
  for (size_t i = 0; i < 2; ++i) {
    ASSERT_TRUE(hosted.ResizeInput(i, large, 4)) << hosted.error().message;
  }
  ASSERT_TRUE(hosted.AllocateTensors()) << hosted.error().message;
  EXPECT_GT(hosted.arena_size(), arena);
  for (int8_t v : Bytes(hosted.input(1))) ASSERT_EQ(v, 0);
  std::memset(hosted.input(1)->data.raw, 0x44, TensorBytes(hosted.input(1)));
  for (size_t i = 0; i < 2; ++i) {
    ASSERT_TRUE(hosted.ResizeInput(i, full, 4)) << hosted.error().message;
  }
  EXPECT_EQ(RunWithInput0Only(&hosted), expected);

  // Reset keeps the inputs as they are (here: still zero).
  ASSERT_TRUE(hosted.Reset());
  EXPECT_EQ(RunWithInput0Only(&hosted), expected);
}

TEST(ArenaLimitTest, DefaultGrowthStopsAtTheLimit) {
  const std::vector<uint8_t> model = TestModel("huge_tensors.tflite");
  ASSERT_FALSE(model.empty());
  EXPECT_LT(model.size(), 1024u);
  HostedInterpreter hosted;
  EXPECT_FALSE(Load(&hosted, model));
  EXPECT_EQ(hosted.error().kind, HostedErrorKind::kArenaLimit);
  EXPECT_EQ(hosted.error().arena_limit, kDefaultMaxArenaSize);
  // Three float32 [1, 16000, 16000] tensors.
  EXPECT_GE(hosted.error().needed_bytes, 3u * 16000u * 16000u * 4u);
  EXPECT_LE(hosted.arena_size(), kDefaultMaxArenaSize);
}

TEST(ArenaLimitTest, ConfigurableAndNotAppliedToAnExplicitArena) {
  const std::vector<uint8_t> model = SimpleAdd();
  HostedInterpreter measured;
  ASSERT_TRUE(Load(&measured, model)) << measured.error().message;
  const size_t needed = measured.arena_required_bytes();

  HostedOptions limited;
  limited.max_arena_size = needed / 2;
  HostedInterpreter hosted;
  EXPECT_FALSE(Load(&hosted, model, limited));
  EXPECT_EQ(hosted.error().kind, HostedErrorKind::kArenaLimit);
  EXPECT_EQ(hosted.error().needed_bytes, needed);
  EXPECT_EQ(hosted.error().arena_limit, needed / 2);

  // The way out the error names: an explicit arena of that size.
  HostedOptions explicit_arena = limited;
  explicit_arena.arena_size = needed;
  HostedInterpreter allowed;
  EXPECT_TRUE(Load(&allowed, model, explicit_arena))
      << allowed.error().message;

  // A resize past the limit fails the same way and keeps the old shapes.
  HostedOptions roomy;
  roomy.max_arena_size = needed + needed / 2;
  HostedInterpreter resized;
  ASSERT_TRUE(Load(&resized, model, roomy)) << resized.error().message;
  const int32_t large[] = {4, 128, 128, 1};
  bool ok = true;
  for (size_t i = 0; i < 2 && ok; ++i) ok = resized.ResizeInput(i, large, 4);
  if (ok) ok = resized.AllocateTensors();
  EXPECT_FALSE(ok);
  EXPECT_EQ(resized.error().kind, HostedErrorKind::kArenaLimit);
  EXPECT_GT(resized.error().needed_bytes, roomy.max_arena_size);
  EXPECT_TRUE(resized.Recover()) << resized.error().message;
  EXPECT_TRUE(resized.Invoke()) << resized.error().message;
}

TEST(CancellationTest, StopsAnEndlessWhileFromAnotherThread) {
  const std::vector<uint8_t> model = TestModel("endless_while.tflite");
  ASSERT_FALSE(model.empty());
  HostedInterpreter hosted;
  ASSERT_TRUE(Load(&hosted, model)) << hosted.error().message;
  std::thread canceller([&hosted] {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    hosted.SetCancelled(true);
  });
  const auto start = std::chrono::steady_clock::now();
  EXPECT_FALSE(hosted.Invoke());
  const auto took = std::chrono::steady_clock::now() - start;
  canceller.join();
  EXPECT_EQ(hosted.error().kind, HostedErrorKind::kCancelled);
  EXPECT_NE(hosted.error().message.find("cancelled"), std::string::npos)
      << hosted.error().message;
  EXPECT_LT(took, std::chrono::seconds(10));

  // Cancelled until cleared; a model that ends runs again afterwards.
  EXPECT_FALSE(hosted.Invoke());
  EXPECT_EQ(hosted.error().kind, HostedErrorKind::kCancelled);
  HostedInterpreter add;
  ASSERT_TRUE(Load(&add, SimpleAdd()));
  add.SetCancelled(true);
  EXPECT_FALSE(add.Invoke());
  add.SetCancelled(false);
  EXPECT_TRUE(add.Invoke()) << add.error().message;
}

}  // namespace
}  // namespace tflite
