// No double-precision arithmetic while integer nodes run (issue 13).
//
// Every model of ../shared/models (the signal and MediaPipe custom ops
// registered) and every generated fuzz seed is allocated and invoked twice:
// all inputs zero, then pseudo-random inputs. During Invoke only (not
// construction, AllocateTensors or Prepare), a profiler follows which node
// is running and charges each counted double call (double_call_counter.h)
// to that node. The gate:
//   - an integer node makes no double call at all. An integer node is one
//     none of whose tensors (inputs, outputs, intermediates) is floating
//     point: int8/16/32/64, uint8/16/32/64 and bool only. So a fully
//     integer model is checked whole, a mixed model on its integer nodes
//     (not on a QUANTIZE from float or a DEQUANTIZE to float);
//   - a float node makes none either, unless WhyFloatNodeMayUseDouble names
//     the reason its op computes in double by definition (TFLite's
//     reference does). Those calls are printed.
// A failure names the model, the node, its op and the routines called.
//
// Where it means something: on Cortex-M cores without a double FPU
// (bazel test --config=cortex_m0plus, cortex_m3, cortex_m4) every double
// operation is a call to a libgcc helper, so everything is counted. On the
// host (x86-64) doubles are instructions and only calls to the C library's
// double math functions are counted: a smoke test of the models, the
// profiler hook and the counting. On the M7 and M55 (double FPU) the model
// checks skip, saying so.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "gtest/gtest.h"
#include "mediapipe/micro/kernels/mediapipe_ops.h"
#include "signal/micro/kernels/signal_ops.h"
#include "tensorflow/lite/micro/extensible_op_resolver.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/micro_interpreter.h"
#include "tensorflow/lite/micro/micro_mutable_op_resolver.h"
#include "tensorflow/lite/micro/micro_profiler_interface.h"
#include "tensorflow/lite/micro/soft_double/double_call_counter.h"
#include "tensorflow/lite/micro/testing/model_files.h"
#include "tensorflow/lite/micro/testing/test_model_builder.h"
#include "tensorflow/lite/schema/schema_generated.h"

namespace tflite {
namespace {

namespace sd = soft_double;
using testing::AlignedModel;
using testing::ModelFile;

constexpr size_t kArenaSize = 2 << 20;
alignas(16) uint8_t arena[kArenaSize];

// ---------------------------------------------------------------------------
// Which nodes are integer.

bool IsFloatType(TensorType type) {
  switch (type) {
    case TensorType_FLOAT16:
    case TensorType_FLOAT32:
    case TensorType_FLOAT64:
    case TensorType_COMPLEX64:
    case TensorType_COMPLEX128:
      return true;
    default:
      return false;
  }
}

bool AnyTensorOfType(const SubGraph* subgraph,
                     const flatbuffers::Vector<int32_t>* indices,
                     bool (*matches)(TensorType)) {
  if (indices == nullptr || subgraph->tensors() == nullptr) return false;
  for (const int32_t index : *indices) {
    if (index < 0 ||
        static_cast<uint32_t>(index) >= subgraph->tensors()->size()) {
      continue;  // an optional input left out
    }
    if (matches(subgraph->tensors()->Get(index)->type())) return true;
  }
  return false;
}

bool NodeHasTensorOfType(const Model* model, int subgraph_index,
                         int node_index, bool (*matches)(TensorType)) {
  const SubGraph* subgraph = model->subgraphs()->Get(subgraph_index);
  const Operator* op = subgraph->operators()->Get(node_index);
  return AnyTensorOfType(subgraph, op->inputs(), matches) ||
         AnyTensorOfType(subgraph, op->outputs(), matches) ||
         AnyTensorOfType(subgraph, op->intermediates(), matches);
}

bool IsFloat64(TensorType type) { return type == TensorType_FLOAT64; }

// ---------------------------------------------------------------------------
// Charging double calls to the running node.

struct NodeKey {
  int subgraph;
  int node;
  bool operator<(const NodeKey& other) const {
    return subgraph != other.subgraph ? subgraph < other.subgraph
                                      : node < other.node;
  }
};

struct NodeRecord {
  std::string op_name;
  bool integer = false;
  bool has_float64 = false;  // a float64 tensor among its tensors
  uint32_t total = 0;
  std::vector<uint32_t> by_symbol;  // sd::SymbolCount() entries
};

// A profiler that, at every node boundary, charges the calls counted since
// the previous boundary to the node that was running (nodes of subgraphs
// called by IF/WHILE/CALL_ONCE interrupt their caller's share: each call is
// charged to the innermost node). Calls made inside Invoke but outside any
// node are charged to the interpreter (key {-1, -1}).
class DoubleCallProfiler : public MicroProfilerInterface {
 public:
  DoubleCallProfiler(const Model* model, MicroInterpreter* interpreter)
      : model_(model),
        interpreter_(interpreter),
        last_(sd::SymbolCount()),
        now_(sd::SymbolCount()) {}

