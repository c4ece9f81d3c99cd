"""MobileNetV2-style CNNs for benchmarking, written with model_builder.

    from benchmarks import cnn_models
    data = cnn_models.mobilenet_v2(size=224, dtype=np.int8)   # .tflite bytes

The layer structure is MobileNetV2's (width 1.0): a 3x3 stride-2 convolution,
17 inverted-residual blocks (1x1 expand, 3x3 depthwise, 1x1 project, ADD
when the shapes allow), a 1x1 convolution to 1280 channels, global average
pooling, a 1000-way FULLY_CONNECTED and SOFTMAX. Weights are random (seeded);
int8 models use per-channel weight scales like the TFLite converter's.
"""

import numpy as np

try:
  from tflite_micro import model_builder as mb
except ImportError:  # under Bazel
  from tflite_micro.python.tflite_micro import model_builder as mb

# (expansion, output channels, repeats, first stride)
_BLOCKS = [(1, 16, 1, 1), (6, 24, 2, 2), (6, 32, 3, 2), (6, 64, 4, 2),
           (6, 96, 3, 1), (6, 160, 3, 2), (6, 320, 1, 1)]

# int8 activation quantization: after RELU6 and elsewhere.
_RELU6_Q = (6.0 / 255.0, -128)
_LINEAR_Q = (0.06, 0)


