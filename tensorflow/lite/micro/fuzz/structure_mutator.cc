// The libFuzzer entry points of structure_fuzzer and custom_op_fuzzer (each
// mutant runs as in model_fuzzer: fuzz_util's allocate, invoke, reset,
// invoke) and their structure-aware mutator: a valid model is unpacked
// through the schema's object API (flatc --gen-object-api, tools/fuzz.mk),
// edited where the interpreter's checks matter (shapes, types, buffer and
// tensor indices, quantization, opcodes and versions, operator inputs,
// outputs and intermediates, subgraph indices of IF/WHILE/CALL_ONCE, custom
// options, signature defs) and packed again, so that mutants get past the
// verifier and into the model checks, the planner and the kernels. Custom
// operators (the signal and MediaPipe ops) get their own edits: their
// flexbuffer options key by key (values of other types, extreme integers,
// vectors resized, keys dropped, added, duplicated or renamed), raw options
// word by word, the shapes and types of the tensors around them, and another
// op's name on their options. Bytes that are no valid model get libFuzzer's
// own byte mutations, and one mutation in five is a byte mutation of a valid
// model too.
#include "tensorflow/lite/micro/fuzz/structure_mutator.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "flatbuffers/flatbuffers.h"
#include "flatbuffers/flexbuffers.h"
#include "tensorflow/lite/micro/flexbuffer_options.h"
#include "tensorflow/lite/micro/fuzz/fuzz_util.h"
#include "tensorflow/lite/schema/schema_generated.h"

extern "C" size_t LLVMFuzzerMutate(uint8_t* data, size_t size,
                                   size_t max_size);

