"""A C++ toolchain for Debian's arm-none-eabi GCC (bare-metal Cortex-M).

The compiler is the installed /usr/bin/arm-none-eabi-gcc (package
gcc-arm-none-eabi, newlib and libstdc++ from libnewlib-arm-none-eabi and
libstdc++-arm-none-eabi-newlib); nothing is downloaded. One toolchain per
core: the core fixes -mcpu, the FPU and the float ABI, and the QEMU machine
whose linker script the firmware is linked with.
"""

load("@bazel_tools//tools/build_defs/cc:action_names.bzl", "ACTION_NAMES")
load(
    "@bazel_tools//tools/cpp:cc_toolchain_config_lib.bzl",
    "feature",
    "flag_group",
    "flag_set",
    "tool_path",
    "with_feature_set",
)

_GCC_VERSION = "12.2.1"

_COMPILE_ACTIONS = [
    ACTION_NAMES.assemble,
    ACTION_NAMES.preprocess_assemble,
    ACTION_NAMES.c_compile,
    ACTION_NAMES.cpp_compile,
    ACTION_NAMES.cpp_header_parsing,
    ACTION_NAMES.cpp_module_compile,
]

_CPP_ACTIONS = [
    ACTION_NAMES.cpp_compile,
    ACTION_NAMES.cpp_header_parsing,
    ACTION_NAMES.cpp_module_compile,
]

_LINK_ACTIONS = [
    ACTION_NAMES.cpp_link_executable,
    ACTION_NAMES.cpp_link_dynamic_library,
    ACTION_NAMES.cpp_link_nodeps_dynamic_library,
]

def _flags(actions, flags, features = None):
    return flag_set(
        actions = actions,
        flag_groups = [flag_group(flags = flags)],
        with_features = [with_feature_set(features = features)] if features else [],
    )

def _user_flags_feature(variable, actions):
    """The --copt/--linkopt (and copts/linkopts) values, one flag each."""
    return feature(
        name = variable,
        enabled = True,
        flag_sets = [flag_set(
            actions = actions,
            flag_groups = [flag_group(
                flags = ["%{" + variable + "}"],
                iterate_over = variable,
                expand_if_available = variable,
            )],
        )],
    )

def _impl(ctx):
    prefix = "/usr/bin/arm-none-eabi-"
    tools = ["ar", "cpp", "gcc", "gcov", "ld", "nm", "objcopy", "objdump", "strip"]
    tool_paths = [tool_path(name = t, path = prefix + t) for t in tools]

    # Newlib and libstdc++ for this core come from GCC's multilib directories,
    # which -mcpu/-mfloat-abi select; Bazel only needs to know where system
    # headers live to accept their inclusion.
    builtin_includes = [
        "/usr/lib/gcc/arm-none-eabi/%s/include" % _GCC_VERSION,
        "/usr/lib/gcc/arm-none-eabi/%s/include-fixed" % _GCC_VERSION,
        "/usr/lib/arm-none-eabi/include",
        "/usr/include/newlib",
    ]

    cpu = ctx.attr.cpu_flags
    features = [
        feature(name = "opt"),
        feature(name = "dbg"),
        feature(name = "fastbuild"),
        feature(name = "supports_pic", enabled = False),
        feature(
            name = "default_compile_flags",
            enabled = True,
            flag_sets = [
                _flags(_COMPILE_ACTIONS, cpu + [
                    "-ffunction-sections",
                    "-fdata-sections",
                    # No fused multiply-adds (the FPUs from M4F on have
                    # them): float results stay the same bits as on x86.
                    "-ffp-contract=off",
                    # Reproducible objects: no absolute paths or dates.
                    "-no-canonical-prefixes",
                    "-fno-canonical-system-headers",
                    "-Wno-builtin-macro-redefined",
                    "-D__DATE__=\"redacted\"",
                    "-D__TIME__=\"redacted\"",
                    "-D__TIMESTAMP__=\"redacted\"",
                ]),
                # Firmware C++ has neither exceptions nor RTTI, as TFLM's;
                # function-local statics need no thread-safe guards (one
                # thread; the guards would link libstdc++'s exception code).
                _flags(_CPP_ACTIONS, [
                    "-fno-exceptions",
                    "-fno-rtti",
                    "-fno-threadsafe-statics",
                ]),
                # -c opt: small code, as embedded release builds are.
                _flags(_COMPILE_ACTIONS, ["-Os", "-DNDEBUG"], ["opt"]),
                _flags(_COMPILE_ACTIONS, ["-Og", "-g3"], ["dbg"]),
                _flags(_COMPILE_ACTIONS, ["-Os", "-g"], ["fastbuild"]),
            ],
        ),
        _user_flags_feature("user_compile_flags", _COMPILE_ACTIONS),
        feature(
            name = "default_link_flags",
            enabled = True,
            flag_sets = [
                _flags(_LINK_ACTIONS, cpu + [
                    "-Wl,--gc-sections",
                    # The board's startup (cortex_m_qemu:board) replaces
                    # crt0. Full newlib rather than nano: tests print floats
                    # and 64-bit integers; the interpreter itself formats
                    # with its own MicroVsnprintf and links no printf.
                    "-nostartfiles",
                    # The machine's script INCLUDEs the shared section layout
                    # from its own directory.
                    "-L",
                    ctx.file.linker_script.dirname,
                    "-T",
                    ctx.file.linker_script.path,
                ]),
            ],
        ),
        _user_flags_feature("user_link_flags", _LINK_ACTIONS),
        # The C++ library and the C library last, after every object.
        feature(
            name = "system_libraries",
            enabled = True,
            flag_sets = [_flags(_LINK_ACTIONS, ["-Wl,--start-group", "-lstdc++", "-lm", "-lc", "-Wl,--end-group"])],
        ),
    ]

    return cc_common.create_cc_toolchain_config_info(
        ctx = ctx,
        features = features,
        cxx_builtin_include_directories = builtin_includes,
        toolchain_identifier = "arm-none-eabi-" + ctx.attr.core,
        host_system_name = "x86_64-linux-gnu",
        target_system_name = "arm-none-eabi",
        target_cpu = ctx.attr.core,
        target_libc = "newlib",
        compiler = "gcc",
        abi_version = "eabi",
        abi_libc_version = "newlib",
        tool_paths = tool_paths,
    )

arm_none_eabi_toolchain_config = rule(
    implementation = _impl,
    attrs = {
        "core": attr.string(mandatory = True),
        "cpu_flags": attr.string_list(mandatory = True),
        "linker_script": attr.label(mandatory = True, allow_single_file = True),
    },
    provides = [CcToolchainConfigInfo],
)
