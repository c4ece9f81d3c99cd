// Compile-time mapping between C++ element types and TfLiteType, as TFLite
// and TFLM kernels and tests use it: typeToTfLiteType<int8_t>() is
// kTfLiteInt8, TfLiteTypeToType<kTfLiteInt8>::Type is int8_t.
#ifndef TENSORFLOW_LITE_PORTABLE_TYPE_TO_TFLITETYPE_H_
#define TENSORFLOW_LITE_PORTABLE_TYPE_TO_TFLITETYPE_H_

#include <cstdint>
#include <type_traits>

#include "tensorflow/lite/core/c/common.h"

namespace tflite {

namespace type_map_internal {
template <typename T, TfLiteType kType>
struct Pair {
  using Type = T;
  static constexpr TfLiteType kValue = kType;
};
// One row per supported type; the first row whose C++ type matches wins.
using Rows = void (*)(Pair<float, kTfLiteFloat32>, Pair<double, kTfLiteFloat64>,
                      Pair<int8_t, kTfLiteInt8>, Pair<uint8_t, kTfLiteUInt8>,
                      Pair<int16_t, kTfLiteInt16>,
                      Pair<uint16_t, kTfLiteUInt16>,
                      Pair<int32_t, kTfLiteInt32>,
                      Pair<uint32_t, kTfLiteUInt32>,
                      Pair<int64_t, kTfLiteInt64>,
                      Pair<uint64_t, kTfLiteUInt64>, Pair<bool, kTfLiteBool>,
                      Pair<TfLiteFloat16, kTfLiteFloat16>,
                      Pair<TfLiteComplex64, kTfLiteComplex64>,
                      Pair<TfLiteComplex128, kTfLiteComplex128>);

template <typename T, typename... Rest>
struct ByType;
template <typename T>
struct ByType<T> {
  static constexpr TfLiteType kValue = kTfLiteNoType;
};
template <typename T, typename Row, typename... Rest>
struct ByType<T, Row, Rest...> {
  static constexpr TfLiteType kValue =
      std::is_same<T, typename Row::Type>::value ? Row::kValue
                                                 : ByType<T, Rest...>::kValue;
};

template <TfLiteType kType, typename... Rest>
struct ByEnum;
template <TfLiteType kType>
struct ByEnum<kType> {
  using Type = void;
};
template <TfLiteType kType, typename Row, typename... Rest>
struct ByEnum<kType, Row, Rest...> {
  using Type = typename std::conditional<
      Row::kValue == kType, typename Row::Type,
      typename ByEnum<kType, Rest...>::Type>::type;
};

template <typename Signature>
struct Table;
template <typename... Row>
struct Table<void (*)(Row...)> {
  template <typename T>
  using TypeOf = ByType<typename std::remove_cv<T>::type, Row...>;
  template <TfLiteType kType>
  using EnumOf = ByEnum<kType, Row...>;
};
}  // namespace type_map_internal

// kTfLiteNoType for types without a TfLiteType.
template <typename T>
constexpr TfLiteType typeToTfLiteType() {
  return type_map_internal::Table<
      type_map_internal::Rows>::template TypeOf<T>::kValue;
}

// `Type` is void for TfLiteTypes without a fixed C++ element type.
template <TfLiteType kType>
struct TfLiteTypeToType {
  using Type = typename type_map_internal::Table<
      type_map_internal::Rows>::template EnumOf<kType>::Type;
};

}  // namespace tflite

#endif  // TENSORFLOW_LITE_PORTABLE_TYPE_TO_TFLITETYPE_H_
