// Every builtin kernel against operator nodes with the wrong number, kinds
// and types of inputs and outputs (omitted, constant, empty, scalar, 4-D,
// mixed types). Each model must either run or be rejected with a message; a
// crash, a sanitizer report (under --config=asan) or a silent failure fails.
// Kernels' prepare functions are what keep invoke inside the tensors' bounds.
#include <cstdint>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tensorflow/lite/micro/all_ops_resolver.h"
#include "tensorflow/lite/micro/micro_interpreter.h"
#include "tensorflow/lite/micro/testing/test_model_builder.h"

namespace tflite {
namespace {

using testing::AlignedModel;
using testing::TestModelBuilder;

enum Kind {
  kOmitted,
  kFloat,
  kFloat4D,
  kFloatConst,
  kFloatScalar,
  kFloatEmpty,
  kInt8,
  kInt8Const4D,
  kInt16,
  kInt32,
  kInt32ConstPair,
  kInt32ConstZero,
  kInt32ConstNegative,
  kInt64,
  kBool,
  kUInt8,
  kKindCount,
};

std::vector<uint8_t> Bytes(const void* data, size_t size) {
  const uint8_t* p = static_cast<const uint8_t*>(data);
  return std::vector<uint8_t>(p, p + size);
}

int AddKind(TestModelBuilder& b, Kind kind) {
  switch (kind) {
    case kOmitted:
      return -1;
    case kFloat:
      return b.AddTensor(TensorType_FLOAT32, {2, 3});
    case kFloat4D:
      return b.AddTensor(TensorType_FLOAT32, {1, 2, 2, 3});
    case kFloatConst: {
      const float v[6] = {1, -2, 3, 0.5f, 0, 7};
      return b.AddTensor(TensorType_FLOAT32, {2, 3}, Bytes(v, sizeof(v)));
    }
    case kFloatScalar:
      return b.AddTensor(TensorType_FLOAT32, {});
    case kFloatEmpty:
      return b.AddTensor(TensorType_FLOAT32, {0, 3});
    case kInt8:
      return b.AddTensor(TensorType_INT8, {2, 3}, {}, 0.5f, -1);
    case kInt8Const4D: {
      const int8_t v[12] = {1, 2, 3, 4, 5, 6, -7, -8, 9, 10, 11, 12};
      return b.AddTensor(TensorType_INT8, {1, 2, 2, 3}, Bytes(v, sizeof(v)),
                         0.25f, 0);
    }
    case kInt16:
      return b.AddTensor(TensorType_INT16, {2, 3}, {}, 0.5f, 0);
    case kInt32:
      return b.AddTensor(TensorType_INT32, {2, 3});
    case kInt32ConstPair: {
      const int32_t v[2] = {1, 1};
      return b.AddTensor(TensorType_INT32, {2}, Bytes(v, sizeof(v)));
    }
    case kInt32ConstZero: {
      const int32_t v[1] = {0};
      return b.AddTensor(TensorType_INT32, {1}, Bytes(v, sizeof(v)));
    }
    case kInt32ConstNegative: {
      const int32_t v[4] = {-5, 100000, -1, 2};
      return b.AddTensor(TensorType_INT32, {2, 2}, Bytes(v, sizeof(v)));
    }
    case kInt64:
      return b.AddTensor(TensorType_INT64, {2, 3});
    case kBool:
      return b.AddTensor(TensorType_BOOL, {2, 3});
    case kUInt8:
      return b.AddTensor(TensorType_UINT8, {3}, {}, 1.f, 128);
    case kKindCount:
      break;
  }
  return -1;
}

struct Case {
  BuiltinOperator op;
  std::vector<Kind> inputs;
  std::vector<Kind> outputs;
};

std::string Describe(const Case& c) {
  std::string text = EnumNameBuiltinOperator(c.op);
  text += " inputs";
  for (Kind k : c.inputs) text += " " + std::to_string(k);
  text += " outputs";
  for (Kind k : c.outputs) text += " " + std::to_string(k);
  return text;
}

std::vector<uint8_t> BuildModel(const Case& c) {
  TestModelBuilder b;
  std::vector<int32_t> inputs;
  std::vector<int32_t> graph_inputs;
  for (Kind k : c.inputs) {
    const int index = AddKind(b, k);
    inputs.push_back(index);
    if (index >= 0 && k != kFloatConst && k != kInt8Const4D &&
        k != kInt32ConstPair && k != kInt32ConstZero &&
        k != kInt32ConstNegative) {
      graph_inputs.push_back(index);
    }
  }
  std::vector<int32_t> outputs;
  for (Kind k : c.outputs) {
    const int index = AddKind(b, k == kOmitted ? kFloat : k);
    outputs.push_back(index);
  }
  b.AddOperator(c.op, inputs, outputs);
  b.SetInputs(graph_inputs);
  b.SetOutputs(outputs);
  return b.Build();
}

class OpMatrixTest : public ::testing::Test {
 protected:
  void SetUp() override { AddAllBuiltinOps(resolver_); }

