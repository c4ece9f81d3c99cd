package org.tensorflow.lite.micro;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.Test;

/**
 * Issue 20, point 2: SignatureDef runners. signatures.tflite has "arith" (inputs y, x; outputs
 * product, sum) over tensors named otherwise; stateful.tflite has "step" (subgraph 0) and "init"
 * (subgraph 1, which the micro interpreter cannot run on its own).
 */
public class SignatureTest {
  private static Map<String, Object> map(Object... pairs) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }

  @Test
  public void keysInputsAndOutputs() {
    try (Interpreter interpreter = new Interpreter(TestData.testModel("signatures.tflite"))) {
      assertArrayEquals(new String[] {"arith"}, interpreter.getSignatureKeys());
      assertArrayEquals(new String[] {"y", "x"}, interpreter.getSignatureInputs("arith"));
      assertArrayEquals(new String[] {"product", "sum"}, interpreter.getSignatureOutputs(null));
      Tensor x = interpreter.getInputTensorFromSignature("x", "arith");
      assertSame(interpreter.getInputTensor(0), x);
      assertEquals("tensor_a", x.name());
      assertEquals("tensor_b", interpreter.getInputTensorFromSignature("y", null).name());
      assertEquals("tensor_product",
          interpreter.getOutputTensorFromSignature("product", "arith").name());
    }
    try (Interpreter interpreter = new Interpreter(TestData.testModel("sine_float.tflite"))) {
      assertEquals(0, interpreter.getSignatureKeys().length);
    }
  }

  @Test
  public void runSignatureByName() {
    try (Interpreter interpreter = new Interpreter(TestData.testModel("signatures.tflite"))) {
      float[][] sum = new float[1][3];
      float[][] product = new float[1][3];
      interpreter.runSignature(
          map("x", new float[][] {{1, 2, 3}}, "y", new float[][] {{10, 20, 30}}),
          map("sum", sum, "product", product), "arith");
      assertArrayEquals(new float[] {11, 22, 33}, sum[0], 0.0f);
      assertArrayEquals(new float[] {10, 40, 90}, product[0], 0.0f);
      // Null key: the only signature. Empty outputs: read them through the tensors.
      interpreter.runSignature(
          map("x", new float[][] {{2, 2, 2}}, "y", new float[][] {{3, 3, 3}}), new HashMap<>());
      float[][] got = new float[1][3];
      interpreter.getOutputTensorFromSignature("sum", null).asReadOnlyBuffer().asFloatBuffer()
          .get(got[0]);
      assertArrayEquals(new float[] {5, 5, 5}, got[0], 0.0f);
      assertTrue(interpreter.getLastNativeInferenceDurationNanoseconds() != null);
    }
  }

  @Test
  public void signatureErrors() {
    try (Interpreter interpreter = new Interpreter(TestData.testModel("signatures.tflite"))) {
      Map<String, Object> inputs =
          map("x", new float[][] {{1, 2, 3}}, "y", new float[][] {{1, 2, 3}});
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> interpreter.runSignature(inputs, new HashMap<>(), "nope"));
      assertTrue(e.getMessage(), e.getMessage().contains("[arith]"));
      e = assertThrows(IllegalArgumentException.class,
          () -> interpreter.runSignature(map("x", new float[1][3], "z", new float[1][3]),
              new HashMap<>(), "arith"));
      assertTrue(e.getMessage(), e.getMessage().contains("\"z\""));
      assertThrows(IllegalArgumentException.class,
          () -> interpreter.runSignature(map("x", new float[1][3]), new HashMap<>()));
      assertThrows(IllegalArgumentException.class,
          () -> interpreter.runSignature(new HashMap<>(), new HashMap<>()));
      assertThrows(IllegalArgumentException.class,
          () -> interpreter.runSignature(inputs, null));
      assertThrows(IllegalArgumentException.class,
          () -> interpreter.runSignature(inputs, map("difference", new float[1][3])));
      assertThrows(IllegalArgumentException.class,
          () -> interpreter.getInputTensorFromSignature(null, "arith"));
      assertThrows(IllegalArgumentException.class,
          () -> interpreter.getOutputTensorFromSignature("x", "arith"));
    }
  }

  @Test
  public void twoSignaturesAndOneOfAnotherSubgraph() {
    try (Interpreter interpreter = new Interpreter(TestData.testModel("stateful.tflite"))) {
      assertArrayEquals(new String[] {"step", "init"}, interpreter.getSignatureKeys());
      assertEquals(0, interpreter.getSignatureInputs("init").length);
      // Two signatures: the key cannot be left out.
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> interpreter.runSignature(map("x", new float[] {1}), new HashMap<>()));
      assertTrue(e.getMessage(), e.getMessage().contains("[step, init]"));
      e = assertThrows(IllegalArgumentException.class,
          () -> interpreter.runSignature(map("x", new float[] {1}), new HashMap<>(), "init"));
      assertTrue(e.getMessage(), e.getMessage().contains("subgraph 1"));
      float[][] y = new float[1][1];
      interpreter.runSignature(map("x", new float[] {7}), map("y", y), "step");
      assertEquals(5.0f, y[0][0], 0.0f);
    }
  }

  @Test
  public void sharedModelsSignatures() {
    String reason = TestData.sharedAbsentReason();
    assumeTrue(reason, reason == null);
    try (Interpreter interpreter =
        new Interpreter(TestData.sharedModel("simple_add_model.tflite"))) {
      assertArrayEquals(new String[] {"serving_default"}, interpreter.getSignatureKeys());
      assertArrayEquals(
          new String[] {"input_1", "input_2"}, interpreter.getSignatureInputs("serving_default"));
      assertArrayEquals(new String[] {"add"}, interpreter.getSignatureOutputs("serving_default"));
      Tensor input = interpreter.getInputTensorFromSignature("input_1", null);
      assertEquals(interpreter.getInputTensor(0).name(), input.name());
      int n = input.numBytes();
      java.nio.ByteBuffer a = java.nio.ByteBuffer.allocateDirect(n);
      java.nio.ByteBuffer b = java.nio.ByteBuffer.allocateDirect(n);
      for (int i = 0; i < n; i++) {
        a.put(i, (byte) (i % 7));
        b.put(i, (byte) (i % 11));
      }
      java.nio.ByteBuffer bySignature = java.nio.ByteBuffer.allocate(n);
      interpreter.runSignature(map("input_2", b, "input_1", a), map("add", bySignature));
      java.nio.ByteBuffer byIndex = java.nio.ByteBuffer.allocate(n);
      Map<Integer, Object> outputs = new HashMap<>();
      outputs.put(0, byIndex);
      interpreter.runForMultipleInputsOutputs(new Object[] {a, b}, outputs);
      assertArrayEquals(byIndex.array(), bySignature.array());
    }
  }
}
