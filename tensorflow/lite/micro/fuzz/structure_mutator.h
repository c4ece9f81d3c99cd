// The structure-aware model mutator shared by structure_fuzzer and
// custom_op_fuzzer (structure_mutator.cc says what it edits).
#ifndef TENSORFLOW_LITE_MICRO_FUZZ_STRUCTURE_MUTATOR_H_
#define TENSORFLOW_LITE_MICRO_FUZZ_STRUCTURE_MUTATOR_H_

namespace tflite {
namespace fuzz {

// Of the structural mutations of a model that has custom operators, how
// many in ten edit one of those operators (its options or the tensors
// around it). Each fuzzer defines it (structure_fuzzer.cc,
// custom_op_fuzzer.cc); structure_mutator.cc defines the libFuzzer entry
// points: LLVMFuzzerTestOneInput runs a model as model_fuzzer does
// (fuzz_util), LLVMFuzzerCustomMutator is the structure-aware mutator.
extern const int kCustomOpTenths;

}  // namespace fuzz
}  // namespace tflite

#endif  // TENSORFLOW_LITE_MICRO_FUZZ_STRUCTURE_MUTATOR_H_
