// The signal ops through the C++ API (MicroMutableOpResolver::AddCustom),
// checked against the ops' definitions computed independently here; and the
// registerer the Python/Java runtimes call.
#include "signal/micro/kernels/signal_ops.h"

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "flatbuffers/flexbuffers.h"
#include "gtest/gtest.h"
#include "signal/src/log.h"
#include "tensorflow/lite/micro/micro_interpreter.h"
#include "tensorflow/lite/micro/micro_mutable_op_resolver.h"
#include "tensorflow/lite/micro/testing/test_model_builder.h"

namespace tflite {
namespace {

template <typename Fill>
std::vector<uint8_t> Options(Fill fill) {
  flexbuffers::Builder fbb;
  fbb.Map([&]() { fill(fbb); });
  fbb.Finish();
  return fbb.GetBuffer();
}

class SignalOpsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(resolver_.AddCustom("SignalWindow", signal_ops::Register_WINDOW()),
              kTfLiteOk);
    ASSERT_EQ(resolver_.AddCustom("SignalRfft", signal_ops::Register_RFFT()),
              kTfLiteOk);
    ASSERT_EQ(resolver_.AddCustom("SignalFilterBankSquareRoot",
                                  signal_ops::Register_FILTER_BANK_SQUARE_ROOT()),
              kTfLiteOk);
    ASSERT_EQ(
        resolver_.AddCustom(
            "SignalFilterBankSpectralSubtraction",
            signal_ops::Register_FILTER_BANK_SPECTRAL_SUBTRACTION()),
        kTfLiteOk);
  }
  MicroMutableOpResolver<4> resolver_;
  alignas(16) uint8_t arena_[32768];
};

TEST_F(SignalOpsTest, WindowMultipliesShiftsAndSaturates) {
  testing::TestModelBuilder b;
  const std::vector<int16_t> window = {4096, 2048, -4096, 32767, -32768, 1};
  const int x = b.AddTensor(TensorType_INT16, {2, 6});
  const int w = b.AddConstant<int16_t>(TensorType_INT16, {6}, window);
  const int y = b.AddTensor(TensorType_INT16, {2, 6});
  b.AddCustomOperator("SignalWindow", {x, w}, {y},
                      Options([](flexbuffers::Builder& f) {
                        f.Int("shift", 12);
                      }));
  b.SetInputs({x});
  b.SetOutputs({y});
  testing::AlignedModel model(b.Build());
  MicroInterpreter interpreter(model.data(), model.size(), resolver_, arena_,
                               sizeof(arena_));
  ASSERT_EQ(interpreter.AllocateTensors(), kTfLiteOk)
      << interpreter.error_message();
  const int16_t input[12] = {1000, -1000, 32767, 32767, 32767, -32768,
                             -32768, 7, 3, -5, -32768, 4095};
  for (int i = 0; i < 12; ++i) interpreter.input(0)->data.i16[i] = input[i];
  ASSERT_EQ(interpreter.Invoke(), kTfLiteOk);
  for (int i = 0; i < 12; ++i) {
    const int64_t exact = static_cast<int64_t>(input[i]) * window[i % 6];
    // Arithmetic shift = floor division by 4096; then saturation.
    int64_t expected = static_cast<int64_t>(
        std::floor(static_cast<double>(exact) / 4096.0));
    expected = expected > 32767 ? 32767 : (expected < -32768 ? -32768 : expected);
    EXPECT_EQ(interpreter.output(0)->data.i16[i], expected) << i;
  }
}

TEST_F(SignalOpsTest, RfftOfAnImpulseIsFlat) {
  // x = 32767 * delta: every bin is 32767 / fft_length (the fixed-point FFT
  // divides by each stage's radix), give or take rounding.
  for (const int fft_length : {512, 480, 40}) {
    testing::TestModelBuilder b;
    const int x = b.AddTensor(TensorType_INT16, {fft_length});
    const int y = b.AddTensor(TensorType_INT16, {fft_length + 2});
    b.AddCustomOperator("SignalRfft", {x}, {y},
                        Options([&](flexbuffers::Builder& f) {
                          f.Int("T", TensorType_INT16);
                          f.Int("fft_length", fft_length);
                        }));
    b.SetInputs({x});
    b.SetOutputs({y});
    testing::AlignedModel model(b.Build());
    MicroInterpreter interpreter(model.data(), model.size(), resolver_,
                                 arena_, sizeof(arena_));
    ASSERT_EQ(interpreter.AllocateTensors(), kTfLiteOk)
        << interpreter.error_message();
    for (int i = 0; i < fft_length; ++i) {
      interpreter.input(0)->data.i16[i] = i == 0 ? 32767 : 0;
    }
    ASSERT_EQ(interpreter.Invoke(), kTfLiteOk);
    const double level = 32767.0 / fft_length;
    for (int k = 0; k <= fft_length / 2; ++k) {
      EXPECT_NEAR(interpreter.output(0)->data.i16[2 * k], level, 2.0)
          << fft_length << " bin " << k;
      EXPECT_NEAR(interpreter.output(0)->data.i16[2 * k + 1], 0.0, 2.0)
          << fft_length << " bin " << k;
    }
  }
}

