#include "tensorflow/lite/core/api/flatbuffer_conversions.h"

#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace {

TfLiteFusedActivation ConvertActivation(ActivationFunctionType activation) {
  switch (activation) {
    case ActivationFunctionType_NONE:
      return kTfLiteActNone;
    case ActivationFunctionType_RELU:
      return kTfLiteActRelu;
    case ActivationFunctionType_RELU_N1_TO_1:
      return kTfLiteActReluN1To1;
    case ActivationFunctionType_RELU6:
      return kTfLiteActRelu6;
    case ActivationFunctionType_TANH:
      return kTfLiteActTanh;
    case ActivationFunctionType_SIGN_BIT:
      return kTfLiteActSignBit;
  }
  return kTfLiteActNone;
}

TfLitePadding ConvertPadding(Padding padding) {
  switch (padding) {
    case Padding_SAME:
      return kTfLitePaddingSame;
    case Padding_VALID:
      return kTfLitePaddingValid;
  }
  return kTfLitePaddingUnknown;
}

// Allocates the params struct and hands it to the caller on success.
template <typename Params>
class ParamsHolder {
 public:
  explicit ParamsHolder(BuiltinDataAllocator* allocator)
      : params_(allocator->AllocatePOD<Params>()) {}
  Params* get() { return params_; }
  TfLiteStatus Release(void** builtin_data) {
    if (params_ == nullptr) {
      MicroPrintf("Arena too small to hold operator options");
      return kTfLiteError;
    }
    *builtin_data = params_;
    return kTfLiteOk;
  }

 private:
  Params* params_;
};

// The op's options table, its fields verified first when the caller gave a
// verifier. A malformed table reads as absent, and the allocator remembers
// it (the caller reports it).
// (Builds without the model checks trust the model: no verifier code.)
template <typename Options>
const Options* VerifiedOptions(const Options* options,
                               BuiltinDataAllocator* allocator) {
#if !defined(TF_LITE_MICRO_SKIP_MODEL_CHECKS)
  flatbuffers::Verifier* verifier = allocator->options_verifier();
  if (options != nullptr && verifier != nullptr &&
      !verifier->VerifyTable(options)) {
    allocator->set_options_malformed();
    return nullptr;
  }
#else
  (void)allocator;
#endif
  return options;
}

// Shared by ParseArgMax / ParseArgMin / ParseShape.
TfLiteStatus ConvertOutputType(TensorType type, TfLiteType* out,
                               const char* op_name) {
  if (ConvertTensorType(type, out) != kTfLiteOk) {
    MicroPrintf("%s: unsupported output type %d", op_name,
                static_cast<int>(type));
    return kTfLiteError;
  }
  return kTfLiteOk;
}

// Copies an optional int vector into a fixed array; errors if it is too long.
TfLiteStatus CopyIntVector(const flatbuffers::Vector<int32_t>* source,
                           int capacity, int* destination, int* count,
                           const char* op_name) {
  *count = 0;
  if (source == nullptr) return kTfLiteOk;
  if (static_cast<int>(source->size()) > capacity) {
    MicroPrintf("%s: %u dimensions given, at most %d supported", op_name,
                static_cast<unsigned>(source->size()), capacity);
    return kTfLiteError;
  }
  for (flatbuffers::uoffset_t i = 0; i < source->size(); ++i) {
    destination[i] = source->Get(i);
  }
  *count = static_cast<int>(source->size());
  return kTfLiteOk;
}

}  // namespace

