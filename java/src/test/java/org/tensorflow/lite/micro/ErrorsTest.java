package org.tensorflow.lite.micro;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.Test;
import org.junit.function.ThrowingRunnable;

/** Every documented error: its exception type and a message naming expected and given. */
public class ErrorsTest {
  private static File multiIo() {
    return TestData.testModel("multi_io.tflite");
  }

  private static File sine() {
    return TestData.testModel("sine_float.tflite");
  }

  private static <T extends Throwable> T expect(Class<T> type, ThrowingRunnable body,
      String... fragments) {
    T error = assertThrows(type, body);
    String message = String.valueOf(error.getMessage());
    for (String fragment : fragments) {
      assertTrue("message \"" + message + "\" lacks \"" + fragment + "\"",
          message.contains(fragment));
    }
    return error;
  }

  private static Map<Integer, Object> output(int index, Object value) {
    Map<Integer, Object> outputs = new HashMap<>();
    outputs.put(index, value);
    return outputs;
  }

  // ---- Models

  @Test
  public void invalidModelBytes() {
    byte[] garbage = new byte[256];
    for (int i = 0; i < garbage.length; i++) {
      garbage[i] = (byte) (i * 37 + 11);
    }
    IllegalArgumentException error = expect(IllegalArgumentException.class,
        () -> new Interpreter(ByteBuffer.wrap(garbage)));
    assertTrue("the core's message: " + error.getMessage(), error.getMessage().length() > 10);
    expect(IllegalArgumentException.class, () -> new Interpreter(ByteBuffer.allocate(0)));
    expect(IllegalArgumentException.class,
        () -> new Interpreter(ByteBuffer.allocateDirect(64)));
  }

  @Test
  public void truncatedModelFile() throws Exception {
    byte[] bytes = TestData.bytes(sine());
    ByteBuffer half = ByteBuffer.wrap(Arrays.copyOf(bytes, bytes.length / 2));
    expect(IllegalArgumentException.class, () -> new Interpreter(half));
  }

  @Test
  public void randomlyCorruptedModelsNeverCrash() throws Exception {
    // 1-8 random bytes changed: each copy runs or is rejected with an
    // exception, never takes the JVM down.
    byte[] original = TestData.bytes(TestData.testModel("sine_int8.tflite"));
    java.util.Random random = new java.util.Random(20261121);
    int ran = 0;
    int rejected = 0;
    for (int copy = 0; copy < 300; copy++) {
      byte[] bytes = original.clone();
      int changes = 1 + random.nextInt(8);
      for (int i = 0; i < changes; i++) {
        bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
      }
      try (Interpreter interpreter = new Interpreter(ByteBuffer.wrap(bytes))) {
        Object[] inputs = new Object[interpreter.getInputTensorCount()];
        for (int i = 0; i < inputs.length; i++) {
          inputs[i] = ByteBuffer.allocateDirect(interpreter.getInputTensor(i).numBytes())
                          .order(ByteOrder.nativeOrder());
        }
        Map<Integer, Object> outputs = new HashMap<>();
        for (int o = 0; o < interpreter.getOutputTensorCount(); o++) {
          outputs.put(o, ByteBuffer.allocateDirect(interpreter.getOutputTensor(o).numBytes())
                             .order(ByteOrder.nativeOrder()));
        }
        interpreter.runForMultipleInputsOutputs(inputs, outputs);
        ran++;
      } catch (IllegalArgumentException | IllegalStateException e) {
        assertTrue("empty message", e.getMessage() != null && !e.getMessage().isEmpty());
        rejected++;
      }
    }
    assertEquals(300, ran + rejected);
  }

  @Test
  public void missingOrNullModel() {
    File missing = new File("/nonexistent/model.tflite");
    expect(IllegalArgumentException.class, () -> new Interpreter(missing),
        "/nonexistent/model.tflite");
    expect(IllegalArgumentException.class, () -> new Interpreter((File) null), "null");
    expect(IllegalArgumentException.class, () -> new Interpreter((ByteBuffer) null), "null");
  }