  void StartInvoke() {
    sd::ReadCounts(last_.data());
    stack_.clear();
  }
  void StopInvoke() {
    Charge();
    stack_.clear();
  }

  uint32_t BeginEvent(const char* tag) override {
    Charge();
    const NodeKey key{interpreter_->current_subgraph_index(),
                      interpreter_->current_node_index()};
    NodeRecord& record = Record(key);
    if (record.op_name.empty()) {
      record.op_name = tag;
      record.integer =
          !NodeHasTensorOfType(model_, key.subgraph, key.node, IsFloatType);
      record.has_float64 =
          NodeHasTensorOfType(model_, key.subgraph, key.node, IsFloat64);
    }
    stack_.push_back(key);
    ++events_;
    return static_cast<uint32_t>(stack_.size());
  }

  void EndEvent(uint32_t /*event_handle*/) override {
    Charge();
    if (!stack_.empty()) stack_.pop_back();
  }

  const std::map<NodeKey, NodeRecord>& records() const { return records_; }
  int events() const { return events_; }

 private:
  NodeRecord& Record(const NodeKey& key) {
    NodeRecord& record = records_[key];
    if (record.by_symbol.empty()) record.by_symbol.assign(sd::SymbolCount(), 0);
    return record;
  }

  void Charge() {
    sd::ReadCounts(now_.data());
    uint32_t total = 0;
    for (size_t i = 0; i < now_.size(); ++i) total += now_[i] - last_[i];
    if (total != 0) {
      const NodeKey key = stack_.empty() ? NodeKey{-1, -1} : stack_.back();
      NodeRecord& record = Record(key);
      if (stack_.empty()) {
        record.op_name = "between nodes";
        record.integer = true;
      }
      record.total += total;
      for (size_t i = 0; i < now_.size(); ++i) {
        record.by_symbol[i] += now_[i] - last_[i];
      }
    }
    last_.swap(now_);
  }

  const Model* model_;
  MicroInterpreter* interpreter_;
  std::vector<uint32_t> last_;
  std::vector<uint32_t> now_;
  std::vector<NodeKey> stack_;
  std::map<NodeKey, NodeRecord> records_;
  int events_ = 0;
};

// "__aeabi_dmul 120, exp 3" (largest first, at most six).
std::string DescribeSymbols(const std::vector<uint32_t>& by_symbol) {
  std::vector<std::pair<uint32_t, int>> nonzero;
  for (size_t i = 0; i < by_symbol.size(); ++i) {
    if (by_symbol[i] != 0) {
      nonzero.push_back({by_symbol[i], static_cast<int>(i)});
    }
  }
  std::sort(nonzero.begin(), nonzero.end(),
            [](const std::pair<uint32_t, int>& a,
               const std::pair<uint32_t, int>& b) { return a.first > b.first; });
  std::string text;
  for (size_t i = 0; i < nonzero.size() && i < 6; ++i) {
    if (!text.empty()) text += ", ";
    text += sd::SymbolName(nonzero[i].second);
    text += " " + std::to_string(nonzero[i].first);
  }
  if (nonzero.size() > 6) text += ", ...";
  return text;
}

// ---------------------------------------------------------------------------
// Inputs.

// A small deterministic generator (the same sequence on every target).
class Random {
 public:
  explicit Random(uint32_t seed) : state_(seed | 1u) {}
  uint32_t Next() {
    state_ ^= state_ << 13;
    state_ ^= state_ >> 17;
    state_ ^= state_ << 5;
    return state_;
  }

