package org.tensorflow.lite.micro;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.File;
import java.lang.reflect.Array;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.Test;

/**
 * Issue 21: the binding's argument handling under randomized bad arguments (fixed seeds, so a
 * failure reproduces): wrong indices, null, short, oversized and wrong-type arrays and buffers,
 * typed NIO buffers of the wrong size or kind, resizes to impossible shapes, bad options, calls on
 * a closed interpreter, and corrupted model ByteBuffers. Each bad call must throw
 * IllegalArgumentException or IllegalStateException (as TFLite's Java API does) with a message,
 * and leave the interpreter giving the same results as before; the JVM must never die.
 */
public class ArgumentFuzzTest {
  private static final int BAD_CALLS = 10000;
  private static final int MODEL_MUTANTS = 5000;

  /** A call that must be rejected. */
  private interface Call {
    void run() throws Exception;
  }

  /** Runs {@code call}, which must throw IllegalArgumentException/IllegalStateException. */
  private static void expectRejected(String what, Call call) {
    try {
      call.run();
    } catch (IllegalArgumentException | IllegalStateException e) {
      String message = e.getMessage();
      assertTrue(what + ": " + e.getClass().getSimpleName() + " without a message",
          message != null && message.length() > 10);
      return;
    } catch (Throwable t) {
      throw new AssertionError(
          what + ": threw " + t + "; expected IllegalArgumentException or IllegalStateException",
          t);
    }
    fail(what + ": was accepted");
  }

  private static File model(String name) {
    return TestData.testModel(name);
  }

  /** An index that no input or output list of {@code count} entries has. */
  private static int badIndex(Random random, int count) {
    int[] choices = {-1, count, count + 1, Integer.MAX_VALUE, Integer.MIN_VALUE,
        -1 - random.nextInt(1000), count + random.nextInt(1000)};
    return choices[random.nextInt(choices.length)];
  }

  private static Class<?> javaElement(DataType type) {
    switch (type) {
      case FLOAT32:
        return float.class;
      case INT32:
        return int.class;
      case INT64:
        return long.class;
      case INT16:
        return short.class;
      case INT8:
      case UINT8:
        return byte.class;
      case BOOL:
        return boolean.class;
      default:
        return double.class;
    }
  }

  private static final Class<?>[] ELEMENTS = {float.class, int.class, long.class, short.class,
      byte.class, boolean.class, double.class, char.class};

  /** An array of {@code shape} whose elements are not {@code element}s. */
  private static Object otherElementArray(Random random, Class<?> element, int[] shape) {
    Class<?> other;
    do {
      other = ELEMENTS[random.nextInt(ELEMENTS.length)];
    } while (other == element);
    return Array.newInstance(other, shape);
  }

  /** Copies of the values of every output, as bytes. */
  private static byte[][] outputs(Interpreter interpreter) {
    byte[][] result = new byte[interpreter.getOutputTensorCount()][];
    for (int i = 0; i < result.length; i++) {
      ByteBuffer data = interpreter.getOutputTensor(i).asReadOnlyBuffer();
      result[i] = new byte[data.remaining()];
      data.get(result[i]);
    }
    return result;
  }

  /** multi_io.tflite's five inputs (float, int8, int32, int64, int16) at batch 2. */
  private static Object[] validInputs() {
    return TestData.multiIoInputs(2);
  }

  private static Map<Integer, Object> noOutputs() {
    return new HashMap<>();
  }

