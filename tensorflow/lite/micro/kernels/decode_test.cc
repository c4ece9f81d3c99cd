// DECODE's kernel test, the TFLM way (KernelRunner, TF_LITE_MICRO_*): the
// LUT, Huffman and pruning decode types against values worked out by hand
// from the format (the LUT examples are those of TFLM's compression
// documentation, the Huffman stream and table TFLM's own test vectors), and
// the errors for malformed encoded data and headers. Runs on hosts and as
// firmware.
#include <cstdint>
#include <cstring>
#include <vector>

#include "tensorflow/lite/c/common.h"
#include "tensorflow/lite/micro/kernels/kernel_runner.h"
#include "tensorflow/lite/micro/kernels/micro_ops.h"
#include "tensorflow/lite/micro/test_helpers.h"
#include "tensorflow/lite/micro/testing/micro_test.h"

namespace {

using tflite::testing::CreateTensor;
using tflite::testing::IntArrayFromInts;

// The 16-byte header, then `data`.
std::vector<uint8_t> Ancillary(uint8_t type, uint8_t version, uint8_t byte5,
                               uint8_t byte6, const void* data, size_t bytes) {
  std::vector<uint8_t> out(16 + bytes, 0);
  out[0] = type;
  out[1] = 1;
  out[4] = version;
  out[5] = byte5;
  out[6] = byte6;
  if (bytes > 0) std::memcpy(out.data() + 16, data, bytes);
  return out;
}

// LUT header: byte 5 = channel axis << 4 | bit width (axis 15: one table).
constexpr int kOneTable = 15;
std::vector<uint8_t> Lut(int bit_width, int stride, const void* tables,
                         size_t bytes, int axis = kOneTable) {
  return Ancillary(0, 1, static_cast<uint8_t>((axis << 4) | bit_width),
                   static_cast<uint8_t>(stride), tables, bytes);
}

// Packs indices `width` bits each, most significant bit first (test side).
std::vector<uint8_t> Pack(const std::vector<int>& indices, int width) {
  std::vector<uint8_t> out((indices.size() * width + 7) / 8, 0);
  size_t bit = 0;
  for (int index : indices) {
    for (int b = width - 1; b >= 0; --b, ++bit) {
      if ((index >> b) & 1) out[bit / 8] |= 0x80 >> (bit % 8);
    }
  }
  return out;
}

// One DECODE node: pairs of (encoded, ancillary) byte tensors and one
// output each (`outputs`, laid out after the pairs in `tensors`).
struct Node {
  std::vector<std::vector<uint8_t>> inputs;  // encoded0, ancillary0, ...
  std::vector<std::vector<int>> dims;
  std::vector<TfLiteTensor> tensors;

  void AddPair(std::vector<uint8_t> encoded, std::vector<uint8_t> ancillary) {
    inputs.push_back(std::move(encoded));
    inputs.push_back(std::move(ancillary));
  }

  // `outputs` are appended after the input tensors; returns the status of
  // prepare (then invoke).
  TfLiteStatus Run(const std::vector<TfLiteTensor>& outputs) {
    const int pairs = static_cast<int>(outputs.size());
    dims.clear();
    dims.reserve(inputs.size());
    tensors.clear();
    for (const auto& bytes : inputs) {
      dims.push_back({1, static_cast<int>(bytes.size())});
      tensors.push_back(
          CreateTensor(bytes.data(), IntArrayFromInts(dims.back().data())));
    }
    for (const TfLiteTensor& t : outputs) tensors.push_back(t);
    std::vector<int> in = {static_cast<int>(inputs.size())};
    for (int i = 0; i < static_cast<int>(inputs.size()); ++i) in.push_back(i);
    std::vector<int> out = {pairs};
    for (int i = 0; i < pairs; ++i) {
      out.push_back(static_cast<int>(inputs.size()) + i);
    }
    tflite::micro::KernelRunner runner(
        tflite::Register_DECODE(), tensors.data(),
        static_cast<int>(tensors.size()), IntArrayFromInts(in.data()),
        IntArrayFromInts(out.data()), nullptr);
    const TfLiteStatus status = runner.InitAndPrepare();
    if (status != kTfLiteOk) return status;
    return runner.Invoke();
  }
};

// Per-channel quantization of an output: `channels` scales of 1 along
// `axis`, zero points `zero_points` (nullptr: all 0).
struct PerChannel {
  float scales[9];
  int zeros[9];
  TfLiteAffineQuantization affine;

