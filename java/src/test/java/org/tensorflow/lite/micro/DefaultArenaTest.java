package org.tensorflow.lite.micro;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.io.File;
import java.util.HashMap;
import java.util.Map;
import org.junit.Test;

/**
 * Issue 20, point 5: with the default arena, a model whose tensors need more than ten times its
 * size still loads and runs: the arena grows to the exact minimum, as in the Python runtime (both
 * use the host layer's HostedInterpreter).
 */
public class DefaultArenaTest {

  @Test
  public void simpleAddModelRunsWithTheDefaultArena() {
    String reason = TestData.sharedAbsentReason();
    assumeTrue(reason, reason == null);
    File file = TestData.sharedModel("simple_add_model.tflite");
    try (Interpreter interpreter = new Interpreter(file)) {
      assertTrue("grown beyond 10x the model: " + interpreter.getArenaSize(),
          interpreter.getArenaSize() > 10 * file.length());
      assertEquals(interpreter.minimumArenaSize(), interpreter.getArenaSize());
      // int8 [1, 128, 128, 1] + the same: compare with the dequantized sum.
      Tensor a = interpreter.getInputTensor(0);
      Tensor b = interpreter.getInputTensor(1);
      Tensor c = interpreter.getOutputTensor(0);
      assertEquals(DataType.INT8, a.dataType());
      int[] shape = a.shape();
      int n = a.numElements();
      java.nio.ByteBuffer x = java.nio.ByteBuffer.allocateDirect(n);
      java.nio.ByteBuffer y = java.nio.ByteBuffer.allocateDirect(n);
      for (int i = 0; i < n; i++) {
        x.put((byte) (i % 50 - 25));
        y.put((byte) (i % 30 - 15));
      }
      java.nio.ByteBuffer sum = java.nio.ByteBuffer.allocate(n);
      Map<Integer, Object> outputs = new HashMap<>();
      outputs.put(0, sum);
      interpreter.runForMultipleInputsOutputs(new Object[] {x, y}, outputs);
      Tensor.QuantizationParams qa = a.quantizationParams();
      Tensor.QuantizationParams qb = b.quantizationParams();
      Tensor.QuantizationParams qc = c.quantizationParams();
      for (int i = 0; i < n; i++) {
        double real = qa.getScale() * (x.get(i) - qa.getZeroPoint())
            + qb.getScale() * (y.get(i) - qb.getZeroPoint());
        double want = Math.max(-128, Math.min(127,
            Math.round(real / qc.getScale()) + qc.getZeroPoint()));
        assertEquals("element " + i, want, sum.get(i), 1.0);
      }
      assertArrayEquals(shape, interpreter.getOutputTensor(0).shape());
    }
  }

  @Test
  public void generatedModelBeyondTenTimesItsSize() {
    File file = TestData.testModel("softmax_chain.tflite");
    try (Interpreter interpreter = new Interpreter(file)) {
      assertTrue(interpreter.getArenaSize() > 10 * file.length());
      float[][] out = new float[16][64];
      interpreter.run(new float[16][64], out);
      assertEquals(1.0f / 64, out[3][5], 1e-6f);
    }
  }
}