  /** A value for input {@code index} that the binding must reject. */
  private static Object badInput(Random random, Interpreter interpreter, int index) {
    Tensor tensor = interpreter.getInputTensor(index);
    DataType type = tensor.dataType();
    int[] shape = tensor.shape();
    int[] signature = tensor.shapeSignature();
    long bytes = tensor.numBytes();
    Class<?> element = javaElement(type);
    switch (random.nextInt(14)) {
      case 0:
        return null;
      case 1: {
        Object[] others = {"a string", new Object(), Arrays.asList(1, 2), new Object[] {null},
            new StringBuilder("x"), Thread.currentThread()};
        return others[random.nextInt(others.length)];
      }
      case 2:
        return otherElementArray(random, element, shape);
      case 3: {
        // One more dimension (the rank cannot change).
        int[] longer = Arrays.copyOf(shape, shape.length + 1);
        longer[shape.length] = 1 + random.nextInt(3);
        return Array.newInstance(element, longer);
      }
      case 4: {
        // A dimension the model fixes, changed.
        int[] changed = shape.clone();
        for (int d = 0; d < shape.length; d++) {
          if (signature[d] != -1) {
            changed[d] = shape[d] + 1 + random.nextInt(5);
            return Array.newInstance(element, changed);
          }
        }
        return Array.newInstance(element, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0); // rank 10
      }
      case 5: {
        // Not rectangular: a short or null row.
        if (shape.length < 2) {
          return new Object[] {Array.newInstance(element, 1), null};
        }
        Object array = Array.newInstance(element, shape);
        int row = random.nextInt(shape[0]);
        int[] rowShape = Arrays.copyOfRange(shape, 1, shape.length);
        rowShape[rowShape.length - 1] += random.nextBoolean() ? 1 : -1;
        Array.set(array, row, random.nextInt(3) == 0 ? null
            : Array.newInstance(element, rowShape));
        return array;
      }
      case 6: {
        // A ByteBuffer of the wrong size.
        long[] sizes = {0, bytes - 1, bytes + 1, bytes * 2, 1};
        long size = Math.max(0, sizes[random.nextInt(sizes.length)]);
        if (size == bytes) {
          size = bytes + 3;
        }
        ByteBuffer buffer = random.nextBoolean() ? ByteBuffer.allocateDirect((int) size)
                                                 : ByteBuffer.allocate((int) size);
        return random.nextInt(4) == 0 ? buffer.asReadOnlyBuffer() : buffer;
      }
      case 7: {
        // A direct ByteBuffer of another capacity, its position moved.
        ByteBuffer buffer = ByteBuffer.allocateDirect((int) bytes + 8);
        buffer.position(1 + random.nextInt(7 + (int) bytes));
        if (buffer.remaining() == bytes) {
          buffer.position(buffer.position() + 1);
        }
        return buffer;
      }
      case 8: {
        // A typed buffer of the tensor's kind, one element too many or too few.
        int elements = (int) (bytes / Math.max(1, elementBytes(type)));
        int count = Math.max(0, elements + (random.nextBoolean() ? 1 : -1));
        return typedBuffer(type, count, random.nextBoolean());
      }
      case 9: {
        // A typed buffer of another kind, of the tensor's byte size.
        Buffer[] others = {FloatBuffer.allocate((int) bytes / 4), IntBuffer.allocate((int) bytes / 4),
            LongBuffer.allocate((int) bytes / 8), ShortBuffer.allocate((int) bytes / 2),
            DoubleBuffer.allocate((int) bytes / 8), CharBuffer.allocate((int) bytes / 2),
            ByteBuffer.allocateDirect((int) bytes).asDoubleBuffer()};
        Buffer buffer;
        do {
          buffer = others[random.nextInt(others.length)];
        } while (typedBufferMatches(type, buffer));
        return buffer;
      }
      case 10: {
        // A boxed scalar: of another type, or for a tensor of several elements.
        Object[] boxes = {1.5f, 7, 9L, (short) 3, (byte) 4, 2.5, true, 'c'};
        Object box = boxes[random.nextInt(boxes.length)];
        return box;
      }
      case 11:
        // A slice of a heap ByteBuffer (array offset 0), longer than the tensor.
        return ByteBuffer.allocate((int) bytes + 1 + random.nextInt(64)).slice();
      case 12: {
        // A heap buffer whose position leaves the wrong number of bytes.
        ByteBuffer buffer = ByteBuffer.allocate((int) bytes + 16);
        buffer.position(random.nextInt(16));
        return buffer;
      }
      default: {
        // Rank one less (rank 0 tensors: a 2-D array).
        if (shape.length == 0) {
          return Array.newInstance(element, 1, 1);
        }
        int[] shorter = Arrays.copyOf(shape, Math.max(1, shape.length - 1));
        if (shape.length == 1) {
          return Array.newInstance(element, 1, shape[0]);
        }
        return Array.newInstance(element, shorter);
      }
    }
  }

