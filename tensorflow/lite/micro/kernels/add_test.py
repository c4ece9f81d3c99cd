"""ADD against LiteRT's reference kernels (the cases SUB shares are in
elementwise_test_util.AddSubTestCases)."""

from absl.testing import absltest
from absl.testing import parameterized
import numpy as np

from tflite_micro.tensorflow.lite.micro.kernels import elementwise_test_util as et
from tflite_micro.tensorflow.lite.micro.testing import op_test_util as util


class AddTest(et.AddSubTestCases):

  OP = "ADD"
  SYMBOL = "+"

  def test_simple_add_model(self):
    # ../shared/models/simple_add_model.tflite: int8 [1, 128, 128, 1] + same.
    from tflite_micro.tensorflow.lite.micro.testing import shared_data  # pylint: disable=g-import-not-at-top
    path = shared_data.model_path("simple_add_model.tflite")
    if path is None:
      self.skipTest("../shared/models is not available")
    with open(path, "rb") as f:
      model = f.read()
    rng = np.random.default_rng(9)
    inputs = [et.random_values(rng, [1, 128, 128, 1], np.int8),
              et.random_values(rng, [1, 128, 128, 1], np.int8)]
    et.compare(self, model, inputs)

  def test_int32_chain_of_audio_preprocessor(self):
    # The int32 tail of ../shared/models/audio_preprocessor_int8.tflite:
    # MUL, ADD, DIV, ADD, MINIMUM, MAXIMUM, each with a scalar constant.
    b = util.ModelBuilder()
    x = b.add_input([40], np.int32)
    steps = [("MUL", 256, {"fused_activation_function": "NONE"}),
             ("ADD", 333, {"pot_scale_int16": True}),
             ("DIV", 666, {"fused_activation_function": "NONE"}),
             ("ADD", -128, {"pot_scale_int16": True}),
             ("MINIMUM", 127, {}), ("MAXIMUM", -128, {})]
    value = x
    for op, constant, options in steps:
      c = b.add_constant(np.array(constant, np.int32))
      out = b.add_tensor([40], np.int32)
      b.add_operator(op, [value, c], [out], **options)
      value = out
    b.add_output(value)
    rng = np.random.default_rng(10)
    et.compare(self, b.build(),
               [et.random_values(rng, [40], np.int32, -20000, 600000)])

  @parameterized.parameters("NONE", "RELU6")
  def test_unquantized_int16(self, activation):
    rng = np.random.default_rng(11)
    for shape1, shape2 in et.BROADCAST_SHAPES:
      model = et.build_binary("ADD", shape1, shape2, np.int16,
                              fused_activation_function=activation)
      inputs = [et.random_values(rng, shape1, np.int16),
                et.random_values(rng, shape2, np.int16)]
      et.compare(self, model, inputs, context=f"{shape1} + {shape2}")


if __name__ == "__main__":
  absltest.main()