TEST_F(SignalOpsTest, SquareRootRoundsAndScalesDown) {
  testing::TestModelBuilder b;
  const int x = b.AddTensor(TensorType_UINT64, {6});
  const int s = b.AddTensor(TensorType_INT32, {});
  const int y = b.AddTensor(TensorType_UINT32, {6});
  b.AddCustomOperator("SignalFilterBankSquareRoot", {x, s}, {y});
  b.SetInputs({x, s});
  b.SetOutputs({y});
  testing::AlignedModel model(b.Build());
  MicroInterpreter interpreter(model.data(), model.size(), resolver_, arena_,
                               sizeof(arena_));
  ASSERT_EQ(interpreter.AllocateTensors(), kTfLiteOk)
      << interpreter.error_message();
  const uint64_t values[6] = {0, 2, 1000000, 4294967296ull,
                              1234567890123ull, 18446744073709551615ull};
  for (int bits : {0, 3}) {
    for (int i = 0; i < 6; ++i) interpreter.input(0)->data.u64[i] = values[i];
    interpreter.input(1)->data.i32[0] = bits;
    ASSERT_EQ(interpreter.Invoke(), kTfLiteOk);
    for (int i = 0; i < 6; ++i) {
      // Round to nearest, capped at 2^32 - 1 (sqrt of the largest value is
      // 2^32 - 0.5...).
      const long double root = std::sqrt(static_cast<long double>(values[i]));
      uint64_t rounded = static_cast<uint64_t>(std::floor(root + 0.5L));
      if (rounded > 0xFFFFFFFFull) rounded = 0xFFFFFFFFull;
      EXPECT_EQ(interpreter.output(0)->data.u32[i],
                static_cast<uint32_t>(rounded >> bits))
          << values[i] << " >> " << bits;
    }
  }
}

TEST_F(SignalOpsTest, SpectralSubtractionStateAndReset) {
  testing::TestModelBuilder b;
  const int x = b.AddTensor(TensorType_UINT32, {2});
  const int y = b.AddTensor(TensorType_UINT32, {2});
  const int noise = b.AddTensor(TensorType_UINT32, {2});
  // smoothing 1/4 (Q14), alternate 1/2; no extra bits; floor 1/16.
  b.AddCustomOperator("SignalFilterBankSpectralSubtraction", {x}, {y, noise},
                      Options([](flexbuffers::Builder& f) {
                        f.Int("alternate_one_minus_smoothing", 8192);
                        f.Int("alternate_smoothing", 8192);
                        f.Bool("clamping", false);
                        f.Int("min_signal_remaining", 1024);
                        f.Int("num_channels", 2);
                        f.Int("one_minus_smoothing", 12288);
                        f.Int("smoothing", 4096);
                        f.Int("smoothing_bits", 0);
                        f.Int("spectral_subtraction_bits", 14);
                      }));
  b.SetInputs({x});
  b.SetOutputs({y, noise});
  testing::AlignedModel model(b.Build());
  MicroInterpreter interpreter(model.data(), model.size(), resolver_, arena_,
                               sizeof(arena_));
  ASSERT_EQ(interpreter.AllocateTensors(), kTfLiteOk)
      << interpreter.error_message();
  // A constant 1600 in both channels: the estimates follow
  // e <- e + w (1600 - e) from 0, and the output is 1600 - e (>= 100).
  double estimate[2] = {0, 0};
  const double weight[2] = {0.25, 0.5};
  for (int round = 0; round < 2; ++round) {
    for (int frame = 0; frame < 4; ++frame) {
      interpreter.input(0)->data.u32[0] = 1600;
      interpreter.input(0)->data.u32[1] = 1600;
      ASSERT_EQ(interpreter.Invoke(), kTfLiteOk);
      for (int c = 0; c < 2; ++c) {
        estimate[c] += weight[c] * (1600 - estimate[c]);
        EXPECT_NEAR(interpreter.output(1)->data.u32[c], estimate[c], 1.0)
            << "round " << round << " frame " << frame << " channel " << c;
        const double out = std::max(1600 - estimate[c], 100.0);
        EXPECT_NEAR(interpreter.output(0)->data.u32[c], out, 1.0);
      }
    }
    // Reset clears the estimates: the second round repeats the first.
    ASSERT_EQ(interpreter.Reset(), kTfLiteOk);
    estimate[0] = estimate[1] = 0;
  }
}

