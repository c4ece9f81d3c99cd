// RuntimeShape: a tensor shape held inline (no heap), up to kMaxDims dims.
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_RUNTIME_SHAPE_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_RUNTIME_SHAPE_H_

#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <type_traits>

#include "tensorflow/lite/kernels/internal/compatibility.h"

namespace tflite {

class RuntimeShape {
 public:
  // Models with more dimensions are rejected when they are loaded.
  static constexpr int kMaxDims = 8;

  RuntimeShape() : size_(0) {}

  explicit RuntimeShape(int dimensions_count) : size_(dimensions_count) {
    TFLITE_DCHECK_LE(dimensions_count, kMaxDims);
    for (int i = 0; i < size_; ++i) dims_[i] = 0;
  }

  RuntimeShape(int shape_size, int32_t value) : size_(shape_size) {
    TFLITE_DCHECK_LE(shape_size, kMaxDims);
    for (int i = 0; i < size_; ++i) dims_[i] = value;
  }

  // Takes int (TfLiteIntArray's element) and int32_t arrays alike: on
  // arm-none-eabi int32_t is long, a distinct type of the same width.
  template <typename Int, typename = typename std::enable_if<
                              std::is_integral<Int>::value &&
                              sizeof(Int) == sizeof(int32_t)>::type>
  RuntimeShape(int dimensions_count, const Int* dims_data)
      : size_(dimensions_count) {
    TFLITE_DCHECK_LE(dimensions_count, kMaxDims);
    for (int i = 0; i < size_; ++i) dims_[i] = dims_data[i];
  }

  RuntimeShape(std::initializer_list<int> init_list)
      : size_(static_cast<int>(init_list.size())) {
    TFLITE_DCHECK_LE(size_, kMaxDims);
    int i = 0;
    for (int value : init_list) dims_[i++] = value;
  }

  // `shape` left-padded with `pad_value` up to `new_shape_size` dimensions.
  RuntimeShape(int new_shape_size, const RuntimeShape& shape, int pad_value)
      : size_(new_shape_size) {
    TFLITE_DCHECK_GE(new_shape_size, shape.DimensionsCount());
    TFLITE_DCHECK_LE(new_shape_size, kMaxDims);
    const int pad = new_shape_size - shape.DimensionsCount();
    for (int i = 0; i < pad; ++i) dims_[i] = pad_value;
    for (int i = 0; i < shape.DimensionsCount(); ++i) {
      dims_[pad + i] = shape.Dims(i);
    }
  }

  RuntimeShape(const RuntimeShape& other) : size_(other.size_) {
    for (int i = 0; i < size_; ++i) dims_[i] = other.dims_[i];
  }

  RuntimeShape& operator=(const RuntimeShape& other) {
    size_ = other.size_;
    for (int i = 0; i < size_; ++i) dims_[i] = other.dims_[i];
    return *this;
  }

  bool operator==(const RuntimeShape& other) const {
    if (size_ != other.size_) return false;
    for (int i = 0; i < size_; ++i) {
      if (dims_[i] != other.dims_[i]) return false;
    }
    return true;
  }
  bool operator!=(const RuntimeShape& other) const { return !(*this == other); }

  static RuntimeShape ExtendedShape(int new_shape_size,
                                    const RuntimeShape& shape) {
    return RuntimeShape(new_shape_size, shape, 1);
  }

  int32_t DimensionsCount() const { return size_; }
  int32_t Dims(int i) const {
    TFLITE_DCHECK_GE(i, 0);
    TFLITE_DCHECK_LT(i, size_);
    return dims_[i];
  }
  void SetDim(int i, int32_t value) {
    TFLITE_DCHECK_GE(i, 0);
    TFLITE_DCHECK_LT(i, size_);
    dims_[i] = value;
  }
  int32_t* DimsData() { return dims_; }
  const int32_t* DimsData() const { return dims_; }

  void Resize(int dimensions_count) {
    TFLITE_DCHECK_LE(dimensions_count, kMaxDims);
    size_ = dimensions_count;
  }

