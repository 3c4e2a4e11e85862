// Logging for every layer: formatted with fmt, written to stderr or to a log
// file, never to stdout (stdout belongs to the CLI's results and to the LSP
// transport). Thread-safe; one line per call.
#pragma once

#include <fmt/format.h>

#include <string>
#include <string_view>

namespace sparkmigrate::support {

enum class LogLevel { Trace, Debug, Info, Warn, Error, Off };

// Parses "trace|debug|info|warn|error|off"; returns false on anything else.
bool parseLogLevel(std::string_view text, LogLevel& out);
void setLogLevel(LogLevel level);
LogLevel logLevel();
// Sends log lines to `path` (appending) instead of stderr. A new file is
// created with mode 0600; a symbolic link, a FIFO or a socket is refused
// (a character device such as /dev/null is taken). Returns false (with errno
// set) and keeps logging to stderr when the file cannot be opened.
bool setLogFile(const std::string& path);
void logLine(LogLevel level, std::string_view message);

template <typename... Args>
void log(LogLevel level, fmt::format_string<Args...> format, Args&&... args) {
  if (level < logLevel()) return;
  logLine(level, fmt::format(format, std::forward<Args>(args)...));
}

}  // namespace sparkmigrate::support
