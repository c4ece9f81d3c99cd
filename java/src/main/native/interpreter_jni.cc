// JNI functions of org.tensorflow.lite.micro.NativeInterpreter.
//
// Every entry point runs its body through Call(), which turns a C++
// JavaError into the named Java exception (and a pending Java exception into
// a plain return), so no C++ exception ever crosses into the JVM. Every
// index, size and shape is checked here before memory is touched, even when
// the Java side checked it already.
#include <dlfcn.h>
#include <jni.h>

#include <cstring>
#include <memory>
#include <new>
#include <string>
#include <utility>
#include <vector>

#include "java/src/main/native/native_interpreter.h"
#include "tensorflow/lite/micro/model_checks.h"

namespace tflite {
namespace jni {
namespace {

// A Java exception is already pending; return to Java at once.
struct PendingJavaException {};

void ThrowJava(JNIEnv* env, const char* java_class, const char* message) {
  if (env->ExceptionCheck()) return;
  jclass cls = env->FindClass(java_class);
  if (cls != nullptr) env->ThrowNew(cls, message);
}

template <typename F>
auto Call(JNIEnv* env, F&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const JavaError& e) {
    ThrowJava(env, e.java_class(), e.what());
  } catch (const PendingJavaException&) {
  } catch (const std::bad_alloc&) {
    ThrowJava(env, "java/lang/OutOfMemoryError",
              "tflite_micro: native memory allocation failed");
  } catch (const std::exception& e) {
    ThrowJava(env, "java/lang/IllegalStateException", e.what());
  }
  return decltype(body())();
}

void CheckPending(JNIEnv* env) {
  if (env->ExceptionCheck()) throw PendingJavaException();
}

NativeInterpreter* FromHandle(jlong handle) {
  if (handle == 0) ThrowIllegalState("Interpreter has been closed");
  return reinterpret_cast<NativeInterpreter*>(handle);
}

std::string Which(bool input, int index) {
  return std::string(input ? "Input " : "Output ") + std::to_string(index);
}

// Java primitive element types of arrays, and the classes that identify them.
enum class Element { kFloat, kDouble, kInt, kLong, kShort, kByte, kBoolean };

struct ElementInfo {
  Element element;
  const char* array_class;  // JNI name of the 1-D array class
  const char* java_name;
  size_t size;
};

constexpr ElementInfo kElements[] = {
    {Element::kFloat, "[F", "float", sizeof(jfloat)},
    {Element::kDouble, "[D", "double", sizeof(jdouble)},
    {Element::kInt, "[I", "int", sizeof(jint)},
    {Element::kLong, "[J", "long", sizeof(jlong)},
    {Element::kShort, "[S", "short", sizeof(jshort)},
    {Element::kByte, "[B", "byte", sizeof(jbyte)},
    {Element::kBoolean, "[Z", "boolean", sizeof(jboolean)},
};
constexpr int kElementCount = sizeof(kElements) / sizeof(kElements[0]);

// Global references to the array classes, made in JNI_OnLoad.
jclass g_array_classes[kElementCount];
jclass g_object_array_class;

// The Java element type whose arrays carry a tensor type, if any.
bool JavaElementFor(TfLiteType type, Element* element) {
  switch (type) {
    case kTfLiteFloat32: *element = Element::kFloat; return true;
    case kTfLiteFloat64: *element = Element::kDouble; return true;
    case kTfLiteInt32: *element = Element::kInt; return true;
    case kTfLiteInt64: *element = Element::kLong; return true;
    case kTfLiteInt16: *element = Element::kShort; return true;
    case kTfLiteInt8:
    case kTfLiteUInt8: *element = Element::kByte; return true;
    case kTfLiteBool: *element = Element::kBoolean; return true;
    default: return false;
  }
}

const ElementInfo& Info(Element element) {
  for (const ElementInfo& info : kElements) {
    if (info.element == element) return info;
  }
  return kElements[0];
}

// Copies between a rectangular Java array of arrays and a tensor's data in
// row-major order, checking every sub-array's class and length on the way.
class ArrayCopier {
 public:
  ArrayCopier(JNIEnv* env, TfLiteEvalTensor* tensor, bool to_tensor,
              std::string what)
      : env_(env),
        tensor_(tensor),
        to_tensor_(to_tensor),
        what_(std::move(what)) {
    if (!JavaElementFor(tensor->type, &element_)) {
      ThrowIllegalArgument(what_ + " has type " +
                           TfLiteTypeGetName(tensor->type) +
                           ", which Java arrays cannot hold; use a ByteBuffer");
    }
    for (int i = 0; i < tensor->dims->size; ++i) {
      dims_.push_back(tensor->dims->data[i]);
    }
    if (dims_.empty()) dims_.push_back(1);  // a scalar: a 1-element array
    class_index_ = static_cast<int>(element_);
  }

