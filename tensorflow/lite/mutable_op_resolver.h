// TFLite's MutableOpResolver: an OpResolver that kernels are added to one
// by one, builtins by operator and custom ops by name, each for a range of
// operator versions. A later addition for the same op and version wins.
//
// AddOp (builtin or custom, by pointer or by value) registers an op for
// every version; AddBuiltin/AddCustom take TFLite's version arguments.
#ifndef TENSORFLOW_LITE_MUTABLE_OP_RESOLVER_H_
#define TENSORFLOW_LITE_MUTABLE_OP_RESOLVER_H_

#include <climits>
#include <memory>
#include <string>
#include <vector>

#include "tensorflow/lite/core/api/op_resolver.h"

namespace tflite {

class MutableOpResolver : public OpResolver {
 public:
  MutableOpResolver() = default;
  MutableOpResolver(const MutableOpResolver& other) { AddAll(other); }
  MutableOpResolver& operator=(const MutableOpResolver& other);
  ~MutableOpResolver() override = default;

  const TfLiteRegistration* FindOp(BuiltinOperator op,
                                   int version) const override;
  const TfLiteRegistration* FindOp(const char* op,
                                   int version) const override;

  void AddBuiltin(BuiltinOperator op, const TfLiteRegistration* registration,
                  int version = 1);
  void AddBuiltin(BuiltinOperator op, const TfLiteRegistration* registration,
                  int min_version, int max_version);
  void AddCustom(const char* name, const TfLiteRegistration* registration,
                 int version = 1);
  void AddCustom(const char* name, const TfLiteRegistration* registration,
                 int min_version, int max_version);
  // Every op of `other`, after (and so over) this resolver's own.
  void AddAll(const MutableOpResolver& other);

  // Any version of the op.
  void AddOp(BuiltinOperator op, const TfLiteRegistration* registration) {
    AddBuiltin(op, registration, 1, INT_MAX);
  }
  void AddOp(BuiltinOperator op, const TfLiteRegistration& registration) {
    AddBuiltin(op, &registration, 1, INT_MAX);
  }
  void AddOp(const char* name, const TfLiteRegistration* registration) {
    AddCustom(name, registration, 1, INT_MAX);
  }
  void AddOp(const char* name, const TfLiteRegistration& registration) {
    AddCustom(name, &registration, 1, INT_MAX);
  }

 private:
  struct Entry {
    bool builtin;
    BuiltinOperator op;
    std::string name;
    int min_version;
    int max_version;
    TfLiteRegistration registration;
  };
  void Add(bool builtin, BuiltinOperator op, const char* name,
           const TfLiteRegistration* registration, int min_version,
           int max_version);
  const TfLiteRegistration* Find(bool builtin, BuiltinOperator op,
                                 const char* name, int version) const;

  // unique_ptr: the registrations (and their custom_name) keep their
  // addresses as entries are added.
  std::vector<std::unique_ptr<Entry>> entries_;
};

// Adds every builtin kernel of this runtime, for any version (what
// ops::builtin::BuiltinOpResolver starts with).
void AddAllBuiltinKernels(MutableOpResolver* resolver);

}  // namespace tflite

#endif  // TENSORFLOW_LITE_MUTABLE_OP_RESOLVER_H_
