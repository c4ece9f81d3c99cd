"""Custom ops for the Python runtime under Bazel.

    cc_library(
        name = "my_ops",             # kernels + an extern "C" registerer
        srcs = ["my_op.cc"],
        deps = ["//python/tflite_micro:custom_op_api"],
        alwayslink = True,           # nothing calls the registerer directly
    )
    py_custom_ops(
        name = "my_ops_py",
        deps = [":my_ops"],
    )
    py_test(
        name = "my_op_test",
        srcs = ["my_op_test.py"],
        deps = [":my_ops_py", "//python/tflite_micro:runtime"],
    )

The op library's code that the runtime also has (kernel helpers, MicroPrintf,
...) binds to the runtime's copy when the library is loaded, so messages and
state are shared. A target that depends on `my_ops_py` can create
`runtime.Interpreter(..., custom_op_registerers=["MyRegisterer"])`: the
runtime loads the op library from the target's runfiles and finds the
registerer by its C symbol name.
"""

load("@rules_python//python:defs.bzl", "py_library")

# Must match CUSTOM_OPS_LIBRARY_SUFFIX in runtime.py.
_LIBRARY_SUFFIX = ".tflm_ops.so"

def py_custom_ops(name, deps, visibility = None, testonly = False):
    """A py_library carrying `deps` (custom-op cc_libraries) as a shared
    library the Python runtime loads."""
    library = "lib" + name + _LIBRARY_SUFFIX
    native.cc_binary(
        name = library,
        linkshared = 1,
        deps = deps,
        testonly = testonly,
        # A host's shared library: not built for bare-metal cores.
        target_compatible_with = ["@platforms//os:linux"],
        visibility = visibility,
    )
    py_library(
        name = name,
        data = [":" + library],
        testonly = testonly,
        visibility = visibility,
    )
