// DECODE ("TFLM_DECODE", a custom op): TFLM's decompression of constant
// tensors in compressed models. A compressor replaces a constant tensor's
// data by an encoded form and puts a DECODE before each operator that reads
// it; DECODE turns (encoded, ancillary) input pairs into its outputs, one
// per pair: inputs 2i and 2i+1 give output i. Decode types: look-up table,
// Huffman and pruning (decode_state.h has the format).
//
// Everything is checked while preparing (the inputs are constants), so an
// invoke only writes the outputs. The outputs are ordinary activations,
// planned in the arena from DECODE to their reader; TFLM can place them in
// an "alternate decompression memory" instead, which this runtime has not.
#include <cstddef>
#include <cstdint>
#include <new>

#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/decode_huffman.h"
#include "tensorflow/lite/micro/kernels/decode_lut.h"
#include "tensorflow/lite/micro/kernels/decode_prune.h"
#include "tensorflow/lite/micro/kernels/decode_state.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/micro_ops.h"
#include "tensorflow/lite/micro/micro_graph.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace {

using decode::DecodeState;
using decode::kOp;

struct OpData {
  int outputs;
  DecodeState* states;  // one per output, persistent
};

void* Init(TfLiteContext* context, const char*, size_t) {
  void* memory = context->AllocatePersistentBuffer(context, sizeof(OpData));
  if (memory == nullptr) return nullptr;
  return new (memory) OpData();
}

// The constant bytes of the node's input `input`, or an error naming it.
TfLiteStatus ConstantInput(TfLiteNode* node, MicroGraph& graph, int input,
                           const char* role, int output,
                           ConstantData* constant) {
  const int index = node->inputs->data[input];
  if (index < 0) {
    MicroPrintf("%s: output %d: the %s input (%d) is missing", kOp, output,
                role, input);
    return kTfLiteError;
  }
  const int subgraph = graph.GetCurrentSubgraphIndex();
  *constant = graph.GetConstantData(subgraph, index);
  if (graph.GetModelTensor(subgraph, index)->is_variable()) {
    constant->data = nullptr;
  }
  return kTfLiteOk;
}

// Channels of the output's quantization (pruning's zero points): one per
// scale, along dimension 0 or the last dimension.
TfLiteStatus ResolveChannels(const TfLiteTensor& output, DecodeState* state,
                             bool report = true) {
  state->channels = 1;
  state->channel_last = false;
  state->per_channel = state->count;
  if (output.quantization.type != kTfLiteAffineQuantization ||
      output.quantization.params == nullptr) {
    return kTfLiteOk;
  }
  const auto* quant = static_cast<const TfLiteAffineQuantization*>(
      output.quantization.params);
  const int channels = quant->scale == nullptr ? 1 : quant->scale->size;
  if (channels <= 1) return kTfLiteOk;
  const int axis = quant->quantized_dimension;
  const int rank = output.dims->size;
  if (axis < 0 || axis >= rank || (axis != 0 && axis != rank - 1) ||
      output.dims->data[axis] != channels) {
    if (!report) return kTfLiteError;
    MicroPrintf(
        "%s: output %d: %d quantization channels along dimension %d of a "
        "rank-%d tensor; per-channel decoding needs them along the first or "
        "last dimension, one per element of it",
        kOp, state->output_number, channels, axis, rank);
    return kTfLiteError;
  }
  state->channels = channels;
  state->channel_last = axis == rank - 1;
  state->per_channel = state->channel_last ? 1 : state->count / channels;
  return kTfLiteOk;
}

// The value of pruned elements: the output's zero point, one per channel
// for int8 (when they differ from 0), otherwise one that must be 0 for
// every type but int8.
TfLiteStatus ResolveZeroPoints(TfLiteContext* context,
                               const TfLiteTensor& output,
                               DecodeState* state) {
  state->zero_points = nullptr;
  state->zero_point = 0;
  if (output.quantization.type != kTfLiteAffineQuantization ||
      output.quantization.params == nullptr) {
    return kTfLiteOk;
  }
  const auto* quant = static_cast<const TfLiteAffineQuantization*>(
      output.quantization.params);
  const TfLiteIntArray* zero_points = quant->zero_point;
  if (zero_points == nullptr || zero_points->size == 0) return kTfLiteOk;
  bool nonzero = false;
  for (int c = 0; c < zero_points->size; ++c) {
    nonzero = nonzero || zero_points->data[c] != 0;
  }
  if (!nonzero) return kTfLiteOk;
  if (state->output_type != kTfLiteInt8) {
    MicroPrintf(
        "%s: output %d: pruned %s elements need zero points of 0 (only int8 "
        "outputs may have others)",
        kOp, state->output_number, TfLiteTypeGetName(state->output_type));
    return kTfLiteError;
  }
  if (state->channels == 1) {
    state->zero_point = zero_points->data[0];
    return kTfLiteOk;
  }
  if (zero_points->size != state->channels) {
    MicroPrintf("%s: output %d: %d zero points for %d channels", kOp,
                state->output_number, zero_points->size, state->channels);
    return kTfLiteError;
  }
  auto* copy = static_cast<int8_t*>(
      context->AllocatePersistentBuffer(context, state->channels));
  if (copy == nullptr) return kTfLiteError;
  for (int c = 0; c < state->channels; ++c) {
    copy[c] = static_cast<int8_t>(zero_points->data[c]);
  }
  state->zero_points = copy;
  return kTfLiteOk;
}

