#include "tensorflow/lite/micro/cortex_m_qemu/semihosting.h"

#include <cstring>

namespace cortex_m_qemu {
namespace semihosting {
namespace {

// Reason codes for SYS_EXIT / SYS_EXIT_EXTENDED.
constexpr uint32_t kApplicationExit = 0x20026;
constexpr uint32_t kRunTimeErrorUnknown = 0x20023;

uint32_t Word(const void* pointer) {
  return static_cast<uint32_t>(reinterpret_cast<uintptr_t>(pointer));
}

// True if the host says it implements SYS_EXIT_EXTENDED: the first feature
// byte of ":semihosting-features" (after the magic "SHFB") has bit 0 set.
bool HostHasExitExtended() {
  const char kName[] = ":semihosting-features";
  const int32_t handle = Open(kName, kReadBinary);
  if (handle < 0) return false;
  unsigned char bytes[5] = {0};
  const bool ok = FileLength(handle) >= 5 &&
                  Read(handle, bytes, sizeof(bytes)) == 0 &&
                  std::memcmp(bytes, "SHFB", 4) == 0 && (bytes[4] & 1) != 0;
  Close(handle);
  return ok;
}

}  // namespace

int32_t Call(uint32_t op, const void* arg) {
  register uint32_t r0 __asm__("r0") = op;
  register const void* r1 __asm__("r1") = arg;
  // The host reads and writes memory through r1, hence the clobber.
  __asm__ volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
  return static_cast<int32_t>(r0);
}

void Write0(const char* text) { Call(kWrite0, text); }

int32_t Open(const char* name, OpenMode mode) {
  const uint32_t block[3] = {Word(name), mode,
                             static_cast<uint32_t>(std::strlen(name))};
  return Call(kOpen, block);
}

int32_t Close(int32_t handle) {
  const uint32_t block[1] = {static_cast<uint32_t>(handle)};
  return Call(kClose, block);
}

int32_t Write(int32_t handle, const void* data, size_t size) {
  const uint32_t block[3] = {static_cast<uint32_t>(handle), Word(data),
                             static_cast<uint32_t>(size)};
  return Call(kWrite, block);
}

int32_t Read(int32_t handle, void* data, size_t size) {
  const uint32_t block[3] = {static_cast<uint32_t>(handle), Word(data),
                             static_cast<uint32_t>(size)};
  return Call(kRead, block);
}

int32_t Seek(int32_t handle, uint32_t position) {
  const uint32_t block[2] = {static_cast<uint32_t>(handle), position};
  return Call(kSeek, block);
}

int32_t FileLength(int32_t handle) {
  const uint32_t block[1] = {static_cast<uint32_t>(handle)};
  return Call(kFlen, block);
}

int32_t IsTty(int32_t handle) {
  const uint32_t block[1] = {static_cast<uint32_t>(handle)};
  return Call(kIsTty, block);
}

int32_t HostErrno() { return Call(kErrno, nullptr); }

bool GetCommandLine(char* buffer, size_t size) {
  if (size == 0) return false;
  // The host writes the length it used back into the second word.
  uint32_t block[2] = {Word(buffer), static_cast<uint32_t>(size)};
  if (Call(kGetCmdline, block) != 0) {
    buffer[0] = '\0';
    return false;
  }
  buffer[block[1] < size ? block[1] : size - 1] = '\0';
  return true;
}

void Exit(int status) {
  if (HostHasExitExtended()) {
    // The host process's status keeps only the low 8 bits; never let a
    // failure such as 256 read as success.
    uint32_t code = static_cast<uint32_t>(status) & 0xFF;
    if (status != 0 && code == 0) code = 1;
    const uint32_t block[2] = {kApplicationExit, code};
    Call(kExitExtended, block);
  }
  // On AArch32, SYS_EXIT takes the reason code itself (not a block);
  // QEMU maps ApplicationExit to 0 and any other reason to 1.
  Call(kExit, reinterpret_cast<const void*>(static_cast<uintptr_t>(
                  status == 0 ? kApplicationExit : kRunTimeErrorUnknown)));
  for (;;) {
    // A host that ignored both calls: wait here rather than run on.
    __asm__ volatile("wfi");
  }
}

}  // namespace semihosting
}  // namespace cortex_m_qemu
