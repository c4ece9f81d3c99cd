#include "tensorflow/lite/micro/recording_micro_allocator.h"

#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {

void RecordingMicroAllocator::Reset() {
  for (RecordedAllocation& allocation : allocations_) {
    allocation = RecordedAllocation{0, 0, 0};
  }
}

void RecordingMicroAllocator::Record(RecordedAllocationType type,
                                     size_t requested, size_t used) {
  RecordedAllocation& allocation = allocations_[static_cast<int>(type)];
  allocation.requested_bytes += requested;
  allocation.used_bytes += used;
  allocation.count += 1;
}

RecordedAllocation RecordingMicroAllocator::GetRecordedAllocation(
    RecordedAllocationType type) const {
  return allocations_[static_cast<int>(type)];
}

const char* RecordingMicroAllocator::TypeName(RecordedAllocationType type) {
  switch (type) {
    case RecordedAllocationType::kTfLiteEvalTensorData:
      return "TfLiteEvalTensor data";
    case RecordedAllocationType::kTensorShapeData:
      return "Tensor shape data";
    case RecordedAllocationType::kNodeAndRegistrationArray:
      return "NodeAndRegistration struct";
    case RecordedAllocationType::kOpData:
      return "Operator builtin data";
    case RecordedAllocationType::kPersistentTfLiteTensorData:
      return "Persistent TfLiteTensor data";
    case RecordedAllocationType::kPersistentTfLiteTensorQuantizationData:
      return "Persistent TfLiteTensor quantization data";
    case RecordedAllocationType::kPersistentBufferData:
      return "Persistent buffer data";
    case RecordedAllocationType::kTfLiteTensorVariableBufferData:
      return "TfLiteTensor variable buffer data";
    case RecordedAllocationType::kScratchBufferHandles:
      return "Scratch buffer handles";
    case RecordedAllocationType::kSubgraphData:
      return "Subgraph data";
    case RecordedAllocationType::kNumTypes:
      break;
  }
  return "Unknown";
}

size_t RecordingMicroAllocator::Format(size_t head_bytes, size_t tail_bytes,
                                       char* buffer,
                                       size_t buffer_size) const {
  size_t length = 0;
  auto append = [&](const char* format, auto... args) {
    const size_t room = length < buffer_size ? buffer_size - length : 0;
    const int written = MicroSnprintf(room > 0 ? buffer + length : nullptr,
                                      room, format, args...);
    if (written > 0) length += static_cast<size_t>(written);
  };
  append("[RecordingMicroAllocator] Arena allocation total %zu bytes\n",
         head_bytes + tail_bytes);
  append("[RecordingMicroAllocator] Arena allocation head %zu bytes\n",
         head_bytes);
  append("[RecordingMicroAllocator] Arena allocation tail %zu bytes\n",
         tail_bytes);
  for (int i = 0; i < static_cast<int>(RecordedAllocationType::kNumTypes);
       ++i) {
    const RecordedAllocation& allocation = allocations_[i];
    if (allocation.count == 0) continue;
    append(
        "[RecordingMicroAllocator] '%s' used %zu bytes with alignment "
        "overhead (requested %zu bytes for %zu allocations)\n",
        TypeName(static_cast<RecordedAllocationType>(i)),
        allocation.used_bytes, allocation.requested_bytes, allocation.count);
  }
  return length;
}

}  // namespace tflite
