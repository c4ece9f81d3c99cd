#include "tensorflow/lite/micro/kernels/control_flow_util.h"

#include <cstring>

#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/micro_context.h"
#include "tensorflow/lite/micro/micro_graph.h"
#include "tensorflow/lite/micro/micro_log.h"
#include "tensorflow/lite/micro/model_checks.h"

namespace tflite {
namespace micro {

size_t EvalTensorBytes(const TfLiteEvalTensor* tensor) {
  size_t count = 1;
  for (int i = 0; i < tensor->dims->size; ++i) {
    count *= static_cast<size_t>(tensor->dims->data[i]);
  }
  return count * ElementSize(tensor->type);
}

TfLiteStatus CopyTensorData(const char* op, const TfLiteEvalTensor* from,
                            TfLiteEvalTensor* to) {
  const size_t bytes = EvalTensorBytes(from);
  if (from->type != to->type || bytes != EvalTensorBytes(to)) {
    char from_shape[64];
    char to_shape[64];
    FormatShape(from->dims, from_shape, sizeof(from_shape));
    FormatShape(to->dims, to_shape, sizeof(to_shape));
    MicroPrintf("%s: cannot copy a %s tensor of shape %s into a %s tensor of "
                "shape %s",
                op, TfLiteTypeGetName(from->type), from_shape,
                TfLiteTypeGetName(to->type), to_shape);
    return kTfLiteError;
  }
  if (bytes > 0 && from->data.raw != to->data.raw) {
    std::memmove(to->data.raw, from->data.raw, bytes);
  }
  return kTfLiteOk;
}

TfLiteStatus CheckSubgraph(TfLiteContext* context, const char* op,
                           const char* role, int subgraph, int inputs,
                           int outputs) {
  MicroGraph& graph = GetMicroContext(context)->graph();
  if (subgraph < 0 || subgraph >= graph.NumSubgraphs()) {
    MicroPrintf("%s: %s subgraph %d does not exist (the model has %d)", op,
                role, subgraph, graph.NumSubgraphs());
    return kTfLiteError;
  }
  if (subgraph == graph.GetCurrentSubgraphIndex()) {
    MicroPrintf("%s: %s subgraph %d is the subgraph the op is in", op, role,
                subgraph);
    return kTfLiteError;
  }
  const int subgraph_inputs = static_cast<int>(graph.NumSubgraphInputs(subgraph));
  if (subgraph_inputs != inputs) {
    MicroPrintf("%s: %s subgraph %d has %d inputs, the op passes it %d", op,
                role, subgraph, subgraph_inputs, inputs);
    return kTfLiteError;
  }
  const int subgraph_outputs =
      static_cast<int>(graph.NumSubgraphOutputs(subgraph));
  if (outputs >= 0 && subgraph_outputs != outputs) {
    MicroPrintf("%s: %s subgraph %d has %d outputs, the op needs %d", op, role,
                subgraph, subgraph_outputs, outputs);
    return kTfLiteError;
  }
  return kTfLiteOk;
}

TfLiteEvalTensor* NodeTensor(TfLiteContext* context, TfLiteNode* node,
                             NodeTensors kind, int index) {
  const TfLiteIntArray* indices =
      kind == NodeTensors::kInputs ? node->inputs : node->outputs;
  if (index < 0 || index >= indices->size || indices->data[index] < 0) {
    return nullptr;
  }
  return GetMicroContext(context)->GetEvalTensor(indices->data[index]);
}

TfLiteStatus PrepareSubgraphWithInputs(TfLiteContext* context, const char* op,
                                       const char* role, int subgraph,
                                       TfLiteNode* node, NodeTensors kind,
                                       int first, int count) {
  MicroContext* micro_context = GetMicroContext(context);
  MicroGraph& graph = micro_context->graph();
  for (int i = 0; i < count; ++i) {
    const TfLiteEvalTensor* from = NodeTensor(context, node, kind, first + i);
    if (from == nullptr) {
      MicroPrintf("%s: %s %d is missing", op,
                  kind == NodeTensors::kInputs ? "input" : "output",
                  first + i);
      return kTfLiteError;
    }
    TfLiteEvalTensor* to = graph.GetSubgraphInput(subgraph, i);
    if (from->type != to->type) {
      MicroPrintf("%s: input %d of %s subgraph %d is %s, the op passes %s", op,
                  i, role, subgraph, TfLiteTypeGetName(to->type),
                  TfLiteTypeGetName(from->type));
      return kTfLiteError;
    }
    if (!TfLiteIntArrayEqual(from->dims, to->dims)) {
      if (graph.IsFixedTensor(subgraph,
                              graph.SubgraphInputIndex(subgraph, i))) {
        MicroPrintf(
            "%s: input %d of %s subgraph %d is a constant or variable tensor "
            "whose shape does not match what the op passes",
            op, i, role, subgraph);
        return kTfLiteError;
      }
      const RuntimeShape shape(from->dims->size, from->dims->data);
      TF_LITE_ENSURE_STATUS(micro_context->ResizeEvalTensor(
          to, shape.DimensionsCount(), shape.DimsData()));
    }
    if (from->type == kTfLiteResource) {
      // Handles are known while preparing; kernels in the subgraph need them.
      TF_LITE_ENSURE_STATUS(CopyTensorData(op, from, to));
    }
  }
  return graph.PrepareSubgraph(subgraph);
}

TfLiteStatus CopyToSubgraphInputs(TfLiteContext* context, const char* op,
                                  int subgraph, TfLiteNode* node,
                                  NodeTensors kind, int first, int count) {
  MicroGraph& graph = GetMicroContext(context)->graph();
  for (int i = 0; i < count; ++i) {
    TF_LITE_ENSURE_STATUS(
        CopyTensorData(op, NodeTensor(context, node, kind, first + i),
                       graph.GetSubgraphInput(subgraph, i)));
  }
  return kTfLiteOk;
}

TfLiteStatus CopyFromSubgraphOutputs(TfLiteContext* context, const char* op,
                                     int subgraph, TfLiteNode* node) {
  MicroGraph& graph = GetMicroContext(context)->graph();
  for (int i = 0; i < node->outputs->size; ++i) {
    TF_LITE_ENSURE_STATUS(CopyTensorData(
        op, graph.GetSubgraphOutput(subgraph, i),
        NodeTensor(context, node, NodeTensors::kOutputs, i)));
  }
  return kTfLiteOk;
}

}  // namespace micro
}  // namespace tflite