TfLiteStatus ConvertTensorType(TensorType tensor_type, TfLiteType* type) {
  switch (tensor_type) {
    case TensorType_FLOAT16:
      *type = kTfLiteFloat16;
      return kTfLiteOk;
    case TensorType_FLOAT32:
      *type = kTfLiteFloat32;
      return kTfLiteOk;
    case TensorType_FLOAT64:
      *type = kTfLiteFloat64;
      return kTfLiteOk;
    case TensorType_INT16:
      *type = kTfLiteInt16;
      return kTfLiteOk;
    case TensorType_UINT16:
      *type = kTfLiteUInt16;
      return kTfLiteOk;
    case TensorType_INT32:
      *type = kTfLiteInt32;
      return kTfLiteOk;
    case TensorType_UINT32:
      *type = kTfLiteUInt32;
      return kTfLiteOk;
    case TensorType_UINT8:
      *type = kTfLiteUInt8;
      return kTfLiteOk;
    case TensorType_INT8:
      *type = kTfLiteInt8;
      return kTfLiteOk;
    case TensorType_INT64:
      *type = kTfLiteInt64;
      return kTfLiteOk;
    case TensorType_UINT64:
      *type = kTfLiteUInt64;
      return kTfLiteOk;
    case TensorType_STRING:
      *type = kTfLiteString;
      return kTfLiteOk;
    case TensorType_BOOL:
      *type = kTfLiteBool;
      return kTfLiteOk;
    case TensorType_COMPLEX64:
      *type = kTfLiteComplex64;
      return kTfLiteOk;
    case TensorType_COMPLEX128:
      *type = kTfLiteComplex128;
      return kTfLiteOk;
    case TensorType_RESOURCE:
      *type = kTfLiteResource;
      return kTfLiteOk;
    case TensorType_VARIANT:
      *type = kTfLiteVariant;
      return kTfLiteOk;
    case TensorType_INT4:
      *type = kTfLiteInt4;
      return kTfLiteOk;
  }
  *type = kTfLiteNoType;
  return kTfLiteError;
}

TfLiteStatus ParseNoOptions(const Operator*, BuiltinDataAllocator*,
                            void** builtin_data) {
  *builtin_data = nullptr;
  return kTfLiteOk;
}

TfLiteStatus ParseAdd(const Operator* op, BuiltinDataAllocator* allocator,
                      void** builtin_data) {
  ParamsHolder<TfLiteAddParams> params(allocator);
  if (params.get() != nullptr) {
    params.get()->pot_scale_int16 = true;
    if (const auto* options = VerifiedOptions(op->builtin_options_as_AddOptions(), allocator)) {
      params.get()->activation =
          ConvertActivation(options->fused_activation_function());
      params.get()->pot_scale_int16 = options->pot_scale_int16();
    }
  }
  return params.Release(builtin_data);
}

TfLiteStatus ParseArgMax(const Operator* op, BuiltinDataAllocator* allocator,
                         void** builtin_data) {
  ParamsHolder<TfLiteArgMaxParams> params(allocator);
  if (params.get() != nullptr) {
    params.get()->output_type = kTfLiteInt64;
    if (const auto* options = VerifiedOptions(op->builtin_options_as_ArgMaxOptions(), allocator)) {
      TF_LITE_ENSURE_STATUS(ConvertOutputType(
          options->output_type(), &params.get()->output_type, "ARG_MAX"));
    }
  }
  return params.Release(builtin_data);
}

TfLiteStatus ParseArgMin(const Operator* op, BuiltinDataAllocator* allocator,
                         void** builtin_data) {
  ParamsHolder<TfLiteArgMinParams> params(allocator);
  if (params.get() != nullptr) {
    params.get()->output_type = kTfLiteInt64;
    if (const auto* options = VerifiedOptions(op->builtin_options_as_ArgMinOptions(), allocator)) {
      TF_LITE_ENSURE_STATUS(ConvertOutputType(
          options->output_type(), &params.get()->output_type, "ARG_MIN"));
    }
  }
  return params.Release(builtin_data);
}

TfLiteStatus ParseBatchMatMul(const Operator* op,
                              BuiltinDataAllocator* allocator,
                              void** builtin_data) {
  ParamsHolder<TfLiteBatchMatMulParams> params(allocator);
  if (params.get() != nullptr) {
    if (const auto* options = VerifiedOptions(op->builtin_options_as_BatchMatMulOptions(), allocator)) {
      params.get()->adj_x = options->adj_x();
      params.get()->adj_y = options->adj_y();
      params.get()->asymmetric_quantize_inputs =
          options->asymmetric_quantize_inputs();
    }
  }
  return params.Release(builtin_data);
}

TfLiteStatus ParseCallOnce(const Operator* op, BuiltinDataAllocator* allocator,
                           void** builtin_data) {
  ParamsHolder<TfLiteCallOnceParams> params(allocator);
  if (params.get() != nullptr) {
    if (const auto* options = VerifiedOptions(op->builtin_options_as_CallOnceOptions(), allocator)) {
      params.get()->init_subgraph_index = options->init_subgraph_index();
    }
  }
  return params.Release(builtin_data);
}

