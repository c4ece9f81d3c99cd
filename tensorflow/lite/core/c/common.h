// C types shared by the interpreter core and kernels: tensors, nodes, the
// kernel context and registrations. Names and fields follow the TensorFlow
// Lite C API so that kernels written for TFLM compile unchanged; the layout is
// this project's own (it is a source-level, not binary, interface).
#ifndef TENSORFLOW_LITE_CORE_C_COMMON_H_
#define TENSORFLOW_LITE_CORE_C_COMMON_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum TfLiteStatus {
  kTfLiteOk = 0,
  kTfLiteError = 1,
  kTfLiteDelegateError = 2,
  kTfLiteApplicationError = 3,
  kTfLiteDelegateDataNotFound = 4,
  kTfLiteDelegateDataWriteError = 5,
  kTfLiteDelegateDataReadError = 6,
  kTfLiteUnresolvedOps = 7,
  kTfLiteCancelled = 8,
} TfLiteStatus;

// Element types. The numbering is the TFLite C API's (not the schema's).
typedef enum {
  kTfLiteNoType = 0,
  kTfLiteFloat32 = 1,
  kTfLiteInt32 = 2,
  kTfLiteUInt8 = 3,
  kTfLiteInt64 = 4,
  kTfLiteString = 5,
  kTfLiteBool = 6,
  kTfLiteInt16 = 7,
  kTfLiteComplex64 = 8,
  kTfLiteInt8 = 9,
  kTfLiteFloat16 = 10,
  kTfLiteFloat64 = 11,
  kTfLiteComplex128 = 12,
  kTfLiteUInt64 = 13,
  kTfLiteResource = 14,
  kTfLiteVariant = 15,
  kTfLiteUInt32 = 16,
  kTfLiteUInt16 = 17,
  kTfLiteInt4 = 18,
} TfLiteType;

const char* TfLiteTypeGetName(TfLiteType type);

// A counted array laid out exactly like a flatbuffers vector of int32 (a
// 32-bit length followed by the elements), so shapes and index lists can
// point straight into the model.
typedef struct TfLiteIntArray {
  int size;
  int data[];
} TfLiteIntArray;

typedef struct TfLiteFloatArray {
  int size;
  float data[];
} TfLiteFloatArray;

size_t TfLiteIntArrayGetSizeInBytes(int size);
int TfLiteIntArrayEqual(const TfLiteIntArray* a, const TfLiteIntArray* b);
int TfLiteIntArrayEqualsArray(const TfLiteIntArray* a, int b_size,
                              const int b_data[]);
size_t TfLiteFloatArrayGetSizeInBytes(int size);

typedef struct TfLiteComplex64 {
  float re, im;
} TfLiteComplex64;

typedef struct TfLiteComplex128 {
  double re, im;
} TfLiteComplex128;

typedef struct TfLiteFloat16 {
  uint16_t data;
} TfLiteFloat16;

// Per-tensor affine quantization: real = scale * (q - zero_point).
typedef struct TfLiteQuantizationParams {
  float scale;
  int32_t zero_point;
} TfLiteQuantizationParams;

typedef enum TfLiteQuantizationType {
  kTfLiteNoQuantization = 0,
  kTfLiteAffineQuantization = 1,
} TfLiteQuantizationType;

typedef struct TfLiteQuantization {
  TfLiteQuantizationType type;
  void* params;  // TfLiteAffineQuantization* for kTfLiteAffineQuantization
} TfLiteQuantization;

// Per-tensor (one entry) or per-channel (one entry per slice along
// quantized_dimension) affine quantization.
typedef struct TfLiteAffineQuantization {
  TfLiteFloatArray* scale;
  TfLiteIntArray* zero_point;
  int32_t quantized_dimension;
} TfLiteAffineQuantization;

typedef union TfLitePtrUnion {
  int32_t* i32;
  uint32_t* u32;
  int64_t* i64;
  uint64_t* u64;
  float* f;
  TfLiteFloat16* f16;
  double* f64;
  char* raw;
  const char* raw_const;
  uint8_t* uint8;
  bool* b;
  int16_t* i16;
  uint16_t* ui16;
  TfLiteComplex64* c64;
  TfLiteComplex128* c128;
  int8_t* int8;
  void* data;
} TfLitePtrUnion;