  PerChannel(int channels, int axis, const int* zero_points = nullptr) {
    scales[0] = static_cast<float>(channels);
    zeros[0] = channels;
    for (int c = 0; c < channels; ++c) {
      scales[1 + c] = 1.f;
      zeros[1 + c] = zero_points == nullptr ? 0 : zero_points[c];
    }
    affine.scale = tflite::testing::FloatArrayFromFloats(scales);
    affine.zero_point = IntArrayFromInts(zeros);
    affine.quantized_dimension = axis;
  }
  void ApplyTo(TfLiteTensor* tensor) {
    tensor->quantization = {kTfLiteAffineQuantization, &affine};
  }
};

// Element by element, bit for bit.
template <typename T>
void ExpectEqual(const T* expected, const T* actual, int count) {
  for (int i = 0; i < count; ++i) {
    TF_LITE_MICRO_EXPECT_EQ(0, std::memcmp(&expected[i], &actual[i], sizeof(T)));
  }
}

// TFLM's Huffman test vectors: 64 letters, a first level of 8 entries
// (3 bits), codes m 000, a 001, j 010, o 0110, h 0111, d 1000, i 10010,
// f 10011, c 1010, g 101100, l 101101, k 10111, e 1100, b 1101, p 1110,
// n 1111.
const uint8_t kHuffmanStream[] = {
    0xF0, 0x0D, 0x79, 0xFC, 0x9C, 0x1A, 0x6E, 0x4C, 0x32, 0xAF, 0x29,
    0xB3, 0x5D, 0xF6, 0x36, 0x02, 0x50, 0x15, 0x8C, 0xA7, 0x95, 0xDB,
    0x29, 0x68, 0x3F, 0xBA, 0xB7, 0xED, 0xB1, 0x19, 0xE2, 0xE0,
};
const char kHuffmanText[] =
    "nmmacnanefdacopjomeckifookhbdbdmjjdmjgojfecpbiibmanbbjbnlgjafejp";
const uint16_t kHuffmanTable16[] = {
    0x986D, 0x9861, 0x986A, 0x0005, 0x0806, 0x0809, 0x000E, 0x000F,
    0x886F, 0x8868, 0x8864, 0x8864, 0x9069, 0x9066, 0x8863, 0x8863,
    0x0002, 0x906B, 0x8867, 0x886C, 0x8865, 0x8862, 0x8870, 0x886E,
};

// The table as little-endian bytes, 16- or 32-bit entries (a 32-bit entry
// moves the flag and count fields from bits 15 and 11-14 to 31 and 27-30).
std::vector<uint8_t> HuffmanTable(bool wide) {
  std::vector<uint8_t> bytes;
  for (uint16_t e : kHuffmanTable16) {
    uint32_t entry = e;
    if (wide) entry = (static_cast<uint32_t>(e & 0xF800) << 16) | (e & 0x07FF);
    for (int b = 0; b < (wide ? 4 : 2); ++b) {
      bytes.push_back(static_cast<uint8_t>(entry >> (8 * b)));
    }
  }
  return bytes;
}

}  // namespace

TF_LITE_MICRO_TESTS_BEGIN

