// libFuzzer target with a structure-aware mutator (structure_mutator.cc,
// which also holds the entry points): valid models edited through the
// schema's object API, each mutant run as in model_fuzzer (fuzz_util:
// allocate, invoke, reset, invoke). Built and run by tools/fuzz.sh.
#include "tensorflow/lite/micro/fuzz/structure_mutator.h"

// A model's custom operators get one structural edit in ten.
const int tflite::fuzz::kCustomOpTenths = 1;
