package org.tensorflow.lite.micro;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.io.File;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import org.junit.Test;

/**
 * Issue 21 through the Java API: inputs read as zeros after every planning, the default arena's
 * growth limit, and setCancelled stopping a run that would never end.
 */
public final class ReliabilityTest {
  private static File testModel(String name) {
    return TestData.runfile("tensorflow/lite/micro/testing/models/" + name);
  }

  private static File simpleAdd() {
    assumeTrue(TestData.sharedAbsentReason() == null);
    return TestData.sharedModel("simple_add_model.tflite");
  }

  private static byte[] fill(int batch, int value) {
    byte[] data = new byte[batch * 128 * 128];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) (value < 0 ? i % 97 : value);
    }
    return data;
  }

  private static void assertAllZero(Tensor tensor) {
    ByteBuffer data = tensor.asReadOnlyBuffer();
    while (data.hasRemaining()) {
      assertEquals(tensor.name(), 0, data.get());
    }
  }

  private static byte[] addRun(Interpreter interpreter, byte[] first, byte[] second) {
    byte[] out = new byte[first.length];
    Map<Integer, Object> outputs = new HashMap<>();
    outputs.put(0, ByteBuffer.wrap(out));
    interpreter.runForMultipleInputsOutputs(
        new Object[] {ByteBuffer.wrap(first), ByteBuffer.wrap(second)}, outputs);
    return out;
  }

  @Test
  public void inputsAndOutputsReadZerosAfterEveryPlanning() {
    try (Interpreter interpreter = new Interpreter(simpleAdd())) {
      // Java runs always set every input: what shows is the tensors' content before one.
      assertAllZero(interpreter.getInputTensor(1));
      assertAllZero(interpreter.getOutputTensor(0));
      byte[] expected = addRun(interpreter, fill(1, -1), fill(1, 0));
      addRun(interpreter, fill(1, -1), fill(1, 90));
      long arena = interpreter.getArenaSize();
      // A batch of 4 grows the arena; back to 1 re-plans inside it.
      for (int[] shape : new int[][] {{4, 128, 128, 1}, {1, 128, 128, 1}}) {
        interpreter.resizeInput(0, shape);
        interpreter.resizeInput(1, shape);
        interpreter.allocateTensors();
        assertAllZero(interpreter.getInputTensor(0));
        assertAllZero(interpreter.getInputTensor(1));
        assertAllZero(interpreter.getOutputTensor(0));
        if (shape[0] == 4) {
          assertTrue(interpreter.getArenaSize() > arena);
          addRun(interpreter, fill(4, -1), fill(4, 51));
        }
      }
      assertArrayEquals(expected, addRun(interpreter, fill(1, -1), fill(1, 0)));
    }
  }

  @Test
  public void defaultArenaGrowthIsBounded() throws Exception {
    File huge = testModel("huge_tensors.tflite");
    assertTrue(huge.length() < 1024);
    assertEquals(256L << 20, Interpreter.Options.DEFAULT_MAX_ARENA_SIZE);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Interpreter(huge));
    String message = e.getMessage();
    assertTrue(message, message.contains("needs an arena of "));
    assertTrue(message, message.contains("setArenaSize("));
    long needed = Long.parseLong(message.split("needs an arena of ")[1].split(" ")[0]);
    assertTrue(message, needed >= 3L * 16000 * 16000 * 4);

    File add = simpleAdd();
    long minimum;
    try (Interpreter interpreter = new Interpreter(add)) {
      minimum = interpreter.minimumArenaSize();
    }
    Interpreter.Options limited = new Interpreter.Options().setMaxArenaSize(minimum / 2);
    e = assertThrows(IllegalArgumentException.class, () -> new Interpreter(add, limited));
    assertTrue(e.getMessage(), e.getMessage().contains("setArenaSize(" + minimum + ")"));
    try (Interpreter interpreter = new Interpreter(add, limited.setArenaSize(minimum))) {
      addRun(interpreter, fill(1, 1), fill(1, 2));
    }
    assertThrows(IllegalArgumentException.class,
        () -> new Interpreter.Options().setMaxArenaSize(0));
  }

  @Test
  public void setCancelledStopsAnEndlessLoop() throws Exception {
    Interpreter.Options options = new Interpreter.Options().setCancellable(true);
    try (Interpreter interpreter = new Interpreter(testModel("endless_while.tflite"), options)) {
      float[][] out = {{-7, -7, -7, -7}};
      Thread canceller = new Thread(() -> {
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        interpreter.setCancelled(true);
      });
      long start = System.nanoTime();
      canceller.start();
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> interpreter.run(new float[][] {{1, 2, 3, 4}}, out));
      canceller.join();
      assertTrue(e.getMessage(), e.getMessage().contains("cancelled"));
      assertTrue(System.nanoTime() - start < 10_000_000_000L);
      assertEquals("no output copied", -7f, out[0][0], 0f);
    }
    try (Interpreter interpreter = new Interpreter(simpleAdd(), options)) {
      interpreter.setCancelled(true);
      assertThrows(IllegalArgumentException.class,
          () -> addRun(interpreter, fill(1, 1), fill(1, 2)));
      interpreter.setCancelled(false);
      addRun(interpreter, fill(1, 1), fill(1, 2));
    }
  }
}
