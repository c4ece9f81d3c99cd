// A resolver with every builtin kernel this project implements. Convenient
// for tools and tests; applications should register only the ops their
// model uses (see tools/generate_op_resolver) to keep code size down.
#ifndef TENSORFLOW_LITE_MICRO_ALL_OPS_RESOLVER_H_
#define TENSORFLOW_LITE_MICRO_ALL_OPS_RESOLVER_H_

#include "tensorflow/lite/micro/micro_mutable_op_resolver.h"

namespace tflite {

// Number of builtin kernels AddAllBuiltinOps registers.
constexpr unsigned int kAllBuiltinOpsCount = 103;

// Registers every builtin kernel into `resolver`.
template <unsigned int tOpCount>
TfLiteStatus AddAllBuiltinOps(MicroMutableOpResolver<tOpCount>& resolver) {
  static_assert(tOpCount >= kAllBuiltinOpsCount, "resolver too small");
  TF_LITE_ENSURE_STATUS(resolver.AddAbs());
  TF_LITE_ENSURE_STATUS(resolver.AddAdd());
  TF_LITE_ENSURE_STATUS(resolver.AddAddN());
  TF_LITE_ENSURE_STATUS(resolver.AddArgMax());
  TF_LITE_ENSURE_STATUS(resolver.AddArgMin());
  TF_LITE_ENSURE_STATUS(resolver.AddAssignVariable());
  TF_LITE_ENSURE_STATUS(resolver.AddAveragePool2D());
  TF_LITE_ENSURE_STATUS(resolver.AddBatchMatMul());
  TF_LITE_ENSURE_STATUS(resolver.AddBatchToSpaceNd());
  TF_LITE_ENSURE_STATUS(resolver.AddBroadcastTo());
  TF_LITE_ENSURE_STATUS(resolver.AddCallOnce());
  TF_LITE_ENSURE_STATUS(resolver.AddCast());
  TF_LITE_ENSURE_STATUS(resolver.AddCeil());
  TF_LITE_ENSURE_STATUS(resolver.AddConcatenation());
  TF_LITE_ENSURE_STATUS(resolver.AddConv2D());
  TF_LITE_ENSURE_STATUS(resolver.AddCos());
  TF_LITE_ENSURE_STATUS(resolver.AddCumSum());
  TF_LITE_ENSURE_STATUS(resolver.AddDensify());
  TF_LITE_ENSURE_STATUS(resolver.AddDepthToSpace());
  TF_LITE_ENSURE_STATUS(resolver.AddDepthwiseConv2D());
  TF_LITE_ENSURE_STATUS(resolver.AddDequantize());
  TF_LITE_ENSURE_STATUS(resolver.AddDiv());
  TF_LITE_ENSURE_STATUS(resolver.AddDynamicUpdateSlice());
  TF_LITE_ENSURE_STATUS(resolver.AddElu());
  TF_LITE_ENSURE_STATUS(resolver.AddEmbeddingLookup());
  TF_LITE_ENSURE_STATUS(resolver.AddEqual());
  TF_LITE_ENSURE_STATUS(resolver.AddExp());
  TF_LITE_ENSURE_STATUS(resolver.AddExpandDims());
  TF_LITE_ENSURE_STATUS(resolver.AddFill());
  TF_LITE_ENSURE_STATUS(resolver.AddFloor());
  TF_LITE_ENSURE_STATUS(resolver.AddFloorDiv());
  TF_LITE_ENSURE_STATUS(resolver.AddFloorMod());
  TF_LITE_ENSURE_STATUS(resolver.AddFullyConnected());
  TF_LITE_ENSURE_STATUS(resolver.AddGather());
  TF_LITE_ENSURE_STATUS(resolver.AddGatherNd());
  TF_LITE_ENSURE_STATUS(resolver.AddGelu());
  TF_LITE_ENSURE_STATUS(resolver.AddGreater());
  TF_LITE_ENSURE_STATUS(resolver.AddGreaterEqual());
  TF_LITE_ENSURE_STATUS(resolver.AddHardSwish());
  TF_LITE_ENSURE_STATUS(resolver.AddIf());
  TF_LITE_ENSURE_STATUS(resolver.AddL2Normalization());
  TF_LITE_ENSURE_STATUS(resolver.AddL2Pool2D());
  TF_LITE_ENSURE_STATUS(resolver.AddLeakyRelu());
  TF_LITE_ENSURE_STATUS(resolver.AddLess());
  TF_LITE_ENSURE_STATUS(resolver.AddLessEqual());
  TF_LITE_ENSURE_STATUS(resolver.AddLog());
  TF_LITE_ENSURE_STATUS(resolver.AddLogSoftmax());
  TF_LITE_ENSURE_STATUS(resolver.AddLogicalAnd());
  TF_LITE_ENSURE_STATUS(resolver.AddLogicalNot());
  TF_LITE_ENSURE_STATUS(resolver.AddLogicalOr());
  TF_LITE_ENSURE_STATUS(resolver.AddLogistic());
  TF_LITE_ENSURE_STATUS(resolver.AddMaxPool2D());
  TF_LITE_ENSURE_STATUS(resolver.AddMaximum());
  TF_LITE_ENSURE_STATUS(resolver.AddMean());
  TF_LITE_ENSURE_STATUS(resolver.AddMinimum());
  TF_LITE_ENSURE_STATUS(resolver.AddMirrorPad());
  TF_LITE_ENSURE_STATUS(resolver.AddMul());
  TF_LITE_ENSURE_STATUS(resolver.AddNeg());
  TF_LITE_ENSURE_STATUS(resolver.AddNotEqual());
  TF_LITE_ENSURE_STATUS(resolver.AddPack());
  TF_LITE_ENSURE_STATUS(resolver.AddPad());
  TF_LITE_ENSURE_STATUS(resolver.AddPadV2());
  TF_LITE_ENSURE_STATUS(resolver.AddPow());
  TF_LITE_ENSURE_STATUS(resolver.AddPrelu());
  TF_LITE_ENSURE_STATUS(resolver.AddQuantize());
  TF_LITE_ENSURE_STATUS(resolver.AddReadVariable());
  TF_LITE_ENSURE_STATUS(resolver.AddReduceMax());
  TF_LITE_ENSURE_STATUS(resolver.AddReduceMin());
  TF_LITE_ENSURE_STATUS(resolver.AddReduceProd());
  TF_LITE_ENSURE_STATUS(resolver.AddRelu());
  TF_LITE_ENSURE_STATUS(resolver.AddRelu6());
  TF_LITE_ENSURE_STATUS(resolver.AddReluN1To1());
  TF_LITE_ENSURE_STATUS(resolver.AddReshape());
  TF_LITE_ENSURE_STATUS(resolver.AddResizeBilinear());
  TF_LITE_ENSURE_STATUS(resolver.AddResizeNearestNeighbor());
  TF_LITE_ENSURE_STATUS(resolver.AddReverseV2());
  TF_LITE_ENSURE_STATUS(resolver.AddRound());
  TF_LITE_ENSURE_STATUS(resolver.AddRsqrt());
  TF_LITE_ENSURE_STATUS(resolver.AddSelectV2());
  TF_LITE_ENSURE_STATUS(resolver.AddShape());
  TF_LITE_ENSURE_STATUS(resolver.AddSin());
  TF_LITE_ENSURE_STATUS(resolver.AddSlice());
  TF_LITE_ENSURE_STATUS(resolver.AddSoftmax());
  TF_LITE_ENSURE_STATUS(resolver.AddSpaceToBatchNd());
  TF_LITE_ENSURE_STATUS(resolver.AddSpaceToDepth());
  TF_LITE_ENSURE_STATUS(resolver.AddSplit());
  TF_LITE_ENSURE_STATUS(resolver.AddSplitV());
  TF_LITE_ENSURE_STATUS(resolver.AddSqrt());
  TF_LITE_ENSURE_STATUS(resolver.AddSquare());
  TF_LITE_ENSURE_STATUS(resolver.AddSquaredDifference());
  TF_LITE_ENSURE_STATUS(resolver.AddSqueeze());
  TF_LITE_ENSURE_STATUS(resolver.AddStridedSlice());
  TF_LITE_ENSURE_STATUS(resolver.AddSub());
  TF_LITE_ENSURE_STATUS(resolver.AddSum());
  TF_LITE_ENSURE_STATUS(resolver.AddSvdf());
  TF_LITE_ENSURE_STATUS(resolver.AddTanh());
  TF_LITE_ENSURE_STATUS(resolver.AddTranspose());
  TF_LITE_ENSURE_STATUS(resolver.AddTransposeConv());
  TF_LITE_ENSURE_STATUS(resolver.AddUnidirectionalSequenceLSTM());
  TF_LITE_ENSURE_STATUS(resolver.AddUnpack());
  TF_LITE_ENSURE_STATUS(resolver.AddVarHandle());
  TF_LITE_ENSURE_STATUS(resolver.AddWhile());
  TF_LITE_ENSURE_STATUS(resolver.AddZerosLike());
  return kTfLiteOk;
}

// The name of any builtin (the schema's table of every name: resolvers for
// tools and runtimes on hosts name also the ops they lack).
inline const char* AnyBuiltinName(BuiltinOperator op) {
  const char* name = EnumNameBuiltinOperator(op);
  return name != nullptr && name[0] != '\0' ? name : nullptr;
}

class AllOpsResolver : public MicroMutableOpResolver<kAllBuiltinOpsCount> {
 public:
  AllOpsResolver() { AddAllBuiltinOps(*this); }
  const char* BuiltinName(BuiltinOperator op) const override {
    return AnyBuiltinName(op);
  }
};

}  // namespace tflite

#endif  // TENSORFLOW_LITE_MICRO_ALL_OPS_RESOLVER_H_