  @Test
  public void arenaTooSmallGivesTheSizeNeeded() {
    IllegalArgumentException error = expect(IllegalArgumentException.class,
        () -> new Interpreter(sine(), new Interpreter.Options().setArenaSize(256)),
        "256 bytes is too small", "setArenaSize(");
    expect(IllegalArgumentException.class, () -> new Interpreter.Options().setArenaSize(0));
    expect(IllegalArgumentException.class, () -> new Interpreter.Options().setArithmetic(null),
        "TFLM", "LITERT");
    assertTrue(error.getMessage().contains("needs"));
  }

  @Test
  public void unknownCustomOpAndRegisterers() {
    expect(IllegalArgumentException.class,
        () -> new Interpreter(TestData.testModel("custom_op.tflite")), "JAVA_TEST_NEGATE");
    expect(IllegalArgumentException.class,
        () -> new Interpreter(sine(),
            new Interpreter.Options().addCustomOpRegisterer("NoSuchRegisterer")),
        "NoSuchRegisterer", "not found");
    expect(IllegalArgumentException.class,
        () -> new Interpreter.Options().addCustomOpRegisterer(""));
    Interpreter.loadCustomOpLibrary(
        TestData.runfile("java/libjava_test_custom_ops.so").getAbsolutePath());
    expect(IllegalStateException.class,
        () -> new Interpreter(sine(),
            new Interpreter.Options().addCustomOpRegisterer("JavaTestRegistererThatFails")),
        "JavaTestRegistererThatFails", "returned false");
    expect(IllegalArgumentException.class,
        () -> Interpreter.loadCustomOpLibrary("/nonexistent/libops.so"), "/nonexistent/libops.so");
  }

  // ---- Inputs and outputs

  @Test
  public void boxedScalars() {
    try (Interpreter interpreter = new Interpreter(sine())) {
      expect(IllegalArgumentException.class,
          () -> interpreter.run(Float.valueOf(1.0f), new float[1][1]),
          "java.lang.Float", "boxed", "float array");
      expect(IllegalArgumentException.class,
          () -> interpreter.run(new float[][] {{1.0f}}, Integer.valueOf(0)),
          "java.lang.Integer", "boxed", "Output 0");
      expect(IllegalArgumentException.class,
          () -> interpreter.run(new Float[][] {{1.0f}}, new float[1][1]), "Float[][]",
          "float array");
      expect(IllegalArgumentException.class,
          () -> interpreter.run("1.0", new float[1][1]), "java.lang.String");
    }
  }

  @Test
  public void wrongElementType() {
    try (Interpreter interpreter = new Interpreter(sine())) {
      expect(IllegalArgumentException.class,
          () -> interpreter.run(new int[][] {{1}}, new float[1][1]),
          "Input 0", "FLOAT32", "int[][]", "expected a float array");
      expect(IllegalArgumentException.class,
          () -> interpreter.run(new float[][] {{1}}, new double[1][1]),
          "Output 0", "double[][]", "float array");
    }
    try (Interpreter interpreter = new Interpreter(multiIo())) {
      Object[] inputs = TestData.multiIoInputs(2);
      inputs[1] = new short[][] {{1, 2, 3, 4, 5}};
      expect(IllegalArgumentException.class,
          () -> interpreter.runForMultipleInputsOutputs(inputs, output(0, new float[2][3])),
          "Input 1", "INT8", "short[][]", "byte array");
    }
  }

  @Test
  public void wrongSizes() {
    try (Interpreter interpreter = new Interpreter(sine())) {
      ByteBuffer small = ByteBuffer.allocateDirect(2).order(ByteOrder.nativeOrder());
      expect(IllegalArgumentException.class,
          () -> interpreter.run(small, new float[1][1]), "takes 4 bytes", "2 remaining");
      expect(IllegalArgumentException.class,
          () -> interpreter.run(new float[][] {{1}}, ByteBuffer.allocate(3)),
          "has 4 bytes", "3 remaining");
      expect(IllegalArgumentException.class,
          () -> interpreter.run(new float[][] {{1}}, ByteBuffer.allocate(8).asReadOnlyBuffer()),
          "read-only");
      expect(IllegalArgumentException.class,
          () -> interpreter.run(new float[][] {{1}}, new float[2][1]),
          "Output 0", "[2, 1]", "expected [1, 1]");
      expect(IllegalArgumentException.class,
          () -> interpreter.run(new float[][] {{1}}, new float[1]), "[1]", "expected [1, 1]");
    }
  }

