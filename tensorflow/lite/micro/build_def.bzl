"""Compiler options and build macros for the interpreter core and kernels."""

def micro_copts():
    # The core must build for targets without exceptions or RTTI.
    return [
        "-fno-exceptions",
        "-fno-rtti",
        "-Wall",
        "-Wno-unused-parameter",
        # Float sums are never fused into multiply-adds, so that optimized
        # and reference kernels round identically on every target.
        "-ffp-contract=off",
    ]

# Libraries built in two arithmetic variants: TFLM's (the plain name) and
# LiteRT's (name + "_litert", TFLITE_MICRO_LITERT_ARITHMETIC=1), which differ
# in the few kernels whose LiteRT reference rescales differently (see
# tensorflow/lite/kernels/internal/common.h).
ARITHMETIC_LIBRARIES = [
    "//tensorflow/lite/kernels/internal:quantization_util",
    "//tensorflow/lite/kernels/internal:optimized",
    "//tensorflow/lite/kernels:kernel_util",
    "//tensorflow/lite/micro/kernels:micro_ops",
    "//tensorflow/lite/micro:all_ops_resolver",
    "//python/tflite_micro:python_ops_resolver",
]

LITERT_SUFFIX = "_litert"

def _absolute(label):
    if label.startswith(":"):
        return "//" + native.package_name() + label
    return label

def litert_arithmetic_deps(deps):
    """`deps` with every arithmetic library replaced by its LiteRT twin."""
    return [
        d + LITERT_SUFFIX if _absolute(d) in ARITHMETIC_LIBRARIES else d
        for d in deps
    ]

def arithmetic_cc_library(name, deps = [], local_defines = [], **kwargs):
    """A cc_library built twice: `name` (TFLM arithmetic) and `name_litert`
    (TFLITE_MICRO_LITERT_ARITHMETIC=1)."""
    native.cc_library(
        name = name,
        deps = deps,
        local_defines = local_defines,
        **kwargs
    )
    native.cc_library(
        name = name + LITERT_SUFFIX,
        deps = litert_arithmetic_deps(deps),
        local_defines = local_defines + ["TFLITE_MICRO_LITERT_ARITHMETIC=1"],
        **kwargs
    )
