package org.tensorflow.lite.micro;

import java.io.File;
import java.io.IOException;
import java.lang.ref.Cleaner;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
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
 * An input or output is either a primitive array of any rank or a {@link ByteBuffer}:
 *
 * <ul>
 *   <li>arrays: {@code float} for FLOAT32, {@code int} for INT32, {@code long} for INT64, {@code
 *       byte} for INT8 and UINT8, {@code short} for INT16, {@code double} for FLOAT64, {@code
 *       boolean} for BOOL. Arrays must be rectangular. An input array whose shape differs from the
 *       input tensor's resizes that input before the run (dimensions that the model's shape
 *       signature fixes must match); output arrays must have the output's shape after the run's
 *       shapes are known (see {@link #getOutputTensor}).
 *   <li>{@code ByteBuffer}: the tensor's raw bytes in native byte order (use {@code
 *       order(ByteOrder.nativeOrder())} when filling it through typed views), starting at the
 *       buffer's position. An input buffer must have exactly {@link Tensor#numBytes()} bytes
 *       remaining; an output buffer at least that many. Positions are left unchanged. A direct
 *       buffer is copied straight to or from the arena with no intermediate copy.
 * </ul>
 *
 * <h2>Errors</h2>
 *
 * <ul>
 *   <li>{@link IllegalArgumentException}: a model that cannot be read or used (bad bytes, missing
 *       file, unknown operator, arena too small — with the interpreter's message), and any bad
 *       argument: a null, boxed or otherwise unsupported input or output object, a wrong element
 *       type, shape or size, an unknown tensor name, an index out of range, a shape that {@link
 *       #resizeInput} rejects. Messages name what was expected and what was given.
 *   <li>{@link IllegalStateException}: failures inside the interpreter core while allocating or
 *       running (a kernel rejecting its inputs, the arena too small for resized inputs), with the
 *       core's message; any use after {@link #close()}; use from a second thread while another
 *       thread is inside a call.
 * </ul>
 *
 * <h2>Threads and memory</h2>
 *
 * An interpreter must not be used from two threads at once: a call made while another thread is
 * inside one throws {@link IllegalStateException} rather than racing. Separate interpreters may run
 * in separate threads. {@link #close()} frees the native memory (the arena, the model copy); an
 * interpreter that is never closed is freed when it becomes unreachable, but close it explicitly.
 */
public final class Interpreter implements AutoCloseable {

  /** Settings for creating an {@link Interpreter}. */
  public static final class Options {
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
    private final List<String> registerers = new ArrayList<>();
    private Arithmetic arithmetic = Arithmetic.TFLM;
    private boolean preserveInputs = true;
    private boolean preserveAllTensors = false;

    public Options() {}

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

  /** Loads a .tflite file (its bytes are copied into native memory). */
  public Interpreter(File modelFile) {
    this(modelFile, null);
  }

  public Interpreter(File modelFile, Options options) {
    this(readFile(modelFile), options);
  }

  /**
   * Uses a model held in a ByteBuffer, from its position to its limit. A direct buffer (such as a
   * {@link java.nio.MappedByteBuffer}) is read in place, not copied, so it must stay unchanged
   * while the interpreter lives (the interpreter keeps a reference to it); if its address is not
   * 16-byte aligned it is copied once instead. A heap buffer is copied.
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
    int position = model.position();
    int length = model.remaining();
    long arenaSize = options.arenaSize; // 0: the default, grown when too small
    String[] registerers = options.registerers.toArray(new String[0]);
    boolean litert = options.arithmetic == Options.Arithmetic.LITERT;
    boolean preserveInputs = options.preserveInputs;
    boolean preserveAll = options.preserveAllTensors;
    long handle;
    if (model.isDirect()) {
      handle = NativeInterpreter.create(model, null, position, length, arenaSize, registerers,
          litert, preserveInputs, preserveAll);
      state.model = model;
    } else if (model.hasArray()) {
      handle = NativeInterpreter.create(null, model.array(), model.arrayOffset() + position,
          length, arenaSize, registerers, litert, preserveInputs, preserveAll);
    } else {
      byte[] copy = new byte[length];
      model.duplicate().get(copy);
      handle = NativeInterpreter.create(null, copy, 0, length, arenaSize, registerers, litert,
          preserveInputs, preserveAll);
    }
    state.handle = handle;
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

  /** Runs a model with one input; fills output 0. */
  public void run(Object input, Object output) {
    Map<Integer, Object> outputs = new TreeMap<>();
    outputs.put(0, output);
    runForMultipleInputsOutputs(new Object[] {input}, outputs);
  }

  /**
   * Runs the model. {@code inputs[i]} feeds input i (there must be one per input); each entry of
   * {@code outputs} maps an output index to the array or buffer that receives it (outputs not in
   * the map are computed but not copied).
   */
  public void runForMultipleInputsOutputs(Object[] inputs, Map<Integer, Object> outputs) {
    enter();
    try {
      long handle = state.handle;
      checkInputs(inputs);
      if (outputs == null || outputs.isEmpty()) {
        throw new IllegalArgumentException(
            "outputs is " + (outputs == null ? "null" : "empty")
                + "; give at least one output index -> array or ByteBuffer");
      }
      for (Map.Entry<Integer, Object> entry : outputs.entrySet()) {
        Integer index = entry.getKey();
        if (index == null) {
          throw new IllegalArgumentException("outputs has a null index");
        }
        checkIndex(index, false);
        checkOutputObject(index, entry.getValue());
      }
      // Resize inputs given as arrays of another shape, then re-plan once.
      boolean resized = false;
      for (int i = 0; i < inputs.length; i++) {
        if (inputs[i] instanceof ByteBuffer) {
          continue;
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
      NativeInterpreter.invoke(handle);
      for (Map.Entry<Integer, Object> entry : outputs.entrySet()) {
        getOutput(handle, entry.getKey(), entry.getValue());
      }
    } finally {
      exit();
    }
  }

  /**
   * Gives input {@code index} a new shape. Dimensions that the model's shape signature fixes must
   * keep their value. Tensors are re-planned by the next {@link #allocateTensors()} or run.
   */
  public void resizeInput(int index, int[] dims) {
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
  public void allocateTensors() {
    enter();
    try {
      NativeInterpreter.allocateTensors(state.handle);
    } finally {
      exit();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Model description

  public int getInputTensorCount() {
    checkOpen();
    return inputCount;
  }

  public int getOutputTensorCount() {
    checkOpen();
    return outputCount;
  }

  public Tensor getInputTensor(int index) {
    checkOpen();
    checkIndex(index, true);
    return inputTensors[index];
  }

  public Tensor getOutputTensor(int index) {
    checkOpen();
    checkIndex(index, false);
    return outputTensors[index];
  }

  /** The index of the input whose tensor is named {@code name}. */
  public int getInputIndex(String name) {
    return indexOf(name, true);
  }

  /** The index of the output whose tensor is named {@code name}. */
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
    if (inputs == null) {
      throw new IllegalArgumentException(
          "inputs is null; expected an array of " + inputCount + " inputs");
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
    if (output instanceof ByteBuffer && ((ByteBuffer) output).isReadOnly()) {
      throw new IllegalArgumentException(describe(false, index) + ": the ByteBuffer is read-only");
    }
  }

  /** Checks the kind and element type of an input or output object (not its shape). */
  private void checkDataObject(boolean input, int index, Object value) {
    long handle = state.handle;
    DataType type = DataType.fromCode(NativeInterpreter.tensorType(handle, input, index));
    String javaName = type.javaArrayName();
    String expected = (javaName != null ? "a " + javaName + " array or " : "") + "a ByteBuffer";
    if (value == null) {
      throw new IllegalArgumentException(
          describe(input, index) + " is null; expected " + expected);
    }
    if (value instanceof ByteBuffer) {
      return;
    }
    Class<?> cls = value.getClass();
    if (!cls.isArray()) {
      throw new IllegalArgumentException(
          describe(input, index) + ": got a " + cls.getName() + " (" + value + "); expected "
              + expected + (isBoxed(cls) ? " (boxed scalars are not supported)" : ""));
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

  private static boolean isBoxed(Class<?> cls) {
    return Number.class.isAssignableFrom(cls) || cls == Boolean.class || cls == Character.class;
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
    if (value instanceof ByteBuffer) {
      ByteBuffer buffer = (ByteBuffer) value;
      long needed = NativeInterpreter.tensorBytes(handle, true, index);
      if (buffer.remaining() != needed) {
        throw new IllegalArgumentException(
            describe(true, index) + " takes " + needed + " bytes; the ByteBuffer has "
                + buffer.remaining() + " remaining");
      }
      if (buffer.isDirect()) {
        NativeInterpreter.setInputDirect(
            handle, index, buffer, buffer.position(), buffer.remaining());
      } else if (buffer.hasArray()) {
        NativeInterpreter.setInputBytes(handle, index, buffer.array(),
            buffer.arrayOffset() + buffer.position(), buffer.remaining());
      } else {
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        NativeInterpreter.setInputBytes(handle, index, copy, 0, copy.length);
      }
      return;
    }
    NativeInterpreter.setInputArray(handle, index, value);
  }

  private void getOutput(long handle, int index, Object value) {
    if (value instanceof ByteBuffer) {
      ByteBuffer buffer = (ByteBuffer) value;
      long needed = NativeInterpreter.tensorBytes(handle, false, index);
      if (buffer.remaining() < needed) {
        throw new IllegalArgumentException(
            describe(false, index) + " has " + needed + " bytes; the ByteBuffer has "
                + buffer.remaining() + " remaining");
      }
      if (buffer.isDirect()) {
        NativeInterpreter.getOutputDirect(
            handle, index, buffer, buffer.position(), buffer.remaining());
      } else {
        // Heap buffers always have an accessible array unless read-only (rejected above).
        NativeInterpreter.getOutputBytes(handle, index, buffer.array(),
            buffer.arrayOffset() + buffer.position(), buffer.remaining());
      }
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
}
