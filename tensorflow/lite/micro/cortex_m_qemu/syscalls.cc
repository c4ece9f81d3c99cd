// The system calls newlib's stdio, malloc and abort need, done over
// semihosting so that printf reaches QEMU's stdout and fopen("a/b", "rb")
// opens a/b relative to QEMU's working directory.
//
// Why not newlib's librdimon (rdimon.specs)? It does the same, but: its
// _exit reports only success/failure on hosts it does not probe, its heap
// comes from SYS_HEAPINFO (QEMU's guess, not our linker script's heap), it
// needs its own crt0 or an initialise_monitor_handles() call, and its
// file-table size and errors are out of our hands. These ~250 lines give
// exact exit statuses, a heap bounded by the linker script, and lseek that
// tracks positions for SEEK_CUR (semihosting seeks are absolute only).
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/times.h>
#include <time.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "tensorflow/lite/micro/cortex_m_qemu/semihosting.h"

namespace sh = cortex_m_qemu::semihosting;

extern "C" {
// Linker-script symbols bounding the heap.
extern char __heap_start[];
extern char __heap_end[];
}

namespace {

// newlib file descriptors index this table; 0, 1 and 2 are the console.
struct OpenFile {
  int32_t handle = -1;
  uint32_t position = 0;  // for SEEK_CUR, which semihosting lacks
  bool console = false;
  bool append = false;
};
constexpr int kMaxFiles = 16;
OpenFile files[kMaxFiles];
bool stdio_ready = false;

void OpenConsole() {
  if (stdio_ready) return;
  stdio_ready = true;
  // ":tt" opened for reading is stdin, for writing stdout, for appending
  // stderr (QEMU keeps stdout and stderr apart this way).
  const sh::OpenMode modes[3] = {sh::kReadBinary, sh::kWriteBinary,
                                 sh::kAppendBinary};
  for (int fd = 0; fd < 3; ++fd) {
    files[fd].handle = sh::Open(":tt", modes[fd]);
    files[fd].console = true;
  }
}

OpenFile* Lookup(int fd) {
  OpenConsole();
  if (fd < 0 || fd >= kMaxFiles || files[fd].handle < 0) {
    errno = EBADF;
    return nullptr;
  }
  return &files[fd];
}

int HostFailure() {
  const int32_t host_errno = sh::HostErrno();
  errno = host_errno > 0 ? host_errno : EIO;
  return -1;
}

// The semihosting mode for open(2) flags. Semihosting has no "write
// without truncating" mode except r+b, so O_CREAT without O_TRUNC first
// tries r+b and falls back to creating (see _open).
sh::OpenMode ModeFor(int flags) {
  const int access = flags & O_ACCMODE;
  if (access == O_RDONLY) return sh::kReadBinary;
  if (flags & O_APPEND) {
    return access == O_RDWR ? sh::kAppendReadBinary : sh::kAppendBinary;
  }
  if (flags & O_TRUNC) {
    return access == O_RDWR ? sh::kWriteReadBinary : sh::kWriteBinary;
  }
  return sh::kReadWriteBinary;
}

}  // namespace

