"""The double-precision entry points that the no-double check counts.

One list for the linker's --wrap options, the counting thunks
(double_call_thunks.S) and the names the test prints: a genrule writes
double_symbols.inc from it.
"""

# GCC's software double-precision routines in libgcc: the Arm run-time ABI
# names GCC calls on Arm, and the generic names (aliases of the same code on
# Arm) in case some object calls those. Cores without a double-precision FPU
# (Cortex-M0+, M3, M4F) call one of these for every double operation:
# arithmetic, comparisons, and conversions to and from int, long long and
# float.
SOFT_DOUBLE_HELPERS = [
    "__aeabi_dadd",
    "__aeabi_dsub",
    "__aeabi_drsub",
    "__aeabi_dmul",
    "__aeabi_ddiv",
    "__aeabi_dneg",
    "__aeabi_dcmpeq",
    "__aeabi_dcmplt",
    "__aeabi_dcmple",
    "__aeabi_dcmpge",
    "__aeabi_dcmpgt",
    "__aeabi_dcmpun",
    "__aeabi_cdcmpeq",
    "__aeabi_cdcmple",
    "__aeabi_cdrcmple",
    "__aeabi_d2iz",
    "__aeabi_d2uiz",
    "__aeabi_d2lz",
    "__aeabi_d2ulz",
    "__aeabi_d2f",
    "__aeabi_i2d",
    "__aeabi_ui2d",
    "__aeabi_l2d",
    "__aeabi_ul2d",
    "__aeabi_f2d",
    "__adddf3",
    "__subdf3",
    "__muldf3",
    "__divdf3",
    "__negdf2",
    "__extendsfdf2",
    "__truncdfsf2",
    "__fixdfsi",
    "__fixunsdfsi",
    "__fixdfdi",
    "__fixunsdfdi",
    "__floatsidf",
    "__floatunsidf",
    "__floatdidf",
    "__floatundidf",
    "__eqdf2",
    "__nedf2",
    "__ltdf2",
    "__ledf2",
    "__gtdf2",
    "__gedf2",
    "__unorddf2",
    "__cmpdf2",
    "__powidf2",
    "__gnu_d2h_ieee",
]

# The C library's double-precision math functions a kernel could reach
# (std::exp(double), std::round(double), a float argument given to the C
# function exp, ...). On every core these are calls; newlib builds them
# from the software helpers above where the FPU has no doubles.
LIBM_DOUBLE_FUNCTIONS = [
    "exp",
    "exp2",
    "expm1",
    "log",
    "log2",
    "log10",
    "log1p",
    "pow",
    "sqrt",
    "cbrt",
    "hypot",
    "floor",
    "ceil",
    "round",
    "trunc",
    "rint",
    "nearbyint",
    "lround",
    "llround",
    "lrint",
    "llrint",
    "frexp",
    "ldexp",
    "scalbn",
    "modf",
    "fmod",
    "remainder",
    "fmin",
    "fmax",
    "fma",
    "sin",
    "cos",
    "tan",
    "asin",
    "acos",
    "atan",
    "atan2",
    "sinh",
    "cosh",
    "tanh",
    "asinh",
    "acosh",
    "atanh",
    "erf",
    "erfc",
]

def wrap_linkopts(symbols):
    """-Wl,--wrap for each symbol: calls to S go to __wrap_S (the thunk)."""
    return ["-Wl,--wrap=" + s for s in symbols]

def double_symbols_inc(name, out, **kwargs):
    """Writes `out`: SOFT_DOUBLE_SYMBOL_COUNT, and where the includer has
    defined both macros, one line per symbol: SOFT_DOUBLE_HELPER(index,
    name) or LIBM_DOUBLE_FUNCTION(index, name)."""
    lines = [
        "// Generated from soft_double.bzl by double_symbols_inc.",
        "#ifndef SOFT_DOUBLE_SYMBOL_COUNT",
        "#define SOFT_DOUBLE_SYMBOL_COUNT %d" % (len(SOFT_DOUBLE_HELPERS) + len(LIBM_DOUBLE_FUNCTIONS)),
        "#endif",
        "#if defined(SOFT_DOUBLE_HELPER) && defined(LIBM_DOUBLE_FUNCTION)",
    ]
    index = 0
    for s in SOFT_DOUBLE_HELPERS:
        lines.append("SOFT_DOUBLE_HELPER(%d, %s)" % (index, s))
        index += 1
    for s in LIBM_DOUBLE_FUNCTIONS:
        lines.append("LIBM_DOUBLE_FUNCTION(%d, %s)" % (index, s))
        index += 1
    lines.append("#endif")
    native.genrule(
        name = name,
        outs = [out],
        cmd = "printf '%s\\n' " + " ".join(["'%s'" % line for line in lines]) + " > $@",
        **kwargs
    )
