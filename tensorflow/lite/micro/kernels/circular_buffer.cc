// CIRCULAR_BUFFER: TFLM's custom op for strided streaming convolutions. Each
// invoke shifts the int8 output [1, slots, H, W] by one slot (H x W values)
// towards the front and appends the input [1, 1, H, W] as the last slot;
// every cycles_max-th invoke lets the rest of the graph run.
//
// Options (flexbuffer map, optional): {"cycles_max": int}. Without it (or
// <= 0) TFLM's rule for its two streaming models applies: 1 when the output
// has 5, 13 or 25 slots, else 2. (TFLM also picks 1 for the fifth
// CIRCULAR_BUFFER it prepares if that one's output is [.., .., 2, 96], by
// a process-wide counter; that special case is not reproduced.)
//
// Differences from TFLM, on purpose:
// - The slots live in the arena's persistent section and are copied to the
//   output each invoke, so they survive whatever the memory planner puts in
//   the output between invokes; they start at zero (TFLM: whatever the
//   output's memory held) and Reset() zeroes them and restarts the cycle.
// - On the invokes that are not due TFLM returns kTfLiteAbort, which its
//   graph takes as "stop here, no error". This interpreter has no such
//   status: the invoke ends with an error that says so (the slots have
//   shifted all the same), and the next due invoke runs the whole graph.
#include <cstring>
#include <new>

#include "flatbuffers/flexbuffers.h"
#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/kernels/kernel_util.h"
#include "tensorflow/lite/micro/flexbuffer_options.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/micro_ops.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace {

constexpr char kOp[] = "CIRCULAR_BUFFER";

struct OpData {
  const uint8_t* options;
  size_t options_length;
  int cycles_max;
  int cycles_until_run;
  int slot_size;  // values in a slot
  int slots;
  int8_t* state;  // slots * slot_size values, persistent
};

void* Init(TfLiteContext* context, const char* buffer, size_t length) {
  void* memory = context->AllocatePersistentBuffer(context, sizeof(OpData));
  if (memory == nullptr) return nullptr;
  OpData* data = new (memory) OpData();
  data->options = reinterpret_cast<const uint8_t*>(buffer);
  data->options_length = buffer == nullptr ? 0 : length;
  return data;
}

// The cycles_max option: true with *value set (0 when absent), false after
// reporting malformed options.
bool ReadCyclesMax(const OpData& data, int* value) {
  *value = 0;
  if (data.options_length == 0) return true;
  if (!IsFlexbufferMap(data.options, data.options_length)) {
    MicroPrintf("%s: the custom options (%d bytes) are not a flexbuffer map",
                kOp, static_cast<int>(data.options_length));
    return false;
  }
  const flexbuffers::Reference cycles =
      flexbuffers::GetRoot(data.options, data.options_length)
          .AsMap()["cycles_max"];
  if (cycles.IsNull()) return true;
  if (!cycles.IsIntOrUint() || cycles.AsInt64() > (1 << 30) ||
      cycles.AsInt64() < -(1 << 30)) {
    MicroPrintf("%s: custom option 'cycles_max' must be an integer of at "
                "most 2^30",
                kOp);
    return false;
  }
  *value = static_cast<int>(cycles.AsInt64());
  return true;
}

void ResetState(OpData* data) {
  if (data->state != nullptr) {
    std::memset(data->state, 0,
                static_cast<size_t>(data->slots) * data->slot_size);
  }
  data->cycles_until_run = data->cycles_max;
}

bool SameQuantization(const TfLiteTensor* a, const TfLiteTensor* b) {
  return a->params.scale == b->params.scale &&
         a->params.zero_point == b->params.zero_point;
}

