// POW with numpy-style broadcasting: float32 and int32. A negative int32
// exponent makes Eval fail, as in TFLite.
#include "tensorflow/lite/kernels/internal/reference/pow.h"

#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/micro/kernels/elementwise_util.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace {

constexpr char kOp[] = "POW";
constexpr TfLiteType kTypes[] = {kTfLiteFloat32, kTfLiteInt32};

TfLiteStatus Prepare(TfLiteContext* context, TfLiteNode* node) {
  return micro::PrepareSimpleBinary(context, node, kOp, kTypes, kTfLiteNoType);
}

TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  const TfLiteEvalTensor* input1 = micro::GetEvalInput(context, node, 0);
  const TfLiteEvalTensor* input2 = micro::GetEvalInput(context, node, 1);
  TfLiteEvalTensor* output = micro::GetEvalOutput(context, node, 0);
  switch (input1->type) {
    case kTfLiteFloat32:
      micro::EvalBinary<float>(reference_ops::Pow, input1, input2, output);
      return kTfLiteOk;
    case kTfLiteInt32: {
      const int32_t* exponents = micro::GetTensorData<int32_t>(input2);
      const int count = micro::ElementCount(*input2->dims);
      for (int i = 0; i < count; ++i) {
        if (exponents[i] < 0) {
          MicroPrintf("%s: negative int32 exponent %d (element %d of input 2)",
                      kOp, static_cast<int>(exponents[i]), i);
          return kTfLiteError;
        }
      }
      micro::EvalBinary<int32_t>(reference_ops::Pow, input1, input2, output);
      return kTfLiteOk;
    }
    default:
      MicroPrintf("%s: type %s is not supported", kOp,
                  TfLiteTypeGetName(input1->type));
      return kTfLiteError;
  }
}

}  // namespace

TfLiteRegistration Register_POW() {
  return micro::RegisterOp(nullptr, Prepare, Eval);
}

}  // namespace tflite
