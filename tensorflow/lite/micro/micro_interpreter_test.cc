#include "tensorflow/lite/micro/micro_interpreter.h"

#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tensorflow/lite/micro/all_ops_resolver.h"
#include "tensorflow/lite/micro/micro_mutable_op_resolver.h"
#include "tensorflow/lite/micro/testing/test_model_builder.h"

namespace tflite {
namespace {

using testing::AlignedModel;
using testing::TestModelBuilder;

// x[1,4] -> FC(w1: 4->8) -> FC(w2: 8->8) -> FC(w3: 8->2) -> y[1,2], float.
// Every weight is 0.5 and biases are absent, so y = 0.5^3 * 8 * 8 * sum(x).
std::vector<uint8_t> ChainModel(int fc_layers = 3) {
  TestModelBuilder b;
  const int x = b.AddTensor(TensorType_FLOAT32, {1, 4}, {}, 0.f, 0, false,
                            {-1, 4});
  int previous = x;
  int width = 4;
  for (int layer = 0; layer < fc_layers; ++layer) {
    const int units = layer + 1 == fc_layers ? 2 : 8;
    const int w = b.AddConstant<float>(
        TensorType_FLOAT32, {units, width},
        std::vector<float>(static_cast<size_t>(units * width), 0.5f));
    const int out = b.AddTensor(TensorType_FLOAT32, {1, units}, {}, 0.f, 0,
                                false, {-1, units});
    b.AddOperator(BuiltinOperator_FULLY_CONNECTED, {previous, w, -1}, {out},
                  BuiltinOptions_FullyConnectedOptions,
                  CreateFullyConnectedOptions(b.fbb()).Union());
    previous = out;
    width = units;
  }
  b.SetInputs({x});
  b.SetOutputs({previous});
  return b.Build();
}

class InterpreterTest : public ::testing::Test {
 protected:
  AllOpsResolver resolver_;
  alignas(16) uint8_t arena_[8192];
};

TEST_F(InterpreterTest, RunsAChainOfLayers) {
  AlignedModel model(ChainModel());
  MicroInterpreter interpreter(model.data(), model.size(), resolver_, arena_,
                               sizeof(arena_));
  ASSERT_EQ(interpreter.AllocateTensors(), kTfLiteOk)
      << interpreter.error_message();
  ASSERT_EQ(interpreter.inputs_size(), 1u);
  ASSERT_EQ(interpreter.outputs_size(), 1u);
  float* input = interpreter.typed_input_tensor<float>(0);
  const float x[4] = {1.f, 2.f, 3.f, -1.f};
  std::memcpy(input, x, sizeof(x));
  ASSERT_EQ(interpreter.Invoke(), kTfLiteOk) << interpreter.error_message();
  const float expected = 0.125f * 8 * 8 * 5.f;
  EXPECT_FLOAT_EQ(interpreter.typed_output_tensor<float>(0)[0], expected);
  EXPECT_FLOAT_EQ(interpreter.typed_output_tensor<float>(0)[1], expected);
  EXPECT_EQ(interpreter.output(0)->dims->size, 2);
  EXPECT_EQ(interpreter.output(0)->bytes, 8u);
}

TEST_F(InterpreterTest, InputSurvivesInvoke) {
  AlignedModel model(ChainModel(6));
  MicroInterpreter interpreter(model.data(), model.size(), resolver_, arena_,
                               sizeof(arena_));
  ASSERT_EQ(interpreter.AllocateTensors(), kTfLiteOk);
  float* input = interpreter.typed_input_tensor<float>(0);
  for (int i = 0; i < 4; ++i) input[i] = 0.25f * (i + 1);
  ASSERT_EQ(interpreter.Invoke(), kTfLiteOk);
  for (int i = 0; i < 4; ++i) EXPECT_FLOAT_EQ(input[i], 0.25f * (i + 1));
  const float first = interpreter.typed_output_tensor<float>(0)[0];
  ASSERT_EQ(interpreter.Invoke(), kTfLiteOk);
  EXPECT_FLOAT_EQ(interpreter.typed_output_tensor<float>(0)[0], first);
}

TEST_F(InterpreterTest, PlannerSharesMemoryBetweenLayers) {
  AlignedModel model(ChainModel(6));
  MicroInterpreter interpreter(model.data(), model.size(), resolver_, arena_,
                               sizeof(arena_));
  ASSERT_EQ(interpreter.AllocateTensors(), kTfLiteOk);
  // Input (16 B) lives throughout; of the five [1,8] activations (32 B each)
  // only two are alive at once; the output is 16 B.
  EXPECT_EQ(interpreter.arena_head_bytes(), 16u + 32u + 32u);
}

TEST_F(InterpreterTest, ArenaTooSmallIsReportedWithSizes) {
  AlignedModel model(ChainModel());
  MicroInterpreter interpreter(model.data(), model.size(), resolver_, arena_,
                               256);
  interpreter.set_log_errors(false);
  EXPECT_EQ(interpreter.AllocateTensors(), kTfLiteError);
  EXPECT_TRUE(interpreter.arena_too_small());
  const std::string message = interpreter.error_message();
  EXPECT_NE(message.find("Arena too small"), std::string::npos) << message;
  EXPECT_NE(message.find("arena 256 bytes"), std::string::npos) << message;
}

TEST_F(InterpreterTest, RequiredArenaIsExactlySufficient) {
  AlignedModel model(ChainModel());
  size_t required;
  {
    MicroInterpreter big(model.data(), model.size(), resolver_, arena_,
                         sizeof(arena_));
    ASSERT_EQ(big.AllocateTensors(), kTfLiteOk);
    required = big.arena_required_bytes();
    EXPECT_GE(required, big.arena_used_bytes());
  }
  {
    MicroInterpreter exact(model.data(), model.size(), resolver_, arena_,
                           required);
    EXPECT_EQ(exact.AllocateTensors(), kTfLiteOk) << exact.error_message();
    EXPECT_EQ(exact.Invoke(), kTfLiteOk);
  }
  {
    MicroInterpreter short_by_one(model.data(), model.size(), resolver_,
                                  arena_, required - 1);
    short_by_one.set_log_errors(false);
    EXPECT_EQ(short_by_one.AllocateTensors(), kTfLiteError);
  }
}

TEST_F(InterpreterTest, ResizeInputReplansAndRunsABatch) {
  AlignedModel model(ChainModel());
  MicroInterpreter interpreter(model.data(), model.size(), resolver_, arena_,
                               sizeof(arena_));
  ASSERT_EQ(interpreter.AllocateTensors(), kTfLiteOk);
  const int32_t dims[2] = {3, 4};
  ASSERT_EQ(interpreter.ResizeInputTensor(0, dims, 2), kTfLiteOk)
      << interpreter.error_message();
  ASSERT_EQ(interpreter.AllocateTensors(), kTfLiteOk)
      << interpreter.error_message();
  EXPECT_EQ(interpreter.input(0)->dims->data[0], 3);
  float* input = interpreter.typed_input_tensor<float>(0);
  for (int i = 0; i < 12; ++i) input[i] = static_cast<float>(i / 4);
  ASSERT_EQ(interpreter.Invoke(), kTfLiteOk);
  const TfLiteTensor* output = interpreter.output(0);
  ASSERT_EQ(output->dims->data[0], 3);
  for (int row = 0; row < 3; ++row) {
    EXPECT_FLOAT_EQ(output->data.f[row * 2], 0.125f * 64 * 4 * row);
  }
  const int32_t bad[2] = {3, 5};
  interpreter.set_log_errors(false);
  EXPECT_EQ(interpreter.ResizeInputTensor(0, bad, 2), kTfLiteError);
  EXPECT_NE(std::string(interpreter.error_message()).find("must be 4"),
            std::string::npos);
}

TEST_F(InterpreterTest, ResizesInputsThatOnlyFitTogether) {
  // y = FULLY_CONNECTED(x, w) with both operands as inputs: x [1, 4] and
  // w [2, 4] can become [1, 5] and [2, 5], but not one at a time.
  TestModelBuilder b;
  const int x = b.AddTensor(TensorType_FLOAT32, {1, 4}, {}, 0.f, 0, false,
                            {-1, -1});
  const int w = b.AddTensor(TensorType_FLOAT32, {2, 4}, {}, 0.f, 0, false,
                            {2, -1});
  const int y = b.AddTensor(TensorType_FLOAT32, {1, 2}, {}, 0.f, 0, false,
                            {-1, 2});
  b.AddOperator(BuiltinOperator_FULLY_CONNECTED, {x, w, -1}, {y});
  b.SetInputs({x, w});
  b.SetOutputs({y});
  AlignedModel model(b.Build());
  MicroInterpreter interpreter(model.data(), model.size(), resolver_, arena_,
                               sizeof(arena_));
  ASSERT_EQ(interpreter.AllocateTensors(), kTfLiteOk)
      << interpreter.error_message();
  const int32_t x_dims[2] = {1, 5};
  const int32_t w_dims[2] = {2, 5};
  ASSERT_EQ(interpreter.ResizeInputTensor(0, x_dims, 2), kTfLiteOk)
      << interpreter.error_message();
  ASSERT_EQ(interpreter.ResizeInputTensor(1, w_dims, 2), kTfLiteOk)
      << interpreter.error_message();
  ASSERT_EQ(interpreter.AllocateTensors(), kTfLiteOk)
      << interpreter.error_message();
  float* input = interpreter.typed_input_tensor<float>(0);
  float* weights = interpreter.typed_input_tensor<float>(1);
  for (int i = 0; i < 5; ++i) {
    input[i] = 1.0f;
    weights[i] = static_cast<float>(i);
    weights[5 + i] = 2.0f;
  }
  ASSERT_EQ(interpreter.Invoke(), kTfLiteOk) << interpreter.error_message();
  EXPECT_FLOAT_EQ(interpreter.output(0)->data.f[0], 10.0f);
  EXPECT_FLOAT_EQ(interpreter.output(0)->data.f[1], 10.0f);
}

// Resolvers of tools and runtimes name every builtin, also those they lack.
class NamingResolver : public MicroMutableOpResolver<1> {
 public:
  const char* BuiltinName(BuiltinOperator op) const override {
    return AnyBuiltinName(op);
  }
};

TEST_F(InterpreterTest, MissingKernelIsReported) {
  // ChainModel's FULLY_CONNECTED (code 9) is missing from both resolvers.
  AlignedModel model(ChainModel());
  MicroMutableOpResolver<1> program_resolver;
  NamingResolver naming_resolver;
  MicroMutableOpResolver<1>* resolvers[] = {&program_resolver,
                                            &naming_resolver};
  std::string messages[2];
  for (int i = 0; i < 2; ++i) {
    resolvers[i]->AddSoftmax();
    MicroInterpreter interpreter(model.data(), model.size(), *resolvers[i],
                                 arena_, sizeof(arena_));
    interpreter.set_log_errors(false);
    EXPECT_EQ(interpreter.AllocateTensors(), kTfLiteError);
    messages[i] = interpreter.error_message();
    EXPECT_EQ(interpreter.Invoke(), kTfLiteError);
  }
  // A program's resolver names only the ops it holds: the message gives
  // the missing op's code and the command that writes the right resolver.
  EXPECT_NE(messages[0].find("builtin op code 9 (version 1;"),
            std::string::npos)
      << messages[0];
  EXPECT_NE(messages[0].find("tflite-micro resolver MODEL"), std::string::npos)
      << messages[0];
  EXPECT_NE(messages[1].find("FULLY_CONNECTED (code 9, version 1)"),
            std::string::npos)
      << messages[1];
}

TEST_F(InterpreterTest, GarbageIsRejectedBeforeUse) {
  std::vector<uint8_t> bytes(100, 0xAB);
  AlignedModel model(bytes);
  MicroInterpreter interpreter(model.data(), model.size(), resolver_, arena_,
                               sizeof(arena_));
  interpreter.set_log_errors(false);
  EXPECT_EQ(interpreter.initialization_status(), kTfLiteError);
  EXPECT_NE(std::string(interpreter.error_message()).find("Invalid model"),
            std::string::npos);
  EXPECT_EQ(interpreter.AllocateTensors(), kTfLiteError);
  EXPECT_EQ(interpreter.Invoke(), kTfLiteError);
  EXPECT_EQ(interpreter.input(0), nullptr);
}

TEST_F(InterpreterTest, OutOfRangeTensorIndexIsRejected) {
  TestModelBuilder b;
  const int x = b.AddTensor(TensorType_FLOAT32, {1, 2});
  b.AddOperator(BuiltinOperator_SOFTMAX, {x}, {7},
                BuiltinOptions_SoftmaxOptions,
                CreateSoftmaxOptions(b.fbb(), 1.f).Union());
  b.SetInputs({x});
  b.SetOutputs({x});
  AlignedModel model(b.Build());
  MicroInterpreter interpreter(model.data(), model.size(), resolver_, arena_,
                               sizeof(arena_));
  interpreter.set_log_errors(false);
  EXPECT_EQ(interpreter.initialization_status(), kTfLiteError);
  EXPECT_NE(std::string(interpreter.error_message())
                .find("node 0 (SOFTMAX) in subgraph 0 has output 0 = tensor 7"),
            std::string::npos)
      << interpreter.error_message();
}

// Records, for each profiler event, the op name and the node the
// interpreter reports as running.
class NodeRecordingProfiler : public MicroProfilerInterface {
 public:
  MicroInterpreter* interpreter = nullptr;
  std::vector<std::string> events;
  int open = 0;

