// Implementation of the process-wide logger: a level, a sink (stderr or a
// file) and a mutex so that lines from worker threads never interleave.
#include "support/log.h"

#include <atomic>
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
  FILE* file = std::fopen(path.c_str(), "a");
  if (!file) return false;
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
