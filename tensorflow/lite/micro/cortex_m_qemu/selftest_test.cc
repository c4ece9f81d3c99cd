// The board support's self-test (selftest.sh builds and runs it on every
// QEMU machine, and on the host). Tests named DISABLED_Deliberate* fail or
// fault on purpose; selftest.sh runs them one at a time with
// --gtest_also_run_disabled_tests and checks that they are reported.
//
// Own flags (after GoogleTest's): --data_dir=DIR holds hello.txt and
// model.bin written by selftest.sh; --icount says QEMU runs with
// -icount shift=0, so the timer test checks ticks against instructions.
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tensorflow/lite/micro/micro_log.h"
#include "tensorflow/lite/micro/micro_time.h"

#if defined(__ARM_ARCH_PROFILE) && __ARM_ARCH_PROFILE == 'M'
#define SELFTEST_ON_BOARD 1
#include "tensorflow/lite/micro/cortex_m_generic/debug_log_callback.h"
#include "tensorflow/lite/micro/cortex_m_qemu/board.h"
#endif
#if defined(__ARM_FEATURE_MVE)
#include <arm_mve.h>
#endif

namespace {

std::string data_dir = ".";
bool icount = false;

std::vector<uint8_t> ReadFile(const std::string& path) {
  std::vector<uint8_t> bytes;
  FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) return bytes;
  // The size from SEEK_END, then one read into the heap, as model loaders
  // do.
  if (std::fseek(file, 0, SEEK_END) == 0) {
    const long size = std::ftell(file);
    std::rewind(file);
    if (size > 0) {
      bytes.resize(static_cast<size_t>(size));
      bytes.resize(std::fread(bytes.data(), 1, bytes.size(), file));
    }
  }
  std::fclose(file);
  return bytes;
}

// The pattern selftest.sh writes into model.bin: byte i is (i * 31 + 7) & 255.
uint8_t PatternByte(size_t i) { return static_cast<uint8_t>(i * 31 + 7); }

struct Initialized {
  Initialized() : value(1234) {}
  int value;
};
Initialized initialized;
thread_local int thread_counter = 7;

TEST(SelfTest, StaticConstructorsAndThreadLocalsAreSetUp) {
  EXPECT_EQ(initialized.value, 1234);
  EXPECT_EQ(thread_counter, 7);
  ++thread_counter;
  EXPECT_EQ(thread_counter, 8);
}

TEST(SelfTest, IntegerAndFloatingPointArithmetic) {
  volatile int64_t big = INT64_C(0x123456789);
  EXPECT_EQ(big * 16, INT64_C(0x1234567890));
  volatile int numerator = 100;
  volatile int denominator = 7;
  EXPECT_EQ(numerator / denominator, 14);
  volatile float x = 2.0f;
  EXPECT_FLOAT_EQ(std::sqrt(static_cast<float>(x)), 1.41421356f);
  volatile double y = 0.1;
  EXPECT_NEAR(y * 3, 0.3, 1e-15);
  char text[32];
  std::snprintf(text, sizeof(text), "%.3f %lld", 3.14159, 1LL << 40);
  EXPECT_STREQ(text, "3.142 1099511627776");
}

#if defined(__ARM_FEATURE_MVE)
TEST(SelfTest, HeliumVectorInstructionsRun) {
  const int32x4_t a = vdupq_n_s32(20);
  const int32x4_t b = vaddq_s32(a, vdupq_n_s32(22));
  EXPECT_EQ(vgetq_lane_s32(b, 3), 42);
#if (__ARM_FEATURE_MVE & 2)
  const float32x4_t f = vmulq_f32(vdupq_n_f32(1.5f), vdupq_n_f32(4.0f));
  EXPECT_FLOAT_EQ(vgetq_lane_f32(f, 0), 6.0f);
#endif
}
#endif

TEST(SelfTest, ReadsTextFileRelativeToTheWorkingDirectory) {
  const std::vector<uint8_t> bytes = ReadFile(data_dir + "/hello.txt");
  const std::string text(bytes.begin(), bytes.end());
  EXPECT_EQ(text, "hello from the host\n");
}

