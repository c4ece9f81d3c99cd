// An op resolver holding exactly the kernels the application adds, in
// fixed-size arrays (tOpCount entries, no heap).
//
//   tflite::MicroMutableOpResolver<3> resolver;
//   resolver.AddFullyConnected();
//   resolver.AddSoftmax();
//   resolver.AddCustom("MyOp", Register_MY_OP());
#ifndef TENSORFLOW_LITE_MICRO_MICRO_MUTABLE_OP_RESOLVER_H_
#define TENSORFLOW_LITE_MICRO_MICRO_MUTABLE_OP_RESOLVER_H_

#include <cstring>

#include "tensorflow/lite/core/api/flatbuffer_conversions.h"
#include "tensorflow/lite/micro/kernels/micro_ops.h"
#include "tensorflow/lite/micro/micro_log.h"
#include "tensorflow/lite/micro/micro_op_resolver.h"
#include "tensorflow/lite/schema/schema_generated.h"

namespace tflite {

// TFLM's audio front-end ops, defined in //signal/micro/kernels:signal_ops
// (signal/micro/kernels/signal_ops.h). Declared here for the AddWindow(),
// AddRfft(), ... methods below: a method of this template is compiled only
// where it is called, so only programs that call one need that library.
namespace signal_ops {
TfLiteRegistration* Register_WINDOW();
TfLiteRegistration* Register_FFT_AUTO_SCALE();
TfLiteRegistration* Register_RFFT();
TfLiteRegistration* Register_IRFFT();
TfLiteRegistration* Register_ENERGY();
TfLiteRegistration* Register_FILTER_BANK();
TfLiteRegistration* Register_FILTER_BANK_SQUARE_ROOT();
TfLiteRegistration* Register_FILTER_BANK_SPECTRAL_SUBTRACTION();
TfLiteRegistration* Register_FILTER_BANK_LOG();
TfLiteRegistration* Register_PCAN();
TfLiteRegistration* Register_DELAY();
TfLiteRegistration* Register_FRAMER();
TfLiteRegistration* Register_OVERLAP_ADD();
TfLiteRegistration* Register_STACKER();
}  // namespace signal_ops

template <unsigned int tOpCount>
class MicroMutableOpResolver : public MicroOpResolver {
 public:
  MicroMutableOpResolver() = default;

  const TfLiteRegistration* FindOp(BuiltinOperator op) const override {
    if (op == BuiltinOperator_CUSTOM) return nullptr;
    for (unsigned int i = 0; i < registrations_len_; ++i) {
      if (registrations_[i].custom_name == nullptr &&
          registrations_[i].builtin_code == op) {
        return &registrations_[i];
      }
    }
    return nullptr;
  }

  const TfLiteRegistration* FindOp(const char* op) const override {
    if (op == nullptr) return nullptr;
    for (unsigned int i = 0; i < registrations_len_; ++i) {
      if (registrations_[i].custom_name != nullptr &&
          std::strcmp(registrations_[i].custom_name, op) == 0) {
        return &registrations_[i];
      }
    }
    return nullptr;
  }

  BuiltinParseFunction GetOpDataParser(BuiltinOperator op) const override {
    for (unsigned int i = 0; i < num_builtin_ops_; ++i) {
      if (builtin_codes_[i] == op) return builtin_parsers_[i];
    }
    return nullptr;
  }

  const char* BuiltinName(BuiltinOperator op) const override {
#if !defined(TF_LITE_STRIP_ERROR_STRINGS)
    for (unsigned int i = 0; i < num_builtin_ops_; ++i) {
      if (builtin_codes_[i] == op) return builtin_names_[i];
    }
#endif
    (void)op;
    return nullptr;
  }

  // Registers a custom operator under `name` (the model's custom_code). The
  // registration is copied; `name` must outlive the resolver. A name that is
  // already registered is an error (the first registration stays).
  TfLiteStatus AddCustom(const char* name,
                         const TfLiteRegistration* registration) {
    if (name == nullptr || registration == nullptr) {
      MicroPrintf("AddCustom needs a name and a registration");
      return kTfLiteError;
    }
    if (FindOp(name) != nullptr) {
      MicroPrintf("Custom op '%s' is already registered", name);
      return kTfLiteError;
    }
    if (registrations_len_ >= tOpCount) {
      MicroPrintf(
          "Op resolver is full (%u ops); cannot add custom op '%s'. Raise "
          "the MicroMutableOpResolver template parameter.",
          tOpCount, name);
      return kTfLiteError;
    }
    TfLiteRegistration* entry = &registrations_[registrations_len_++];
    *entry = *registration;
    entry->builtin_code = BuiltinOperator_CUSTOM;
    entry->custom_name = name;
    return kTfLiteOk;
  }

