// Separate interpreters in separate threads (one shared, read-only copy of
// the model; one arena each) compute exactly what serial runs compute.
#include <cstdio>
#include <cstring>
#include <memory>
#include <thread>
#include <vector>

#include "gtest/gtest.h"
#include "tensorflow/lite/micro/all_ops_resolver.h"
#include "tensorflow/lite/micro/micro_interpreter.h"
#include "tensorflow/lite/micro/testing/model_files.h"
#include "tensorflow/lite/micro/testing/test_model_builder.h"

namespace tflite {
namespace {

using testing::AlignedModel;
using testing::ModelFile;

constexpr size_t kArenaBytes = 512 * 1024;
constexpr int kThreads = 4;
constexpr int kInvokes = 5;

struct Arena {
  alignas(16) uint8_t bytes[kArenaBytes];
};

// Runs the model kInvokes times with inputs derived from `seed`; returns
// every output byte of every invoke (empty if the model does not run).
std::vector<uint8_t> Run(const MicroOpResolver& resolver,
                         const AlignedModel& model, uint8_t* arena, int seed) {
  std::vector<uint8_t> outputs;
  MicroInterpreter interpreter(model.data(), model.size(), resolver, arena,
                               kArenaBytes);
  interpreter.set_log_errors(false);
  if (interpreter.AllocateTensors() != kTfLiteOk) return outputs;
  for (int run = 0; run < kInvokes; ++run) {
    for (size_t i = 0; i < interpreter.inputs_size(); ++i) {
      TfLiteTensor* input = interpreter.input(i);
      for (size_t b = 0; b < input->bytes; ++b) {
        const uint8_t value = static_cast<uint8_t>(b * 13 + run * 7 + seed);
        input->data.uint8[b] = input->type == kTfLiteBool ? value & 1 : value;
      }
    }
    if (interpreter.Invoke() != kTfLiteOk) return {};
    for (size_t o = 0; o < interpreter.outputs_size(); ++o) {
      const TfLiteTensor* output = interpreter.output(o);
      outputs.insert(outputs.end(), output->data.uint8,
                     output->data.uint8 + output->bytes);
    }
  }
  return outputs;
}

void CheckParallelMatchesSerial(const std::vector<ModelFile>& files) {
  MicroMutableOpResolver<kAllBuiltinOpsCount> resolver;
  AddAllBuiltinOps(resolver);
  std::vector<std::unique_ptr<Arena>> arenas;
  for (int t = 0; t < kThreads; ++t) arenas.emplace_back(new Arena);
  for (const ModelFile& file : files) {
    SCOPED_TRACE(file.name);
    AlignedModel model(file.bytes);
    std::vector<std::vector<uint8_t>> serial(kThreads);
    for (int t = 0; t < kThreads; ++t) {
      serial[t] = Run(resolver, model, arenas[t]->bytes, t);
    }
    std::vector<std::vector<uint8_t>> parallel(kThreads);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&, t] {
        parallel[t] = Run(resolver, model, arenas[t]->bytes, t);
      });
    }
    for (std::thread& thread : threads) thread.join();
    for (int t = 0; t < kThreads; ++t) {
      EXPECT_EQ(parallel[t], serial[t]) << "thread " << t;
    }
  }
}

TEST(ThreadsTest, SharedModels) {
  const std::vector<ModelFile> models = testing::SharedModels();
  if (models.empty()) GTEST_SKIP() << "../shared is not beside the checkout";
  CheckParallelMatchesSerial(models);
}

TEST(ThreadsTest, GeneratedModels) {
  std::vector<ModelFile> models = testing::ReadModelDirectory(
      testing::RunfilesPath("tflite_micro", "tensorflow/lite/micro/fuzz/seeds"));
  ASSERT_GT(models.size(), 100u);
  // Every tenth: enough kernels, a short test.
  std::vector<ModelFile> some;
  for (size_t i = 0; i < models.size(); i += 10) some.push_back(models[i]);
  CheckParallelMatchesSerial(some);
}

// Each thread's failing calls report their own messages: the host layer
// (host:thread_error_capture) gives every thread its own capture slot.
TEST(ThreadsTest, EachThreadGetsItsOwnErrors) {
  std::vector<ModelFile> models = testing::ReadModelDirectory(
      testing::RunfilesPath("tflite_micro", "tensorflow/lite/micro/fuzz/seeds"));
  ASSERT_FALSE(models.empty());
  const AlignedModel model(models[0].bytes);
  MicroMutableOpResolver<kAllBuiltinOpsCount> resolver;
  AddAllBuiltinOps(resolver);
  std::vector<int> mismatches(kThreads, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      // Arenas too small by a different amount in each thread.
      alignas(16) static thread_local uint8_t arena[256];
      const size_t size = 64 + 16 * static_cast<size_t>(t);
      char expected[64];
      std::snprintf(expected, sizeof(expected), "(arena %u bytes usable",
                    static_cast<unsigned>(size));
      for (int i = 0; i < 200; ++i) {
        MicroInterpreter interpreter(model.data(), model.size(), resolver,
                                     arena, size);
        interpreter.set_log_errors(false);
        if (interpreter.AllocateTensors() == kTfLiteOk ||
            std::strstr(interpreter.error_message(), expected) == nullptr) {
          ++mismatches[t];
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int t = 0; t < kThreads; ++t) {
    EXPECT_EQ(mismatches[t], 0) << "thread " << t;
  }
}

}  // namespace
}  // namespace tflite
