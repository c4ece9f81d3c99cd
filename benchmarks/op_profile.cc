// Times each operator of a model: op_profile MODEL.tflite [RUNS [ISA]]
// (ISA: 0 generic, 1 AVX2, 2 AVX-512 VNNI; at most what the CPU runs)
// Prints, per node, the median microseconds of its invoke over RUNS runs
// (default 200) after 10 warm-up runs, and the total. For development: the
// timing table of the README comes from benchmark.py.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "tensorflow/lite/kernels/internal/optimized/cpu.h"
#include "signal/micro/kernels/signal_ops.h"
#include "tensorflow/lite/micro/host/hosted_interpreter.h"
#include "tensorflow/lite/micro/micro_profiler_interface.h"

namespace {

class Profiler : public tflite::MicroProfilerInterface {
 public:
  uint32_t BeginEvent(const char* tag) override {
    if (index_ >= tags_.size()) {
      tags_.push_back(tag);
      samples_.emplace_back();
    }
    start_ = std::chrono::steady_clock::now();
    return index_;
  }
  void EndEvent(uint32_t handle) override {
    const auto end = std::chrono::steady_clock::now();
    samples_[handle].push_back(
        std::chrono::duration<double, std::micro>(end - start_).count());
    ++index_;
  }
  void NextRun() { index_ = 0; }
  void Clear() {
    for (auto& s : samples_) s.clear();
  }
  void Print() {
    double total = 0;
    for (size_t i = 0; i < tags_.size(); ++i) {
      auto s = samples_[i];
      std::sort(s.begin(), s.end());
      const double median = s.empty() ? 0 : s[s.size() / 2];
      total += median;
      std::printf("%3zu %-28s %10.2f us\n", i, tags_[i].c_str(), median);
    }
    std::printf("    %-28s %10.2f us\n", "total", total);
  }

 private:
  std::vector<std::string> tags_;
  std::vector<std::vector<double>> samples_;
  size_t index_ = 0;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s MODEL.tflite [RUNS]\n", argv[0]);
    return 2;
  }
  std::ifstream file(argv[1], std::ios::binary);
  std::vector<uint8_t> model((std::istreambuf_iterator<char>(file)),
                             std::istreambuf_iterator<char>());
  const int runs = argc > 2 ? std::atoi(argv[2]) : 200;
  if (argc > 3) {
    tflite::optimized_ops::SetMaxIsa(
        static_cast<tflite::optimized_ops::Isa>(std::atoi(argv[3])));
  }
  std::printf("model %s, isa %s\n", argv[1],
              tflite::optimized_ops::IsaName(
                  tflite::optimized_ops::ActiveIsa()));
  // Every builtin plus the signal ops (the audio preprocessor models); the
  // arena grown to the model's minimum.
  tflite::HostedOptions options;
  options.linked_registerers = {&SignalOpsRegisterer};
  Profiler profiler;
  tflite::HostedInterpreter interpreter;
  interpreter.SetProfiler(&profiler);
  if (!interpreter.Load(model.data(), model.size(), options)) {
    std::fprintf(stderr, "%s\n", interpreter.error().message.c_str());
    return 1;
  }
  for (int i = 0; i < 10 + runs; ++i) {
    if (i == 10) profiler.Clear();
    profiler.NextRun();
    if (!interpreter.Invoke()) {
      std::fprintf(stderr, "%s\n", interpreter.error().message.c_str());
      return 1;
    }
  }
  profiler.Print();
  return 0;
}