  private static int elementBytes(DataType type) {
    switch (type) {
      case FLOAT32:
      case INT32:
        return 4;
      case INT64:
        return 8;
      case INT16:
        return 2;
      default:
        return 1;
    }
  }

  private static Buffer typedBuffer(DataType type, int count, boolean direct) {
    ByteBuffer bytes = direct ? ByteBuffer.allocateDirect(count * elementBytes(type))
                              : ByteBuffer.allocate(count * elementBytes(type));
    bytes.order(ByteOrder.nativeOrder());
    switch (type) {
      case FLOAT32:
        return bytes.asFloatBuffer();
      case INT32:
        return bytes.asIntBuffer();
      case INT64:
        return bytes.asLongBuffer();
      case INT16:
        return bytes.asShortBuffer();
      default:
        return bytes;
    }
  }

  private static boolean typedBufferMatches(DataType type, Buffer buffer) {
    return (type == DataType.FLOAT32 && buffer instanceof FloatBuffer)
        || (type == DataType.INT32 && buffer instanceof IntBuffer)
        || (type == DataType.INT64 && buffer instanceof LongBuffer)
        || (type == DataType.INT16 && buffer instanceof ShortBuffer);
  }

  /** A value to receive output {@code index} that the binding must reject. */
  private static Object badOutput(Random random, Interpreter interpreter, int index) {
    Tensor tensor = interpreter.getOutputTensor(index);
    int[] shape = tensor.shape();
    long bytes = tensor.numBytes();
    Class<?> element = javaElement(tensor.dataType());
    switch (random.nextInt(7)) {
      case 0: {
        Object[] others = {"a string", new Object(), 1.5f, 3, new int[0][0][0]};
        return others[random.nextInt(others.length)];
      }
      case 1:
        return otherElementArray(random, element, shape);
      case 2: {
        int[] changed = shape.length == 0 ? new int[] {2} : shape.clone();
        changed[random.nextInt(changed.length)] += 1 + random.nextInt(3);
        return Array.newInstance(element, changed);
      }
      case 3: {
        if (shape.length < 2) {
          return new Object[] {null};
        }
        Object array = Array.newInstance(element, shape);
        Array.set(array, random.nextInt(shape[0]), null);
        return array;
      }
      case 4:
        return random.nextBoolean() ? ByteBuffer.allocate((int) Math.max(0, bytes - 1))
                                    : ByteBuffer.allocateDirect(random.nextInt((int) bytes));
      case 5: {
        Buffer buffer;
        do {
          buffer = typedBuffer(
              DataType.values()[random.nextInt(DataType.values().length)],
              (int) bytes, random.nextBoolean());
        } while (typedBufferMatches(tensor.dataType(), buffer)
            || buffer instanceof ByteBuffer);
        return buffer;
      }
      default:
        return new Object[(int) Math.max(1, shape.length > 0 ? shape[0] : 1)];
    }
  }