  @Test
  public void raggedAndNullSubArrays() {
    try (Interpreter interpreter = new Interpreter(multiIo())) {
      Object[] inputs = TestData.multiIoInputs(2);
      inputs[0] = new float[][] {{1, 2, 3, 4}, {1, 2, 3}};
      expect(IllegalArgumentException.class,
          () -> interpreter.runForMultipleInputsOutputs(inputs, output(0, new float[2][3])),
          "Input 0", "length 3", "rectangular");
      inputs[0] = new float[][] {{1, 2, 3, 4}, null};
      expect(IllegalArgumentException.class,
          () -> interpreter.runForMultipleInputsOutputs(inputs, output(0, new float[2][3])),
          "null");
      // The interpreter still works afterwards.
      float[][] scores = new float[2][3];
      interpreter.runForMultipleInputsOutputs(TestData.multiIoInputs(2), output(0, scores));
    }
  }

  @Test
  public void wrongInputCountAndNullArguments() {
    try (Interpreter interpreter = new Interpreter(multiIo())) {
      expect(IllegalArgumentException.class,
          () -> interpreter.run(new float[2][4], new float[2][3]), "5 inputs", "1 was given");
      expect(IllegalArgumentException.class,
          () -> interpreter.runForMultipleInputsOutputs(null, output(0, new float[2][3])),
          "inputs is null");
      Object[] inputs = TestData.multiIoInputs(2);
      expect(IllegalArgumentException.class,
          () -> interpreter.runForMultipleInputsOutputs(inputs, null), "outputs is null");
      expect(IllegalArgumentException.class,
          () -> interpreter.runForMultipleInputsOutputs(inputs, new HashMap<>()),
          "outputs is empty");
      inputs[2] = null;
      expect(IllegalArgumentException.class,
          () -> interpreter.runForMultipleInputsOutputs(inputs, output(0, new float[2][3])),
          "Input 2", "\"ids\"", "is null", "int array");
      expect(IllegalArgumentException.class,
          () -> interpreter.runForMultipleInputsOutputs(TestData.multiIoInputs(2),
              output(1, null)),
          "Output 1", "is null");
    }
  }

  @Test
  public void unknownNamesAndIndicesOutOfRange() {
    try (Interpreter interpreter = new Interpreter(multiIo())) {
      expect(IllegalArgumentException.class, () -> interpreter.getInputIndex("nope"),
          "\"nope\"", "\"features\"", "\"pcm\"");
      expect(IllegalArgumentException.class, () -> interpreter.getOutputIndex("features"),
          "\"features\"", "\"scores\"");
      expect(IllegalArgumentException.class, () -> interpreter.getInputIndex(null), "null");
      expect(IllegalArgumentException.class, () -> interpreter.getInputTensor(5),
          "Input index 5", "5 inputs");
      expect(IllegalArgumentException.class, () -> interpreter.getOutputTensor(-1),
          "Output index -1", "7 outputs");
      expect(IllegalArgumentException.class, () -> interpreter.resizeInput(9, new int[] {1}),
          "Input index 9");
      expect(IllegalArgumentException.class,
          () -> interpreter.runForMultipleInputsOutputs(TestData.multiIoInputs(2),
              output(7, new float[1])),
          "Output index 7");
    }
  }

