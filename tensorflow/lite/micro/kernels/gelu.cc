// GELU: float32, int8 and int16 (lookup tables of the float function, as in
// TFLite's kernel), exact (erfc form) or with the tanh approximation.
#include <cmath>

#include "tensorflow/lite/core/c/builtin_op_data.h"
#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/micro/kernels/lut_activation.h"

namespace tflite {
namespace {

constexpr char kName[] = "GELU";

// sqrt(1/2) and 2/sqrt(pi); newlib declares no M_SQRT1_2 / M_2_SQRTPI under
// strict C++17.
constexpr double kSqrtHalf = 0.70710678118654752440;
constexpr double kTwoOverSqrtPi = 1.12837916709551257390;

// 0.5 * x * (1 + erf(x / sqrt(2))), written with erfc so that large
// negative inputs do not cancel.
float GeluExact(float x) {
  return 0.5f * x * std::erfc(x * static_cast<float>(-kSqrtHalf));
}

// 0.5 * x * (1 + tanh(sqrt(2 / pi) * (x + 0.044715 * x^3))).
float GeluApproximate(float x) {
  constexpr float kSqrtTwoOverPi = static_cast<float>(kTwoOverSqrtPi * kSqrtHalf);
  return 0.5f * x *
         (1.0f + std::tanh(kSqrtTwoOverPi * (x + 0.044715f * x * x * x)));
}

void* Init(TfLiteContext* context, const char*, size_t) {
  return micro::LutOpInit(context);
}

TfLiteStatus Prepare(TfLiteContext* context, TfLiteNode* node) {
  const auto* params = static_cast<const TfLiteGeluParams*>(node->builtin_data);
  const bool approximate = params != nullptr && params->approximate;
  return micro::LutOpPrepare(context, node, kName, /*allow_int16=*/true,
                             approximate ? GeluApproximate : GeluExact);
}

TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  return micro::LutOpEval(context, node, kName);
}

}  // namespace

TfLiteRegistration Register_GELU() {
  return micro::RegisterOp(Init, Prepare, Eval);
}

}  // namespace tflite
