"""TransformLandmarks (MediaPipe) against a float32 numpy replay of its
definition, versions 2 ([1, N, D]) and 1 ([1, H, W, C] with the
'dimensions' and 'scale' options), and its errors."""

from absl.testing import absltest
from flatbuffers import flexbuffers
import numpy as np

from tflite_micro.mediapipe.micro.kernels import mediapipe_test_util as mp

OP = "TransformLandmarks"
f32 = np.float32


def numpy_transform(landmarks, matrix, dimensions, scale=1.0):
  m = matrix.reshape(-1).astype(f32)
  points = landmarks.reshape(-1, dimensions)
  out = points.copy()
  x, y = points[:, 0], points[:, 1]
  for row in range(2):
    r = m[row * 4:row * 4 + 4]
    t = f32(r[3] * f32(scale))
    out[:, row] = ((r[0] * x + r[1] * y) + r[2] * f32(0)) + t * f32(1)
  return out.reshape(landmarks.shape)


def landmarks_model(shape, options=b"", matrix_shape=(1, 4, 4)):
  return mp.one_op_model(OP, [("input", shape), ("input", matrix_shape)],
                         [shape], options)


class TransformLandmarksTest(absltest.TestCase):

  def test_version2(self):
    rng = np.random.default_rng(4)
    for shape in ((1, 468, 3), (1, 5, 2)):
      points = (rng.standard_normal(shape) * 100).astype(f32)
      matrix = rng.standard_normal((1, 4, 4)).astype(f32)
      (out,) = mp.run(landmarks_model(shape), [points, matrix])
      np.testing.assert_array_equal(out, numpy_transform(points, matrix,
                                                         shape[-1]))

  def test_version1(self):
    rng = np.random.default_rng(5)
    for dimensions, scale, shape in ((3, 0.5, (1, 2, 3, 9)),
                                     (2, 4.0, (1, 1, 1, 10))):
      points = rng.standard_normal(shape).astype(f32)
      matrix = rng.standard_normal((1, 4, 4)).astype(f32)
      options = flexbuffers.Dumps({"dimensions": dimensions, "scale": scale})
      (out,) = mp.run(landmarks_model(shape, options), [points, matrix])
      np.testing.assert_array_equal(
          out, numpy_transform(points, matrix, dimensions, scale))

  def test_bad_models(self):
    mp.assert_prepare_fails(self, OP, landmarks_model((1, 4, 5)),
                            r"landmarks must have 2 or 3 coordinates")
    mp.assert_prepare_fails(self, OP, landmarks_model((2, 4, 3)),
                            r"landmarks must be \[1, N, D\] \(version 2\)")
    mp.assert_prepare_fails(self, OP,
                            landmarks_model((1, 4, 3), matrix_shape=(3, 3)),
                            r"the matrix must hold 16 values")
    mp.assert_prepare_fails(self, OP, landmarks_model((1, 1, 1, 6)),
                            r"version 1 \(4-D landmarks\) needs custom "
                            r"options")
    mp.assert_prepare_fails(
        self, OP,
        landmarks_model((1, 1, 1, 7), flexbuffers.Dumps({"dimensions": 3})),
        r"the landmarks' last dimension 7 is not a multiple of 'dimensions' "
        r"3")
    mp.assert_prepare_fails(
        self, OP,
        landmarks_model((1, 1, 1, 6),
                        flexbuffers.Dumps({"dimensions": 3, "scale": 0.0})),
        r"option 'scale' must be a nonzero number")


if __name__ == "__main__":
  absltest.main()
