#include "tensorflow/lite/micro/host/signature_defs.h"

#include <utility>

namespace tflite {
namespace {

// Resolves one side (inputs or outputs) of a signature against the
// subgraph's list of tensor indices.
bool ResolveTensors(const flatbuffers::Vector<flatbuffers::Offset<TensorMap>>* maps,
                    const flatbuffers::Vector<int32_t>* subgraph_tensors,
                    const std::string& key, const char* side,
                    std::vector<HostedSignatureTensor>* out,
                    std::string* error) {
  if (maps == nullptr) return true;
  for (const TensorMap* map : *maps) {
    HostedSignatureTensor tensor;
    tensor.name = map->name() != nullptr ? map->name()->str() : "";
    tensor.tensor_index = static_cast<int>(map->tensor_index());
    tensor.index = -1;
    if (subgraph_tensors != nullptr) {
      for (flatbuffers::uoffset_t i = 0; i < subgraph_tensors->size(); ++i) {
        if (subgraph_tensors->Get(i) == tensor.tensor_index) {
          tensor.index = static_cast<int>(i);
          break;
        }
      }
    }
    if (tensor.index < 0) {
      *error = "Signature '" + key + "': " + side + " '" + tensor.name +
               "' is tensor " + std::to_string(tensor.tensor_index) +
               ", which is not one of its subgraph's " + side + "s";
      return false;
    }
    out->push_back(std::move(tensor));
  }
  return true;
}

}  // namespace

bool ReadSignatureDefs(const Model* model, std::vector<HostedSignature>* out,
                       std::string* error) {
  out->clear();
  if (model == nullptr || model->signature_defs() == nullptr) return true;
  const auto* subgraphs = model->subgraphs();
  const uint32_t subgraph_count = subgraphs != nullptr ? subgraphs->size() : 0;
  for (const SignatureDef* def : *model->signature_defs()) {
    HostedSignature signature;
    signature.key =
        def->signature_key() != nullptr ? def->signature_key()->str() : "";
    if (def->subgraph_index() >= subgraph_count) {
      *error = "Signature '" + signature.key + "' names subgraph " +
               std::to_string(def->subgraph_index()) + "; the model has " +
               std::to_string(subgraph_count);
      return false;
    }
    signature.subgraph_index = static_cast<int>(def->subgraph_index());
    const SubGraph* subgraph = subgraphs->Get(def->subgraph_index());
    if (!ResolveTensors(def->inputs(), subgraph->inputs(), signature.key,
                        "input", &signature.inputs, error) ||
        !ResolveTensors(def->outputs(), subgraph->outputs(), signature.key,
                        "output", &signature.outputs, error)) {
      return false;
    }
    out->push_back(std::move(signature));
  }
  return true;
}

}  // namespace tflite
