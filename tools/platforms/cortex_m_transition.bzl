"""Builds a target for a Cortex-M core from a host build.

`firmware_for` lets a host test (e.g. one that compares a firmware's output
with the host build's) depend on the same cc_binary built for a core, as
`bazel build --config=cortex_mN` would build it.
"""

def _cortex_m_transition_impl(settings, attr):
    return {
        "//command_line_option:platforms": "//tools/platforms:%s_platform" % attr.core,
        "//command_line_option:platform_suffix": attr.core,
    }

_cortex_m_transition = transition(
    implementation = _cortex_m_transition_impl,
    inputs = [],
    outputs = [
        "//command_line_option:platforms",
        "//command_line_option:platform_suffix",
    ],
)

def _firmware_for_impl(ctx):
    binary = ctx.attr.binary[0][DefaultInfo].files_to_run.executable
    # A name of its own: the host build of the same cc_binary has the same
    # short path, and both may sit in one test's runfiles.
    elf = ctx.actions.declare_file(ctx.label.name + ".elf")
    ctx.actions.run_shell(
        inputs = [binary],
        outputs = [elf],
        command = "cp '%s' '%s'" % (binary.path, elf.path),
        mnemonic = "CopyFirmware",
    )
    return [DefaultInfo(files = depset([elf]), runfiles = ctx.runfiles(files = [elf]))]

firmware_for = rule(
    implementation = _firmware_for_impl,
    doc = "The ELF of `binary` built for the Cortex-M `core` (cortex_m4, ...), as <name>.elf.",
    attrs = {
        "binary": attr.label(cfg = _cortex_m_transition, mandatory = True),
        "core": attr.string(mandatory = True, values = [
            "cortex_m0plus",
            "cortex_m3",
            "cortex_m4",
            "cortex_m7",
            "cortex_m55",
        ]),
        "_whitelist_function_transition": attr.label(
            default = "@bazel_tools//tools/whitelists/function_transition_whitelist",
        ),
    },
)

def _cortex_m_files_impl(ctx):
    files = depset(transitive = [t[DefaultInfo].files for t in ctx.attr.srcs])
    return [DefaultInfo(files = files, runfiles = ctx.runfiles(transitive_files = files))]

cortex_m_files = rule(
    implementation = _cortex_m_files_impl,
    doc = "The output files of `srcs` (e.g. cc_library archives) built for the Cortex-M `core`.",
    attrs = {
        "srcs": attr.label_list(cfg = _cortex_m_transition, mandatory = True),
        "core": attr.string(mandatory = True),
        "_whitelist_function_transition": attr.label(
            default = "@bazel_tools//tools/whitelists/function_transition_whitelist",
        ),
    },
)