  void Run(jobject array) {
    const size_t bytes = TensorBytes(tensor_);
    if (bytes > 0 && tensor_->data.raw == nullptr) {
      ThrowIllegalState(what_ + " has no memory (tensors are not allocated)");
    }
    data_ = reinterpret_cast<uint8_t*>(tensor_->data.raw);
    Walk(array, 0);
    if (offset_ != bytes) {
      ThrowIllegalState(what_ + ": copied " + std::to_string(offset_) +
                        " bytes, expected " + std::to_string(bytes));
    }
  }

 private:
  std::string Expected() const {
    std::string text = Info(element_).java_name;
    for (size_t i = 0; i < dims_.size(); ++i) {
      text += "[" + std::to_string(dims_[i]) + "]";
    }
    return text;
  }

  void Walk(jobject array, size_t depth) {
    const int expected = dims_[depth];
    if (array == nullptr) {
      ThrowIllegalArgument(what_ + ": a sub-array at depth " +
                           std::to_string(depth) + " is null; expected " +
                           Expected());
    }
    const bool leaf = depth + 1 == dims_.size();
    jclass wanted = leaf ? g_array_classes[class_index_] : g_object_array_class;
    if (!env_->IsInstanceOf(array, wanted)) {
      ThrowIllegalArgument(what_ + ": the array at depth " +
                           std::to_string(depth) +
                           " has the wrong type; expected " + Expected());
    }
    const jsize length = env_->GetArrayLength(static_cast<jarray>(array));
    if (length != expected) {
      ThrowIllegalArgument(what_ + ": an array at depth " +
                           std::to_string(depth) + " has length " +
                           std::to_string(length) + "; expected " + Expected() +
                           " (the arrays must be rectangular)");
    }
    if (leaf) {
      CopyLeaf(array, length);
      return;
    }
    for (jsize i = 0; i < length; ++i) {
      jobject child =
          env_->GetObjectArrayElement(static_cast<jobjectArray>(array), i);
      CheckPending(env_);
      Walk(child, depth + 1);
      env_->DeleteLocalRef(child);
    }
  }

  template <typename T, typename ArrayT>
  void Copy(jobject array, jsize length,
            void (JNIEnv::*get)(ArrayT, jsize, jsize, T*),
            void (JNIEnv::*set)(ArrayT, jsize, jsize, const T*)) {
    T* where = reinterpret_cast<T*>(data_ + offset_);
    if (to_tensor_) {
      (env_->*get)(static_cast<ArrayT>(array), 0, length, where);
    } else {
      (env_->*set)(static_cast<ArrayT>(array), 0, length, where);
    }
    CheckPending(env_);
    offset_ += static_cast<size_t>(length) * sizeof(T);
  }

  void CopyLeaf(jobject array, jsize length) {
    switch (element_) {
      case Element::kFloat:
        Copy<jfloat, jfloatArray>(array, length, &JNIEnv::GetFloatArrayRegion,
                                  &JNIEnv::SetFloatArrayRegion);
        break;
      case Element::kDouble:
        Copy<jdouble, jdoubleArray>(array, length,
                                    &JNIEnv::GetDoubleArrayRegion,
                                    &JNIEnv::SetDoubleArrayRegion);
        break;
      case Element::kInt:
        Copy<jint, jintArray>(array, length, &JNIEnv::GetIntArrayRegion,
                              &JNIEnv::SetIntArrayRegion);
        break;
      case Element::kLong:
        Copy<jlong, jlongArray>(array, length, &JNIEnv::GetLongArrayRegion,
                                &JNIEnv::SetLongArrayRegion);
        break;
      case Element::kShort:
        Copy<jshort, jshortArray>(array, length, &JNIEnv::GetShortArrayRegion,
                                  &JNIEnv::SetShortArrayRegion);
        break;
      case Element::kByte:
        Copy<jbyte, jbyteArray>(array, length, &JNIEnv::GetByteArrayRegion,
                                &JNIEnv::SetByteArrayRegion);
        break;
      case Element::kBoolean:
        Copy<jboolean, jbooleanArray>(array, length,
                                      &JNIEnv::GetBooleanArrayRegion,
                                      &JNIEnv::SetBooleanArrayRegion);
        break;
    }
  }