  void Run(const Case& c) {
    AlignedModel model(BuildModel(c));
    MicroInterpreter interpreter(model.data(), model.size(), resolver_,
                                 arena_, sizeof(arena_));
    interpreter.set_log_errors(false);
    if (interpreter.AllocateTensors() != kTfLiteOk) {
      ASSERT_STRNE(interpreter.error_message(), "") << Describe(c);
      ++rejected_;
      return;
    }
    for (size_t i = 0; i < interpreter.inputs_size(); ++i) {
      TfLiteTensor* input = interpreter.input(i);
      ASSERT_NE(input, nullptr);
      for (size_t j = 0; j < input->bytes; ++j) {
        input->data.uint8[j] = static_cast<uint8_t>(j * 29 + 1);
        if (input->type == kTfLiteBool) input->data.uint8[j] &= 1;
      }
    }
    if (interpreter.Invoke() != kTfLiteOk) {
      ASSERT_STRNE(interpreter.error_message(), "") << Describe(c);
      ++rejected_;
      return;
    }
    ++ran_;
    ASSERT_EQ(interpreter.Reset(), kTfLiteOk) << Describe(c);
  }

  MicroMutableOpResolver<kAllBuiltinOpsCount> resolver_;
  alignas(16) uint8_t arena_[64 * 1024];
  int ran_ = 0;
  int rejected_ = 0;
};

std::vector<BuiltinOperator> RegisteredOps(const MicroOpResolver& resolver) {
  std::vector<BuiltinOperator> ops;
  for (int op = BuiltinOperator_MIN; op <= BuiltinOperator_MAX; ++op) {
    if (op == BuiltinOperator_CUSTOM) continue;
    if (resolver.FindOp(static_cast<BuiltinOperator>(op)) != nullptr) {
      ops.push_back(static_cast<BuiltinOperator>(op));
    }
  }
  return ops;
}

// Every op with n inputs and m outputs all of one kind.
TEST_F(OpMatrixTest, UniformArities) {
  const auto ops = RegisteredOps(resolver_);
  ASSERT_EQ(ops.size(), kAllBuiltinOpsCount);
  for (BuiltinOperator op : ops) {
    for (int kind = 0; kind < kKindCount; ++kind) {
      for (int inputs = 0; inputs <= 6; ++inputs) {
        for (int outputs = 0; outputs <= 3; ++outputs) {
          Case c{op, std::vector<Kind>(inputs, static_cast<Kind>(kind)),
                 std::vector<Kind>(outputs, static_cast<Kind>(kind))};
          Run(c);
          if (HasFatalFailure()) return;
        }
      }
    }
  }
  EXPECT_GT(ran_, 0);
  EXPECT_GT(rejected_, 0);
}

// Every op with random mixes of kinds (fixed seed: reproducible).
TEST_F(OpMatrixTest, MixedKinds) {
  const auto ops = RegisteredOps(resolver_);
  std::mt19937 random(20261121);
  for (BuiltinOperator op : ops) {
    for (int trial = 0; trial < 300; ++trial) {
      Case c{op, {}, {}};
      const int inputs = static_cast<int>(random() % 7);
      const int outputs = static_cast<int>(random() % 4);
      for (int i = 0; i < inputs; ++i) {
        c.inputs.push_back(static_cast<Kind>(random() % kKindCount));
      }
      for (int i = 0; i < outputs; ++i) {
        c.outputs.push_back(static_cast<Kind>(random() % kKindCount));
      }
      Run(c);
      if (HasFatalFailure()) return;
    }
  }
  EXPECT_GT(ran_, 0);
}

}  // namespace
}  // namespace tflite