  /** A shape input {@code index} cannot take (resizeInput then allocateTensors must fail). */
  private static int[] badShape(Random random, Tensor tensor) {
    int[] shape = tensor.shape();
    int[] signature = tensor.shapeSignature();
    switch (random.nextInt(6)) {
      case 0:
        return Arrays.copyOf(shape, shape.length + 1 + random.nextInt(9));
      case 1:
        if (shape.length > 0) {
          return Arrays.copyOf(shape, shape.length - 1);
        }
        return new int[] {1, 1};
      case 2: {
        int[] negative = shape.length > 0 ? shape.clone() : new int[] {0};
        negative[random.nextInt(negative.length)] = -1 - random.nextInt(1 << 20);
        return negative;
      }
      case 3: {
        for (int d = 0; d < shape.length; d++) {
          if (signature[d] != -1) {
            int[] changed = shape.clone();
            changed[d] = shape[d] + 1 + random.nextInt(100);
            return changed;
          }
        }
        return new int[9];
      }
      case 4: {
        // Dynamic dimensions too large for any arena (or overflowing).
        int[] huge = shape.length > 0 ? shape.clone() : new int[] {1};
        boolean any = false;
        for (int d = 0; d < huge.length; d++) {
          if (d < signature.length && signature[d] == -1) {
            huge[d] = random.nextBoolean() ? Integer.MAX_VALUE : 1 << 28;
            any = true;
          }
        }
        if (!any) {
          huge[0] = Integer.MAX_VALUE;
        }
        return huge;
      }
      default:
        return new int[] {Integer.MIN_VALUE, Integer.MAX_VALUE, -1, 0, 3, 7, 1 << 30, -2, 5}
            .clone();
    }
  }

  @Test
  public void badArgumentsThrowAndChangeNothing() throws Exception {
    Random random = new Random(21);
    Map<String, Integer> counts = new TreeMap<>();
    try (Interpreter interpreter = new Interpreter(model("multi_io.tflite"));
        Interpreter signatures = new Interpreter(model("signatures.tflite"))) {
      int inputs = interpreter.getInputTensorCount();
      int outputCount = interpreter.getOutputTensorCount();
      interpreter.runForMultipleInputsOutputs(validInputs(), noOutputs());
      byte[][] reference = outputs(interpreter);
      for (int round = 0; round < BAD_CALLS; round++) {
        int kind = random.nextInt(12);
        String what = "call " + round + " (kind " + kind + ")";
        counts.merge("kind " + kind, 1, Integer::sum);
        int index = random.nextInt(inputs);
        switch (kind) {
          case 0:
            expectRejected(what, () -> interpreter.getInputTensor(badIndex(random, inputs)));
            expectRejected(what,
                () -> interpreter.getOutputTensor(badIndex(random, outputCount)));
            break;
          case 1: {
            int bad = badIndex(random, inputs);
            expectRejected(what, () -> interpreter.resizeInput(bad, new int[] {2, 4}));
            expectRejected(what, () -> interpreter.resizeInput(index, null, random.nextBoolean()));
            break;
          }
          case 2: {
            int[] shape = badShape(random, interpreter.getInputTensor(index));
            expectRejected(what + " resizeInput(" + index + ", " + Arrays.toString(shape) + ")",
                () -> {
                  interpreter.resizeInput(index, shape);
                  interpreter.allocateTensors();
                });
            break;
          }
          case 3:
          case 4:
          case 5: {
            Object[] given = validInputs();
            given[index] = badInput(random, interpreter, index);
            String description = what + " input " + index + " = "
                + (given[index] == null ? "null" : given[index].getClass().getName());
            expectRejected(description,
                () -> interpreter.runForMultipleInputsOutputs(given, noOutputs()));
            break;
          }
          case 6: {
            // The wrong number of inputs, or none.
            Object[] given = random.nextInt(4) == 0 ? null
                : Arrays.copyOf(validInputs(), random.nextBoolean() ? inputs - 1 - random.nextInt(
                    inputs) : inputs + 1 + random.nextInt(3));
            expectRejected(what,
                () -> interpreter.runForMultipleInputsOutputs(given, noOutputs()));
            break;
          }
          case 7:
          case 8: {
            int output = random.nextInt(outputCount);
            Map<Integer, Object> given = new HashMap<>();
            switch (random.nextInt(4)) {
              case 0:
                given.put(badIndex(random, outputCount), new float[1]);
                break;
              case 1:
                given.put(null, new float[1]);
                break;
              case 2: {
                // A raw map whose key is no Integer.
                @SuppressWarnings({"rawtypes", "unchecked"})
                Map raw = given;
                raw.put(random.nextBoolean() ? "0" : 0L, new float[2][3]);
                break;
              }
              default:
                given.put(output, badOutput(random, interpreter, output));
            }
            Map<Integer, Object> outputs = random.nextInt(8) == 0 ? null : given;
            expectRejected(what + " outputs " + given,
                () -> interpreter.runForMultipleInputsOutputs(validInputs(), outputs));
            break;
          }
          case 9: {
            String[] names = {null, "", "no such tensor", "features ", "FEATURES"};
            String name = names[random.nextInt(names.length)];
            expectRejected(what, () -> interpreter.getInputIndex(name));
            expectRejected(what, () -> interpreter.getOutputIndex(name));
            break;
          }
          case 10: {
            // SignatureDefs: unknown keys and names, null and incomplete maps.
            String[] keys = {"arith ", "nope", "", "ARITH"};
            String key = keys[random.nextInt(keys.length)];
            Map<String, Object> in = new HashMap<>();
            switch (random.nextInt(5)) {
              case 0:
                expectRejected(what, () -> signatures.getSignatureInputs(key));
                expectRejected(what, () -> signatures.getSignatureOutputs(key));
                break;
              case 1:
                expectRejected(what,
                    () -> signatures.getInputTensorFromSignature("x", key));
                expectRejected(what,
                    () -> signatures.getOutputTensorFromSignature(null, "arith"));
                break;
              case 2:
                in.put("x", new float[1][3]);
                expectRejected(what, () -> signatures.runSignature(in, new HashMap<>(), key));
                break;
              case 3: {
                in.put("x", new float[1][3]);
                // An unknown name, null, or a key of another class (unchecked callers).
                @SuppressWarnings({"rawtypes", "unchecked"})
                Map raw = in;
                Object[] names = {"z", null, 1, 'y'};
                raw.put(names[random.nextInt(names.length)], new float[1][3]);
                expectRejected(what, () -> signatures.runSignature(in, new HashMap<>(), "arith"));
                break;
              }
              default:
                expectRejected(what, () -> signatures.runSignature(
                    random.nextBoolean() ? null : in, new HashMap<>(), "arith"));
            }
            break;
          }
          default:
            expectRejected(what, () -> interpreter.setCancelled(random.nextBoolean()));
        }
        // Nothing changed: the valid run still gives the same outputs.
        if (round % 10 == 0 || kind == 2) {
          interpreter.runForMultipleInputsOutputs(validInputs(), noOutputs());
          byte[][] now = outputs(interpreter);
          for (int i = 0; i < outputCount; i++) {
            assertArrayEquals(what + ": output " + i, reference[i], now[i]);
          }
        }
      }
    }
    System.out.println("ArgumentFuzzTest: " + BAD_CALLS + " bad calls, each rejected: " + counts);
  }

