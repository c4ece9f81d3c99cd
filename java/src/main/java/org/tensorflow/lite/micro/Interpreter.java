package org.tensorflow.lite.micro;

import java.io.File;
import java.io.IOException;
import java.lang.ref.Cleaner;
import java.lang.reflect.Array;
import java.nio.Buffer;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.ReadOnlyBufferException;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a .tflite model with the tflite_micro interpreter: one native arena per interpreter, no
 * other native allocation while running.
 *
 * <pre>{@code
 * try (Interpreter interpreter = new Interpreter(new File("model.tflite"))) {
 *   float[][] input = {{0.5f}};
 *   float[][] output = new float[1][1];
 *   interpreter.run(input, output);
 * }
 * }</pre>
 *
 * <h2>Inputs and outputs</h2>
 *
 * An input or output is a primitive array of any rank, a buffer, or (inputs only) a boxed scalar:
 *
 * <ul>
 *   <li>arrays: {@code float} for FLOAT32, {@code int} for INT32, {@code long} for INT64, {@code
 *       byte} for INT8 and UINT8, {@code short} for INT16, {@code double} for FLOAT64, {@code
 *       boolean} for BOOL. Arrays must be rectangular. An input array whose shape differs from the
 *       input tensor's resizes that input before the run (dimensions that the model's shape
 *       signature fixes must match); output arrays must have the output's shape after the run's
 *       shapes are known (see {@link #getOutputTensor}).
 *   <li>a {@code ByteBuffer} (the tensor's raw bytes in native byte order; any tensor type) or a
 *       typed buffer of the tensor's type ({@code FloatBuffer}, {@code IntBuffer}, {@code
 *       LongBuffer}, {@code ShortBuffer}), positioned as in TFLite's Java API: a direct input
 *       buffer whose capacity is the tensor's size is read whole and keeps its position (a typed
 *       one must be in native order); any other input buffer is read from its position, must
 *       have exactly the tensor's size remaining, and its position advances past what was read.
 *       An output buffer is written at its position, which advances past what was written (rewind
 *       it before reading). Buffers never resize an input.
 *   <li>boxed scalars ({@code Float}, {@code Integer}, {@code Long}, {@code Short}, {@code Byte},
 *       {@code Double}, {@code Boolean}) feed an input tensor of exactly one element.
 * </ul>
 *
 * A null output, or an output left out of the map, is computed but not copied.
 *
 * <h2>Errors</h2>
 *
 * As TFLite's Java API throws for the same mistakes:
 *
 * <ul>
 *   <li>{@link IllegalArgumentException}: a model that cannot be read or used (bad bytes, missing
 *       file, unknown operator, arena too small — with the interpreter's message); any bad
 *       argument (a null or unsupported input, a wrong element type, shape or size, an unknown
 *       tensor or signature name, an index out of range); a shape {@link #resizeInput} rejects; a
 *       run that fails in the kernels or is cancelled.
 *   <li>{@link IllegalStateException}: failures while planning tensors (a kernel rejecting its
 *       inputs' shapes, the arena too small for resized inputs), with the core's message; any use
 *       after {@link #close()}; use from a second thread while another thread is inside a call;
 *       {@link #setCancelled} without {@link Options#setCancellable}.
 *   <li>{@link java.nio.BufferOverflowException}: an output buffer large enough but positioned
 *       too far; {@link java.nio.ReadOnlyBufferException}: a read-only output buffer.
 * </ul>
 *
 * <h2>Threads and memory</h2>
 *
 * An interpreter must not be used from two threads at once: a call made while another thread is
 * inside one throws {@link IllegalStateException} rather than racing. Separate interpreters may run
 * in separate threads. {@link #close()} frees the native memory (the arena, the model copy); an
 * interpreter that is never closed is freed when it becomes unreachable, but close it explicitly.
 */
public final class Interpreter implements InterpreterApi {

  /**
   * Settings for creating an {@link Interpreter}: TFLite's (see {@link InterpreterApi.Options},
   * most have no effect here) and the micro interpreter's own (arena, arithmetic, preserve
   * options, custom-op registerers).
   */
  public static final class Options extends InterpreterApi.Options {
    /** How integer kernels round where TFLM's and LiteRT's reference kernels differ. */
    public enum Arithmetic {
      /** TFLM's reference kernels, bit for bit (what a TFLM build on a device computes). */
      TFLM,
      /**
       * LiteRT's published kernels: a few (e.g. int8 FULLY_CONNECTED) round once where TFLM
       * rounds twice, so rare ties differ by one.
       */
      LITERT,
    }

    private long arenaSize;
    private long maxArenaSize = DEFAULT_MAX_ARENA_SIZE;
    private final List<String> registerers = new ArrayList<>();
    private Arithmetic arithmetic = Arithmetic.TFLM;
    private boolean preserveInputs = true;
    private boolean preserveAllTensors = false;

    public Options() {}

    /** A copy of {@code other}'s settings (and, for an {@code Interpreter.Options}, its own). */
    public Options(InterpreterApi.Options other) {
      super(other);
      if (other instanceof Options) {
        Options micro = (Options) other;
        arenaSize = micro.arenaSize;
        maxArenaSize = micro.maxArenaSize;
        registerers.addAll(micro.registerers);
        arithmetic = micro.arithmetic;
        preserveInputs = micro.preserveInputs;
        preserveAllTensors = micro.preserveAllTensors;
      }
    }

    static Options from(InterpreterApi.Options options) {
      if (options == null) {
        return new Options();
      }
      return options instanceof Options ? (Options) options : new Options(options);
    }

    @Override
    public Options setNumThreads(int numThreads) {
      super.setNumThreads(numThreads);
      return this;
    }

    @Override
    public Options setUseNNAPI(boolean useNNAPI) {
      super.setUseNNAPI(useNNAPI);
      return this;
    }

    @Override
    public Options setUseXNNPACK(boolean useXNNPACK) {
      super.setUseXNNPACK(useXNNPACK);
      return this;
    }

    @Override
    public Options setCancellable(boolean cancellable) {
      super.setCancellable(cancellable);
      return this;
    }

    /** Accepted for compatibility; no effect: float kernels always compute in float32. */
    public Options setAllowFp16PrecisionForFp32(boolean allow) {
      return this;
    }

    /** Accepted for compatibility; no effect: there are no delegates and no buffer handles. */
    public Options setAllowBufferHandleOutput(boolean allow) {
      return this;
    }

    /**
     * Size in bytes of the arena holding all tensors and kernel state. Default: 10 times the model
     * size, grown to the exact size needed when that is not enough (also when resized inputs need
     * more). A size set here is a budget, never grown: when it is too small, the message gives the
     * size needed.
     */
    public Options setArenaSize(long bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("The arena size must be positive, got " + bytes);
      }
      arenaSize = bytes;
      return this;
    }

    /** The arena size set, or 0 for the default. */
    public long getArenaSize() {
      return arenaSize;
    }

    /** The default of {@link #setMaxArenaSize}: 256 MiB. */
    public static final long DEFAULT_MAX_ARENA_SIZE = 256L << 20;

    /**
     * The largest arena the default sizing grows to (default {@link #DEFAULT_MAX_ARENA_SIZE}):
     * creating an interpreter (or resizing its inputs) for a model that needs more throws
     * IllegalArgumentException giving the size needed, which {@link #setArenaSize} (not bound by
     * this) or a larger maximum allows. It keeps a small untrusted model from taking gigabytes.
     */
    public Options setMaxArenaSize(long bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("The maximum arena size must be positive, got " + bytes);
      }
      maxArenaSize = bytes;
      return this;
    }

    public long getMaxArenaSize() {
      return maxArenaSize;
    }

    /**
     * Adds a custom-op registerer: the name of a C function {@code extern "C" bool
     * Name(tflite::PythonOpsResolver*)} in the JNI library or in a library loaded with {@link
     * Interpreter#loadCustomOpLibrary}. It runs when the interpreter is created (the same lookup
     * as the Python runtime's {@code custom_op_registerers}).
     */
    public Options addCustomOpRegisterer(String name) {
      if (name == null || name.isEmpty()) {
        throw new IllegalArgumentException(
            "A custom op registerer must be a non-empty C function name, got "
                + (name == null ? "null" : "\"\""));
      }
      registerers.add(name);
      return this;
    }

    public List<String> getCustomOpRegisterers() {
      return Collections.unmodifiableList(new ArrayList<>(registerers));
    }

    /** The arithmetic of the integer kernels; default {@link Arithmetic#TFLM}. */
    public Options setArithmetic(Arithmetic arithmetic) {
      if (arithmetic == null) {
        throw new IllegalArgumentException(
            "The arithmetic is null; expected one of " + Arrays.toString(Arithmetic.values()));
      }
      this.arithmetic = arithmetic;
      return this;
    }

    public Arithmetic getArithmetic() {
      return arithmetic;
    }

    /**
     * Whether inputs keep their values across runs (default true). With false the arena planner
     * reuses an input's memory after its last reader, as TFLM does: a smaller arena, and every
     * input must be set before every run (which {@link #run} and {@link
     * #runForMultipleInputsOutputs} do).
     */
    public Options setPreserveInputs(boolean preserveInputs) {
      this.preserveInputs = preserveInputs;
      return this;
    }

    public boolean getPreserveInputs() {
      return preserveInputs;
    }

    /**
     * Whether every tensor, intermediate ones included, keeps its own memory and value after a run
     * (default false: the planner shares memory between tensors whose lifetimes do not overlap).
     * A larger arena; {@link Interpreter#minimumArenaSize()} tells how much.
     */
    public Options setPreserveAllTensors(boolean preserveAllTensors) {
      this.preserveAllTensors = preserveAllTensors;
      return this;
    }

    public boolean getPreserveAllTensors() {
      return preserveAllTensors;
    }
  }

  /** Native resources, freed once by close() or, as a fallback, by the cleaner. */
  private static final class NativeState implements Runnable {
    long handle;
    // A direct model buffer read in place must outlive the native interpreter.
    ByteBuffer model;

    @Override
    public void run() {
      if (handle != 0) {
        NativeInterpreter.delete(handle);
        handle = 0;
      }
      model = null;
    }
  }

  private static final Cleaner CLEANER = Cleaner.create();

  private final NativeState state = new NativeState();
  private final Cleaner.Cleanable cleanable;
  private final AtomicBoolean busy = new AtomicBoolean();
  private final int inputCount;
  private final int outputCount;
  private final Tensor[] inputTensors;
  private final Tensor[] outputTensors;
  private final boolean cancellable;
  // Set from any thread (setCancelled is meant to be called while a run is going on).
  private volatile boolean cancelled;
  private volatile long lastInferenceNanos = -1;
  // The model's SignatureDefs, read at the first use.
  private List<Signature> signatures;

  /** Loads a .tflite file (its bytes are copied into native memory). */
  public Interpreter(File modelFile) {
    this(modelFile, null);
  }

  public Interpreter(File modelFile, Options options) {
    this(readFile(modelFile), options);
  }

  /**
   * Uses a model held in a ByteBuffer: the whole buffer, from 0 to its capacity, whatever its
   * position and limit (as TFLite reads a direct model buffer; a buffer just filled with {@code
   * put()} need not be rewound). A direct buffer (such as a {@link java.nio.MappedByteBuffer}) is
   * read in place, not copied, so it must stay unchanged while the interpreter lives (the
   * interpreter keeps a reference to it); if its address is not 16-byte aligned it is copied once
   * instead. A heap buffer (which TFLite rejects) is copied.
   */
  public Interpreter(ByteBuffer model) {
    this(model, null);
  }

  public Interpreter(ByteBuffer model, Options options) {
    if (model == null) {
      throw new IllegalArgumentException("The model ByteBuffer is null");
    }
    if (options == null) {
      options = new Options();
    }
    NativeInterpreter.ensureLoaded();
    int length = model.capacity();
    long arenaSize = options.arenaSize; // 0: the default, grown when too small
    long maxArenaSize = options.maxArenaSize;
    String[] registerers = options.registerers.toArray(new String[0]);
    boolean litert = options.arithmetic == Options.Arithmetic.LITERT;
    boolean preserveInputs = options.preserveInputs;
    boolean preserveAll = options.preserveAllTensors;
    long handle;
    if (model.isDirect()) {
      handle = NativeInterpreter.create(model, null, 0, length, arenaSize, maxArenaSize,
          registerers, litert, preserveInputs, preserveAll);
      state.model = model;
    } else if (model.hasArray()) {
      handle = NativeInterpreter.create(null, model.array(), model.arrayOffset(), length,
          arenaSize, maxArenaSize, registerers, litert, preserveInputs, preserveAll);
    } else {
      byte[] copy = new byte[length];
      ByteBuffer whole = model.duplicate();
      whole.clear();
      whole.get(copy);
      handle = NativeInterpreter.create(null, copy, 0, length, arenaSize, maxArenaSize,
          registerers, litert, preserveInputs, preserveAll);
    }
    state.handle = handle;
    cancellable = options.isCancellable();
    cleanable = CLEANER.register(this, state);
    inputCount = NativeInterpreter.inputCount(handle);
    outputCount = NativeInterpreter.outputCount(handle);
    inputTensors = new Tensor[inputCount];
    outputTensors = new Tensor[outputCount];
    for (int i = 0; i < inputCount; i++) {
      inputTensors[i] = new Tensor(this, true, i);
    }
    for (int i = 0; i < outputCount; i++) {
      outputTensors[i] = new Tensor(this, false, i);
    }
  }

  private static ByteBuffer readFile(File file) {
    if (file == null) {
      throw new IllegalArgumentException("The model file is null");
    }
    try {
      return ByteBuffer.wrap(Files.readAllBytes(file.toPath()));
    } catch (IOException | SecurityException e) {
      throw new IllegalArgumentException("Cannot read model file " + file + ": " + e, e);
    }
  }

  /**
   * Makes the C functions of a shared library visible to custom-op registerer lookup
   * (dlopen with RTLD_GLOBAL). The library stays loaded for the life of the process.
   */
  public static void loadCustomOpLibrary(String path) {
    NativeInterpreter.ensureLoaded();
    NativeInterpreter.loadGlobal(path);
  }

  // ---------------------------------------------------------------------------------------------
  // Running

  /** Runs a model with one input; fills output 0 (a null output: nothing is copied). */
  @Override
  public void run(Object input, Object output) {
    Map<Integer, Object> outputs = new TreeMap<>();
    outputs.put(0, output);
    runForMultipleInputsOutputs(new Object[] {input}, outputs);
  }

  /**
   * Runs the model. {@code inputs[i]} feeds input i (there must be one per input); each entry of
   * {@code outputs} maps an output index to the array or buffer that receives it. Outputs not in
   * the map, and entries whose value is null, are computed but not copied; the map may be empty
   * (read the outputs afterwards through {@link #getOutputTensor}).
   */
  @Override
  public void runForMultipleInputsOutputs(Object[] inputs, Map<Integer, Object> outputs) {
    enter();
    try {
      lastInferenceNanos = -1;
      long handle = state.handle;
      checkInputs(inputs);
      if (outputs == null) {
        throw new IllegalArgumentException(
            "outputs is null; give a map of output index -> array or buffer (it may be empty)");
      }
      // Iterated as a raw map: an unchecked caller's map may hold keys of other classes.
      for (Map.Entry<?, ?> entry : outputs.entrySet()) {
        Object key = entry.getKey();
        if (key == null) {
          throw new IllegalArgumentException("outputs has a null index");
        }
        if (!(key instanceof Integer)) {
          throw new IllegalArgumentException("outputs has a key of class "
              + key.getClass().getName() + " (" + key + "); its keys are output indices "
              + "(Integer)");
        }
        int index = (Integer) key;
        checkIndex(index, false);
        if (entry.getValue() != null) {
          checkOutputObject(index, entry.getValue());
        }
      }
      long duration = invokeWith(handle, inputs);
      for (Map.Entry<Integer, Object> entry : outputs.entrySet()) {
        if (entry.getValue() != null) {
          getOutput(handle, entry.getKey(), entry.getValue());
        }
      }
      lastInferenceNanos = duration; // only for a run that succeeded entirely
    } finally {
      exit();
    }
  }

  /**
   * Resizes inputs given as arrays of another shape, sets every input and runs the kernels;
   * returns the nanoseconds the kernels took.
   */
  private long invokeWith(long handle, Object[] inputs) {
    boolean resized = false;
    for (int i = 0; i < inputs.length; i++) {
      if (!inputs[i].getClass().isArray()) {
        continue; // buffers and boxed scalars never resize
      }
      int[] given = arrayShape(inputs[i]);
      int[] current = NativeInterpreter.tensorShape(handle, true, i);
      if (current.length == 0 && Arrays.equals(given, new int[] {1})) {
        continue; // a scalar input fed from a 1-element array
      }
      if (!Arrays.equals(given, current)) {
        NativeInterpreter.resizeInput(handle, i, given);
        resized = true;
      }
    }
    if (resized) {
      NativeInterpreter.allocateTensors(handle);
    }
    for (int i = 0; i < inputs.length; i++) {
      setInput(handle, i, inputs[i]);
    }
    throwIfCancelled();
    long start = System.nanoTime();
    NativeInterpreter.invoke(handle);
    long duration = System.nanoTime() - start;
    throwIfCancelled();
    return duration;
  }

  private void throwIfCancelled() {
    if (cancelled) {
      throw new IllegalArgumentException(
          "The run was cancelled (Interpreter.setCancelled(true)); its outputs are not copied. "
              + "setCancelled(false) to run again");
    }
  }

  /**
   * Gives input {@code index} a new shape. Dimensions that the model's shape signature fixes
   * must keep their value and the rank cannot change (the micro interpreter plans its arena from
   * the model's shapes): TFLite's non-strict resize allows more. Tensors are re-planned by the
   * next {@link #allocateTensors()} or run.
   */
  @Override
  public void resizeInput(int index, int[] dims) {
    resizeInput(index, dims, false);
  }

  /**
   * As {@link #resizeInput(int, int[])}; {@code strict} (only dimensions the shape signature
   * marks -1 may change) is what the micro interpreter always does, so both are the same here.
   */
  @Override
  public void resizeInput(int index, int[] dims, boolean strict) {
    enter();
    try {
      checkIndex(index, true);
      if (dims == null) {
        throw new IllegalArgumentException("resizeInput: the new shape is null");
      }
      NativeInterpreter.resizeInput(state.handle, index, dims.clone());
    } finally {
      exit();
    }
  }

  /**
   * Plans the arena for the current input shapes and runs the kernels' preparation, which also
   * computes the output shapes. Runs do this themselves when needed.
   */
  @Override
  public void allocateTensors() {
    enter();
    try {
      NativeInterpreter.allocateTensors(state.handle);
    } finally {
      exit();
    }
  }

  /**
   * Nanoseconds the last run spent in the kernels (measured around the native call), or null
   * before the first run and after a run that failed.
   */
  @Override
  public Long getLastNativeInferenceDurationNanoseconds() {
    checkOpen();
    long nanos = lastInferenceNanos;
    return nanos < 0 ? null : nanos;
  }

  /**
   * Sets variable tensors, resource variables and kernel state back to their initial values (the
   * next run behaves as the first).
   */
  public void resetVariableTensors() {
    enter();
    try {
      NativeInterpreter.resetVariableTensors(state.handle);
    } finally {
      exit();
    }
  }

  /**
   * Cancels runs (true) until called with false; may be called from any thread, also while a run
   * is going on. A run in progress stops before its next operator or loop iteration (WHILE
   * included, so a loop that never ends can be stopped) and throws IllegalArgumentException
   * without copying outputs, and so does every run until {@code setCancelled(false)}.
   *
   * @throws IllegalStateException unless the interpreter was made with {@link
   *     Options#setCancellable}(true), as in TFLite.
   */
  public void setCancelled(boolean cancelled) {
    checkOpen();
    if (!cancellable) {
      throw new IllegalStateException(
          "Cannot cancel: the Interpreter was not created with Options.setCancellable(true)");
    }
    this.cancelled = cancelled;
    // A run holds the interpreter open (close waits for it), so the handle stays valid here.
    long handle = state.handle;
    if (handle != 0) {
      NativeInterpreter.setCancelled(handle, cancelled);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // SignatureDefs

  /** One SignatureDef: its inputs and outputs by name, as positions of subgraph 0's. */
  private static final class Signature {
    final String key;
    final int subgraph;
    final String[] inputNames;
    final int[] inputPositions;
    final String[] outputNames;
    final int[] outputPositions;

    Signature(Object[] fields) {
      key = (String) fields[0];
      subgraph = ((int[]) fields[1])[0];
      inputNames = (String[]) fields[2];
      inputPositions = (int[]) fields[3];
      outputNames = (String[]) fields[4];
      outputPositions = (int[]) fields[5];
    }

    int position(String name, boolean input) {
      String[] names = input ? inputNames : outputNames;
      for (int i = 0; i < names.length; i++) {
        if (names[i].equals(name)) {
          return (input ? inputPositions : outputPositions)[i];
        }
      }
      throw new IllegalArgumentException(
          "Signature \"" + key + "\" has no " + (input ? "input" : "output") + " named \""
              + name + "\"; its " + (input ? "inputs" : "outputs") + " are "
              + Arrays.toString(names));
    }
  }

  private List<Signature> signatures() {
    if (signatures == null) {
      List<Signature> list = new ArrayList<>();
      for (Object fields : NativeInterpreter.signatures(state.handle)) {
        list.add(new Signature((Object[]) fields));
      }
      signatures = list;
    }
    return signatures;
  }

  /** The signature {@code key} names; null names the only one when the model has one. */
  private Signature signature(String key, boolean runnable) {
    List<Signature> all = signatures();
    List<String> keys = new ArrayList<>();
    for (Signature signature : all) {
      keys.add(signature.key);
    }
    Signature found = null;
    if (key == null) {
      if (all.size() != 1) {
        throw new IllegalArgumentException(
            "The signature key is null, which is allowed only when the model has exactly one "
                + "SignatureDef; it has " + keys);
      }
      found = all.get(0);
    } else {
      for (Signature signature : all) {
        if (signature.key.equals(key)) {
          found = signature;
        }
      }
      if (found == null) {
        throw new IllegalArgumentException(
            "The model has no SignatureDef \"" + key + "\"; its signature keys are " + keys);
      }
    }
    if (runnable && found.subgraph != 0) {
      throw new IllegalArgumentException(
          "Signature \"" + found.key + "\" runs subgraph " + found.subgraph
              + "; the micro interpreter runs only subgraph 0 (others are called by its ops)");
    }
    return found;
  }

  /** A key of runSignature's maps: a name (String), or null (which no signature has). */
  private static String signatureName(Object key) {
    if (key != null && !(key instanceof String)) {
      throw new IllegalArgumentException("A signature map has a key of class "
          + key.getClass().getName() + " (" + key + "); its keys are input or output names "
          + "(String)");
    }
    return (String) key;
  }

  /** The keys of the model's SignatureDefs, in the model's order (empty when it has none). */
  public String[] getSignatureKeys() {
    enter();
    try {
      List<Signature> all = signatures();
      String[] keys = new String[all.size()];
      for (int i = 0; i < keys.length; i++) {
        keys[i] = all.get(i).key;
      }
      return keys;
    } finally {
      exit();
    }
  }

  /** The input names of SignatureDef {@code signatureKey}. */
  public String[] getSignatureInputs(String signatureKey) {
    return signatureNames(signatureKey, true);
  }

  /** The output names of SignatureDef {@code signatureKey}. */
  public String[] getSignatureOutputs(String signatureKey) {
    return signatureNames(signatureKey, false);
  }

  private String[] signatureNames(String signatureKey, boolean input) {
    enter();
    try {
      Signature signature = signature(signatureKey, false);
      return (input ? signature.inputNames : signature.outputNames).clone();
    } finally {
      exit();
    }
  }

  /** The input tensor that input {@code inputName} of a SignatureDef names (null key: the only one). */
  public Tensor getInputTensorFromSignature(String inputName, String signatureKey) {
    return signatureTensor(inputName, signatureKey, true);
  }

  /** The output tensor that output {@code outputName} of a SignatureDef names (null key: the only one). */
  public Tensor getOutputTensorFromSignature(String outputName, String signatureKey) {
    return signatureTensor(outputName, signatureKey, false);
  }

  private Tensor signatureTensor(String name, String signatureKey, boolean input) {
    enter();
    try {
      if (name == null) {
        throw new IllegalArgumentException(
            "The signature " + (input ? "input" : "output") + " name is null");
      }
      int position = signature(signatureKey, true).position(name, input);
      return input ? inputTensors[position] : outputTensors[position];
    } finally {
      exit();
    }
  }

  /** {@link #runSignature(Map, Map, String)} of the model's only SignatureDef. */
  public void runSignature(Map<String, Object> inputs, Map<String, Object> outputs) {
    runSignature(inputs, outputs, null);
  }

  /**
   * Runs the model through SignatureDef {@code signatureKey} (null: the model's only one).
   * {@code inputs} maps every input name of the signature to its data, {@code outputs} output
   * names to the arrays or buffers that receive them (it may be empty; null values are skipped).
   * Data takes the same forms as in {@link #runForMultipleInputsOutputs}. Only signatures of
   * subgraph 0 can run.
   */
  public void runSignature(
      Map<String, Object> inputs, Map<String, Object> outputs, String signatureKey) {
    Object[] byPosition;
    Map<Integer, Object> outputsByPosition = new TreeMap<>();
    enter();
    try {
      if (inputs == null || inputs.isEmpty()) {
        throw new IllegalArgumentException("inputs is " + (inputs == null ? "null" : "empty")
            + "; give a map of signature input name -> array or buffer");
      }
      if (outputs == null) {
        throw new IllegalArgumentException(
            "outputs is null; give a map of signature output name -> array or buffer "
                + "(it may be empty)");
      }
      Signature signature = signature(signatureKey, true);
      if (inputs.size() != signature.inputNames.length) {
        throw new IllegalArgumentException(
            "Signature \"" + signature.key + "\" has inputs "
                + Arrays.toString(signature.inputNames) + "; got " + inputs.keySet());
      }
      byPosition = new Object[inputCount];
      // Raw entries: an unchecked caller's map may hold keys of other classes.
      for (Map.Entry<?, ?> entry : inputs.entrySet()) {
        byPosition[signature.position(signatureName(entry.getKey()), true)] = entry.getValue();
      }
      for (Map.Entry<?, ?> entry : outputs.entrySet()) {
        outputsByPosition.put(
            signature.position(signatureName(entry.getKey()), false), entry.getValue());
      }
    } finally {
      exit();
    }
    runForMultipleInputsOutputs(byPosition, outputsByPosition);
  }

  // ---------------------------------------------------------------------------------------------
  // Model description

  @Override
  public int getInputTensorCount() {
    checkOpen();
    return inputCount;
  }

  @Override
  public int getOutputTensorCount() {
    checkOpen();
    return outputCount;
  }

  @Override
  public Tensor getInputTensor(int index) {
    checkOpen();
    checkIndex(index, true);
    return inputTensors[index];
  }

  @Override
  public Tensor getOutputTensor(int index) {
    checkOpen();
    checkIndex(index, false);
    return outputTensors[index];
  }

  /** The index of the input whose tensor is named {@code name}. */
  @Override
  public int getInputIndex(String name) {
    return indexOf(name, true);
  }

  /** The index of the output whose tensor is named {@code name}. */
  @Override
  public int getOutputIndex(String name) {
    return indexOf(name, false);
  }

  /** Whether the model is read in place from the direct ByteBuffer given (for tests). */
  boolean modelInPlace() {
    enter();
    try {
      return NativeInterpreter.modelInPlace(state.handle);
    } finally {
      exit();
    }
  }

  /** Bytes of the arena. */
  public long getArenaSize() {
    enter();
    try {
      return NativeInterpreter.arenaSize(state.handle);
    } finally {
      exit();
    }
  }

  /** Bytes of the arena in use after the last allocation. */
  public long arenaUsedBytes() {
    enter();
    try {
      return NativeInterpreter.arenaUsedBytes(state.handle);
    } finally {
      exit();
    }
  }

  /** The smallest arena with which this model, at its current input shapes, allocates. */
  public long minimumArenaSize() {
    enter();
    try {
      return NativeInterpreter.arenaRequiredBytes(state.handle);
    } finally {
      exit();
    }
  }

  /** Frees the native memory. Further use throws IllegalStateException; closing again is a no-op. */
  @Override
  public void close() {
    if (!busy.compareAndSet(false, true)) {
      throw new IllegalStateException(
          "close() called while another thread is using this Interpreter");
    }
    try {
      cleanable.clean();
    } finally {
      busy.set(false);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Tensor queries (used by Tensor)

  int tensorType(boolean input, int index) {
    enter();
    try {
      return NativeInterpreter.tensorType(state.handle, input, index);
    } finally {
      exit();
    }
  }

  int[] tensorShape(boolean input, int index) {
    enter();
    try {
      return NativeInterpreter.tensorShape(state.handle, input, index);
    } finally {
      exit();
    }
  }

  int[] tensorShapeSignature(boolean input, int index) {
    enter();
    try {
      return NativeInterpreter.tensorShapeSignature(state.handle, input, index);
    } finally {
      exit();
    }
  }

  long tensorBytes(boolean input, int index) {
    enter();
    try {
      return NativeInterpreter.tensorBytes(state.handle, input, index);
    } finally {
      exit();
    }
  }

  String tensorName(boolean input, int index) {
    enter();
    try {
      return NativeInterpreter.tensorName(state.handle, input, index);
    } finally {
      exit();
    }
  }

  int tensorIndex(boolean input, int index) {
    enter();
    try {
      return NativeInterpreter.tensorIndex(state.handle, input, index);
    } finally {
      exit();
    }
  }

  /** A copy of the tensor's data, for Tensor.asReadOnlyBuffer. */
  byte[] tensorData(boolean input, int index) {
    enter();
    try {
      return NativeInterpreter.copyTensorData(state.handle, input, index);
    } finally {
      exit();
    }
  }

  Tensor.QuantizationParams tensorQuantization(boolean input, int index) {
    enter();
    try {
      return new Tensor.QuantizationParams(
          NativeInterpreter.tensorScale(state.handle, input, index),
          NativeInterpreter.tensorZeroPoint(state.handle, input, index));
    } finally {
      exit();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  private void enter() {
    if (!busy.compareAndSet(false, true)) {
      throw new IllegalStateException(
          "This Interpreter is being used by another thread: an Interpreter must not be used "
              + "from two threads at once (create one Interpreter per thread)");
    }
    if (state.handle == 0) {
      busy.set(false);
      throw new IllegalStateException("Interpreter has been closed");
    }
  }

  private void exit() {
    busy.set(false);
  }

  private void checkOpen() {
    if (state.handle == 0) {
      throw new IllegalStateException("Interpreter has been closed");
    }
  }

  private void checkIndex(int index, boolean input) {
    int count = input ? inputCount : outputCount;
    if (index < 0 || index >= count) {
      throw new IllegalArgumentException(
          (input ? "Input" : "Output") + " index " + index + " is out of range: the model has "
              + count + (input ? " inputs" : " outputs")
              + (count > 0 ? " (valid: 0.." + (count - 1) + ")" : ""));
    }
  }

  private int indexOf(String name, boolean input) {
    enter();
    try {
      if (name == null) {
        throw new IllegalArgumentException("The tensor name is null");
      }
      int count = input ? inputCount : outputCount;
      List<String> names = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        String tensorName = NativeInterpreter.tensorName(state.handle, input, i);
        if (tensorName.equals(name)) {
          return i;
        }
        names.add("\"" + tensorName + "\"");
      }
      throw new IllegalArgumentException(
          "No " + (input ? "input" : "output") + " is named \"" + name + "\"; the model's "
              + (input ? "inputs" : "outputs") + " are " + names);
    } finally {
      exit();
    }
  }

  private String describe(boolean input, int index) {
    long handle = state.handle;
    String name = NativeInterpreter.tensorName(handle, input, index);
    DataType type = DataType.fromCode(NativeInterpreter.tensorType(handle, input, index));
    int[] shape = NativeInterpreter.tensorShape(handle, input, index);
    return (input ? "Input " : "Output ") + index + " (\"" + name + "\", " + type + " "
        + Arrays.toString(shape) + ")";
  }

  private void checkInputs(Object[] inputs) {
    if (inputs == null || (inputs.length == 0 && inputCount > 0)) {
      throw new IllegalArgumentException("inputs is " + (inputs == null ? "null" : "empty")
          + "; expected an array of " + inputCount + " inputs");
    }
    if (inputs.length != inputCount) {
      throw new IllegalArgumentException(
          "The model has " + inputCount + " input" + (inputCount == 1 ? "" : "s") + " but "
              + inputs.length + (inputs.length == 1 ? " was" : " were") + " given");
    }
    for (int i = 0; i < inputs.length; i++) {
      checkDataObject(true, i, inputs[i]);
    }
  }

  private void checkOutputObject(int index, Object output) {
    checkDataObject(false, index, output);
    if (output instanceof Buffer && ((Buffer) output).isReadOnly()) {
      throw new ReadOnlyBufferException(); // what TFLite's copy into it throws
    }
    if (boxedType(output.getClass()) != null) {
      throw new IllegalArgumentException(describe(false, index) + ": got a "
          + output.getClass().getName() + "; a boxed scalar cannot receive an output (use a "
          + "1-element array or a buffer)");
    }
  }

  /** Checks the kind and element type of an input or output object (not its shape). */
  private void checkDataObject(boolean input, int index, Object value) {
    long handle = state.handle;
    DataType type = DataType.fromCode(NativeInterpreter.tensorType(handle, input, index));
    String javaName = type.javaArrayName();
    String typedBuffer = typedBufferName(type);
    String expected = (javaName != null ? "a " + javaName + " array, " : "")
        + (typedBuffer != null ? "a " + typedBuffer + ", " : "") + "a ByteBuffer"
        + (javaName != null ? " or a boxed " + javaName : "");
    if (value == null) {
      throw new IllegalArgumentException(
          describe(input, index) + " is null; expected " + expected);
    }
    if (value instanceof ByteBuffer) {
      return;
    }
    Class<?> cls = value.getClass();
    if (value instanceof Buffer) {
      if (!bufferClassName((Buffer) value).equals(typedBuffer)) {
        throw new IllegalArgumentException(
            describe(input, index) + ": got a " + bufferClassName((Buffer) value)
                + "; expected " + expected);
      }
      return;
    }
    String boxed = boxedType(cls);
    if (boxed != null) {
      if (!boxed.equals(javaName)) {
        throw new IllegalArgumentException(
            describe(input, index) + ": got a " + cls.getName() + " (" + value + "); expected "
                + expected);
      }
      return;
    }
    if (!cls.isArray()) {
      throw new IllegalArgumentException(
          describe(input, index) + ": got a " + cls.getName() + " (" + value + "); expected "
              + expected);
    }
    Class<?> element = cls;
    while (element.isArray()) {
      element = element.getComponentType();
    }
    if (!element.isPrimitive() || !element.getName().equals(javaName)) {
      throw new IllegalArgumentException(
          describe(input, index) + ": got a " + cls.getSimpleName() + "; expected " + expected);
    }
  }

  /** The primitive type a boxed scalar class holds, or null. */
  private static String boxedType(Class<?> cls) {
    if (cls == Float.class) {
      return "float";
    } else if (cls == Integer.class) {
      return "int";
    } else if (cls == Long.class) {
      return "long";
    } else if (cls == Short.class) {
      return "short";
    } else if (cls == Byte.class) {
      return "byte";
    } else if (cls == Double.class) {
      return "double";
    } else if (cls == Boolean.class) {
      return "boolean";
    }
    return null;
  }

  /** The typed NIO buffer that holds a tensor type, or null. */
  private static String typedBufferName(DataType type) {
    switch (type) {
      case FLOAT32:
        return "FloatBuffer";
      case INT32:
        return "IntBuffer";
      case INT64:
        return "LongBuffer";
      case INT16:
        return "ShortBuffer";
      default:
        return null;
    }
  }

  private static String bufferClassName(Buffer buffer) {
    if (buffer instanceof ByteBuffer) {
      return "ByteBuffer";
    } else if (buffer instanceof FloatBuffer) {
      return "FloatBuffer";
    } else if (buffer instanceof IntBuffer) {
      return "IntBuffer";
    } else if (buffer instanceof LongBuffer) {
      return "LongBuffer";
    } else if (buffer instanceof ShortBuffer) {
      return "ShortBuffer";
    }
    return buffer.getClass().getName();
  }

  /** Bytes per element of a buffer; 0 for buffer types tensors never take. */
  private static int elementBytes(Buffer buffer) {
    if (buffer instanceof ByteBuffer) {
      return 1;
    } else if (buffer instanceof FloatBuffer || buffer instanceof IntBuffer) {
      return 4;
    } else if (buffer instanceof LongBuffer) {
      return 8;
    } else if (buffer instanceof ShortBuffer) {
      return 2;
    }
    return 0;
  }

  private static ByteOrder order(Buffer buffer) {
    if (buffer instanceof ByteBuffer) {
      return ((ByteBuffer) buffer).order();
    } else if (buffer instanceof FloatBuffer) {
      return ((FloatBuffer) buffer).order();
    } else if (buffer instanceof IntBuffer) {
      return ((IntBuffer) buffer).order();
    } else if (buffer instanceof LongBuffer) {
      return ((LongBuffer) buffer).order();
    }
    return ((ShortBuffer) buffer).order();
  }

  /** A native-order view of {@code bytes} of the buffer's kind, for element-wise copies. */
  private static Buffer typedView(ByteBuffer bytes, Buffer like) {
    bytes.order(ByteOrder.nativeOrder());
    if (like instanceof FloatBuffer) {
      return bytes.asFloatBuffer();
    } else if (like instanceof IntBuffer) {
      return bytes.asIntBuffer();
    } else if (like instanceof LongBuffer) {
      return bytes.asLongBuffer();
    }
    return bytes.asShortBuffer();
  }

  /** Copies {@code source}'s remaining elements into {@code target} (same buffer kinds). */
  private static void put(Buffer target, Buffer source) {
    if (target instanceof FloatBuffer) {
      ((FloatBuffer) target).put((FloatBuffer) source);
    } else if (target instanceof IntBuffer) {
      ((IntBuffer) target).put((IntBuffer) source);
    } else if (target instanceof LongBuffer) {
      ((LongBuffer) target).put((LongBuffer) source);
    } else {
      ((ShortBuffer) target).put((ShortBuffer) source);
    }
  }

  /** The shape of a rectangular array, read along its first elements. */
  static int[] arrayShape(Object array) {
    int rank = 0;
    for (Class<?> c = array.getClass(); c.isArray(); c = c.getComponentType()) {
      rank++;
    }
    int[] shape = new int[rank];
    Object level = array;
    for (int d = 0; d < rank; d++) {
      if (level == null) {
        throw new IllegalArgumentException(
            "The array has a null sub-array at depth " + d + "; arrays must be rectangular");
      }
      int length = Array.getLength(level);
      shape[d] = length;
      level = length > 0 && d + 1 < rank ? Array.get(level, 0) : null;
    }
    return shape;
  }

  private void setInput(long handle, int index, Object value) {
    if (value instanceof Buffer) {
      setInputBuffer(handle, index, (Buffer) value);
    } else if (boxedType(value.getClass()) != null) {
      setInputScalar(handle, index, value);
    } else {
      NativeInterpreter.setInputArray(handle, index, value);
    }
  }

  /**
   * A buffer input, as TFLite reads it: a direct buffer whose capacity is the tensor's size is
   * read whole, whatever its position (which stays), if it is a ByteBuffer (raw bytes: its byte
   * order does not matter) or a typed buffer in native order; any other buffer is read from its
   * position, which must leave exactly the tensor's size, and its position advances past what was
   * read.
   */
  private void setInputBuffer(long handle, int index, Buffer buffer) {
    long needed = NativeInterpreter.tensorBytes(handle, true, index);
    int elementBytes = elementBytes(buffer);
    boolean nativeOrder = order(buffer) == ByteOrder.nativeOrder();
    boolean raw = buffer instanceof ByteBuffer || nativeOrder;
    if (buffer.isDirect() && raw && (long) buffer.capacity() * elementBytes == needed) {
      NativeInterpreter.setInputDirect(handle, index, buffer, 0, needed);
      return;
    }
    long remaining = (long) buffer.remaining() * elementBytes;
    if (remaining != needed) {
      boolean rewind = (long) buffer.capacity() * elementBytes == needed;
      throw new IllegalArgumentException(
          describe(true, index) + " takes " + needed + " bytes; the " + bufferClassName(buffer)
              + " has " + remaining + " bytes from its position " + buffer.position()
              + " (capacity " + buffer.capacity() + (elementBytes > 1 ? " elements" : " bytes")
              + ")" + (rewind ? ": rewind() it after filling it" : ""));
    }
    int position = buffer.position();
    if (buffer instanceof ByteBuffer) {
      ByteBuffer bytes = (ByteBuffer) buffer;
      if (bytes.isDirect()) {
        NativeInterpreter.setInputDirect(handle, index, bytes, position, needed);
      } else if (bytes.hasArray()) {
        NativeInterpreter.setInputBytes(
            handle, index, bytes.array(), bytes.arrayOffset() + position, (int) needed);
      } else {
        byte[] copy = new byte[(int) needed];
        bytes.duplicate().get(copy);
        NativeInterpreter.setInputBytes(handle, index, copy, 0, copy.length);
      }
    } else if (buffer.isDirect() && nativeOrder) {
      NativeInterpreter.setInputDirect(
          handle, index, buffer, (long) position * elementBytes, needed);
    } else {
      // Element by element into native order.
      byte[] copy = new byte[(int) needed];
      put(typedView(ByteBuffer.wrap(copy), buffer), duplicate(buffer));
      NativeInterpreter.setInputBytes(handle, index, copy, 0, copy.length);
    }
    buffer.position(buffer.limit());
  }

  private static Buffer duplicate(Buffer buffer) {
    if (buffer instanceof FloatBuffer) {
      return ((FloatBuffer) buffer).duplicate();
    } else if (buffer instanceof IntBuffer) {
      return ((IntBuffer) buffer).duplicate();
    } else if (buffer instanceof LongBuffer) {
      return ((LongBuffer) buffer).duplicate();
    } else if (buffer instanceof ShortBuffer) {
      return ((ShortBuffer) buffer).duplicate();
    }
    return ((ByteBuffer) buffer).duplicate();
  }

  /** A boxed scalar input: the tensor must hold exactly one element. */
  private void setInputScalar(long handle, int index, Object value) {
    long needed = NativeInterpreter.tensorBytes(handle, true, index);
    int[] shape = NativeInterpreter.tensorShape(handle, true, index);
    long elements = 1;
    for (int d : shape) {
      elements *= d;
    }
    if (elements != 1) {
      throw new IllegalArgumentException(
          describe(true, index) + ": a boxed scalar (" + value + ") can only feed a tensor of "
              + "one element; use an array or a buffer");
    }
    ByteBuffer bytes = ByteBuffer.allocate((int) needed).order(ByteOrder.nativeOrder());
    if (value instanceof Float) {
      bytes.putFloat((Float) value);
    } else if (value instanceof Integer) {
      bytes.putInt((Integer) value);
    } else if (value instanceof Long) {
      bytes.putLong((Long) value);
    } else if (value instanceof Short) {
      bytes.putShort((Short) value);
    } else if (value instanceof Byte) {
      bytes.put((Byte) value);
    } else if (value instanceof Double) {
      bytes.putDouble((Double) value);
    } else {
      bytes.put((byte) (((Boolean) value) ? 1 : 0));
    }
    NativeInterpreter.setInputBytes(handle, index, bytes.array(), 0, (int) needed);
  }

  /**
   * Copies output {@code index} into an array or buffer. A buffer receives it at its position,
   * which advances past it (as TFLite's {@code put}).
   */
  private void getOutput(long handle, int index, Object value) {
    if (value instanceof Buffer) {
      getOutputBuffer(handle, index, (Buffer) value);
      return;
    }
    int[] given = arrayShape(value);
    int[] shape = NativeInterpreter.tensorShape(handle, false, index);
    boolean scalar = shape.length == 0 && Arrays.equals(given, new int[] {1});
    if (!scalar && !Arrays.equals(given, shape)) {
      throw new IllegalArgumentException(
          describe(false, index) + ": the output array has shape " + Arrays.toString(given)
              + "; expected " + Arrays.toString(shape));
    }
    NativeInterpreter.getOutputArray(handle, index, value);
  }

  private void getOutputBuffer(long handle, int index, Buffer buffer) {
    long needed = NativeInterpreter.tensorBytes(handle, false, index);
    int elementBytes = elementBytes(buffer);
    if ((long) buffer.capacity() * elementBytes < needed) {
      throw new IllegalArgumentException(
          describe(false, index) + " has " + needed + " bytes; the " + bufferClassName(buffer)
              + " holds only " + (long) buffer.capacity() * elementBytes);
    }
    if ((long) buffer.remaining() * elementBytes < needed) {
      throw new BufferOverflowException(); // as TFLite's put: capacity enough, position too far
    }
    int position = buffer.position();
    if (buffer instanceof ByteBuffer) {
      ByteBuffer bytes = (ByteBuffer) buffer;
      if (bytes.isDirect()) {
        NativeInterpreter.getOutputDirect(handle, index, bytes, position, needed);
      } else {
        // Heap buffers have an accessible array unless read-only (rejected before).
        NativeInterpreter.getOutputBytes(
            handle, index, bytes.array(), bytes.arrayOffset() + position, (int) needed);
      }
      bytes.position(position + (int) needed);
    } else if (buffer.isDirect() && order(buffer) == ByteOrder.nativeOrder()) {
      NativeInterpreter.getOutputDirect(
          handle, index, buffer, (long) position * elementBytes, needed);
      buffer.position(position + (int) (needed / elementBytes));
    } else {
      byte[] data = NativeInterpreter.copyTensorData(handle, false, index);
      put(buffer, typedView(ByteBuffer.wrap(data), buffer));
    }
  }
}