TfLiteStatus Prepare(TfLiteContext* context, TfLiteNode* node) {
  OpData* data = static_cast<OpData*>(node->user_data);
  TF_LITE_ENSURE(context, data != nullptr);
  int cycles_max;
  if (!ReadCyclesMax(*data, &cycles_max)) return kTfLiteError;
  if (NumInputs(node) != 1 || NumOutputs(node) != 1) {
    MicroPrintf("%s: expected 1 input and 1 output, got %d and %d", kOp,
                NumInputs(node), NumOutputs(node));
    return kTfLiteError;
  }
  MicroContext* micro_context = GetMicroContext(context);
  TfLiteTensor* input = micro_context->AllocateTempInputTensor(node, 0);
  TfLiteTensor* output = micro_context->AllocateTempOutputTensor(node, 0);
  TfLiteStatus status = kTfLiteError;
  if (input == nullptr || output == nullptr) {
    MicroPrintf("%s: the input or the output is missing", kOp);
  } else if (input->type != kTfLiteInt8 || output->type != kTfLiteInt8) {
    MicroPrintf("%s: only int8 is supported, got input %s and output %s",
                kOp, TfLiteTypeGetName(input->type),
                TfLiteTypeGetName(output->type));
  } else if (NumDimensions(input) != 4 || NumDimensions(output) != 4 ||
             SizeOfDimension(input, 0) != 1 ||
             SizeOfDimension(output, 0) != 1 ||
             SizeOfDimension(input, 1) != 1 ||
             SizeOfDimension(output, 1) < 1 ||
             SizeOfDimension(input, 2) != SizeOfDimension(output, 2) ||
             SizeOfDimension(input, 3) != SizeOfDimension(output, 3)) {
    char in_text[64], out_text[64];
    MicroPrintf("%s: expected input [1, 1, H, W] and output [1, slots, H, "
                "W], got %s and %s",
                kOp, micro::FormatShape(input->dims, in_text, sizeof(in_text)),
                micro::FormatShape(output->dims, out_text, sizeof(out_text)));
  } else if (!SameQuantization(input, output)) {
    MicroPrintf("%s: the input and the output must have the same scale and "
                "zero point",
                kOp);
  } else {
    data->slots = SizeOfDimension(output, 1);
    data->slot_size = SizeOfDimension(input, 2) * SizeOfDimension(input, 3);
    if (cycles_max <= 0) {
      cycles_max = (data->slots == 5 || data->slots == 13 ||
                    data->slots == 25)
                       ? 1
                       : 2;
    }
    data->cycles_max = cycles_max;
    data->state = static_cast<int8_t*>(context->AllocatePersistentBuffer(
        context, static_cast<size_t>(data->slots) * data->slot_size));
    status = data->state != nullptr ? kTfLiteOk : kTfLiteError;
    ResetState(data);
  }
  if (input != nullptr) micro_context->DeallocateTempTfLiteTensor(input);
  if (output != nullptr) micro_context->DeallocateTempTfLiteTensor(output);
  return status;
}

TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  OpData& data = *static_cast<OpData*>(node->user_data);
  const TfLiteEvalTensor* input = micro::GetEvalInput(context, node, 0);
  TfLiteEvalTensor* output = micro::GetEvalOutput(context, node, 0);
  const size_t slot = static_cast<size_t>(data.slot_size);
  const size_t total = slot * data.slots;
  std::memmove(data.state, data.state + slot, total - slot);
  std::memcpy(data.state + total - slot, micro::GetTensorData<int8_t>(input),
              slot);
  std::memcpy(micro::GetTensorData<int8_t>(output), data.state, total);
  if (--data.cycles_until_run != 0) {
    MicroPrintf("%s: buffered, the graph runs on invoke %d of every %d (TFLM "
                "ends such an invoke early without an error)",
                kOp, data.cycles_max, data.cycles_max);
    return kTfLiteError;
  }
  data.cycles_until_run = data.cycles_max;
  return kTfLiteOk;
}

TfLiteStatus Reset(TfLiteContext* /*context*/, void* buffer) {
  if (buffer != nullptr) ResetState(static_cast<OpData*>(buffer));
  return kTfLiteOk;
}

}  // namespace

TfLiteRegistration Register_CIRCULAR_BUFFER() {
  return micro::RegisterOp(Init, Prepare, Eval, /*free=*/nullptr, Reset);
}

}  // namespace tflite