  @Test
  public void badOptionsAndSourcesThrow() {
    Random random = new Random(22);
    File sine = model("sine_float.tflite");
    for (int round = 0; round < 200; round++) {
      String what = "round " + round;
      switch (random.nextInt(9)) {
        case 0:
          expectRejected(what, () -> new Interpreter.Options().setNumThreads(
              random.nextBoolean() ? 0 : -2 - random.nextInt(1000)));
          break;
        case 1:
          expectRejected(what, () -> new Interpreter.Options().setArenaSize(
              random.nextBoolean() ? 0 : Long.MIN_VALUE + random.nextInt(1000)));
          expectRejected(what, () -> new Interpreter.Options().setMaxArenaSize(
              -random.nextInt(1000)));
          break;
        case 2:
          expectRejected(what, () -> new Interpreter.Options().addCustomOpRegisterer(
              random.nextBoolean() ? null : ""));
          expectRejected(what, () -> new Interpreter.Options().setArithmetic(null));
          break;
        case 3: {
          // A registerer that does not exist.
          String name = "NoSuchRegisterer" + random.nextInt(1000);
          expectRejected(what, () -> new Interpreter(sine,
              new Interpreter.Options().addCustomOpRegisterer(name)).close());
          break;
        }
        case 4: {
          // An arena too small for the model, given or as the limit.
          long bytes = 1 + random.nextInt(256);
          expectRejected(what, () -> new Interpreter(sine, random.nextBoolean()
              ? new Interpreter.Options().setArenaSize(bytes)
              : new Interpreter.Options().setMaxArenaSize(bytes)).close());
          break;
        }
        case 5: {
          File[] files = {null, new File("/no/such/model.tflite"), new File("/")};
          File file = files[random.nextInt(files.length)];
          expectRejected(what, () -> new Interpreter(file).close());
          break;
        }
        case 6:
          expectRejected(what, () -> new Interpreter((ByteBuffer) null).close());
          break;
        case 7: {
          String[] paths = {"/no/such/library.so", "", "/", "/etc/hostname"};
          String path = paths[random.nextInt(paths.length)];
          expectRejected(what, () -> Interpreter.loadCustomOpLibrary(path));
          break;
        }
        default:
          expectRejected(what, () -> Interpreter.loadCustomOpLibrary(null));
      }
    }
  }

