// Incremental parsers for the two streaming formats the providers use:
// Server-Sent Events (OpenAI-compatible and Anthropic) and newline-delimited
// JSON (Ollama). Both accept the body in arbitrary pieces, as libcurl hands
// it over, and accept LF, CRLF and (SSE) lone CR line endings, even when a
// CR LF pair is split across two pieces.
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace sparkmigrate::llm {

struct SseEvent {
  std::string event;  // the `event:` field; empty for unnamed events
  std::string data;   // the `data:` lines joined with '\n'
  std::string id;
};

// Parses a text/event-stream body. Comment lines (": ping") are ignored;
// an event is dispatched at the blank line that ends it (events without data
// are dropped, as the SSE specification says).
class SseParser {
 public:
  // Returning false from the callback stops parsing: feed() returns false
  // and ignores the rest of the piece.
  using Callback = std::function<bool(const SseEvent&)>;

  bool feed(std::string_view bytes, const Callback& onEvent);
  // End of the body: a final event not followed by a blank line is still
  // dispatched (servers that close right after `data: [DONE]`).
  bool finish(const Callback& onEvent);

 private:
  bool endLine(const Callback& onEvent);
  bool dispatch(const Callback& onEvent);

  std::string line_;
  std::string event_;
  std::string data_;
  std::string id_;
  bool hasData_ = false;
  bool afterCr_ = false;  // the last byte was a CR: a following LF belongs to it
  bool started_ = false;  // the byte-order mark check has been done
};

// Splits a newline-delimited body into lines (without the line ending);
// blank lines are skipped.
class NdjsonParser {
 public:
  using Callback = std::function<bool(std::string_view line)>;

  bool feed(std::string_view bytes, const Callback& onLine);
  // End of the body: a last line without a newline is still delivered.
  bool finish(const Callback& onLine);

 private:
  bool emit(const Callback& onLine);

  std::string line_;
};

}  // namespace sparkmigrate::llm
