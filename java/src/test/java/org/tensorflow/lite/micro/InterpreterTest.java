package org.tensorflow.lite.micro;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.util.HashMap;
import java.util.Map;
import org.junit.Test;

/** The Java API on the generated models: metadata, array and ByteBuffer I/O, resizing. */
public class InterpreterTest {
  private static final float[][] WEIGHTS = {
    {1.0f, -1.0f, 0.5f, 0.0f}, {0.25f, 0.25f, 0.25f, 0.25f}, {-2.0f, 0.0f, 1.0f, 3.0f}
  };
  private static final float[] BIAS = {0.5f, -0.5f, 1.0f};

  private static File multiIo() {
    return TestData.testModel("multi_io.tflite");
  }

  private static float[][] expectedScores(float[][] features) {
    float[][] scores = new float[features.length][3];
    for (int r = 0; r < features.length; r++) {
      for (int u = 0; u < 3; u++) {
        double sum = BIAS[u];
        for (int c = 0; c < 4; c++) {
          sum += (double) features[r][c] * WEIGHTS[u][c];
        }
        scores[r][u] = (float) sum;
      }
    }
    return scores;
  }

  private static float[][] softmax(float[][] scores) {
    float[][] probs = new float[scores.length][];
    for (int r = 0; r < scores.length; r++) {
      double max = Double.NEGATIVE_INFINITY;
      for (float s : scores[r]) {
        max = Math.max(max, s);
      }
      double total = 0;
      double[] e = new double[scores[r].length];
      for (int u = 0; u < e.length; u++) {
        e[u] = Math.exp(scores[r][u] - max);
        total += e[u];
      }
      probs[r] = new float[e.length];
      for (int u = 0; u < e.length; u++) {
        probs[r][u] = (float) (e[u] / total);
      }
    }
    return probs;
  }

  /** Runs multi_io with arrays and checks every output against values computed here. */
  private static void checkMultiIoWithArrays(Interpreter interpreter, int batch) {
    Object[] inputs = TestData.multiIoInputs(batch);
    float[][] scores = new float[batch][3];
    float[][] probs = new float[batch][3];
    float[][] decoded = new float[1][5];
    int[] idsFlat = new int[batch * 3];
    long[][] wideCol = new long[3][1];
    float[] pcmFloat = new float[4];
    byte[][] probsQ = new byte[batch][3];
    Map<Integer, Object> outputs = new HashMap<>();
    outputs.put(0, scores);
    outputs.put(1, probs);
    outputs.put(2, decoded);
    outputs.put(3, idsFlat);
    outputs.put(4, wideCol);
    outputs.put(5, pcmFloat);
    outputs.put(6, probsQ);
    interpreter.runForMultipleInputsOutputs(inputs, outputs);

    float[][] features = (float[][]) inputs[0];
    float[][] wantScores = expectedScores(features);
    float[][] wantProbs = softmax(wantScores);
    for (int r = 0; r < batch; r++) {
      assertArrayEquals(wantScores[r], scores[r], 1e-5f);
      assertArrayEquals(wantProbs[r], probs[r], 1e-5f);
      for (int u = 0; u < 3; u++) {
        int q = probsQ[r][u] & 0xff;
        int want = (int) Math.min(255, Math.round(wantProbs[r][u] * 256.0));
        assertTrue("probs_q " + q + " vs " + want, Math.abs(q - want) <= 1);
      }
    }
    byte[] codes = ((byte[][]) inputs[1])[0];
    for (int i = 0; i < 5; i++) {
      assertEquals(0.5f * (codes[i] + 2), decoded[0][i], 0.0f);
    }
    int[][] ids = (int[][]) inputs[2];
    for (int r = 0; r < batch; r++) {
      for (int c = 0; c < 3; c++) {
        assertEquals(ids[r][c], idsFlat[r * 3 + c]);
      }
    }
    long[] wide = (long[]) inputs[3];
    for (int i = 0; i < 3; i++) {
      assertEquals(wide[i], wideCol[i][0]);
    }
    short[] pcm = (short[]) inputs[4];
    for (int i = 0; i < 4; i++) {
      assertEquals(pcm[i] / 256.0f, pcmFloat[i], 0.0f);
    }
  }

