package org.tensorflow.lite.micro;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.ReadOnlyBufferException;
import java.nio.ShortBuffer;
import java.util.HashMap;
import java.util.Map;
import org.junit.Test;

/**
 * Issue 20, point 3: typed NIO buffers (heap, direct, either byte order) for inputs and outputs,
 * boxed scalar inputs, null outputs and an empty outputs map, Tensor.asReadOnlyBuffer().
 */
public class TypedDataTest {

  /** multi_io's inputs as typed buffers: direct native-order, or heap/big-endian views. */
  private static Object[] typedInputs(Object[] arrays, boolean direct) {
    float[] features = flat((float[][]) arrays[0]);
    int[] ids = flat((int[][]) arrays[2]);
    long[] wide = (long[]) arrays[3];
    short[] pcm = (short[]) arrays[4];
    if (!direct) {
      ByteOrder big = ByteOrder.BIG_ENDIAN;
      FloatBuffer f = ByteBuffer.allocate(4 * features.length).order(big).asFloatBuffer();
      f.put(features).rewind();
      return new Object[] {f, arrays[1], IntBuffer.wrap(ids), LongBuffer.wrap(wide),
          ShortBuffer.wrap(pcm)};
    }
    ByteOrder order = ByteOrder.nativeOrder();
    FloatBuffer f = ByteBuffer.allocateDirect(4 * features.length).order(order).asFloatBuffer();
    IntBuffer i = ByteBuffer.allocateDirect(4 * ids.length).order(order).asIntBuffer();
    LongBuffer l = ByteBuffer.allocateDirect(8 * wide.length).order(order).asLongBuffer();
    ShortBuffer s = ByteBuffer.allocateDirect(2 * pcm.length).order(order).asShortBuffer();
    f.put(features);
    i.put(ids);
    l.put(wide);
    s.put(pcm);
    // Left unrewound on purpose: direct native-order buffers of the tensor's size are read whole.
    return new Object[] {f, arrays[1], i, l, s};
  }

  private static float[] flat(float[][] rows) {
    float[] out = new float[rows.length * rows[0].length];
    for (int r = 0; r < rows.length; r++) {
      System.arraycopy(rows[r], 0, out, r * rows[0].length, rows[0].length);
    }
    return out;
  }

  private static int[] flat(int[][] rows) {
    int[] out = new int[rows.length * rows[0].length];
    for (int r = 0; r < rows.length; r++) {
      System.arraycopy(rows[r], 0, out, r * rows[0].length, rows[0].length);
    }
    return out;
  }

  private void typedBuffers(boolean direct) {
    try (Interpreter interpreter = new Interpreter(TestData.testModel("multi_io.tflite"))) {
      Object[] arrays = TestData.multiIoInputs(2);
      float[][] wantScores = new float[2][3];
      int[] wantIds = new int[6];
      long[][] wantWide = new long[3][1];
      float[] wantPcm = new float[4];
      Map<Integer, Object> arrayOutputs = new HashMap<>();
      arrayOutputs.put(0, wantScores);
      arrayOutputs.put(3, wantIds);
      arrayOutputs.put(4, wantWide);
      arrayOutputs.put(5, wantPcm);
      interpreter.runForMultipleInputsOutputs(arrays, arrayOutputs);

      FloatBuffer scores;
      IntBuffer ids;
      LongBuffer wide;
      if (direct) {
        ByteOrder order = ByteOrder.nativeOrder();
        scores = ByteBuffer.allocateDirect(24).order(order).asFloatBuffer();
        ids = ByteBuffer.allocateDirect(24).order(order).asIntBuffer();
        wide = ByteBuffer.allocateDirect(24).order(order).asLongBuffer();
      } else {
        scores = ByteBuffer.allocate(24).order(ByteOrder.BIG_ENDIAN).asFloatBuffer();
        ids = IntBuffer.allocate(6);
        wide = LongBuffer.allocate(3);
      }
      Map<Integer, Object> outputs = new HashMap<>();
      outputs.put(0, scores);
      outputs.put(3, ids);
      outputs.put(4, wide);
      outputs.put(5, null); // a null output is skipped
      interpreter.runForMultipleInputsOutputs(typedInputs(arrays, direct), outputs);
      assertEquals("output positions advance", 6, scores.position());
      assertEquals(6, ids.position());
      assertEquals(3, wide.position());
      assertArrayEquals(flat(wantScores), get((FloatBuffer) scores.rewind()), 0.0f);
      int[] gotIds = new int[6];
      ((IntBuffer) ids.rewind()).get(gotIds);
      assertArrayEquals(wantIds, gotIds);
      for (int r = 0; r < 3; r++) {
        assertEquals(wantWide[r][0], wide.get(r));
      }
    }
  }

  private static float[] get(FloatBuffer buffer) {
    float[] out = new float[buffer.remaining()];
    buffer.get(out);
    return out;
  }

  @Test
  public void directNativeOrderTypedBuffers() {
    typedBuffers(true);
  }

  @Test
  public void heapAndBigEndianTypedBuffers() {
    typedBuffers(false);
  }

  @Test
  public void boxedScalarInputs() {
    try (Interpreter interpreter = new Interpreter(TestData.testModel("sine_float.tflite"))) {
      float[][] want = new float[1][1];
      interpreter.run(new float[][] {{0.75f}}, want);
      float[][] got = new float[1][1];
      interpreter.run(Float.valueOf(0.75f), got); // a [1, 1] tensor holds one element
      assertEquals(want[0][0], got[0][0], 0.0f);
    }
    try (Interpreter interpreter = new Interpreter(TestData.testModel("scalar.tflite"))) {
      float[] vector = new float[1];
      interpreter.run(3.5f, vector); // autoboxed into the rank-0 input
      assertEquals(3.5f, vector[0], 0.0f);
    }
  }

  @Test
  public void nullOutputAndEmptyOutputsMap() {
    try (Interpreter interpreter = new Interpreter(TestData.testModel("sine_float.tflite"))) {
      interpreter.run(new float[][] {{0.5f}}, null);
      float[][] want = new float[1][1];
      interpreter.getOutputTensor(0).asReadOnlyBuffer().asFloatBuffer().get(want[0]);
      interpreter.runForMultipleInputsOutputs(new Object[] {new float[][] {{0.5f}}},
          new HashMap<>());
      float[][] again = new float[1][1];
      interpreter.getOutputTensor(0).asReadOnlyBuffer().asFloatBuffer().get(again[0]);
      assertEquals(want[0][0], again[0][0], 0.0f);
      assertTrue(Math.abs(want[0][0] - Math.sin(0.5)) < 0.2);
    }
  }

  @Test
  public void readOnlyBufferOfTensors() {
    try (Interpreter interpreter = new Interpreter(TestData.testModel("sine_float.tflite"))) {
      interpreter.run(new float[][] {{1.25f}}, new float[1][1]);
      ByteBuffer input = interpreter.getInputTensor(0).asReadOnlyBuffer();
      assertTrue(input.isReadOnly());
      assertEquals(ByteOrder.nativeOrder(), input.order());
      assertEquals(0, input.position());
      assertEquals(4, input.remaining());
      assertEquals(1.25f, input.getFloat(0), 0.0f);
      assertThrows(ReadOnlyBufferException.class, () -> input.putFloat(0, 1.0f));
      // A snapshot: the next run does not change it.
      interpreter.run(new float[][] {{2.5f}}, new float[1][1]);
      assertEquals(1.25f, input.getFloat(0), 0.0f);
      assertEquals(2.5f, interpreter.getInputTensor(0).asReadOnlyBuffer().getFloat(0), 0.0f);
    }
  }
}