  // TFLM's signal ops (custom ops "Signal..."; they need
  // //signal/micro/kernels:signal_ops linked in).
  TfLiteStatus AddWindow(const TfLiteRegistration* registration =
                             signal_ops::Register_WINDOW()) {
    return AddCustom("SignalWindow", registration);
  }
  TfLiteStatus AddFftAutoScale(const TfLiteRegistration* registration =
                                   signal_ops::Register_FFT_AUTO_SCALE()) {
    return AddCustom("SignalFftAutoScale", registration);
  }
  TfLiteStatus AddRfft(const TfLiteRegistration* registration =
                           signal_ops::Register_RFFT()) {
    return AddCustom("SignalRfft", registration);
  }
  TfLiteStatus AddIrfft(const TfLiteRegistration* registration =
                            signal_ops::Register_IRFFT()) {
    return AddCustom("SignalIrfft", registration);
  }
  TfLiteStatus AddEnergy(const TfLiteRegistration* registration =
                             signal_ops::Register_ENERGY()) {
    return AddCustom("SignalEnergy", registration);
  }
  TfLiteStatus AddFilterBank(const TfLiteRegistration* registration =
                                 signal_ops::Register_FILTER_BANK()) {
    return AddCustom("SignalFilterBank", registration);
  }
  TfLiteStatus AddFilterBankSquareRoot(
      const TfLiteRegistration* registration =
          signal_ops::Register_FILTER_BANK_SQUARE_ROOT()) {
    return AddCustom("SignalFilterBankSquareRoot", registration);
  }
  TfLiteStatus AddFilterBankSpectralSubtraction(
      const TfLiteRegistration* registration =
          signal_ops::Register_FILTER_BANK_SPECTRAL_SUBTRACTION()) {
    return AddCustom("SignalFilterBankSpectralSubtraction", registration);
  }
  TfLiteStatus AddFilterBankLog(const TfLiteRegistration* registration =
                                    signal_ops::Register_FILTER_BANK_LOG()) {
    return AddCustom("SignalFilterBankLog", registration);
  }
  TfLiteStatus AddPCAN(const TfLiteRegistration* registration =
                           signal_ops::Register_PCAN()) {
    return AddCustom("SignalPCAN", registration);
  }
  TfLiteStatus AddDelay(const TfLiteRegistration* registration =
                            signal_ops::Register_DELAY()) {
    return AddCustom("SignalDelay", registration);
  }
  TfLiteStatus AddFramer(const TfLiteRegistration* registration =
                             signal_ops::Register_FRAMER()) {
    return AddCustom("SignalFramer", registration);
  }
  TfLiteStatus AddOverlapAdd(const TfLiteRegistration* registration =
                                 signal_ops::Register_OVERLAP_ADD()) {
    return AddCustom("SignalOverlapAdd", registration);
  }
  TfLiteStatus AddStacker(const TfLiteRegistration* registration =
                              signal_ops::Register_STACKER()) {
    return AddCustom("SignalStacker", registration);
  }

  unsigned int GetRegistrationLength() const { return registrations_len_; }

  TfLiteStatus AddAbs(
      const TfLiteRegistration& registration = Register_ABS()) {
    return AddBuiltin(BuiltinOperator_ABS, TF_LITE_MICRO_MESSAGE_TEXT("ABS"),
                      registration, ParseNoOptions);
  }

  TfLiteStatus AddAdd(
      const TfLiteRegistration& registration = Register_ADD()) {
    return AddBuiltin(BuiltinOperator_ADD, TF_LITE_MICRO_MESSAGE_TEXT("ADD"),
                      registration, ParseAdd);
  }

  TfLiteStatus AddAddN(
      const TfLiteRegistration& registration = Register_ADD_N()) {
    return AddBuiltin(BuiltinOperator_ADD_N,
                      TF_LITE_MICRO_MESSAGE_TEXT("ADD_N"), registration,
                      ParseNoOptions);
  }

  TfLiteStatus AddArgMax(
      const TfLiteRegistration& registration = Register_ARG_MAX()) {
    return AddBuiltin(BuiltinOperator_ARG_MAX,
                      TF_LITE_MICRO_MESSAGE_TEXT("ARG_MAX"), registration,
                      ParseArgMax);
  }

  TfLiteStatus AddArgMin(
      const TfLiteRegistration& registration = Register_ARG_MIN()) {
    return AddBuiltin(BuiltinOperator_ARG_MIN,
                      TF_LITE_MICRO_MESSAGE_TEXT("ARG_MIN"), registration,
                      ParseArgMin);
  }

  TfLiteStatus AddAssignVariable(
      const TfLiteRegistration& registration = Register_ASSIGN_VARIABLE()) {
    return AddBuiltin(BuiltinOperator_ASSIGN_VARIABLE,
                      TF_LITE_MICRO_MESSAGE_TEXT("ASSIGN_VARIABLE"),
                      registration, ParseNoOptions);
  }

  TfLiteStatus AddAveragePool2D(
      const TfLiteRegistration& registration = Register_AVERAGE_POOL_2D()) {
    return AddBuiltin(BuiltinOperator_AVERAGE_POOL_2D,
                      TF_LITE_MICRO_MESSAGE_TEXT("AVERAGE_POOL_2D"),
                      registration, ParsePool);
  }

  TfLiteStatus AddBatchMatMul(
      const TfLiteRegistration& registration = Register_BATCH_MATMUL()) {
    return AddBuiltin(BuiltinOperator_BATCH_MATMUL,
                      TF_LITE_MICRO_MESSAGE_TEXT("BATCH_MATMUL"), registration,
                      ParseBatchMatMul);
  }

  TfLiteStatus AddBatchToSpaceNd(
      const TfLiteRegistration& registration = Register_BATCH_TO_SPACE_ND()) {
    return AddBuiltin(BuiltinOperator_BATCH_TO_SPACE_ND,
                      TF_LITE_MICRO_MESSAGE_TEXT("BATCH_TO_SPACE_ND"),
                      registration, ParseNoOptions);
  }

  TfLiteStatus AddBroadcastArgs(
      const TfLiteRegistration& registration = Register_BROADCAST_ARGS()) {
    return AddBuiltin(BuiltinOperator_BROADCAST_ARGS,
                      TF_LITE_MICRO_MESSAGE_TEXT("BROADCAST_ARGS"),
                      registration, ParseNoOptions);
  }

