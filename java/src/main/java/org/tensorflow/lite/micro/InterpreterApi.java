package org.tensorflow.lite.micro;

import java.io.File;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * The interpreter interface of TFLite's Java API ({@code org.tensorflow.lite.InterpreterApi}),
 * for code written against it: {@link #create} returns an {@link Interpreter}.
 *
 * <pre>{@code
 * try (InterpreterApi interpreter =
 *     InterpreterApi.create(new File("model.tflite"), new InterpreterApi.Options())) {
 *   interpreter.run(input, output);
 * }
 * }</pre>
 */
public interface InterpreterApi extends AutoCloseable {

  /**
   * The settings TFLite's {@code InterpreterApi.Options} has. The micro interpreter runs every
   * model on one thread with its reference kernels and no delegates, so these are accepted and
   * remembered but change nothing: {@link #setNumThreads}, {@link #setUseNNAPI}, {@link
   * #setUseXNNPACK}. {@link #setCancellable} enables {@link Interpreter#setCancelled}.
   * {@link Interpreter.Options} adds the micro interpreter's own settings.
   */
  class Options {
    private int numThreads = -1;
    private boolean useNNAPI;
    private boolean useXNNPACK = true;
    private boolean cancellable;

    public Options() {}

    /** A copy of {@code other}'s settings. */
    public Options(Options other) {
      numThreads = other.numThreads;
      useNNAPI = other.useNNAPI;
      useXNNPACK = other.useXNNPACK;
      cancellable = other.cancellable;
    }

    /**
     * Accepted for compatibility; no effect: the micro interpreter runs on the calling thread
     * only. -1 (the default) or a positive count; anything else is an IllegalArgumentException,
     * as in TFLite.
     */
    public Options setNumThreads(int numThreads) {
      if (numThreads < -1 || numThreads == 0) {
        throw new IllegalArgumentException(
            "numThreads must be -1 (default) or positive, got " + numThreads);
      }
      this.numThreads = numThreads;
      return this;
    }

    public int getNumThreads() {
      return numThreads;
    }

    /** Accepted for compatibility; no effect: there is no NNAPI delegate (not Android). */
    public Options setUseNNAPI(boolean useNNAPI) {
      this.useNNAPI = useNNAPI;
      return this;
    }

    public boolean getUseNNAPI() {
      return useNNAPI;
    }

    /** Accepted for compatibility; no effect: there is no XNNPACK delegate. */
    public Options setUseXNNPACK(boolean useXNNPACK) {
      this.useXNNPACK = useXNNPACK;
      return this;
    }

    public boolean getUseXNNPACK() {
      return useXNNPACK;
    }

    /**
     * Allows {@link Interpreter#setCancelled}. Cancellation is checked before the run and before
     * every operator and loop iteration: a cancelled run stops there, throws and copies no
     * outputs.
     */
    public Options setCancellable(boolean cancellable) {
      this.cancellable = cancellable;
      return this;
    }

    public boolean isCancellable() {
      return cancellable;
    }
  }

  /** Creates an {@link Interpreter} over a .tflite file; {@code options} may be null. */
  static InterpreterApi create(File modelFile, Options options) {
    return new Interpreter(modelFile, Interpreter.Options.from(options));
  }

  /**
   * Creates an {@link Interpreter} over a model in a buffer (the whole buffer; see {@link
   * Interpreter#Interpreter(ByteBuffer, Interpreter.Options)}); {@code options} may be null.
   */
  static InterpreterApi create(ByteBuffer byteBuffer, Options options) {
    return new Interpreter(byteBuffer, Interpreter.Options.from(options));
  }

  void run(Object input, Object output);

  void runForMultipleInputsOutputs(Object[] inputs, Map<Integer, Object> outputs);

  void allocateTensors();

  void resizeInput(int inputIndex, int[] dims);

  void resizeInput(int inputIndex, int[] dims, boolean strict);

  int getInputTensorCount();

  int getInputIndex(String opName);

  Tensor getInputTensor(int inputIndex);

  int getOutputTensorCount();

  int getOutputIndex(String opName);

  Tensor getOutputTensor(int outputIndex);

  /** Nanoseconds the last successful run spent in the kernels; null before one. */
  Long getLastNativeInferenceDurationNanoseconds();

  @Override
  void close();
}