 private:
  uint32_t state_;
};

// Zeros, or pseudo-random values: any bit pattern for 8- and 16-bit
// integers (the domain quantized kernels see), 0/1 for bool, values in
// [-4, 4) for float (what a QUANTIZE in front of integer nodes reads).
// Wider integers stay zero (they are mostly indices, shapes and axes, where
// random values only make the kernel reject the input).
void FillInputs(MicroInterpreter& interpreter, bool random, uint32_t seed) {
  Random rng(seed);
  for (size_t i = 0; i < interpreter.inputs_size(); ++i) {
    TfLiteTensor* input = interpreter.input(i);
    if (input == nullptr || input->data.raw == nullptr) continue;
    std::memset(input->data.raw, 0, input->bytes);
    if (!random) continue;
    switch (input->type) {
      case kTfLiteInt8:
      case kTfLiteUInt8:
      case kTfLiteInt16:
      case kTfLiteUInt16:
        for (size_t b = 0; b < input->bytes; ++b) {
          input->data.uint8[b] = static_cast<uint8_t>(rng.Next() >> 24);
        }
        break;
      case kTfLiteBool:
        for (size_t b = 0; b < input->bytes; ++b) {
          input->data.b[b] = (rng.Next() >> 31) != 0;
        }
        break;
      case kTfLiteFloat32:
        for (size_t e = 0; e < input->bytes / sizeof(float); ++e) {
          input->data.f[e] =
              static_cast<float>(static_cast<int32_t>(rng.Next() >> 16) -
                                 32768) /
              8192.0f;
        }
        break;
      default:
        break;
    }
  }
}

// ---------------------------------------------------------------------------
// The check.

// Float kernels compute in float, with these exceptions, where the op's
// definition (TFLite's reference kernel) computes in double (nullptr: no
// exception).
const char* WhyFloatNodeMayUseDouble(const std::string& op,
                                     bool has_float64_tensor) {
  if (op == "CAST" && has_float64_tensor) return "float64 tensors are doubles";
  if (op == "FLOOR_DIV") {
    return "TFLite floors the double quotient of float inputs (a float "
           "quotient can round up to a whole number and floor differently)";
  }
  return nullptr;
}

struct Totals {
  int models_run = 0;         // allocated and invoked
  int integer_node_runs = 0;  // integer nodes seen running
  int float_node_runs = 0;
  std::map<std::string, uint32_t> float_calls_by_op;  // allowed ones
};

class IntegerInvokeNoDoubleTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    static bool registered = false;
    if (!registered) {
      registered = true;
      SignalOpsRegisterer(&resolver());
      MediapipeOpsRegisterer(&resolver());
    }
  }

  static ExtensibleOpResolver& resolver() {
    static ExtensibleOpResolver resolver;
    return resolver;
  }

  // Why the model checks cannot run here ("" when they can).
  static const char* WhyNotChecked() {
#if defined(__arm__)
    if (sd::CountedCalls() != sd::Coverage::kAll) {
      return "this core has a double-precision FPU: double arithmetic is "
             "instructions, not calls, and cannot be counted. The check runs "
             "on --config=cortex_m0plus, cortex_m3 and cortex_m4.";
    }
#endif
    return "";
  }

