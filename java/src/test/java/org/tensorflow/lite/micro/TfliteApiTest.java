package org.tensorflow.lite.micro;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.ByteBuffer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.Test;

/**
 * Issue 20, point 4: TFLite's Options setters, setCancelled, the last inference duration,
 * resetVariableTensors, resizeInput(int, int[], boolean), InterpreterApi.create and the
 * TensorFlowLite class.
 */
public class TfliteApiTest {
  private static final File SINE = TestData.testModel("sine_float.tflite");

  @Test
  public void optionsSettersAreAcceptedAndChained() {
    Interpreter.Options options = new Interpreter.Options()
        .setNumThreads(4)
        .setUseXNNPACK(false)
        .setUseNNAPI(true)
        .setCancellable(true)
        .setAllowFp16PrecisionForFp32(true)
        .setAllowBufferHandleOutput(true)
        .setArenaSize(1 << 16);
    assertEquals(4, options.getNumThreads());
    assertFalse(options.getUseXNNPACK());
    assertTrue(options.getUseNNAPI());
    assertTrue(options.isCancellable());
    assertThrows(IllegalArgumentException.class, () -> new Interpreter.Options().setNumThreads(0));
    new Interpreter.Options().setNumThreads(-1);
    try (Interpreter interpreter = new Interpreter(SINE, options)) {
      float[][] out = new float[1][1];
      interpreter.run(new float[][] {{0.5f}}, out);
      assertEquals(Math.sin(0.5), out[0][0], 0.2);
    }
  }

  @Test
  public void interpreterApiCreate() throws Exception {
    InterpreterApi.Options options = new InterpreterApi.Options().setNumThreads(2);
    try (InterpreterApi interpreter = InterpreterApi.create(SINE, options)) {
      assertTrue(interpreter instanceof Interpreter);
      float[][] out = new float[1][1];
      interpreter.run(new float[][] {{1.0f}}, out);
      assertEquals(Math.sin(1.0), out[0][0], 0.2);
      assertEquals(1, interpreter.getInputTensorCount());
      assertEquals(0, interpreter.getInputIndex(interpreter.getInputTensor(0).name()));
    }
    try (InterpreterApi interpreter = InterpreterApi.create(TestData.direct(SINE), null)) {
      assertEquals(1, interpreter.getOutputTensorCount());
    }
    // Interpreter.Options keep their own settings through create().
    Interpreter.Options micro = new Interpreter.Options().setArenaSize(1 << 15);
    try (InterpreterApi interpreter = InterpreterApi.create(SINE, micro)) {
      assertEquals(1 << 15, ((Interpreter) interpreter).getArenaSize());
    }
  }

  @Test
  public void tensorFlowLiteVersions() {
    TensorFlowLite.init();
    assertEquals(TensorFlowLite.VERSION, TensorFlowLite.runtimeVersion());
    assertTrue(TensorFlowLite.runtimeVersion().matches("\\d+\\.\\d+\\.\\d+.*"));
    assertEquals("3", TensorFlowLite.schemaVersion());
    @SuppressWarnings("deprecation")
    String version = TensorFlowLite.version();
    assertEquals(TensorFlowLite.schemaVersion(), version);
  }

  @Test
  public void lastInferenceDuration() {
    try (Interpreter interpreter = new Interpreter(SINE)) {
      assertNull(interpreter.getLastNativeInferenceDurationNanoseconds());
      interpreter.run(new float[][] {{1.0f}}, new float[1][1]);
      Long nanos = interpreter.getLastNativeInferenceDurationNanoseconds();
      assertTrue(nanos != null && nanos >= 0);
      // A failed run leaves no duration.
      assertThrows(IllegalArgumentException.class,
          () -> interpreter.run(new float[][] {{1.0f}}, new float[2][2]));
      assertNull(interpreter.getLastNativeInferenceDurationNanoseconds());
    }
  }

  @Test
  public void cancellation() throws Exception {
    try (Interpreter interpreter = new Interpreter(SINE)) {
      assertThrows(IllegalStateException.class, () -> interpreter.setCancelled(true));
    }
    try (Interpreter interpreter =
        new Interpreter(SINE, new Interpreter.Options().setCancellable(true))) {
      float[][] out = {{-7.0f}};
      interpreter.setCancelled(true);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> interpreter.run(new float[][] {{1.0f}}, out));
      assertTrue(e.getMessage(), e.getMessage().contains("cancelled"));
      assertEquals("no output copied", -7.0f, out[0][0], 0.0f);
      assertNull(interpreter.getLastNativeInferenceDurationNanoseconds());
      // setCancelled from another thread works while this one holds the interpreter.
      AtomicReference<Throwable> failure = new AtomicReference<>();
      CountDownLatch done = new CountDownLatch(1);
      Thread other = new Thread(() -> {
        try {
          interpreter.setCancelled(false);
        } catch (Throwable t) {
          failure.set(t);
        } finally {
          done.countDown();
        }
      });
      other.start();
      done.await();
      assertNull(failure.get());
      interpreter.run(new float[][] {{1.0f}}, out);
      assertEquals(Math.sin(1.0), out[0][0], 0.2);
    }
  }

  @Test
  public void resetVariableTensors() {
    try (Interpreter interpreter = new Interpreter(TestData.testModel("stateful.tflite"))) {
      float[][] y = new float[1][1];
      interpreter.run(new float[] {1.0f}, y);
      assertEquals("the initial state", 5.0f, y[0][0], 0.0f);
      interpreter.run(new float[] {2.0f}, y);
      assertEquals("the previous input", 1.0f, y[0][0], 0.0f);
      interpreter.resetVariableTensors();
      interpreter.run(new float[] {3.0f}, y);
      assertEquals("the initial state again", 5.0f, y[0][0], 0.0f);
    }
  }

  @Test
  public void strictAndNonStrictResize() {
    try (Interpreter interpreter = new Interpreter(TestData.testModel("multi_io.tflite"))) {
      // Dimension 0 of "features" is -1 in the shape signature: both kinds resize it.
      interpreter.resizeInput(0, new int[] {3, 4}, true);
      interpreter.allocateTensors();
      assertArrayEquals(new int[] {3, 4}, interpreter.getInputTensor(0).shape());
      interpreter.resizeInput(0, new int[] {5, 4}, false);
      interpreter.allocateTensors();
      assertArrayEquals(new int[] {5, 4}, interpreter.getInputTensor(0).shape());
      // A fixed dimension or another rank: refused by both (the micro interpreter plans from
      // the model's shapes), with TFLite's exception type for a failed resize.
      assertThrows(IllegalArgumentException.class,
          () -> interpreter.resizeInput(0, new int[] {5, 5}, true));
      assertThrows(IllegalArgumentException.class,
          () -> interpreter.resizeInput(0, new int[] {5, 5}, false));
      assertThrows(IllegalArgumentException.class,
          () -> interpreter.resizeInput(0, new int[] {20}, false));
    }
  }

  @Test
  public void heapModelBufferStillWorks() throws Exception {
    try (InterpreterApi interpreter =
        InterpreterApi.create(ByteBuffer.wrap(TestData.bytes(SINE)), null)) {
      assertEquals(1, interpreter.getInputTensorCount());
    }
  }
}