  @Test
  public void describesInputsAndOutputs() {
    try (Interpreter interpreter = new Interpreter(multiIo())) {
      assertEquals(5, interpreter.getInputTensorCount());
      assertEquals(7, interpreter.getOutputTensorCount());
      String[] inputs = {"features", "codes", "ids", "wide", "pcm"};
      for (int i = 0; i < inputs.length; i++) {
        assertEquals(i, interpreter.getInputIndex(inputs[i]));
        assertEquals(inputs[i], interpreter.getInputTensor(i).name());
      }
      String[] outputs = {"scores", "probs", "decoded", "ids_flat", "wide_col", "pcm_float",
          "probs_q"};
      for (int i = 0; i < outputs.length; i++) {
        assertEquals(i, interpreter.getOutputIndex(outputs[i]));
      }
      Tensor features = interpreter.getInputTensor(0);
      assertEquals(DataType.FLOAT32, features.dataType());
      assertArrayEquals(new int[] {2, 4}, features.shape());
      assertArrayEquals(new int[] {-1, 4}, features.shapeSignature());
      assertEquals(2, features.numDimensions());
      assertEquals(8, features.numElements());
      assertEquals(32, features.numBytes());
      assertEquals(0.0f, features.quantizationParams().getScale(), 0.0f);
      assertEquals(0, features.quantizationParams().getZeroPoint());

      Tensor codes = interpreter.getInputTensor(1);
      assertEquals(DataType.INT8, codes.dataType());
      assertEquals(0.5f, codes.quantizationParams().getScale(), 0.0f);
      assertEquals(-2, codes.quantizationParams().getZeroPoint());
      assertEquals(DataType.INT32, interpreter.getInputTensor(2).dataType());
      assertEquals(DataType.INT64, interpreter.getInputTensor(3).dataType());
      assertEquals(24, interpreter.getInputTensor(3).numBytes());
      Tensor pcm = interpreter.getInputTensor(4);
      assertEquals(DataType.INT16, pcm.dataType());
      assertEquals(1.0f / 256, pcm.quantizationParams().getScale(), 0.0f);
      assertEquals(DataType.UINT8, interpreter.getOutputTensor(6).dataType());
      assertEquals(DataType.INT64, interpreter.getOutputTensor(4).dataType());
      assertArrayEquals(new int[] {3, 1}, interpreter.getOutputTensor(4).shape());
      assertTrue(interpreter.getOutputTensor(0).toString().contains("scores"));
      assertTrue(interpreter.arenaUsedBytes() > 0);
      assertTrue(interpreter.minimumArenaSize() <= interpreter.getArenaSize());
    }
  }

  @Test
  public void runsWithArraysOfEveryType() {
    try (Interpreter interpreter = new Interpreter(multiIo())) {
      checkMultiIoWithArrays(interpreter, 2);
      checkMultiIoWithArrays(interpreter, 2); // the same interpreter again
    }
  }

  @Test
  public void arrayOfAnotherShapeResizesTheInput() {
    try (Interpreter interpreter = new Interpreter(multiIo())) {
      checkMultiIoWithArrays(interpreter, 5);
      assertArrayEquals(new int[] {5, 4}, interpreter.getInputTensor(0).shape());
      assertArrayEquals(new int[] {5, 3}, interpreter.getOutputTensor(0).shape());
      assertArrayEquals(new int[] {15}, interpreter.getOutputTensor(3).shape());
      checkMultiIoWithArrays(interpreter, 1);
      assertArrayEquals(new int[] {1, 3}, interpreter.getOutputTensor(1).shape());
      checkMultiIoWithArrays(interpreter, 2);
    }
  }

  @Test
  public void resizeInputThenAllocate() {
    try (Interpreter interpreter = new Interpreter(multiIo())) {
      interpreter.resizeInput(0, new int[] {7, 4});
      interpreter.resizeInput(2, new int[] {7, 3});
      interpreter.allocateTensors();
      assertArrayEquals(new int[] {7, 3}, interpreter.getOutputTensor(0).shape());
      assertArrayEquals(new int[] {21}, interpreter.getOutputTensor(3).shape());
      assertEquals(7 * 3 * 4, interpreter.getOutputTensor(1).numBytes());
      checkMultiIoWithArrays(interpreter, 7);
    }
  }