  // Runs one model; adds a failure for every integer node that made double
  // calls, and every float node outside WhyFloatNodeMayUseDouble that did.
  // Returns false when the model does not allocate (some seeds are models
  // that kernels reject on purpose).
  bool CheckModel(const ModelFile& file, Totals& totals) {
    AlignedModel aligned(file.bytes);
    const Model* model = GetModel(aligned.data());
    MicroInterpreter interpreter(aligned.data(), aligned.size(), resolver(),
                                 arena, kArenaSize);
    interpreter.set_log_errors(false);
    if (interpreter.AllocateTensors() != kTfLiteOk) return false;
    DoubleCallProfiler profiler(model, &interpreter);
    interpreter.SetProfiler(&profiler);
    for (int round = 0; round < 2; ++round) {
      FillInputs(interpreter, round == 1, 0x5eed + round);
      profiler.StartInvoke();
      // Invoke may fail on content (kernels that check their input values);
      // what ran until then is still charged.
      (void)interpreter.Invoke();
      profiler.StopInvoke();
    }
    interpreter.SetProfiler(nullptr);
    ++totals.models_run;
    for (const auto& entry : profiler.records()) {
      const NodeKey& key = entry.first;
      const NodeRecord& record = entry.second;
      if (key.node >= 0) {
        ++(record.integer ? totals.integer_node_runs : totals.float_node_runs);
      }
      if (record.total == 0) continue;
      const std::string where =
          file.name + ": " +
          (key.node < 0 ? std::string("the interpreter")
                        : std::string(record.integer ? "integer" : "float") +
                              " node " + std::to_string(key.node)) +
          (key.subgraph > 0 ? " of subgraph " + std::to_string(key.subgraph)
                            : std::string()) +
          " (" + record.op_name + ") made " + std::to_string(record.total) +
          " double calls during Invoke: " + DescribeSymbols(record.by_symbol);
      if (record.integer ||
          WhyFloatNodeMayUseDouble(record.op_name, record.has_float64) ==
              nullptr) {
        ADD_FAILURE() << where;
      } else {
        totals.float_calls_by_op[record.op_name] += record.total;
      }
    }
    return true;
  }

  static void PrintTotals(const char* what, const Totals& totals,
                          size_t model_count) {
    std::printf(
        "%s: %d of %u models ran, %d integer and %d float node runs; "
        "counted: %s\n",
        what, totals.models_run, static_cast<unsigned>(model_count),
        totals.integer_node_runs, totals.float_node_runs,
        sd::CoverageDescription());
    for (const auto& entry : totals.float_calls_by_op) {
      std::printf("  float %s: %u double calls (allowed: %s)\n",
                  entry.first.c_str(), static_cast<unsigned>(entry.second),
                  WhyFloatNodeMayUseDouble(entry.first, true));
    }
  }
};

// The counting itself works: a double computation here is seen.
__attribute__((noinline)) double AddMultiplyAndExp(double a, double b) {
  return std::exp(a * b + a);
}

TEST_F(IntegerInvokeNoDoubleTest, CountsDoubleCalls) {
  if (sd::CountedCalls() == sd::Coverage::kNone) {
    GTEST_SKIP() << "no counting thunks for this target";
  }
  const int exp_symbol = sd::SymbolIndex("exp");
  ASSERT_GE(exp_symbol, 0);
  volatile double a = 1.25;
  volatile double b = -0.5;
  const uint32_t exp_before = sd::Count(exp_symbol);
  const uint32_t total_before = sd::TotalCount();
  volatile double result = AddMultiplyAndExp(a, b);
  (void)result;
  EXPECT_EQ(sd::Count(exp_symbol), exp_before + 1);
  if (sd::CountedCalls() == sd::Coverage::kAll) {
    const int dmul = sd::SymbolIndex("__aeabi_dmul");
    const int dadd = sd::SymbolIndex("__aeabi_dadd");
    ASSERT_GE(dmul, 0);
    ASSERT_GE(dadd, 0);
    const uint32_t dmul_before = sd::Count(dmul);
    const uint32_t dadd_before = sd::Count(dadd);
    result = AddMultiplyAndExp(a, b);
    EXPECT_GE(sd::Count(dmul), dmul_before + 1);
    EXPECT_GE(sd::Count(dadd), dadd_before + 1);
    // exp itself is made of helper calls here.
    EXPECT_GT(sd::TotalCount() - total_before, 10u);
  }
}

// An int8 custom op that computes in double at invoke: the negative
// control.
TfLiteStatus DoubleUserEval(TfLiteContext* context, TfLiteNode* node) {
  const TfLiteEvalTensor* input = micro::GetEvalInput(context, node, 0);
  TfLiteEvalTensor* output = micro::GetEvalOutput(context, node, 0);
  output->data.int8[0] = static_cast<int8_t>(
      AddMultiplyAndExp(static_cast<double>(input->data.int8[0]), 0.25));
  return kTfLiteOk;
}

TfLiteRegistration* Register_DOUBLE_USER() {
  static TfLiteRegistration registration =
      micro::RegisterOp(nullptr, nullptr, DoubleUserEval);
  return &registration;
}

