#include "tensorflow/lite/micro/micro_resource_variable.h"

#include <cstring>
#include <new>

#include "tensorflow/lite/micro/micro_allocator.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace {

bool SameName(const char* a, const char* b) {
  if (a == nullptr) a = "";
  if (b == nullptr) b = "";
  return std::strcmp(a, b) == 0;
}

size_t EvalTensorBytes(const TfLiteEvalTensor* tensor) {
  size_t count = 1;
  for (int i = 0; i < tensor->dims->size; ++i) {
    count *= static_cast<size_t>(tensor->dims->data[i]);
  }
  return count * ElementSize(tensor->type);
}

}  // namespace

MicroResourceVariables* MicroResourceVariables::Create(
    MicroAllocator* allocator, int capacity) {
  if (allocator == nullptr || capacity < 0) return nullptr;
  void* table_memory = allocator->AllocatePersistentBuffer(
      sizeof(MicroResourceVariables));
  void* variables_memory = nullptr;
  if (capacity > 0) {
    variables_memory = allocator->AllocatePersistentBuffer(
        sizeof(Variable) * static_cast<size_t>(capacity));
    if (variables_memory == nullptr) return nullptr;
  }
  if (table_memory == nullptr) return nullptr;
  return new (table_memory) MicroResourceVariables(
      static_cast<Variable*>(variables_memory), capacity);
}

int MicroResourceVariables::CreateIdIfNoneFound(const char* container,
                                                const char* shared_name) {
  for (int i = 0; i < count_; ++i) {
    if (SameName(variables_[i].container, container) &&
        SameName(variables_[i].shared_name, shared_name)) {
      return i;
    }
  }
  if (count_ >= capacity_) {
    MicroPrintf(
        "Too many resource variables: the table holds %d, variable '%s' "
        "needs one more",
        capacity_, shared_name == nullptr ? "" : shared_name);
    return -1;
  }
  Variable& variable = variables_[count_];
  variable.container = container;
  variable.shared_name = shared_name;
  variable.type = kTfLiteNoType;
  variable.bytes = 0;
  variable.data = nullptr;
  variable.rank = 0;
  return count_++;
}

TfLiteStatus MicroResourceVariables::Allocate(int id, TfLiteContext* context,
                                              const TfLiteTensor* tensor) {
  if (!IsValidId(id)) {
    MicroPrintf("Resource variable id %d does not exist", id);
    return kTfLiteError;
  }
  Variable& variable = variables_[id];
  const int rank = tensor->dims == nullptr ? 0 : tensor->dims->size;
  if (variable.data != nullptr) {
    if (variable.type != tensor->type ||
        !DimsEqual(tensor->dims, variable.rank, variable.dims)) {
      MicroPrintf(
          "Resource variable '%s' holds a %s tensor of rank %d with %u "
          "bytes; it cannot take a %s tensor of rank %d with %u bytes",
          variable.shared_name == nullptr ? "" : variable.shared_name,
          TfLiteTypeGetName(variable.type), variable.rank,
          static_cast<unsigned>(variable.bytes),
          TfLiteTypeGetName(tensor->type), rank,
          static_cast<unsigned>(tensor->bytes));
      return kTfLiteError;
    }
    return kTfLiteOk;
  }
  if (rank > kMaxTensorRank || ElementSize(tensor->type) == 0 ||
      tensor->type == kTfLiteResource) {
    MicroPrintf("Resource variable '%s' cannot hold a %s tensor of rank %d",
                variable.shared_name == nullptr ? "" : variable.shared_name,
                TfLiteTypeGetName(tensor->type), rank);
    return kTfLiteError;
  }
  size_t bytes = ElementSize(tensor->type);
  for (int i = 0; i < rank; ++i) {
    bytes *= static_cast<size_t>(tensor->dims->data[i]);
  }
  // At least one byte so that an empty variable still counts as allocated.
  void* data = context->AllocatePersistentBuffer(context, bytes > 0 ? bytes : 1);
  if (data == nullptr) {
    MicroPrintf("No arena memory for resource variable '%s' (%u bytes)",
                variable.shared_name == nullptr ? "" : variable.shared_name,
                static_cast<unsigned>(bytes));
    return kTfLiteError;
  }
  std::memset(data, 0, bytes);
  variable.data = data;
  variable.bytes = bytes;
  variable.type = tensor->type;
  variable.rank = rank;
  for (int i = 0; i < rank; ++i) variable.dims[i] = tensor->dims->data[i];
  return kTfLiteOk;
}

TfLiteStatus MicroResourceVariables::Assign(int id,
                                            const TfLiteEvalTensor* tensor) {
  if (!IsAllocated(id)) {
    MicroPrintf("Resource variable id %d has no buffer", id);
    return kTfLiteError;
  }
  Variable& variable = variables_[id];
  if (tensor->type != variable.type ||
      EvalTensorBytes(tensor) != variable.bytes) {
    MicroPrintf("Resource variable '%s': cannot assign %u bytes of %s to its "
                "%u bytes of %s",
                variable.shared_name == nullptr ? "" : variable.shared_name,
                static_cast<unsigned>(EvalTensorBytes(tensor)),
                TfLiteTypeGetName(tensor->type),
                static_cast<unsigned>(variable.bytes),
                TfLiteTypeGetName(variable.type));
    return kTfLiteError;
  }
  if (variable.bytes > 0) {
    std::memcpy(variable.data, tensor->data.raw, variable.bytes);
  }
  return kTfLiteOk;
}

TfLiteStatus MicroResourceVariables::Read(int id,
                                          TfLiteEvalTensor* tensor) const {
  if (!IsAllocated(id)) {
    MicroPrintf("Resource variable id %d has no buffer", id);
    return kTfLiteError;
  }
  const Variable& variable = variables_[id];
  if (tensor->type != variable.type ||
      EvalTensorBytes(tensor) != variable.bytes) {
    MicroPrintf("Resource variable '%s': cannot read its %u bytes of %s into "
                "%u bytes of %s",
                variable.shared_name == nullptr ? "" : variable.shared_name,
                static_cast<unsigned>(variable.bytes),
                TfLiteTypeGetName(variable.type),
                static_cast<unsigned>(EvalTensorBytes(tensor)),
                TfLiteTypeGetName(tensor->type));
    return kTfLiteError;
  }
  if (variable.bytes > 0) {
    std::memcpy(tensor->data.raw, variable.data, variable.bytes);
  }
  return kTfLiteOk;
}

TfLiteStatus MicroResourceVariables::ResetAll() {
  for (int i = 0; i < count_; ++i) {
    if (variables_[i].data != nullptr && variables_[i].bytes > 0) {
      std::memset(variables_[i].data, 0, variables_[i].bytes);
    }
  }
  return kTfLiteOk;
}

void MicroResourceVariables::ClearAll() { count_ = 0; }

}  // namespace tflite
