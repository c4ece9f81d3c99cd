// main() for tests built against firmware_gtest (GoogleTest's gtest_main
// equivalent), kept apart so tests with their own main can still use the
// library.
#include <cstdio>

#include "gtest/gtest.h"

int main(int argc, char** argv) {
  std::printf("Running main() from firmware_gtest's gtest_main.cc\n");
  testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
