// The C++ program of TFLite's inference guide, built against this project:
// the guide's lines below are unchanged, only the includes of
// //tensorflow/lite:framework and //tensorflow/lite/kernels:builtin_ops
// and the program around them are ours.
//
//   bazel run //examples/tflite_cpp:guide_example -- MODEL [INPUTS OUTPUTS]
//
// After the guide's steps it runs the model once more on INPUTS (the raw
// bytes of every input, one after the other; zeros when not given), prints
// each output and writes their raw bytes to OUTPUTS. The guide's optional
// resize to {1, 4} fits models whose first input is [?, 4]; for others
// (hello_world's [1, 1], person_detect's [1, 96, 96, 1]) it is refused, the
// reason printed on stderr, and the model keeps its own input shapes.
#include <cstdio>
#include <cstring>
#include <memory>
#include <vector>

#include "tensorflow/lite/interpreter.h"
#include "tensorflow/lite/interpreter_builder.h"
#include "tensorflow/lite/kernels/register.h"
#include "tensorflow/lite/model.h"

namespace {

// The guide's optional custom op: y = x, for float tensors.
TfLiteStatus CopyInvoke(TfLiteContext* context, TfLiteNode* node) {
  const TfLiteEvalTensor* x =
      context->GetEvalTensor(context, node->inputs->data[0]);
  TfLiteEvalTensor* y = context->GetEvalTensor(context, node->outputs->data[0]);
  std::memcpy(y->data.raw, x->data.raw, tflite::TensorBytes(x));
  return kTfLiteOk;
}

TfLiteRegistration* Register_MY_CUSTOM_OP() {
  static TfLiteRegistration registration = [] {
    TfLiteRegistration r = {};
    r.invoke = CopyInvoke;
    return r;
  }();
  return &registration;
}

void PrintTensor(const char* what, int index, const TfLiteTensor* tensor) {
  std::printf("%s %d '%s' %s [", what, index, tensor->name,
              TfLiteTypeGetName(tensor->type));
  for (int d = 0; d < tensor->dims->size; ++d) {
    std::printf(d == 0 ? "%d" : ", %d", tensor->dims->data[d]);
  }
  std::printf("]");
  if (tensor->type == kTfLiteFloat32) {
    const size_t count = tensor->bytes / sizeof(float);
    for (size_t i = 0; i < count && i < 8; ++i) {
      std::printf(" %g", tensor->data.f[i]);
    }
  } else if (tensor->type == kTfLiteInt8) {
    for (size_t i = 0; i < tensor->bytes && i < 8; ++i) {
      std::printf(" %d", tensor->data.int8[i]);
    }
  }
  std::printf("%s\n", tensor->bytes > 8 * sizeof(float) ? " ..." : "");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2 && argc != 4) {
    std::fprintf(stderr, "usage: %s MODEL [INPUTS OUTPUTS]\n", argv[0]);
    return 2;
  }
  const char* path = argv[1];

  // ---- TFLite's guide, unchanged ----
  std::unique_ptr<tflite::FlatBufferModel> model = tflite::FlatBufferModel::BuildFromFile(path);
  tflite::ops::builtin::BuiltinOpResolver resolver;
  resolver.AddOp("MY_CUSTOM_OP", Register_MY_CUSTOM_OP());   // optional
  std::unique_ptr<tflite::Interpreter> interpreter;
  tflite::InterpreterBuilder(*model, resolver)(&interpreter);
  interpreter->ResizeInputTensor(interpreter->inputs()[0], {1, 4});  // optional
  interpreter->AllocateTensors();
  float* input = interpreter->typed_input_tensor<float>(0);
  interpreter->Invoke();
  float* output = interpreter->typed_output_tensor<float>(0);
  // ---- end of the guide ----
  // (The guide checks nothing; a missing or bad model fails already at
  // `*model` above. input/output are nullptr unless they are float.)
  std::printf("guide: float input %s, float output %s\n",
              input != nullptr ? "yes" : "no",
              output != nullptr ? "yes" : "no");

  // Inputs from the file (or zeros), one more Invoke.
  std::vector<char> bytes;
  if (argc == 4) {
    std::FILE* file = std::fopen(argv[2], "rb");
    if (file == nullptr) {
      std::perror(argv[2]);
      return 1;
    }
    char chunk[4096];
    size_t read;
    while ((read = std::fread(chunk, 1, sizeof(chunk), file)) > 0) {
      bytes.insert(bytes.end(), chunk, chunk + read);
    }
    std::fclose(file);
  }
  size_t offset = 0;
  for (size_t i = 0; i < interpreter->inputs().size(); ++i) {
    TfLiteTensor* tensor = interpreter->input_tensor(i);
    if (argc == 4 && offset + tensor->bytes > bytes.size()) {
      std::fprintf(stderr, "%s: %zu bytes, the inputs need more\n", argv[2],
                   bytes.size());
      return 1;
    }
    if (argc == 4) {
      std::memcpy(tensor->data.raw, bytes.data() + offset, tensor->bytes);
    } else {
      std::memset(tensor->data.raw, 0, tensor->bytes);
    }
    offset += tensor->bytes;
    PrintTensor("input", static_cast<int>(i), tensor);
  }
  if (interpreter->Invoke() != kTfLiteOk) return 1;

  std::FILE* out = argc == 4 ? std::fopen(argv[3], "wb") : nullptr;
  if (argc == 4 && out == nullptr) {
    std::perror(argv[3]);
    return 1;
  }
  for (size_t i = 0; i < interpreter->outputs().size(); ++i) {
    const TfLiteTensor* tensor = interpreter->output_tensor(i);
    PrintTensor("output", static_cast<int>(i), tensor);
    if (out != nullptr) std::fwrite(tensor->data.raw, 1, tensor->bytes, out);
  }
  if (out != nullptr) std::fclose(out);
  return 0;
}