TEST_F(SignalOpsTest, MalformedOptionsNameTheOp) {
  testing::TestModelBuilder b;
  const int x = b.AddTensor(TensorType_INT16, {4});
  const int w = b.AddConstant<int16_t>(TensorType_INT16, {4}, {1, 2, 3, 4});
  const int y = b.AddTensor(TensorType_INT16, {4});
  b.AddCustomOperator("SignalWindow", {x, w}, {y}, {0xff, 0x13, 0x02});
  b.SetInputs({x});
  b.SetOutputs({y});
  testing::AlignedModel model(b.Build());
  MicroInterpreter interpreter(model.data(), model.size(), resolver_, arena_,
                               sizeof(arena_));
  interpreter.set_log_errors(false);
  EXPECT_EQ(interpreter.AllocateTensors(), kTfLiteError);
  const std::string message = interpreter.error_message();
  EXPECT_NE(message.find("Node SignalWindow (number 0) failed to prepare: "
                         "SignalWindow: custom options (3 bytes) are not a "
                         "valid flexbuffer map"),
            std::string::npos)
      << message;
}

TEST(SignalLogTable, IsTheLog2CorrectionRounded) {
  for (int i = 0; i < tflm_signal::kLogTableSize; ++i) {
    const double x = i / 128.0;
    const double correction = 65536.0 * (std::log2(1.0 + x) - x);
    EXPECT_EQ(tflm_signal::kLogTable[i],
              static_cast<uint16_t>(std::floor(correction + 0.5)))
        << i;
  }
}

TEST(SignalOpsRegisterer, RegistersEveryOpOnce) {
  ExtensibleOpResolver resolver;
  ASSERT_TRUE(SignalOpsRegisterer(&resolver));
  for (const char* name :
       {"SignalWindow", "SignalFftAutoScale", "SignalRfft", "SignalEnergy",
        "SignalFilterBank", "SignalFilterBankSquareRoot",
        "SignalFilterBankSpectralSubtraction", "SignalPCAN",
        "SignalFilterBankLog", "SignalIrfft", "SignalDelay", "SignalFramer",
        "SignalOverlapAdd", "SignalStacker"}) {
    EXPECT_NE(resolver.FindOp(name), nullptr) << name;
  }
  // A second registration finds the names taken.
  EXPECT_FALSE(SignalOpsRegisterer(&resolver));
}

// TFLM's AddXxx methods for the signal ops register each op under the name
// SignalOpsRegisterer uses, with the same kernel.
TEST(SignalOpsResolverMethods, MatchTheRegisterer) {
  MicroMutableOpResolver<14> resolver;
  ASSERT_EQ(resolver.AddWindow(), kTfLiteOk);
  ASSERT_EQ(resolver.AddFftAutoScale(), kTfLiteOk);
  ASSERT_EQ(resolver.AddRfft(), kTfLiteOk);
  ASSERT_EQ(resolver.AddIrfft(), kTfLiteOk);
  ASSERT_EQ(resolver.AddEnergy(), kTfLiteOk);
  ASSERT_EQ(resolver.AddFilterBank(), kTfLiteOk);
  ASSERT_EQ(resolver.AddFilterBankSquareRoot(), kTfLiteOk);
  ASSERT_EQ(resolver.AddFilterBankSpectralSubtraction(), kTfLiteOk);
  ASSERT_EQ(resolver.AddFilterBankLog(), kTfLiteOk);
  ASSERT_EQ(resolver.AddPCAN(), kTfLiteOk);
  ASSERT_EQ(resolver.AddDelay(), kTfLiteOk);
  ASSERT_EQ(resolver.AddFramer(), kTfLiteOk);
  ASSERT_EQ(resolver.AddOverlapAdd(), kTfLiteOk);
  ASSERT_EQ(resolver.AddStacker(), kTfLiteOk);
  EXPECT_EQ(resolver.GetRegistrationLength(), 14u);
  ExtensibleOpResolver reference;
  ASSERT_TRUE(SignalOpsRegisterer(&reference));
  for (const char* name :
       {"SignalWindow", "SignalFftAutoScale", "SignalRfft", "SignalIrfft",
        "SignalEnergy", "SignalFilterBank", "SignalFilterBankSquareRoot",
        "SignalFilterBankSpectralSubtraction", "SignalFilterBankLog",
        "SignalPCAN", "SignalDelay", "SignalFramer", "SignalOverlapAdd",
        "SignalStacker"}) {
    const TfLiteRegistration* ours = resolver.FindOp(name);
    const TfLiteRegistration* theirs = reference.FindOp(name);
    ASSERT_NE(ours, nullptr) << name;
    ASSERT_NE(theirs, nullptr) << name;
    EXPECT_EQ(ours->prepare, theirs->prepare) << name;
    EXPECT_EQ(ours->invoke, theirs->invoke) << name;
  }
  // Already there.
  EXPECT_EQ(resolver.AddStacker(), kTfLiteError);
}

}  // namespace
}  // namespace tflite