// TFLM's documentation: int16 values [2, 4, 4, 10, 1, 7, 99, 10, 2, 4] as
// 3-bit indices 1 3 3 2 4 5 0 2 1 3 into [99, 2, 10, 4, 1, 7]:
// 001 011 011 010 100 101 000 010 001 011 (+ 2 zero bits).
TF_LITE_MICRO_TEST(LutInt16OneTable) {
  const int16_t table[] = {99, 2, 10, 4, 1, 7};
  Node node;
  node.AddPair({0x2D, 0xA9, 0x42, 0x2C}, Lut(3, 6, table, sizeof(table)));
  int dims[] = {1, 10};
  int16_t output[10] = {};
  TF_LITE_MICRO_EXPECT_EQ(
      kTfLiteOk, node.Run({CreateTensor(output, IntArrayFromInts(dims))}));
  const int16_t expected[] = {2, 4, 4, 10, 1, 7, 99, 10, 2, 4};
  ExpectEqual(expected, output, 10);
}

// The same values in two channels along axis 0 (TFLM's documentation):
// tables [1, 10, 2, 4, 0] and [99, 10, 2, 7, 4] (stride 5), indices
// 2 3 3 1 0 | 3 0 1 2 4 = 010 011 011 001 000 011 000 001 010 100.
TF_LITE_MICRO_TEST(LutInt16TwoChannelsFirstAxis) {
  const int16_t tables[] = {1, 10, 2, 4, 0, 99, 10, 2, 7, 4};
  Node node;
  node.AddPair({0x4D, 0x90, 0xC1, 0x50},
               Lut(3, 5, tables, sizeof(tables), /*axis=*/0));
  int dims[] = {2, 2, 5};
  int16_t output[10] = {};
  TF_LITE_MICRO_EXPECT_EQ(
      kTfLiteOk, node.Run({CreateTensor(output, IntArrayFromInts(dims))}));
  const int16_t expected[] = {2, 4, 4, 10, 1, 7, 99, 10, 2, 4};
  ExpectEqual(expected, output, 10);
}

// Channels along the last dimension (axis 1) alternate: shape [3, 2], tables
// {10, 20} and {-1, -2}, 1-bit indices 0 1 1 0 1 1 -> 0b01101100.
TF_LITE_MICRO_TEST(LutInt8ChannelsLastAxis) {
  const int8_t tables[] = {10, 20, -1, -2};
  Node node;
  node.AddPair({0x6C}, Lut(1, 2, tables, sizeof(tables), /*axis=*/1));
  int dims[] = {2, 3, 2};
  int8_t output[6] = {};
  TF_LITE_MICRO_EXPECT_EQ(
      kTfLiteOk, node.Run({CreateTensor(output, IntArrayFromInts(dims))}));
  const int8_t expected[] = {10, -2, 20, -1, 20, -2};
  ExpectEqual(expected, output, 6);
  // A middle axis is not a channel axis DECODE takes.
  Node middle;
  middle.AddPair({0x6C, 0x00}, Lut(1, 2, tables, sizeof(tables), 1));
  int dims3[] = {3, 3, 2, 1};
  int8_t out3[6];
  TF_LITE_MICRO_EXPECT_EQ(
      kTfLiteError, middle.Run({CreateTensor(out3, IntArrayFromInts(dims3))}));
}