  @Test
  public void resizesSeveralInputsTogether() {
    try (Interpreter interpreter =
        new Interpreter(TestData.testModel("two_operand_fc.tflite"))) {
      // x [1, 4] and w [2, 4] become [3, 5] and [2, 5]: neither fits alone.
      float[][] x = new float[3][5];
      float[][] w = new float[2][5];
      for (int i = 0; i < 5; i++) {
        x[0][i] = 1;
        x[1][i] = i;
        x[2][i] = -1;
        w[0][i] = i;
        w[1][i] = 2;
      }
      float[][] y = new float[3][2];
      Map<Integer, Object> outputs = new HashMap<>();
      outputs.put(0, y);
      interpreter.runForMultipleInputsOutputs(new Object[] {x, w}, outputs);
      assertArrayEquals(new float[] {10, 10}, y[0], 0.0f);
      assertArrayEquals(new float[] {30, 20}, y[1], 0.0f);
      assertArrayEquals(new float[] {-10, -10}, y[2], 0.0f);
    }
  }

  @Test
  public void rankZeroTensorsUseOneElementArrays() {
    try (Interpreter interpreter = new Interpreter(TestData.testModel("scalar.tflite"))) {
      assertArrayEquals(new int[0], interpreter.getInputTensor(0).shape());
      assertEquals(1, interpreter.getInputTensor(0).numElements());
      float[] vector = new float[1];
      float[] scalar = new float[1];
      Map<Integer, Object> outputs = new HashMap<>();
      outputs.put(0, vector);
      outputs.put(1, scalar);
      interpreter.runForMultipleInputsOutputs(new Object[] {new float[] {2.5f}}, outputs);
      assertEquals(2.5f, vector[0], 0.0f);
      assertEquals(2.5f, scalar[0], 0.0f);
      assertArrayEquals(new int[0], interpreter.getOutputTensor(1).shape());
    }
  }

  private static ByteBuffer allocate(int bytes, boolean direct) {
    ByteBuffer buffer = direct ? ByteBuffer.allocateDirect(bytes) : ByteBuffer.allocate(bytes);
    return buffer.order(ByteOrder.nativeOrder());
  }

  private void runWithBuffers(boolean direct) {
    try (Interpreter interpreter = new Interpreter(multiIo())) {
      Object[] arrays = TestData.multiIoInputs(2);
      ByteBuffer features = allocate(32, direct);
      for (float[] row : (float[][]) arrays[0]) {
        for (float v : row) {
          features.putFloat(v);
        }
      }
      ByteBuffer codes = allocate(5, direct);
      codes.put(((byte[][]) arrays[1])[0]);
      ByteBuffer ids = allocate(24, direct);
      for (int[] row : (int[][]) arrays[2]) {
        for (int v : row) {
          ids.putInt(v);
        }
      }
      ByteBuffer wide = allocate(24, direct);
      for (long v : (long[]) arrays[3]) {
        wide.putLong(v);
      }
      ByteBuffer pcm = allocate(8, direct);
      for (short v : (short[]) arrays[4]) {
        pcm.putShort(v);
      }
      Object[] inputs = {features.rewind(), codes.rewind(), ids.rewind(), wide.rewind(),
          pcm.rewind()};

      // Reference: the same inputs as arrays.
      float[][] wantScores = new float[2][3];
      long[][] wantWide = new long[3][1];
      byte[][] wantProbsQ = new byte[2][3];
      Map<Integer, Object> arrayOutputs = new HashMap<>();
      arrayOutputs.put(0, wantScores);
      arrayOutputs.put(4, wantWide);
      arrayOutputs.put(6, wantProbsQ);
      interpreter.runForMultipleInputsOutputs(arrays, arrayOutputs);

      ByteBuffer scores = allocate(24, direct);
      ByteBuffer wideCol = allocate(24 + 8, direct); // larger than needed is fine
      ByteBuffer probsQ = allocate(6, direct);
      Map<Integer, Object> outputs = new HashMap<>();
      outputs.put(0, scores);
      outputs.put(4, wideCol);
      outputs.put(6, probsQ);
      interpreter.runForMultipleInputsOutputs(inputs, outputs);

      assertEquals("input positions are left unchanged", 0, features.position());
      assertEquals("output positions are left unchanged", 0, scores.position());
      for (int r = 0; r < 2; r++) {
        for (int u = 0; u < 3; u++) {
          assertEquals(wantScores[r][u], scores.getFloat(), 0.0f);
          assertEquals(wantProbsQ[r][u], probsQ.get());
        }
      }
      for (int i = 0; i < 3; i++) {
        assertEquals(wantWide[i][0], wideCol.getLong());
      }
    }
  }

  @Test
  public void runsWithDirectByteBuffers() {
    runWithBuffers(true);
  }

  @Test
  public void runsWithHeapByteBuffers() {
    runWithBuffers(false);
  }

