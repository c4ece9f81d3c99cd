"""Landmarks2TransformMatrix (MediaPipe, version 2) against a float64 numpy
model of its definition (to float32 rounding: the trigonometry is libm's),
a geometric check (the crop's center maps to the box's center), and its
errors."""

import math

from absl.testing import absltest
from flatbuffers import flexbuffers
import numpy as np

from tflite_micro.mediapipe.micro.kernels import mediapipe_test_util as mp

OP = "Landmarks2TransformMatrix"


def options(**overrides):
  values = dict(subset_idxs=[0, 1, 2, 3, 4], left_rotation_idx=1,
                right_rotation_idx=3, target_rotation_radians=0.0,
                output_height=192, output_width=160, scale_x=1.5,
                scale_y=1.25)
  values.update(overrides)
  return flexbuffers.Dumps({k: v for k, v in values.items()
                            if v is not None})


def numpy_matrix(points, o):
  p = points.reshape(-1, 3).astype(np.float64)
  left, right = p[o["left_rotation_idx"]], p[o["right_rotation_idx"]]
  r = o["target_rotation_radians"] - math.atan2(right[1] - left[1],
                                                right[0] - left[0])
  rot = np.array([[math.cos(r), -math.sin(r)], [math.sin(r), math.cos(r)]])
  sub = p[o["subset_idxs"], :2] @ rot.T
  lo, hi = sub.min(axis=0), sub.max(axis=0)
  w, h = hi - lo
  cx, cy = rot.T @ ((lo + hi) / 2)

  def mat(a, b, tx, ty):
    return np.array([[a[0], a[1], 0, tx], [b[0], b[1], 0, ty],
                     [0, 0, 1, 0], [0, 0, 0, 1]])

  back = -r
  m = mat((1, 0), (0, 1), cx, cy)
  m = m @ mat((math.cos(back), -math.sin(back)),
              (math.sin(back), math.cos(back)), 0, 0)
  m = m @ mat((o["scale_x"] * w / o["output_width"], 0),
              (0, o["scale_y"] * h / o["output_height"]), 0, 0)
  m = m @ mat((1, 0), (0, 1), -o["output_width"] / 2,
              -o["output_height"] / 2)
  return m.reshape(1, 4, 4), (cx, cy)


def l2m_model(shape, raw_options):
  return mp.one_op_model(OP, [("input", shape)], [(1, 4, 4)], raw_options)


class Landmarks2TransformMatrixTest(absltest.TestCase):

  def test_matches_definition(self):
    rng = np.random.default_rng(8)
    o = dict(subset_idxs=[0, 2, 5, 7, 9, 3, 3], left_rotation_idx=2,
             right_rotation_idx=7, target_rotation_radians=0.4,
             output_height=64, output_width=48, scale_x=1.5, scale_y=2.0)
    for _ in range(5):
      points = (rng.uniform(0, 192, (1, 10, 3))).astype(np.float32)
      (out,) = mp.run(l2m_model((1, 10, 3), options(**o)), [points])
      want, (cx, cy) = numpy_matrix(points, o)
      np.testing.assert_allclose(out, want, rtol=2e-5, atol=2e-4)
      # The crop's center goes to the subset's box center.
      center = out[0] @ np.array([o["output_width"] / 2,
                                  o["output_height"] / 2, 0, 1])
      np.testing.assert_allclose(center[:2], [cx, cy], atol=2e-3)

  def test_bad_models(self):
    mp.assert_prepare_fails(self, OP, l2m_model((1, 1, 1, 15), options()),
                            r"landmarks must be \[1, N, 3\] \(MediaPipe's "
                            r"version 2; version 1's 4-D input is not "
                            r"supported\), got \[1, 1, 1, 15\]")
    mp.assert_prepare_fails(self, OP, l2m_model((1, 5, 3), b""),
                            r"the custom options must be a flexbuffer map")
    mp.assert_prepare_fails(
        self, OP, l2m_model((1, 5, 3), options(subset_idxs=[0, 5])),
        r"subset_idxs\[1\] must be a landmark index in \[0, 5\)")
    mp.assert_prepare_fails(
        self, OP, l2m_model((1, 5, 3), options(subset_idxs=[])),
        r"option 'subset_idxs' must hold 1 to 65536 indices, got 0")
    mp.assert_prepare_fails(
        self, OP, l2m_model((1, 5, 3), options(right_rotation_idx=9)),
        r"option 'right_rotation_idx' must be an integer in \[0, 4\]")
    mp.assert_prepare_fails(
        self, OP, l2m_model((1, 5, 3), options(scale_y=0.0)),
        r"option 'scale_y' must be a positive number")
    mp.assert_prepare_fails(
        self, OP, l2m_model((1, 5, 3), options(output_width=None)),
        r"option 'output_width' must be an integer in \[1, 16777216\]")


if __name__ == "__main__":
  absltest.main()