// The profiler hook is live and charges calls to the node that made them:
// a RELU makes none, the custom op's are charged to it and fail the gate.
TEST_F(IntegerInvokeNoDoubleTest, ChargesCallsToTheNodeThatMadeThem) {
  if (sd::CountedCalls() == sd::Coverage::kNone) {
    GTEST_SKIP() << "no counting thunks for this target";
  }
  MicroMutableOpResolver<2> resolver;
  ASSERT_EQ(resolver.AddRelu(), kTfLiteOk);
  ASSERT_EQ(resolver.AddCustom("DoubleUser", Register_DOUBLE_USER()),
            kTfLiteOk);
  testing::TestModelBuilder b;
  const int x = b.AddTensor(TensorType_INT8, {1}, {}, 0.5f, 0);
  const int y = b.AddTensor(TensorType_INT8, {1}, {}, 0.5f, 0);
  const int z = b.AddTensor(TensorType_INT8, {1}, {}, 0.5f, 0);
  b.AddOperator(BuiltinOperator_RELU, {x}, {y});
  b.AddCustomOperator("DoubleUser", {y}, {z});
  b.SetInputs({x});
  b.SetOutputs({z});
  const std::vector<uint8_t> bytes = b.Build();
  AlignedModel aligned(bytes);
  MicroInterpreter interpreter(aligned.data(), aligned.size(), resolver,
                               arena, kArenaSize);
  ASSERT_EQ(interpreter.AllocateTensors(), kTfLiteOk)
      << interpreter.error_message();
  DoubleCallProfiler profiler(GetModel(aligned.data()), &interpreter);
  interpreter.SetProfiler(&profiler);
  interpreter.input(0)->data.int8[0] = 3;
  profiler.StartInvoke();
  ASSERT_EQ(interpreter.Invoke(), kTfLiteOk);
  profiler.StopInvoke();
  EXPECT_EQ(profiler.events(), 2);
  ASSERT_EQ(profiler.records().size(), 2u);
  const NodeRecord& relu = profiler.records().at(NodeKey{0, 0});
  const NodeRecord& user = profiler.records().at(NodeKey{0, 1});
  EXPECT_EQ(relu.op_name, "RELU");
  EXPECT_TRUE(relu.integer);
  EXPECT_EQ(relu.total, 0u);
  EXPECT_EQ(user.op_name, "DoubleUser");
  EXPECT_TRUE(user.integer);
  EXPECT_EQ(user.by_symbol[sd::SymbolIndex("exp")], 1u);
  if (sd::CountedCalls() == sd::Coverage::kAll) {
    EXPECT_GE(user.by_symbol[sd::SymbolIndex("__aeabi_i2d")], 1u);
    EXPECT_GT(user.total, 10u);
  }
  EXPECT_FALSE(DescribeSymbols(user.by_symbol).empty());
}

TEST_F(IntegerInvokeNoDoubleTest, SharedModels) {
  if (*WhyNotChecked() != '\0') GTEST_SKIP() << WhyNotChecked();
  const std::vector<ModelFile> models = testing::SharedModels();
  if (models.empty()) GTEST_SKIP() << "../shared is not beside the checkout";
  Totals totals;
  for (const ModelFile& file : models) {
    if (!CheckModel(file, totals)) {
      ADD_FAILURE() << file.name << " does not allocate";
    }
  }
  PrintTotals("shared models", totals, models.size());
}

TEST_F(IntegerInvokeNoDoubleTest, GeneratedModels) {
  if (*WhyNotChecked() != '\0') GTEST_SKIP() << WhyNotChecked();
  const std::vector<ModelFile> models = testing::ReadModelDirectory(
      testing::RunfilesPath("tflite_micro", "tensorflow/lite/micro/fuzz/seeds"));
  ASSERT_GT(models.size(), 100u);
  Totals totals;
  for (const ModelFile& file : models) CheckModel(file, totals);
  PrintTotals("generated models", totals, models.size());
  EXPECT_GT(totals.models_run, 1000);
  EXPECT_GT(totals.integer_node_runs, 500);
}

}  // namespace
}  // namespace tflite