class _Net:
  """Adds layers to a model_builder graph, float32 or int8."""

  def __init__(self, dtype, seed):
    self.b = mb.ModelBuilder()
    self.dtype = dtype
    self.rng = np.random.RandomState(seed)
    self.quantized = dtype == np.int8

  def tensor(self, shape, q):
    if self.quantized:
      return self.b.add_tensor(shape, np.int8, scale=q[0], zero_point=q[1])
    return self.b.add_tensor(shape, np.float32)

  def input(self, shape):
    if self.quantized:
      return self.b.add_input(shape, np.int8, scale=1 / 128.0, zero_point=0)
    return self.b.add_input(shape, np.float32)

  def _weights(self, shape, fan_in, channel_dim, in_scale, gain=1.0):
    w = self.rng.normal(0, gain / np.sqrt(fan_in), shape).astype(np.float32)
    if not self.quantized:
      bias = self.rng.normal(0, 0.1, shape[channel_dim]).astype(np.float32)
      return self.b.add_constant(w), self.b.add_constant(bias)
    axes = tuple(i for i in range(len(shape)) if i != channel_dim)
    scales = np.maximum(np.abs(w).max(axis=axes), 1e-6) / 127.0
    bshape = [1] * len(shape)
    bshape[channel_dim] = -1
    wq = np.clip(np.round(w / scales.reshape(bshape)), -127, 127)
    wt = self.b.add_constant(wq.astype(np.int8), scale=scales, zero_point=0,
                             quantized_dimension=channel_dim)
    bias_scales = (in_scale * scales).astype(np.float32)
    bias = np.round(self.rng.normal(0, 0.1, scales.size) / bias_scales)
    bt = self.b.add_constant(bias.astype(np.int32), scale=bias_scales,
                             zero_point=0)
    return wt, bt

  def conv(self, x, shape, q_in, out_c, k, stride, relu6):
    n, h, w, c = shape
    oh, ow = -(-h // stride), -(-w // stride)
    wt, bt = self._weights((out_c, k, k, c), k * k * c, 0, q_in[0])
    q_out = _RELU6_Q if relu6 else _LINEAR_Q
    y = self.tensor([n, oh, ow, out_c], q_out)
    self.b.add_operator("CONV_2D", [x, wt, bt], [y], padding="SAME",
                        stride_h=stride, stride_w=stride,
                        fused_activation_function="RELU6" if relu6 else "NONE")
    return y, [n, oh, ow, out_c], q_out

  def depthwise(self, x, shape, q_in, stride):
    n, h, w, c = shape
    oh, ow = -(-h // stride), -(-w // stride)
    wt, bt = self._weights((1, 3, 3, c), 9, 3, q_in[0])
    y = self.tensor([n, oh, ow, c], _RELU6_Q)
    self.b.add_operator("DEPTHWISE_CONV_2D", [x, wt, bt], [y], padding="SAME",
                        stride_h=stride, stride_w=stride, depth_multiplier=1,
                        fused_activation_function="RELU6")
    return y, [n, oh, ow, c], _RELU6_Q

  def classifier(self, x, features, q, classes):
    """A confident FULLY_CONNECTED from [1, features] to [1, classes]."""
    wt, bt = self._weights((classes, features), features, 0, q[0], gain=16.0)
    logits = self.tensor([1, classes], (0.5, 0))
    self.b.add_operator("FULLY_CONNECTED", [x, wt, bt], [logits],
                        fused_activation_function="NONE")
    return logits

  def add(self, a, b, shape):
    y = self.tensor(shape, _LINEAR_Q)
    self.b.add_operator("ADD", [a, b], [y], fused_activation_function="NONE")
    return y


def _width(channels, alpha):
  """MobileNetV2's channel count at width multiplier `alpha`: a multiple
  of 8, at least 8, never under 90% of channels * alpha."""
  scaled = channels * alpha
  rounded = max(8, int(scaled + 4) // 8 * 8)
  return rounded + 8 if rounded < 0.9 * scaled else rounded


def mobilenet_v2(size=224, dtype=np.int8, classes=1000, seed=0, alpha=1.0):
  """A MobileNetV2-style model taking [1, size, size, 3] images; `alpha`
  is the width multiplier (the last 1x1 convolution keeps 1280 channels,
  as MobileNetV2's does for alpha <= 1)."""
  net = _Net(dtype, seed)
  shape = [1, size, size, 3]
  x = net.input(shape)
  q = (1 / 128.0, 0)
  x, shape, q = net.conv(x, shape, q, _width(32, alpha), 3, 2, relu6=True)
  for expansion, channels, repeats, first_stride in _BLOCKS:
    channels = _width(channels, alpha)
    for i in range(repeats):
      stride = first_stride if i == 0 else 1
      block_in, block_shape, block_q = x, shape, q
      if expansion != 1:
        x, shape, q = net.conv(x, shape, q, shape[3] * expansion, 1, 1,
                               relu6=True)
      x, shape, q = net.depthwise(x, shape, q, stride)
      x, shape, q = net.conv(x, shape, q, channels, 1, 1, relu6=False)
      if stride == 1 and block_shape == shape:
        x = net.add(block_in, x, shape)
        q = _LINEAR_Q
  x, shape, q = net.conv(x, shape, q, 1280, 1, 1, relu6=True)
  pooled = net.tensor([1, 1, 1, 1280], q)
  net.b.add_operator("AVERAGE_POOL_2D", [x], [pooled], padding="VALID",
                     stride_h=1, stride_w=1, filter_height=shape[1],
                     filter_width=shape[2], fused_activation_function="NONE")
  flat = net.tensor([1, 1280], q)
  shape_t = net.b.add_constant(np.array([1, 1280], np.int32))
  net.b.add_operator("RESHAPE", [pooled, shape_t], [flat], new_shape=[1, 1280])
  # A confident classifier: logits spread over tens of units. (With random
  # weights of the usual size the 1000 logits are nearly equal, and TFLite's
  # int8 SOFTMAX aborts on more than 256 near-maximal values.)
  logits = net.classifier(flat, 1280, q, classes)
  probs = net.tensor([1, classes], (1 / 256.0, -128))
  net.b.add_operator("SOFTMAX", [logits], [probs], beta=1.0)
  net.b.add_output(probs)
  return net.b.build()


# Name -> (size, dtype) of the generated models the benchmark runs.
GENERATED = {
    "mobilenet_v2_96_int8": (96, np.int8),
    "mobilenet_v2_96_float": (96, np.float32),
    "mobilenet_v2_224_int8": (224, np.int8),
    "mobilenet_v2_224_float": (224, np.float32),
}

# A MobileNet-style int8 model small enough for a microcontroller (the
# Cortex-M instruction counts of README.md): 96x96 images, width 0.35, 10
# classes; 0.5 MB of weights, 220 KB of arena.
#   bazel run //benchmarks:write_model -- mobilenet_v2_96_035_int8 OUT.tflite
MICRO = {
    "mobilenet_v2_96_035_int8": dict(size=96, dtype=np.int8, alpha=0.35,
                                     classes=10),
}




def _pad(net, x, shape, q, before, after):
  """An explicit spatial PAD (as PyTorch exporters emit before strided
  convolutions) of `before`/`after` rows and columns."""
  n, h, w, c = shape
  paddings = net.b.add_constant(
      np.array([[0, 0], [before, after], [before, after], [0, 0]], np.int32))
  out_shape = [n, h + before + after, w + before + after, c]
  y = net.tensor(out_shape, q)
  net.b.add_operator("PAD", [x, paddings], [y])
  return y, out_shape


def _prelu(net, x, shape, q):
  """PRELU with one slope per channel (as PyTorch's nn.PReLU(C) exports)."""
  alpha = net.rng.uniform(0.05, 0.3, [1, 1, shape[3]]).astype(np.float32)
  if net.quantized:
    a = net.b.add_constant(np.round(alpha / (0.3 / 127)).astype(np.int8),
                           scale=0.3 / 127, zero_point=0)
  else:
    a = net.b.add_constant(alpha)
  y = net.tensor(shape, _LINEAR_Q)
  net.b.add_operator("PRELU", [x, a], [y])
  return y, _LINEAR_Q


def _hard_swish(net, x, shape, q):
  y = net.tensor(shape, _LINEAR_Q)
  net.b.add_operator("HARD_SWISH", [x], [y])
  return y, _LINEAR_Q


def _conv_valid(net, x, shape, q_in, out_c, kh, kw, stride, dilation=1,
                act="NONE"):
  n, h, w, c = shape
  oh = (h - dilation * (kh - 1) - 1) // stride + 1
  ow = (w - dilation * (kw - 1) - 1) // stride + 1
  wt, bt = net._weights((out_c, kh, kw, c), kh * kw * c, 0, q_in[0])
  q_out = _RELU6_Q if act == "RELU6" else _LINEAR_Q
  y = net.tensor([n, oh, ow, out_c], q_out)
  net.b.add_operator("CONV_2D", [x, wt, bt], [y], padding="VALID",
                     stride_h=stride, stride_w=stride,
                     dilation_h_factor=dilation, dilation_w_factor=dilation,
                     fused_activation_function=act)
  return y, [n, oh, ow, out_c], q_out


def _depthwise_valid(net, x, shape, q_in, stride):
  n, h, w, c = shape
  oh, ow = (h - 3) // stride + 1, (w - 3) // stride + 1
  wt, bt = net._weights((1, 3, 3, c), 9, 3, q_in[0])
  y = net.tensor([n, oh, ow, c], _RELU6_Q)
  net.b.add_operator("DEPTHWISE_CONV_2D", [x, wt, bt], [y], padding="VALID",
                     stride_h=stride, stride_w=stride, depth_multiplier=1,
                     fused_activation_function="RELU6")
  return y, [n, oh, ow, c], _RELU6_Q


def pytorch_style(size=224, dtype=np.int8, classes=1000, seed=1):
  """A MobileNetV2-like model as PyTorch exporters write it: an NCHW input
  with a TRANSPOSE to NHWC, an explicit PAD before every strided (and every
  non-pointwise) convolution, all convolutions VALID, PRELU and HARD_SWISH
  activations, a 5x5 and a dilated 3x3 convolution, a squeeze-excite block
  (MEAN, LOGISTIC, broadcast MUL) and a MEAN head."""
  net = _Net(dtype, seed)
  nchw = [1, 3, size, size]
  x = net.input(nchw)
  q = (1 / 128.0, 0)
  shape = [1, size, size, 3]
  nhwc = net.tensor(shape, q)
  perm = net.b.add_constant(np.array([0, 2, 3, 1], np.int32))
  net.b.add_operator("TRANSPOSE", [x, perm], [nhwc])
  x, shape = _pad(net, nhwc, shape, q, 1, 1)
  x, shape, q = _conv_valid(net, x, shape, q, 32, 3, 3, 2)
  x, q = _prelu(net, x, shape, q)
  blocks = [(1, 16, 1, 1), (6, 24, 2, 2), (6, 32, 3, 2), (6, 64, 2, 2),
            (6, 96, 2, 1), (6, 160, 2, 2)]
  for expansion, channels, repeats, first_stride in blocks:
    for i in range(repeats):
      stride = first_stride if i == 0 else 1
      block_in, block_shape = x, shape
      if expansion != 1:
        x, shape, q = _conv_valid(net, x, shape, q, shape[3] * expansion, 1,
                                  1, 1, act="RELU6")
      x, shape = _pad(net, x, shape, q, 1, 1)
      x, shape, q = _depthwise_valid(net, x, shape, q, stride)
      x, shape, q = _conv_valid(net, x, shape, q, channels, 1, 1, 1)
      if stride == 1 and block_shape == shape:
        x = net.add(block_in, x, shape)
        q = _LINEAR_Q
  # A 5x5 and a dilated 3x3 convolution, each behind its PAD.
  x, shape = _pad(net, x, shape, q, 2, 2)
  x, shape, q = _conv_valid(net, x, shape, q, 160, 5, 5, 1)
  x, q = _hard_swish(net, x, shape, q)
  x, shape = _pad(net, x, shape, q, 2, 2)
  x, shape, q = _conv_valid(net, x, shape, q, 160, 3, 3, 1, dilation=2)
  x, q = _prelu(net, x, shape, q)
  # Squeeze-excite: channel means, a 1x1 convolution, LOGISTIC, broadcast MUL.
  axes = net.b.add_constant(np.array([1, 2], np.int32))
  squeezed = net.tensor([1, 1, 1, shape[3]], q)
  net.b.add_operator("MEAN", [x, axes], [squeezed], keep_dims=True)
  s, s_shape, s_q = _conv_valid(net, squeezed, [1, 1, 1, shape[3]], q,
                                shape[3], 1, 1, 1)
  gate_q = (1 / 256.0, -128)
  gate = net.tensor(s_shape, gate_q)
  net.b.add_operator("LOGISTIC", [s], [gate])
  excited = net.tensor(shape, q)
  net.b.add_operator("MUL", [x, gate], [excited],
                     fused_activation_function="NONE")
  x, shape, q = _conv_valid(net, excited, shape, q, 640, 1, 1, 1,
                            act="RELU6")
  pooled = net.tensor([1, shape[3]], q)
  net.b.add_operator("MEAN", [x, axes], [pooled], keep_dims=False)
  logits = net.classifier(pooled, shape[3], q, classes)
  net.b.add_output(logits)
  return net.b.build()


# Name -> (size, dtype) of the generated PyTorch-style models.
PYTORCH_STYLE = {
    "pytorch_style_224_int8": (224, np.int8),
    "pytorch_style_224_float": (224, np.float32),
    "pytorch_style_128_float": (128, np.float32),
}


def build(name):
  if name in MICRO:
    return mobilenet_v2(**MICRO[name])
  if name in PYTORCH_STYLE:
    size, dtype = PYTORCH_STYLE[name]
    return pytorch_style(size=size, dtype=dtype)
  size, dtype = GENERATED[name]
  return mobilenet_v2(size=size, dtype=dtype)