// Files from before the header's axis field have 0 there and lay the tables
// out by the output's quantization channels; their tables do not fill an
// axis-0 layout, which tells them apart.
TF_LITE_MICRO_TEST(LutLegacyLayouts) {
  // One table for a [3, 2] tensor (no quantization): 1-bit indices
  // 0 1 1 0 1 0 -> 0b01101000 into {5, 6}.
  const int8_t one[] = {5, 6};
  Node node;
  node.AddPair({0x68}, Lut(1, 2, one, sizeof(one), /*axis=*/0));
  int dims[] = {2, 3, 2};
  int8_t output[6] = {};
  TF_LITE_MICRO_EXPECT_EQ(
      kTfLiteOk, node.Run({CreateTensor(output, IntArrayFromInts(dims))}));
  const int8_t expected[] = {5, 6, 6, 5, 6, 5};
  ExpectEqual(expected, output, 6);

  // Two channels quantized along the last axis of [1, 2, 2], tables
  // {1, 2} and {-1, -2}: indices 0 1 1 0 -> 0b01100000, interleaved.
  const int8_t two[] = {1, 2, -1, -2};
  Node last;
  last.AddPair({0x60}, Lut(1, 2, two, sizeof(two), /*axis=*/0));
  int dims3[] = {3, 1, 2, 2};
  int8_t out3[4] = {};
  TfLiteTensor t = CreateTensor(out3, IntArrayFromInts(dims3));
  PerChannel quant(2, 2);
  quant.ApplyTo(&t);
  TF_LITE_MICRO_EXPECT_EQ(kTfLiteOk, last.Run({t}));
  const int8_t expected3[] = {1, -2, 2, -1};
  ExpectEqual(expected3, out3, 4);
}

// Every bit width TFLM's format has (1..7), 37 int8 elements, a table of
// 2^w values (3k - 50 wrapped to int8), element i uses index
// (5i + 3) mod 2^w.
TF_LITE_MICRO_TEST(LutInt8EveryBitWidth) {
  for (int width = 1; width <= 7; ++width) {
    const int entries = 1 << width;
    std::vector<int8_t> table(entries);
    for (int k = 0; k < entries; ++k) {
      table[k] = static_cast<int8_t>(3 * k - 50);
    }
    std::vector<int> indices;
    for (int i = 0; i < 37; ++i) indices.push_back((5 * i + 3) % entries);
    Node node;
    node.AddPair(Pack(indices, width),
                 Lut(width, entries, table.data(), table.size()));
    int dims[] = {1, 37};
    int8_t output[37] = {};
    TF_LITE_MICRO_EXPECT_EQ(
        kTfLiteOk, node.Run({CreateTensor(output, IntArrayFromInts(dims))}));
    for (int i = 0; i < 37; ++i) {
      TF_LITE_MICRO_EXPECT_EQ(table[indices[i]], output[i]);
    }
  }
}

// Values are copied bit for bit whatever the type: float32 (-0.0, NaN
// payloads included), int32, int64 and bool; two outputs in one node.
TF_LITE_MICRO_TEST(LutFloatInt64BoolTwoOutputs) {
  uint32_t float_bits[] = {0x80000000u, 0x7FC00123u, 0x3F800000u, 0xC2F60000u};
  float floats[4];
  std::memcpy(floats, float_bits, sizeof(floats));
  const int64_t longs[] = {-9000000000LL, 7};
  Node node;
  // 2-bit indices 3 0 2 1 3 -> 11 00 10 01 | 11 (000000)
  node.AddPair({0xC9, 0xC0}, Lut(2, 4, floats, sizeof(floats)));
  // 1-bit indices 1 0 0 1 -> 1001 0000
  node.AddPair({0x90}, Lut(1, 2, longs, sizeof(longs)));
  int float_dims[] = {1, 5};
  int long_dims[] = {2, 2, 2};
  float out_f[5] = {};
  int64_t out_l[4] = {};
  TF_LITE_MICRO_EXPECT_EQ(
      kTfLiteOk, node.Run({CreateTensor(out_f, IntArrayFromInts(float_dims)),
                           CreateTensor(out_l, IntArrayFromInts(long_dims))}));
  const int order[] = {3, 0, 2, 1, 3};
  for (int i = 0; i < 5; ++i) {
    uint32_t bits;
    std::memcpy(&bits, &out_f[i], sizeof(bits));
    TF_LITE_MICRO_EXPECT_EQ(float_bits[order[i]], bits);
  }
  const int64_t expected_l[] = {7, -9000000000LL, -9000000000LL, 7};
  ExpectEqual(expected_l, out_l, 4);

  const bool bools[] = {false, true};
  Node bool_node;
  bool_node.AddPair({0x50}, Lut(2, 2, bools, sizeof(bools)));  // 01 01 00
  int bool_dims[] = {1, 3};
  bool out_b[3] = {true, false, true};
  TF_LITE_MICRO_EXPECT_EQ(
      kTfLiteOk,
      bool_node.Run({CreateTensor(out_b, IntArrayFromInts(bool_dims))}));
  TF_LITE_MICRO_EXPECT(out_b[0] && out_b[1] && !out_b[2]);
}

