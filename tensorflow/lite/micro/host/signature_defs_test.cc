#include "tensorflow/lite/micro/host/signature_defs.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace tflite {
namespace {

using Maps = std::vector<flatbuffers::Offset<TensorMap>>;

// Subgraph 0 takes tensors {4, 7} and gives {9}; subgraph 1 takes {0}.
// Only the structure ReadSignatureDefs reads is filled in.
class Models {
 public:
  const Model* Build(const std::vector<flatbuffers::Offset<SignatureDef>>& defs) {
    std::vector<int32_t> inputs0 = {4, 7}, outputs0 = {9}, inputs1 = {0};
    std::vector<flatbuffers::Offset<SubGraph>> subgraphs = {
        CreateSubGraphDirect(fbb_, nullptr, &inputs0, &outputs0),
        CreateSubGraphDirect(fbb_, nullptr, &inputs1, nullptr)};
    fbb_.Finish(CreateModelDirect(fbb_, 3, nullptr, &subgraphs, nullptr,
                                  nullptr, nullptr, nullptr, &defs));
    return GetModel(fbb_.GetBufferPointer());
  }

  flatbuffers::Offset<SignatureDef> Def(const char* key, const Maps& inputs,
                                         const Maps& outputs,
                                         uint32_t subgraph = 0) {
    return CreateSignatureDefDirect(fbb_, &inputs, &outputs, key, subgraph);
  }

  flatbuffers::Offset<TensorMap> Map(const char* name, uint32_t tensor) {
    return CreateTensorMapDirect(fbb_, name, tensor);
  }

 private:
  flatbuffers::FlatBufferBuilder fbb_;
};

TEST(SignatureDefsTest, NamesResolveToSubgraphPositions) {
  Models m;
  const Maps inputs = {m.Map("second", 7), m.Map("first", 4)};
  const Maps outputs = {m.Map("out", 9)};
  const Maps init_inputs = {m.Map("seed", 0)};
  const Model* model = m.Build({m.Def("run", inputs, outputs),
                                m.Def("init", init_inputs, {}, 1)});
  std::vector<HostedSignature> signatures;
  std::string error;
  ASSERT_TRUE(ReadSignatureDefs(model, &signatures, &error)) << error;
  ASSERT_EQ(signatures.size(), 2u);
  EXPECT_EQ(signatures[0].key, "run");
  EXPECT_EQ(signatures[0].subgraph_index, 0);
  ASSERT_EQ(signatures[0].inputs.size(), 2u);
  EXPECT_EQ(signatures[0].inputs[0].name, "second");
  EXPECT_EQ(signatures[0].inputs[0].index, 1);
  EXPECT_EQ(signatures[0].inputs[0].tensor_index, 7);
  EXPECT_EQ(signatures[0].inputs[1].index, 0);
  EXPECT_EQ(signatures[0].outputs[0].name, "out");
  EXPECT_EQ(signatures[0].outputs[0].index, 0);
  EXPECT_EQ(signatures[1].key, "init");
  EXPECT_EQ(signatures[1].subgraph_index, 1);
  EXPECT_EQ(signatures[1].inputs[0].index, 0);
  EXPECT_TRUE(signatures[1].outputs.empty());
}

TEST(SignatureDefsTest, NoSignatures) {
  Models m;
  std::vector<HostedSignature> signatures(1);
  std::string error;
  EXPECT_TRUE(ReadSignatureDefs(m.Build({}), &signatures, &error));
  EXPECT_TRUE(signatures.empty());
}

TEST(SignatureDefsTest, RejectsTensorsOutsideTheSubgraphsInputsAndOutputs) {
  Models m;
  const Maps inputs = {m.Map("x", 9)};  // 9 is an output, not an input
  const Model* model = m.Build({m.Def("bad", inputs, {})});
  std::vector<HostedSignature> signatures;
  std::string error;
  EXPECT_FALSE(ReadSignatureDefs(model, &signatures, &error));
  EXPECT_NE(error.find("'bad'"), std::string::npos) << error;
  EXPECT_NE(error.find("tensor 9"), std::string::npos) << error;
}

TEST(SignatureDefsTest, RejectsAMissingSubgraph) {
  Models m;
  const Model* model = m.Build({m.Def("far", {}, {}, 5)});
  std::vector<HostedSignature> signatures;
  std::string error;
  EXPECT_FALSE(ReadSignatureDefs(model, &signatures, &error));
  EXPECT_NE(error.find("subgraph 5"), std::string::npos) << error;
}

}  // namespace
}  // namespace tflite