TfLiteStatus ParseCast(const Operator* op, BuiltinDataAllocator* allocator,
                       void** builtin_data) {
  ParamsHolder<TfLiteCastParams> params(allocator);
  if (params.get() != nullptr) {
    if (const auto* options = VerifiedOptions(op->builtin_options_as_CastOptions(), allocator)) {
      // Informational only: kernels use the tensors' types.
      ConvertTensorType(options->in_data_type(), &params.get()->in_data_type);
      ConvertTensorType(options->out_data_type(),
                        &params.get()->out_data_type);
    }
  }
  return params.Release(builtin_data);
}

TfLiteStatus ParseConcatenation(const Operator* op,
                                BuiltinDataAllocator* allocator,
                                void** builtin_data) {
  ParamsHolder<TfLiteConcatenationParams> params(allocator);
  if (params.get() != nullptr) {
    if (const auto* options = VerifiedOptions(op->builtin_options_as_ConcatenationOptions(), allocator)) {
      params.get()->activation =
          ConvertActivation(options->fused_activation_function());
      params.get()->axis = options->axis();
    }
  }
  return params.Release(builtin_data);
}

TfLiteStatus ParseConv2D(const Operator* op, BuiltinDataAllocator* allocator,
                         void** builtin_data) {
  ParamsHolder<TfLiteConvParams> params(allocator);
  if (params.get() != nullptr) {
    params.get()->dilation_width_factor = 1;
    params.get()->dilation_height_factor = 1;
    if (const auto* options = VerifiedOptions(op->builtin_options_as_Conv2DOptions(), allocator)) {
      params.get()->padding = ConvertPadding(options->padding());
      params.get()->stride_width = options->stride_w();
      params.get()->stride_height = options->stride_h();
      params.get()->activation =
          ConvertActivation(options->fused_activation_function());
      params.get()->dilation_width_factor = options->dilation_w_factor();
      params.get()->dilation_height_factor = options->dilation_h_factor();
      ConvertTensorType(options->quantized_bias_type(),
                        &params.get()->quantized_bias_type);
    }
  }
  return params.Release(builtin_data);
}

TfLiteStatus ParseCumsum(const Operator* op, BuiltinDataAllocator* allocator,
                         void** builtin_data) {
  ParamsHolder<TfLiteCumsumParams> params(allocator);
  if (params.get() != nullptr) {
    if (const auto* options = VerifiedOptions(op->builtin_options_as_CumsumOptions(), allocator)) {
      params.get()->exclusive = options->exclusive();
      params.get()->reverse = options->reverse();
    }
  }
  return params.Release(builtin_data);
}

TfLiteStatus ParseDepthToSpace(const Operator* op,
                               BuiltinDataAllocator* allocator,
                               void** builtin_data) {
  ParamsHolder<TfLiteDepthToSpaceParams> params(allocator);
  if (params.get() != nullptr) {
    if (const auto* options = VerifiedOptions(op->builtin_options_as_DepthToSpaceOptions(), allocator)) {
      params.get()->block_size = options->block_size();
    }
  }
  return params.Release(builtin_data);
}

TfLiteStatus ParseDepthwiseConv2D(const Operator* op,
                                  BuiltinDataAllocator* allocator,
                                  void** builtin_data) {
  ParamsHolder<TfLiteDepthwiseConvParams> params(allocator);
  if (params.get() != nullptr) {
    params.get()->dilation_width_factor = 1;
    params.get()->dilation_height_factor = 1;
    if (const auto* options =
            VerifiedOptions(op->builtin_options_as_DepthwiseConv2DOptions(), allocator)) {
      params.get()->padding = ConvertPadding(options->padding());
      params.get()->stride_width = options->stride_w();
      params.get()->stride_height = options->stride_h();
      params.get()->depth_multiplier = options->depth_multiplier();
      params.get()->activation =
          ConvertActivation(options->fused_activation_function());
      params.get()->dilation_width_factor = options->dilation_w_factor();
      params.get()->dilation_height_factor = options->dilation_h_factor();
    }
  }
  return params.Release(builtin_data);
}

TfLiteStatus ParseDiv(const Operator* op, BuiltinDataAllocator* allocator,
                      void** builtin_data) {
  ParamsHolder<TfLiteDivParams> params(allocator);
  if (params.get() != nullptr) {
    if (const auto* options = VerifiedOptions(op->builtin_options_as_DivOptions(), allocator)) {
      params.get()->activation =
          ConvertActivation(options->fused_activation_function());
    }
  }
  return params.Release(builtin_data);
}