  uint32_t BeginEvent(const char* tag) override {
    events.push_back(std::string(tag) + "@" +
                     std::to_string(interpreter->current_subgraph_index()) +
                     ":" +
                     std::to_string(interpreter->current_node_index()));
    ++open;
    return static_cast<uint32_t>(events.size());
  }
  void EndEvent(uint32_t) override { --open; }
};

TEST_F(InterpreterTest, ProfilerSeesWhichNodeRuns) {
  AlignedModel model(ChainModel());
  NodeRecordingProfiler profiler;
  MicroInterpreter interpreter(model.data(), model.size(), resolver_, arena_,
                               sizeof(arena_), nullptr, &profiler);
  profiler.interpreter = &interpreter;
  ASSERT_EQ(interpreter.AllocateTensors(), kTfLiteOk);
  EXPECT_TRUE(profiler.events.empty());  // only Invoke is profiled
  ASSERT_EQ(interpreter.Invoke(), kTfLiteOk);
  const std::vector<std::string> expected = {
      "FULLY_CONNECTED@0:0", "FULLY_CONNECTED@0:1", "FULLY_CONNECTED@0:2"};
  EXPECT_EQ(profiler.events, expected);
  EXPECT_EQ(profiler.open, 0);
}

TEST_F(InterpreterTest, AllocationReportAccountsForTheTail) {
  AlignedModel model(ChainModel());
  MicroInterpreter interpreter(model.data(), model.size(), resolver_, arena_,
                               sizeof(arena_));
  ASSERT_EQ(interpreter.AllocateTensors(), kTfLiteOk);
  char report[2048];
  interpreter.FormatAllocations(report, sizeof(report));
  const std::string text = report;
  EXPECT_EQ(text.rfind("[RecordingMicroAllocator] Arena allocation total ", 0),
            0u);
  size_t sum = 0;
  const RecordingMicroAllocator& recorder = interpreter.allocation_recorder();
  for (int i = 0; i < static_cast<int>(RecordedAllocationType::kNumTypes);
       ++i) {
    sum += recorder.GetRecordedAllocation(static_cast<RecordedAllocationType>(i))
               .used_bytes;
  }
  EXPECT_EQ(sum, interpreter.arena_tail_bytes());
  // The chain model's 7 tensors (168 bytes on 64-bit hosts, 84 on Cortex-M).
  const unsigned bytes = 7 * sizeof(TfLiteEvalTensor);
  char expected[160];
  std::snprintf(expected, sizeof(expected),
                "'TfLiteEvalTensor data' used %u bytes with alignment "
                "overhead (requested %u bytes for 1 allocations)",
                bytes, bytes);
  EXPECT_NE(text.find(expected), std::string::npos) << text;
}

TEST(MicroMutableOpResolverTest, RejectsDuplicatesAndOverflow) {
  MicroMutableOpResolver<2> resolver;
  EXPECT_EQ(resolver.AddSoftmax(), kTfLiteOk);
  EXPECT_EQ(resolver.AddSoftmax(), kTfLiteError);
  TfLiteRegistration custom = {};
  EXPECT_EQ(resolver.AddCustom("Mine", &custom), kTfLiteOk);
  EXPECT_EQ(resolver.AddCustom("Other", &custom), kTfLiteError);  // full
  MicroMutableOpResolver<4> roomy;
  EXPECT_EQ(roomy.AddCustom("Mine", &custom), kTfLiteOk);
  EXPECT_EQ(roomy.AddCustom("Mine", &custom), kTfLiteError);
  EXPECT_NE(roomy.FindOp("Mine"), nullptr);
  EXPECT_EQ(roomy.FindOp("Nope"), nullptr);
}

}  // namespace
}  // namespace tflite
