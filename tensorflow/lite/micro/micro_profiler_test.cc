// MicroProfiler records one event per node and invoke, tagged with the op,
// timed by micro_time, and logs them per event and per tag.
#include "tensorflow/lite/micro/micro_profiler.h"

#include <cstring>
#include <string>

#include "gtest/gtest.h"
#include "tensorflow/lite/micro/all_ops_resolver.h"
#include "tensorflow/lite/micro/micro_interpreter.h"
#include "tensorflow/lite/micro/micro_log.h"
#include "tensorflow/lite/micro/testing/test_model_builder.h"

namespace tflite {
namespace {

using testing::AlignedModel;
using testing::TestModelBuilder;

// FULLY_CONNECTED -> RELU -> FULLY_CONNECTED (float).
std::vector<uint8_t> ThreeNodeModel() {
  TestModelBuilder b;
  const int x = b.AddTensor(TensorType_FLOAT32, {1, 64});
  const int w = b.AddConstant<float>(TensorType_FLOAT32, {64, 64},
                                     std::vector<float>(64 * 64, 0.01f));
  const int h = b.AddTensor(TensorType_FLOAT32, {1, 64});
  const int r = b.AddTensor(TensorType_FLOAT32, {1, 64});
  const int y = b.AddTensor(TensorType_FLOAT32, {1, 64});
  b.AddOperator(BuiltinOperator_FULLY_CONNECTED, {x, w, -1}, {h},
                BuiltinOptions_FullyConnectedOptions,
                CreateFullyConnectedOptions(b.fbb()).Union());
  b.AddOperator(BuiltinOperator_RELU, {h}, {r});
  b.AddOperator(BuiltinOperator_FULLY_CONNECTED, {r, w, -1}, {y},
                BuiltinOptions_FullyConnectedOptions,
                CreateFullyConnectedOptions(b.fbb()).Union());
  b.SetInputs({x});
  b.SetOutputs({y});
  return b.Build();
}

class MicroProfilerTest : public ::testing::Test {
 protected:
  MicroProfilerTest() : model_(ThreeNodeModel()) {
    AddAllBuiltinOps(resolver_);
  }

  AlignedModel model_;
  MicroMutableOpResolver<kAllBuiltinOpsCount> resolver_;
  alignas(16) uint8_t arena_[16384];
  MicroProfiler profiler_;
};

TEST_F(MicroProfilerTest, RecordsEveryNodeOfEveryInvoke) {
  MicroInterpreter interpreter(model_.data(), model_.size(), resolver_,
                               arena_, sizeof(arena_), nullptr, &profiler_);
  ASSERT_EQ(interpreter.AllocateTensors(), kTfLiteOk);
  profiler_.ClearEvents();  // prepare may report events of its own
  ASSERT_EQ(interpreter.Invoke(), kTfLiteOk);
  ASSERT_EQ(interpreter.Invoke(), kTfLiteOk);
  ASSERT_EQ(profiler_.num_events(), 6);
  const char* expected[] = {"FULLY_CONNECTED", "RELU", "FULLY_CONNECTED"};
  uint32_t total = 0;
  for (int i = 0; i < 6; ++i) {
    EXPECT_STREQ(profiler_.event_tag(i), expected[i % 3]) << "event " << i;
    total += profiler_.event_ticks(i);
  }
  EXPECT_EQ(profiler_.GetTotalTicks(), total);
  EXPECT_EQ(profiler_.dropped_events(), 0);
  profiler_.ClearEvents();
  EXPECT_EQ(profiler_.num_events(), 0);
  EXPECT_EQ(profiler_.GetTotalTicks(), 0u);
}

TEST_F(MicroProfilerTest, CountsWhatItCannotKeep) {
  for (int i = 0; i < MicroProfiler::kMaxEvents + 3; ++i) {
    profiler_.EndEvent(profiler_.BeginEvent("tag"));
  }
  EXPECT_EQ(profiler_.num_events(), MicroProfiler::kMaxEvents);
  EXPECT_EQ(profiler_.dropped_events(), 3);
}

#if !defined(TF_LITE_STRIP_ERROR_STRINGS)
TEST_F(MicroProfilerTest, LogsTicksPerTag) {
  profiler_.EndEvent(profiler_.BeginEvent("CONV_2D"));
  profiler_.EndEvent(profiler_.BeginEvent("SOFTMAX"));
  profiler_.EndEvent(profiler_.BeginEvent("CONV_2D"));
  MicroErrorBuffer text;
  text.Clear();
  {
    ScopedErrorCapture capture(&text);
    profiler_.LogTicksPerTagCsv();
  }
  const std::string log = text.text();
  EXPECT_EQ(log.rfind("tag,ticks\nCONV_2D,", 0), 0u) << log;
  EXPECT_NE(log.find("\nSOFTMAX,"), std::string::npos) << log;
  // One line per distinct tag, then the total.
  EXPECT_EQ(log.find("CONV_2D", log.find("CONV_2D") + 1), std::string::npos)
      << log;
  EXPECT_NE(log.find("\ntotal,"), std::string::npos) << log;
}
#endif

}  // namespace
}  // namespace tflite