TfLiteStatus ParseFullyConnected(const Operator* op,
                                 BuiltinDataAllocator* allocator,
                                 void** builtin_data) {
  ParamsHolder<TfLiteFullyConnectedParams> params(allocator);
  if (params.get() != nullptr) {
    if (const auto* options =
            VerifiedOptions(op->builtin_options_as_FullyConnectedOptions(), allocator)) {
      params.get()->activation =
          ConvertActivation(options->fused_activation_function());
      params.get()->keep_num_dims = options->keep_num_dims();
      params.get()->asymmetric_quantize_inputs =
          options->asymmetric_quantize_inputs();
      ConvertTensorType(options->quantized_bias_type(),
                        &params.get()->quantized_bias_type);
      switch (options->weights_format()) {
        case FullyConnectedOptionsWeightsFormat_DEFAULT:
          params.get()->weights_format =
              kTfLiteFullyConnectedWeightsFormatDefault;
          break;
        case FullyConnectedOptionsWeightsFormat_SHUFFLED4x16INT8:
          params.get()->weights_format =
              kTfLiteFullyConnectedWeightsFormatShuffled4x16Int8;
          break;
        default:
          MicroPrintf("FULLY_CONNECTED: unknown weights format %d",
                      static_cast<int>(options->weights_format()));
          return kTfLiteError;
      }
    }
  }
  return params.Release(builtin_data);
}

TfLiteStatus ParseGather(const Operator* op, BuiltinDataAllocator* allocator,
                         void** builtin_data) {
  ParamsHolder<TfLiteGatherParams> params(allocator);
  if (params.get() != nullptr) {
    if (const auto* options = VerifiedOptions(op->builtin_options_as_GatherOptions(), allocator)) {
      params.get()->axis = options->axis();
      params.get()->batch_dims = options->batch_dims();
    }
  }
  return params.Release(builtin_data);
}

TfLiteStatus ParseGelu(const Operator* op, BuiltinDataAllocator* allocator,
                       void** builtin_data) {
  ParamsHolder<TfLiteGeluParams> params(allocator);
  if (params.get() != nullptr) {
    if (const auto* options = VerifiedOptions(op->builtin_options_as_GeluOptions(), allocator)) {
      params.get()->approximate = options->approximate();
    }
  }
  return params.Release(builtin_data);
}

TfLiteStatus ParseIf(const Operator* op, BuiltinDataAllocator* allocator,
                     void** builtin_data) {
  ParamsHolder<TfLiteIfParams> params(allocator);
  if (params.get() != nullptr) {
    if (const auto* options = VerifiedOptions(op->builtin_options_as_IfOptions(), allocator)) {
      params.get()->then_subgraph_index = options->then_subgraph_index();
      params.get()->else_subgraph_index = options->else_subgraph_index();
    }
  }
  return params.Release(builtin_data);
}

TfLiteStatus ParseL2Normalization(const Operator* op,
                                  BuiltinDataAllocator* allocator,
                                  void** builtin_data) {
  ParamsHolder<TfLiteL2NormParams> params(allocator);
  if (params.get() != nullptr) {
    if (const auto* options = VerifiedOptions(op->builtin_options_as_L2NormOptions(), allocator)) {
      params.get()->activation =
          ConvertActivation(options->fused_activation_function());
    }
  }
  return params.Release(builtin_data);
}

TfLiteStatus ParseLeakyRelu(const Operator* op,
                            BuiltinDataAllocator* allocator,
                            void** builtin_data) {
  ParamsHolder<TfLiteLeakyReluParams> params(allocator);
  if (params.get() != nullptr) {
    if (const auto* options = VerifiedOptions(op->builtin_options_as_LeakyReluOptions(), allocator)) {
      params.get()->alpha = options->alpha();
    }
  }
  return params.Release(builtin_data);
}