typedef enum TfLiteAllocationType {
  kTfLiteMemNone = 0,
  kTfLiteMmapRo,       // read-only data inside the model
  kTfLiteArenaRw,      // planned in the arena, shared over time
  kTfLiteArenaRwPersistent,  // in the arena for the interpreter's lifetime
  kTfLiteDynamic,
  kTfLitePersistentRo,
  kTfLiteCustom,
  kTfLiteVariantObject,
} TfLiteAllocationType;

// The full description of a tensor, handed to kernels while they prepare
// (as a temporary) and to users for model inputs and outputs.
typedef struct TfLiteTensor {
  TfLiteType type;
  TfLitePtrUnion data;
  TfLiteIntArray* dims;
  TfLiteQuantizationParams params;
  TfLiteAllocationType allocation_type;
  size_t bytes;
  const char* name;
  TfLiteQuantization quantization;
  bool is_variable;
  const TfLiteIntArray* dims_signature;
} TfLiteTensor;

// The lean run-time view of a tensor that kernels use while invoking.
typedef struct TfLiteEvalTensor {
  TfLitePtrUnion data;
  TfLiteIntArray* dims;
  TfLiteType type;
} TfLiteEvalTensor;

typedef struct TfLiteNode {
  TfLiteIntArray* inputs;   // tensor indices; -1 marks an omitted input
  TfLiteIntArray* outputs;
  TfLiteIntArray* intermediates;
  // No `temporaries` (as in TFLM's static-memory build): micro kernels get
  // scratch memory from the arena instead.
  void* user_data;          // what the kernel's init returned
  void* builtin_data;       // parsed builtin options (e.g. TfLiteConvParams)
  const void* custom_initial_data;  // custom options bytes
  int custom_initial_data_size;
} TfLiteNode;

typedef struct TfLiteContext {
  size_t tensors_size;
  void* impl_;  // the MicroContext behind this context
  void (*ReportError)(struct TfLiteContext* context, const char* format, ...);
  void* (*AllocatePersistentBuffer)(struct TfLiteContext* context,
                                    size_t bytes);
  TfLiteStatus (*RequestScratchBufferInArena)(struct TfLiteContext* context,
                                              size_t bytes, int* buffer_idx);
  void* (*GetScratchBuffer)(struct TfLiteContext* context, int buffer_idx);
  // Only during prepare: a temporary full tensor.
  TfLiteTensor* (*GetTensor)(const struct TfLiteContext* context,
                             int tensor_idx);
  TfLiteEvalTensor* (*GetEvalTensor)(const struct TfLiteContext* context,
                                     int tensor_idx);
  void* (*GetExternalContext)(struct TfLiteContext* context, int type);
} TfLiteContext;

// A kernel: init (once, may allocate persistent memory), prepare (validates,
// derives output shapes, requests scratch memory), invoke (computes), reset
// (clears internal state), free.
typedef struct TfLiteRegistration {
  void* (*init)(TfLiteContext* context, const char* buffer, size_t length);
  void (*free)(TfLiteContext* context, void* buffer);
  TfLiteStatus (*prepare)(TfLiteContext* context, TfLiteNode* node);
  TfLiteStatus (*invoke)(TfLiteContext* context, TfLiteNode* node);
  TfLiteStatus (*reset)(TfLiteContext* context, void* buffer);
  const char* (*profiling_string)(const TfLiteContext* context,
                                  const TfLiteNode* node);
  int32_t builtin_code;
  const char* custom_name;
  int version;
} TfLiteRegistration;

// ------------------------------------------------------------ error macros

#if !defined(TF_LITE_STRIP_ERROR_STRINGS)
#define TF_LITE_KERNEL_LOG(context, ...)           \
  do {                                             \
    (context)->ReportError((context), __VA_ARGS__); \
  } while (false)
#elif defined(__cplusplus)
// TF_LITE_STRIP_ERROR_STRINGS: the message and its format string compile
// away; the arguments count as used, and the status codes stay.
extern "C++" {
namespace tflite {
template <typename... Args>
inline void DiscardKernelLog(const Args&...) {}
}  // namespace tflite
}
#define TF_LITE_KERNEL_LOG(context, ...) \
  ::tflite::DiscardKernelLog((context), __VA_ARGS__)
#else
#define TF_LITE_KERNEL_LOG(context, ...) ((void)(context))
#endif

#define TF_LITE_MAYBE_KERNEL_LOG(context, ...) \
  do {                                         \
    if ((context) != NULL) {                   \
      TF_LITE_KERNEL_LOG(context, __VA_ARGS__); \
    }                                          \
  } while (false)

