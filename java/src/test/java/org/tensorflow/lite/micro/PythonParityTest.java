package org.tensorflow.lite.micro;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assume.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.Test;

/**
 * The Java API gives bit-for-bit the outputs of the Python runtime (python/tflite_micro/
 * runtime.py, run by //java:python_reference) on the same model and inputs.
 */
public class PythonParityTest {
  /** An output: its shape and raw bytes. */
  private static final class Result {
    final int[] shape;
    final byte[] bytes;

    Result(int[] shape, byte[] bytes) {
      this.shape = shape;
      this.bytes = bytes;
    }
  }

  private static void flatten(Object array, ByteBuffer out) {
    if (array instanceof float[]) {
      for (float v : (float[]) array) out.putFloat(v);
    } else if (array instanceof int[]) {
      for (int v : (int[]) array) out.putInt(v);
    } else if (array instanceof long[]) {
      for (long v : (long[]) array) out.putLong(v);
    } else if (array instanceof short[]) {
      for (short v : (short[]) array) out.putShort(v);
    } else if (array instanceof byte[]) {
      out.put((byte[]) array);
    } else {
      for (int i = 0; i < Array.getLength(array); i++) {
        flatten(Array.get(array, i), out);
      }
    }
  }

  private static void writeTensor(ByteBuffer out, int[] shape, byte[] bytes) {
    out.putInt(shape.length);
    for (int d : shape) out.putInt(d);
    out.putInt(bytes.length);
    out.put(bytes);
  }

  /** Java: resize to the inputs' shapes, then run with array inputs and ByteBuffer outputs. */
  private static List<Result> runJava(File model, Object[] inputs, Interpreter.Options options) {
    try (Interpreter interpreter = new Interpreter(model, options)) {
      for (int i = 0; i < inputs.length; i++) {
        interpreter.resizeInput(i, Interpreter.arrayShape(inputs[i]));
      }
      interpreter.allocateTensors();
      Map<Integer, Object> outputs = new HashMap<>();
      for (int i = 0; i < interpreter.getOutputTensorCount(); i++) {
        outputs.put(i, ByteBuffer.allocateDirect(interpreter.getOutputTensor(i).numBytes())
            .order(ByteOrder.nativeOrder()));
      }
      interpreter.runForMultipleInputsOutputs(inputs, outputs);
      List<Result> results = new ArrayList<>();
      for (int i = 0; i < outputs.size(); i++) {
        ByteBuffer buffer = (ByteBuffer) outputs.get(i);
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        results.add(new Result(interpreter.getOutputTensor(i).shape(), bytes));
      }
      return results;
    }
  }

  /**
   * Python: the same model and inputs through //java:python_reference, with {@code pythonOptions}
   * ("arithmetic=litert", ...) as the Interpreter's keyword arguments.
   */
  private static List<Result> runPython(File model, Object[] inputs, String... pythonOptions)
      throws Exception {
    ByteBuffer encoded = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
    encoded.putInt(inputs.length);
    for (Object input : inputs) {
      ByteBuffer raw = ByteBuffer.allocate(1 << 18).order(ByteOrder.LITTLE_ENDIAN);
      flatten(input, raw);
      byte[] bytes = new byte[raw.position()];
      raw.flip().get(bytes);
      writeTensor(encoded, Interpreter.arrayShape(input), bytes);
    }
    File dir = new File(System.getenv("TEST_TMPDIR"));
    File in = File.createTempFile("inputs", ".bin", dir);
    File out = File.createTempFile("outputs", ".bin", dir);
    Files.write(in.toPath(), java.util.Arrays.copyOf(encoded.array(), encoded.position()));
    List<String> command = new ArrayList<>(List.of(
        TestData.runfile("java/python_reference").getPath(), model.getPath(), in.getPath(),
        out.getPath()));
    command.addAll(List.of(pythonOptions));
    Process process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .start();
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    process.getInputStream().transferTo(log);
    assertEquals(true, process.waitFor(120, TimeUnit.SECONDS));
    assertEquals("python_reference failed:\n" + log.toString(StandardCharsets.UTF_8), 0,
        process.exitValue());
    ByteBuffer data = ByteBuffer.wrap(Files.readAllBytes(out.toPath()))
        .order(ByteOrder.LITTLE_ENDIAN);
    List<Result> results = new ArrayList<>();
    int count = data.getInt();
    for (int i = 0; i < count; i++) {
      int[] shape = new int[data.getInt()];
      for (int d = 0; d < shape.length; d++) shape[d] = data.getInt();
      byte[] bytes = new byte[data.getInt()];
      data.get(bytes);
      results.add(new Result(shape, bytes));
    }
    return results;
  }