  @Test
  public void resizeAgainstTheShapeSignature() {
    try (Interpreter interpreter = new Interpreter(multiIo())) {
      // features is [-1, 4]: the 4 is fixed.
      expect(IllegalArgumentException.class,
          () -> interpreter.resizeInput(0, new int[] {2, 5}), "dimension 1 must be 4", "got 5");
      expect(IllegalArgumentException.class,
          () -> interpreter.resizeInput(0, new int[] {2}), "rank");
      Object[] inputs = TestData.multiIoInputs(2);
      inputs[0] = new float[2][6];
      expect(IllegalArgumentException.class,
          () -> interpreter.runForMultipleInputsOutputs(inputs, output(0, new float[2][3])),
          "must be 4");
    }
  }

  @Test
  public void kernelFailureWhileRunning() {
    try (Interpreter interpreter = new Interpreter(TestData.testModel("dynamic_fc.tflite"))) {
      // x may take any shape, but FULLY_CONNECTED's weights need 4 values per row.
      IllegalStateException error = expect(IllegalStateException.class,
          () -> interpreter.run(new float[][] {{1, 2, 3, 4, 5}}, new float[1][2]));
      assertTrue("the core's message: " + error.getMessage(),
          error.getMessage().contains("FULLY_CONNECTED"));
      // Back to a good shape: it works again.
      float[][] out = new float[1][2];
      interpreter.run(new float[][] {{1, 1, 1, 1}}, out);
      assertEquals(0 + 1 + 2 + 3, out[0][0], 0.0f);
      assertEquals(4 + 5 + 6 + 7, out[0][1], 0.0f);
    }
  }

  @Test
  public void arenaTooSmallForResizedInputs() {
    File file = TestData.testModel("dynamic_fc.tflite");
    long minimum;
    // The smallest arena for the two-row inputs run below (a shape other
    // than the model's also needs its dims copied into the arena).
    try (Interpreter interpreter = new Interpreter(file)) {
      interpreter.resizeInput(0, new int[] {2, 4});
      interpreter.allocateTensors();
      minimum = interpreter.minimumArenaSize();
    }
    try (Interpreter interpreter =
        new Interpreter(file, new Interpreter.Options().setArenaSize(minimum))) {
      float[][] big = new float[4096][4];
      expect(IllegalStateException.class, () -> interpreter.run(big, new float[4096][2]),
          "too small for these input shapes", "it needs");
      // After the failed allocation the interpreter is back at the model's shapes.
      assertArrayEquals(new int[] {1, 4}, interpreter.getInputTensor(0).shape());
      float[][] out = new float[2][2];
      interpreter.run(new float[][] {{1, 1, 1, 1}, {0, 0, 0, 1}}, out);
      assertEquals(6, out[0][0], 0.0f);
      assertEquals(7, out[1][1], 0.0f);
      // A failure in explicit calls too: resizeInput, then allocateTensors.
      interpreter.resizeInput(0, new int[] {4096, 4});
      expect(IllegalStateException.class, interpreter::allocateTensors, "it needs");
      interpreter.allocateTensors(); // recovers
      assertArrayEquals(new int[] {1, 2}, interpreter.getOutputTensor(0).shape());
    }
  }

  // ---- Lifecycle

  @Test
  public void useAfterClose() {
    Interpreter interpreter = new Interpreter(sine());
    Tensor input = interpreter.getInputTensor(0);
    interpreter.close();
    interpreter.close(); // a second close is a no-op
    expect(IllegalStateException.class,
        () -> interpreter.run(new float[][] {{1}}, new float[1][1]), "closed");
    expect(IllegalStateException.class, () -> interpreter.getInputTensor(0), "closed");
    expect(IllegalStateException.class, () -> interpreter.getInputTensorCount(), "closed");
    expect(IllegalStateException.class, () -> interpreter.getOutputIndex("y"), "closed");
    expect(IllegalStateException.class, () -> interpreter.resizeInput(0, new int[] {1, 1}),
        "closed");
    expect(IllegalStateException.class, () -> interpreter.allocateTensors(), "closed");
    expect(IllegalStateException.class, () -> input.shape(), "closed");
    expect(IllegalStateException.class, () -> input.dataType(), "closed");
  }
}
