// The resource variable ops.
//   VAR_HANDLE names a resource variable: its output is a resource tensor
//     holding the variable's id, which the two others take as input 0.
//   ASSIGN_VARIABLE copies its value input into the variable. The first
//     assignment prepared fixes the variable's type and shape; later ones
//     must match them.
//   READ_VARIABLE copies the variable into its output, which takes the
//     variable's shape; a variable nothing has assigned yet takes the
//     output's shape from the model and reads as zeros.
#include "tensorflow/lite/core/c/builtin_op_data.h"
#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/micro_log.h"
#include "tensorflow/lite/micro/micro_resource_variable.h"

namespace tflite {
namespace {

MicroResourceVariables* Variables(TfLiteContext* context) {
  return GetMicroContext(context)->resource_variables();
}

// The variable id a resource tensor holds, or -1.
int ResourceId(const TfLiteEvalTensor* handle) {
  if (handle == nullptr || handle->type != kTfLiteResource ||
      handle->data.raw == nullptr) {
    return -1;
  }
  return handle->data.i32[0];
}

// Prepare of ASSIGN_VARIABLE and READ_VARIABLE: checks the node's input and
// output counts (`arity` says what is expected) and that input 0 holds a
// variable made by a VAR_HANDLE, whose id goes to `id`.
TfLiteStatus PrepareAccess(TfLiteContext* context, TfLiteNode* node,
                           const char* op, int inputs, int outputs,
                           const char* arity, int* id) {
  if (NumInputs(node) != inputs || NumOutputs(node) != outputs) {
    MicroPrintf("%s: needs %s, got %d and %d", op, arity, NumInputs(node),
                NumOutputs(node));
    return kTfLiteError;
  }
  const TfLiteEvalTensor* handle = micro::GetEvalInput(context, node, 0);
  TF_LITE_ENSURE(context, handle != nullptr);
  if (handle->type != kTfLiteResource) {
    MicroPrintf("%s: input 0 must be a resource tensor, not %s", op,
                TfLiteTypeGetName(handle->type));
    return kTfLiteError;
  }
  MicroResourceVariables* variables = Variables(context);
  *id = ResourceId(handle);
  if (variables == nullptr || !variables->IsValidId(*id)) {
    MicroPrintf(
        "%s: input 0 does not hold a resource variable (it must come from a "
        "VAR_HANDLE)",
        op);
    return kTfLiteError;
  }
  return kTfLiteOk;
}

// ------------------------------------------------------------ VAR_HANDLE

struct VarHandleData {
  int resource_id;
};

void* InitVarHandle(TfLiteContext* context, const char*, size_t) {
  return context->AllocatePersistentBuffer(context, sizeof(VarHandleData));
}

TfLiteStatus PrepareVarHandle(TfLiteContext* context, TfLiteNode* node) {
  TF_LITE_ENSURE(context, node->user_data != nullptr);
  TF_LITE_ENSURE(context, node->builtin_data != nullptr);
  auto* data = static_cast<VarHandleData*>(node->user_data);
  const auto* params =
      static_cast<const TfLiteVarHandleParams*>(node->builtin_data);
  if (NumInputs(node) != 0 || NumOutputs(node) != 1) {
    MicroPrintf("VAR_HANDLE: takes no inputs and has one output, got %d and %d",
                NumInputs(node), NumOutputs(node));
    return kTfLiteError;
  }
  TfLiteEvalTensor* output = micro::GetEvalOutput(context, node, 0);
  TF_LITE_ENSURE(context, output != nullptr);
  if (output->type != kTfLiteResource) {
    MicroPrintf("VAR_HANDLE: the output must be a resource tensor, not %s",
                TfLiteTypeGetName(output->type));
    return kTfLiteError;
  }
  MicroResourceVariables* variables = Variables(context);
  if (variables == nullptr) {
    MicroPrintf("VAR_HANDLE: the interpreter has no resource variables");
    return kTfLiteError;
  }
  data->resource_id =
      variables->CreateIdIfNoneFound(params->container, params->shared_name);
  if (data->resource_id < 0) return kTfLiteError;
  // Resource tensors live outside the memory plan, so the id is there for
  // the kernels that prepare after this one.
  output->data.i32[0] = data->resource_id;
  return kTfLiteOk;
}

TfLiteStatus EvalVarHandle(TfLiteContext* context, TfLiteNode* node) {
  const auto* data = static_cast<const VarHandleData*>(node->user_data);
  micro::GetEvalOutput(context, node, 0)->data.i32[0] = data->resource_id;
  return kTfLiteOk;
}

// ------------------------------------------------------- ASSIGN_VARIABLE

TfLiteStatus PrepareAssign(TfLiteContext* context, TfLiteNode* node) {
  int id;
  TF_LITE_ENSURE_STATUS(PrepareAccess(context, node, "ASSIGN_VARIABLE", 2, 0,
                                      "2 inputs and no output", &id));
  micro::ScopedTempTensors temps(context);
  TfLiteTensor* value = temps.Input(node, 1);
  TF_LITE_ENSURE(context, value != nullptr);
  return Variables(context)->Allocate(id, context, value);
}

TfLiteStatus EvalAssign(TfLiteContext* context, TfLiteNode* node) {
  MicroResourceVariables* variables = Variables(context);
  TF_LITE_ENSURE(context, variables != nullptr);
  return variables->Assign(ResourceId(micro::GetEvalInput(context, node, 0)),
                           micro::GetEvalInput(context, node, 1));
}

// --------------------------------------------------------- READ_VARIABLE

TfLiteStatus PrepareRead(TfLiteContext* context, TfLiteNode* node) {
  int id;
  TF_LITE_ENSURE_STATUS(PrepareAccess(context, node, "READ_VARIABLE", 1, 1,
                                      "1 input and 1 output", &id));
  MicroResourceVariables* variables = Variables(context);
  micro::ScopedTempTensors temps(context);
  TfLiteTensor* output = temps.Output(node, 0);
  TF_LITE_ENSURE(context, output != nullptr);
  if (!variables->IsAllocated(id)) {
    return variables->Allocate(id, context, output);
  }
  if (variables->GetType(id) != output->type) {
    MicroPrintf("READ_VARIABLE: variable '%s' holds %s, the output is %s",
                variables->GetName(id),
                TfLiteTypeGetName(variables->GetType(id)),
                TfLiteTypeGetName(output->type));
    return kTfLiteError;
  }
  return micro::SetOutputShape(context, output, variables->GetDims(id));
}

TfLiteStatus EvalRead(TfLiteContext* context, TfLiteNode* node) {
  MicroResourceVariables* variables = Variables(context);
  TF_LITE_ENSURE(context, variables != nullptr);
  return variables->Read(ResourceId(micro::GetEvalInput(context, node, 0)),
                         micro::GetEvalOutput(context, node, 0));
}

}  // namespace

TfLiteRegistration Register_VAR_HANDLE() {
  return micro::RegisterOp(InitVarHandle, PrepareVarHandle, EvalVarHandle);
}

TfLiteRegistration Register_ASSIGN_VARIABLE() {
  return micro::RegisterOp(nullptr, PrepareAssign, EvalAssign);
}

TfLiteRegistration Register_READ_VARIABLE() {
  return micro::RegisterOp(nullptr, PrepareRead, EvalRead);
}

}  // namespace tflite
