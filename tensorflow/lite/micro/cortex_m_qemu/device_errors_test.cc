// On the device, a bad model or a wrong arena is an error the application
// sees (a status and DebugLog text naming the problem), never a fault: a
// HardFault would end this firmware with a fault report and a failed test.
#include <cstring>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tensorflow/lite/micro/all_ops_resolver.h"
#include "tensorflow/lite/micro/cortex_m_generic/debug_log_callback.h"
#include "tensorflow/lite/micro/cortex_m_qemu/board.h"
#include "tensorflow/lite/micro/micro_interpreter.h"
#include "tensorflow/lite/micro/testing/test_model_builder.h"

namespace tflite {
namespace {

using testing::AlignedModel;
using testing::TestModelBuilder;

std::string* captured = nullptr;

void Capture(const char* text) {
  if (captured != nullptr) *captured += text;
}

// Collects DebugLog's output for the scope's lifetime.
class DebugLogCapture {
 public:
  DebugLogCapture() {
    captured = &text_;
    RegisterDebugLogCallback(Capture);
  }
  ~DebugLogCapture() {
    captured = nullptr;
    RegisterDebugLogCallback(cortex_m_qemu::WriteToStderr);
  }
  const std::string& text() const { return text_; }

 private:
  std::string text_;
};

// An int8 FULLY_CONNECTED then SOFTMAX model, built here so the test needs
// no files.
std::vector<uint8_t> SmallModel() {
  TestModelBuilder b;
  const int x = b.AddTensor(TensorType_INT8, {1, 16}, {}, 0.5f, -3);
  const int w = b.AddConstant<int8_t>(TensorType_INT8, {8, 16},
                                      std::vector<int8_t>(128, 3), 0.25f, 0);
  const int y = b.AddTensor(TensorType_INT8, {1, 8}, {}, 1.f, 2);
  const int z = b.AddTensor(TensorType_INT8, {1, 8}, {}, 1.f / 256, -128);
  b.AddOperator(BuiltinOperator_FULLY_CONNECTED, {x, w, -1}, {y},
                BuiltinOptions_FullyConnectedOptions,
                CreateFullyConnectedOptions(b.fbb()).Union());
  b.AddOperator(BuiltinOperator_SOFTMAX, {y}, {z}, BuiltinOptions_SoftmaxOptions,
                CreateSoftmaxOptions(b.fbb(), 1.f).Union());
  b.SetInputs({x});
  b.SetOutputs({z});
  return b.Build();
}

class DeviceErrorsTest : public ::testing::Test {
 protected:
  DeviceErrorsTest() { AddAllBuiltinOps(resolver_); }

  // Allocates and invokes; returns whether both succeeded. On failure the
  // interpreter's message must have reached DebugLog.
  bool Run(const uint8_t* model, size_t size, size_t arena_size) {
    DebugLogCapture log;
    MicroInterpreter interpreter(model, size, resolver_, arena_, arena_size);
    const bool ok = interpreter.AllocateTensors() == kTfLiteOk &&
                    interpreter.Invoke() == kTfLiteOk;
    if (!ok) {
      EXPECT_STRNE(interpreter.error_message(), "");
      EXPECT_NE(log.text().find(interpreter.error_message()),
                std::string::npos)
          << "DebugLog got: " << log.text();
    }
    last_log_ = log.text();
    return ok;
  }

  MicroMutableOpResolver<kAllBuiltinOpsCount> resolver_;
  alignas(16) uint8_t arena_[8192];
  std::string last_log_;
};

TEST_F(DeviceErrorsTest, TheIntactModelRuns) {
  const AlignedModel model(SmallModel());
  EXPECT_TRUE(Run(model.data(), model.size(), sizeof(arena_))) << last_log_;
}

TEST_F(DeviceErrorsTest, TruncatedModelsAreRejected) {
  const std::vector<uint8_t> bytes = SmallModel();
  for (size_t size : {size_t{0}, size_t{4}, size_t{8}, size_t{16},
                      bytes.size() / 4, bytes.size() / 2, bytes.size() - 8,
                      bytes.size() - 1}) {
    const AlignedModel model(
        std::vector<uint8_t>(bytes.begin(), bytes.begin() + size));
    EXPECT_FALSE(Run(model.data(), model.size(), sizeof(arena_)))
        << "truncated to " << size << " bytes";
  }
}

TEST_F(DeviceErrorsTest, CorruptedBytesNeverFault) {
  const std::vector<uint8_t> bytes = SmallModel();
  int rejected = 0;
  for (size_t i = 0; i < bytes.size(); i += 3) {
    std::vector<uint8_t> corrupted = bytes;
    corrupted[i] ^= 0xA5;
    const AlignedModel model(corrupted);
    if (!Run(model.data(), model.size(), sizeof(arena_))) ++rejected;
  }
  // Many bytes are constants' values (still a valid model); the rest must be
  // caught, and were reported (Run checks the log).
  EXPECT_GT(rejected, 10);
}

TEST_F(DeviceErrorsTest, TooSmallAnArenaSaysWhatItNeeds) {
  const AlignedModel model(SmallModel());
  EXPECT_FALSE(Run(model.data(), model.size(), 256));
  EXPECT_NE(last_log_.find("Arena too small"), std::string::npos)
      << last_log_;
}

TEST_F(DeviceErrorsTest, AMisalignedModelIsRejected) {
  const std::vector<uint8_t> bytes = SmallModel();
  std::vector<uint8_t> shifted(bytes.size() + 16);
  uint8_t* start = shifted.data();
  while (reinterpret_cast<uintptr_t>(start) % 16 != 1) ++start;
  std::memcpy(start, bytes.data(), bytes.size());
  // Either read correctly or refused with a message; never a fault.
  Run(start, bytes.size(), sizeof(arena_));
}

}  // namespace
}  // namespace tflite