  template <typename Int, typename = typename std::enable_if<
                              std::is_integral<Int>::value &&
                              sizeof(Int) == sizeof(int32_t)>::type>
  void ReplaceWith(int dimensions_count, const Int* dims_data) {
    Resize(dimensions_count);
    for (int i = 0; i < size_; ++i) dims_[i] = dims_data[i];
  }

  int FlatSize() const {
    int product = 1;
    for (int i = 0; i < size_; ++i) product *= dims_[i];
    return product;
  }

 private:
  int32_t size_;
  int32_t dims_[kMaxDims];
};

// Row-major offset of element (i0, i1, i2, i3) in a 4-D shape.
inline int Offset(const RuntimeShape& shape, int i0, int i1, int i2, int i3) {
  TFLITE_DCHECK_EQ(shape.DimensionsCount(), 4);
  const int32_t* d = shape.DimsData();
  return ((i0 * d[1] + i1) * d[2] + i2) * d[3] + i3;
}

inline int Offset(const RuntimeShape& shape, int i0, int i1, int i2, int i3,
                  int i4) {
  TFLITE_DCHECK_EQ(shape.DimensionsCount(), 5);
  const int32_t* d = shape.DimsData();
  return (((i0 * d[1] + i1) * d[2] + i2) * d[3] + i3) * d[4] + i4;
}

inline int Offset(const RuntimeShape& shape, const int* index) {
  int offset = 0;
  for (int i = 0; i < shape.DimensionsCount(); ++i) {
    offset = offset * shape.Dims(i) + index[i];
  }
  return offset;
}

// Product of all dimensions except `skip_dim`.
inline int FlatSizeSkipDim(const RuntimeShape& shape, int skip_dim) {
  int product = 1;
  for (int i = 0; i < shape.DimensionsCount(); ++i) {
    if (i != skip_dim) product *= shape.Dims(i);
  }
  return product;
}

inline int MatchingDim(const RuntimeShape& shape1, int index1,
                       const RuntimeShape& shape2, int index2) {
  TFLITE_DCHECK_EQ(shape1.Dims(index1), shape2.Dims(index2));
  (void)shape2;
  (void)index2;
  return shape1.Dims(index1);
}

template <typename... Args>
int MatchingDim(const RuntimeShape& shape1, int index1,
                const RuntimeShape& shape2, int index2, Args... args) {
  TFLITE_DCHECK_EQ(shape1.Dims(index1), shape2.Dims(index2));
  (void)shape2;
  (void)index2;
  return MatchingDim(shape1, index1, args...);
}

inline int MatchingFlatSize(const RuntimeShape& shape,
                            const RuntimeShape& check_shape_0) {
  TFLITE_DCHECK_EQ(shape.FlatSize(), check_shape_0.FlatSize());
  (void)check_shape_0;
  return shape.FlatSize();
}

inline int MatchingFlatSize(const RuntimeShape& shape,
                            const RuntimeShape& check_shape_0,
                            const RuntimeShape& check_shape_1) {
  TFLITE_DCHECK_EQ(shape.FlatSize(), check_shape_0.FlatSize());
  TFLITE_DCHECK_EQ(shape.FlatSize(), check_shape_1.FlatSize());
  (void)check_shape_0;
  (void)check_shape_1;
  return shape.FlatSize();
}

inline int MatchingFlatSizeSkipDim(const RuntimeShape& shape, int skip_dim,
                                   const RuntimeShape& check_shape_0) {
  (void)check_shape_0;
  return FlatSizeSkipDim(shape, skip_dim);
}

inline int MatchingFlatSizeSkipDim(const RuntimeShape& shape, int skip_dim,
                                   const RuntimeShape& check_shape_0,
                                   const RuntimeShape& check_shape_1) {
  (void)check_shape_0;
  (void)check_shape_1;
  return FlatSizeSkipDim(shape, skip_dim);
}

}  // namespace tflite

#endif  // TENSORFLOW_LITE_KERNELS_INTERNAL_RUNTIME_SHAPE_H_