  TfLiteStatus AddBroadcastTo(
      const TfLiteRegistration& registration = Register_BROADCAST_TO()) {
    return AddBuiltin(BuiltinOperator_BROADCAST_TO,
                      TF_LITE_MICRO_MESSAGE_TEXT("BROADCAST_TO"), registration,
                      ParseNoOptions);
  }

  TfLiteStatus AddCallOnce(
      const TfLiteRegistration& registration = Register_CALL_ONCE()) {
    return AddBuiltin(BuiltinOperator_CALL_ONCE,
                      TF_LITE_MICRO_MESSAGE_TEXT("CALL_ONCE"), registration,
                      ParseCallOnce);
  }

  TfLiteStatus AddCast(
      const TfLiteRegistration& registration = Register_CAST()) {
    return AddBuiltin(BuiltinOperator_CAST, TF_LITE_MICRO_MESSAGE_TEXT("CAST"),
                      registration, ParseCast);
  }

  TfLiteStatus AddCeil(
      const TfLiteRegistration& registration = Register_CEIL()) {
    return AddBuiltin(BuiltinOperator_CEIL, TF_LITE_MICRO_MESSAGE_TEXT("CEIL"),
                      registration, ParseNoOptions);
  }

  TfLiteStatus AddConcatenation(
      const TfLiteRegistration& registration = Register_CONCATENATION()) {
    return AddBuiltin(BuiltinOperator_CONCATENATION,
                      TF_LITE_MICRO_MESSAGE_TEXT("CONCATENATION"), registration,
                      ParseConcatenation);
  }

  TfLiteStatus AddConv2D(
      const TfLiteRegistration& registration = Register_CONV_2D()) {
    return AddBuiltin(BuiltinOperator_CONV_2D,
                      TF_LITE_MICRO_MESSAGE_TEXT("CONV_2D"), registration,
                      ParseConv2D);
  }

  // TFLM's custom op for streaming models ("CIRCULAR_BUFFER").
  TfLiteStatus AddCircularBuffer(
      const TfLiteRegistration& registration = Register_CIRCULAR_BUFFER()) {
    return AddCustom(kCircularBufferName, &registration);
  }

  TfLiteStatus AddCos(
      const TfLiteRegistration& registration = Register_COS()) {
    return AddBuiltin(BuiltinOperator_COS, TF_LITE_MICRO_MESSAGE_TEXT("COS"),
                      registration, ParseNoOptions);
  }

  TfLiteStatus AddCumSum(
      const TfLiteRegistration& registration = Register_CUMSUM()) {
    return AddBuiltin(BuiltinOperator_CUMSUM,
                      TF_LITE_MICRO_MESSAGE_TEXT("CUMSUM"), registration,
                      ParseCumsum);
  }

  // TFLM's DECODE ("TFLM_DECODE"), which compressed models put before the
  // readers of their compressed constants.
  TfLiteStatus AddDecode(
      const TfLiteRegistration& registration = Register_DECODE()) {
    return AddCustom(kDecodeName, &registration);
  }

  TfLiteStatus AddDensify(
      const TfLiteRegistration& registration = Register_DENSIFY()) {
    return AddBuiltin(BuiltinOperator_DENSIFY,
                      TF_LITE_MICRO_MESSAGE_TEXT("DENSIFY"), registration,
                      ParseNoOptions);
  }

  TfLiteStatus AddDepthToSpace(
      const TfLiteRegistration& registration = Register_DEPTH_TO_SPACE()) {
    return AddBuiltin(BuiltinOperator_DEPTH_TO_SPACE,
                      TF_LITE_MICRO_MESSAGE_TEXT("DEPTH_TO_SPACE"),
                      registration, ParseDepthToSpace);
  }

  TfLiteStatus AddDepthwiseConv2D(
      const TfLiteRegistration& registration = Register_DEPTHWISE_CONV_2D()) {
    return AddBuiltin(BuiltinOperator_DEPTHWISE_CONV_2D,
                      TF_LITE_MICRO_MESSAGE_TEXT("DEPTHWISE_CONV_2D"),
                      registration, ParseDepthwiseConv2D);
  }

  // TFLite's detection post-processing of SSD models: a custom op
  // ("TFLite_Detection_PostProcess") that TFLM registers with the builtins.
  TfLiteStatus AddDetectionPostprocess(
      const TfLiteRegistration& registration =
          Register_DETECTION_POSTPROCESS()) {
    return AddCustom(kDetectionPostprocessName, &registration);
  }
  TfLiteStatus AddDequantize(
      const TfLiteRegistration& registration = Register_DEQUANTIZE()) {
    return AddBuiltin(BuiltinOperator_DEQUANTIZE,
                      TF_LITE_MICRO_MESSAGE_TEXT("DEQUANTIZE"), registration,
                      ParseNoOptions);
  }

  TfLiteStatus AddDiv(
      const TfLiteRegistration& registration = Register_DIV()) {
    return AddBuiltin(BuiltinOperator_DIV, TF_LITE_MICRO_MESSAGE_TEXT("DIV"),
                      registration, ParseDiv);
  }

  TfLiteStatus AddDynamicUpdateSlice(
      const TfLiteRegistration& registration =
          Register_DYNAMIC_UPDATE_SLICE()) {
    return AddBuiltin(BuiltinOperator_DYNAMIC_UPDATE_SLICE, registration,
                      ParseNoOptions);
  }

  TfLiteStatus AddElu(
      const TfLiteRegistration& registration = Register_ELU()) {
    return AddBuiltin(BuiltinOperator_ELU, TF_LITE_MICRO_MESSAGE_TEXT("ELU"),
                      registration, ParseNoOptions);
  }