  @Test
  public void bufferAtAnOffsetAndReadOnlyBuffer() {
    try (Interpreter interpreter = new Interpreter(TestData.testModel("sine_float.tflite"))) {
      ByteBuffer input = allocate(12, true);
      input.position(4);
      input.putFloat(4, 1.0f);
      input.limit(8);
      ByteBuffer output = allocate(16, true);
      output.position(8);
      interpreter.run(input, output);
      float[][] reference = new float[1][1];
      interpreter.run(new float[][] {{1.0f}}, reference);
      assertEquals(reference[0][0], output.getFloat(8), 0.0f);
      assertEquals(4, input.position());

      ByteBuffer readOnly = allocate(4, false).putFloat(0, 1.0f).asReadOnlyBuffer();
      float[][] out = new float[1][1];
      interpreter.run(readOnly, out);
      assertEquals(reference[0][0], out[0][0], 0.0f);
    }
  }

  @Test
  public void modelFromEveryKindOfByteBuffer() throws Exception {
    File file = TestData.testModel("sine_float.tflite");
    float[][] want = new float[1][1];
    try (Interpreter interpreter = new Interpreter(file)) {
      interpreter.run(new float[][] {{2.0f}}, want);
    }
    byte[] bytes = TestData.bytes(file);
    ByteBuffer heap = ByteBuffer.wrap(bytes);
    ByteBuffer readOnlyHeap = ByteBuffer.wrap(bytes).asReadOnlyBuffer();
    ByteBuffer direct = TestData.direct(file);
    // A model in the middle of a larger buffer, from position to limit.
    ByteBuffer padded = ByteBuffer.allocateDirect(bytes.length + 48);
    padded.position(16);
    padded.put(bytes);
    padded.position(16).limit(16 + bytes.length);
    // And at an unaligned address (copied once, then used like the others).
    ByteBuffer unaligned = ByteBuffer.allocateDirect(bytes.length + 1);
    unaligned.position(1);
    unaligned.put(bytes);
    unaligned.position(1);
    try (RandomAccessFile raf = new RandomAccessFile(file, "r");
        FileChannel channel = raf.getChannel()) {
      MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
      ByteBuffer[] models = {heap, readOnlyHeap, direct, padded, unaligned, mapped};
      boolean[] inPlace = {false, false, true, true, false, true};
      for (int i = 0; i < models.length; i++) {
        try (Interpreter interpreter = new Interpreter(models[i], new Interpreter.Options())) {
          assertEquals("model " + i + " read in place", inPlace[i], interpreter.modelInPlace());
          float[][] got = new float[1][1];
          interpreter.run(new float[][] {{2.0f}}, got);
          assertEquals(want[0][0], got[0][0], 0.0f);
        }
      }
    }
  }

  @Test
  public void arenaSizeOption() {
    File file = TestData.testModel("sine_float.tflite");
    long minimum;
    try (Interpreter interpreter = new Interpreter(file)) {
      assertEquals(10 * file.length(), interpreter.getArenaSize());
      minimum = interpreter.minimumArenaSize();
      assertTrue(minimum > 0);
    }
    Interpreter.Options options = new Interpreter.Options().setArenaSize(minimum);
    assertEquals(minimum, options.getArenaSize());
    try (Interpreter interpreter = new Interpreter(file, options)) {
      assertEquals(minimum, interpreter.getArenaSize());
      float[][] out = new float[1][1];
      interpreter.run(new float[][] {{0.5f}}, out);
      assertEquals(Math.sin(0.5), out[0][0], 0.2);
    }
  }

  private static void assertUniform(float[][] probabilities) {
    for (float[] row : probabilities) {
      for (float p : row) {
        assertEquals(1.0f / 64, p, 1e-6f);
      }
    }
  }

  @Test
  public void defaultArenaGrowsToTheMinimum() {
    File file = TestData.testModel("softmax_chain.tflite");
    try (Interpreter interpreter = new Interpreter(file)) {
      // Ten times the model is too small for its activations: grown to the exact minimum.
      assertTrue(interpreter.getArenaSize() > 10 * file.length());
      assertEquals(interpreter.minimumArenaSize(), interpreter.getArenaSize());
      float[][] out = new float[16][64];
      interpreter.run(new float[16][64], out);
      assertUniform(out);
      // Resized inputs that need more grow it again.
      long before = interpreter.getArenaSize();
      out = new float[200][64];
      interpreter.run(new float[200][64], out);
      assertUniform(out);
      assertTrue(interpreter.getArenaSize() > before);
      assertEquals(interpreter.minimumArenaSize(), interpreter.getArenaSize());
    }
  }

