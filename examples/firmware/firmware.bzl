"""model_firmware: a firmware example for one model of ../shared."""

load("@rules_cc//cc:defs.bzl", "cc_binary", "cc_library")
load("//tools/platforms:cortex_m_transition.bzl", "firmware_for")

# Cores whose firmware the host comparison test runs under QEMU.
COMPARED_CORES = ["cortex_m3", "cortex_m4", "cortex_m55"]

def model_firmware(name, model, arena_size, custom_ops_header = None, custom_op_lookup = None, deps = []):
    """`name`: a cc_binary (host or firmware, by the build's platform).

    Also `name`_<core> for each of COMPARED_CORES: the same binary built for
    that core, as <name>_<core>.elf.

    Args:
      name: the firmware's name.
      model: the model's file name in ../shared/models.
      arena_size: bytes of the static arena.
      custom_ops_header: header declaring `custom_op_lookup`.
      custom_op_lookup: C++ function: custom op name -> TfLiteRegistration*.
      deps: libraries with the custom ops.
    """
    generated = name + "_model"
    custom_flags = ""
    if custom_ops_header:
        custom_flags = "--custom-ops-header %s --custom-op-lookup %s" % (custom_ops_header, custom_op_lookup)
    native.genrule(
        name = generated + "_sources",
        srcs = ["@shared_data//:models"],
        outs = [generated + ".cc", generated + "_op_resolver.h"],
        cmd = """
model=""
for f in $(locations @shared_data//:models); do
  case "$$f" in */{model}) model="--model $$f" ;; esac
done
FIRMWARE_PACKAGE={package} $(location //examples/firmware:make_firmware_model) \
    $$model --name {model} --arena-size {arena} --out $(@D)/{generated} {custom}
""".format(
            model = model,
            package = native.package_name(),
            arena = arena_size,
            generated = generated,
            custom = custom_flags,
        ),
        tools = ["//examples/firmware:make_firmware_model"],
    )
    cc_binary(
        name = name,
        srcs = [
            generated + ".cc",
            generated + "_op_resolver.h",
        ],
        deps = [
            "//examples/firmware:firmware_main",
            "//tensorflow/lite/micro:op_resolvers",
            # Only the kernels the resolver registers are linked.
            "//tensorflow/lite/micro/kernels:micro_ops",
        ] + deps,
    )
    for core in COMPARED_CORES:
        firmware_for(
            name = name + "_" + core,
            binary = ":" + name,
            core = core,
        )
