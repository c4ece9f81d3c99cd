#include "tensorflow/lite/micro/micro_utils.h"

#include "tensorflow/lite/kernels/kernel_util.h"

namespace tflite {

size_t EvalTensorBytes(const TfLiteEvalTensor* tensor) {
  if (tensor == nullptr || tensor->dims == nullptr) return 0;
  return static_cast<size_t>(ElementCount(*tensor->dims)) *
         TfLiteTypeGetSize(tensor->type);
}

void SignedSymmetricPerChannelQuantize(const float* values,
                                       TfLiteIntArray* dims,
                                       int quantized_dimension,
                                       int8_t* quantized_values,
                                       float* scaling_factor,
                                       TfLiteType type) {
  const int rank = dims->size;
  const int channels = dims->data[quantized_dimension];
  // Elements between two neighbours along the channel axis, and how many
  // blocks of channels * stride the array holds.
  int stride = 1;
  for (int d = quantized_dimension + 1; d < rank; ++d) stride *= dims->data[d];
  const int outer = ElementCount(*dims) / (channels * stride);
  const float qmax = static_cast<float>(QMaxFromTfLiteType(type));
  const float qmin = static_cast<float>(QMinFromTfLiteType(type));
  for (int c = 0; c < channels; ++c) {
    float largest = 0.f;
    for (int o = 0; o < outer; ++o) {
      for (int s = 0; s < stride; ++s) {
        const float magnitude =
            std::fabs(values[(o * channels + c) * stride + s]);
        if (magnitude > largest) largest = magnitude;
      }
    }
    scaling_factor[c] = largest / qmax;
    for (int o = 0; o < outer; ++o) {
      for (int s = 0; s < stride; ++s) {
        const int at = (o * channels + c) * stride + s;
        float q = largest == 0.f ? 0.f
                                 : std::round(values[at] / scaling_factor[c]);
        q = q > qmax ? qmax : (q < qmin ? qmin : q);
        quantized_values[at] = static_cast<int8_t>(q);
      }
    }
  }
}

}  // namespace tflite
