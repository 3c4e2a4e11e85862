// Implementation of the incremental SSE and NDJSON parsers (see stream.h).
// Lines are accumulated byte by byte; nothing is buffered beyond the current
// line and the current event.
#include "llm/stream.h"

namespace sparkmigrate::llm {

bool SseParser::feed(std::string_view bytes, const Callback& onEvent) {
  for (char c : bytes) {
    if (!started_) {
      // A UTF-8 byte-order mark may precede the first line; drop it.
      line_ += c;
      if (std::string_view("\xEF\xBB\xBF").substr(0, line_.size()) == line_) {
        if (line_.size() == 3) {
          line_.clear();
          started_ = true;
        }
        continue;
      }
      started_ = true;
      line_.pop_back();
    }
    if (c == '\n' && afterCr_) {
      afterCr_ = false;  // second half of CR LF: the line already ended
      continue;
    }
    afterCr_ = c == '\r';
    if (c == '\r' || c == '\n') {
      if (!endLine(onEvent)) return false;
      continue;
    }
    line_ += c;
  }
  return true;
}

bool SseParser::finish(const Callback& onEvent) {
  if (!started_) {
    line_.clear();  // an incomplete byte-order mark and nothing else
    started_ = true;
  }
  if (!line_.empty() && !endLine(onEvent)) return false;
  return dispatch(onEvent);
}

bool SseParser::endLine(const Callback& onEvent) {
  std::string line;
  line.swap(line_);
  if (line.empty()) return dispatch(onEvent);
  if (line.front() == ':') return true;  // comment (keep-alive ping)
  std::string_view field = line;
  std::string_view value;
  if (auto colon = field.find(':'); colon != std::string_view::npos) {
    value = field.substr(colon + 1);
    field = field.substr(0, colon);
    if (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  }
  if (field == "data") {
    if (hasData_) data_ += '\n';
    data_ += value;
    hasData_ = true;
  } else if (field == "event") {
    event_ = value;
  } else if (field == "id") {
    id_ = value;
  }
  // "retry" and unknown fields are ignored.
  return true;
}

bool SseParser::dispatch(const Callback& onEvent) {
  if (!hasData_) {
    event_.clear();
    return true;
  }
  SseEvent event{std::move(event_), std::move(data_), id_};
  event_.clear();
  data_.clear();
  hasData_ = false;
  return onEvent(event);
}

bool NdjsonParser::feed(std::string_view bytes, const Callback& onLine) {
  while (!bytes.empty()) {
    auto newline = bytes.find('\n');
    if (newline == std::string_view::npos) {
      line_.append(bytes);
      return true;
    }
    line_.append(bytes.substr(0, newline));
    bytes.remove_prefix(newline + 1);
    if (!emit(onLine)) return false;
  }
  return true;
}

bool NdjsonParser::finish(const Callback& onLine) {
  return emit(onLine);
}

bool NdjsonParser::emit(const Callback& onLine) {
  std::string line;
  line.swap(line_);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  if (line.find_first_not_of(" \t\r") == std::string::npos) return true;
  return onLine(line);
}

}  // namespace sparkmigrate::llm