  TfLiteStatus AddEmbeddingLookup(
      const TfLiteRegistration& registration = Register_EMBEDDING_LOOKUP()) {
    return AddBuiltin(BuiltinOperator_EMBEDDING_LOOKUP, registration,
                      ParseNoOptions);
  }

  TfLiteStatus AddEqual(
      const TfLiteRegistration& registration = Register_EQUAL()) {
    return AddBuiltin(BuiltinOperator_EQUAL,
                      TF_LITE_MICRO_MESSAGE_TEXT("EQUAL"), registration,
                      ParseNoOptions);
  }

  TfLiteStatus AddExp(
      const TfLiteRegistration& registration = Register_EXP()) {
    return AddBuiltin(BuiltinOperator_EXP, TF_LITE_MICRO_MESSAGE_TEXT("EXP"),
                      registration, ParseNoOptions);
  }

  TfLiteStatus AddExpandDims(
      const TfLiteRegistration& registration = Register_EXPAND_DIMS()) {
    return AddBuiltin(BuiltinOperator_EXPAND_DIMS,
                      TF_LITE_MICRO_MESSAGE_TEXT("EXPAND_DIMS"), registration,
                      ParseNoOptions);
  }

  TfLiteStatus AddFill(
      const TfLiteRegistration& registration = Register_FILL()) {
    return AddBuiltin(BuiltinOperator_FILL, TF_LITE_MICRO_MESSAGE_TEXT("FILL"),
                      registration, ParseNoOptions);
  }

  TfLiteStatus AddFloor(
      const TfLiteRegistration& registration = Register_FLOOR()) {
    return AddBuiltin(BuiltinOperator_FLOOR,
                      TF_LITE_MICRO_MESSAGE_TEXT("FLOOR"), registration,
                      ParseNoOptions);
  }

  TfLiteStatus AddFloorDiv(
      const TfLiteRegistration& registration = Register_FLOOR_DIV()) {
    return AddBuiltin(BuiltinOperator_FLOOR_DIV,
                      TF_LITE_MICRO_MESSAGE_TEXT("FLOOR_DIV"), registration,
                      ParseNoOptions);
  }

  TfLiteStatus AddFloorMod(
      const TfLiteRegistration& registration = Register_FLOOR_MOD()) {
    return AddBuiltin(BuiltinOperator_FLOOR_MOD,
                      TF_LITE_MICRO_MESSAGE_TEXT("FLOOR_MOD"), registration,
                      ParseNoOptions);
  }

  TfLiteStatus AddFullyConnected(
      const TfLiteRegistration& registration = Register_FULLY_CONNECTED()) {
    return AddBuiltin(BuiltinOperator_FULLY_CONNECTED,
                      TF_LITE_MICRO_MESSAGE_TEXT("FULLY_CONNECTED"),
                      registration, ParseFullyConnected);
  }

  TfLiteStatus AddGather(
      const TfLiteRegistration& registration = Register_GATHER()) {
    return AddBuiltin(BuiltinOperator_GATHER,
                      TF_LITE_MICRO_MESSAGE_TEXT("GATHER"), registration,
                      ParseGather);
  }

  TfLiteStatus AddGatherNd(
      const TfLiteRegistration& registration = Register_GATHER_ND()) {
    return AddBuiltin(BuiltinOperator_GATHER_ND,
                      TF_LITE_MICRO_MESSAGE_TEXT("GATHER_ND"), registration,
                      ParseNoOptions);
  }

  TfLiteStatus AddGelu(
      const TfLiteRegistration& registration = Register_GELU()) {
    return AddBuiltin(BuiltinOperator_GELU, TF_LITE_MICRO_MESSAGE_TEXT("GELU"),
                      registration, ParseGelu);
  }

  TfLiteStatus AddGreater(
      const TfLiteRegistration& registration = Register_GREATER()) {
    return AddBuiltin(BuiltinOperator_GREATER,
                      TF_LITE_MICRO_MESSAGE_TEXT("GREATER"), registration,
                      ParseNoOptions);
  }

  TfLiteStatus AddGreaterEqual(
      const TfLiteRegistration& registration = Register_GREATER_EQUAL()) {
    return AddBuiltin(BuiltinOperator_GREATER_EQUAL,
                      TF_LITE_MICRO_MESSAGE_TEXT("GREATER_EQUAL"), registration,
                      ParseNoOptions);
  }

  TfLiteStatus AddHardSwish(
      const TfLiteRegistration& registration = Register_HARD_SWISH()) {
    return AddBuiltin(BuiltinOperator_HARD_SWISH,
                      TF_LITE_MICRO_MESSAGE_TEXT("HARD_SWISH"), registration,
                      ParseNoOptions);
  }

  TfLiteStatus AddIf(
      const TfLiteRegistration& registration = Register_IF()) {
    return AddBuiltin(BuiltinOperator_IF, TF_LITE_MICRO_MESSAGE_TEXT("IF"),
                      registration, ParseIf);
  }

  TfLiteStatus AddL2Normalization(
      const TfLiteRegistration& registration = Register_L2_NORMALIZATION()) {
    return AddBuiltin(BuiltinOperator_L2_NORMALIZATION,
                      TF_LITE_MICRO_MESSAGE_TEXT("L2_NORMALIZATION"),
                      registration, ParseL2Normalization);
  }