TfLiteStatus ParseMirrorPad(const Operator* op,
                            BuiltinDataAllocator* allocator,
                            void** builtin_data) {
  ParamsHolder<TfLiteMirrorPaddingParams> params(allocator);
  if (params.get() != nullptr) {
    params.get()->mode = kTfLiteMirrorPaddingReflect;
    if (const auto* options = VerifiedOptions(op->builtin_options_as_MirrorPadOptions(), allocator)) {
      params.get()->mode = options->mode() == MirrorPadMode_SYMMETRIC
                               ? kTfLiteMirrorPaddingSymmetric
                               : kTfLiteMirrorPaddingReflect;
    }
  }
  return params.Release(builtin_data);
}

TfLiteStatus ParseMul(const Operator* op, BuiltinDataAllocator* allocator,
                      void** builtin_data) {
  ParamsHolder<TfLiteMulParams> params(allocator);
  if (params.get() != nullptr) {
    if (const auto* options = VerifiedOptions(op->builtin_options_as_MulOptions(), allocator)) {
      params.get()->activation =
          ConvertActivation(options->fused_activation_function());
    }
  }
  return params.Release(builtin_data);
}

TfLiteStatus ParsePack(const Operator* op, BuiltinDataAllocator* allocator,
                       void** builtin_data) {
  ParamsHolder<TfLitePackParams> params(allocator);
  if (params.get() != nullptr) {
    if (const auto* options = VerifiedOptions(op->builtin_options_as_PackOptions(), allocator)) {
      params.get()->values_count = options->values_count();
      params.get()->axis = options->axis();
    }
  }
  return params.Release(builtin_data);
}

TfLiteStatus ParsePool(const Operator* op, BuiltinDataAllocator* allocator,
                       void** builtin_data) {
  ParamsHolder<TfLitePoolParams> params(allocator);
  if (params.get() != nullptr) {
    if (const auto* options = VerifiedOptions(op->builtin_options_as_Pool2DOptions(), allocator)) {
      params.get()->padding = ConvertPadding(options->padding());
      params.get()->stride_width = options->stride_w();
      params.get()->stride_height = options->stride_h();
      params.get()->filter_width = options->filter_width();
      params.get()->filter_height = options->filter_height();
      params.get()->activation =
          ConvertActivation(options->fused_activation_function());
    }
  }
  return params.Release(builtin_data);
}

TfLiteStatus ParseReducer(const Operator* op, BuiltinDataAllocator* allocator,
                          void** builtin_data) {
  ParamsHolder<TfLiteReducerParams> params(allocator);
  if (params.get() != nullptr) {
    if (const auto* options = VerifiedOptions(op->builtin_options_as_ReducerOptions(), allocator)) {
      params.get()->keep_dims = options->keep_dims();
    }
  }
  return params.Release(builtin_data);
}

TfLiteStatus ParseReshape(const Operator* op, BuiltinDataAllocator* allocator,
                          void** builtin_data) {
  ParamsHolder<TfLiteReshapeParams> params(allocator);
  if (params.get() != nullptr) {
    if (const auto* options = VerifiedOptions(op->builtin_options_as_ReshapeOptions(), allocator)) {
      TF_LITE_ENSURE_STATUS(CopyIntVector(
          options->new_shape(), TFLITE_RESHAPE_PARAMS_MAX_DIMENSION_COUNT,
          params.get()->shape, &params.get()->num_dimensions, "RESHAPE"));
    }
  }
  return params.Release(builtin_data);
}

TfLiteStatus ParseResizeBilinear(const Operator* op,
                                 BuiltinDataAllocator* allocator,
                                 void** builtin_data) {
  ParamsHolder<TfLiteResizeBilinearParams> params(allocator);
  if (params.get() != nullptr) {
    if (const auto* options =
            VerifiedOptions(op->builtin_options_as_ResizeBilinearOptions(), allocator)) {
      params.get()->align_corners = options->align_corners();
      params.get()->half_pixel_centers = options->half_pixel_centers();
    }
  }
  return params.Release(builtin_data);
}

TfLiteStatus ParseResizeNearestNeighbor(const Operator* op,
                                        BuiltinDataAllocator* allocator,
                                        void** builtin_data) {
  ParamsHolder<TfLiteResizeNearestNeighborParams> params(allocator);
  if (params.get() != nullptr) {
    if (const auto* options =
            VerifiedOptions(op->builtin_options_as_ResizeNearestNeighborOptions(), allocator)) {
      params.get()->align_corners = options->align_corners();
      params.get()->half_pixel_centers = options->half_pixel_centers();
    }
  }
  return params.Release(builtin_data);
}

