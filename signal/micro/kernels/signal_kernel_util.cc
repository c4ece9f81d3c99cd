#include "signal/micro/kernels/signal_kernel_util.h"

#include <cinttypes>
#include <new>

#include "flatbuffers/flexbuffers.h"
#include "tensorflow/lite/micro/flexbuffer_options.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/micro_context.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace signal_ops {

bool Options::Verify(bool allow_absent) {
  if (raw_.length == 0 || raw_.data == nullptr) {
    if (allow_absent) return true;
    MicroPrintf("%s: the node has no custom options (expected a flexbuffer "
                "map)",
                op_);
    return false;
  }
  if (!IsFlexbufferMap(raw_.data, raw_.length)) {
    MicroPrintf("%s: custom options (%u bytes) are not a valid flexbuffer "
                "map",
                op_, static_cast<unsigned>(raw_.length));
    return false;
  }
  verified_ = true;
  return true;
}

bool Options::GetInt(const char* key, int64_t min, int64_t max,
                     int64_t* value) {
  if (!verified_) {
    MicroPrintf("%s: custom option '%s' is missing (no options)", op_, key);
    return false;
  }
  const flexbuffers::Reference ref =
      flexbuffers::GetRoot(raw_.data, raw_.length).AsMap()[key];
  if (ref.IsNull()) {
    MicroPrintf("%s: custom option '%s' is missing (expected an integer in "
                "[%" PRId64 ", %" PRId64 "])",
                op_, key, min, max);
    return false;
  }
  bool in_range;
  if (ref.IsUInt()) {
    const uint64_t v = ref.AsUInt64();
    in_range = max >= 0 && v <= static_cast<uint64_t>(max) &&
               static_cast<int64_t>(v) >= min;
    *value = static_cast<int64_t>(v);
    if (!in_range) {
      MicroPrintf("%s: custom option '%s' is %" PRIu64
                  ", expected an integer in [%" PRId64 ", %" PRId64 "]",
                  op_, key, v, min, max);
      return false;
    }
    return true;
  }
  if (!ref.IsInt()) {
    MicroPrintf("%s: custom option '%s' is not an integer (expected an "
                "integer in [%" PRId64 ", %" PRId64 "])",
                op_, key, min, max);
    return false;
  }
  const int64_t v = ref.AsInt64();
  in_range = v >= min && v <= max;
  *value = v;
  if (!in_range) {
    MicroPrintf("%s: custom option '%s' is %" PRId64
                ", expected an integer in [%" PRId64 ", %" PRId64 "]",
                op_, key, v, min, max);
    return false;
  }
  return true;
}

bool Options::GetBool(const char* key, bool* value) {
  if (!verified_) {
    MicroPrintf("%s: custom option '%s' is missing (no options)", op_, key);
    return false;
  }
  const flexbuffers::Reference ref =
      flexbuffers::GetRoot(raw_.data, raw_.length).AsMap()[key];
  if (ref.IsBool()) {
    *value = ref.AsBool();
    return true;
  }
  if (ref.IsIntOrUint() && (ref.AsInt64() == 0 || ref.AsInt64() == 1)) {
    *value = ref.AsInt64() == 1;
    return true;
  }
  MicroPrintf("%s: custom option '%s' is %s (expected a boolean)", op_, key,
              ref.IsNull() ? "missing" : "not a boolean");
  return false;
}

NodeTensors::NodeTensors(TfLiteContext* context, TfLiteNode* node,
                         const char* op)
    : context_(context), node_(node), op_(op) {}

NodeTensors::~NodeTensors() {
  MicroContext* micro_context = GetMicroContext(context_);
  for (int i = held_count_ - 1; i >= 0; --i) {
    micro_context->DeallocateTempTfLiteTensor(held_[i]);
  }
}

bool NodeTensors::Hold(TfLiteTensor* tensor) {
  if (held_count_ == kMaxHeld) {
    GetMicroContext(context_)->DeallocateTempTfLiteTensor(tensor);
    MicroPrintf("%s: internal error: too many tensors held", op_);
    return false;
  }
  held_[held_count_++] = tensor;
  return true;
}

bool NodeTensors::CheckCounts(int inputs, int outputs) {
  const int have_inputs = node_->inputs == nullptr ? 0 : node_->inputs->size;
  const int have_outputs =
      node_->outputs == nullptr ? 0 : node_->outputs->size;
  if (have_inputs != inputs || have_outputs != outputs) {
    MicroPrintf("%s: expects %d input(s) and %d output(s), the node has %d "
                "and %d",
                op_, inputs, outputs, have_inputs, have_outputs);
    return false;
  }
  return true;
}

TfLiteTensor* NodeTensors::Input(int index, const char* role) {
  TfLiteTensor* tensor =
      GetMicroContext(context_)->AllocateTempInputTensor(node_, index);
  if (tensor == nullptr) {
    MicroPrintf("%s: input %d (%s) is missing", op_, index, role);
    return nullptr;
  }
  return Hold(tensor) ? tensor : nullptr;
}

TfLiteTensor* NodeTensors::Output(int index, const char* role) {
  TfLiteTensor* tensor =
      GetMicroContext(context_)->AllocateTempOutputTensor(node_, index);
  if (tensor == nullptr) {
    MicroPrintf("%s: output %d (%s) is missing", op_, index, role);
    return nullptr;
  }
  return Hold(tensor) ? tensor : nullptr;
}

bool NodeTensors::CheckType(const TfLiteTensor* tensor, const char* role,
                            TfLiteType type) {
  if (tensor->type != type) {
    MicroPrintf("%s: %s must be %s, got %s", op_, role,
                TfLiteTypeGetName(type), TfLiteTypeGetName(tensor->type));
    return false;
  }
  return true;
}

bool NodeTensors::InputAndOutput(TfLiteType type, const char* input_role,
                                 TfLiteTensor** input,
                                 TfLiteTensor** output) {
  if (!CheckCounts(1, 1)) return false;
  *input = Input(0, "input");
  *output = Output(0, "output");
  return *input != nullptr && *output != nullptr &&
         CheckType(*input, input_role, type) &&
         CheckType(*output, "output", type);
}

bool NodeTensors::CheckRank(const TfLiteTensor* tensor, const char* role,
                            int rank) {
  const int have = tensor->dims == nullptr ? 0 : tensor->dims->size;
  if (have != rank) {
    char shape[64];
    MicroPrintf("%s: %s must have rank %d, got shape %s", op_, role, rank,
                FormatShape(tensor->dims, shape, sizeof(shape)));
    return false;
  }
  return true;
}

bool NodeTensors::CheckVector(const TfLiteTensor* tensor, const char* role,
                              int* length) {
  if (!CheckRank(tensor, role, 1)) return false;
  *length = tensor->dims->data[0];
  if (*length <= 0) {
    MicroPrintf("%s: %s must not be empty", op_, role);
    return false;
  }
  return true;
}

bool NodeTensors::SetOutputShape(TfLiteTensor* output,
                                 const RuntimeShape& shape) {
  return micro::SetOutputShape(context_, output, shape) == kTfLiteOk;
}

}  // namespace signal_ops
}  // namespace tflite
