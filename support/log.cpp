// Implementation of the process-wide logger: a level, a sink (stderr or a
// file) and a mutex so that lines from worker threads never interleave.
#include "support/log.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <mutex>

namespace sparkmigrate::support {
namespace {
std::atomic<LogLevel> gLevel{LogLevel::Warn};
std::mutex gMutex;
FILE* gSink = nullptr;  // nullptr means stderr

const char* levelName(LogLevel level) {
  switch (level) {
    case LogLevel::Trace:
      return "trace";
    case LogLevel::Debug:
      return "debug";
    case LogLevel::Info:
      return "info";
    case LogLevel::Warn:
      return "warn";
    case LogLevel::Error:
      return "error";
    case LogLevel::Off:
      return "off";
  }
  return "?";
}
}  // namespace

bool parseLogLevel(std::string_view text, LogLevel& out) {
  for (LogLevel level :
       {LogLevel::Trace, LogLevel::Debug, LogLevel::Info, LogLevel::Warn, LogLevel::Error, LogLevel::Off}) {
    if (text == levelName(level)) {
      out = level;
      return true;
    }
  }
  return false;
}

void setLogLevel(LogLevel level) {
  gLevel = level;
}
LogLevel logLevel() {
  return gLevel;
}

bool setLogFile(const std::string& path) {
  // Logs may quote documents and settings: created readable by the owner
  // only, and never through a symbolic link (a planted link would send them
  // into any file the user can write).
  const int flags = O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY | O_NONBLOCK;
  int fd = ::open(path.c_str(), flags, 0600);
  if (fd < 0) return false;
  struct stat st{};
  if (::fstat(fd, &st) != 0 || !(S_ISREG(st.st_mode) || S_ISCHR(st.st_mode))) {
    ::close(fd);
    errno = EINVAL;
    return false;
  }
  ::fcntl(fd, F_SETFL, O_APPEND);  // blocking writes again: O_NONBLOCK only kept a FIFO from blocking open
  FILE* file = ::fdopen(fd, "a");
  if (!file) {
    ::close(fd);
    return false;
  }
  std::lock_guard lock(gMutex);
  if (gSink) std::fclose(gSink);
  gSink = file;
  return true;
}

void logLine(LogLevel level, std::string_view message) {
  if (level < gLevel) return;
  auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                 std::chrono::system_clock::now().time_since_epoch())
                 .count();
  std::lock_guard lock(gMutex);
  FILE* out = gSink ? gSink : stderr;
  fmt::print(out, "[{}.{:03}] {}: {}\n", now / 1000, now % 1000, levelName(level), message);
  std::fflush(out);
}

}  // namespace sparkmigrate::support