  @Test
  public void closedInterpreterThrowsIllegalState() throws Exception {
    Interpreter interpreter = new Interpreter(model("multi_io.tflite"));
    Tensor input = interpreter.getInputTensor(0);
    Tensor output = interpreter.getOutputTensor(0);
    interpreter.close();
    interpreter.close(); // a no-op
    List<Call> calls = new ArrayList<>(Arrays.asList(
        () -> interpreter.runForMultipleInputsOutputs(validInputs(), noOutputs()),
        () -> interpreter.run(new float[2][4], new float[2][3]),
        () -> interpreter.resizeInput(0, new int[] {3, 4}),
        () -> interpreter.resizeInput(0, null, true),
        interpreter::allocateTensors, interpreter::resetVariableTensors,
        interpreter::getInputTensorCount, interpreter::getOutputTensorCount,
        () -> interpreter.getInputTensor(0), () -> interpreter.getOutputTensor(-1),
        () -> interpreter.getInputIndex("features"), () -> interpreter.getOutputIndex(null),
        interpreter::getSignatureKeys, () -> interpreter.getSignatureInputs(null),
        () -> interpreter.runSignature(new HashMap<>(), new HashMap<>()),
        interpreter::getArenaSize, interpreter::arenaUsedBytes, interpreter::minimumArenaSize,
        interpreter::getLastNativeInferenceDurationNanoseconds,
        () -> interpreter.setCancelled(true), input::shape, input::dataType,
        input::numBytes, input::asReadOnlyBuffer, output::quantizationParams, output::name,
        output::shapeSignature, output::numElements));
    Random random = new Random(23);
    for (int round = 0; round < 300; round++) {
      int which = random.nextInt(calls.size());
      Call call = calls.get(which);
      try {
        call.run();
        fail("call " + which + " on a closed interpreter was accepted");
      } catch (IllegalStateException e) {
        assertTrue(String.valueOf(e.getMessage()), e.getMessage().contains("closed"));
      }
    }
  }