  TfLiteStatus AddL2Pool2D(
      const TfLiteRegistration& registration = Register_L2_POOL_2D()) {
    return AddBuiltin(BuiltinOperator_L2_POOL_2D,
                      TF_LITE_MICRO_MESSAGE_TEXT("L2_POOL_2D"), registration,
                      ParsePool);
  }

  TfLiteStatus AddLeakyRelu(
      const TfLiteRegistration& registration = Register_LEAKY_RELU()) {
    return AddBuiltin(BuiltinOperator_LEAKY_RELU,
                      TF_LITE_MICRO_MESSAGE_TEXT("LEAKY_RELU"), registration,
                      ParseLeakyRelu);
  }

  TfLiteStatus AddLess(
      const TfLiteRegistration& registration = Register_LESS()) {
    return AddBuiltin(BuiltinOperator_LESS, TF_LITE_MICRO_MESSAGE_TEXT("LESS"),
                      registration, ParseNoOptions);
  }

  TfLiteStatus AddLessEqual(
      const TfLiteRegistration& registration = Register_LESS_EQUAL()) {
    return AddBuiltin(BuiltinOperator_LESS_EQUAL,
                      TF_LITE_MICRO_MESSAGE_TEXT("LESS_EQUAL"), registration,
                      ParseNoOptions);
  }

  TfLiteStatus AddLog(
      const TfLiteRegistration& registration = Register_LOG()) {
    return AddBuiltin(BuiltinOperator_LOG, TF_LITE_MICRO_MESSAGE_TEXT("LOG"),
                      registration, ParseNoOptions);
  }

  TfLiteStatus AddLogSoftmax(
      const TfLiteRegistration& registration = Register_LOG_SOFTMAX()) {
    return AddBuiltin(BuiltinOperator_LOG_SOFTMAX,
                      TF_LITE_MICRO_MESSAGE_TEXT("LOG_SOFTMAX"), registration,
                      ParseNoOptions);
  }

  TfLiteStatus AddLogicalAnd(
      const TfLiteRegistration& registration = Register_LOGICAL_AND()) {
    return AddBuiltin(BuiltinOperator_LOGICAL_AND,
                      TF_LITE_MICRO_MESSAGE_TEXT("LOGICAL_AND"), registration,
                      ParseNoOptions);
  }

  TfLiteStatus AddLogicalNot(
      const TfLiteRegistration& registration = Register_LOGICAL_NOT()) {
    return AddBuiltin(BuiltinOperator_LOGICAL_NOT,
                      TF_LITE_MICRO_MESSAGE_TEXT("LOGICAL_NOT"), registration,
                      ParseNoOptions);
  }

  TfLiteStatus AddLogicalOr(
      const TfLiteRegistration& registration = Register_LOGICAL_OR()) {
    return AddBuiltin(BuiltinOperator_LOGICAL_OR,
                      TF_LITE_MICRO_MESSAGE_TEXT("LOGICAL_OR"), registration,
                      ParseNoOptions);
  }

  TfLiteStatus AddLogistic(
      const TfLiteRegistration& registration = Register_LOGISTIC()) {
    return AddBuiltin(BuiltinOperator_LOGISTIC,
                      TF_LITE_MICRO_MESSAGE_TEXT("LOGISTIC"), registration,
                      ParseNoOptions);
  }

  TfLiteStatus AddMaxPool2D(
      const TfLiteRegistration& registration = Register_MAX_POOL_2D()) {
    return AddBuiltin(BuiltinOperator_MAX_POOL_2D,
                      TF_LITE_MICRO_MESSAGE_TEXT("MAX_POOL_2D"), registration,
                      ParsePool);
  }

  TfLiteStatus AddMaximum(
      const TfLiteRegistration& registration = Register_MAXIMUM()) {
    return AddBuiltin(BuiltinOperator_MAXIMUM,
                      TF_LITE_MICRO_MESSAGE_TEXT("MAXIMUM"), registration,
                      ParseNoOptions);
  }

  TfLiteStatus AddMean(
      const TfLiteRegistration& registration = Register_MEAN()) {
    return AddBuiltin(BuiltinOperator_MEAN, TF_LITE_MICRO_MESSAGE_TEXT("MEAN"),
                      registration, ParseReducer);
  }

  TfLiteStatus AddMinimum(
      const TfLiteRegistration& registration = Register_MINIMUM()) {
    return AddBuiltin(BuiltinOperator_MINIMUM,
                      TF_LITE_MICRO_MESSAGE_TEXT("MINIMUM"), registration,
                      ParseNoOptions);
  }

  TfLiteStatus AddMirrorPad(
      const TfLiteRegistration& registration = Register_MIRROR_PAD()) {
    return AddBuiltin(BuiltinOperator_MIRROR_PAD,
                      TF_LITE_MICRO_MESSAGE_TEXT("MIRROR_PAD"), registration,
                      ParseMirrorPad);
  }

  TfLiteStatus AddMul(
      const TfLiteRegistration& registration = Register_MUL()) {
    return AddBuiltin(BuiltinOperator_MUL, TF_LITE_MICRO_MESSAGE_TEXT("MUL"),
                      registration, ParseMul);
  }

  TfLiteStatus AddNeg(
      const TfLiteRegistration& registration = Register_NEG()) {
    return AddBuiltin(BuiltinOperator_NEG, TF_LITE_MICRO_MESSAGE_TEXT("NEG"),
                      registration, ParseNoOptions);
  }

  TfLiteStatus AddNotEqual(
      const TfLiteRegistration& registration = Register_NOT_EQUAL()) {
    return AddBuiltin(BuiltinOperator_NOT_EQUAL,
                      TF_LITE_MICRO_MESSAGE_TEXT("NOT_EQUAL"), registration,
                      ParseNoOptions);
  }

