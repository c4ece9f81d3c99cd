#include "tensorflow/lite/micro/model_checks.h"

#include <cstring>

#include "flatbuffers/flatbuffers.h"
#include "tensorflow/lite/core/api/flatbuffer_conversions.h"
#include "tensorflow/lite/micro/kernels/micro_ops.h"
#include "tensorflow/lite/micro/micro_log.h"
#include "tensorflow/lite/schema/schema_utils.h"

namespace tflite {
namespace {

constexpr uint32_t kSchemaVersion = 3;

template <typename T>
uint32_t VectorSize(const flatbuffers::Vector<T>* vector) {
  return vector == nullptr ? 0 : vector->size();
}

TfLiteStatus CheckTensorIndices(const flatbuffers::Vector<int32_t>* indices,
                                int tensors, bool allow_omitted,
                                int subgraph, const char* what, int node,
                                const char* op_name) {
  for (uint32_t i = 0; i < VectorSize(indices); ++i) {
    const int32_t index = indices->Get(i);
    if ((allow_omitted && index == -1) || (index >= 0 && index < tensors)) {
      continue;
    }
    if (node >= 0) {
      MicroPrintf(
          "Invalid model: node %d (%s) in subgraph %d has %s %u = tensor %d, "
          "but the subgraph has %d tensors",
          node, op_name, subgraph, what, static_cast<unsigned>(i),
          static_cast<int>(index), tensors);
    } else {
      MicroPrintf(
          "Invalid model: subgraph %d %s %u is tensor %d, but the subgraph "
          "has %d tensors",
          subgraph, what, static_cast<unsigned>(i), static_cast<int>(index),
          tensors);
    }
    return kTfLiteError;
  }
  return kTfLiteOk;
}

// True when tensor `index` of `subgraph` is read, and read only, as the
// encoded input (an even-numbered one) of DECODE nodes, and is no output of
// the subgraph: its bytes are in a decoder's format (compressed models), not
// the layout its shape and type describe. DECODE checks them.
bool IsDecodeEncoded(const Model* model, int subgraph, int index) {
  const uint32_t codes = VectorSize(model->operator_codes());
  const SubGraph* graph =
      model->subgraphs()->Get(static_cast<flatbuffers::uoffset_t>(subgraph));
  for (uint32_t i = 0; i < VectorSize(graph->outputs()); ++i) {
    if (graph->outputs()->Get(i) == index) return false;
  }
  bool read = false;
  for (uint32_t n = 0; n < VectorSize(graph->operators()); ++n) {
    const Operator* op = graph->operators()->Get(n);
    const auto* inputs = op->inputs();
    bool decode = false;
    if (op->opcode_index() < codes) {
      const OperatorCode* code = model->operator_codes()->Get(op->opcode_index());
      const flatbuffers::String* name = code->custom_code();
      decode = GetBuiltinCode(code) == BuiltinOperator_CUSTOM &&
               name != nullptr && name->size() == sizeof(kDecodeName) - 1 &&
               std::memcmp(name->data(), kDecodeName, name->size()) == 0;
    }
    for (uint32_t i = 0; i < VectorSize(inputs); ++i) {
      if (inputs->Get(i) != index) continue;
      if (!decode || i % 2 != 0) return false;
      read = true;
    }
    for (uint32_t i = 0; i < VectorSize(op->intermediates()); ++i) {
      if (op->intermediates()->Get(i) == index) return false;
    }
  }
  return read;
}

// TFLM's first compressed-model format: a "COMPRESSION_METADATA" entry in
// the model's metadata, read by the kernels themselves.
bool HasCompressionMetadata(const Model* model) {
  static constexpr char kKey[] = "COMPRESSION_METADATA";
  for (uint32_t i = 0; i < VectorSize(model->metadata()); ++i) {
    const flatbuffers::String* name = model->metadata()->Get(i)->name();
    if (name != nullptr && name->size() == sizeof(kKey) - 1 &&
        std::memcmp(name->data(), kKey, name->size()) == 0) {
      return true;
    }
  }
  return false;
}

TfLiteStatus CheckTensor(const Model* model, const Tensor* tensor,
                         int subgraph, int index, const uint8_t* data,
                         size_t size) {
  TfLiteType type;
  if (ConvertTensorType(tensor->type(), &type) != kTfLiteOk) {
    MicroPrintf("Invalid model: tensor %d in subgraph %d has unknown type %d",
                index, subgraph, static_cast<int>(tensor->type()));
    return kTfLiteError;
  }
  const auto* shape = tensor->shape();
  const uint32_t rank = VectorSize(shape);
  if (rank > static_cast<uint32_t>(kMaxTensorRank)) {
    MicroPrintf(
        "Invalid model: tensor %d in subgraph %d has rank %u; at most %d "
        "dimensions are supported",
        index, subgraph, static_cast<unsigned>(rank), kMaxTensorRank);
    return kTfLiteError;
  }
  int64_t elements = 1;
  for (uint32_t d = 0; d < rank; ++d) {
    const int32_t dim = shape->Get(d);
    if (dim < 0) {
      MicroPrintf(
          "Invalid model: tensor %d in subgraph %d has dimension %u = %d "
          "(must not be negative)",
          index, subgraph, static_cast<unsigned>(d), static_cast<int>(dim));
      return kTfLiteError;
    }
    elements *= dim;
    if (elements > kMaxTensorBytes) {
      MicroPrintf("Invalid model: tensor %d in subgraph %d is too large",
                  index, subgraph);
      return kTfLiteError;
    }
  }
  const size_t element_size = ElementSize(type);
  const int64_t bytes = elements * static_cast<int64_t>(element_size);
  if (bytes > kMaxTensorBytes) {
    MicroPrintf("Invalid model: tensor %d in subgraph %d is too large", index,
                subgraph);
    return kTfLiteError;
  }

  // A tensor DECODE reads as encoded data (compressed models) may disagree
  // with its shape, type and quantization in the ways checked below.
  // IsDecodeEncoded scans the nodes, so it is asked only on a disagreement.
  bool encoded_checked = false;
  bool encoded = false;
  auto is_encoded = [&]() {
    if (!encoded_checked) {
      encoded = IsDecodeEncoded(model, subgraph, index);
      encoded_checked = true;
    }
    return encoded;
  };

  const uint32_t buffers = VectorSize(model->buffers());
  if (tensor->buffer() >= buffers && tensor->buffer() != 0) {
    MicroPrintf(
        "Invalid model: tensor %d in subgraph %d uses buffer %u, but the "
        "model has %u buffers",
        index, subgraph, static_cast<unsigned>(tensor->buffer()),
        static_cast<unsigned>(buffers));
    return kTfLiteError;
  }
  if (tensor->buffer() < buffers) {
    const Buffer* buffer = model->buffers()->Get(tensor->buffer());
    if (buffer != nullptr && buffer->offset() > 1) {
      if (data == nullptr) {
        MicroPrintf(
            "Model keeps tensor %d's data outside the flatbuffer; pass the "
            "model bytes and size to the interpreter",
            index);
        return kTfLiteError;
      }
      if (buffer->offset() > size || buffer->size() > size - buffer->offset()) {
        MicroPrintf(
            "Invalid model: buffer %u of tensor %d lies outside the %u-byte "
            "file",
            static_cast<unsigned>(tensor->buffer()), index,
            static_cast<unsigned>(size));
        return kTfLiteError;
      }
    }
    const ConstantData constant =
        GetBufferData(model, tensor->buffer(), data, size);
    const bool packed = type == kTfLiteInt4 || tensor->sparsity() != nullptr ||
                        element_size == 0;
    if (constant.data != nullptr && !packed &&
        constant.size != static_cast<size_t>(bytes) && !is_encoded()) {
      if (HasCompressionMetadata(model)) {
        MicroPrintf(
            "Model compressed with TFLM's earlier format (COMPRESSION_METADATA"
            ", decompression inside the kernels; tensor %d in subgraph %d is "
            "compressed): this runtime reads compressed models with DECODE "
            "operators; compress the uncompressed model again (tflite-micro "
            "compress)",
            index, subgraph);
        return kTfLiteError;
      }
      MicroPrintf(
          "Invalid model: tensor %d in subgraph %d has %u data bytes, but "
          "its shape and type need %u",
          index, subgraph, static_cast<unsigned>(constant.size),
          static_cast<unsigned>(bytes));
      return kTfLiteError;
    }
    // A bool is one byte holding 0 or 1; any other byte read as a bool is
    // undefined behaviour in the kernels.
    if (constant.data != nullptr && type == kTfLiteBool) {
      for (size_t i = 0; i < constant.size; ++i) {
        if (constant.data[i] > 1 && !is_encoded()) {
          MicroPrintf(
              "Invalid model: bool tensor %d in subgraph %d holds byte %u at "
              "element %u (bools must be 0 or 1)",
              index, subgraph, static_cast<unsigned>(constant.data[i]),
              static_cast<unsigned>(i));
          return kTfLiteError;
        }
      }
    }
    if (constant.data != nullptr && type == kTfLiteInt4 &&
        constant.size != static_cast<size_t>((elements + 1) / 2) &&
        constant.size != static_cast<size_t>(elements) && !is_encoded()) {
      MicroPrintf(
          "Invalid model: int4 tensor %d in subgraph %d has %u data bytes "
          "for %u elements",
          index, subgraph, static_cast<unsigned>(constant.size),
          static_cast<unsigned>(elements));
      return kTfLiteError;
    }
  }

  const QuantizationParameters* quantization = tensor->quantization();
  if (quantization != nullptr) {
    const uint32_t scales = VectorSize(quantization->scale());
    const uint32_t zero_points = VectorSize(quantization->zero_point());
    // The flatbuffers verifier aligns a vector's length, not its 8-byte
    // elements; zero points are read in place.
    if (zero_points > 0 &&
        reinterpret_cast<uintptr_t>(quantization->zero_point()->data()) % 8 !=
            0) {
      MicroPrintf(
          "Invalid model: the zero points of tensor %d in subgraph %d are not "
          "8-byte aligned",
          index, subgraph);
      return kTfLiteError;
    }
    // Kernels add zero points to values of the tensor's type; one outside
    // that type's range can only come from a broken model.
    int64_t zero_min = INT32_MIN;
    int64_t zero_max = INT32_MAX;
    switch (type) {
      case kTfLiteInt8:
        zero_min = -128;
        zero_max = 127;
        break;
      case kTfLiteUInt8:
        zero_min = 0;
        zero_max = 255;
        break;
      case kTfLiteInt4:
        zero_min = -8;
        zero_max = 7;
        break;
      case kTfLiteInt16:
        zero_min = -32768;
        zero_max = 32767;
        break;
      case kTfLiteUInt16:
        zero_min = 0;
        zero_max = 65535;
        break;
      default:
        break;
    }
    // Kernels divide by scales and turn their ratios into fixed-point
    // multipliers: they must be finite, and positive on quantized integers.
    const bool quantized_integer =
        type == kTfLiteInt8 || type == kTfLiteUInt8 || type == kTfLiteInt4 ||
        type == kTfLiteInt16;
    for (uint32_t c = 0; c < scales; ++c) {
      const float scale = quantization->scale()->Get(c);
      if (!(scale >= 0.0f) || scale > 3.0e38f ||
          (quantized_integer && scale == 0.0f)) {
        MicroPrintf(
            "Invalid model: tensor %d in subgraph %d (%s) has scale %g at "
            "channel %u; scales must be finite and %s",
            index, subgraph, TfLiteTypeGetName(type),
            static_cast<double>(scale), static_cast<unsigned>(c),
            quantized_integer ? "positive" : "non-negative");
        return kTfLiteError;
      }
    }
    for (uint32_t z = 0; z < zero_points; ++z) {
      const int64_t zero_point = quantization->zero_point()->Get(z);
      if ((zero_point < zero_min || zero_point > zero_max) && !is_encoded()) {
        MicroPrintf(
            "Invalid model: tensor %d in subgraph %d has zero point %lld, "
            "outside the range [%lld, %lld] of its type %s",
            index, subgraph, static_cast<long long>(zero_point),
            static_cast<long long>(zero_min), static_cast<long long>(zero_max),
            TfLiteTypeGetName(type));
        return kTfLiteError;
      }
    }
    if (zero_points != 0 && zero_points != scales) {
      MicroPrintf(
          "Invalid model: tensor %d in subgraph %d has %u scales but %u zero "
          "points",
          index, subgraph, static_cast<unsigned>(scales),
          static_cast<unsigned>(zero_points));
      return kTfLiteError;
    }
    if (scales > 1) {
      const int32_t dimension = quantization->quantized_dimension();
      // A vector's scales can only run along its one dimension. TFLite's
      // converter writes the weights' axis on per-channel biases (e.g. 3 for
      // DEPTHWISE_CONV_2D, as in person_detect) and TFLite accepts it; the
      // allocator hands kernels dimension 0 for such vectors.
      const bool vector_of_scales =
          rank == 1 && static_cast<uint32_t>(shape->Get(0)) == scales;
      if (!vector_of_scales &&
          (dimension < 0 || static_cast<uint32_t>(dimension) >= rank ||
           static_cast<uint32_t>(shape->Get(dimension)) != scales) &&
          !is_encoded()) {
        MicroPrintf(
            "Invalid model: tensor %d in subgraph %d has %u per-channel "
            "scales along dimension %d, which does not match its shape",
            index, subgraph, static_cast<unsigned>(scales),
            static_cast<int>(dimension));
        return kTfLiteError;
      }
    }
  }
  return kTfLiteOk;
}

// The model's tables, verified as the generated Model::Verify would, except
// for the operators' option unions: the generated code switches over every
// options table of the schema, which links all their verifiers (several
// KB). Here an options table is only checked to be a table inside the
// buffer; its fields are verified by the parser of its op when the
// interpreter parses it (VerifiedOptions in flatbuffer_conversions.cc), so
// only the option tables of the resolver's ops are linked, and no field is
// read unverified.
bool VerifyTableHeader(flatbuffers::Verifier& verifier, const void* table) {
  return table == nullptr ||
         (static_cast<const flatbuffers::Table*>(table)->VerifyTableStart(
              verifier) &&
          verifier.EndTable());
}

bool VerifyOperator(flatbuffers::Verifier& verifier, const Operator* op) {
  const auto* table = reinterpret_cast<const flatbuffers::Table*>(op);
  return table->VerifyTableStart(verifier) &&
         table->VerifyField<uint32_t>(verifier, Operator::VT_OPCODE_INDEX,
                                      4) &&
         table->VerifyOffset(verifier, Operator::VT_INPUTS) &&
         verifier.VerifyVector(op->inputs()) &&
         table->VerifyOffset(verifier, Operator::VT_OUTPUTS) &&
         verifier.VerifyVector(op->outputs()) &&
         table->VerifyField<uint8_t>(verifier,
                                     Operator::VT_BUILTIN_OPTIONS_TYPE, 1) &&
         table->VerifyOffset(verifier, Operator::VT_BUILTIN_OPTIONS) &&
         VerifyTableHeader(verifier, op->builtin_options()) &&
         table->VerifyOffset(verifier, Operator::VT_CUSTOM_OPTIONS) &&
         verifier.VerifyVector(op->custom_options()) &&
         table->VerifyField<int8_t>(verifier,
                                    Operator::VT_CUSTOM_OPTIONS_FORMAT, 1) &&
         table->VerifyOffset(verifier, Operator::VT_MUTATING_VARIABLE_INPUTS) &&
         verifier.VerifyVector(op->mutating_variable_inputs()) &&
         table->VerifyOffset(verifier, Operator::VT_INTERMEDIATES) &&
         verifier.VerifyVector(op->intermediates()) &&
         table->VerifyField<uint64_t>(
             verifier, Operator::VT_LARGE_CUSTOM_OPTIONS_OFFSET, 8) &&
         table->VerifyField<uint64_t>(
             verifier, Operator::VT_LARGE_CUSTOM_OPTIONS_SIZE, 8) &&
         table->VerifyField<uint8_t>(verifier,
                                     Operator::VT_BUILTIN_OPTIONS_2_TYPE, 1) &&
         table->VerifyOffset(verifier, Operator::VT_BUILTIN_OPTIONS_2) &&
         VerifyTableHeader(verifier, op->builtin_options_2()) &&
         verifier.EndTable();
}

bool VerifySubGraph(flatbuffers::Verifier& verifier, const SubGraph* graph) {
  const auto* table = reinterpret_cast<const flatbuffers::Table*>(graph);
  if (!(table->VerifyTableStart(verifier) &&
        table->VerifyOffset(verifier, SubGraph::VT_TENSORS) &&
        verifier.VerifyVector(graph->tensors()) &&
        verifier.VerifyVectorOfTables(graph->tensors()) &&
        table->VerifyOffset(verifier, SubGraph::VT_INPUTS) &&
        verifier.VerifyVector(graph->inputs()) &&
        table->VerifyOffset(verifier, SubGraph::VT_OUTPUTS) &&
        verifier.VerifyVector(graph->outputs()) &&
        table->VerifyOffset(verifier, SubGraph::VT_OPERATORS) &&
        verifier.VerifyVector(graph->operators()))) {
    return false;
  }
  for (uint32_t n = 0; n < VectorSize(graph->operators()); ++n) {
    if (!VerifyOperator(verifier, graph->operators()->Get(n))) return false;
  }
  return table->VerifyOffset(verifier, SubGraph::VT_NAME) &&
         verifier.VerifyString(graph->name()) && verifier.EndTable();
}

// The root type handed to flatbuffers::Verifier::VerifyBuffer: a Model
// verified by the functions above.
struct ModelTables {
  bool Verify(flatbuffers::Verifier& verifier) const {
    const auto* model = reinterpret_cast<const Model*>(this);
    const auto* table = reinterpret_cast<const flatbuffers::Table*>(this);
    if (!(table->VerifyTableStart(verifier) &&
          table->VerifyField<uint32_t>(verifier, Model::VT_VERSION, 4) &&
          table->VerifyOffset(verifier, Model::VT_OPERATOR_CODES) &&
          verifier.VerifyVector(model->operator_codes()) &&
          verifier.VerifyVectorOfTables(model->operator_codes()) &&
          table->VerifyOffset(verifier, Model::VT_SUBGRAPHS) &&
          verifier.VerifyVector(model->subgraphs()))) {
      return false;
    }
    for (uint32_t s = 0; s < VectorSize(model->subgraphs()); ++s) {
      if (!VerifySubGraph(verifier, model->subgraphs()->Get(s))) return false;
    }
    return table->VerifyOffset(verifier, Model::VT_DESCRIPTION) &&
           verifier.VerifyString(model->description()) &&
           table->VerifyOffset(verifier, Model::VT_BUFFERS) &&
           verifier.VerifyVector(model->buffers()) &&
           verifier.VerifyVectorOfTables(model->buffers()) &&
           table->VerifyOffset(verifier, Model::VT_METADATA_BUFFER) &&
           verifier.VerifyVector(model->metadata_buffer()) &&
           table->VerifyOffset(verifier, Model::VT_METADATA) &&
           verifier.VerifyVector(model->metadata()) &&
           verifier.VerifyVectorOfTables(model->metadata()) &&
           table->VerifyOffset(verifier, Model::VT_SIGNATURE_DEFS) &&
           verifier.VerifyVector(model->signature_defs()) &&
           verifier.VerifyVectorOfTables(model->signature_defs()) &&
           verifier.EndTable();
  }
};

}  // namespace

const Model* VerifyModelBytes(const uint8_t* data, size_t size) {
  if (data == nullptr || size < 8) {
    MicroPrintf("Invalid model: %u bytes is too short to be a .tflite file",
                static_cast<unsigned>(size));
    return nullptr;
  }
  // Flatbuffer scalars (up to 8 bytes) are read in place; the verifier checks
  // their alignment relative to the start of the buffer.
  if (reinterpret_cast<uintptr_t>(data) % 8 != 0) {
    MicroPrintf(
        "Invalid model: the model bytes must start at an 8-byte aligned "
        "address (16 is best), not %p",
        static_cast<const void*>(data));
    return nullptr;
  }
  flatbuffers::Verifier verifier(data, size);
  if (!verifier.VerifyBuffer<ModelTables>(nullptr)) {
    MicroPrintf(
        "Invalid model: the %u bytes are not a well-formed .tflite "
        "flatbuffer (verification failed)",
        static_cast<unsigned>(size));
    return nullptr;
  }
  return GetModel(data);
}

TfLiteStatus CheckModelSemantics(const Model* model, const uint8_t* data,
                                 size_t size, const MicroOpResolver* resolver) {
  if (model->version() != kSchemaVersion) {
    MicroPrintf("Invalid model: schema version %u, this runtime reads %u",
                static_cast<unsigned>(model->version()),
                static_cast<unsigned>(kSchemaVersion));
    return kTfLiteError;
  }
  const auto* subgraphs = model->subgraphs();
  if (subgraphs == nullptr || subgraphs->size() == 0) {
    MicroPrintf("Invalid model: it has no subgraphs");
    return kTfLiteError;
  }
  const uint32_t codes = VectorSize(model->operator_codes());
  for (uint32_t s = 0; s < codes; ++s) {
    const OperatorCode* code = model->operator_codes()->Get(s);
    if (GetBuiltinCode(code) == BuiltinOperator_CUSTOM &&
        code->custom_code() == nullptr) {
      MicroPrintf("Invalid model: operator code %u is custom but has no name",
                  static_cast<unsigned>(s));
      return kTfLiteError;
    }
  }
  for (uint32_t s = 0; s < subgraphs->size(); ++s) {
    const SubGraph* subgraph = subgraphs->Get(s);
    const int tensors = static_cast<int>(VectorSize(subgraph->tensors()));
    for (int t = 0; t < tensors; ++t) {
      TF_LITE_ENSURE_STATUS(CheckTensor(model, subgraph->tensors()->Get(t),
                                        static_cast<int>(s), t, data, size));
    }
    TF_LITE_ENSURE_STATUS(CheckTensorIndices(subgraph->inputs(), tensors,
                                             false, s, "input", -1, nullptr));
    TF_LITE_ENSURE_STATUS(CheckTensorIndices(subgraph->outputs(), tensors,
                                             false, s, "output", -1, nullptr));
    const uint32_t operators = VectorSize(subgraph->operators());
    for (uint32_t n = 0; n < operators; ++n) {
      const Operator* op = subgraph->operators()->Get(n);
      if (op->opcode_index() >= codes) {
        MicroPrintf(
            "Invalid model: node %u in subgraph %u uses operator code %u, "
            "but the model has %u",
            static_cast<unsigned>(n), static_cast<unsigned>(s),
            static_cast<unsigned>(op->opcode_index()),
            static_cast<unsigned>(codes));
        return kTfLiteError;
      }
      const char* name = OperatorName(model, op, resolver);
      TF_LITE_ENSURE_STATUS(CheckTensorIndices(op->inputs(), tensors, true, s,
                                               "input", n, name));
      TF_LITE_ENSURE_STATUS(CheckTensorIndices(op->outputs(), tensors, false,
                                               s, "output", n, name));
      TF_LITE_ENSURE_STATUS(CheckTensorIndices(
          op->intermediates(), tensors, true, s, "intermediate", n, name));
      if (op->large_custom_options_offset() > 1) {
        if (data == nullptr ||
            op->large_custom_options_offset() > size ||
            op->large_custom_options_size() >
                size - op->large_custom_options_offset()) {
          MicroPrintf(
              "Invalid model: custom options of node %u (%s) lie outside "
              "the file",
              static_cast<unsigned>(n), name);
          return kTfLiteError;
        }
      }
      // A sparse tensor's buffer is smaller than its shape says; only
      // DENSIFY knows how to read it.
      const bool densify = GetBuiltinCode(model->operator_codes()->Get(
                               op->opcode_index())) == BuiltinOperator_DENSIFY;
      for (uint32_t i = 0; !densify && i < VectorSize(op->inputs()); ++i) {
        const int32_t index = op->inputs()->Get(i);
        if (index >= 0 && subgraph->tensors()->Get(index)->sparsity()) {
          MicroPrintf(
              "Invalid model: node %u (%s) in subgraph %u reads tensor %d, "
              "which is stored sparse; only DENSIFY can read sparse tensors",
              static_cast<unsigned>(n), name, static_cast<unsigned>(s),
              static_cast<int>(index));
          return kTfLiteError;
        }
      }
    }
    for (const auto* list : {subgraph->inputs(), subgraph->outputs()}) {
      for (uint32_t i = 0; i < VectorSize(list); ++i) {
        if (subgraph->tensors()->Get(list->Get(i))->sparsity() != nullptr) {
          MicroPrintf(
              "Invalid model: subgraph %u passes sparse tensor %d in or out; "
              "only DENSIFY can read sparse tensors",
              static_cast<unsigned>(s), static_cast<int>(list->Get(i)));
          return kTfLiteError;
        }
      }
    }
  }
  return kTfLiteOk;
}

TfLiteStatus CheckDataFlow(const Model* model, int subgraph,
                           const uint8_t* data, size_t size, uint8_t* flags,
                           const MicroOpResolver* resolver) {
  // A tensor read before anything writes it would hold whatever an earlier
  // tensor left in the arena (for a bool, bytes that are not a valid bool).
  // A tensor written twice (or an input, constant or variable written by a
  // node) could change shape after the nodes reading it have prepared.
  constexpr uint8_t kReadable = 1;
  constexpr uint8_t kWritten = 2;  // may not be written again
  const SubGraph* graph =
      model->subgraphs()->Get(static_cast<flatbuffers::uoffset_t>(subgraph));
  const uint32_t tensors = VectorSize(graph->tensors());
  for (uint32_t t = 0; t < tensors; ++t) {
    const Tensor* tensor = graph->tensors()->Get(t);
    bool empty = false;  // no elements: nothing to read
    for (uint32_t d = 0; d < VectorSize(tensor->shape()); ++d) {
      empty = empty || tensor->shape()->Get(d) == 0;
    }
    const bool fixed =
        tensor->is_variable() ||
        GetBufferData(model, tensor->buffer(), data, size).data != nullptr;
    flags[t] = (fixed ? kReadable | kWritten : 0) | (empty ? kReadable : 0);
  }
  for (uint32_t i = 0; i < VectorSize(graph->inputs()); ++i) {
    flags[graph->inputs()->Get(i)] = kReadable | kWritten;
  }
  for (uint32_t n = 0; n < VectorSize(graph->operators()); ++n) {
    const Operator* op = graph->operators()->Get(n);
    for (uint32_t i = 0; i < VectorSize(op->inputs()); ++i) {
      const int32_t t = op->inputs()->Get(i);
      if (t >= 0 && !(flags[t] & kReadable)) {
        MicroPrintf(
            "Invalid model: node %u (%s) in subgraph %d reads tensor %d "
            "before anything writes it (it is no input, constant, variable "
            "or output of an earlier node)",
            static_cast<unsigned>(n), OperatorName(model, op, resolver),
            subgraph, static_cast<int>(t));
        return kTfLiteError;
      }
    }
    for (uint32_t i = 0; i < VectorSize(op->outputs()); ++i) {
      const int32_t t = op->outputs()->Get(i);
      if (flags[t] & kWritten) {
        MicroPrintf(
            "Invalid model: node %u (%s) in subgraph %d writes tensor %d, "
            "which is already an input, constant, variable or output of an "
            "earlier node (or of this one)",
            static_cast<unsigned>(n), OperatorName(model, op, resolver),
            subgraph, static_cast<int>(t));
        return kTfLiteError;
      }
      flags[t] = kReadable | kWritten;
    }
  }
  // The caller (the application, or IF/WHILE/CALL_ONCE) reads the outputs.
  for (uint32_t i = 0; i < VectorSize(graph->outputs()); ++i) {
    if (!(flags[graph->outputs()->Get(i)] & kReadable)) {
      MicroPrintf(
          "Invalid model: subgraph %d output %u is tensor %d, which nothing "
          "writes (no input, constant, variable or node output)",
          subgraph, static_cast<unsigned>(i),
          static_cast<int>(graph->outputs()->Get(i)));
      return kTfLiteError;
    }
  }
  return kTfLiteOk;
}

}  // namespace tflite
