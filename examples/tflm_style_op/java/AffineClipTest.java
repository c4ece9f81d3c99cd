package org.tensorflow.lite.micro.examples;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.BeforeClass;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;
import org.tensorflow.lite.micro.Interpreter;
import org.tensorflow.lite.micro.TestData;

/**
 * AFFINE_CLIP from Java: the op package's shared library is loaded, the interpreter names its
 * registerer, and the outputs of affine_clip_model.py's models must equal what numpy computed.
 */
@RunWith(JUnit4.class)
public final class AffineClipTest {
  private static final String DIR = "examples/tflm_style_op/";

  @BeforeClass
  public static void loadOps() {
    Interpreter.loadCustomOpLibrary(
        TestData.runfile(DIR + "libaffine_clip_py.tflm_ops.so").getAbsolutePath());
  }

  private static File testFile(String name) {
    return TestData.runfile(DIR + "testdata/" + name);
  }

  private static Interpreter.Options options() {
    return new Interpreter.Options().addCustomOpRegisterer("AffineClipRegisterer");
  }

  private static ByteBuffer littleEndian(byte[] bytes) {
    return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }

  @Test
  public void float32MatchesNumpy() throws IOException {
    ByteBuffer inputBytes = littleEndian(TestData.bytes(testFile("affine_clip_float.input")));
    ByteBuffer expectedBytes =
        littleEndian(TestData.bytes(testFile("affine_clip_float.expected")));
    float[][] input = new float[2][8];
    float[] expected = new float[16];
    for (int i = 0; i < 16; i++) {
      input[i / 8][i % 8] = inputBytes.getFloat();
      expected[i] = expectedBytes.getFloat();
    }
    try (Interpreter interpreter = new Interpreter(testFile("affine_clip_float.tflite"), options())) {
      float[][] output = new float[2][8];
      interpreter.run(input, output);
      for (int i = 0; i < 16; i++) {
        assertEquals("element " + i, expected[i], output[i / 8][i % 8], 0.0f);
      }
    }
  }

  @Test
  public void int8MatchesNumpyForEveryValue() throws IOException {
    byte[] input = TestData.bytes(testFile("affine_clip_int8.input"));
    byte[] expected = TestData.bytes(testFile("affine_clip_int8.expected"));
    assertEquals(256, input.length);
    try (Interpreter interpreter = new Interpreter(testFile("affine_clip_int8.tflite"), options())) {
      byte[][] in = new byte[16][16];
      for (int i = 0; i < 256; i++) {
        in[i / 16][i % 16] = input[i];
      }
      byte[][] out = new byte[16][16];
      interpreter.run(in, out);
      byte[] flat = new byte[256];
      for (int i = 0; i < 256; i++) {
        flat[i] = out[i / 16][i % 16];
      }
      assertArrayEquals(expected, flat);
    }
  }

  @Test
  public void withoutTheRegistererTheOpIsUnknown() {
    try {
      new Interpreter(testFile("affine_clip_float.tflite"), new Interpreter.Options()).close();
      throw new AssertionError("expected the unregistered custom op to fail");
    } catch (RuntimeException e) {
      assertTrue(e.getMessage(), e.getMessage().contains("AFFINE_CLIP"));
    }
  }
}