  TfLiteStatus AddPack(
      const TfLiteRegistration& registration = Register_PACK()) {
    return AddBuiltin(BuiltinOperator_PACK, TF_LITE_MICRO_MESSAGE_TEXT("PACK"),
                      registration, ParsePack);
  }

  TfLiteStatus AddPad(
      const TfLiteRegistration& registration = Register_PAD()) {
    return AddBuiltin(BuiltinOperator_PAD, TF_LITE_MICRO_MESSAGE_TEXT("PAD"),
                      registration, ParseNoOptions);
  }

  TfLiteStatus AddPadV2(
      const TfLiteRegistration& registration = Register_PADV2()) {
    return AddBuiltin(BuiltinOperator_PADV2,
                      TF_LITE_MICRO_MESSAGE_TEXT("PADV2"), registration,
                      ParseNoOptions);
  }

  TfLiteStatus AddPow(
      const TfLiteRegistration& registration = Register_POW()) {
    return AddBuiltin(BuiltinOperator_POW, TF_LITE_MICRO_MESSAGE_TEXT("POW"),
                      registration, ParseNoOptions);
  }

  TfLiteStatus AddPrelu(
      const TfLiteRegistration& registration = Register_PRELU()) {
    return AddBuiltin(BuiltinOperator_PRELU,
                      TF_LITE_MICRO_MESSAGE_TEXT("PRELU"), registration,
                      ParseNoOptions);
  }

  TfLiteStatus AddQuantize(
      const TfLiteRegistration& registration = Register_QUANTIZE()) {
    return AddBuiltin(BuiltinOperator_QUANTIZE,
                      TF_LITE_MICRO_MESSAGE_TEXT("QUANTIZE"), registration,
                      ParseNoOptions);
  }

  TfLiteStatus AddReadVariable(
      const TfLiteRegistration& registration = Register_READ_VARIABLE()) {
    return AddBuiltin(BuiltinOperator_READ_VARIABLE,
                      TF_LITE_MICRO_MESSAGE_TEXT("READ_VARIABLE"), registration,
                      ParseNoOptions);
  }

  TfLiteStatus AddReduceMax(
      const TfLiteRegistration& registration = Register_REDUCE_MAX()) {
    return AddBuiltin(BuiltinOperator_REDUCE_MAX,
                      TF_LITE_MICRO_MESSAGE_TEXT("REDUCE_MAX"), registration,
                      ParseReducer);
  }

  TfLiteStatus AddReduceMin(
      const TfLiteRegistration& registration = Register_REDUCE_MIN()) {
    return AddBuiltin(BuiltinOperator_REDUCE_MIN,
                      TF_LITE_MICRO_MESSAGE_TEXT("REDUCE_MIN"), registration,
                      ParseReducer);
  }

  TfLiteStatus AddReduceProd(
      const TfLiteRegistration& registration = Register_REDUCE_PROD()) {
    return AddBuiltin(BuiltinOperator_REDUCE_PROD,
                      TF_LITE_MICRO_MESSAGE_TEXT("REDUCE_PROD"), registration,
                      ParseReducer);
  }

  TfLiteStatus AddRelu(
      const TfLiteRegistration& registration = Register_RELU()) {
    return AddBuiltin(BuiltinOperator_RELU, TF_LITE_MICRO_MESSAGE_TEXT("RELU"),
                      registration, ParseNoOptions);
  }

  TfLiteStatus AddRelu6(
      const TfLiteRegistration& registration = Register_RELU6()) {
    return AddBuiltin(BuiltinOperator_RELU6,
                      TF_LITE_MICRO_MESSAGE_TEXT("RELU6"), registration,
                      ParseNoOptions);
  }

  TfLiteStatus AddReluN1To1(
      const TfLiteRegistration& registration = Register_RELU_N1_TO_1()) {
    return AddBuiltin(BuiltinOperator_RELU_N1_TO_1,
                      TF_LITE_MICRO_MESSAGE_TEXT("RELU_N1_TO_1"), registration,
                      ParseNoOptions);
  }

  TfLiteStatus AddReshape(
      const TfLiteRegistration& registration = Register_RESHAPE()) {
    return AddBuiltin(BuiltinOperator_RESHAPE,
                      TF_LITE_MICRO_MESSAGE_TEXT("RESHAPE"), registration,
                      ParseReshape);
  }

  TfLiteStatus AddResizeBilinear(
      const TfLiteRegistration& registration = Register_RESIZE_BILINEAR()) {
    return AddBuiltin(BuiltinOperator_RESIZE_BILINEAR,
                      TF_LITE_MICRO_MESSAGE_TEXT("RESIZE_BILINEAR"),
                      registration, ParseResizeBilinear);
  }

  TfLiteStatus AddResizeNearestNeighbor(
      const TfLiteRegistration& registration = Register_RESIZE_NEAREST_NEIGHBOR()) {
    return AddBuiltin(BuiltinOperator_RESIZE_NEAREST_NEIGHBOR,
                      TF_LITE_MICRO_MESSAGE_TEXT("RESIZE_NEAREST_NEIGHBOR"),
                      registration, ParseResizeNearestNeighbor);
  }

  TfLiteStatus AddReverseV2(
      const TfLiteRegistration& registration = Register_REVERSE_V2()) {
    return AddBuiltin(BuiltinOperator_REVERSE_V2,
                      TF_LITE_MICRO_MESSAGE_TEXT("REVERSE_V2"), registration,
                      ParseNoOptions);
  }

