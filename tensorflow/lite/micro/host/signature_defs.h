// The SignatureDefs of a .tflite model (schema.fbs: Model.signature_defs),
// as the bindings offer them (TFLite's runSignature / get_signature_runner):
// a key, the subgraph it runs, and its inputs and outputs by name, each
// resolved to a position among that subgraph's inputs or outputs.
//
//   std::vector<tflite::HostedSignature> signatures;
//   std::string error;
//   if (!tflite::ReadSignatureDefs(model, &signatures, &error)) ...
//   signatures[0].inputs[0].name   // "input_1"
//   signatures[0].inputs[0].index  // 0: the subgraph's input 0
#ifndef TENSORFLOW_LITE_MICRO_HOST_SIGNATURE_DEFS_H_
#define TENSORFLOW_LITE_MICRO_HOST_SIGNATURE_DEFS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "tensorflow/lite/schema/schema_generated.h"

namespace tflite {

struct HostedSignatureTensor {
  // The name the signature gives it (not necessarily the tensor's name).
  std::string name;
  // Its position among the subgraph's inputs (or outputs).
  int index = 0;
  // Its index among the subgraph's tensors.
  int tensor_index = 0;
};

struct HostedSignature {
  std::string key;
  int subgraph_index = 0;
  std::vector<HostedSignatureTensor> inputs;
  std::vector<HostedSignatureTensor> outputs;
};

// Reads the model's SignatureDefs in their order (none: an empty list).
// False, with the reason in *error, when one names a subgraph the model
// does not have or a tensor that is not among its subgraph's inputs or
// outputs. `model` must have passed the verifier.
bool ReadSignatureDefs(const Model* model, std::vector<HostedSignature>* out,
                       std::string* error);

}  // namespace tflite

#endif  // TENSORFLOW_LITE_MICRO_HOST_SIGNATURE_DEFS_H_
