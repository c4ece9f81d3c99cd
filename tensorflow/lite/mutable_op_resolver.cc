#include "tensorflow/lite/mutable_op_resolver.h"

#include <climits>

#include "tensorflow/lite/micro/extensible_op_resolver.h"

namespace tflite {

MutableOpResolver& MutableOpResolver::operator=(
    const MutableOpResolver& other) {
  if (this != &other) {
    entries_.clear();
    AddAll(other);
  }
  return *this;
}

void MutableOpResolver::Add(bool builtin, BuiltinOperator op,
                            const char* name,
                            const TfLiteRegistration* registration,
                            int min_version, int max_version) {
  if (registration == nullptr || (!builtin && name == nullptr)) return;
  auto entry = std::make_unique<Entry>();
  entry->builtin = builtin;
  entry->op = op;
  entry->name = builtin ? "" : name;
  entry->min_version = min_version;
  entry->max_version = max_version;
  entry->registration = *registration;
  if (builtin) {
    entry->registration.builtin_code = op;
  } else {
    entry->registration.builtin_code = BuiltinOperator_CUSTOM;
    entry->registration.custom_name = entry->name.c_str();
  }
  entries_.push_back(std::move(entry));
}

const TfLiteRegistration* MutableOpResolver::Find(bool builtin,
                                                  BuiltinOperator op,
                                                  const char* name,
                                                  int version) const {
  // Newest first: a later addition replaces an earlier one.
  for (auto it = entries_.rbegin(); it != entries_.rend(); ++it) {
    const Entry& entry = **it;
    if (entry.builtin != builtin || version < entry.min_version ||
        version > entry.max_version) {
      continue;
    }
    if (builtin ? entry.op == op : entry.name == name) {
      return &entry.registration;
    }
  }
  return nullptr;
}

const TfLiteRegistration* MutableOpResolver::FindOp(BuiltinOperator op,
                                                    int version) const {
  return Find(true, op, nullptr, version);
}

const TfLiteRegistration* MutableOpResolver::FindOp(const char* op,
                                                    int version) const {
  if (op == nullptr) return nullptr;
  return Find(false, BuiltinOperator_CUSTOM, op, version);
}

void MutableOpResolver::AddBuiltin(BuiltinOperator op,
                                   const TfLiteRegistration* registration,
                                   int version) {
  Add(true, op, nullptr, registration, version, version);
}

void MutableOpResolver::AddBuiltin(BuiltinOperator op,
                                   const TfLiteRegistration* registration,
                                   int min_version, int max_version) {
  Add(true, op, nullptr, registration, min_version, max_version);
}

void MutableOpResolver::AddCustom(const char* name,
                                  const TfLiteRegistration* registration,
                                  int version) {
  Add(false, BuiltinOperator_CUSTOM, name, registration, version, version);
}

void MutableOpResolver::AddCustom(const char* name,
                                  const TfLiteRegistration* registration,
                                  int min_version, int max_version) {
  Add(false, BuiltinOperator_CUSTOM, name, registration, min_version,
      max_version);
}

void MutableOpResolver::AddAll(const MutableOpResolver& other) {
  if (&other == this) return;
  for (const auto& entry : other.entries_) {
    Add(entry->builtin, entry->op, entry->name.c_str(), &entry->registration,
        entry->min_version, entry->max_version);
  }
}

void AddAllBuiltinKernels(MutableOpResolver* resolver) {
  const ExtensibleOpResolver kernels;
  for (int code = BuiltinOperator_MIN; code <= BuiltinOperator_MAX; ++code) {
    const BuiltinOperator op = static_cast<BuiltinOperator>(code);
    if (op == BuiltinOperator_CUSTOM) continue;
    const TfLiteRegistration* registration = kernels.FindOp(op);
    if (registration != nullptr) {
      resolver->AddBuiltin(op, registration, 1, INT_MAX);
    }
  }
}

}  // namespace tflite