extern "C" {

int _open(const char* path, int flags, ...) {
  OpenConsole();
  int fd = 3;
  while (fd < kMaxFiles && files[fd].handle >= 0) ++fd;
  if (fd == kMaxFiles) {
    errno = EMFILE;
    return -1;
  }
  if ((flags & O_CREAT) && (flags & O_EXCL)) {
    const int32_t existing = sh::Open(path, sh::kReadBinary);
    if (existing >= 0) {
      sh::Close(existing);
      errno = EEXIST;
      return -1;
    }
  }
  const sh::OpenMode mode = ModeFor(flags);
  int32_t handle = sh::Open(path, mode);
  if (handle < 0 && mode == sh::kReadWriteBinary && (flags & O_CREAT)) {
    // The file does not exist yet, so creating it truncates nothing.
    handle = sh::Open(path, (flags & O_ACCMODE) == O_RDWR ? sh::kWriteReadBinary
                                                          : sh::kWriteBinary);
  }
  if (handle < 0) return HostFailure();
  files[fd] = OpenFile();
  files[fd].handle = handle;
  files[fd].append = (flags & O_APPEND) != 0;
  if (files[fd].append) {
    const int32_t length = sh::FileLength(handle);
    files[fd].position = length > 0 ? static_cast<uint32_t>(length) : 0;
  }
  return fd;
}

int _close(int fd) {
  OpenFile* file = Lookup(fd);
  if (file == nullptr) return -1;
  // The console handles stay open for the fault handlers and for exit.
  const int32_t result = file->console ? 0 : sh::Close(file->handle);
  if (!file->console) *file = OpenFile();
  return result == 0 ? 0 : HostFailure();
}

int _write(int fd, const void* data, size_t size) {
  OpenFile* file = Lookup(fd);
  if (file == nullptr) return -1;
  const int32_t left = sh::Write(file->handle, data, size);
  if (left < 0 || static_cast<size_t>(left) > size) return HostFailure();
  const size_t written = size - static_cast<size_t>(left);
  if (written == 0 && size > 0) return HostFailure();
  file->position += static_cast<uint32_t>(written);
  return static_cast<int>(written);
}

int _read(int fd, void* data, size_t size) {
  OpenFile* file = Lookup(fd);
  if (file == nullptr) return -1;
  const int32_t left = sh::Read(file->handle, data, size);
  if (left < 0 || static_cast<size_t>(left) > size) return HostFailure();
  const size_t got = size - static_cast<size_t>(left);
  file->position += static_cast<uint32_t>(got);
  return static_cast<int>(got);  // 0 is end of file
}

off_t _lseek(int fd, off_t offset, int whence) {
  OpenFile* file = Lookup(fd);
  if (file == nullptr) return -1;
  if (file->console) {
    errno = ESPIPE;
    return -1;
  }
  int64_t base = 0;
  if (whence == SEEK_CUR) {
    base = file->position;
  } else if (whence == SEEK_END) {
    const int32_t length = sh::FileLength(file->handle);
    if (length < 0) return HostFailure();
    base = length;
  } else if (whence != SEEK_SET) {
    errno = EINVAL;
    return -1;
  }
  const int64_t target = base + offset;
  if (target < 0 || target > INT32_MAX) {
    errno = EINVAL;
    return -1;
  }
  if (sh::Seek(file->handle, static_cast<uint32_t>(target)) != 0) {
    return HostFailure();
  }
  file->position = static_cast<uint32_t>(target);
  return static_cast<off_t>(target);
}

int _fstat(int fd, struct stat* st) {
  OpenFile* file = Lookup(fd);
  if (file == nullptr) return -1;
  std::memset(st, 0, sizeof(*st));
  if (file->console) {
    st->st_mode = S_IFCHR;
    return 0;
  }
  st->st_mode = S_IFREG;
  const int32_t length = sh::FileLength(file->handle);
  st->st_size = length > 0 ? length : 0;
  // Bigger stdio buffers mean fewer (slow) semihosting traps per file.
  st->st_blksize = 4096;
  return 0;
}

int _stat(const char* path, struct stat* st) {
  const int fd = _open(path, O_RDONLY);
  if (fd < 0) return -1;
  const int result = _fstat(fd, st);
  _close(fd);
  return result;
}

int _isatty(int fd) {
  OpenFile* file = Lookup(fd);
  if (file == nullptr) return 0;
  if (file->console || sh::IsTty(file->handle) == 1) return 1;
  errno = ENOTTY;
  return 0;
}

int _unlink(const char* path) {
  const uint32_t block[2] = {
      static_cast<uint32_t>(reinterpret_cast<uintptr_t>(path)),
      static_cast<uint32_t>(std::strlen(path))};
  return sh::Call(sh::kRemove, block) == 0 ? 0 : HostFailure();
}

int _link(const char*, const char*) {
  errno = EMLINK;
  return -1;
}

// The heap runs from the end of the linker script's RAM sections to
// __heap_end; the stack has its own region, so the two cannot collide.
void* _sbrk(ptrdiff_t increment) {
  static char* brk = __heap_start;
  if (increment > __heap_end - brk || increment < __heap_start - brk) {
    errno = ENOMEM;
    return reinterpret_cast<void*>(-1);
  }
  char* previous = brk;
  brk += increment;
  return previous;
}

int _getpid() { return 1; }

// abort() raises SIGABRT through here: end like a host process killed by
// that signal would (status 128 + signal, 134 for abort).
int _kill(int pid, int signal) {
  if (pid != 1) {
    errno = ESRCH;
    return -1;
  }
  if (signal == SIGABRT) {
    sh::Write0(
        "firmware: aborted (abort(), or a C++ exception such as "
        "std::bad_alloc with nothing to catch it)\n");
  } else {
    sh::Write0("firmware: terminated by signal ");
    char digits[4] = {static_cast<char>('0' + (signal / 10) % 10),
                      static_cast<char>('0' + signal % 10), '\n', '\0'};
    sh::Write0(signal >= 10 ? digits : digits + 1);
  }
  _exit(128 + signal);
}

// Seconds from the host's clock; no sub-second part (use micro_time for
// intervals).
int _gettimeofday(struct timeval* tv, void*) {
  if (tv != nullptr) {
    tv->tv_sec = sh::Call(sh::kTime, nullptr);
    tv->tv_usec = 0;
  }
  return 0;
}

// clock(): SYS_CLOCK counts centiseconds since the emulation started.
clock_t _times(struct tms* t) {
  const int32_t centiseconds = sh::Call(sh::kClock, nullptr);
  const clock_t ticks =
      centiseconds < 0
          ? 0
          : static_cast<clock_t>(static_cast<int64_t>(centiseconds) *
                                 CLOCKS_PER_SEC / 100);
  if (t != nullptr) {
    t->tms_utime = ticks;
    t->tms_stime = 0;
    t->tms_cutime = 0;
    t->tms_cstime = 0;
  }
  return ticks;
}

}  // extern "C"
