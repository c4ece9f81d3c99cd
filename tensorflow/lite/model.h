// TFLite's FlatBufferModel over this project's host layer: a .tflite model's
// bytes, checked once and read by every interpreter built from it.
//
//   std::unique_ptr<tflite::FlatBufferModel> model =
//       tflite::FlatBufferModel::BuildFromFile("model.tflite");
//   if (!model) return 1;  // the reason went to the ErrorReporter
//
// The model must outlive the interpreters built from it. Several
// interpreters (see interpreter_builder.h) may share one model; each has
// its own arena.
//
// Differences from TFLite: every Build* verifies the flatbuffer (Build* and
// VerifyAndBuild* behave alike, the latter also running `extra_verifier`);
// files are read into memory, not mapped; no Allocation/BuildFromModel.
#ifndef TENSORFLOW_LITE_MODEL_H_
#define TENSORFLOW_LITE_MODEL_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include "tensorflow/lite/core/api/error_reporter.h"
#include "tensorflow/lite/micro/host/hosted_interpreter.h"
#include "tensorflow/lite/schema/schema_generated.h"
#include "tensorflow/lite/stderr_reporter.h"

namespace tflite {

// An extra check of a model's bytes for the VerifyAndBuild* functions.
class TfLiteVerifier {
 public:
  virtual ~TfLiteVerifier() = default;
  // false rejects the model (after reporting why to `reporter`).
  virtual bool Verify(const char* data, int length,
                      ErrorReporter* reporter) = 0;
};

class FlatBufferModel {
 public:
  // nullptr (after reporting the reason) when the file cannot be read or is
  // not a valid .tflite model.
  static std::unique_ptr<FlatBufferModel> BuildFromFile(
      const char* filename,
      ErrorReporter* error_reporter = DefaultErrorReporter());
  static std::unique_ptr<FlatBufferModel> VerifyAndBuildFromFile(
      const char* filename, TfLiteVerifier* extra_verifier = nullptr,
      ErrorReporter* error_reporter = DefaultErrorReporter());

  // Reads `buffer_size` bytes at `caller_owned_buffer` in place when they
  // are 16-byte aligned (keep them alive and unchanged as long as the
  // model), else copies them once.
  static std::unique_ptr<FlatBufferModel> BuildFromBuffer(
      const char* caller_owned_buffer, size_t buffer_size,
      ErrorReporter* error_reporter = DefaultErrorReporter());
  static std::unique_ptr<FlatBufferModel> VerifyAndBuildFromBuffer(
      const char* caller_owned_buffer, size_t buffer_size,
      TfLiteVerifier* extra_verifier = nullptr,
      ErrorReporter* error_reporter = DefaultErrorReporter());

  FlatBufferModel(const FlatBufferModel&) = delete;
  FlatBufferModel& operator=(const FlatBufferModel&) = delete;

  const Model* GetModel() const { return model_; }
  const Model* operator->() const { return model_; }
  bool initialized() const { return model_ != nullptr; }
  ErrorReporter* error_reporter() const { return error_reporter_; }

  // The model's bytes (16-byte aligned).
  const uint8_t* data() const { return data_; }
  size_t size() const { return size_; }

  // The model's minimum runtime version metadata ("" if absent).
  std::string GetMinimumRuntime() const;
  // Every metadata entry whose buffer holds bytes, by name.
  std::map<std::string, std::string> ReadAllMetadata() const;

 private:
  FlatBufferModel(AlignedBuffer copy, const uint8_t* data, size_t size,
                  ErrorReporter* error_reporter);
  static std::unique_ptr<FlatBufferModel> Build(
      AlignedBuffer copy, const uint8_t* data, size_t size,
      TfLiteVerifier* extra_verifier, ErrorReporter* error_reporter);

  AlignedBuffer copy_;
  const uint8_t* data_;
  size_t size_;
  ErrorReporter* error_reporter_;
  const Model* model_ = nullptr;
};

}  // namespace tflite

#endif  // TENSORFLOW_LITE_MODEL_H_