TF_LITE_MICRO_TEST(LutErrors) {
  const int8_t table[] = {1, 2, 3};
  int dims[] = {1, 4};
  int8_t output[4] = {};
  auto run = [&](std::vector<uint8_t> encoded, std::vector<uint8_t> anc) {
    Node node;
    node.AddPair(std::move(encoded), std::move(anc));
    return node.Run({CreateTensor(output, IntArrayFromInts(dims))});
  };
  // Index 3 past a 3-entry table (2-bit indices 0 1 2 3).
  TF_LITE_MICRO_EXPECT_EQ(kTfLiteError,
                          run({0x1B}, Lut(2, 3, table, sizeof(table))));
  // 4 x 3 bits need 2 bytes.
  TF_LITE_MICRO_EXPECT_EQ(kTfLiteError,
                          run({0x00}, Lut(3, 3, table, sizeof(table))));
  // Bit width 0; a stride past the table bytes; LUT version 2.
  TF_LITE_MICRO_EXPECT_EQ(kTfLiteError,
                          run({0x00}, Lut(0, 3, table, sizeof(table))));
  TF_LITE_MICRO_EXPECT_EQ(kTfLiteError,
                          run({0x00}, Lut(2, 4, table, sizeof(table))));
  TF_LITE_MICRO_EXPECT_EQ(
      kTfLiteError, run({0x00}, Ancillary(0, 2, 2, 3, table, sizeof(table))));
  // A header shorter than 16 bytes; header version 2; unknown and custom
  // decode types.
  TF_LITE_MICRO_EXPECT_EQ(kTfLiteError, run({0x00}, {0, 1, 0, 0, 1, 2, 3}));
  std::vector<uint8_t> v2 = Lut(2, 3, table, sizeof(table));
  v2[1] = 2;
  TF_LITE_MICRO_EXPECT_EQ(kTfLiteError, run({0x00}, v2));
  TF_LITE_MICRO_EXPECT_EQ(
      kTfLiteError, run({0x00}, Ancillary(5, 1, 2, 3, table, sizeof(table))));
  TF_LITE_MICRO_EXPECT_EQ(
      kTfLiteError, run({0x00}, Ancillary(200, 1, 2, 3, table, sizeof(table))));
  // A bool table may hold only 0 and 1.
  const uint8_t bad_bools[] = {0, 2};
  Node bool_node;
  bool_node.AddPair({0x00}, Lut(1, 2, bad_bools, sizeof(bad_bools)));
  bool out_b[4];
  TF_LITE_MICRO_EXPECT_EQ(
      kTfLiteError,
      bool_node.Run({CreateTensor(out_b, IntArrayFromInts(dims))}));
  // The correct encoding of the same table decodes.
  TF_LITE_MICRO_EXPECT_EQ(kTfLiteOk,
                          run({0x18}, Lut(2, 3, table, sizeof(table))));
  const int8_t expected[] = {1, 2, 3, 1};
  ExpectEqual(expected, output, 4);
}

