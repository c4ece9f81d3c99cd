"""SUB against LiteRT's reference kernels (the cases ADD shares are in
elementwise_test_util.AddSubTestCases)."""

from absl.testing import absltest
import numpy as np

from tflite_micro.tensorflow.lite.micro.kernels import elementwise_test_util as et


class SubTest(et.AddSubTestCases):

  OP = "SUB"
  SYMBOL = "-"

  def test_unquantized_int16_is_reported(self):
    self.assert_reported(et.build_binary("SUB", [2], [2], np.int16),
                         r"need quantization parameters")


if __name__ == "__main__":
  absltest.main()
