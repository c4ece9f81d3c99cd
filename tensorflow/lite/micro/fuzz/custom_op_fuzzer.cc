// libFuzzer target for the custom ops (signal/, mediapipe/, and the
// standard DETECTION_POSTPROCESS and CIRCULAR_BUFFER): the structure-aware
// mutator (structure_mutator.cc, which also holds the entry points) aimed
// at custom operators, whose flexbuffer or raw options it edits key by key
// and field by field, with the shapes and types of the tensors around
// them. Seeded with models of those ops (custom_op_seeds/, ../shared's
// audio preprocessors and MediaPipe models); each mutant runs as in
// model_fuzzer (fuzz_util). Built and run by tools/fuzz.sh.
#include "tensorflow/lite/micro/fuzz/structure_mutator.h"

// Eight structural edits in ten go to a custom operator.
const int tflite::fuzz::kCustomOpTenths = 8;