TF_LITE_MICRO_TEST(HuffmanTflmVectors) {
  const std::vector<uint8_t> stream(kHuffmanStream,
                                    kHuffmanStream + sizeof(kHuffmanStream));
  int dims[] = {1, 64};
  for (bool wide : {false, true}) {
    const std::vector<uint8_t> table = HuffmanTable(wide);
    // Byte 5: first level 8 entries = 3 bits (field 2), bit 0 = 32-bit.
    const uint8_t params = static_cast<uint8_t>((2 << 4) | (wide ? 1 : 0));
    Node node;
    node.AddPair(stream,
                 Ancillary(1, 1, params, 0, table.data(), table.size()));
    int8_t output[64] = {};
    TF_LITE_MICRO_EXPECT_EQ(
        kTfLiteOk, node.Run({CreateTensor(output, IntArrayFromInts(dims))}));
    for (int i = 0; i < 64; ++i) TF_LITE_MICRO_EXPECT_EQ(kHuffmanText[i], output[i]);

    Node node16;
    node16.AddPair(stream,
                   Ancillary(1, 1, params, 0, table.data(), table.size()));
    int16_t output16[64] = {};
    const TfLiteStatus status =
        node16.Run({CreateTensor(output16, IntArrayFromInts(dims))});
    if (wide) {
      TF_LITE_MICRO_EXPECT_EQ(kTfLiteOk, status);
      for (int i = 0; i < 64; ++i) {
        TF_LITE_MICRO_EXPECT_EQ(kHuffmanText[i], output16[i]);
      }
    } else {
      // int16 needs 32-bit entries (as in TFLM).
      TF_LITE_MICRO_EXPECT_EQ(kTfLiteError, status);
    }
  }
}

TF_LITE_MICRO_TEST(HuffmanErrors) {
  const std::vector<uint8_t> table = HuffmanTable(false);
  const uint8_t params = 2 << 4;
  int dims[] = {1, 64};
  int8_t output[64] = {};
  // The stream cut short: the last symbols have no bits.
  Node cut;
  cut.AddPair(std::vector<uint8_t>(kHuffmanStream, kHuffmanStream + 20),
              Ancillary(1, 1, params, 0, table.data(), table.size()));
  TF_LITE_MICRO_EXPECT_EQ(
      kTfLiteError, cut.Run({CreateTensor(output, IntArrayFromInts(dims))}));
  // A table cut short: entry 23 (code 1111) is missing.
  Node short_table;
  short_table.AddPair(
      std::vector<uint8_t>(kHuffmanStream,
                           kHuffmanStream + sizeof(kHuffmanStream)),
      Ancillary(1, 1, params, 0, table.data(), table.size() - 2));
  TF_LITE_MICRO_EXPECT_EQ(
      kTfLiteError,
      short_table.Run({CreateTensor(output, IntArrayFromInts(dims))}));
  // float32 outputs are not Huffman-coded.
  Node floats;
  floats.AddPair({0x00},
                 Ancillary(1, 1, params | 1, 0, table.data(), table.size()));
  int one[] = {1, 1};
  float out_f[1];
  TF_LITE_MICRO_EXPECT_EQ(
      kTfLiteError, floats.Run({CreateTensor(out_f, IntArrayFromInts(one))}));
}

// Pruning, int8 with zero point -3: mask 1011 0010 0100 (12 elements),
// stored 5 6 7 8 9.
TF_LITE_MICRO_TEST(PruneInt8ZeroPoint) {
  const int8_t values[] = {5, 6, 7, 8, 9};
  Node node;
  node.AddPair({0xB2, 0x40}, Ancillary(2, 1, 0, 0, values, sizeof(values)));
  int dims[] = {1, 12};
  int8_t output[12] = {};
  TfLiteTensor out = CreateTensor(output, IntArrayFromInts(dims));
  out.params.zero_point = -3;
  float scale[] = {1, 0.5f};
  int zero[] = {1, -3};
  TfLiteAffineQuantization affine = {
      tflite::testing::FloatArrayFromFloats(scale), IntArrayFromInts(zero), 0};
  out.quantization = {kTfLiteAffineQuantization, &affine};
  TF_LITE_MICRO_EXPECT_EQ(kTfLiteOk, node.Run({out}));
  const int8_t expected[] = {5, -3, 6, 7, -3, -3, 8, -3, -3, 9, -3, -3};
  ExpectEqual(expected, output, 12);
}

