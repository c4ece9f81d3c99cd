// Arm semihosting for M-profile cores: the firmware asks the debugger (here
// QEMU with -semihosting) to do I/O for it by executing BKPT 0xAB with an
// operation number in r0 and a pointer to its parameter block in r1.
// Without a debugger attached, BKPT escalates to HardFault, so these calls
// are only for boards that always run under a semihosting host.
#ifndef TENSORFLOW_LITE_MICRO_CORTEX_M_QEMU_SEMIHOSTING_H_
#define TENSORFLOW_LITE_MICRO_CORTEX_M_QEMU_SEMIHOSTING_H_

#include <cstddef>
#include <cstdint>

namespace cortex_m_qemu {
namespace semihosting {

// Operation numbers from Arm's semihosting specification.
enum Operation : uint32_t {
  kOpen = 0x01,
  kClose = 0x02,
  kWrite0 = 0x04,
  kWrite = 0x05,
  kRead = 0x06,
  kIsTty = 0x09,
  kSeek = 0x0A,
  kFlen = 0x0C,
  kRemove = 0x0E,
  kClock = 0x10,
  kTime = 0x11,
  kErrno = 0x13,
  kGetCmdline = 0x15,
  kExit = 0x18,
  kExitExtended = 0x20,
};

// SYS_OPEN's modes are fopen's strings numbered 0..11 in the order
// r rb r+ r+b w wb w+ w+b a ab a+ a+b; we always use the binary ones.
enum OpenMode : uint32_t {
  kReadBinary = 1,
  kReadWriteBinary = 3,
  kWriteBinary = 5,
  kWriteReadBinary = 7,
  kAppendBinary = 9,
  kAppendReadBinary = 11,
};

// The raw call. `arg` points to the operation's parameter words.
int32_t Call(uint32_t op, const void* arg);

// Writes a NUL-terminated string to the host's debug console (QEMU's
// stderr). Needs no open handle, so fault handlers can use it.
void Write0(const char* text);

// A handle, or -1. `name` ":tt" is the host console (read: stdin; write
// modes: stdout; append modes: stderr).
int32_t Open(const char* name, OpenMode mode);
int32_t Close(int32_t handle);
// These return the number of bytes NOT transferred, like the host does.
int32_t Write(int32_t handle, const void* data, size_t size);
int32_t Read(int32_t handle, void* data, size_t size);
// Absolute positions only; 0 on success.
int32_t Seek(int32_t handle, uint32_t position);
// The file's length, or -1.
int32_t FileLength(int32_t handle);
// 1 if the handle is the console.
int32_t IsTty(int32_t handle);
// The host's errno after the last failed call.
int32_t HostErrno();

// The command line QEMU was given with -semihosting-config arg=...
// (arguments joined by single spaces), NUL-terminated. False if it did not
// fit or the host refused.
bool GetCommandLine(char* buffer, size_t size);

// Ends the emulation with `status` as the host process's exit status when
// the host supports SYS_EXIT_EXTENDED (QEMU does; checked through the
// ":semihosting-features" file), else as plain success/failure.
[[noreturn]] void Exit(int status);

}  // namespace semihosting
}  // namespace cortex_m_qemu

#endif  // TENSORFLOW_LITE_MICRO_CORTEX_M_QEMU_SEMIHOSTING_H_
