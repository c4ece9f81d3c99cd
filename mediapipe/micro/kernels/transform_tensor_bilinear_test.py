"""TransformTensorBilinear (MediaPipe, version 2) against a numpy replay of
its definition (pixel-center correction, zero outside, weights in double),
against plain resampling for identity and scaling matrices, and its
errors."""

import math

from absl.testing import absltest
import numpy as np

from tflite_micro.mediapipe.micro.kernels import mediapipe_test_util as mp

OP = "TransformTensorBilinear"
f32 = np.float32


def numpy_bilinear(image, matrix, out_h, out_w):
  _, h, w, c = image.shape
  m = matrix.reshape(-1).astype(f32)
  tx = f32(float(m[3]) + (float(m[0]) * 0.5 + float(m[1]) * 0.5 - 0.5))
  ty = f32(float(m[7]) + (float(m[4]) * 0.5 + float(m[5]) * 0.5 - 0.5))
  out = np.zeros((1, out_h, out_w, c), f32)

  def read(yy, xx):
    if yy < 0 or xx < 0 or yy >= h or xx >= w:
      return np.zeros(c, f32)
    return image[0, yy, xx]

  for y in range(out_h):
    for x in range(out_w):
      fx, fy = f32(x), f32(y)
      sx = ((m[0] * fx + m[1] * fy) + m[2] * f32(0)) + tx * f32(1)
      sy = ((m[4] * fx + m[5] * fy) + m[6] * f32(0)) + ty * f32(1)
      if not (0 <= sx <= w - 1 and 0 <= sy <= h - 1):
        continue
      x0, y0 = math.floor(sx), math.floor(sy)
      right, lower = f32(sx - f32(x0)), f32(sy - f32(y0))
      q11, q21, q12, q22 = (read(y0, x0), read(y0, x0 + 1),
                            read(y0 + 1, x0), read(y0 + 1, x0 + 1))
      upper_v = ((1.0 - float(right)) * q11.astype(np.float64) +
                 (right * q21).astype(np.float64)).astype(f32)
      lower_v = ((1.0 - float(right)) * q12.astype(np.float64) +
                 (right * q22).astype(np.float64)).astype(f32)
      out[0, y, x] = ((lower * lower_v).astype(np.float64) +
                      (1.0 - float(lower)) * upper_v.astype(np.float64))
  return out


def bilinear_model(in_shape, out_shape, matrix_shape=(1, 4, 4)):
  return mp.one_op_model(OP, [("input", in_shape), ("input", matrix_shape)],
                         [out_shape], b"")


class TransformTensorBilinearTest(absltest.TestCase):

  def test_matches_definition(self):
    rng = np.random.default_rng(6)
    image = rng.standard_normal((1, 12, 10, 3)).astype(f32)
    angle = 0.3
    rotate_scale = np.array(
        [[1.3 * math.cos(angle), -1.1 * math.sin(angle), 0, 2.5],
         [1.3 * math.sin(angle), 1.1 * math.cos(angle), 0, -1.75],
         [0, 0, 1, 0], [0, 0, 0, 1]], f32).reshape(1, 4, 4)
    for matrix in (rotate_scale,
                   rng.standard_normal((1, 4, 4)).astype(f32)):
      (out,) = mp.run(bilinear_model((1, 12, 10, 3), (1, 8, 9, 3)),
                      [image, matrix])
      np.testing.assert_array_equal(out, numpy_bilinear(image, matrix, 8, 9))

  def test_identity_and_half_scale(self):
    rng = np.random.default_rng(7)
    image = rng.standard_normal((1, 6, 8, 2)).astype(f32)
    (out,) = mp.run(bilinear_model((1, 6, 8, 2), (1, 6, 8, 2)),
                    [image, np.eye(4, dtype=f32).reshape(1, 4, 4)])
    np.testing.assert_array_equal(out, image)
    # Scale 2: output (x, y) reads input ((x + 0.5) * 2 - 0.5, ...), the
    # average of a 2x2 block.
    half = np.diag([2, 2, 1, 1]).astype(f32).reshape(1, 4, 4)
    (out,) = mp.run(bilinear_model((1, 6, 8, 2), (1, 3, 4, 2)),
                    [image, half])
    blocks = image.reshape(1, 3, 2, 4, 2, 2).mean(axis=(2, 4))
    np.testing.assert_allclose(out, blocks, rtol=1e-6, atol=1e-6)

  def test_bad_models(self):
    mp.assert_prepare_fails(
        self, OP, bilinear_model((1, 4, 4, 3), (1, 2, 2, 2)),
        r"input \[1, H, W, C\] and output \[1, OH, OW, C\] expected, got "
        r"\[1, 4, 4, 3\] and \[1, 2, 2, 2\]")
    mp.assert_prepare_fails(
        self, OP, bilinear_model((1, 4, 4, 3), (1, 2, 2, 3), (2, 4)),
        r"the matrix must hold 16 values \(4x4\), got shape \[2, 4\]")
    mp.assert_prepare_fails(self, OP,
                            bilinear_model((1, 4, 4), (1, 2, 2, 3)),
                            r"input must have rank 4, got rank 3")


if __name__ == "__main__":
  absltest.main()