  /** A mutant of {@code model}: bytes flipped, words overwritten, cut or extended. */
  private static byte[] mutate(Random random, byte[] model) {
    byte[] bytes = model.clone();
    switch (random.nextInt(6)) {
      case 0:
        for (int i = 0, n = 1 + random.nextInt(8); i < n; i++) {
          bytes[random.nextInt(bytes.length)] ^= (byte) (1 + random.nextInt(255));
        }
        return bytes;
      case 1: {
        // A 32-bit field (offset, length, index) set to an edge value.
        int[] values = {0, -1, 1, Integer.MAX_VALUE, Integer.MIN_VALUE, bytes.length,
            bytes.length + 4, 1 << 20, random.nextInt()};
        int at = 4 * random.nextInt(bytes.length / 4);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN)
            .putInt(at, values[random.nextInt(values.length)]);
        return bytes;
      }
      case 2:
        return Arrays.copyOf(bytes, random.nextInt(bytes.length));
      case 3:
        return Arrays.copyOf(bytes, bytes.length + 1 + random.nextInt(64));
      case 4: {
        int start = random.nextInt(bytes.length);
        Arrays.fill(bytes, start, Math.min(bytes.length, start + 1 + random.nextInt(32)),
            (byte) (random.nextBoolean() ? 0 : 0xFF));
        return bytes;
      }
      default: {
        // A chunk copied over another place.
        int from = random.nextInt(bytes.length);
        int to = random.nextInt(bytes.length);
        int length = Math.min(1 + random.nextInt(64), Math.min(bytes.length - from,
            bytes.length - to));
        System.arraycopy(model, from, bytes, to, length);
        return bytes;
      }
    }
  }

  /** The mutant as one of the ByteBuffer kinds the constructor takes. */
  private static ByteBuffer asBuffer(Random random, byte[] bytes) {
    switch (random.nextInt(5)) {
      case 0:
        return ByteBuffer.wrap(bytes);
      case 1:
        return ByteBuffer.wrap(bytes).asReadOnlyBuffer(); // no accessible array
      case 2: {
        // Direct but not 16-byte aligned (copied), or aligned (read in place).
        int shift = random.nextInt(16);
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length + shift);
        direct.position(shift);
        ByteBuffer slice = direct.slice();
        slice.put(bytes);
        return slice;
      }
      case 3: {
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length);
        direct.put(bytes);
        direct.position(random.nextInt(bytes.length + 1)); // ignored: 0..capacity is read
        return direct.asReadOnlyBuffer();
      }
      default: {
        // A heap buffer with an array offset.
        byte[] larger = new byte[bytes.length + 8];
        System.arraycopy(bytes, 0, larger, 8, bytes.length);
        return ByteBuffer.wrap(larger, 8, bytes.length).slice();
      }
    }
  }

  @Test
  public void corruptedModelBuffersThrowOrRun() throws Exception {
    String[] names = {"sine_float.tflite", "sine_int8.tflite", "multi_io.tflite",
        "scalar.tflite", "signatures.tflite", "softmax_chain.tflite", "stateful.tflite",
        "dynamic_fc.tflite", "two_operand_fc.tflite", "custom_op.tflite"};
    List<byte[]> models = new ArrayList<>();
    for (String name : names) {
      models.add(TestData.bytes(model(name)));
    }
    Random random = new Random(24);
    int created = 0;
    int ran = 0;
    int rejected = 0;
    for (int round = 0; round < MODEL_MUTANTS; round++) {
      int which = random.nextInt(models.size());
      byte[] mutant = mutate(random, models.get(which));
      String what = "mutant " + round + " of " + names[which];
      ByteBuffer buffer = asBuffer(random, mutant);
      Interpreter interpreter;
      try {
        interpreter = new Interpreter(buffer);
      } catch (IllegalArgumentException | IllegalStateException e) {
        assertTrue(what + ": no message", e.getMessage() != null && !e.getMessage().isEmpty());
        rejected++;
        continue;
      }
      created++;
      try {
        Object[] inputs = new Object[interpreter.getInputTensorCount()];
        for (int i = 0; i < inputs.length; i++) {
          // Mutants may declare huge inputs (the arena limit allows 256 MiB).
          int bytes = Math.min(interpreter.getInputTensor(i).numBytes(), 1 << 22);
          byte[] data = new byte[bytes];
          random.nextBytes(data);
          inputs[i] = ByteBuffer.wrap(data);
        }
        interpreter.runForMultipleInputsOutputs(inputs, noOutputs());
        outputs(interpreter);
        ran++;
      } catch (IllegalArgumentException | IllegalStateException e) {
        assertTrue(what + ": no message", e.getMessage() != null && !e.getMessage().isEmpty());
      } finally {
        interpreter.close();
      }
    }
    System.out.println("ArgumentFuzzTest: " + MODEL_MUTANTS + " corrupted model buffers: "
        + rejected + " rejected at creation, " + created + " created, " + ran + " ran");
    assertEquals(MODEL_MUTANTS, rejected + created);
  }
}
