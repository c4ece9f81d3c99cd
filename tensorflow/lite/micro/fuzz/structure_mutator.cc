// libFuzzer target with a structure-aware mutator: a valid model is unpacked
// through the schema's object API (flatc --gen-object-api, tools/fuzz.mk),
// edited where the interpreter's checks matter (shapes, types, buffer and
// tensor indices, quantization, opcodes and versions, operator inputs,
// outputs and intermediates, subgraph indices of IF/WHILE/CALL_ONCE, custom
// options, signature defs) and packed again, so that mutants get past the
// verifier and into the model checks, the planner and the kernels. Bytes
// that are no valid model get libFuzzer's own byte mutations, and one
// mutation in five is a byte mutation of a valid model too. Each mutant
// runs as in model_fuzzer (fuzz_util: allocate, invoke, reset, invoke).
// Built and run by tools/fuzz.sh.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <memory>
#include <random>
#include <vector>

#include "flatbuffers/flatbuffers.h"
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
      if (tensor != nullptr) {
        tensor->type = static_cast<TensorType>(
            static_cast<int>(Below(random, TensorType_MAX + 3)) - 1);
      }
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

// UnPack reads 64-bit vectors with plain loads; the verifier does not check
// their alignment (the core's model checks reject such models), so models
// with a misaligned zero-point vector (or sparse tensors, below) get byte
// mutations only.
bool ZeroPointsAligned(const Model* model) {
  if (model->subgraphs() == nullptr) return true;
  for (const SubGraph* graph : *model->subgraphs()) {
    if (graph == nullptr || graph->tensors() == nullptr) continue;
    for (const Tensor* tensor : *graph->tensors()) {
      // Sparse tensors too: flatbuffers 2.0.8 cannot pack every index
      // vector union it unpacks.
      if (tensor != nullptr && tensor->sparsity() != nullptr) return false;
      const QuantizationParameters* q =
          tensor == nullptr ? nullptr : tensor->quantization();
      if (q != nullptr && q->zero_point() != nullptr &&
          reinterpret_cast<uintptr_t>(q->zero_point()->data()) % 8 != 0) {
        return false;
      }
    }
  }
  return true;
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
  tflite::fuzz::Random random(seed);
  flatbuffers::Verifier verifier(data, size);
  if (tflite::fuzz::OneIn(random, 5) || !tflite::VerifyModelBuffer(verifier) ||
      !tflite::fuzz::ZeroPointsAligned(tflite::GetModel(data))) {
    return LLVMFuzzerMutate(data, size, max_size);
  }
  std::unique_ptr<tflite::ModelT> model = tflite::UnPackModel(data);
  for (size_t i = 0, n = 1 + tflite::fuzz::Below(random, 3); i < n; ++i) {
    tflite::fuzz::Mutate(random, model.get());
  }
  flatbuffers::FlatBufferBuilder builder;
  tflite::FinishModelBuffer(builder,
                            tflite::Model::Pack(builder, model.get()));
  if (builder.GetSize() > max_size) {
    return LLVMFuzzerMutate(data, size, max_size);
  }
  std::memcpy(data, builder.GetBufferPointer(), builder.GetSize());
  return builder.GetSize();
}