  JNIEnv* env_;
  TfLiteEvalTensor* tensor_;
  bool to_tensor_;
  std::string what_;
  Element element_ = Element::kFloat;
  int class_index_ = 0;
  std::vector<int> dims_;
  uint8_t* data_ = nullptr;
  size_t offset_ = 0;
};

// Bytes per element of a java.nio buffer: JNI gives the capacity of a
// direct FloatBuffer, IntBuffer, ... in elements.
jlong ElementBytes(JNIEnv* env, jobject buffer) {
  static constexpr struct {
    const char* name;
    jlong bytes;
  } kTyped[] = {{"java/nio/FloatBuffer", 4}, {"java/nio/IntBuffer", 4},
                {"java/nio/LongBuffer", 8},  {"java/nio/ShortBuffer", 2},
                {"java/nio/DoubleBuffer", 8}, {"java/nio/CharBuffer", 2}};
  for (const auto& typed : kTyped) {
    jclass cls = env->FindClass(typed.name);
    CheckPending(env);
    const bool is = env->IsInstanceOf(buffer, cls);
    env->DeleteLocalRef(cls);
    if (is) return typed.bytes;
  }
  return 1;
}

// The bytes [offset, offset + length) of a direct buffer (a ByteBuffer or a
// typed one; offset and length in bytes).
uint8_t* DirectBytes(JNIEnv* env, jobject buffer, jlong offset, jlong length,
                     const std::string& what) {
  void* base = env->GetDirectBufferAddress(buffer);
  jlong capacity = env->GetDirectBufferCapacity(buffer);
  if (base == nullptr || capacity < 0) {
    ThrowIllegalArgument(what + ": the buffer is not a direct buffer");
  }
  capacity *= ElementBytes(env, buffer);
  if (offset < 0 || length < 0 || offset > capacity ||
      length > capacity - offset) {
    ThrowIllegalArgument(what + ": bytes [" + std::to_string(offset) + ", " +
                         std::to_string(offset + length) +
                         ") are outside the buffer's capacity of " +
                         std::to_string(capacity));
  }
  return static_cast<uint8_t*>(base) + offset;
}

uint8_t* TensorData(TfLiteEvalTensor* tensor, const std::string& what) {
  if (TensorBytes(tensor) > 0 && tensor->data.raw == nullptr) {
    ThrowIllegalState(what + " has no memory (tensors are not allocated)");
  }
  return reinterpret_cast<uint8_t*>(tensor->data.raw);
}

jintArray ToJava(JNIEnv* env, const int32_t* values, int count) {
  jintArray result = env->NewIntArray(count);
  CheckPending(env);
  env->SetIntArrayRegion(result, 0, count, values);
  CheckPending(env);
  return result;
}

std::vector<std::string> ToStrings(JNIEnv* env, jobjectArray array) {
  std::vector<std::string> result;
  if (array == nullptr) return result;
  const jsize count = env->GetArrayLength(array);
  for (jsize i = 0; i < count; ++i) {
    jstring text = static_cast<jstring>(env->GetObjectArrayElement(array, i));
    CheckPending(env);
    if (text == nullptr) {
      ThrowIllegalArgument("Custom op registerer name " + std::to_string(i) +
                           " is null");
    }
    const char* chars = env->GetStringUTFChars(text, nullptr);
    if (chars == nullptr) throw PendingJavaException();
    result.emplace_back(chars);
    env->ReleaseStringUTFChars(text, chars);
    env->DeleteLocalRef(text);
  }
  return result;
}

}  // namespace
}  // namespace jni
}  // namespace tflite

