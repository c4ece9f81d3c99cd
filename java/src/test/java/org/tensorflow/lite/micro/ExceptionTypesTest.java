package org.tensorflow.lite.micro;

import static org.junit.Assert.assertThrows;

import java.io.File;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.util.HashMap;
import org.junit.Test;
import org.junit.function.ThrowingRunnable;

/**
 * Issue 20, point 6: the same mistakes throw what TFLite's Java API throws. Closed interpreters
 * and tensors: IllegalStateException; bad arguments, failed resizes and failed runs:
 * IllegalArgumentException; failed tensor allocation: IllegalStateException; an output buffer with
 * room but its position too far: BufferOverflowException; a read-only output buffer:
 * ReadOnlyBufferException; setCancelled without setCancellable: IllegalStateException.
 */
public class ExceptionTypesTest {
  private static final File SINE = TestData.testModel("sine_float.tflite");

  @Test
  public void closedInterpreterAndTensor() {
    Interpreter interpreter = new Interpreter(TestData.testModel("stateful.tflite"));
    Tensor input = interpreter.getInputTensor(0);
    interpreter.close();
    ThrowingRunnable[] calls = {
        () -> interpreter.run(new float[] {1}, new float[1][1]),
        () -> interpreter.runForMultipleInputsOutputs(new Object[] {new float[1]},
            new HashMap<>()),
        () -> interpreter.runSignature(new HashMap<>(), new HashMap<>(), "step"),
        () -> interpreter.getSignatureKeys(),
        () -> interpreter.getSignatureInputs("step"),
        () -> interpreter.getInputTensorFromSignature("x", "step"),
        () -> interpreter.getLastNativeInferenceDurationNanoseconds(),
        () -> interpreter.resetVariableTensors(),
        () -> interpreter.setCancelled(true),
        () -> interpreter.resizeInput(0, new int[] {1}, true),
        () -> interpreter.allocateTensors(),
        () -> interpreter.getInputTensorCount(),
        () -> input.shape(),
        () -> input.numBytes(),
        () -> input.asReadOnlyBuffer(),
    };
    for (ThrowingRunnable call : calls) {
      assertThrows(IllegalStateException.class, call);
    }
    interpreter.close(); // again: a no-op
  }

  @Test
  public void argumentMistakes() {
    try (Interpreter interpreter = new Interpreter(SINE)) {
      assertThrows(IllegalArgumentException.class, () -> interpreter.getInputTensor(1));
      assertThrows(IllegalArgumentException.class, () -> interpreter.getOutputIndex("nope"));
      assertThrows(IllegalArgumentException.class,
          () -> interpreter.run(new int[][] {{1}}, new float[1][1]));
      assertThrows(IllegalArgumentException.class,
          () -> interpreter.run(new float[][] {{1}}, new float[1][2]));
      assertThrows(IllegalArgumentException.class,
          () -> interpreter.run(null, new float[1][1]));
      assertThrows(IllegalArgumentException.class,
          () -> interpreter.runForMultipleInputsOutputs(new Object[] {new float[1][1]}, null));
      assertThrows(IllegalArgumentException.class,
          () -> interpreter.run(new float[][] {{1}}, ByteBuffer.allocate(2)));
      ByteBuffer late = ByteBuffer.allocate(4);
      late.position(1);
      assertThrows(BufferOverflowException.class,
          () -> interpreter.run(new float[][] {{1}}, late));
      assertThrows(ReadOnlyBufferException.class,
          () -> interpreter.run(new float[][] {{1}}, ByteBuffer.allocate(4).asReadOnlyBuffer()));
      assertThrows(IllegalStateException.class, () -> interpreter.setCancelled(true));
      // sine's input [1, 1]: its last dimension is fixed.
      assertThrows(IllegalArgumentException.class,
          () -> interpreter.resizeInput(0, new int[] {1, 2}));
    }
  }

  @Test
  public void failedAllocationAndFailedRun() {
    try (Interpreter interpreter = new Interpreter(TestData.testModel("dynamic_fc.tflite"))) {
      // FULLY_CONNECTED rejects 5 values per row while preparing: an allocation failure.
      interpreter.resizeInput(0, new int[] {1, 5});
      assertThrows(IllegalStateException.class, interpreter::allocateTensors);
    }
    try (Interpreter interpreter =
        new Interpreter(SINE, new Interpreter.Options().setCancellable(true))) {
      interpreter.setCancelled(true);
      // A run that does not complete: TFLite's IllegalArgumentException.
      assertThrows(IllegalArgumentException.class,
          () -> interpreter.run(new float[][] {{1}}, new float[1][1]));
    }
  }
}
