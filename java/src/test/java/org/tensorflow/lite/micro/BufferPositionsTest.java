package org.tensorflow.lite.micro;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.Test;

/**
 * Issue 20, point 1: ByteBuffer positions as TFLite's Java API treats them. A model buffer is
 * read whole; a direct native-order input of exactly the tensor's size is read whole; other inputs
 * from their position (which advances); outputs are written at their position, which advances.
 */
public class BufferPositionsTest {
  private static final File SINE = TestData.testModel("sine_float.tflite");

  private static float reference(float x) {
    float[][] out = new float[1][1];
    try (Interpreter interpreter = new Interpreter(SINE)) {
      interpreter.run(new float[][] {{x}}, out);
    }
    return out[0][0];
  }

  @Test
  public void directModelBufferLeftAtItsEndIsReadWhole() throws Exception {
    byte[] bytes = TestData.bytes(SINE);
    ByteBuffer model = ByteBuffer.allocateDirect(bytes.length).order(ByteOrder.nativeOrder());
    model.put(bytes); // not rewound: position == limit == capacity
    try (Interpreter interpreter = new Interpreter(model)) {
      float[][] out = new float[1][1];
      interpreter.run(new float[][] {{1.0f}}, out);
      assertEquals(reference(1.0f), out[0][0], 0.0f);
      assertTrue("read in place", interpreter.modelInPlace());
    }
    assertEquals("the model buffer's position is not touched", bytes.length, model.position());
    // A limit set short of the capacity does not cut the model either.
    model.position(0).limit(8);
    try (Interpreter interpreter = new Interpreter(model)) {
      assertEquals(1, interpreter.getInputTensorCount());
    }
    // Nor does a heap buffer's position.
    ByteBuffer heap = ByteBuffer.wrap(bytes);
    heap.position(bytes.length / 2);
    try (Interpreter interpreter = new Interpreter(heap)) {
      assertEquals(1, interpreter.getOutputTensorCount());
    }
  }

  @Test
  public void directInputNotRewoundIsReadWhole() {
    try (Interpreter interpreter = new Interpreter(SINE)) {
      ByteBuffer input = ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder());
      input.putFloat(2.0f); // position 4: nothing remaining
      ByteBuffer output = ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder());
      interpreter.run(input, output);
      assertEquals("a whole-buffer input keeps its position", 4, input.position());
      assertEquals("the output position advances", 4, output.position());
      output.rewind();
      assertEquals(reference(2.0f), output.getFloat(), 0.0f);
      // Run again with the same buffers, as TFLite users do: the input needs no rewind, the
      // output does.
      output.rewind();
      interpreter.run(input, output);
      assertEquals(reference(2.0f), output.getFloat(0), 0.0f);
    }
  }

  @Test
  public void heapInputIsReadFromItsPositionWhichAdvances() {
    try (Interpreter interpreter = new Interpreter(SINE)) {
      ByteBuffer input = ByteBuffer.allocate(12).order(ByteOrder.nativeOrder());
      input.putFloat(0, 9.0f).putFloat(4, 0.5f).putFloat(8, 9.0f);
      input.position(4).limit(8);
      float[][] out = new float[1][1];
      interpreter.run(input, out);
      assertEquals(reference(0.5f), out[0][0], 0.0f);
      assertEquals(8, input.position());
    }
  }

  @Test
  public void outputsAreWrittenAtTheirPositionWhichAdvances() {
    try (Interpreter interpreter = new Interpreter(SINE)) {
      ByteBuffer output = ByteBuffer.allocate(12).order(ByteOrder.nativeOrder());
      output.position(4);
      interpreter.run(new float[][] {{1.5f}}, output);
      assertEquals(8, output.position());
      assertEquals(reference(1.5f), output.getFloat(4), 0.0f);
      // Two runs fill consecutive slots of one buffer.
      interpreter.run(new float[][] {{0.25f}}, output);
      assertEquals(12, output.position());
      assertEquals(reference(0.25f), output.getFloat(8), 0.0f);
      assertEquals(0.0f, output.getFloat(0), 0.0f);
    }
  }

  @Test
  public void typedBuffersAtAnOffset() {
    try (Interpreter interpreter = new Interpreter(SINE)) {
      // Direct, native order, larger than the tensor: read from the position, which advances.
      java.nio.FloatBuffer input = ByteBuffer.allocateDirect(12).order(ByteOrder.nativeOrder())
          .asFloatBuffer();
      input.put(0, 9.0f).put(1, 0.75f).put(2, 9.0f);
      input.position(1).limit(2);
      java.nio.FloatBuffer output = ByteBuffer.allocateDirect(16).order(ByteOrder.nativeOrder())
          .asFloatBuffer();
      output.position(2);
      interpreter.run(input, output);
      assertEquals(2, input.position());
      assertEquals(3, output.position());
      assertEquals(reference(0.75f), output.get(2), 0.0f);
      assertEquals(0.0f, output.get(1), 0.0f);
      assertEquals(0.0f, output.get(3), 0.0f);
      // Big-endian views: converted element by element, same positions.
      java.nio.FloatBuffer big = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN)
          .asFloatBuffer();
      big.put(0, 9.0f).put(1, 1.25f);
      big.position(1);
      java.nio.FloatBuffer bigOut = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN)
          .asFloatBuffer();
      bigOut.position(1);
      interpreter.run(big, bigOut);
      assertEquals(2, big.position());
      assertEquals(2, bigOut.position());
      assertEquals(reference(1.25f), bigOut.get(1), 0.0f);
    }
  }
}