TfLiteStatus ParseShape(const Operator* op, BuiltinDataAllocator* allocator,
                        void** builtin_data) {
  ParamsHolder<TfLiteShapeParams> params(allocator);
  if (params.get() != nullptr) {
    params.get()->out_type = kTfLiteInt32;
    if (const auto* options = VerifiedOptions(op->builtin_options_as_ShapeOptions(), allocator)) {
      TF_LITE_ENSURE_STATUS(ConvertOutputType(
          options->out_type(), &params.get()->out_type, "SHAPE"));
    }
  }
  return params.Release(builtin_data);
}

TfLiteStatus ParseSoftmax(const Operator* op, BuiltinDataAllocator* allocator,
                          void** builtin_data) {
  ParamsHolder<TfLiteSoftmaxParams> params(allocator);
  if (params.get() != nullptr) {
    params.get()->beta = 1.0f;
    if (const auto* options = VerifiedOptions(op->builtin_options_as_SoftmaxOptions(), allocator)) {
      params.get()->beta = options->beta();
    }
  }
  return params.Release(builtin_data);
}

TfLiteStatus ParseSpaceToDepth(const Operator* op,
                               BuiltinDataAllocator* allocator,
                               void** builtin_data) {
  ParamsHolder<TfLiteSpaceToDepthParams> params(allocator);
  if (params.get() != nullptr) {
    if (const auto* options = VerifiedOptions(op->builtin_options_as_SpaceToDepthOptions(), allocator)) {
      params.get()->block_size = options->block_size();
    }
  }
  return params.Release(builtin_data);
}

TfLiteStatus ParseSplit(const Operator* op, BuiltinDataAllocator* allocator,
                        void** builtin_data) {
  ParamsHolder<TfLiteSplitParams> params(allocator);
  if (params.get() != nullptr) {
    if (const auto* options = VerifiedOptions(op->builtin_options_as_SplitOptions(), allocator)) {
      params.get()->num_splits = options->num_splits();
    }
  }
  return params.Release(builtin_data);
}

TfLiteStatus ParseSplitV(const Operator* op, BuiltinDataAllocator* allocator,
                         void** builtin_data) {
  ParamsHolder<TfLiteSplitVParams> params(allocator);
  if (params.get() != nullptr) {
    if (const auto* options = VerifiedOptions(op->builtin_options_as_SplitVOptions(), allocator)) {
      params.get()->num_splits = options->num_splits();
    }
  }
  return params.Release(builtin_data);
}

TfLiteStatus ParseSqueeze(const Operator* op, BuiltinDataAllocator* allocator,
                          void** builtin_data) {
  ParamsHolder<TfLiteSqueezeParams> params(allocator);
  if (params.get() != nullptr) {
    if (const auto* options = VerifiedOptions(op->builtin_options_as_SqueezeOptions(), allocator)) {
      TF_LITE_ENSURE_STATUS(CopyIntVector(
          options->squeeze_dims(), TFLITE_SQUEEZE_PARAMS_MAX_DIMENSION_COUNT,
          params.get()->squeeze_dims, &params.get()->num_squeeze_dims,
          "SQUEEZE"));
    }
  }
  return params.Release(builtin_data);
}

TfLiteStatus ParseStridedSlice(const Operator* op,
                               BuiltinDataAllocator* allocator,
                               void** builtin_data) {
  ParamsHolder<TfLiteStridedSliceParams> params(allocator);
  if (params.get() != nullptr) {
    if (const auto* options = VerifiedOptions(op->builtin_options_as_StridedSliceOptions(), allocator)) {
      params.get()->begin_mask = options->begin_mask();
      params.get()->end_mask = options->end_mask();
      params.get()->ellipsis_mask = options->ellipsis_mask();
      params.get()->new_axis_mask = options->new_axis_mask();
      params.get()->shrink_axis_mask = options->shrink_axis_mask();
      params.get()->offset = options->offset();
    }
  }
  return params.Release(builtin_data);
}

TfLiteStatus ParseSub(const Operator* op, BuiltinDataAllocator* allocator,
                      void** builtin_data) {
  ParamsHolder<TfLiteSubParams> params(allocator);
  if (params.get() != nullptr) {
    params.get()->pot_scale_int16 = true;
    if (const auto* options = VerifiedOptions(op->builtin_options_as_SubOptions(), allocator)) {
      params.get()->activation =
          ConvertActivation(options->fused_activation_function());
      params.get()->pot_scale_int16 = options->pot_scale_int16();
    }
  }
  return params.Release(builtin_data);
}

