// Message framing over byte streams. The reader pulls frames from a file
// descriptor with blocking read(2) calls (so a pipe, a terminal or a regular
// file all work as stdin) and is meant to run on its own thread; the writer
// is thread-safe and writes whole frames.
//
// Two framings:
//   * ContentLength: the LSP base protocol, `Content-Length: N\r\n` (other
//     headers ignored), a blank line, then N bytes of JSON.
//   * Delimited: for transcript tests. Messages are separated by lines that
//     start with `---`; lines whose first non-blank characters are `//` are
//     comments; blank blocks are skipped.
#pragma once

#include <cstdio>
#include <mutex>
#include <string>

namespace sparkmigrate::protocol {

enum class Framing { ContentLength, Delimited };

struct Frame {
  enum class Kind { Body, Error, Eof };
  Kind kind = Kind::Eof;
  std::string body;   // Body: the JSON text (not yet parsed)
  std::string error;  // Error: why the header block was rejected; reading can continue
};

class FrameReader {
 public:
  FrameReader(int fd, Framing framing) : fd_(fd), framing_(framing) {}
  // Blocks until a whole frame, a framing error or end of input.
  Frame next();

 private:
  bool fill();  // reads more bytes; false at end of input or on a read error
  Frame nextContentLength();
  Frame nextDelimited();

  int fd_;
  Framing framing_;
  std::string buffer_;
  std::size_t pos_ = 0;
  bool eof_ = false;
};

class FrameWriter {
 public:
  FrameWriter(std::FILE* out, Framing framing) : out_(out), framing_(framing) {}
  // Writes one message and flushes. Thread-safe.
  void write(const std::string& body);

 private:
  std::mutex mutex_;
  std::FILE* out_;
  Framing framing_;
};

}  // namespace sparkmigrate::protocol