using tflite::jni::Call;
using tflite::jni::FromHandle;
using tflite::jni::NativeInterpreter;
using tflite::jni::ThrowIllegalArgument;
using tflite::jni::Which;

extern "C" {

JNIEXPORT jint JNICALL JNI_OnLoad(JavaVM* vm, void*) {
  JNIEnv* env = nullptr;
  if (vm->GetEnv(reinterpret_cast<void**>(&env), JNI_VERSION_1_8) != JNI_OK) {
    return JNI_ERR;
  }
  for (int i = 0; i < tflite::jni::kElementCount; ++i) {
    jclass local = env->FindClass(tflite::jni::kElements[i].array_class);
    if (local == nullptr) return JNI_ERR;
    tflite::jni::g_array_classes[i] =
        static_cast<jclass>(env->NewGlobalRef(local));
    env->DeleteLocalRef(local);
  }
  jclass objects = env->FindClass("[Ljava/lang/Object;");
  if (objects == nullptr) return JNI_ERR;
  tflite::jni::g_object_array_class =
      static_cast<jclass>(env->NewGlobalRef(objects));
  env->DeleteLocalRef(objects);
  return JNI_VERSION_1_8;
}

JNIEXPORT jlong JNICALL Java_org_tensorflow_lite_micro_NativeInterpreter_create(
    JNIEnv* env, jclass, jobject direct, jbyteArray bytes, jlong offset,
    jlong length, jlong arena_size, jlong max_arena_size,
    jobjectArray registerers, jboolean litert_arithmetic,
    jboolean preserve_inputs, jboolean preserve_all_tensors) {
  return Call(env, [&]() -> jlong {
    tflite::HostedOptions options;
    options.registerers = tflite::jni::ToStrings(env, registerers);
    if (arena_size < 0) {
      ThrowIllegalArgument("The arena size must be positive, got " +
                           std::to_string(arena_size));
    }
    options.arena_size = static_cast<size_t>(arena_size);  // 0: default
    if (max_arena_size <= 0) {
      ThrowIllegalArgument("The maximum arena size must be positive, got " +
                           std::to_string(max_arena_size));
    }
    options.max_arena_size = static_cast<size_t>(max_arena_size);
    options.arithmetic = litert_arithmetic ? tflite::MicroArithmetic::kLitert
                                           : tflite::MicroArithmetic::kTflm;
    options.preserve_inputs = preserve_inputs;
    options.preserve_all_tensors = preserve_all_tensors;
    std::unique_ptr<NativeInterpreter> native;
    if (direct != nullptr) {
      const uint8_t* model =
          tflite::jni::DirectBytes(env, direct, offset, length, "The model");
      // Interpreter keeps a reference to the buffer while it lives.
      options.model_in_place = true;
      native = std::make_unique<NativeInterpreter>(
          model, static_cast<size_t>(length), tflite::AlignedBuffer(),
          options);
    } else {
      if (bytes == nullptr) ThrowIllegalArgument("The model is null");
      const jsize available = env->GetArrayLength(bytes);
      if (offset < 0 || length < 0 || offset > available ||
          length > available - offset) {
        ThrowIllegalArgument("The model's bytes are out of the array's range");
      }
      tflite::AlignedBuffer copy =
          tflite::AllocateAligned(static_cast<size_t>(length));
      if (copy == nullptr) throw std::bad_alloc();
      env->GetByteArrayRegion(bytes, static_cast<jsize>(offset),
                              static_cast<jsize>(length),
                              reinterpret_cast<jbyte*>(copy.get()));
      tflite::jni::CheckPending(env);
      const uint8_t* model = copy.get();
      native = std::make_unique<NativeInterpreter>(
          model, static_cast<size_t>(length), std::move(copy), options);
    }
    return reinterpret_cast<jlong>(native.release());
  });
}

JNIEXPORT void JNICALL Java_org_tensorflow_lite_micro_NativeInterpreter_delete(
    JNIEnv*, jclass, jlong handle) {
  delete reinterpret_cast<NativeInterpreter*>(handle);
}

JNIEXPORT jint JNICALL
Java_org_tensorflow_lite_micro_NativeInterpreter_inputCount(JNIEnv* env,
                                                            jclass,
                                                            jlong handle) {
  return Call(env, [&]() -> jint {
    return static_cast<jint>(FromHandle(handle)->InputCount());
  });
}

JNIEXPORT jint JNICALL
Java_org_tensorflow_lite_micro_NativeInterpreter_outputCount(JNIEnv* env,
                                                             jclass,
                                                             jlong handle) {
  return Call(env, [&]() -> jint {
    return static_cast<jint>(FromHandle(handle)->OutputCount());
  });
}

JNIEXPORT jstring JNICALL
Java_org_tensorflow_lite_micro_NativeInterpreter_tensorName(
    JNIEnv* env, jclass, jlong handle, jboolean input, jint index) {
  return Call(env, [&]() -> jstring {
    const tflite::Tensor* tensor = FromHandle(handle)->ModelTensor(input, index);
    const char* name = tensor->name() != nullptr ? tensor->name()->c_str() : "";
    jstring result = env->NewStringUTF(name);
    tflite::jni::CheckPending(env);
    return result;
  });
}

JNIEXPORT jint JNICALL
Java_org_tensorflow_lite_micro_NativeInterpreter_tensorIndex(
    JNIEnv* env, jclass, jlong handle, jboolean input, jint index) {
  return Call(env, [&]() -> jint {
    return FromHandle(handle)->TensorIndex(input, index);
  });
}

JNIEXPORT jint JNICALL
Java_org_tensorflow_lite_micro_NativeInterpreter_tensorType(
    JNIEnv* env, jclass, jlong handle, jboolean input, jint index) {
  return Call(env, [&]() -> jint {
    return static_cast<jint>(
        FromHandle(handle)->Description(input, index)->type);
  });
}

JNIEXPORT jintArray JNICALL
Java_org_tensorflow_lite_micro_NativeInterpreter_tensorShape(
    JNIEnv* env, jclass, jlong handle, jboolean input, jint index) {
  return Call(env, [&]() -> jintArray {
    const TfLiteIntArray* dims =
        FromHandle(handle)->Description(input, index)->dims;
    return tflite::jni::ToJava(env, dims->data, dims->size);
  });
}

JNIEXPORT jintArray JNICALL
Java_org_tensorflow_lite_micro_NativeInterpreter_tensorShapeSignature(
    JNIEnv* env, jclass, jlong handle, jboolean input, jint index) {
  return Call(env, [&]() -> jintArray {
    NativeInterpreter* native = FromHandle(handle);
    const tflite::Tensor* tensor = native->ModelTensor(input, index);
    const auto* signature = tensor->shape_signature();
    if (signature != nullptr && signature->size() > 0) {
      return tflite::jni::ToJava(env, signature->data(),
                                 static_cast<int>(signature->size()));
    }
    const auto* shape = tensor->shape();
    if (shape == nullptr) return tflite::jni::ToJava(env, nullptr, 0);
    return tflite::jni::ToJava(env, shape->data(),
                               static_cast<int>(shape->size()));
  });
}

JNIEXPORT jfloat JNICALL
Java_org_tensorflow_lite_micro_NativeInterpreter_tensorScale(
    JNIEnv* env, jclass, jlong handle, jboolean input, jint index) {
  return Call(env, [&]() -> jfloat {
    const tflite::Tensor* tensor = FromHandle(handle)->ModelTensor(input, index);
    const tflite::QuantizationParameters* q = tensor->quantization();
    if (q == nullptr || q->scale() == nullptr || q->scale()->size() == 0) {
      return 0.0f;
    }
    return q->scale()->Get(0);
  });
}

JNIEXPORT jint JNICALL
Java_org_tensorflow_lite_micro_NativeInterpreter_tensorZeroPoint(
    JNIEnv* env, jclass, jlong handle, jboolean input, jint index) {
  return Call(env, [&]() -> jint {
    const tflite::Tensor* tensor = FromHandle(handle)->ModelTensor(input, index);
    const tflite::QuantizationParameters* q = tensor->quantization();
    if (q == nullptr || q->zero_point() == nullptr ||
        q->zero_point()->size() == 0) {
      return 0;
    }
    return static_cast<jint>(q->zero_point()->Get(0));
  });
}

JNIEXPORT jlong JNICALL
Java_org_tensorflow_lite_micro_NativeInterpreter_tensorBytes(
    JNIEnv* env, jclass, jlong handle, jboolean input, jint index) {
  return Call(env, [&]() -> jlong {
    return static_cast<jlong>(
        tflite::TensorBytes(FromHandle(handle)->Description(input, index)));
  });
}

JNIEXPORT void JNICALL
Java_org_tensorflow_lite_micro_NativeInterpreter_resizeInput(
    JNIEnv* env, jclass, jlong handle, jint index, jintArray dims) {
  Call(env, [&]() {
    if (dims == nullptr) ThrowIllegalArgument("The new shape is null");
    std::vector<int32_t> values(env->GetArrayLength(dims));
    env->GetIntArrayRegion(dims, 0, static_cast<jsize>(values.size()),
                           values.data());
    tflite::jni::CheckPending(env);
    FromHandle(handle)->ResizeInput(index, values);
  });
}

JNIEXPORT void JNICALL
Java_org_tensorflow_lite_micro_NativeInterpreter_allocateTensors(
    JNIEnv* env, jclass, jlong handle) {
  Call(env, [&]() { FromHandle(handle)->AllocateTensors(); });
}

JNIEXPORT void JNICALL Java_org_tensorflow_lite_micro_NativeInterpreter_invoke(
    JNIEnv* env, jclass, jlong handle) {
  Call(env, [&]() { FromHandle(handle)->Invoke(); });
}

JNIEXPORT void JNICALL
Java_org_tensorflow_lite_micro_NativeInterpreter_setCancelled(
    JNIEnv* env, jclass, jlong handle, jboolean cancelled) {
  Call(env, [&]() { FromHandle(handle)->SetCancelled(cancelled); });
}

JNIEXPORT void JNICALL
Java_org_tensorflow_lite_micro_NativeInterpreter_setInputArray(
    JNIEnv* env, jclass, jlong handle, jint index, jobject array) {
  Call(env, [&]() {
    NativeInterpreter* native = FromHandle(handle);
    native->EnsureAllocated();
    tflite::jni::ArrayCopier copier(env, native->EvalTensor(true, index),
                                    /*to_tensor=*/true, Which(true, index));
    copier.Run(array);
  });
}

JNIEXPORT void JNICALL
Java_org_tensorflow_lite_micro_NativeInterpreter_getOutputArray(
    JNIEnv* env, jclass, jlong handle, jint index, jobject array) {
  Call(env, [&]() {
    NativeInterpreter* native = FromHandle(handle);
    native->EnsureAllocated();
    tflite::jni::ArrayCopier copier(env, native->EvalTensor(false, index),
                                    /*to_tensor=*/false, Which(false, index));
    copier.Run(array);
  });
}

JNIEXPORT void JNICALL
Java_org_tensorflow_lite_micro_NativeInterpreter_setInputDirect(
    JNIEnv* env, jclass, jlong handle, jint index, jobject buffer,
    jlong offset, jlong length) {
  Call(env, [&]() {
    NativeInterpreter* native = FromHandle(handle);
    native->EnsureAllocated();
    TfLiteEvalTensor* tensor = native->EvalTensor(true, index);
    const std::string what = Which(true, index);
    const size_t bytes = tflite::TensorBytes(tensor);
    if (static_cast<size_t>(length) != bytes || length < 0) {
      ThrowIllegalArgument(what + " takes " + std::to_string(bytes) +
                           " bytes; the buffer has " + std::to_string(length));
    }
    const uint8_t* source =
        tflite::jni::DirectBytes(env, buffer, offset, length, what);
    if (bytes > 0) {
      std::memcpy(tflite::jni::TensorData(tensor, what), source, bytes);
    }
  });
}

JNIEXPORT void JNICALL
Java_org_tensorflow_lite_micro_NativeInterpreter_getOutputDirect(
    JNIEnv* env, jclass, jlong handle, jint index, jobject buffer,
    jlong offset, jlong length) {
  Call(env, [&]() {
    NativeInterpreter* native = FromHandle(handle);
    native->EnsureAllocated();
    TfLiteEvalTensor* tensor = native->EvalTensor(false, index);
    const std::string what = Which(false, index);
    const size_t bytes = tflite::TensorBytes(tensor);
    if (length < 0 || static_cast<size_t>(length) < bytes) {
      ThrowIllegalArgument(what + " has " + std::to_string(bytes) +
                           " bytes; the buffer has room for " +
                           std::to_string(length));
    }
    uint8_t* target = tflite::jni::DirectBytes(env, buffer, offset, length, what);
    if (bytes > 0) {
      std::memcpy(target, tflite::jni::TensorData(tensor, what), bytes);
    }
  });
}

JNIEXPORT void JNICALL
Java_org_tensorflow_lite_micro_NativeInterpreter_setInputBytes(
    JNIEnv* env, jclass, jlong handle, jint index, jbyteArray array,
    jint offset, jint length) {
  Call(env, [&]() {
    NativeInterpreter* native = FromHandle(handle);
    native->EnsureAllocated();
    TfLiteEvalTensor* tensor = native->EvalTensor(true, index);
    const std::string what = Which(true, index);
    const size_t bytes = tflite::TensorBytes(tensor);
    if (length < 0 || static_cast<size_t>(length) != bytes) {
      ThrowIllegalArgument(what + " takes " + std::to_string(bytes) +
                           " bytes; the buffer has " + std::to_string(length));
    }
    if (bytes == 0) return;
    env->GetByteArrayRegion(
        array, offset, length,
        reinterpret_cast<jbyte*>(tflite::jni::TensorData(tensor, what)));
  });
}

JNIEXPORT void JNICALL
Java_org_tensorflow_lite_micro_NativeInterpreter_getOutputBytes(
    JNIEnv* env, jclass, jlong handle, jint index, jbyteArray array,
    jint offset, jint length) {
  Call(env, [&]() {
    NativeInterpreter* native = FromHandle(handle);
    native->EnsureAllocated();
    TfLiteEvalTensor* tensor = native->EvalTensor(false, index);
    const std::string what = Which(false, index);
    const size_t bytes = tflite::TensorBytes(tensor);
    if (length < 0 || static_cast<size_t>(length) < bytes) {
      ThrowIllegalArgument(what + " has " + std::to_string(bytes) +
                           " bytes; the buffer has room for " +
                           std::to_string(length));
    }
    if (bytes == 0) return;
    env->SetByteArrayRegion(
        array, offset, static_cast<jsize>(bytes),
        reinterpret_cast<const jbyte*>(tflite::jni::TensorData(tensor, what)));
  });
}

JNIEXPORT jbyteArray JNICALL
Java_org_tensorflow_lite_micro_NativeInterpreter_copyTensorData(
    JNIEnv* env, jclass, jlong handle, jboolean input, jint index) {
  return Call(env, [&]() -> jbyteArray {
    NativeInterpreter* native = FromHandle(handle);
    native->EnsureAllocated();
    TfLiteEvalTensor* tensor = native->EvalTensor(input, index);
    const std::string what = Which(input, index);
    const size_t bytes = tflite::TensorBytes(tensor);
    jbyteArray copy = env->NewByteArray(static_cast<jsize>(bytes));
    tflite::jni::CheckPending(env);
    if (bytes > 0) {
      env->SetByteArrayRegion(copy, 0, static_cast<jsize>(bytes),
                              reinterpret_cast<const jbyte*>(
                                  tflite::jni::TensorData(tensor, what)));
    }
    return copy;
  });
}

JNIEXPORT void JNICALL
Java_org_tensorflow_lite_micro_NativeInterpreter_resetVariableTensors(
    JNIEnv* env, jclass, jlong handle) {
  Call(env, [&]() { FromHandle(handle)->ResetVariableTensors(); });
}

// Each signature as Object[] {String key, int[] {subgraph index},
// String[] input names, int[] input positions, String[] output names,
// int[] output positions}.
JNIEXPORT jobjectArray JNICALL
Java_org_tensorflow_lite_micro_NativeInterpreter_signatures(JNIEnv* env,
                                                            jclass,
                                                            jlong handle) {
  return Call(env, [&]() -> jobjectArray {
    const std::vector<tflite::HostedSignature>& signatures =
        FromHandle(handle)->Signatures();
    jclass object_class = env->FindClass("java/lang/Object");
    jclass string_class = env->FindClass("java/lang/String");
    tflite::jni::CheckPending(env);
    auto strings = [&](const std::vector<tflite::HostedSignatureTensor>& list) {
      jobjectArray names = env->NewObjectArray(static_cast<jsize>(list.size()),
                                               string_class, nullptr);
      tflite::jni::CheckPending(env);
      for (size_t i = 0; i < list.size(); ++i) {
        jstring name = env->NewStringUTF(list[i].name.c_str());
        tflite::jni::CheckPending(env);
        env->SetObjectArrayElement(names, static_cast<jsize>(i), name);
        env->DeleteLocalRef(name);
      }
      return names;
    };
    auto positions = [&](const std::vector<tflite::HostedSignatureTensor>& list) {
      std::vector<int32_t> values;
      for (const auto& tensor : list) values.push_back(tensor.index);
      return tflite::jni::ToJava(env, values.data(),
                                 static_cast<int>(values.size()));
    };
    jobjectArray result = env->NewObjectArray(
        static_cast<jsize>(signatures.size()), object_class, nullptr);
    tflite::jni::CheckPending(env);
    for (size_t i = 0; i < signatures.size(); ++i) {
      const tflite::HostedSignature& signature = signatures[i];
      jobjectArray entry = env->NewObjectArray(6, object_class, nullptr);
      tflite::jni::CheckPending(env);
      jobject fields[6] = {
          env->NewStringUTF(signature.key.c_str()),
          tflite::jni::ToJava(env, &signature.subgraph_index, 1),
          strings(signature.inputs),
          positions(signature.inputs),
          strings(signature.outputs),
          positions(signature.outputs),
      };
      tflite::jni::CheckPending(env);
      for (int f = 0; f < 6; ++f) {
        env->SetObjectArrayElement(entry, f, fields[f]);
        env->DeleteLocalRef(fields[f]);
      }
      env->SetObjectArrayElement(result, static_cast<jsize>(i), entry);
      env->DeleteLocalRef(entry);
    }
    return result;
  });
}

JNIEXPORT jboolean JNICALL
Java_org_tensorflow_lite_micro_NativeInterpreter_modelInPlace(JNIEnv* env,
                                                              jclass,
                                                              jlong handle) {
  return Call(env, [&]() -> jboolean {
    return FromHandle(handle)->model_in_place() ? JNI_TRUE : JNI_FALSE;
  });
}

JNIEXPORT jlong JNICALL
Java_org_tensorflow_lite_micro_NativeInterpreter_arenaSize(JNIEnv* env, jclass,
                                                           jlong handle) {
  return Call(env, [&]() -> jlong {
    return static_cast<jlong>(FromHandle(handle)->arena_size());
  });
}

JNIEXPORT jlong JNICALL
Java_org_tensorflow_lite_micro_NativeInterpreter_arenaUsedBytes(JNIEnv* env,
                                                                jclass,
                                                                jlong handle) {
  return Call(env, [&]() -> jlong {
    return static_cast<jlong>(FromHandle(handle)->arena_used_bytes());
  });
}

JNIEXPORT jlong JNICALL
Java_org_tensorflow_lite_micro_NativeInterpreter_arenaRequiredBytes(
    JNIEnv* env, jclass, jlong handle) {
  return Call(env, [&]() -> jlong {
    return static_cast<jlong>(FromHandle(handle)->arena_required_bytes());
  });
}

JNIEXPORT void JNICALL
Java_org_tensorflow_lite_micro_NativeInterpreter_loadGlobal(JNIEnv* env, jclass,
                                                            jstring path) {
  Call(env, [&]() {
    if (path == nullptr) ThrowIllegalArgument("The library path is null");
    const char* chars = env->GetStringUTFChars(path, nullptr);
    if (chars == nullptr) throw tflite::jni::PendingJavaException();
    const std::string file(chars);
    env->ReleaseStringUTFChars(path, chars);
    // dlopen("") would return the program itself and load nothing.
    if (file.empty()) ThrowIllegalArgument("The library path is empty");
    // Kept loaded for the life of the process: kernels registered from it
    // may be referenced by any interpreter.
    if (dlopen(file.c_str(), RTLD_NOW | RTLD_GLOBAL) == nullptr) {
      const char* error = dlerror();
      ThrowIllegalArgument("Cannot load custom op library " + file + ": " +
                           (error != nullptr ? error : "unknown error"));
    }
  });
}

}  // extern "C"
