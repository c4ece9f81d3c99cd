package org.tensorflow.lite.micro;

/**
 * Versions and initialization, as TFLite's {@code org.tensorflow.lite.TensorFlowLite}.
 * {@link #runtimeVersion()} is this library's version (the same as the Python package's,
 * python/tflite_micro/__init__.py), not a TensorFlow release.
 */
public final class TensorFlowLite {
  /** This library's version; also the Maven artifact's and the jar manifest's. */
  public static final String VERSION = "0.1.0";

  /** The .tflite schema version the interpreter reads (Model.version). */
  private static final String SCHEMA_VERSION = "3";

  private TensorFlowLite() {}

  /** The version of the native runtime (loads it). */
  public static String runtimeVersion() {
    init();
    return VERSION;
  }

  /**
   * The .tflite schema version, as {@link #schemaVersion()}.
   *
   * @deprecated as in TFLite: use {@link #runtimeVersion()} or {@link #schemaVersion()}.
   */
  @Deprecated
  public static String version() {
    return schemaVersion();
  }

  /** The .tflite schema version supported. */
  public static String schemaVersion() {
    return SCHEMA_VERSION;
  }

  /** Loads the native library now rather than at the first interpreter; throws if it cannot. */
  public static void init() {
    NativeInterpreter.ensureLoaded();
  }
}
