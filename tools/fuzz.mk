# Builds the libFuzzer targets with clang (ASan + UBSan); driven by
# tools/fuzz.sh, which sets OUT. Bazel here has no clang toolchain, so the
# sources are compiled directly (the same list setup.py uses for pip).
OUT ?= build/fuzz
# Through ccache when installed (tools/setup.sh does): CI then recompiles only
# the sources that changed since its last run.
CCACHE := $(shell command -v ccache 2>/dev/null)
CXX := $(CCACHE) clang++
SANITIZE := -fsanitize=address,undefined -fno-sanitize-recover=all
# The core is warning-free with clang as with GCC (micro_copts).
# FLATBUFFERS_LOCALE_INDEPENDENT=0: flexbuffers (custom options) without
# flatbuffers' library, as Bazel and setup.py build it.
CXXFLAGS := -std=c++17 -O1 -g -fno-omit-frame-pointer -ffp-contract=off $(SANITIZE) \
  -Wall -Wextra -Werror -DFLATBUFFERS_LOCALE_INDEPENDENT=0 -I. -I$(OUT)/gen -MMD -MP
# The kernel-test kit (KernelRunner, test_helpers) is test-only code.
TEST_KIT := tensorflow/lite/micro/kernels/kernel_runner.cc \
  tensorflow/lite/micro/test_helpers.cc
CORE_SRCS := $(filter-out %_test.cc $(TEST_KIT),$(wildcard \
  tensorflow/lite/core/c/*.cc tensorflow/lite/core/api/*.cc \
  tensorflow/lite/kernels/*.cc tensorflow/lite/kernels/internal/*.cc \
  tensorflow/lite/kernels/internal/optimized/*.cc \
  tensorflow/lite/micro/*.cc tensorflow/lite/micro/arena_allocator/*.cc \
  tensorflow/lite/micro/memory_planner/*.cc tensorflow/lite/micro/kernels/*.cc \
  tensorflow/lite/micro/fuzz/fuzz_util.cc \
  signal/src/*.cc signal/micro/kernels/*.cc \
  mediapipe/src/*.cc mediapipe/micro/kernels/*.cc))
CORE_OBJS := $(patsubst %.cc,$(OUT)/obj/%.o,$(CORE_SRCS))
SCHEMA := $(OUT)/gen/tensorflow/lite/schema/schema_generated.h

FUZZERS := model_fuzzer input_fuzzer structure_fuzzer custom_op_fuzzer
all: $(addprefix $(OUT)/,$(FUZZERS))

# With the object API (ModelT, UnPackModel, Model::Pack) for
# structure_fuzzer's mutator; every file of the build sees the same header.
$(SCHEMA): tensorflow/lite/schema/schema.fbs
	@mkdir -p $(dir $@)
	flatc --cpp --gen-object-api -o $(dir $@) $<

# clang 14 takes over 20 minutes on the blocked x86 conv kernels at -O1 with
# the fuzzer's instrumentation (seconds at -O0).
$(OUT)/obj/tensorflow/lite/kernels/internal/optimized/conv.o: CXXFLAGS += -O0

$(OUT)/obj/%.o: %.cc $(SCHEMA)
	@mkdir -p $(dir $@)
	$(CXX) $(CXXFLAGS) -fsanitize=fuzzer-no-link -c $< -o $@

$(OUT)/%: $(OUT)/obj/tensorflow/lite/micro/fuzz/%.o $(CORE_OBJS)
	$(CXX) $(SANITIZE) -fsanitize=fuzzer $^ -o $@

# The structure-aware mutator the two fuzzers share.
$(OUT)/structure_fuzzer $(OUT)/custom_op_fuzzer: \
    $(OUT)/obj/tensorflow/lite/micro/fuzz/structure_mutator.o

.PRECIOUS: $(OUT)/obj/%.o
-include $(CORE_OBJS:.o=.d) \
  $(wildcard $(OUT)/obj/tensorflow/lite/micro/fuzz/*fuzzer.d \
    $(OUT)/obj/tensorflow/lite/micro/fuzz/structure_mutator.d)

# The op matrix test under the same sanitizers (bazel test --config=asan runs
# it too).
$(OUT)/op_matrix_test: $(OUT)/obj/tensorflow/lite/micro/fuzz/op_matrix_test.o \
    $(OUT)/obj/tensorflow/lite/micro/testing/test_model_builder.o $(CORE_OBJS)
	$(CXX) $(SANITIZE) -fsanitize=fuzzer-no-link $^ -lgtest -lgtest_main -pthread -o $@
