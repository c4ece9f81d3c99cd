// Convolution2DTransposeBias through the C++ API, against the transposed
// convolution computed here in its gather form (each output sums the taps
// that land on it) in double precision; and the registerer.
#include "mediapipe/micro/kernels/mediapipe_ops.h"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tensorflow/lite/micro/micro_interpreter.h"
#include "tensorflow/lite/micro/micro_mutable_op_resolver.h"
#include "tensorflow/lite/micro/testing/test_model_builder.h"

namespace tflite {
namespace {

std::vector<uint8_t> Params(int32_t padding, int32_t stride_w,
                            int32_t stride_h) {
  const int32_t fields[3] = {padding, stride_w, stride_h};
  std::vector<uint8_t> bytes(sizeof(fields));
  std::memcpy(bytes.data(), fields, sizeof(fields));  // little-endian host
  return bytes;
}

struct Case {
  int n, h, w, c, o, kh, kw, stride_h, stride_w;
  bool same;
};

class TransposeConvBiasTest : public ::testing::TestWithParam<Case> {
 protected:
  void SetUp() override {
    ASSERT_EQ(resolver_.AddCustom(
                  "Convolution2DTransposeBias",
                  mediapipe_ops::Register_CONVOLUTION_2D_TRANSPOSE_BIAS()),
              kTfLiteOk);
  }
  MicroMutableOpResolver<1> resolver_;
  alignas(16) uint8_t arena_[65536];
};

TEST_P(TransposeConvBiasTest, MatchesTheGatherForm) {
  const Case p = GetParam();
  // Output size and leading padding per axis (MediaPipe's definition).
  auto size = [&](int in, int k, int s, int* pad) {
    const int removed = p.same ? std::max(0, k - (in - 1) % s - 1) : 0;
    *pad = removed / 2;
    return s * (in - 1) + k - removed;
  };
  int pad_top, pad_left;
  const int oh = size(p.h, p.kh, p.stride_h, &pad_top);
  const int ow = size(p.w, p.kw, p.stride_w, &pad_left);

  std::vector<float> weights(p.o * p.kh * p.kw * p.c);
  std::vector<float> bias(p.o);
  std::vector<float> input(p.n * p.h * p.w * p.c);
  for (size_t i = 0; i < weights.size(); ++i) {
    weights[i] = std::sin(0.7f * i) * 0.5f;
  }
  for (size_t i = 0; i < bias.size(); ++i) bias[i] = 0.25f * i - 0.3f;
  for (size_t i = 0; i < input.size(); ++i) input[i] = std::cos(1.3f * i);

  testing::TestModelBuilder b;
  const int x = b.AddTensor(TensorType_FLOAT32, {p.n, p.h, p.w, p.c});
  const int wt = b.AddConstant<float>(TensorType_FLOAT32,
                                      {p.o, p.kh, p.kw, p.c}, weights);
  const int bs = b.AddConstant<float>(TensorType_FLOAT32, {p.o}, bias);
  const int y = b.AddTensor(TensorType_FLOAT32, {p.n, oh, ow, p.o});
  b.AddCustomOperator("Convolution2DTransposeBias", {x, wt, bs}, {y},
                      Params(p.same ? 1 : 2, p.stride_w, p.stride_h));
  b.SetInputs({x});
  b.SetOutputs({y});
  testing::AlignedModel model(b.Build());
  MicroInterpreter interpreter(model.data(), model.size(), resolver_, arena_,
                               sizeof(arena_));
  ASSERT_EQ(interpreter.AllocateTensors(), kTfLiteOk)
      << interpreter.error_message();
  ASSERT_EQ(interpreter.output(0)->dims->data[1], oh);
  ASSERT_EQ(interpreter.output(0)->dims->data[2], ow);
  std::memcpy(interpreter.input(0)->data.f, input.data(),
              input.size() * sizeof(float));
  ASSERT_EQ(interpreter.Invoke(), kTfLiteOk);

  const float* out = interpreter.output(0)->data.f;
  for (int b_ = 0; b_ < p.n; ++b_) {
    for (int oy = 0; oy < oh; ++oy) {
      for (int ox = 0; ox < ow; ++ox) {
        for (int o = 0; o < p.o; ++o) {
          double sum = bias[o];
          for (int fy = 0; fy < p.kh; ++fy) {
            const int ny = oy + pad_top - fy;  // = iy * stride_h
            if (ny < 0 || ny % p.stride_h != 0 || ny / p.stride_h >= p.h) {
              continue;
            }
            for (int fx = 0; fx < p.kw; ++fx) {
              const int nx = ox + pad_left - fx;
              if (nx < 0 || nx % p.stride_w != 0 || nx / p.stride_w >= p.w) {
                continue;
              }
              for (int i = 0; i < p.c; ++i) {
                sum += static_cast<double>(
                           input[((b_ * p.h + ny / p.stride_h) * p.w +
                                  nx / p.stride_w) *
                                     p.c +
                                 i]) *
                       weights[((o * p.kh + fy) * p.kw + fx) * p.c + i];
              }
            }
          }
          EXPECT_NEAR(out[((b_ * oh + oy) * ow + ox) * p.o + o], sum, 1e-4)
              << oy << "," << ox << "," << o;
        }
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(
    Shapes, TransposeConvBiasTest,
    ::testing::Values(Case{1, 4, 5, 3, 2, 4, 4, 2, 2, true},
                      Case{2, 3, 3, 2, 3, 3, 3, 2, 2, false},
                      Case{1, 3, 4, 2, 2, 2, 2, 3, 3, true},
                      Case{1, 5, 3, 1, 1, 3, 2, 1, 2, true}));

TEST(TransposeConvBiasErrors, ShortOptionsAreReported) {
  MicroMutableOpResolver<1> resolver;
  ASSERT_EQ(resolver.AddCustom(
                "Convolution2DTransposeBias",
                mediapipe_ops::Register_CONVOLUTION_2D_TRANSPOSE_BIAS()),
            kTfLiteOk);
  testing::TestModelBuilder b;
  const int x = b.AddTensor(TensorType_FLOAT32, {1, 2, 2, 1});
  const int wt = b.AddConstant<float>(TensorType_FLOAT32, {1, 2, 2, 1},
                                      {1, 2, 3, 4});
  const int bs = b.AddConstant<float>(TensorType_FLOAT32, {1}, {0});
  const int y = b.AddTensor(TensorType_FLOAT32, {1, 4, 4, 1});
  b.AddCustomOperator("Convolution2DTransposeBias", {x, wt, bs}, {y},
                      {1, 0, 0, 0, 2, 0});
  b.SetInputs({x});
  b.SetOutputs({y});
  testing::AlignedModel model(b.Build());
  alignas(16) static uint8_t arena[8192];
  MicroInterpreter interpreter(model.data(), model.size(), resolver, arena,
                               sizeof(arena));
  interpreter.set_log_errors(false);
  EXPECT_EQ(interpreter.AllocateTensors(), kTfLiteError);
  const std::string message = interpreter.error_message();
  EXPECT_NE(message.find("Node Convolution2DTransposeBias (number 0) failed "
                         "to prepare: Convolution2DTransposeBias: custom "
                         "options must hold TfLiteTransposeConvParams"),
            std::string::npos)
      << message;
}

TEST(MediapipeOpsRegisterer, RegistersOnce) {
  ExtensibleOpResolver resolver;
  ASSERT_TRUE(MediapipeOpsRegisterer(&resolver));
  EXPECT_NE(resolver.FindOp("Convolution2DTransposeBias"), nullptr);
  EXPECT_FALSE(MediapipeOpsRegisterer(&resolver));
}

}  // namespace
}  // namespace tflite
