#include "tensorflow/lite/micro/host/hosted_interpreter.h"

#include <cstring>
#include <vector>

#include <gtest/gtest.h>

#include "tensorflow/lite/micro/testing/test_model_builder.h"

namespace tflite {
namespace {

using testing::TestModelBuilder;

// x[rows, 64] -> SOFTMAX -> SOFTMAX -> y, float; rows may be resized. No
// constants: ten times the model's size is far less than its activations.
std::vector<uint8_t> SoftmaxChain(int rows = 64) {
  TestModelBuilder b;
  const int x = b.AddTensor(TensorType_FLOAT32, {rows, 64}, {}, 0.f, 0,
                            false, {-1, 64});
  const int h = b.AddTensor(TensorType_FLOAT32, {rows, 64}, {}, 0.f, 0,
                            false, {-1, 64});
  const int y = b.AddTensor(TensorType_FLOAT32, {rows, 64}, {}, 0.f, 0,
                            false, {-1, 64});
  b.AddOperator(BuiltinOperator_SOFTMAX, {x}, {h},
                BuiltinOptions_SoftmaxOptions,
                CreateSoftmaxOptions(b.fbb(), 1.f).Union());
  b.AddOperator(BuiltinOperator_SOFTMAX, {h}, {y},
                BuiltinOptions_SoftmaxOptions,
                CreateSoftmaxOptions(b.fbb(), 1.f).Union());
  b.SetInputs({x});
  b.SetOutputs({y});
  return b.Build();
}

std::vector<uint8_t> CustomOpModel() {
  TestModelBuilder b;
  const int x = b.AddTensor(TensorType_FLOAT32, {1, 4});
  const int y = b.AddTensor(TensorType_FLOAT32, {1, 4});
  b.AddCustomOperator("HOSTED_TEST_OP", {x}, {y});
  b.SetInputs({x});
  b.SetOutputs({y});
  return b.Build();
}

// Loads `bytes` (copied into aligned memory) with `options`.
bool Load(HostedInterpreter* hosted, const std::vector<uint8_t>& bytes,
          const HostedOptions& options = HostedOptions()) {
  return hosted->Load(bytes.data(), bytes.size(), options);
}

size_t MinimumArena(const std::vector<uint8_t>& bytes,
                    HostedOptions options = HostedOptions()) {
  HostedInterpreter hosted;
  EXPECT_TRUE(Load(&hosted, bytes, options)) << hosted.error().message;
  return hosted.arena_required_bytes();
}

void ExpectUniform(TfLiteEvalTensor* output) {
  ASSERT_NE(output, nullptr);
  const size_t count = TensorBytes(output) / sizeof(float);
  for (size_t i = 0; i < count; ++i) {
    ASSERT_NEAR(output->data.f[i], 1.f / 64, 1e-6) << i;
  }
}

void FillZeros(TfLiteEvalTensor* input) {
  ASSERT_NE(input, nullptr);
  std::memset(input->data.raw, 0, TensorBytes(input));
}

TEST(TensorBytesTest, ElementCountTimesElementSize) {
  int dims_data[3] = {2, 3, 5};
  TfLiteIntArray* dims = reinterpret_cast<TfLiteIntArray*>(dims_data);
  TfLiteEvalTensor tensor = {};
  tensor.dims = dims;
  tensor.type = kTfLiteInt16;
  EXPECT_EQ(TensorBytes(&tensor), 30u);
  tensor.type = kTfLiteFloat64;
  EXPECT_EQ(TensorBytes(&tensor), 120u);
  dims->size = 0;  // a scalar
  EXPECT_EQ(TensorBytes(&tensor), 8u);
}

TEST(HostedInterpreterTest, DefaultArenaGrowsToTheExactMinimum) {
  const std::vector<uint8_t> model = SoftmaxChain();
  HostedInterpreter hosted;
  ASSERT_TRUE(Load(&hosted, model)) << hosted.error().message;
  EXPECT_GT(hosted.arena_size(), 10 * model.size());
  EXPECT_EQ(hosted.arena_size(), hosted.arena_required_bytes());
  FillZeros(hosted.input(0));
  ASSERT_TRUE(hosted.Invoke()) << hosted.error().message;
  ExpectUniform(hosted.output(0));
}

TEST(HostedInterpreterTest, DefaultArenaIsTenTimesTheModelWhenThatFits) {
  const std::vector<uint8_t> model = SoftmaxChain(/*rows=*/1);
  HostedInterpreter hosted;
  ASSERT_TRUE(Load(&hosted, model)) << hosted.error().message;
  EXPECT_EQ(hosted.arena_size(), 10 * model.size());
}

TEST(HostedInterpreterTest, ExplicitArenaIsABudget) {
  const std::vector<uint8_t> model = SoftmaxChain();
  const size_t minimum = MinimumArena(model);
  HostedOptions options;
  options.arena_size = minimum;
  HostedInterpreter exact;
  ASSERT_TRUE(Load(&exact, model, options)) << exact.error().message;
  EXPECT_EQ(exact.arena_size(), minimum);

  options.arena_size = minimum - 1;
  HostedInterpreter small;
  EXPECT_FALSE(Load(&small, model, options));
  const HostedError& error = small.error();
  EXPECT_EQ(error.kind, HostedErrorKind::kArenaTooSmall);
  EXPECT_EQ(error.arena_size, minimum - 1);
  EXPECT_EQ(error.needed_bytes, minimum);
  EXPECT_FALSE(error.resized);
  // The core's own text, which the bindings put after theirs.
  EXPECT_NE(error.message.find("Arena too small"), std::string::npos)
      << error.message;
  EXPECT_EQ(small.arena_size(), minimum - 1);  // never grown
}

TEST(HostedInterpreterTest, GrowthAfterAResizeReplaysTheShapes) {
  const std::vector<uint8_t> model = SoftmaxChain();
  HostedInterpreter hosted;
  ASSERT_TRUE(Load(&hosted, model)) << hosted.error().message;
  const size_t first_arena = hosted.arena_size();
  const int32_t big[2] = {512, 64};
  // The arena (the model's exact minimum) has no room for the new shape's
  // dims: it grows at once, and the new interpreter is allocated.
  ASSERT_TRUE(hosted.ResizeInput(0, big, 2)) << hosted.error().message;
  ASSERT_TRUE(hosted.AllocateTensors()) << hosted.error().message;
  EXPECT_GT(hosted.arena_size(), first_arena);
  EXPECT_EQ(hosted.arena_size(), hosted.arena_required_bytes());
  // The rebuilt interpreter has the new shape, and so does the output.
  EXPECT_EQ(hosted.input(0)->dims->data[0], 512);
  EXPECT_EQ(hosted.output(0)->dims->data[0], 512);
  FillZeros(hosted.input(0));
  ASSERT_TRUE(hosted.Invoke()) << hosted.error().message;
  ExpectUniform(hosted.output(0));

  // A smaller shape fits the grown arena: planned by the next allocation,
  // in the same arena.
  const size_t grown = hosted.arena_size();
  const int32_t small[2] = {3, 64};
  ASSERT_TRUE(hosted.ResizeInput(0, small, 2)) << hosted.error().message;
  EXPECT_EQ(hosted.input(0), nullptr);
  ASSERT_TRUE(hosted.EnsureAllocated()) << hosted.error().message;
  FillZeros(hosted.input(0));
  ASSERT_TRUE(hosted.Invoke()) << hosted.error().message;
  EXPECT_EQ(hosted.arena_size(), grown);
  EXPECT_EQ(hosted.output(0)->dims->data[0], 3);
  ExpectUniform(hosted.output(0));

  // Growing again replays every remembered shape, the last one included.
  const int32_t bigger[2] = {2048, 64};
  ASSERT_TRUE(hosted.ResizeInput(0, bigger, 2)) << hosted.error().message;
  ASSERT_TRUE(hosted.AllocateTensors()) << hosted.error().message;
  EXPECT_GT(hosted.arena_size(), grown);
  EXPECT_EQ(hosted.input(0)->dims->data[0], 2048);
}

// The minimum arena after resizing input 0 of a default interpreter.
size_t MinimumArenaAt(const std::vector<uint8_t>& model, const int32_t* dims) {
  HostedInterpreter measure;
  EXPECT_TRUE(Load(&measure, model));
  EXPECT_TRUE(measure.ResizeInput(0, dims, 2)) << measure.error().message;
  EXPECT_TRUE(measure.AllocateTensors()) << measure.error().message;
  return measure.arena_required_bytes();
}

TEST(HostedInterpreterTest, BudgetWithoutRoomForAResize) {
  const std::vector<uint8_t> model = SoftmaxChain();
  HostedOptions options;
  options.arena_size = MinimumArena(model);
  HostedInterpreter hosted;
  ASSERT_TRUE(Load(&hosted, model, options)) << hosted.error().message;
  const int32_t big[2] = {512, 64};
  EXPECT_FALSE(hosted.ResizeInput(0, big, 2));
  EXPECT_EQ(hosted.error().kind, HostedErrorKind::kArenaTooSmall);
  EXPECT_TRUE(hosted.error().resized);
  EXPECT_EQ(hosted.error().arena_size, options.arena_size);
  EXPECT_EQ(hosted.error().needed_bytes, MinimumArenaAt(model, big));
  // The resize did not happen: still usable at the model's shapes.
  ASSERT_NE(hosted.input(0), nullptr);
  EXPECT_EQ(hosted.input(0)->dims->data[0], 64);
  FillZeros(hosted.input(0));
  ASSERT_TRUE(hosted.Invoke()) << hosted.error().message;
  ExpectUniform(hosted.output(0));
}

TEST(HostedInterpreterTest, BudgetTooSmallAfterAResizeThenRecover) {
  const std::vector<uint8_t> model = SoftmaxChain();
  HostedOptions options;
  // Room for the new dims, not for the new plan.
  options.arena_size = MinimumArena(model) + 256;
  HostedInterpreter hosted;
  ASSERT_TRUE(Load(&hosted, model, options)) << hosted.error().message;
  const int32_t big[2] = {512, 64};
  ASSERT_TRUE(hosted.ResizeInput(0, big, 2)) << hosted.error().message;
  EXPECT_FALSE(hosted.AllocateTensors());
  EXPECT_EQ(hosted.error().kind, HostedErrorKind::kArenaTooSmall);
  EXPECT_TRUE(hosted.error().resized);
  EXPECT_EQ(hosted.error().arena_size, options.arena_size);
  EXPECT_EQ(hosted.error().needed_bytes, MinimumArenaAt(model, big));
  EXPECT_EQ(hosted.input(0), nullptr);

  // The next call goes back to the model's shapes.
  ASSERT_TRUE(hosted.EnsureAllocated()) << hosted.error().message;
  ASSERT_NE(hosted.input(0), nullptr);
  EXPECT_EQ(hosted.input(0)->dims->data[0], 64);
  FillZeros(hosted.input(0));
  ASSERT_TRUE(hosted.Invoke()) << hosted.error().message;
  ExpectUniform(hosted.output(0));
  // With the resized shape forgotten, a later failure says so.
  options.arena_size = 1024;
  HostedInterpreter tiny;
  EXPECT_FALSE(Load(&tiny, model, options));
  EXPECT_FALSE(tiny.error().resized);
}

TEST(HostedInterpreterTest, RejectedShapesAndModels) {
  const std::vector<uint8_t> model = SoftmaxChain();
  HostedInterpreter hosted;
  ASSERT_TRUE(Load(&hosted, model)) << hosted.error().message;
  const int32_t wrong[2] = {1, 65};
  EXPECT_FALSE(hosted.ResizeInput(0, wrong, 2));
  EXPECT_EQ(hosted.error().kind, HostedErrorKind::kBadShape);
  EXPECT_NE(hosted.error().message.find("dimension 1 must be 64"),
            std::string::npos)
      << hosted.error().message;
  EXPECT_FALSE(hosted.ResizeInput(0, wrong, 1));
  EXPECT_EQ(hosted.error().kind, HostedErrorKind::kBadShape);
  ASSERT_TRUE(hosted.Invoke()) << hosted.error().message;

  std::vector<uint8_t> garbage(model.begin(), model.begin() + 40);
  HostedInterpreter bad;
  EXPECT_FALSE(Load(&bad, garbage));
  EXPECT_EQ(bad.error().kind, HostedErrorKind::kBadModel);
  EXPECT_FALSE(bad.error().message.empty());
}

TEST(HostedInterpreterTest, PreserveOptionsChangeThePlan) {
  const std::vector<uint8_t> model = SoftmaxChain();
  HostedOptions options;
  const size_t preserving = MinimumArena(model, options);
  options.preserve_inputs = false;
  const size_t reusing = MinimumArena(model, options);
  // The input's 16 KiB are reused by the second SOFTMAX's output.
  EXPECT_EQ(preserving - reusing, 64u * 64 * sizeof(float));
  options.preserve_all_tensors = true;
  EXPECT_EQ(MinimumArena(model, options), preserving);
}

TEST(HostedInterpreterTest, OptionsOutliveAGrownArena) {
  const std::vector<uint8_t> model = SoftmaxChain();
  HostedOptions options;
  options.arithmetic = MicroArithmetic::kLitert;
  options.preserve_inputs = false;
  HostedInterpreter hosted;
  ASSERT_TRUE(Load(&hosted, model, options)) << hosted.error().message;
  EXPECT_GT(hosted.arena_size(), 10 * model.size());  // rebuilt
  EXPECT_EQ(hosted.micro().arithmetic(), MicroArithmetic::kLitert);
  EXPECT_FALSE(hosted.micro().preserve_inputs());
  EXPECT_EQ(hosted.arena_size(), MinimumArena(model, options));
}

class CountingProfiler : public MicroProfilerInterface {
 public:
  uint32_t BeginEvent(const char*) override { return ++events_; }
  void EndEvent(uint32_t) override {}
  uint32_t events() const { return events_; }

