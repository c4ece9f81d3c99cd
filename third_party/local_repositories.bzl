"""Repository rules that expose what is installed on this machine to Bazel.

Nothing here downloads anything: each rule asks the local python3 where pip put
its headers, or points at Debian's /usr/include and /usr/bin.
"""

def _python_output(ctx, python, code):
    result = ctx.execute([python, "-c", code])
    if result.return_code != 0:
        fail("python3 could not run `%s`: %s" % (code, result.stderr))
    return result.stdout.strip()

def _find_python(ctx):
    python = ctx.os.environ.get("PYTHON_BIN_PATH") or ctx.which("python3")
    if not python:
        fail("python3 is not on PATH; run the set-up command in README.md")
    return str(python)

def _local_python_impl(ctx):
    python = _find_python(ctx)
    include = _python_output(ctx, python, "import sysconfig; print(sysconfig.get_path('include'))")
    numpy_include = _python_output(ctx, python, "import numpy; print(numpy.get_include())")
    ctx.symlink(include, "python_include")
    ctx.symlink(numpy_include, "numpy_include")
    ctx.file("WORKSPACE", "workspace(name = \"%s\")\n" % ctx.name)
    ctx.file("BUILD", """
package(default_visibility = ["//visibility:public"])

# Headers only: extension modules resolve Python's symbols from the running
# interpreter, so nothing links against libpython.
cc_library(
    name = "python_headers",
    hdrs = glob(["python_include/**/*.h"]),
    includes = ["python_include"],
)

cc_library(
    name = "numpy_headers",
    hdrs = glob(["numpy_include/**/*.h"]),
    includes = ["numpy_include"],
    deps = [":python_headers"],
)
""")

local_python_configure = repository_rule(
    implementation = _local_python_impl,
    environ = ["PYTHON_BIN_PATH", "PATH"],
    local = True,
)

def _local_pybind11_impl(ctx):
    python = _find_python(ctx)
    include = _python_output(ctx, python, "import pybind11; print(pybind11.get_include())")
    ctx.symlink(include, "include")
    ctx.file("WORKSPACE", "workspace(name = \"%s\")\n" % ctx.name)
    ctx.file("BUILD", """
package(default_visibility = ["//visibility:public"])

cc_library(
    name = "pybind11",
    hdrs = glob(["include/pybind11/**/*.h"]),
    includes = ["include"],
    deps = ["@local_config_python//:python_headers"],
)
""")

local_pybind11_configure = repository_rule(
    implementation = _local_pybind11_impl,
    environ = ["PYTHON_BIN_PATH", "PATH"],
    local = True,
)

def _local_flatbuffers_impl(ctx):
    flatc = ctx.which("flatc")
    if not flatc:
        fail("flatc is not on PATH; run the set-up command in README.md (Debian package flatbuffers-compiler)")
    header = ctx.path("/usr/include/flatbuffers/flatbuffers.h")
    if not header.exists:
        fail("/usr/include/flatbuffers is missing; run the set-up command in README.md (libflatbuffers-dev)")
    ctx.symlink("/usr/include/flatbuffers", "include/flatbuffers")
    ctx.symlink(flatc, "flatc_bin")
    ctx.file("WORKSPACE", "workspace(name = \"%s\")\n" % ctx.name)
    ctx.file("BUILD", """
package(default_visibility = ["//visibility:public"])

# Header-only use of the flatbuffers runtime (reading models needs no library).
# Locale-independent number parsing (only flexbuffers' string-to-number
# conversions use it) would need libflatbuffers; it is switched off instead.
cc_library(
    name = "flatbuffers",
    hdrs = glob(["include/flatbuffers/**/*.h"]),
    includes = ["include"],
    defines = ["FLATBUFFERS_LOCALE_INDEPENDENT=0"],
)

alias(
    name = "runtime_cc",
    actual = ":flatbuffers",
)

sh_binary(
    name = "flatc",
    srcs = ["flatc_bin"],
)
""")

local_flatbuffers_configure = repository_rule(
    implementation = _local_flatbuffers_impl,
    environ = ["PATH"],
    local = True,
)

def _local_googletest_impl(ctx):
    lib_dir = None
    for candidate in ["/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib"]:
        if ctx.path(candidate + "/libgtest.a").exists:
            lib_dir = candidate
            break
    if lib_dir == None or not ctx.path("/usr/include/gtest/gtest.h").exists:
        fail("GoogleTest is missing; run the set-up command in README.md (Debian package libgtest-dev)")
    ctx.symlink("/usr/include/gtest", "include/gtest")
    ctx.symlink(lib_dir + "/libgtest.a", "lib/libgtest.a")
    ctx.symlink(lib_dir + "/libgtest_main.a", "lib/libgtest_main.a")
    ctx.file("WORKSPACE", "workspace(name = \"%s\")\n" % ctx.name)
    ctx.file("BUILD", """
package(default_visibility = ["//visibility:public"])

# Bare-metal platforms (os:none) have no Debian libgtest: there the same
# labels give the project's firmware flavour of GoogleTest.
alias(
    name = "gtest",
    actual = select({
        "@//tools/platforms:bare_metal": "@//tensorflow/lite/micro/testing/firmware_gtest:gtest",
        "//conditions:default": ":host_gtest",
    }),
)

alias(
    name = "gtest_main",
    actual = select({
        "@//tools/platforms:bare_metal": "@//tensorflow/lite/micro/testing/firmware_gtest:gtest_main",
        "//conditions:default": ":host_gtest_main",
    }),
)

cc_library(
    name = "host_gtest",
    srcs = ["lib/libgtest.a"],
    hdrs = glob(["include/gtest/**/*.h"]),
    includes = ["include"],
    linkopts = ["-pthread"],
)

cc_library(
    name = "host_gtest_main",
    srcs = ["lib/libgtest_main.a"],
    deps = [":host_gtest"],
)
""")

local_googletest_configure = repository_rule(
    implementation = _local_googletest_impl,
    local = True,
)

def _local_shared_data_impl(ctx):
    # ../shared beside the checkout holds real models and conformance data.
    # It is absent on a user's fresh clone: the repository is then empty and
    # the tests that need it skip with a message.
    root = ctx.path(Label("//:WORKSPACE")).dirname
    override = ctx.os.environ.get("TFLM_SHARED_DIR")
    shared = ctx.path(override) if override else root.dirname.get_child("shared")
    present = shared.exists and shared.get_child("models").exists
    if present:
        ctx.symlink(shared.get_child("models"), "models")
        if shared.get_child("conformance").exists:
            ctx.symlink(shared.get_child("conformance"), "conformance")
    ctx.file("WORKSPACE", "workspace(name = \"%s\")\n" % ctx.name)
    ctx.file("PRESENT" if present else "ABSENT", str(shared) + "\n")
    ctx.file("BUILD", """
package(default_visibility = ["//visibility:public"])

filegroup(
    name = "marker",
    srcs = glob(["PRESENT", "ABSENT"]),
)

filegroup(
    name = "models",
    srcs = glob(["models/*.tflite"]) + [":marker", ":models_manifest"],
)

# The model names, for firmware tests (no directory listing on bare metal).
genrule(
    name = "models_manifest",
    srcs = glob(["models/*.tflite"]),
    outs = ["models.manifest"],
    cmd = "for f in $(SRCS); do basename $$f; done | sort > $@",
)

filegroup(
    name = "conformance",
    srcs = glob(["conformance/**"]) + [":marker"],
)
""")

local_shared_data_configure = repository_rule(
    implementation = _local_shared_data_impl,
    environ = ["TFLM_SHARED_DIR"],
    local = True,
)
