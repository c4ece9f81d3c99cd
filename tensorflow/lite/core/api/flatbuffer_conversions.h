// Turns the flatbuffer options of each builtin operator into the C structs of
// builtin_op_data.h that kernels read from TfLiteNode::builtin_data.
#ifndef TENSORFLOW_LITE_CORE_API_FLATBUFFER_CONVERSIONS_H_
#define TENSORFLOW_LITE_CORE_API_FLATBUFFER_CONVERSIONS_H_

#include <cstddef>
#include <new>
#include <type_traits>

#include "tensorflow/lite/core/c/builtin_op_data.h"
#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/schema/schema_generated.h"

namespace tflite {

// Where parsed options are stored (the arena's tail, in the interpreter).
class BuiltinDataAllocator {
 public:
  virtual void* Allocate(size_t size, size_t alignment_hint) = 0;
  virtual void Deallocate(void* data) = 0;

  template <typename T>
  T* AllocatePOD() {
    static_assert(std::is_trivially_copyable<T>::value &&
                      std::is_standard_layout<T>::value,
                  "builtin data must be plain old data");
    void* memory = Allocate(sizeof(T), alignof(T));
    return memory == nullptr ? nullptr : new (memory) T();
  }

  // The verifier of the model's bytes, given by a caller that has them: a
  // parser verifies the fields of its op's options table with it before it
  // reads them (the model checks verify only that the table lies in the
  // buffer, so that only the option tables of registered ops are linked).
  // nullptr: the model is trusted (given as a Model*, or a build without
  // the model checks).
  void set_options_verifier(flatbuffers::Verifier* verifier) {
    options_verifier_ = verifier;
  }
  flatbuffers::Verifier* options_verifier() const { return options_verifier_; }
  // Set when a parser found its options table malformed.
  bool options_malformed() const { return options_malformed_; }
  void set_options_malformed() { options_malformed_ = true; }

 protected:
  ~BuiltinDataAllocator() = default;

 private:
  flatbuffers::Verifier* options_verifier_ = nullptr;
  bool options_malformed_ = false;
};

// Signature of every parser below. On success *builtin_data holds the parsed
// struct (or nullptr for operators without options).
typedef TfLiteStatus (*BuiltinParseFunction)(const Operator* op,
                                             BuiltinDataAllocator* allocator,
                                             void** builtin_data);

TfLiteStatus ConvertTensorType(TensorType tensor_type, TfLiteType* type);

// Operators without options.
TfLiteStatus ParseNoOptions(const Operator* op, BuiltinDataAllocator* allocator,
                            void** builtin_data);

TfLiteStatus ParseAdd(const Operator*, BuiltinDataAllocator*, void**);
TfLiteStatus ParseArgMax(const Operator*, BuiltinDataAllocator*, void**);
TfLiteStatus ParseArgMin(const Operator*, BuiltinDataAllocator*, void**);
TfLiteStatus ParseBatchMatMul(const Operator*, BuiltinDataAllocator*, void**);
TfLiteStatus ParseCallOnce(const Operator*, BuiltinDataAllocator*, void**);
TfLiteStatus ParseCast(const Operator*, BuiltinDataAllocator*, void**);
TfLiteStatus ParseConcatenation(const Operator*, BuiltinDataAllocator*,
                                void**);
TfLiteStatus ParseConv2D(const Operator*, BuiltinDataAllocator*, void**);
TfLiteStatus ParseCumsum(const Operator*, BuiltinDataAllocator*, void**);
TfLiteStatus ParseDepthToSpace(const Operator*, BuiltinDataAllocator*, void**);
TfLiteStatus ParseDepthwiseConv2D(const Operator*, BuiltinDataAllocator*,
                                  void**);
TfLiteStatus ParseDiv(const Operator*, BuiltinDataAllocator*, void**);
TfLiteStatus ParseFullyConnected(const Operator*, BuiltinDataAllocator*,
                                 void**);
TfLiteStatus ParseGather(const Operator*, BuiltinDataAllocator*, void**);
TfLiteStatus ParseGelu(const Operator*, BuiltinDataAllocator*, void**);
TfLiteStatus ParseIf(const Operator*, BuiltinDataAllocator*, void**);
TfLiteStatus ParseL2Normalization(const Operator*, BuiltinDataAllocator*,
                                  void**);
TfLiteStatus ParseLeakyRelu(const Operator*, BuiltinDataAllocator*, void**);
TfLiteStatus ParseMirrorPad(const Operator*, BuiltinDataAllocator*, void**);
TfLiteStatus ParseMul(const Operator*, BuiltinDataAllocator*, void**);
TfLiteStatus ParsePack(const Operator*, BuiltinDataAllocator*, void**);
TfLiteStatus ParsePool(const Operator*, BuiltinDataAllocator*, void**);
TfLiteStatus ParseReducer(const Operator*, BuiltinDataAllocator*, void**);
TfLiteStatus ParseReshape(const Operator*, BuiltinDataAllocator*, void**);
TfLiteStatus ParseResizeBilinear(const Operator*, BuiltinDataAllocator*,
                                 void**);
TfLiteStatus ParseResizeNearestNeighbor(const Operator*,
                                        BuiltinDataAllocator*, void**);
TfLiteStatus ParseShape(const Operator*, BuiltinDataAllocator*, void**);
TfLiteStatus ParseSoftmax(const Operator*, BuiltinDataAllocator*, void**);
TfLiteStatus ParseSpaceToDepth(const Operator*, BuiltinDataAllocator*, void**);
TfLiteStatus ParseSplit(const Operator*, BuiltinDataAllocator*, void**);
TfLiteStatus ParseSplitV(const Operator*, BuiltinDataAllocator*, void**);
TfLiteStatus ParseSqueeze(const Operator*, BuiltinDataAllocator*, void**);
TfLiteStatus ParseStridedSlice(const Operator*, BuiltinDataAllocator*, void**);
TfLiteStatus ParseSub(const Operator*, BuiltinDataAllocator*, void**);
TfLiteStatus ParseSvdf(const Operator*, BuiltinDataAllocator*, void**);
TfLiteStatus ParseTransposeConv(const Operator*, BuiltinDataAllocator*,
                                void**);
TfLiteStatus ParseUnidirectionalSequenceLSTM(const Operator*,
                                             BuiltinDataAllocator*, void**);
TfLiteStatus ParseUnpack(const Operator*, BuiltinDataAllocator*, void**);
TfLiteStatus ParseVarHandle(const Operator*, BuiltinDataAllocator*, void**);
TfLiteStatus ParseWhile(const Operator*, BuiltinDataAllocator*, void**);

}  // namespace tflite

#endif  // TENSORFLOW_LITE_CORE_API_FLATBUFFER_CONVERSIONS_H_
