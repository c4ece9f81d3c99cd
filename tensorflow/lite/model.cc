#include "tensorflow/lite/model.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <utility>

#include "tensorflow/lite/micro/micro_log.h"
#include "tensorflow/lite/micro/model_checks.h"

namespace tflite {
namespace {

ErrorReporter* ReporterOrDefault(ErrorReporter* reporter) {
  return reporter != nullptr ? reporter : DefaultErrorReporter();
}

// The whole file in aligned memory; false after reporting why not.
bool ReadWholeFile(const char* filename, AlignedBuffer* bytes, size_t* size,
                   ErrorReporter* reporter) {
  if (filename == nullptr) {
    TF_LITE_REPORT_ERROR(reporter, "Could not open a model: no file name");
    return false;
  }
  std::FILE* file = std::fopen(filename, "rb");
  if (file == nullptr) {
    TF_LITE_REPORT_ERROR(reporter, "Could not open '%s': %s", filename,
                         std::strerror(errno));
    return false;
  }
  long length = -1;
  if (std::fseek(file, 0, SEEK_END) == 0) length = std::ftell(file);
  if (length < 0 || std::fseek(file, 0, SEEK_SET) != 0) {
    TF_LITE_REPORT_ERROR(reporter, "Could not read '%s': not a regular file",
                         filename);
    std::fclose(file);
    return false;
  }
  *size = static_cast<size_t>(length);
  *bytes = AllocateAligned(*size);
  if (*bytes == nullptr) {
    TF_LITE_REPORT_ERROR(reporter, "No memory to read '%s' (%zu bytes)",
                         filename, *size);
    std::fclose(file);
    return false;
  }
  const size_t read = std::fread(bytes->get(), 1, *size, file);
  std::fclose(file);
  if (read != *size) {
    TF_LITE_REPORT_ERROR(reporter, "Could not read '%s': %zu of %zu bytes",
                         filename, read, *size);
    return false;
  }
  return true;
}

}  // namespace

FlatBufferModel::FlatBufferModel(AlignedBuffer copy, const uint8_t* data,
                                 size_t size, ErrorReporter* error_reporter)
    : copy_(std::move(copy)),
      data_(data),
      size_(size),
      error_reporter_(error_reporter) {}

std::unique_ptr<FlatBufferModel> FlatBufferModel::Build(
    AlignedBuffer copy, const uint8_t* data, size_t size,
    TfLiteVerifier* extra_verifier, ErrorReporter* error_reporter) {
  if (extra_verifier != nullptr &&
      !extra_verifier->Verify(reinterpret_cast<const char*>(data),
                              static_cast<int>(size), error_reporter)) {
    TF_LITE_REPORT_ERROR(error_reporter,
                         "The model was rejected by the extra verifier");
    return nullptr;
  }
  MicroErrorBuffer messages;
  const Model* model = nullptr;
  {
    ScopedErrorCapture capture(&messages);
    model = VerifyModelBytes(data, size);
    if (model != nullptr &&
        CheckModelSemantics(model, data, size) != kTfLiteOk) {
      model = nullptr;
    }
  }
  if (model == nullptr) {
    std::string text = messages.text();
    while (!text.empty() && text.back() == '\n') text.pop_back();
    TF_LITE_REPORT_ERROR(error_reporter, "%s", text.c_str());
    return nullptr;
  }
  std::unique_ptr<FlatBufferModel> result(
      new FlatBufferModel(std::move(copy), data, size, error_reporter));
  result->model_ = model;
  return result;
}

std::unique_ptr<FlatBufferModel> FlatBufferModel::BuildFromFile(
    const char* filename, ErrorReporter* error_reporter) {
  return VerifyAndBuildFromFile(filename, nullptr, error_reporter);
}

std::unique_ptr<FlatBufferModel> FlatBufferModel::VerifyAndBuildFromFile(
    const char* filename, TfLiteVerifier* extra_verifier,
    ErrorReporter* error_reporter) {
  error_reporter = ReporterOrDefault(error_reporter);
  AlignedBuffer bytes;
  size_t size = 0;
  if (!ReadWholeFile(filename, &bytes, &size, error_reporter)) return nullptr;
  const uint8_t* data = bytes.get();
  return Build(std::move(bytes), data, size, extra_verifier, error_reporter);
}

std::unique_ptr<FlatBufferModel> FlatBufferModel::BuildFromBuffer(
    const char* caller_owned_buffer, size_t buffer_size,
    ErrorReporter* error_reporter) {
  return VerifyAndBuildFromBuffer(caller_owned_buffer, buffer_size, nullptr,
                                  error_reporter);
}

std::unique_ptr<FlatBufferModel> FlatBufferModel::VerifyAndBuildFromBuffer(
    const char* caller_owned_buffer, size_t buffer_size,
    TfLiteVerifier* extra_verifier, ErrorReporter* error_reporter) {
  error_reporter = ReporterOrDefault(error_reporter);
  if (caller_owned_buffer == nullptr) {
    TF_LITE_REPORT_ERROR(error_reporter, "The model buffer is null");
    return nullptr;
  }
  const uint8_t* data = reinterpret_cast<const uint8_t*>(caller_owned_buffer);
  AlignedBuffer copy;
  if (reinterpret_cast<uintptr_t>(data) % kHostedAlignment != 0) {
    copy = AllocateAligned(buffer_size);
    if (copy == nullptr) {
      TF_LITE_REPORT_ERROR(error_reporter,
                           "No memory for a copy of the model (%zu bytes)",
                           buffer_size);
      return nullptr;
    }
    if (buffer_size > 0) std::memcpy(copy.get(), data, buffer_size);
    data = copy.get();
  }
  return Build(std::move(copy), data, buffer_size, extra_verifier,
               error_reporter);
}

std::string FlatBufferModel::GetMinimumRuntime() const {
  const std::map<std::string, std::string> metadata = ReadAllMetadata();
  const auto found = metadata.find("min_runtime_version");
  if (found == metadata.end()) return "";
  // Stored NUL-padded.
  return std::string(found->second.c_str());
}

std::map<std::string, std::string> FlatBufferModel::ReadAllMetadata() const {
  std::map<std::string, std::string> result;
  if (model_ == nullptr || model_->metadata() == nullptr) return result;
  for (const Metadata* entry : *model_->metadata()) {
    if (entry == nullptr || entry->name() == nullptr) continue;
    const ConstantData bytes =
        GetBufferData(model_, entry->buffer(), data_, size_);
    if (bytes.data == nullptr) continue;
    result[entry->name()->str()] = std::string(
        reinterpret_cast<const char*>(bytes.data), bytes.size);
  }
  return result;
}

}  // namespace tflite
