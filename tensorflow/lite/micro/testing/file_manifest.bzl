"""file_manifest: lists files for firmware tests, which cannot list directories."""

def file_manifest(name, srcs, out, **kwargs):
    """Writes `out` with the base name of every .tflite file of `srcs`, a line each.

    testing/model_files.cc reads "<directory>.manifest" where the platform has
    no directory listing (bare-metal newlib), so `out` is named after the
    directory it describes (e.g. "seeds.manifest" beside "seeds/").
    """
    native.genrule(
        name = name,
        srcs = srcs,
        outs = [out],
        cmd = "for f in $(SRCS); do case $$f in *.tflite) basename $$f;; esac; done | sort > $@",
        **kwargs
    )

def model_directory(name):
    """A filegroup `name` of the .tflite files in directory `name`/ and their
    manifest "`name`.manifest" (target `name`_manifest)."""
    models = native.glob([name + "/*.tflite"])
    file_manifest(
        name = name + "_manifest",
        srcs = models,
        out = name + ".manifest",
    )
    native.filegroup(
        name = name,
        srcs = models + [":" + name + "_manifest"],
    )
