// A firmware example: runs the embedded model on fixed inputs and prints
// its outputs. Built for the host it prints the same lines, which
// firmware_matches_host_test compares.
#include <cstdio>

#include "examples/firmware/embedded_model.h"
#include "examples/firmware/model_runner.h"

int main() {
  if (firmware::kModelData == nullptr) {
    std::printf("%s was not available at build time (../shared is absent); "
                "nothing to run\n",
                firmware::kModelName);
    return 0;
  }
  const tflite::MicroOpResolver* resolver = firmware::ModelOpResolver();
  if (resolver == nullptr) {
    std::printf("could not register the ops of %s\n", firmware::kModelName);
    return 1;
  }
  std::printf("model %s (%lu bytes)\n", firmware::kModelName,
              static_cast<unsigned long>(firmware::kModelSize));
  // Three runs: stateful models (SVDF, LSTM, signal filters) carry state
  // from one to the next.
  return firmware::RunModelOnPatterns(firmware::kModelData,
                                      firmware::kModelSize, *resolver,
                                      firmware::kArena, firmware::kArenaSize,
                                      /*runs=*/3);
}