// Per-channel zero points {1, -1}: along dimension 0 (2 x 3) and along the
// last dimension (3 x 2); mask 0110 01(00).
TF_LITE_MICRO_TEST(PruneInt8PerChannel) {
  const int8_t values[] = {40, 50, 60};
  const int zero_points[] = {1, -1};
  for (int axis : {0, 1}) {
    Node node;
    node.AddPair({0x64}, Ancillary(2, 1, 0, 0, values, sizeof(values)));
    int dims_first[] = {2, 2, 3};
    int dims_last[] = {2, 3, 2};
    int8_t output[6] = {};
    TfLiteTensor out = CreateTensor(
        output, IntArrayFromInts(axis == 0 ? dims_first : dims_last));
    PerChannel quant(2, axis, zero_points);
    quant.ApplyTo(&out);
    TF_LITE_MICRO_EXPECT_EQ(kTfLiteOk, node.Run({out}));
    const int8_t first[] = {1, 40, 50, -1, -1, 60};
    const int8_t last[] = {1, 40, 50, -1, 1, 60};
    ExpectEqual(axis == 0 ? first : last, output, 6);
  }
}

TF_LITE_MICRO_TEST(PruneFloatAndErrors) {
  const float values[] = {1.5f, -2.25f};
  Node node;
  node.AddPair({0x48}, Ancillary(2, 1, 0, 0, values, sizeof(values)));
  int dims[] = {1, 5};
  float output[5] = {9, 9, 9, 9, 9};
  TF_LITE_MICRO_EXPECT_EQ(
      kTfLiteOk, node.Run({CreateTensor(output, IntArrayFromInts(dims))}));
  const float expected[] = {0.f, 1.5f, 0.f, 0.f, -2.25f};
  ExpectEqual(expected, output, 5);

  // The mask keeps three values, the data has two.
  Node too_many;
  too_many.AddPair({0x68}, Ancillary(2, 1, 0, 0, values, sizeof(values)));
  TF_LITE_MICRO_EXPECT_EQ(
      kTfLiteError,
      too_many.Run({CreateTensor(output, IntArrayFromInts(dims))}));
  // No mask bytes for 5 elements.
  Node no_mask;
  no_mask.AddPair({}, Ancillary(2, 1, 0, 0, values, sizeof(values)));
  TF_LITE_MICRO_EXPECT_EQ(
      kTfLiteError, no_mask.Run({CreateTensor(output, IntArrayFromInts(dims))}));
  // int16 with a non-zero zero point.
  const int16_t shorts[] = {3};
  Node int16_zp;
  int16_zp.AddPair({0x80}, Ancillary(2, 1, 0, 0, shorts, sizeof(shorts)));
  int16_t out16[5];
  TfLiteTensor t16 = CreateTensor(out16, IntArrayFromInts(dims));
  float scale[] = {1, 1.f};
  int zero[] = {1, 4};
  TfLiteAffineQuantization affine = {
      tflite::testing::FloatArrayFromFloats(scale), IntArrayFromInts(zero), 0};
  t16.quantization = {kTfLiteAffineQuantization, &affine};
  TF_LITE_MICRO_EXPECT_EQ(kTfLiteError, int16_zp.Run({t16}));
}

// Inputs must come in (encoded, ancillary) pairs.
TF_LITE_MICRO_TEST(InputsInPairs) {
  const int8_t table[] = {1, 2};
  Node node;
  node.AddPair({0x00}, Lut(1, 2, table, sizeof(table)));
  node.inputs.push_back({0x00});
  int dims[] = {1, 2};
  int8_t output[2];
  TF_LITE_MICRO_EXPECT_EQ(
      kTfLiteError, node.Run({CreateTensor(output, IntArrayFromInts(dims))}));
}

TF_LITE_MICRO_TESTS_END
