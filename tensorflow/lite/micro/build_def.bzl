"""Compiler options for the interpreter core and kernels."""

def micro_copts():
    # The core must build for targets without exceptions or RTTI.
    return [
        "-fno-exceptions",
        "-fno-rtti",
        # Warning-free on GCC and clang, host and arm-none-eabi alike.
        "-Wall",
        "-Wextra",
        "-Werror",
        # Float sums are never fused into multiply-adds, so that optimized
        # and reference kernels round identically on every target.
        "-ffp-contract=off",
    ]

def tflm_cc_test(name, srcs, deps = [], copts = [], **kwargs):
    """A kernel test written the TFLM way (TF_LITE_MICRO_TESTS_BEGIN ... END).

    Runs on the host and, under `bazel test --config=cortex_m4 //...`, as
    firmware under QEMU: the test's own main() is linked with the board
    support (//tensorflow/lite/micro/testing:micro_test).
    """
    native.cc_test(
        name = name,
        srcs = srcs,
        copts = micro_copts() + copts,
        deps = deps + [
            "//tensorflow/lite/micro:micro_log",
            "//tensorflow/lite/micro/testing:micro_test",
        ],
        **kwargs
    )