TEST(SelfTest, ReadsAModelSizedFileIntoTheHeapBesideAnArena) {
  const std::vector<uint8_t> model = ReadFile(data_dir + "/model.bin");
  ASSERT_EQ(model.size(), 300u * 1024u);
  size_t mismatches = 0;
  for (size_t i = 0; i < model.size(); ++i) {
    if (model[i] != PatternByte(i)) ++mismatches;
  }
  EXPECT_EQ(mismatches, 0u);
  std::vector<uint8_t> arena(100 * 1024, 0xAB);
  EXPECT_EQ(arena[arena.size() - 1], 0xAB);
}

TEST(SelfTest, WritesSeeksAndRemovesAFile) {
  const std::string path = data_dir + "/written.bin";
  FILE* file = std::fopen(path.c_str(), "wb");
  ASSERT_NE(file, nullptr);
  EXPECT_EQ(std::fwrite("0123456789", 1, 10, file), 10u);
  EXPECT_EQ(std::fclose(file), 0);
  file = std::fopen(path.c_str(), "rb");
  ASSERT_NE(file, nullptr);
  EXPECT_EQ(std::fseek(file, 4, SEEK_SET), 0);
  EXPECT_EQ(std::fgetc(file), '4');
  EXPECT_EQ(std::fseek(file, 2, SEEK_CUR), 0);
  EXPECT_EQ(std::fgetc(file), '7');
  EXPECT_EQ(std::fseek(file, -1, SEEK_END), 0);
  EXPECT_EQ(std::fgetc(file), '9');
  EXPECT_EQ(std::fgetc(file), EOF);
  std::fclose(file);
  EXPECT_EQ(std::remove(path.c_str()), 0);
  EXPECT_EQ(std::fopen(path.c_str(), "rb"), nullptr);
}

TEST(SelfTest, MissingFileFailsToOpen) {
  EXPECT_EQ(std::fopen((data_dir + "/no_such_file").c_str(), "rb"), nullptr);
}

TEST(SelfTest, MicroPrintfReachesDebugLog) {
  // selftest.sh looks for this line on stderr.
  MicroPrintf("selftest: DebugLog works, %d + %d = %d", 2, 3, 2 + 3);
#if defined(SELFTEST_ON_BOARD)
  static std::string captured;
  captured.clear();
  RegisterDebugLogCallback([](const char* s) { captured += s; });
  MicroPrintf("captured %s %d", "text", 42);
  RegisterDebugLogCallback(nullptr);
  MicroPrintf("dropped");
  RegisterDebugLogCallback(cortex_m_qemu::WriteToStderr);
  EXPECT_EQ(captured, "captured text 42\n");
#endif
}

// Exactly 2 * iterations instructions: SUBS and BNE per round.
__attribute__((noinline)) void SpinInstructions(uint32_t iterations) {
#if defined(__arm__)
  // Thumb-1 targets read inline assembly as divided syntax by default.
  __asm__ volatile(
      ".syntax unified\n"
      "1:\n"
      "subs %0, %0, #1\n"
      "bne 1b\n"
      : "+l"(iterations)
      :
      : "cc");
#else
  for (volatile uint32_t i = 0; i < iterations; i = i + 1) {
  }
#endif
}

TEST(SelfTest, TimerTicksAdvance) {
  const uint32_t per_second = tflite::ticks_per_second();
#if defined(SELFTEST_ON_BOARD)
  EXPECT_EQ(per_second, cortex_m_qemu::CoreClockHz());
#endif
  ASSERT_GT(per_second, 0u);
  constexpr uint32_t kIterations = 1000000;
  const uint32_t start = tflite::GetCurrentTimeTicks();
  SpinInstructions(kIterations);
  const uint32_t ticks = tflite::GetCurrentTimeTicks() - start;
  EXPECT_GT(ticks, 0u);
  const double nanoseconds = 1e9 * ticks / per_second;
  std::printf("timer: %lu ticks at %lu Hz for %lu instructions = %.0f ns\n",
              static_cast<unsigned long>(ticks),
              static_cast<unsigned long>(per_second),
              static_cast<unsigned long>(2 * kIterations), nanoseconds);
  if (icount) {
    // -icount shift=0: one instruction is one nanosecond of virtual time,
    // so ticks * 1e9 / ticks_per_second() is the instruction count (give
    // or take one tick and the timer reads' own instructions).
    EXPECT_NEAR(nanoseconds, 2.0 * kIterations, 200.0);
  }
}

#if defined(SELFTEST_ON_BOARD)
__attribute__((noinline)) int UseStack(int depth) {
  volatile char block[512];
  for (size_t i = 0; i < sizeof(block); ++i) block[i] = static_cast<char>(i);
  return depth == 0 ? block[7] : UseStack(depth - 1) + block[depth % 512];
}