TfLiteStatus ParseSvdf(const Operator* op, BuiltinDataAllocator* allocator,
                       void** builtin_data) {
  ParamsHolder<TfLiteSVDFParams> params(allocator);
  if (params.get() != nullptr) {
    if (const auto* options = VerifiedOptions(op->builtin_options_as_SVDFOptions(), allocator)) {
      params.get()->rank = options->rank();
      params.get()->activation =
          ConvertActivation(options->fused_activation_function());
      params.get()->asymmetric_quantize_inputs =
          options->asymmetric_quantize_inputs();
    }
  }
  return params.Release(builtin_data);
}

TfLiteStatus ParseTransposeConv(const Operator* op,
                                BuiltinDataAllocator* allocator,
                                void** builtin_data) {
  ParamsHolder<TfLiteTransposeConvParams> params(allocator);
  if (params.get() != nullptr) {
    if (const auto* options = VerifiedOptions(op->builtin_options_as_TransposeConvOptions(), allocator)) {
      params.get()->padding = ConvertPadding(options->padding());
      params.get()->stride_width = options->stride_w();
      params.get()->stride_height = options->stride_h();
      params.get()->activation =
          ConvertActivation(options->fused_activation_function());
      ConvertTensorType(options->quantized_bias_type(),
                        &params.get()->quantized_bias_type);
    }
  }
  return params.Release(builtin_data);
}

TfLiteStatus ParseUnidirectionalSequenceLSTM(const Operator* op,
                                             BuiltinDataAllocator* allocator,
                                             void** builtin_data) {
  ParamsHolder<TfLiteUnidirectionalSequenceLSTMParams> params(allocator);
  if (params.get() != nullptr) {
    if (const auto* options =
            VerifiedOptions(op->builtin_options_as_UnidirectionalSequenceLSTMOptions(), allocator)) {
      params.get()->activation =
          ConvertActivation(options->fused_activation_function());
      params.get()->cell_clip = options->cell_clip();
      params.get()->proj_clip = options->proj_clip();
      params.get()->time_major = options->time_major();
      params.get()->asymmetric_quantize_inputs =
          options->asymmetric_quantize_inputs();
      params.get()->diagonal_recurrent_tensors =
          options->diagonal_recurrent_tensors();
    }
  }
  return params.Release(builtin_data);
}

TfLiteStatus ParseUnpack(const Operator* op, BuiltinDataAllocator* allocator,
                         void** builtin_data) {
  ParamsHolder<TfLiteUnpackParams> params(allocator);
  if (params.get() != nullptr) {
    if (const auto* options = VerifiedOptions(op->builtin_options_as_UnpackOptions(), allocator)) {
      params.get()->num = options->num();
      params.get()->axis = options->axis();
    }
  }
  return params.Release(builtin_data);
}

TfLiteStatus ParseVarHandle(const Operator* op,
                            BuiltinDataAllocator* allocator,
                            void** builtin_data) {
  ParamsHolder<TfLiteVarHandleParams> params(allocator);
  if (params.get() != nullptr) {
    if (const auto* options = VerifiedOptions(op->builtin_options_as_VarHandleOptions(), allocator)) {
      // Flatbuffer strings are NUL-terminated and live as long as the model.
      if (options->container() != nullptr) {
        params.get()->container = options->container()->c_str();
      }
      if (options->shared_name() != nullptr) {
        params.get()->shared_name = options->shared_name()->c_str();
      }
    }
  }
  return params.Release(builtin_data);
}

TfLiteStatus ParseWhile(const Operator* op, BuiltinDataAllocator* allocator,
                        void** builtin_data) {
  ParamsHolder<TfLiteWhileParams> params(allocator);
  if (params.get() != nullptr) {
    if (const auto* options = VerifiedOptions(op->builtin_options_as_WhileOptions(), allocator)) {
      params.get()->cond_subgraph_index = options->cond_subgraph_index();
      params.get()->body_subgraph_index = options->body_subgraph_index();
    }
  }
  return params.Release(builtin_data);
}

}  // namespace tflite
