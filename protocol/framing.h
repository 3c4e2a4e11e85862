// Message framing over byte streams. The reader pulls frames from a file
// descriptor with blocking reads (so a pipe, a terminal or a regular file all
// work as stdin) and is meant to run on its own thread; the writer is
// thread-safe and writes whole frames.
//
// Two framings:
//   * ContentLength: the LSP base protocol, `Content-Length: N\r\n` (other
//     headers ignored), a blank line, then N bytes of JSON.
//   * Delimited: for transcript tests. Messages are separated by lines that
//     start with `---`; lines whose first non-blank characters are `//` are
//     comments; blank blocks are skipped.
//
// Memory stays bounded whatever arrives: a message longer than the limit is
// refused as soon as its header is read and its bytes are skipped as they
// come, never held; a header block longer than kMaxHeaderBytes is dropped.
#pragma once

#include "protocol/decode.h"

#include <cstdio>
#include <mutex>
#include <string>

namespace sparkmigrate::protocol {

enum class Framing { ContentLength, Delimited };

inline constexpr std::size_t kMaxHeaderBytes = 64u << 10;

struct Frame {
  enum class Kind { Body, Error, Eof };
  Kind kind = Kind::Eof;
  // Body: the JSON text (not yet parsed). Error for a message over the size
  // limit: its first bytes (at most kEnvelopeBytes), to read its id from.
  std::string body;
  std::string error;  // Error: why the message was refused; reading can continue
};

class FrameReader {
 public:
  // `maxMessage` (0: no limit) is the longest body accepted. When
  // `interruptFd` (-1: none) becomes readable, reading ends as at end of
  // input: a blocked reader can be stopped from another thread.
  FrameReader(int fd, Framing framing, std::size_t maxMessage = kDefaultMaxMessageSize, int interruptFd = -1)
      : fd_(fd), framing_(framing), maxMessage_(maxMessage), interruptFd_(interruptFd) {}
  // Blocks until a whole frame, a refused one or the end of input.
  Frame next();

 private:
  bool fill();  // reads more bytes; false at end of input, on a read error or when interrupted
  bool skipPending();  // drops the rest of a refused body; false at end of input
  Frame nextContentLength();
  Frame nextDelimited();
  Frame tooLarge(std::size_t length, std::string head);

  int fd_;
  Framing framing_;
  std::size_t maxMessage_;
  int interruptFd_;
  std::string buffer_;
  std::size_t pos_ = 0;
  std::size_t skip_ = 0;  // bytes of a refused body still to drop
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
