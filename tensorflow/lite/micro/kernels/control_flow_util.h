// Helpers shared by the control-flow kernels (IF, WHILE, CALL_ONCE): moving
// shapes and data between the calling node's tensors and a called
// subgraph's inputs and outputs.
#ifndef TENSORFLOW_LITE_MICRO_KERNELS_CONTROL_FLOW_UTIL_H_
#define TENSORFLOW_LITE_MICRO_KERNELS_CONTROL_FLOW_UTIL_H_

#include <cstddef>

#include "tensorflow/lite/core/c/common.h"

namespace tflite {
namespace micro {

// Bytes of a tensor's data as its shape and type say.
size_t EvalTensorBytes(const TfLiteEvalTensor* tensor);

// Copies `from`'s data into `to`; fails (naming `op`) when their types or
// sizes differ, so a shape mismatch can never write out of bounds.
TfLiteStatus CopyTensorData(const char* op, const TfLiteEvalTensor* from,
                            TfLiteEvalTensor* to);

// Checks that `subgraph` exists, is not the calling subgraph, and has as
// many inputs as `tensors` and (when outputs >= 0) that many outputs.
TfLiteStatus CheckSubgraph(TfLiteContext* context, const char* op,
                           const char* role, int subgraph, int inputs,
                           int outputs);

// Which of the calling node's tensors a helper uses: its inputs starting at
// some index, or its outputs.
enum class NodeTensors { kInputs, kOutputs };

// The node's tensor `index` of the given kind (nullptr when absent).
TfLiteEvalTensor* NodeTensor(TfLiteContext* context, TfLiteNode* node,
                             NodeTensors kind, int index);

// Prepare: gives `subgraph`'s inputs the types, shapes and (for resource
// handles) the data of the node's tensors [first, first + count), then
// prepares the subgraph.
TfLiteStatus PrepareSubgraphWithInputs(TfLiteContext* context, const char* op,
                                       const char* role, int subgraph,
                                       TfLiteNode* node, NodeTensors kind,
                                       int first, int count);

// Invoke: copies the node's tensors [first, first + count) into
// `subgraph`'s inputs.
TfLiteStatus CopyToSubgraphInputs(TfLiteContext* context, const char* op,
                                  int subgraph, TfLiteNode* node,
                                  NodeTensors kind, int first, int count);

// Invoke: copies `subgraph`'s outputs into the node's outputs.
TfLiteStatus CopyFromSubgraphOutputs(TfLiteContext* context, const char* op,
                                     int subgraph, TfLiteNode* node);

}  // namespace micro
}  // namespace tflite

#endif  // TENSORFLOW_LITE_MICRO_KERNELS_CONTROL_FLOW_UTIL_H_