namespace tflite {
namespace fuzz {
namespace {

using Random = std::mt19937;

// 0 .. count-1 (0 when count is 0).
size_t Below(Random& random, size_t count) {
  if (count == 0) return 0;
  return std::uniform_int_distribution<size_t>(0, count - 1)(random);
}

bool OneIn(Random& random, size_t n) { return Below(random, n) == 0; }

// An index for a table of `count` entries: mostly a valid one, else one
// just outside or far outside.
int32_t Index(Random& random, size_t count) {
  switch (Below(random, 10)) {
    case 0:
      return -1;
    case 1:
      return static_cast<int32_t>(count);
    case 2:
      return std::numeric_limits<int32_t>::max();
    default:
      return static_cast<int32_t>(Below(random, count));
  }
}

int32_t Dimension(Random& random) {
  static const int32_t kDimensions[] = {
      -2, -1, 0, 1, 1, 2, 3, 4, 8, 16, 255, 4096, 65537, 1 << 24,
      std::numeric_limits<int32_t>::max()};
  return kDimensions[Below(random, sizeof(kDimensions) / sizeof(int32_t))];
}

float Scale(Random& random) {
  static const float kScales[] = {
      0.f, -1.f, 1e-30f, 1e-6f, 0.0039f, 0.5f, 1.f, 3e38f,
      std::numeric_limits<float>::infinity(),
      std::numeric_limits<float>::quiet_NaN()};
  return kScales[Below(random, sizeof(kScales) / sizeof(float))];
}

// Any tensor type, or one just outside the enum.
TensorType AnyType(Random& random) {
  return static_cast<TensorType>(
      static_cast<int>(Below(random, TensorType_MAX + 3)) - 1);
}

// Replaces, appends or removes an entry of an index list.
template <class T>
void EditIndices(Random& random, std::vector<T>* values, size_t count) {
  const size_t choice = Below(random, 4);
  if (choice == 0 || values->empty()) {
    values->push_back(static_cast<T>(Index(random, count)));
  } else if (choice == 1) {
    values->erase(values->begin() +
                  static_cast<std::ptrdiff_t>(Below(random, values->size())));
  } else {
    (*values)[Below(random, values->size())] =
        static_cast<T>(Index(random, count));
  }
}

void EditShape(Random& random, std::vector<int32_t>* shape) {
  const size_t choice = Below(random, 5);
  if (choice == 0) {
    shape->push_back(Dimension(random));
  } else if (choice == 1 && !shape->empty()) {
    shape->pop_back();
  } else if (!shape->empty()) {
    (*shape)[Below(random, shape->size())] = Dimension(random);
  } else {
    shape->push_back(Dimension(random));
  }
}

void EditBytes(Random& random, std::vector<uint8_t>* bytes) {
  switch (Below(random, 4)) {
    case 0:
      bytes->resize(Below(random, bytes->size() + 1));
      break;
    case 1:
      bytes->resize(bytes->size() + 1 + Below(random, 16),
                    static_cast<uint8_t>(Below(random, 256)));
      break;
    default:
      if (bytes->empty()) bytes->push_back(0);
      for (size_t i = 0, n = 1 + Below(random, 4); i < n; ++i) {
        (*bytes)[Below(random, bytes->size())] =
            static_cast<uint8_t>(Below(random, 256));
      }
  }
}

void EditQuantization(Random& random, TensorT* tensor) {
  if (tensor->quantization == nullptr || OneIn(random, 8)) {
    tensor->quantization = std::make_unique<QuantizationParametersT>();
  }
  QuantizationParametersT& q = *tensor->quantization;
  switch (Below(random, 4)) {
    case 0:
      q.scale.resize(Below(random, 5));
      for (float& s : q.scale) s = Scale(random);
      break;
    case 1:
      q.zero_point.resize(Below(random, 5));
      for (int64_t& z : q.zero_point) {
        z = static_cast<int64_t>(Below(random, 600)) - 300;
      }
      if (OneIn(random, 4) && !q.zero_point.empty()) {
        q.zero_point[0] = std::numeric_limits<int64_t>::min();
      }
      break;
    case 2:
      q.quantized_dimension = Index(random, tensor->shape.size());
      break;
    default:
      q.min.resize(Below(random, 3), Scale(random));
      q.max.resize(Below(random, 3), Scale(random));
  }
}

// The subgraph indices of a control-flow operator's options, if any.
void EditSubgraphIndices(Random& random, OperatorT* op, size_t subgraphs) {
  BuiltinOptionsUnion& options = op->builtin_options;
  if (auto* w = options.AsWhileOptions()) {
    (OneIn(random, 2) ? w->cond_subgraph_index : w->body_subgraph_index) =
        Index(random, subgraphs);
  } else if (auto* i = options.AsIfOptions()) {
    (OneIn(random, 2) ? i->then_subgraph_index : i->else_subgraph_index) =
        Index(random, subgraphs);
  } else if (auto* c = options.AsCallOnceOptions()) {
    c->init_subgraph_index = Index(random, subgraphs);
  } else if (OneIn(random, 2)) {
    // Make the operator a control-flow one (options only: the opcode is
    // another mutation's business).
    WhileOptionsT loop;
    loop.cond_subgraph_index = Index(random, subgraphs);
    loop.body_subgraph_index = Index(random, subgraphs);
    options.Set(std::move(loop));
  } else {
    options.Reset();  // missing options
  }
}

void Mutate(Random& random, ModelT* model) {
  if (model->subgraphs.empty()) {
    model->subgraphs.push_back(std::make_unique<SubGraphT>());
  }
  SubGraphT& graph = *model->subgraphs[Below(random, model->subgraphs.size())];
  const size_t tensors = graph.tensors.size();
  TensorT* tensor =
      tensors == 0 ? nullptr : graph.tensors[Below(random, tensors)].get();
  OperatorT* op = graph.operators.empty()
                      ? nullptr
                      : graph.operators[Below(random, graph.operators.size())]
                            .get();
  switch (Below(random, 16)) {
    case 0:
      if (tensor != nullptr) EditShape(random, &tensor->shape);
      break;
    case 1:
      if (tensor != nullptr) EditShape(random, &tensor->shape_signature);
      break;
    case 2:
      if (tensor != nullptr) tensor->type = AnyType(random);
      break;
    case 3:
      if (tensor != nullptr) {
        tensor->buffer =
            static_cast<uint32_t>(Index(random, model->buffers.size()));
        if (OneIn(random, 4)) tensor->is_variable = !tensor->is_variable;
      }
      break;
    case 4:
      if (tensor != nullptr) EditQuantization(random, tensor);
      break;
    case 5:
      if (op != nullptr) {
        std::vector<int32_t>* lists[] = {&op->inputs, &op->outputs,
                                         &op->intermediates};
        EditIndices(random, lists[Below(random, 3)], tensors);
      }
      break;
    case 6:
      if (op != nullptr) {
        op->opcode_index =
            static_cast<uint32_t>(Index(random, model->operator_codes.size()));
      }
      break;
    case 7:
      if (!model->operator_codes.empty()) {
        OperatorCodeT& code = *model->operator_codes[Below(
            random, model->operator_codes.size())];
        if (OneIn(random, 3)) {
          code.version = static_cast<int32_t>(Below(random, 6)) - 1;
        } else {
          const int builtin =
              static_cast<int>(Below(random, BuiltinOperator_MAX + 3)) - 1;
          code.builtin_code = static_cast<BuiltinOperator>(builtin);
          code.deprecated_builtin_code =
              static_cast<int8_t>(builtin < 127 ? builtin : 127);
        }
      }
      break;
    case 8:
      if (op != nullptr) {
        EditSubgraphIndices(random, op, model->subgraphs.size());
      }
      break;
    case 9:
      if (op != nullptr) EditBytes(random, &op->custom_options);
      break;
    case 10:
      EditIndices(random, OneIn(random, 2) ? &graph.inputs : &graph.outputs,
                  tensors);
      break;
    case 11:
      if (!model->buffers.empty()) {
        BufferT& buffer =
            *model->buffers[Below(random, model->buffers.size())];
        if (OneIn(random, 4)) {
          buffer.offset = Below(random, 1 << 20);
          buffer.size = Below(random, 1 << 20);
        } else {
          EditBytes(random, &buffer.data);
        }
      }
      break;
    case 12:
      if (!model->signature_defs.empty()) {
        SignatureDefT& signature = *model->signature_defs[Below(
            random, model->signature_defs.size())];
        std::vector<std::unique_ptr<TensorMapT>>& maps =
            OneIn(random, 2) ? signature.inputs : signature.outputs;
        if (OneIn(random, 3) || maps.empty()) {
          signature.subgraph_index =
              static_cast<uint32_t>(Index(random, model->subgraphs.size()));
        } else {
          maps[Below(random, maps.size())]->tensor_index =
              static_cast<uint32_t>(Index(random, tensors));
        }
      }
      break;
    case 13:
      // Another tensor's shape and type: plausible but mismatched operands.
      if (tensor != nullptr) {
        const TensorT& other = *graph.tensors[Below(random, tensors)];
        tensor->shape = other.shape;
        if (OneIn(random, 2)) tensor->type = other.type;
      }
      break;
    case 14:
      // Operators out of order, or one run twice.
      if (graph.operators.size() >= 2 && OneIn(random, 2)) {
        std::swap(graph.operators[Below(random, graph.operators.size())],
                  graph.operators[Below(random, graph.operators.size())]);
      } else if (op != nullptr) {
        // Not the copy constructor: flatbuffers 2.0.8's leaves some copied
        // unions without their value.
        auto copy = std::make_unique<OperatorT>();
        copy->opcode_index = op->opcode_index;
        copy->inputs = op->inputs;
        copy->outputs = op->outputs;
        graph.operators.push_back(std::move(copy));
      }
      break;
    default:
      // A subgraph dropped or an empty one added (indices elsewhere go
      // stale or point at nothing to run).
      if (model->subgraphs.size() > 1 && OneIn(random, 2)) {
        model->subgraphs.pop_back();
      } else {
        model->subgraphs.push_back(std::make_unique<SubGraphT>());
      }
  }
}

// Whether flatbuffers 2.0.8's object API can unpack and pack the model
// again; models it cannot get byte mutations only. UnPack reads 64-bit
// vectors with plain loads, and the verifier does not check their alignment
// (the core's model checks reject such models): misaligned zero points. It
// cannot pack every sparse index vector union it unpacks. And a union whose
// type is set but whose value is absent (the verifier lets it pass) unpacks
// to a null value that Pack dereferences: quantization details, builtin
// options.
bool ObjectApiSafe(const Model* model) {
  if (model->subgraphs() == nullptr) return true;
  for (const SubGraph* graph : *model->subgraphs()) {
    if (graph == nullptr) continue;
    if (graph->operators() != nullptr) {
      for (const Operator* op : *graph->operators()) {
        if (op == nullptr) continue;
        if (op->builtin_options_type() != BuiltinOptions_NONE &&
            op->builtin_options() == nullptr) {
          return false;
        }
        if (op->builtin_options_2_type() != BuiltinOptions2_NONE &&
            op->builtin_options_2() == nullptr) {
          return false;
        }
      }
    }
    if (graph->tensors() == nullptr) continue;
    for (const Tensor* tensor : *graph->tensors()) {
      if (tensor == nullptr) continue;
      if (tensor->sparsity() != nullptr) return false;
      const QuantizationParameters* q = tensor->quantization();
      if (q == nullptr) continue;
      if (q->zero_point() != nullptr &&
          reinterpret_cast<uintptr_t>(q->zero_point()->data()) % 8 != 0) {
        return false;
      }
      if (q->details_type() != QuantizationDetails_NONE &&
          q->details() == nullptr) {
        return false;
      }
    }
  }
  return true;
}

// ---------------------------------------------------------------------------
// Custom operators: the signal and MediaPipe ops (and the two standard
// custom ops), whose options are flexbuffer maps or raw C structs.

// Every option key those ops read: added to other ops' options too, so that
// each kernel meets keys it does not expect.
const char* const kOptionKeys[] = {
    "T", "fft_length", "shift", "delay_length", "start_index", "end_index",
    "num_channels", "input_correction_bits", "output_scale", "smoothing",
    "one_minus_smoothing", "alternate_smoothing",
    "alternate_one_minus_smoothing", "min_signal_remaining",
    "smoothing_bits", "spectral_subtraction_bits", "clamping", "frame_size",
    "frame_step", "prefill", "snr_shift", "stacker_left_context",
    "stacker_right_context", "stacker_step", "subset_idxs",
    "left_rotation_idx", "right_rotation_idx", "target_rotation_radians",
    "output_height", "output_width", "scale_x", "scale_y", "dimensions",
    "scale"};

// The custom ops of the fuzz resolver (fuzz_util.cc): an operator gets
// another one's name, so each kernel also meets the others' options.
const char* const kCustomOps[] = {
    "SignalWindow", "SignalFftAutoScale", "SignalRfft", "SignalEnergy",
    "SignalFilterBank", "SignalFilterBankSquareRoot",
    "SignalFilterBankSpectralSubtraction", "SignalPCAN",
    "SignalFilterBankLog", "SignalIrfft", "SignalDelay", "SignalFramer",
    "SignalOverlapAdd", "SignalStacker", "Convolution2DTransposeBias",
    "MaxPoolingWithArgmax2D", "MaxUnpooling2D", "TransformLandmarks",
    "TransformTensorBilinear", "Landmarks2TransformMatrix",
    "TFLite_Detection_PostProcess", "CIRCULAR_BUFFER"};

template <class T, size_t N>
const T& Pick(Random& random, const T (&values)[N]) {
  return values[Below(random, N)];
}

// An integer option value: near the original, or from the edges of the
// types a kernel may store it in. Computed without overflow (wrapping).
int64_t Integer(Random& random, int64_t original) {
  static const int64_t kValues[] = {
      0, 1, -1, 2, 3, 7, 8, 15, 16, 31, 32, 33, 63, 64, 65, 127, 128, 255,
      256, 512, 1000, 4096, 32767, 32768, 65535, 65536, 1 << 20,
      (1 << 20) + 1, 1 << 24, std::numeric_limits<int32_t>::max(),
      int64_t{1} << 31, std::numeric_limits<int32_t>::min(),
      std::numeric_limits<uint32_t>::max(), int64_t{1} << 32,
      std::numeric_limits<int64_t>::max(), std::numeric_limits<int64_t>::min()};
  const uint64_t o = static_cast<uint64_t>(original);
  switch (Below(random, 5)) {
    case 0:
      return static_cast<int64_t>(OneIn(random, 2) ? o + 1 : o - 1);
    case 1:
      return static_cast<int64_t>(OneIn(random, 2) ? o * 2 : 0 - o);
    default:
      return Pick(random, kValues);
  }
}

double Real(Random& random) {
  static const double kValues[] = {
      0.0, -0.0, -1.0, 0.5, 1.0, 3.0, 1e-40, 1e30, -1e30, 1e300,
      std::numeric_limits<double>::infinity(),
      -std::numeric_limits<double>::infinity(),
      std::numeric_limits<double>::quiet_NaN()};
  return Pick(random, kValues);
}

// A flexbuffer number as an integer (0 for NaN, out-of-range floats and
// non-numbers: flexbuffers' own AsInt64 casts floats without a check).
int64_t IntegerOf(const flexbuffers::Reference& r) {
  if (r.IsInt()) return r.AsInt64();
  if (r.IsUInt()) return static_cast<int64_t>(r.AsUInt64());
  if (r.IsFloat()) {
    const double d = r.AsDouble();
    if (d > -9e18 && d < 9e18) return static_cast<int64_t>(d);
  }
  return 0;
}

// Whether every key of the maps nested in a verified flexbuffer ends inside
// it (IsFlexbufferMap checks the root map's; Copy reads them all).
bool KeysTerminated(const flexbuffers::Reference& r, const uint8_t* end,
                    int depth) {
  if (depth > 8) return true;  // Copy writes null there
  if (r.IsMap()) {
    const flexbuffers::Map map = r.AsMap();
    const flexbuffers::TypedVector keys = map.Keys();
    for (size_t i = 0; i < keys.size(); ++i) {
      const uint8_t* key = reinterpret_cast<const uint8_t*>(keys[i].AsKey());
      if (key >= end || std::memchr(key, 0, static_cast<size_t>(end - key)) == nullptr) {
        return false;
      }
    }
  }
  if (r.IsUntypedVector() || r.IsMap()) {
    const flexbuffers::Vector v = r.AsVector();
    for (size_t i = 0; i < v.size(); ++i) {
      if (!KeysTerminated(v[i], end, depth + 1)) return false;
    }
  }
  return true;
}

// The value of a verified flexbuffer, copied into `b` (nested at most 8
// deep; deeper values become null).
void Copy(flexbuffers::Builder& b, const flexbuffers::Reference& r,
          int depth) {
  if (depth > 8) {
    b.Null();
  } else if (r.IsBool()) {
    b.Bool(r.AsBool());
  } else if (r.IsInt()) {
    b.Int(r.AsInt64());
  } else if (r.IsUInt()) {
    b.UInt(r.AsUInt64());
  } else if (r.IsFloat()) {
    b.Double(r.AsDouble());
  } else if (r.IsKey()) {
    b.String(r.AsKey());
  } else if (r.IsString()) {
    const flexbuffers::String s = r.AsString();
    b.String(s.c_str(), s.length());
  } else if (r.IsBlob()) {
    const flexbuffers::Blob blob = r.AsBlob();
    b.Blob(blob.data(), blob.size());
  } else if (r.IsMap()) {
    const flexbuffers::Map map = r.AsMap();
    const flexbuffers::TypedVector keys = map.Keys();
    const flexbuffers::Vector values = map.Values();
    const size_t start = b.StartMap();
    for (size_t i = 0; i < map.size(); ++i) {
      b.Key(keys[i].AsKey());
      Copy(b, values[i], depth + 1);
    }
    b.EndMap(start);
  } else if (r.IsUntypedVector()) {
    const flexbuffers::Vector v = r.AsVector();
    const size_t start = b.StartVector();
    for (size_t i = 0; i < v.size(); ++i) Copy(b, v[i], depth + 1);
    b.EndVector(start, false, false);
  } else if (r.IsTypedVector() || r.IsFixedTypedVector()) {
    // Typed vectors of numbers and bools stay typed (not fixed-length).
    const size_t start = b.StartVector();
    bool typed = true;
    const auto copy_elements = [&](const auto& v) {
      for (size_t i = 0; i < v.size(); ++i) {
        const flexbuffers::Reference e = v[i];
        typed = typed && (e.IsNumeric() || e.IsBool());
        Copy(b, e, depth + 1);
      }
    };
    if (r.IsTypedVector()) {
      copy_elements(r.AsTypedVector());
    } else {
      copy_elements(r.AsFixedTypedVector());
    }
    b.EndVector(start, typed, false);
  } else {
    b.Null();
  }
}

// A vector option: the original one with an element replaced, dropped or
// added, or a new one (typed integers, up to a few hundred).
void Vector(Random& random, flexbuffers::Builder& b,
            const flexbuffers::Reference& original) {
  const bool typed_ints = OneIn(random, 2);
  const size_t start = b.StartVector();
  if (original.IsAnyVector() && !original.IsMap() && OneIn(random, 2)) {
    const auto edit = [&](const auto& v) {
      const size_t n = v.size();
      const size_t target = Below(random, n + 1);
      const size_t choice = Below(random, 3);
      for (size_t i = 0; i <= n; ++i) {
        // 0: insert before the target, 1: drop it, 2: replace it.
        if (i == target && choice != 1) {
          b.Int(Integer(random, i < n ? IntegerOf(v[i]) : 0));
        }
        if (i == n || (i == target && choice != 0)) continue;
        if (typed_ints) {
          b.Int(IntegerOf(v[i]));
        } else {
          Copy(b, v[i], 1);
        }
      }
    };
    if (original.IsTypedVector()) {
      edit(original.AsTypedVector());
    } else if (original.IsFixedTypedVector()) {
      edit(original.AsFixedTypedVector());
    } else {
      edit(original.AsVector());
    }
  } else {
    const size_t n = OneIn(random, 8) ? 300 : Below(random, 8);
    for (size_t i = 0; i < n; ++i) {
      if (typed_ints || OneIn(random, 2)) {
        b.Int(Integer(random, static_cast<int64_t>(i)));
      } else {
        b.Double(Real(random));
      }
    }
  }
  b.EndVector(start, typed_ints, false);
}

// A new value for an option: mostly an integer, else of any other kind.
void Value(Random& random, flexbuffers::Builder& b,
           const flexbuffers::Reference& original) {
  const int64_t near = IntegerOf(original);
  switch (Below(random, 12)) {
    case 0:
    case 1:
    case 2:
    case 3:
      b.Int(Integer(random, near));
      break;
    case 4:
      b.UInt(static_cast<uint64_t>(Integer(random, near)));
      break;
    case 5:
      if (OneIn(random, 2)) {
        b.Double(Real(random));
      } else {
        b.Float(static_cast<float>(Real(random)));
      }
      break;
    case 6:
      b.Bool(OneIn(random, 2));
      break;
    case 7: {
      static const char* const kStrings[] = {"", "x", "SAME", "1", "-1"};
      b.String(Pick(random, kStrings));
      break;
    }
    case 8:
      b.Null();
      break;
    case 9:
    case 10:
      Vector(random, b, original);
      break;
    default:
      if (OneIn(random, 2)) {
        b.Map([] {});
      } else {
        const uint8_t blob[3] = {1, 2, 3};
        b.Blob(blob, Below(random, 4));
      }
  }
}

std::string Renamed(Random& random, std::string key) {
  switch (Below(random, 4)) {
    case 0:
      if (!key.empty()) key.pop_back();
      break;
    case 1:
      key += '_';
      break;
    case 2:
      key = Pick(random, kOptionKeys);
      break;
    default:
      if (key.empty()) key = "x";
      key[Below(random, key.size())] =
          static_cast<char>(' ' + Below(random, 95));
  }
  return key;
}

// One edit of a flexbuffer map of options: a value replaced, a key dropped,
// added, renamed or duplicated. False when the options are no such map.
bool EditOptionsMap(Random& random, std::vector<uint8_t>* options) {
  if (!IsFlexbufferMap(options->data(), options->size())) return false;
  const flexbuffers::Reference root =
      flexbuffers::GetRoot(options->data(), options->size());
  if (!KeysTerminated(root, options->data() + options->size(), 0)) {
    return false;
  }
  const flexbuffers::Map map = root.AsMap();
  const flexbuffers::TypedVector keys = map.Keys();
  const flexbuffers::Vector values = map.Values();
  const size_t n = map.size();
  const size_t target = Below(random, n);
  enum { kReplace, kDrop, kAdd, kRename, kDuplicate };
  static const int kEdits[] = {kReplace, kReplace, kReplace, kReplace, kDrop,
                               kAdd,     kRename,  kDuplicate};
  const int edit = n == 0 ? kAdd : Pick(random, kEdits);
  flexbuffers::Builder b;
  const size_t start = b.StartMap();
  for (size_t i = 0; i < n; ++i) {
    const char* key = keys[i].AsKey();
    if (i == target && edit == kDrop) continue;
    if (i == target && edit == kRename) {
      b.Key(Renamed(random, key));
    } else {
      b.Key(key);
    }
    if (i == target && (edit == kReplace || edit == kDuplicate)) {
      Value(random, b, values[i]);
      if (edit == kReplace) continue;
      b.Key(key);  // the same key twice: the new value and the original
    }
    Copy(b, values[i], 0);
  }
  if (edit == kAdd) {
    b.Key(Pick(random, kOptionKeys));
    Value(random, b, flexbuffers::Reference());
  }
  b.EndMap(start);
  b.Finish();
  *options = b.GetBuffer();
  return true;
}

// Raw options (MediaPipe's TfLitePoolParams / TfLiteTransposeConvParams):
// one 32-bit field set to an edge value, or the bytes resized.
void EditOptionWords(Random& random, std::vector<uint8_t>* options) {
  if (options->size() < 4 || OneIn(random, 4)) {
    EditBytes(random, options);
    return;
  }
  uint8_t* word = options->data() + 4 * Below(random, options->size() / 4);
  int32_t value;
  std::memcpy(&value, word, sizeof(value));
  value = static_cast<int32_t>(
      static_cast<uint32_t>(static_cast<uint64_t>(Integer(random, value))));
  std::memcpy(word, &value, sizeof(value));
}

bool IsCustom(const ModelT& model, const OperatorT& op) {
  if (op.opcode_index >= model.operator_codes.size()) return false;
  const OperatorCodeT& code = *model.operator_codes[op.opcode_index];
  return code.builtin_code == BuiltinOperator_CUSTOM ||
         code.deprecated_builtin_code == BuiltinOperator_CUSTOM;
}

// A tensor the custom operator reads or writes: another shape, type or
// rank, another operand's shape, or dynamic dimensions.
void EditOperand(Random& random, SubGraphT& graph, const OperatorT& op) {
  const std::vector<int32_t>& list = OneIn(random, 3) ? op.outputs : op.inputs;
  if (list.empty()) return;
  const int32_t index = list[Below(random, list.size())];
  if (index < 0 || static_cast<size_t>(index) >= graph.tensors.size()) return;
  TensorT& tensor = *graph.tensors[index];
  switch (Below(random, 6)) {
    case 0:
    case 1:
      EditShape(random, &tensor.shape);
      break;
    case 2:
      tensor.type = AnyType(random);
      break;
    case 3: {
      const std::vector<int32_t>& others =
          OneIn(random, 2) ? op.inputs : op.outputs;
      const int32_t other =
          others.empty() ? index : others[Below(random, others.size())];
      if (other >= 0 && static_cast<size_t>(other) < graph.tensors.size()) {
        tensor.shape = graph.tensors[other]->shape;
      }
      break;
    }
    case 4:
      tensor.shape_signature = tensor.shape;
      if (!tensor.shape_signature.empty()) {
        tensor.shape_signature[Below(random, tensor.shape.size())] = -1;
      }
      break;
    default:
      if (OneIn(random, 2) || tensor.shape.empty()) {
        tensor.shape.insert(tensor.shape.begin(), 1);
      } else {
        tensor.shape.erase(tensor.shape.begin() +
                           static_cast<std::ptrdiff_t>(
                               Below(random, tensor.shape.size())));
      }
  }
}

// Edits one custom operator of the model; false when it has none.
bool MutateCustomOp(Random& random, ModelT* model) {
  std::vector<std::pair<SubGraphT*, OperatorT*>> ops;
  for (auto& graph : model->subgraphs) {
    for (auto& op : graph->operators) {
      if (IsCustom(*model, *op)) ops.emplace_back(graph.get(), op.get());
    }
  }
  if (ops.empty()) return false;
  SubGraphT& graph = *ops[Below(random, ops.size())].first;
  OperatorT& op = *ops[Below(random, ops.size())].second;
  switch (Below(random, 12)) {
    case 0:
    case 1:
    case 2:
    case 3:
    case 4:
      if (!EditOptionsMap(random, &op.custom_options)) {
        EditOptionWords(random, &op.custom_options);
      }
      break;
    case 5:
      EditOptionWords(random, &op.custom_options);
      break;
    case 6:
    case 7:
      EditOperand(random, graph, op);
      break;
    case 8:
      EditIndices(random, OneIn(random, 2) ? &op.inputs : &op.outputs,
                  graph.tensors.size());
      break;
    case 9: {
      // Another kernel on these options and operands (a new code, so that
      // the model's other users of the old one keep it).
      auto code = std::make_unique<OperatorCodeT>();
      code->builtin_code = BuiltinOperator_CUSTOM;
      code->deprecated_builtin_code = BuiltinOperator_CUSTOM;
      code->custom_code = Pick(random, kCustomOps);
      code->version = 1;
      op.opcode_index = static_cast<uint32_t>(model->operator_codes.size());
      model->operator_codes.push_back(std::move(code));
      break;
    }
    case 10:
      // Another custom operator's options, or none.
      if (OneIn(random, 3)) {
        op.custom_options.clear();
      } else {
        op.custom_options = ops[Below(random, ops.size())].second->custom_options;
      }
      break;
    default:
      // Options stored outside the flatbuffer (large models' form).
      op.large_custom_options_offset = Below(random, 1 << 20);
      op.large_custom_options_size = Below(random, 1 << 12);
  }
  return true;
}

// Mutates the model in data[0, size) in place (at most max_size bytes);
// returns its new size.
size_t MutateModel(uint8_t* data, size_t size, size_t max_size,
                   unsigned int seed) {
  Random random(seed);
  flatbuffers::Verifier verifier(data, size);
  if (OneIn(random, 5) || !VerifyModelBuffer(verifier) ||
      !ObjectApiSafe(GetModel(data))) {
    return LLVMFuzzerMutate(data, size, max_size);
  }
  std::unique_ptr<ModelT> model = UnPackModel(data);
  for (size_t i = 0, n = 1 + Below(random, 3); i < n; ++i) {
    if (static_cast<int>(Below(random, 10)) < kCustomOpTenths &&
        MutateCustomOp(random, model.get())) {
      continue;
    }
    Mutate(random, model.get());
  }
  flatbuffers::FlatBufferBuilder builder;
  FinishModelBuffer(builder, Model::Pack(builder, model.get()));
  if (builder.GetSize() > max_size) {
    return LLVMFuzzerMutate(data, size, max_size);
  }
  std::memcpy(data, builder.GetBufferPointer(), builder.GetSize());
  return builder.GetSize();
}

}  // namespace
}  // namespace fuzz
}  // namespace tflite

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  tflite::fuzz::RunModel(data, size, nullptr, 0);
  return 0;
}

extern "C" size_t LLVMFuzzerCustomMutator(uint8_t* data, size_t size,
                                          size_t max_size,
                                          unsigned int seed) {
  return tflite::fuzz::MutateModel(data, size, max_size, seed);
}
