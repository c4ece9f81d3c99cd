// TFLite's C++ API over the host layer: building models and interpreters,
// tensors by index, resizing, custom and replaced kernels, and the errors
// of each call (reported, with nullptr/kTfLiteError returned).
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tensorflow/lite/interpreter.h"
#include "tensorflow/lite/interpreter_builder.h"
#include "tensorflow/lite/kernels/register.h"
#include "tensorflow/lite/model.h"
#include "tensorflow/lite/micro/testing/model_files.h"
#include "tensorflow/lite/micro/testing/test_model_builder.h"

namespace tflite {
namespace {

using testing::TestModelBuilder;

// Keeps every message.
class CapturingReporter : public ErrorReporter {
 public:
  int Report(const char* format, va_list args) override {
    char line[2048];
    const int written = std::vsnprintf(line, sizeof(line), format, args);
    text += line;
    text += "\n";
    return written;
  }
  std::string text;
};

// x[rows, 8] -> OP -> y, float, rows open to resizing: OP is SOFTMAX, or
// the custom op `custom` when one is named.
std::vector<uint8_t> OneOpModel(int rows = 2, const char* custom = nullptr) {
  TestModelBuilder b;
  const std::vector<int32_t> shape = {rows, 8};
  const int x = b.AddTensor(TensorType_FLOAT32, shape, {}, 0.f, 0, false,
                            {-1, 8});
  const int y = b.AddTensor(TensorType_FLOAT32, shape, {}, 0.f, 0, false,
                            {-1, 8});
  if (custom != nullptr) {
    b.AddCustomOperator(custom, {x}, {y});
  } else {
    b.AddOperator(BuiltinOperator_SOFTMAX, {x}, {y},
                  BuiltinOptions_SoftmaxOptions,
                  CreateSoftmaxOptions(b.fbb(), 1.f).Union());
  }
  b.SetInputs({x});
  b.SetOutputs({y});
  return b.Build();
}

// A model's bytes, the model and an interpreter built from them, and what
// they reported.
struct Built {
  explicit Built(std::vector<uint8_t> model_bytes)
      : bytes(std::move(model_bytes)),
        model(FlatBufferModel::BuildFromBuffer(
            reinterpret_cast<const char*>(bytes.data()), bytes.size(),
            &reporter)) {}
  TfLiteStatus Build(const OpResolver& resolver) {
    return InterpreterBuilder(*model, resolver)(&interpreter);
  }
  CapturingReporter reporter;
  std::vector<uint8_t> bytes;
  std::unique_ptr<FlatBufferModel> model;
  std::unique_ptr<Interpreter> interpreter;
};

// y = 2x over float tensors of the same size; or, as a replacement for
// SOFTMAX, y = 7.
TfLiteStatus TimesTwo(TfLiteContext* context, TfLiteNode* node) {
  const TfLiteEvalTensor* x =
      context->GetEvalTensor(context, node->inputs->data[0]);
  TfLiteEvalTensor* y = context->GetEvalTensor(context, node->outputs->data[0]);
  const size_t count = TensorBytes(x) / sizeof(float);
  for (size_t i = 0; i < count; ++i) y->data.f[i] = 2 * x->data.f[i];
  return kTfLiteOk;
}
TfLiteStatus Sevens(TfLiteContext* context, TfLiteNode* node) {
  TfLiteEvalTensor* y = context->GetEvalTensor(context, node->outputs->data[0]);
  const size_t count = TensorBytes(y) / sizeof(float);
  for (size_t i = 0; i < count; ++i) y->data.f[i] = 7;
  return kTfLiteOk;
}
TfLiteRegistration Kernel(TfLiteStatus (*invoke)(TfLiteContext*,
                                                 TfLiteNode*)) {
  TfLiteRegistration registration = {};
  registration.invoke = invoke;
  return registration;
}

TEST(FlatBufferModelTest, MissingFileIsNullWithTheReason) {
  CapturingReporter reporter;
  EXPECT_EQ(FlatBufferModel::BuildFromFile("/no/such/model.tflite",
                                           &reporter),
            nullptr);
  EXPECT_NE(reporter.text.find("/no/such/model.tflite"), std::string::npos)
      << reporter.text;
  EXPECT_NE(reporter.text.find("No such file"), std::string::npos)
      << reporter.text;
}

TEST(FlatBufferModelTest, GarbageIsNullWithTheReason) {
  Built garbage(std::vector<uint8_t>(100, 0xAB));
  EXPECT_EQ(garbage.model, nullptr);
  EXPECT_NE(garbage.reporter.text.find("Invalid model"), std::string::npos)
      << garbage.reporter.text;
  CapturingReporter reporter;
  EXPECT_EQ(FlatBufferModel::BuildFromBuffer(nullptr, 10, &reporter),
            nullptr);
  EXPECT_FALSE(reporter.text.empty());
}

TEST(FlatBufferModelTest, UnalignedBufferIsCopied) {
  const std::vector<uint8_t> bytes = OneOpModel();
  std::vector<char> shifted(bytes.size() + 1);
  std::copy(bytes.begin(), bytes.end(), shifted.begin() + 1);
  std::unique_ptr<FlatBufferModel> model = FlatBufferModel::BuildFromBuffer(
      shifted.data() + 1, bytes.size());
  ASSERT_NE(model, nullptr);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(model->data()) % 16, 0u);
  EXPECT_EQ(model->GetModel()->subgraphs()->size(), 1u);
}

TEST(InterpreterTest, RunsAModel) {
  Built built(OneOpModel());
  ASSERT_EQ(built.Build(ops::builtin::BuiltinOpResolver()), kTfLiteOk)
      << built.reporter.text;
  Interpreter* interpreter = built.interpreter.get();
  CapturingReporter& reporter = built.reporter;
  ASSERT_NE(interpreter, nullptr);
  EXPECT_EQ(interpreter->inputs(), std::vector<int>({0}));
  EXPECT_EQ(interpreter->outputs(), std::vector<int>({1}));
  EXPECT_EQ(interpreter->tensors_size(), 2u);
  EXPECT_EQ(interpreter->nodes_size(), 1u);
  EXPECT_EQ(interpreter->SetNumThreads(4), kTfLiteOk);
  EXPECT_EQ(interpreter->AllocateTensors(), kTfLiteOk) << reporter.text;

  TfLiteTensor* input = interpreter->input_tensor(0);
  ASSERT_NE(input, nullptr);
  EXPECT_EQ(input->type, kTfLiteFloat32);
  ASSERT_EQ(input->dims->size, 2);
  EXPECT_EQ(input->dims->data[1], 8);
  EXPECT_EQ(input->dims_signature->data[0], -1);
  EXPECT_EQ(input->bytes, 2 * 8 * sizeof(float));
  EXPECT_EQ(interpreter->tensor(0), input);
  EXPECT_EQ(interpreter->typed_input_tensor<int8_t>(0), nullptr);  // type

  float* x = interpreter->typed_input_tensor<float>(0);
  ASSERT_NE(x, nullptr);
  for (int i = 0; i < 16; ++i) x[i] = static_cast<float>(i % 8);
  ASSERT_EQ(interpreter->Invoke(), kTfLiteOk) << reporter.text;
  const float* y = interpreter->typed_output_tensor<float>(0);
  ASSERT_NE(y, nullptr);
  float total = 0;
  for (int i = 0; i < 8; ++i) total += std::exp(static_cast<float>(i));
  for (int i = 0; i < 16; ++i) {
    EXPECT_NEAR(y[i], std::exp(static_cast<float>(i % 8)) / total, 1e-6);
  }
  EXPECT_TRUE(reporter.text.empty()) << reporter.text;
}

TEST(InterpreterTest, WrongIndicesAreReported) {
  Built built(OneOpModel());
  ASSERT_EQ(built.Build(ops::builtin::BuiltinOpResolver()), kTfLiteOk)
      << built.reporter.text;
  Interpreter* interpreter = built.interpreter.get();
  CapturingReporter& reporter = built.reporter;

  EXPECT_EQ(interpreter->typed_input_tensor<float>(3), nullptr);
  EXPECT_NE(reporter.text.find("Input 3 does not exist"), std::string::npos)
      << reporter.text;
  EXPECT_EQ(interpreter->output_tensor(1), nullptr);
  EXPECT_NE(reporter.text.find("Output 1 does not exist"), std::string::npos)
      << reporter.text;
  EXPECT_EQ(interpreter->tensor(2), nullptr);
  EXPECT_EQ(interpreter->tensor(-1), nullptr);
  EXPECT_EQ(interpreter->GetInputName(1), nullptr);

  reporter.text.clear();
  EXPECT_EQ(interpreter->ResizeInputTensor(1, {4, 8}), kTfLiteError);
  EXPECT_NE(reporter.text.find("tensor 1 is not an input"), std::string::npos)
      << reporter.text;
  reporter.text.clear();
  EXPECT_EQ(interpreter->SetNumThreads(-5), kTfLiteError);
  EXPECT_FALSE(reporter.text.empty());
  // Still usable.
  EXPECT_EQ(interpreter->Invoke(), kTfLiteOk);
}

TEST(InterpreterTest, ResizeThenAllocateTensors) {
  Built built(OneOpModel());
  ASSERT_EQ(built.Build(ops::builtin::BuiltinOpResolver()), kTfLiteOk)
      << built.reporter.text;
  Interpreter* interpreter = built.interpreter.get();
  CapturingReporter& reporter = built.reporter;

  // Far more than ten times the model: the arena grows.
  const int rows = 5000;
  ASSERT_EQ(interpreter->ResizeInputTensor(interpreter->inputs()[0],
                                           {rows, 8}),
            kTfLiteOk)
      << reporter.text;
  EXPECT_EQ(interpreter->input_tensor(0)->dims->data[0], rows);
  // Readable before AllocateTensors, though the arena it had may be gone.
  EXPECT_EQ(interpreter->output_tensor(0)->dims->size, 2);
  EXPECT_EQ(interpreter->Invoke(), kTfLiteError);
  EXPECT_NE(reporter.text.find("call AllocateTensors"), std::string::npos)
      << reporter.text;
  reporter.text.clear();
  ASSERT_EQ(interpreter->AllocateTensors(), kTfLiteOk) << reporter.text;
  EXPECT_GT(interpreter->hosted().arena_size(), 10 * built.bytes.size());

  float* x = interpreter->typed_input_tensor<float>(0);
  ASSERT_NE(x, nullptr);
  for (int i = 0; i < rows * 8; ++i) x[i] = 1.f;
  ASSERT_EQ(interpreter->Invoke(), kTfLiteOk) << reporter.text;
  const TfLiteTensor* output = interpreter->output_tensor(0);
  EXPECT_EQ(output->dims->data[0], rows);
  EXPECT_EQ(output->bytes, rows * 8 * sizeof(float));
  const float* y = interpreter->typed_output_tensor<float>(0);
  EXPECT_FLOAT_EQ(y[0], 0.125f);
  EXPECT_FLOAT_EQ(y[rows * 8 - 1], 0.125f);

  // The model fixes the second dimension.
  reporter.text.clear();
  EXPECT_EQ(interpreter->ResizeInputTensorStrict(0, {3, 9}), kTfLiteError);
  EXPECT_NE(reporter.text.find("fixed at 8"), std::string::npos)
      << reporter.text;
  reporter.text.clear();
  EXPECT_EQ(interpreter->ResizeInputTensor(0, {3, 9}), kTfLiteError);
  EXPECT_NE(reporter.text.find("ResizeInputTensor failed"), std::string::npos)
      << reporter.text;
  EXPECT_EQ(interpreter->ResizeInputTensorStrict(0, {3, 8}), kTfLiteOk)
      << reporter.text;
  EXPECT_EQ(interpreter->AllocateTensors(), kTfLiteOk) << reporter.text;
  EXPECT_EQ(interpreter->output_tensor(0)->dims->data[0], 3);
}

TEST(InterpreterBuilderTest, CustomOpsComeFromTheResolver) {
  Built built(OneOpModel(1, "TIMES_TWO"));
  ASSERT_NE(built.model, nullptr) << built.reporter.text;
  EXPECT_EQ(built.Build(ops::builtin::BuiltinOpResolver()), kTfLiteError);
  EXPECT_EQ(built.interpreter, nullptr);
  EXPECT_NE(built.reporter.text.find("custom op 'TIMES_TWO'"),
            std::string::npos)
      << built.reporter.text;
  {
    ops::builtin::BuiltinOpResolver resolver;
    resolver.AddOp("TIMES_TWO", Kernel(TimesTwo));
    ASSERT_EQ(built.Build(resolver), kTfLiteOk) << built.reporter.text;
    // The resolver goes out of scope: the interpreter has its own copy.
  }
  Interpreter* interpreter = built.interpreter.get();
  float* x = interpreter->typed_input_tensor<float>(0);
  for (int i = 0; i < 8; ++i) x[i] = static_cast<float>(i);
  ASSERT_EQ(interpreter->Invoke(), kTfLiteOk) << built.reporter.text;
  const float* y = interpreter->typed_output_tensor<float>(0);
  for (int i = 0; i < 8; ++i) EXPECT_EQ(y[i], 2.f * i);
}

TEST(InterpreterBuilderTest, BuiltinsCanBeReplacedOrMissing) {
  Built built(OneOpModel());
  EXPECT_EQ(built.Build(MutableOpResolver()), kTfLiteError);
  EXPECT_EQ(built.interpreter, nullptr);
  EXPECT_NE(built.reporter.text.find("builtin op SOFTMAX version 1"),
            std::string::npos)
      << built.reporter.text;

  // Version 2 only: the model's version-1 SOFTMAX is not found.
  const TfLiteRegistration sevens = Kernel(Sevens);
  MutableOpResolver versioned;
  versioned.AddBuiltin(BuiltinOperator_SOFTMAX, &sevens, 2);
  EXPECT_EQ(versioned.FindOp(BuiltinOperator_SOFTMAX, 1), nullptr);
  EXPECT_NE(versioned.FindOp(BuiltinOperator_SOFTMAX, 2), nullptr);

  ops::builtin::BuiltinOpResolver resolver;
  resolver.AddOp(BuiltinOperator_SOFTMAX, &sevens);
  std::unique_ptr<Interpreter> interpreter;
  ASSERT_EQ(InterpreterBuilder(*built.model, resolver)(&interpreter, 2),
            kTfLiteOk)
      << built.reporter.text;
  ASSERT_EQ(interpreter->Invoke(), kTfLiteOk);
  EXPECT_EQ(interpreter->typed_output_tensor<float>(0)[5], 7.f);
}

TEST(InterpreterBuilderTest, OneModelServesSeveralInterpreters) {
  Built built(OneOpModel());
  const FlatBufferModel& model = *built.model;
  ops::builtin::BuiltinOpResolver resolver;
  std::unique_ptr<Interpreter> a;
  std::unique_ptr<Interpreter> b;
  ASSERT_EQ(InterpreterBuilder(model, resolver)(&a), kTfLiteOk);
  ASSERT_EQ(InterpreterBuilder(model, resolver)(&b), kTfLiteOk);
  ASSERT_EQ(b->ResizeInputTensor(0, {1, 8}), kTfLiteOk);
  ASSERT_EQ(b->AllocateTensors(), kTfLiteOk);
  EXPECT_NE(a->typed_input_tensor<float>(0), b->typed_input_tensor<float>(0));
  for (int i = 0; i < 16; ++i) a->typed_input_tensor<float>(0)[i] = 0.f;
  for (int i = 0; i < 8; ++i) b->typed_input_tensor<float>(0)[i] = 0.f;
  b->typed_input_tensor<float>(0)[0] = 100.f;
  ASSERT_EQ(a->Invoke(), kTfLiteOk);
  ASSERT_EQ(b->Invoke(), kTfLiteOk);
  EXPECT_FLOAT_EQ(a->typed_output_tensor<float>(0)[0], 0.125f);
  EXPECT_NEAR(b->typed_output_tensor<float>(0)[0], 1.f, 1e-6);
  EXPECT_EQ(a->output_tensor(0)->dims->data[0], 2);
}

TEST(SharedModelsTest, PersonDetectAndHelloWorld) {
  const std::string dir = testing::RunfilesPath("shared_data", "models");
  const std::string person = dir + "/person_detect.tflite";
  if (std::FILE* probe = std::fopen(person.c_str(), "rb")) {
    std::fclose(probe);
  } else {
    GTEST_SKIP() << "../shared/models is not next to this checkout";
  }
  CapturingReporter reporter;
  ops::builtin::BuiltinOpResolver resolver;

  std::unique_ptr<FlatBufferModel> model =
      FlatBufferModel::BuildFromFile(person.c_str(), &reporter);
  ASSERT_NE(model, nullptr) << reporter.text;
  std::unique_ptr<Interpreter> interpreter;
  ASSERT_EQ(InterpreterBuilder(*model, resolver)(&interpreter), kTfLiteOk)
      << reporter.text;
  ASSERT_EQ(interpreter->AllocateTensors(), kTfLiteOk) << reporter.text;
  TfLiteTensor* input = interpreter->input_tensor(0);
  ASSERT_EQ(input->type, kTfLiteInt8);
  EXPECT_EQ(input->bytes, 96u * 96u);
  EXPECT_EQ(input->quantization.type, kTfLiteAffineQuantization);
  EXPECT_GT(input->params.scale, 0.f);
  int8_t* pixels = interpreter->typed_input_tensor<int8_t>(0);
  for (size_t i = 0; i < input->bytes; ++i) pixels[i] = 0;
  ASSERT_EQ(interpreter->Invoke(), kTfLiteOk) << reporter.text;
  ASSERT_NE(interpreter->typed_output_tensor<int8_t>(0), nullptr);
  EXPECT_EQ(interpreter->output_tensor(0)->bytes, 2u);

  model = FlatBufferModel::BuildFromFile(
      (dir + "/hello_world_float.tflite").c_str(), &reporter);
  ASSERT_NE(model, nullptr) << reporter.text;
  ASSERT_EQ(InterpreterBuilder(*model, resolver)(&interpreter), kTfLiteOk)
      << reporter.text;
  ASSERT_EQ(interpreter->AllocateTensors(), kTfLiteOk);
  *interpreter->typed_input_tensor<float>(0) = 1.5f;
  ASSERT_EQ(interpreter->Invoke(), kTfLiteOk);
  EXPECT_NEAR(*interpreter->typed_output_tensor<float>(0), std::sin(1.5f),
              0.1f);
}

}  // namespace
}  // namespace tflite