#if defined(TF_LITE_STRIP_ERROR_STRINGS)
// Without error texts the checks keep their status codes only; nothing that
// formats a message (file names, expressions, type names) is compiled in.
#define TF_LITE_ENSURE_MSG(context, value, msg) \
  do {                                          \
    (void)(context);                            \
    if (!(value)) return kTfLiteError;          \
  } while (0)
#define TF_LITE_ENSURE(context, a)     \
  do {                                 \
    (void)(context);                   \
    if (!(a)) return kTfLiteError;     \
  } while (0)
#define TF_LITE_ENSURE_STATUS(a) \
  do {                           \
    const TfLiteStatus s_ = (a); \
    if (s_ != kTfLiteOk) {       \
      return s_;                 \
    }                            \
  } while (0)
#define TF_LITE_ENSURE_EQ(context, a, b)  \
  do {                                    \
    (void)(context);                      \
    if ((a) != (b)) return kTfLiteError;  \
  } while (0)
#define TF_LITE_ENSURE_TYPES_EQ(context, a, b) \
  do {                                         \
    (void)(context);                           \
    if ((a) != (b)) return kTfLiteError;       \
  } while (0)
#define TF_LITE_ENSURE_NEAR(context, a, b, epsilon)                  \
  do {                                                               \
    (void)(context);                                                 \
    double delta_ = ((a) > (b)) ? ((a) - (b)) : ((b) - (a));         \
    if (delta_ > (epsilon)) return kTfLiteError;                     \
  } while (0)
#else
#define TF_LITE_ENSURE_MSG(context, value, msg)       \
  do {                                                \
    if (!(value)) {                                   \
      TF_LITE_KERNEL_LOG((context), "%s", msg);       \
      return kTfLiteError;                            \
    }                                                 \
  } while (0)

#define TF_LITE_ENSURE(context, a)                                      \
  do {                                                                  \
    if (!(a)) {                                                         \
      TF_LITE_KERNEL_LOG((context), "%s:%d %s was not true.", __FILE__, \
                         __LINE__, #a);                                 \
      return kTfLiteError;                                              \
    }                                                                   \
  } while (0)

#define TF_LITE_ENSURE_STATUS(a) \
  do {                           \
    const TfLiteStatus s_ = (a); \
    if (s_ != kTfLiteOk) {       \
      return s_;                 \
    }                            \
  } while (0)

#define TF_LITE_ENSURE_EQ(context, a, b)                                   \
  do {                                                                     \
    if ((a) != (b)) {                                                      \
      TF_LITE_KERNEL_LOG((context), "%s:%d %s != %s (%d != %d)", __FILE__, \
                         __LINE__, #a, #b, (int)(a), (int)(b));            \
      return kTfLiteError;                                                 \
    }                                                                      \
  } while (0)

#define TF_LITE_ENSURE_TYPES_EQ(context, a, b)                             \
  do {                                                                     \
    if ((a) != (b)) {                                                      \
      TF_LITE_KERNEL_LOG((context), "%s:%d %s != %s (%s != %s)", __FILE__, \
                         __LINE__, #a, #b, TfLiteTypeGetName(a),           \
                         TfLiteTypeGetName(b));                            \
      return kTfLiteError;                                                 \
    }                                                                      \
  } while (0)

#define TF_LITE_ENSURE_NEAR(context, a, b, epsilon)                          \
  do {                                                                       \
    double delta_ = ((a) > (b)) ? ((a) - (b)) : ((b) - (a));                 \
    if (delta_ > (epsilon)) {                                                \
      TF_LITE_KERNEL_LOG((context), "%s:%d %s not near %s (%f != %f)",       \
                         __FILE__, __LINE__, #a, #b, (double)(a), (double)(b)); \
      return kTfLiteError;                                                   \
    }                                                                        \
  } while (0)

#endif  // TF_LITE_STRIP_ERROR_STRINGS

#define TF_LITE_ENSURE_OK(context, status) \
  do {                                     \
    const TfLiteStatus s_ = (status);      \
    if (s_ != kTfLiteOk) {                 \
      return s_;                           \
    }                                      \
  } while (0)

#ifdef __cplusplus
}  // extern "C"
#endif

#endif  // TENSORFLOW_LITE_CORE_C_COMMON_H_
