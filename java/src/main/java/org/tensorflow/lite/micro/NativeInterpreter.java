package org.tensorflow.lite.micro;

import java.nio.Buffer;

/**
 * The JNI functions (java/src/main/native/interpreter_jni.cc). Handles are pointers to a native
 * object that owns a HostedInterpreter (tensorflow/lite/micro/host/hosted_interpreter.h): the
 * model copy, the op resolver, the arena and the MicroInterpreter.
 *
 * <p>The native side checks every index, size and shape again before touching memory, so a wrong
 * call throws instead of corrupting memory; the Java side does the same checks first to give
 * messages in Java terms.
 */
final class NativeInterpreter {
  static {
    NativeLibrary.load();
  }

  private NativeInterpreter() {}

  static void ensureLoaded() {}

  /**
   * Creates an interpreter over a model that is either {@code direct} (used in place when 16-byte
   * aligned, else copied) or {@code bytes} (always copied). {@code arenaSize} 0: 10 times the
   * model size, grown to the minimum when that is not enough.
   */
  static native long create(Buffer direct, byte[] bytes, long offset, long length, long arenaSize,
      long maxArenaSize, String[] registerers, boolean litertArithmetic, boolean preserveInputs,
      boolean preserveAllTensors);

  static native void delete(long handle);

  static native int inputCount(long handle);

  static native int outputCount(long handle);

  static native String tensorName(long handle, boolean input, int index);

  static native int tensorIndex(long handle, boolean input, int index);

  static native int tensorType(long handle, boolean input, int index);

  static native int[] tensorShape(long handle, boolean input, int index);

  static native int[] tensorShapeSignature(long handle, boolean input, int index);

  static native float tensorScale(long handle, boolean input, int index);

  static native int tensorZeroPoint(long handle, boolean input, int index);

  static native long tensorBytes(long handle, boolean input, int index);

  static native void resizeInput(long handle, int index, int[] dims);

  static native void allocateTensors(long handle);

  static native void invoke(long handle);

  /** Stops a running invoke (any thread) and fails later ones until cleared. */
  static native void setCancelled(long handle, boolean cancelled);

  /** Copies a (multi-dimensional) primitive array into input {@code index}. */
  static native void setInputArray(long handle, int index, Object array);

  /**
   * Copies {@code length} bytes at byte {@code offset} of a direct buffer (a ByteBuffer or a typed
   * buffer) into input {@code index}.
   */
  static native void setInputDirect(long handle, int index, Buffer buffer, long offset,
      long length);

  static native void setInputBytes(long handle, int index, byte[] bytes, int offset, int length);

  /** Copies output {@code index} into a (multi-dimensional) primitive array. */
  static native void getOutputArray(long handle, int index, Object array);

  static native void getOutputDirect(long handle, int index, Buffer buffer, long offset,
      long length);

  static native void getOutputBytes(long handle, int index, byte[] bytes, int offset, int length);

  /** A copy of the data of input or output {@code index}. */
  static native byte[] copyTensorData(long handle, boolean input, int index);

  /** Variable tensors, resource variables and kernel state back to their initial values. */
  static native void resetVariableTensors(long handle);

  /**
   * The model's SignatureDefs, each as {@code Object[] {String key, int[] {subgraph}, String[]
   * inputNames, int[] inputPositions, String[] outputNames, int[] outputPositions}}.
   */
  static native Object[] signatures(long handle);

  /** Whether the model is read in place from the buffer it was given (not copied). */
  static native boolean modelInPlace(long handle);

  static native long arenaSize(long handle);

  static native long arenaUsedBytes(long handle);

  static native long arenaRequiredBytes(long handle);

  /** dlopen(path, RTLD_NOW | RTLD_GLOBAL), so that registerers in it can be found by name. */
  static native void loadGlobal(String path);
}