  @Test
  public void optionDefaults() {
    Interpreter.Options options = new Interpreter.Options();
    assertEquals(0, options.getArenaSize());
    assertEquals(Interpreter.Options.Arithmetic.TFLM, options.getArithmetic());
    assertTrue(options.getPreserveInputs());
    assertTrue(!options.getPreserveAllTensors());
    assertTrue(options.getCustomOpRegisterers().isEmpty());
    assertEquals(Interpreter.Options.Arithmetic.LITERT,
        options.setArithmetic(Interpreter.Options.Arithmetic.LITERT).getArithmetic());
  }

  @Test
  public void preserveOptionsShapeTheArena() {
    File file = TestData.testModel("softmax_chain.tflite");
    long tensorBytes = 16 * 64 * 4;
    long[] minimum = new long[3];
    Interpreter.Options[] options = {
      new Interpreter.Options(),
      new Interpreter.Options().setPreserveInputs(false),
      new Interpreter.Options().setPreserveAllTensors(true),
    };
    for (int i = 0; i < 3; i++) {
      try (Interpreter interpreter = new Interpreter(file, options[i])) {
        minimum[i] = interpreter.minimumArenaSize();
        // Inputs are set before every run, so reusing their memory is invisible here.
        for (int run = 0; run < 2; run++) {
          float[][] out = new float[16][64];
          interpreter.run(new float[16][64], out);
          assertUniform(out);
        }
      }
    }
    // The input kept across the run costs its size; keeping every tensor, one more.
    assertEquals(tensorBytes, minimum[0] - minimum[1]);
    assertEquals(tensorBytes, minimum[2] - minimum[0]);
  }

  @Test
  public void sineModelPredictsSine() {
    try (Interpreter interpreter = new Interpreter(TestData.testModel("sine_float.tflite"))) {
      for (int i = 0; i <= 20; i++) {
        float x = (float) (2 * Math.PI * i / 20);
        float[][] out = new float[1][1];
        interpreter.run(new float[][] {{x}}, out);
        assertEquals("x=" + x, Math.sin(x), out[0][0], 0.25);
      }
      // A batch of 3 through the resizable batch dimension.
      float[][] batch = {{0.5f}, {1.5f}, {3.0f}};
      float[][] out = new float[3][1];
      interpreter.run(batch, out);
      for (int i = 0; i < 3; i++) {
        assertEquals(Math.sin(batch[i][0]), out[i][0], 0.25);
      }
    }
  }

  @Test
  public void int8SineModel() {
    try (Interpreter interpreter = new Interpreter(TestData.testModel("sine_int8.tflite"))) {
      Tensor input = interpreter.getInputTensor(0);
      Tensor output = interpreter.getOutputTensor(0);
      assertEquals(DataType.INT8, input.dataType());
      Tensor.QuantizationParams in = input.quantizationParams();
      Tensor.QuantizationParams out = output.quantizationParams();
      assertTrue(in.getScale() > 0 && out.getScale() > 0);
      for (double x = 0.25; x < 6.2; x += 0.5) {
        int q = (int) Math.round(x / in.getScale()) + in.getZeroPoint();
        byte[][] qx = {{(byte) Math.max(-128, Math.min(127, q))}};
        byte[][] qy = new byte[1][1];
        interpreter.run(qx, qy);
        double y = (qy[0][0] - out.getZeroPoint()) * out.getScale();
        assertEquals("x=" + x, Math.sin(x), y, 0.3);
      }
    }
  }

  @Test
  public void customOpRegistererFromALoadedLibrary() {
    Interpreter.loadCustomOpLibrary(TestData.runfile("java/libjava_test_custom_ops.so")
        .getAbsolutePath());
    Interpreter.Options options =
        new Interpreter.Options().addCustomOpRegisterer("JavaTestRegisterNegate");
    assertEquals(1, options.getCustomOpRegisterers().size());
    try (Interpreter interpreter =
        new Interpreter(TestData.testModel("custom_op.tflite"), options)) {
      float[][] out = new float[1][3];
      interpreter.run(new float[][] {{1.5f, -2.0f, 0.0f}}, out);
      assertArrayEquals(new float[] {-1.5f, 2.0f, -0.0f}, out[0], 0.0f);
    }
  }
}