 private:
  uint32_t events_ = 0;
};

TEST(HostedInterpreterTest, ProfilerFollowsARebuiltInterpreter) {
  HostedInterpreter hosted;
  ASSERT_TRUE(Load(&hosted, SoftmaxChain()));
  CountingProfiler profiler;
  hosted.SetProfiler(&profiler);
  const int32_t big[2] = {512, 64};
  ASSERT_TRUE(hosted.ResizeInput(0, big, 2));
  ASSERT_TRUE(hosted.Invoke()) << hosted.error().message;
  EXPECT_EQ(profiler.events(), 2u);
  hosted.SetProfiler(nullptr);
  ASSERT_TRUE(hosted.Invoke());
  EXPECT_EQ(profiler.events(), 2u);
}

TEST(HostedInterpreterTest, ModelInPlaceOnlyWhenAskedAndAligned) {
  testing::AlignedModel aligned(SoftmaxChain());
  HostedOptions options;
  HostedInterpreter copied;
  ASSERT_TRUE(copied.Load(aligned.data(), aligned.size(), options));
  EXPECT_FALSE(copied.model_in_place());

  options.model_in_place = true;
  HostedInterpreter in_place;
  ASSERT_TRUE(in_place.Load(aligned.data(), aligned.size(), options));
  EXPECT_TRUE(in_place.model_in_place());
  const uint8_t* model_start =
      reinterpret_cast<const uint8_t*>(in_place.micro().model());
  EXPECT_GE(model_start, aligned.data());
  EXPECT_LT(model_start, aligned.data() + aligned.size());

  // One byte further the bytes are not aligned: copied after all.
  std::vector<uint8_t> shifted(aligned.size() + 16);
  uint8_t* odd = shifted.data() + (16 - reinterpret_cast<uintptr_t>(
                                             shifted.data()) % 16) % 16 + 1;
  std::memcpy(odd, aligned.data(), aligned.size());
  HostedInterpreter unaligned;
  ASSERT_TRUE(unaligned.Load(odd, aligned.size(), options))
      << unaligned.error().message;
  EXPECT_FALSE(unaligned.model_in_place());
}

bool FailingRegisterer(ExtensibleOpResolver*) { return false; }

TfLiteStatus CopyInvoke(TfLiteContext*, TfLiteNode* node) {
  (void)node;
  return kTfLiteOk;
}

bool TestOpRegisterer(ExtensibleOpResolver* resolver) {
  static TfLiteRegistration registration = {};
  registration.invoke = CopyInvoke;
  return resolver->AddCustom("HOSTED_TEST_OP", &registration) == kTfLiteOk;
}

TEST(HostedInterpreterTest, Registerers) {
  const std::vector<uint8_t> model = CustomOpModel();
  HostedInterpreter missing_op;
  EXPECT_FALSE(Load(&missing_op, model));
  EXPECT_EQ(missing_op.error().kind, HostedErrorKind::kFailed);
  EXPECT_NE(missing_op.error().message.find("HOSTED_TEST_OP"),
            std::string::npos)
      << missing_op.error().message;

  HostedOptions options;
  options.linked_registerers = {&TestOpRegisterer};
  HostedInterpreter linked;
  EXPECT_TRUE(Load(&linked, model, options)) << linked.error().message;
  EXPECT_TRUE(linked.Invoke()) << linked.error().message;

  options.registerers = {"NoSuchRegistererAnywhere"};
  HostedInterpreter not_found;
  EXPECT_FALSE(Load(&not_found, model, options));
  EXPECT_EQ(not_found.error().kind, HostedErrorKind::kRegistererNotFound);
  EXPECT_EQ(not_found.error().registerer, "NoSuchRegistererAnywhere");
  EXPECT_EQ(RegistererErrorText(not_found.error(), "load it first"),
            "Custom op registerer 'NoSuchRegistererAnywhere' was not found: "
            "no loaded library exports a C function of that name (load it "
            "first)");

  options.registerers.clear();
  options.linked_registerers = {&FailingRegisterer};
  HostedInterpreter failing;
  EXPECT_FALSE(Load(&failing, model, options));
  EXPECT_EQ(failing.error().kind, HostedErrorKind::kRegistererFailed);
  EXPECT_EQ(RegistererErrorText(failing.error(), "unused"),
            "Custom op registerer '' returned false (registration failed)");
}

}  // namespace
}  // namespace tflite