  TfLiteStatus AddRound(
      const TfLiteRegistration& registration = Register_ROUND()) {
    return AddBuiltin(BuiltinOperator_ROUND,
                      TF_LITE_MICRO_MESSAGE_TEXT("ROUND"), registration,
                      ParseNoOptions);
  }

  TfLiteStatus AddRsqrt(
      const TfLiteRegistration& registration = Register_RSQRT()) {
    return AddBuiltin(BuiltinOperator_RSQRT,
                      TF_LITE_MICRO_MESSAGE_TEXT("RSQRT"), registration,
                      ParseNoOptions);
  }

  TfLiteStatus AddSelectV2(
      const TfLiteRegistration& registration = Register_SELECT_V2()) {
    return AddBuiltin(BuiltinOperator_SELECT_V2,
                      TF_LITE_MICRO_MESSAGE_TEXT("SELECT_V2"), registration,
                      ParseNoOptions);
  }

  TfLiteStatus AddShape(
      const TfLiteRegistration& registration = Register_SHAPE()) {
    return AddBuiltin(BuiltinOperator_SHAPE,
                      TF_LITE_MICRO_MESSAGE_TEXT("SHAPE"), registration,
                      ParseShape);
  }

  TfLiteStatus AddSin(
      const TfLiteRegistration& registration = Register_SIN()) {
    return AddBuiltin(BuiltinOperator_SIN, TF_LITE_MICRO_MESSAGE_TEXT("SIN"),
                      registration, ParseNoOptions);
  }

  TfLiteStatus AddSlice(
      const TfLiteRegistration& registration = Register_SLICE()) {
    return AddBuiltin(BuiltinOperator_SLICE,
                      TF_LITE_MICRO_MESSAGE_TEXT("SLICE"), registration,
                      ParseNoOptions);
  }

  TfLiteStatus AddSoftmax(
      const TfLiteRegistration& registration = Register_SOFTMAX()) {
    return AddBuiltin(BuiltinOperator_SOFTMAX,
                      TF_LITE_MICRO_MESSAGE_TEXT("SOFTMAX"), registration,
                      ParseSoftmax);
  }

  TfLiteStatus AddSpaceToBatchNd(
      const TfLiteRegistration& registration = Register_SPACE_TO_BATCH_ND()) {
    return AddBuiltin(BuiltinOperator_SPACE_TO_BATCH_ND,
                      TF_LITE_MICRO_MESSAGE_TEXT("SPACE_TO_BATCH_ND"),
                      registration, ParseNoOptions);
  }

  TfLiteStatus AddSpaceToDepth(
      const TfLiteRegistration& registration = Register_SPACE_TO_DEPTH()) {
    return AddBuiltin(BuiltinOperator_SPACE_TO_DEPTH,
                      TF_LITE_MICRO_MESSAGE_TEXT("SPACE_TO_DEPTH"),
                      registration, ParseSpaceToDepth);
  }

  TfLiteStatus AddSplit(
      const TfLiteRegistration& registration = Register_SPLIT()) {
    return AddBuiltin(BuiltinOperator_SPLIT,
                      TF_LITE_MICRO_MESSAGE_TEXT("SPLIT"), registration,
                      ParseSplit);
  }

  TfLiteStatus AddSplitV(
      const TfLiteRegistration& registration = Register_SPLIT_V()) {
    return AddBuiltin(BuiltinOperator_SPLIT_V,
                      TF_LITE_MICRO_MESSAGE_TEXT("SPLIT_V"), registration,
                      ParseSplitV);
  }

  TfLiteStatus AddSqrt(
      const TfLiteRegistration& registration = Register_SQRT()) {
    return AddBuiltin(BuiltinOperator_SQRT, TF_LITE_MICRO_MESSAGE_TEXT("SQRT"),
                      registration, ParseNoOptions);
  }

  TfLiteStatus AddSquare(
      const TfLiteRegistration& registration = Register_SQUARE()) {
    return AddBuiltin(BuiltinOperator_SQUARE,
                      TF_LITE_MICRO_MESSAGE_TEXT("SQUARE"), registration,
                      ParseNoOptions);
  }

  TfLiteStatus AddSquaredDifference(
      const TfLiteRegistration& registration = Register_SQUARED_DIFFERENCE()) {
    return AddBuiltin(BuiltinOperator_SQUARED_DIFFERENCE,
                      TF_LITE_MICRO_MESSAGE_TEXT("SQUARED_DIFFERENCE"),
                      registration, ParseNoOptions);
  }

  TfLiteStatus AddSqueeze(
      const TfLiteRegistration& registration = Register_SQUEEZE()) {
    return AddBuiltin(BuiltinOperator_SQUEEZE,
                      TF_LITE_MICRO_MESSAGE_TEXT("SQUEEZE"), registration,
                      ParseSqueeze);
  }

  TfLiteStatus AddStridedSlice(
      const TfLiteRegistration& registration = Register_STRIDED_SLICE()) {
    return AddBuiltin(BuiltinOperator_STRIDED_SLICE,
                      TF_LITE_MICRO_MESSAGE_TEXT("STRIDED_SLICE"), registration,
                      ParseStridedSlice);
  }

  TfLiteStatus AddSub(
      const TfLiteRegistration& registration = Register_SUB()) {
    return AddBuiltin(BuiltinOperator_SUB, TF_LITE_MICRO_MESSAGE_TEXT("SUB"),
                      registration, ParseSub);
  }

