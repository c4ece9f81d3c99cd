package org.tensorflow.lite.micro;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A view of one input or output of an {@link Interpreter}. Its answers are read from the
 * interpreter each time, so they follow {@link Interpreter#resizeInput} and the shapes that the
 * last {@link Interpreter#allocateTensors()} or run computed. Using it after the interpreter is
 * closed throws {@link IllegalStateException}.
 */
public final class Tensor {
  /**
   * Quantization of a tensor: a real value is {@code scale * (q - zeroPoint)}. Both are 0 for a
   * tensor that is not quantized. For per-channel quantized tensors these are the first
   * channel's values.
   */
  public static final class QuantizationParams {
    private final float scale;
    private final int zeroPoint;

    public QuantizationParams(float scale, int zeroPoint) {
      this.scale = scale;
      this.zeroPoint = zeroPoint;
    }

    public float getScale() {
      return scale;
    }

    public int getZeroPoint() {
      return zeroPoint;
    }

    @Override
    public String toString() {
      return "QuantizationParams(scale=" + scale + ", zeroPoint=" + zeroPoint + ")";
    }
  }

  private final Interpreter interpreter;
  private final boolean input;
  private final int index;

  Tensor(Interpreter interpreter, boolean input, int index) {
    this.interpreter = interpreter;
    this.input = input;
    this.index = index;
  }

  /** The element type. */
  public DataType dataType() {
    return DataType.fromCode(interpreter.tensorType(input, index));
  }

  /** The current shape (a copy). */
  public int[] shape() {
    return interpreter.tensorShape(input, index);
  }

  /** The model's shape signature: -1 marks a dimension that may be resized. */
  public int[] shapeSignature() {
    return interpreter.tensorShapeSignature(input, index);
  }

  public int numDimensions() {
    return shape().length;
  }

  public int numElements() {
    long count = 1;
    for (int d : shape()) {
      count *= d;
    }
    return (int) count;
  }

  /** Bytes of the tensor's data at its current shape. */
  public int numBytes() {
    return (int) interpreter.tensorBytes(input, index);
  }

  /** The tensor's name in the model. */
  public String name() {
    return interpreter.tensorName(input, index);
  }

  /** The tensor's index among all tensors of the model's main subgraph. */
  public int index() {
    return interpreter.tensorIndex(input, index);
  }

  public QuantizationParams quantizationParams() {
    return interpreter.tensorQuantization(input, index);
  }

  /**
   * The tensor's data as a read-only ByteBuffer in native byte order, positioned at 0. Unlike
   * TFLite's, it is a snapshot (a copy made now), not a live view: the arena it would view can be
   * replaced when it grows for resized inputs. Call it again after a run for new values.
   */
  public ByteBuffer asReadOnlyBuffer() {
    byte[] data = interpreter.tensorData(input, index);
    return ByteBuffer.wrap(data).asReadOnlyBuffer().order(ByteOrder.nativeOrder());
  }

  @Override
  public String toString() {
    return (input ? "Input " : "Output ") + index + " '" + name() + "' " + dataType() + " "
        + Arrays.toString(shape());
  }
}
