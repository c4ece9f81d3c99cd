"""DETECTION_POSTPROCESS (the custom op TFLite_Detection_PostProcess)
against LiteRT's reference kernels: fast and regular NMS, with and without
a background class, several classes per detection, quantized inputs, and
the errors prepare reports."""

from absl.testing import absltest
from absl.testing import parameterized
from flatbuffers import flexbuffers
import numpy as np

from tflite_micro.python.tflite_micro import runtime
from tflite_micro.tensorflow.lite.micro.testing import op_test_util as util

CUSTOM_CODE = "TFLite_Detection_PostProcess"


def options(**overrides):
  values = dict(max_detections=10, max_classes_per_detection=1,
                detections_per_class=100, use_regular_nms=False,
                nms_score_threshold=0.3, nms_iou_threshold=0.5,
                num_classes=4, y_scale=10.0, x_scale=10.0, h_scale=5.0,
                w_scale=5.0)
  values.update(overrides)
  return {k: v for k, v in values.items() if v is not None}


def grid_anchors(rng, count):
  """Anchors (y, x, h, w) on a coarse grid, so that boxes overlap."""
  centers = rng.uniform(0.1, 0.9, size=[count, 2])
  centers = np.round(centers * 6) / 6
  sizes = rng.uniform(0.15, 0.4, size=[count, 2])
  return np.concatenate([centers, sizes], axis=1).astype(np.float32)


def detection_model(num_boxes=40, classes_with_background=5, coords=4,
                    quantized=None, anchors=None, seed=0, option_values=None,
                    raw_options=None):
  """A one-op model: box encodings and class scores are inputs, anchors a
  constant. `quantized`: np.uint8 or np.int8 inputs and anchors."""
  rng = np.random.default_rng(seed)
  b = util.ModelBuilder()
  if anchors is None:
    anchors = grid_anchors(rng, num_boxes)
  if quantized is None:
    x = b.add_input([1, num_boxes, coords], np.float32)
    s = b.add_input([1, num_boxes, classes_with_background], np.float32)
    a = b.add_constant(anchors)
  else:
    low = np.iinfo(quantized).min
    x = b.add_input([1, num_boxes, coords], quantized, scale=0.04,
                    zero_point=low + 128)
    s = b.add_input([1, num_boxes, classes_with_background], quantized,
                    scale=1 / 256, zero_point=low)
    q = np.clip(np.round(anchors / 0.005) + low, low, low + 255)
    a = b.add_constant(q.astype(quantized), scale=0.005, zero_point=low)
  n = 10
  outputs = [b.add_tensor([1, n, 4], np.float32),
             b.add_tensor([1, n], np.float32),
             b.add_tensor([1, n], np.float32),
             b.add_tensor([1], np.float32)]
  custom = (raw_options if raw_options is not None else
            flexbuffers.Dumps(option_values or options()))
  b.add_custom_operator(CUSTOM_CODE, [x, s, a], outputs,
                        custom_options=custom)
  for o in outputs:
    b.add_output(o)
  return b.build()


def detection_inputs(rng, num_boxes=40, classes_with_background=5, coords=4,
                     quantized=None):
  encodings = rng.normal(0, 2.0, size=[1, num_boxes, coords])
  scores = rng.uniform(0, 1, size=[1, num_boxes, classes_with_background])
  if quantized is None:
    return [encodings.astype(np.float32), scores.astype(np.float32)]
  low = np.iinfo(quantized).min
  return [np.clip(np.round(encodings / 0.04) + low + 128, low,
                  low + 255).astype(quantized),
          np.clip(np.round(scores * 256) + low, low,
                  low + 255).astype(quantized)]