  TfLiteStatus AddSum(
      const TfLiteRegistration& registration = Register_SUM()) {
    return AddBuiltin(BuiltinOperator_SUM, TF_LITE_MICRO_MESSAGE_TEXT("SUM"),
                      registration, ParseReducer);
  }

  TfLiteStatus AddSvdf(
      const TfLiteRegistration& registration = Register_SVDF()) {
    return AddBuiltin(BuiltinOperator_SVDF, TF_LITE_MICRO_MESSAGE_TEXT("SVDF"),
                      registration, ParseSvdf);
  }

  TfLiteStatus AddTanh(
      const TfLiteRegistration& registration = Register_TANH()) {
    return AddBuiltin(BuiltinOperator_TANH, TF_LITE_MICRO_MESSAGE_TEXT("TANH"),
                      registration, ParseNoOptions);
  }

  TfLiteStatus AddTranspose(
      const TfLiteRegistration& registration = Register_TRANSPOSE()) {
    return AddBuiltin(BuiltinOperator_TRANSPOSE,
                      TF_LITE_MICRO_MESSAGE_TEXT("TRANSPOSE"), registration,
                      ParseNoOptions);
  }

  TfLiteStatus AddTransposeConv(
      const TfLiteRegistration& registration = Register_TRANSPOSE_CONV()) {
    return AddBuiltin(BuiltinOperator_TRANSPOSE_CONV,
                      TF_LITE_MICRO_MESSAGE_TEXT("TRANSPOSE_CONV"),
                      registration, ParseTransposeConv);
  }

  TfLiteStatus AddUnidirectionalSequenceLSTM(
      const TfLiteRegistration& registration = Register_UNIDIRECTIONAL_SEQUENCE_LSTM()) {
    return AddBuiltin(
        BuiltinOperator_UNIDIRECTIONAL_SEQUENCE_LSTM,
        TF_LITE_MICRO_MESSAGE_TEXT("UNIDIRECTIONAL_SEQUENCE_LSTM"),
        registration, ParseUnidirectionalSequenceLSTM);
  }

  TfLiteStatus AddUnpack(
      const TfLiteRegistration& registration = Register_UNPACK()) {
    return AddBuiltin(BuiltinOperator_UNPACK,
                      TF_LITE_MICRO_MESSAGE_TEXT("UNPACK"), registration,
                      ParseUnpack);
  }

  TfLiteStatus AddVarHandle(
      const TfLiteRegistration& registration = Register_VAR_HANDLE()) {
    return AddBuiltin(BuiltinOperator_VAR_HANDLE,
                      TF_LITE_MICRO_MESSAGE_TEXT("VAR_HANDLE"), registration,
                      ParseVarHandle);
  }

  TfLiteStatus AddWhile(
      const TfLiteRegistration& registration = Register_WHILE()) {
    return AddBuiltin(BuiltinOperator_WHILE,
                      TF_LITE_MICRO_MESSAGE_TEXT("WHILE"), registration,
                      ParseWhile);
  }

  TfLiteStatus AddZerosLike(
      const TfLiteRegistration& registration = Register_ZEROS_LIKE()) {
    return AddBuiltin(BuiltinOperator_ZEROS_LIKE,
                      TF_LITE_MICRO_MESSAGE_TEXT("ZEROS_LIKE"), registration,
                      ParseNoOptions);
  }

  // Registers `registration` for builtin `op`, with `parser` for its options.
  TfLiteStatus AddBuiltin(BuiltinOperator op,
                          const TfLiteRegistration& registration,
                          BuiltinParseFunction parser) {
    return AddBuiltin(op, nullptr, registration, parser);
  }
  // The same with the op's name for messages (nullptr: none).
  TfLiteStatus AddBuiltin(BuiltinOperator op, const char* name,
                          const TfLiteRegistration& registration,
                          BuiltinParseFunction parser) {
    if (op == BuiltinOperator_CUSTOM) {
      MicroPrintf("Use AddCustom to register a custom op");
      return kTfLiteError;
    }
    if (FindOp(op) != nullptr) {
      MicroPrintf("Builtin op %s (code %d) is already registered",
                  name != nullptr ? name : "", static_cast<int>(op));
      return kTfLiteError;
    }
    if (registrations_len_ >= tOpCount || num_builtin_ops_ >= tOpCount) {
      MicroPrintf(
          "Op resolver is full (%u ops); cannot add %s (code %d). Raise the "
          "MicroMutableOpResolver template parameter.",
          tOpCount, name != nullptr ? name : "", static_cast<int>(op));
      return kTfLiteError;
    }
#if !defined(TF_LITE_STRIP_ERROR_STRINGS)
    builtin_names_[num_builtin_ops_] = name;
#endif
    TfLiteRegistration* entry = &registrations_[registrations_len_++];
    *entry = registration;
    entry->builtin_code = op;
    entry->custom_name = nullptr;
    builtin_codes_[num_builtin_ops_] = op;
    builtin_parsers_[num_builtin_ops_] = parser;
    ++num_builtin_ops_;
    return kTfLiteOk;
  }

 private:
  TfLiteRegistration registrations_[tOpCount] = {};
  unsigned int registrations_len_ = 0;
  BuiltinOperator builtin_codes_[tOpCount] = {};
  BuiltinParseFunction builtin_parsers_[tOpCount] = {};
#if !defined(TF_LITE_STRIP_ERROR_STRINGS)
  const char* builtin_names_[tOpCount] = {};
#endif
  unsigned int num_builtin_ops_ = 0;
};

}  // namespace tflite

#endif  // TENSORFLOW_LITE_MICRO_MICRO_MUTABLE_OP_RESOLVER_H_
