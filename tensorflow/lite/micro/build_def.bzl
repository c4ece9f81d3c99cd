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