class DetectionPostprocessTest(parameterized.TestCase):

  def check(self, model, inputs, option_values, expect_detections=True,
            ours_model=None, ours_inputs=None):
    """Counts equal; the written slots match LiteRT's. LiteRT leaves the
    other slots as the memory was (fast NMS: past the detections, and
    between a box's classes when it has fewer than max_classes_per_detection;
    regular NMS: past max_detections); here they are 0."""
    expected = util.run_litert_reference(model, inputs)
    per_box = option_values["max_classes_per_detection"]
    classes = min(per_box, option_values["num_classes"])
    for arithmetic in ("tflm", "litert"):
      ours = util.run_tflm(ours_model or model, ours_inputs or inputs,
                           arithmetic=arithmetic)
      self.assertEqual(ours[3][0], expected[3][0])
      count = int(expected[3][0])
      if option_values.get("use_regular_nms"):
        slots = np.arange(count)
      else:
        slots = np.array([i * per_box + k for i in range(count)
                          for k in range(classes)], dtype=int)
      for k in range(3):
        np.testing.assert_allclose(ours[k][0][slots], expected[k][0][slots],
                                   rtol=1e-5, atol=1e-6,
                                   err_msg=f"output {k} {arithmetic}")
        unwritten = np.ones(ours[k][0].shape[0], bool)
        unwritten[slots] = False
        self.assertFalse(np.any(ours[k][0][unwritten]))
    if expect_detections:
      self.assertGreater(count, 1)

  @parameterized.named_parameters(
      ("fast", {}, {}),
      ("fast_three_classes_per_box",
       dict(max_detections=3, max_classes_per_detection=3), {}),
      ("fast_no_background", {}, dict(classes_with_background=4)),
      ("fast_more_classes_per_box_than_classes",
       dict(max_detections=5, max_classes_per_detection=2, num_classes=1),
       dict(classes_with_background=2)),
      ("fast_keypoints", {}, dict(coords=10)),
      ("fast_tight_iou", dict(nms_iou_threshold=0.1), {}),
      ("fast_loose_iou", dict(nms_iou_threshold=1.0), {}),
      ("regular", dict(use_regular_nms=True), {}),
      ("regular_two_per_class",
       dict(use_regular_nms=True, detections_per_class=2), {}),
      ("regular_no_background", dict(use_regular_nms=True),
       dict(classes_with_background=4)),
      ("regular_many_boxes",
       dict(use_regular_nms=True, nms_score_threshold=0.05),
       dict(num_boxes=300)),
      ("defaults_for_optional_options",
       dict(detections_per_class=None, use_regular_nms=None), {}),
  )
  def test_float(self, option_values, shape):
    for seed in range(3):
      rng = np.random.default_rng(10 + seed)
      values = options(**option_values)
      model = detection_model(option_values=values, seed=seed, **shape)
      self.check(model, detection_inputs(rng, **shape), values)

  @parameterized.parameters(np.uint8, np.int8)
  def test_quantized(self, dtype):
    """uint8 against LiteRT directly; int8 (which LiteRT does not take)
    against LiteRT on the float model of the same dequantized values."""
    low = np.iinfo(dtype).min
    anchors = grid_anchors(np.random.default_rng(0), 40)
    q_anchors = np.clip(np.round(anchors / 0.005) + low, low, low + 255)
    float_anchors = (np.float32(0.005) *
                     (q_anchors - low).astype(np.float32)).astype(np.float32)
    for regular in (False, True):
      rng = np.random.default_rng(3)
      values = options(use_regular_nms=regular, max_classes_per_detection=2)
      model = detection_model(quantized=dtype, anchors=anchors,
                              option_values=values)
      inputs = detection_inputs(rng, quantized=dtype)
      if dtype == np.uint8:
        self.check(model, inputs, values)
      float_model = detection_model(anchors=float_anchors,
                                    option_values=values)
      float_inputs = [
          (np.float32(0.04) * (inputs[0].astype(np.float32) -
                               np.float32(low + 128))).astype(np.float32),
          (np.float32(1 / 256) * (inputs[1].astype(np.float32) -
                                  np.float32(low))).astype(np.float32)]
      self.check(float_model, float_inputs, values, ours_model=model,
                 ours_inputs=inputs)

  def test_high_threshold_leaves_few_or_none(self):
    rng = np.random.default_rng(5)
    for threshold in (0.97, 1.5):
      values = options(nms_score_threshold=threshold)
      model = detection_model(option_values=values)
      self.check(model, detection_inputs(rng), values,
                 expect_detections=False)

  def test_equal_scores_keep_box_order(self):
    # Every box scores the same: the stable sort visits them by index.
    rng = np.random.default_rng(6)
    for regular in (False, True):
      values = options(nms_iou_threshold=0.3, use_regular_nms=regular,
                       max_classes_per_detection=3)
      model = detection_model(option_values=values)
      encodings, scores = detection_inputs(rng)
      scores[:] = 0.5
      self.check(model, [encodings, scores], values)

  def _rejected(self, pattern, **kwargs):
    with self.assertRaisesRegex(
        RuntimeError, r"TFLite_Detection_PostProcess \(number 0\).*DETECTION_POSTPROCESS: .*" + pattern):
      runtime.Interpreter.from_bytes(detection_model(**kwargs))

  def test_missing_option_is_reported(self):
    values = options()
    del values["y_scale"]
    self._rejected("option y_scale is missing", option_values=values)

  def test_bad_options_are_reported(self):
    self._rejected("flexbuffer map", raw_options=b"\x01\x02\x03")
    self._rejected(r"nms_iou_threshold must be in \(0, 1\]",
                   option_values=options(nms_iou_threshold=0.0))
    self._rejected("must be positive",
                   option_values=options(max_detections=0))
    self._rejected("must not be 0", option_values=options(h_scale=0.0))

  def test_bad_shapes_are_reported(self):
    self._rejected("plus at most one background class",
                   classes_with_background=7)
    self._rejected("at least 4 values per box", coords=3)

  def test_unsupported_type_is_reported(self):
    self._rejected("INT16; float32, uint8 or int8", quantized=np.int16)

  def test_negative_anchor_size_is_reported(self):
    anchors = grid_anchors(np.random.default_rng(1), 40)
    anchors[7, 2] = -0.2
    model = detection_model(anchors=anchors)
    interpreter = runtime.Interpreter.from_bytes(model)
    rng = np.random.default_rng(2)
    for i, value in enumerate(detection_inputs(rng)):
      interpreter.set_input(value, i)
    with self.assertRaisesRegex(RuntimeError, "box 7 decodes to an inverted"):
      interpreter.invoke()


if __name__ == "__main__":
  absltest.main()
