// arena_required_bytes() is the exact minimum: with that many bytes a model
// allocates and runs, with one byte less AllocateTensors fails with "Arena
// too small", and a larger arena works too. Checked on every shared model
// and every generated seed model. (The bindings' messages name the exact
// size; robustness_test and the Java tests check those.)
#include <cstring>
#include <string>
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

constexpr size_t kBigArena = 2 << 20;
alignas(16) uint8_t arena[kBigArena];

class ArenaSizeTest : public ::testing::Test {
 protected:
  void SetUp() override { AddAllBuiltinOps(resolver_); }

  // Returns false when the model does not run at all (some seeds are models
  // that kernels reject on purpose).
  bool CheckExactMinimum(const ModelFile& file) {
    AlignedModel model(file.bytes);
    size_t need = 0;
    {
      MicroInterpreter interpreter(model.data(), model.size(), resolver_,
                                   arena, kBigArena);
      interpreter.set_log_errors(false);
      if (interpreter.AllocateTensors() != kTfLiteOk) return false;
      need = interpreter.arena_required_bytes();
      EXPECT_GT(need, 0u);
      EXPECT_LE(need, kBigArena);
    }
    {
      MicroInterpreter interpreter(model.data(), model.size(), resolver_,
                                   arena, need);
      interpreter.set_log_errors(false);
      EXPECT_EQ(interpreter.AllocateTensors(), kTfLiteOk)
          << "exactly " << need << " bytes: " << interpreter.error_message();
      EXPECT_EQ(interpreter.arena_required_bytes(), need);
      EXPECT_LE(interpreter.arena_used_bytes(), need);
      // Defined inputs (the arena holds an earlier model's bytes, and a bool
      // input must be 0 or 1).
      for (size_t i = 0; i < interpreter.inputs_size(); ++i) {
        TfLiteTensor* input = interpreter.input(i);
        if (input != nullptr && input->data.raw != nullptr) {
          std::memset(input->data.raw, 0, input->bytes);
        }
      }
      if (interpreter.Invoke() != kTfLiteOk) {
        // Invoke may fail on content (e.g. a kernel that checks its input
        // values), never for lack of memory.
        EXPECT_FALSE(interpreter.arena_too_small())
            << interpreter.error_message();
      }
    }
    {
      MicroInterpreter interpreter(model.data(), model.size(), resolver_,
                                   arena, need - 1);
      interpreter.set_log_errors(false);
      EXPECT_NE(interpreter.AllocateTensors(), kTfLiteOk)
          << "one byte less than " << need << " worked";
      EXPECT_TRUE(interpreter.arena_too_small());
      // The core cannot know the exact total without the memory to finish
      // (the bindings measure it with a larger arena); it names what did
      // not fit and how many bytes more at least.
      EXPECT_NE(
          std::string(interpreter.error_message()).find("Arena too small"),
          std::string::npos)
          << interpreter.error_message();
      // A failed interpreter hands out no tensors and fails every call with
      // a message instead of crashing.
      EXPECT_EQ(interpreter.input(0), nullptr);
      EXPECT_EQ(interpreter.output(0), nullptr);
      EXPECT_EQ(interpreter.input_eval_tensor(0), nullptr);
      EXPECT_EQ(interpreter.output_eval_tensor(0), nullptr);
      EXPECT_EQ(interpreter.GetTensor(0), nullptr);
      EXPECT_EQ(interpreter.typed_input_tensor<int8_t>(0), nullptr);
      EXPECT_NE(interpreter.Invoke(), kTfLiteOk);
      EXPECT_STRNE(interpreter.error_message(), "");
      EXPECT_EQ(interpreter.Reset(), kTfLiteOk);
    }
    {
      MicroInterpreter interpreter(model.data(), model.size(), resolver_,
                                   arena, need + 4096);
      interpreter.set_log_errors(false);
      EXPECT_EQ(interpreter.AllocateTensors(), kTfLiteOk)
          << interpreter.error_message();
    }
    return true;
  }

  MicroMutableOpResolver<kAllBuiltinOpsCount> resolver_;
};

TEST_F(ArenaSizeTest, EverySharedModel) {
  const std::vector<ModelFile> models = testing::SharedModels();
  if (models.empty()) GTEST_SKIP() << "../shared is not beside the checkout";
  int checked = 0;
  for (const ModelFile& file : models) {
    SCOPED_TRACE(file.name);
    // The audio preprocessors need custom signal ops (not in AllOps).
    checked += CheckExactMinimum(file);
  }
  EXPECT_GE(checked, static_cast<int>(models.size()) - 2);
}

TEST_F(ArenaSizeTest, EveryGeneratedModel) {
  const std::vector<ModelFile> models = testing::ReadModelDirectory(
      testing::RunfilesPath("tflite_micro", "tensorflow/lite/micro/fuzz/seeds"));
  ASSERT_GT(models.size(), 100u);
  int checked = 0;
  for (const ModelFile& file : models) {
    SCOPED_TRACE(file.name);
    checked += CheckExactMinimum(file);
    if (HasFailure()) return;
  }
  EXPECT_GT(checked, 100);
}

}  // namespace
}  // namespace tflite