TEST(SelfTest, StackHighWaterMarkFollowsUse) {
  const size_t before = cortex_m_qemu::StackHighWaterBytes();
  EXPECT_GT(before, 0u);
  UseStack(64);  // at least 32 KiB
  const size_t after = cortex_m_qemu::StackHighWaterBytes();
  std::printf("stack: high-water mark %lu of %lu bytes (was %lu)\n",
              static_cast<unsigned long>(after),
              static_cast<unsigned long>(cortex_m_qemu::StackSizeBytes()),
              static_cast<unsigned long>(before));
  EXPECT_GE(after, before + 32 * 1024);
  EXPECT_LT(after, cortex_m_qemu::StackSizeBytes());
}

TEST(SelfTest, HeapIsBoundedByTheLinkerScript) {
  std::printf("heap: %lu bytes, %lu used; machine %s\n",
              static_cast<unsigned long>(cortex_m_qemu::HeapSizeBytes()),
              static_cast<unsigned long>(cortex_m_qemu::HeapUsedBytes()),
              cortex_m_qemu::MachineName());
  EXPECT_GE(cortex_m_qemu::HeapSizeBytes(), 8u * 1024 * 1024);
  void* too_big = std::malloc(cortex_m_qemu::HeapSizeBytes() + 1);
  EXPECT_EQ(too_big, nullptr);
  void* megabyte = std::malloc(1024 * 1024);
  EXPECT_NE(megabyte, nullptr);
  std::free(megabyte);
}
#endif

TEST(DISABLED_Deliberate, Fails) {
  const int expected = 2;
  EXPECT_EQ(1 + 0, expected) << "a deliberate failure";
}

#if defined(SELFTEST_ON_BOARD)
TEST(DISABLED_Deliberate, BusFault) {
  // Unmapped on every MPS2/MPS3 machine (vendor system space).
  volatile uint32_t* nowhere = reinterpret_cast<volatile uint32_t*>(0xF0000000);
  std::printf("read %lu\n", static_cast<unsigned long>(*nowhere));
}

TEST(DISABLED_Deliberate, UndefinedInstruction) { __asm__ volatile("udf #7"); }

TEST(DISABLED_Deliberate, DivideByZero) {
#if defined(__ARM_ARCH_6M__)
  GTEST_SKIP() << "Armv6-M divides in software (__aeabi_idiv0 returns 0)";
#else
  volatile int numerator = 7;  // both unknown, so a real SDIV
  volatile int zero = 0;
  std::printf("quotient %d\n", numerator / zero);
#endif
}

TEST(DISABLED_Deliberate, UnalignedWordOnArmv6m) {
#if !defined(__ARM_ARCH_6M__)
  GTEST_SKIP() << "Armv7-M and Armv8-M allow unaligned word loads";
#else
  alignas(4) static uint8_t bytes[8] = {1, 2, 3, 4, 5, 6, 7, 8};
  // Through a volatile pointer, so the compiler cannot see the
  // misalignment and split the load into byte loads.
  uint8_t* volatile base = bytes;
  volatile uint32_t* odd = reinterpret_cast<volatile uint32_t*>(base + 1);
  std::printf("word %lu\n", static_cast<unsigned long>(*odd));
#endif
}

volatile int recursion_limit = 1 << 30;  // far deeper than any stack

__attribute__((noinline)) int Recurse(int depth) {
  volatile char block[256];
  block[0] = static_cast<char>(depth);
  if (depth == recursion_limit) return 0;
  return Recurse(depth + 1) + block[0];
}

TEST(DISABLED_Deliberate, StackOverflow) { std::printf("%d\n", Recurse(0)); }
#endif

}  // namespace

int main(int argc, char** argv) {
  testing::InitGoogleTest(&argc, argv);
  for (int i = 1; i < argc; ++i) {
    const char kDataDir[] = "--data_dir=";
    if (std::strncmp(argv[i], kDataDir, sizeof(kDataDir) - 1) == 0) {
      data_dir = argv[i] + sizeof(kDataDir) - 1;
    } else if (std::strcmp(argv[i], "--icount") == 0) {
      icount = true;
    } else {
      std::fprintf(stderr, "selftest: unknown argument %s\n", argv[i]);
      return 2;
    }
  }
  return RUN_ALL_TESTS();
}