  private static void compare(File model, Object[] inputs) throws Exception {
    compare(model, inputs, new Interpreter.Options());
  }

  /** Compares with the Options given to Java and the same options given to Python. */
  private static List<Result> compare(File model, Object[] inputs, Interpreter.Options options,
      String... pythonOptions) throws Exception {
    List<Result> java = runJava(model, inputs, options);
    List<Result> python = runPython(model, inputs, pythonOptions);
    assertEquals(model.getName() + ": output count", python.size(), java.size());
    for (int i = 0; i < java.size(); i++) {
      assertArrayEquals(model.getName() + ": output " + i + " shape", python.get(i).shape,
          java.get(i).shape);
      assertArrayEquals(model.getName() + ": output " + i + " bytes", python.get(i).bytes,
          java.get(i).bytes);
    }
    return java;
  }

  @Test
  public void multiIoModel() throws Exception {
    compare(TestData.testModel("multi_io.tflite"), TestData.multiIoInputs(2));
    compare(TestData.testModel("multi_io.tflite"), TestData.multiIoInputs(9)); // resized
  }

  @Test
  public void sineModels() throws Exception {
    float[][] x = new float[32][1];
    byte[][] q = new byte[32][1];
    for (int i = 0; i < 32; i++) {
      x[i][0] = (float) (2 * Math.PI * i / 31);
      q[i][0] = (byte) (i * 8 - 128);
    }
    compare(TestData.testModel("sine_float.tflite"), new Object[] {x});
    compare(TestData.testModel("sine_int8.tflite"), new Object[] {q});
  }

  @Test
  public void options() throws Exception {
    byte[][] q = new byte[256][1];
    for (int i = 0; i < 256; i++) {
      q[i][0] = (byte) (i - 128);
    }
    File model = TestData.testModel("sine_int8.tflite");
    Interpreter.Options options = new Interpreter.Options();
    byte[] tflm = compare(model, new Object[] {q}, options).get(0).bytes;
    options.setArithmetic(Interpreter.Options.Arithmetic.LITERT).setPreserveInputs(false);
    byte[] litert = compare(model, new Object[] {q}, options, "arithmetic=litert",
        "preserve_inputs=0").get(0).bytes;
    // The arithmetic reached the kernels: some of the 256 inputs round differently.
    assertEquals(false, java.util.Arrays.equals(tflm, litert));
    options = new Interpreter.Options().setPreserveAllTensors(true);
    compare(TestData.testModel("multi_io.tflite"), TestData.multiIoInputs(3), options,
        "preserve_all_tensors=1");
  }

  @Test
  public void sharedHelloWorldModels() throws Exception {
    String reason = TestData.sharedAbsentReason();
    assumeTrue(reason, reason == null);
    for (byte v : new byte[] {-128, -50, 0, 50, 127}) {
      compare(TestData.sharedModel("hello_world_int8.tflite"), new Object[] {new byte[][] {{v}}});
    }
    for (float v : new float[] {0.0f, 1.0f, 3.0f, 5.5f}) {
      compare(TestData.sharedModel("hello_world_float.tflite"),
          new Object[] {new float[][] {{v}}});
    }
  }
}