TfLiteStatus PrepareOutput(TfLiteContext* context, TfLiteNode* node, int i,
                           DecodeState* state) {
  MicroGraph& graph = GetMicroContext(context)->graph();
  ConstantData encoded;
  ConstantData ancillary;
  TF_LITE_ENSURE_STATUS(
      ConstantInput(node, graph, 2 * i, "encoded", i, &encoded));
  TF_LITE_ENSURE_STATUS(
      ConstantInput(node, graph, 2 * i + 1, "ancillary", i, &ancillary));
  if (ancillary.data == nullptr || ancillary.size < decode::kHeaderBytes) {
    MicroPrintf(
        "%s: output %d: the ancillary input (tensor %d) must be a constant "
        "of at least %u bytes (the decode header), it has %u",
        kOp, i, node->inputs->data[2 * i + 1],
        static_cast<unsigned>(decode::kHeaderBytes),
        static_cast<unsigned>(ancillary.data == nullptr ? 0 : ancillary.size));
    return kTfLiteError;
  }
  micro::ScopedTempTensors temps(context);
  TfLiteTensor* output = temps.Output(node, i);
  TF_LITE_ENSURE(context, output != nullptr);

  const uint8_t* header = ancillary.data;
  *state = DecodeState();
  state->output_number = i;
  state->type = header[decode::kTypeByte];
  state->output_type = output->type;
  state->element_size = TfLiteTypeGetSize(output->type);
  state->count = static_cast<size_t>(NumElements(output));
  state->encoded = encoded.data;
  state->encoded_size = encoded.data == nullptr ? 0 : encoded.size;
  state->data = header + decode::kHeaderBytes;
  state->data_size = ancillary.size - decode::kHeaderBytes;
  if (header[decode::kHeaderVersionByte] != 1) {
    MicroPrintf("%s: output %d: decode header version %u (this runtime reads "
                "1)",
                kOp, i, static_cast<unsigned>(header[decode::kHeaderVersionByte]));
    return kTfLiteError;
  }
  if (state->count > 0 && state->encoded == nullptr) {
    MicroPrintf(
        "%s: output %d: the encoded input (tensor %d) must be a constant "
        "with data",
        kOp, i, node->inputs->data[2 * i]);
    return kTfLiteError;
  }
  switch (state->type) {
    case decode::kTypeLut: {
      // The quantization channels, for files without the axis field (one
      // table when they lie on no axis DECODE takes).
      DecodeState legacy = *state;
      const bool quiet = ResolveChannels(*output, &legacy, false) != kTfLiteOk;
      return decode::SetupLut(header, output->dims, quiet ? 1 : legacy.channels,
                              !quiet && legacy.channel_last, state);
    }
    case decode::kTypeHuffman:
      return decode::SetupHuffman(header, state);
    case decode::kTypePrune:
      TF_LITE_ENSURE_STATUS(ResolveChannels(*output, state));
      TF_LITE_ENSURE_STATUS(ResolveZeroPoints(context, *output, state));
      return decode::SetupPrune(header, state);
    default:
      break;
  }
  if (state->type >= decode::kFirstCustomType) {
    MicroPrintf(
        "%s: output %d: custom decode type %u (an application's own "
        "decoder) is not supported",
        kOp, i, static_cast<unsigned>(state->type));
  } else {
    MicroPrintf(
        "%s: output %d: unknown decode type %u (0 LUT, 1 Huffman, 2 pruning)",
        kOp, i, static_cast<unsigned>(state->type));
  }
  return kTfLiteError;
}

TfLiteStatus Prepare(TfLiteContext* context, TfLiteNode* node) {
  TF_LITE_ENSURE(context, node->user_data != nullptr);
  OpData* data = static_cast<OpData*>(node->user_data);
  const int outputs = NumOutputs(node);
  if (outputs < 1 || NumInputs(node) != 2 * outputs) {
    MicroPrintf(
        "%s: needs two inputs (encoded, ancillary) per output, got %d "
        "inputs and %d outputs",
        kOp, NumInputs(node), outputs);
    return kTfLiteError;
  }
  if (data->states == nullptr || data->outputs != outputs) {
    data->states = static_cast<DecodeState*>(context->AllocatePersistentBuffer(
        context, sizeof(DecodeState) * static_cast<size_t>(outputs)));
    TF_LITE_ENSURE(context, data->states != nullptr);
    data->outputs = outputs;
  }
  for (int i = 0; i < outputs; ++i) {
    TF_LITE_ENSURE_STATUS(PrepareOutput(context, node, i, &data->states[i]));
  }
  return kTfLiteOk;
}

TfLiteStatus Eval(TfLiteContext* context, TfLiteNode* node) {
  const OpData* data = static_cast<const OpData*>(node->user_data);
  for (int i = 0; i < data->outputs; ++i) {
    TfLiteEvalTensor* output = micro::GetEvalOutput(context, node, i);
    TF_LITE_ENSURE(context, output != nullptr);
    const DecodeState& state = data->states[i];
    if (state.count == 0) continue;
    switch (state.type) {
      case decode::kTypeLut:
        decode::DecodeLut(state, output->data.data);
        break;
      case decode::kTypeHuffman:
        TF_LITE_ENSURE_STATUS(decode::DecodeHuffman(state, output->data.data));
        break;
      default:
        decode::DecodePrune(state, output->data.data);
        break;
    }
  }
  return kTfLiteOk;
}

}  // namespace

TfLiteRegistration Register_DECODE() {
  return micro::RegisterOp(Init, Prepare, Eval);
}

}  // namespace tflite
