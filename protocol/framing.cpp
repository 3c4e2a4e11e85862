// Content-Length and `---`-delimited framing.
#include "protocol/framing.h"

#include "support/size.h"

#include <poll.h>
#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>

namespace sparkmigrate::protocol {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// Bodies at least this long are read into a buffer reserved for them and
// handed over without a copy.
constexpr std::size_t kLargeBody = 1u << 20;

}  // namespace

bool FrameReader::fill() {
  if (eof_) return false;
  if (pos_ > 0 && pos_ >= buffer_.size() / 2) {
    buffer_.erase(0, pos_);
    pos_ = 0;
  }
  char chunk[65536];
  while (true) {
    pollfd fds[2] = {{fd_, POLLIN, 0}, {interruptFd_, POLLIN, 0}};
    int ready = ::poll(fds, interruptFd_ >= 0 ? 2 : 1, -1);
    if (ready < 0 && errno == EINTR) continue;
    if (ready > 0 && interruptFd_ >= 0 && fds[1].revents != 0) break;
    ssize_t n = ::read(fd_, chunk, sizeof chunk);
    if (n > 0) {
      buffer_.append(chunk, static_cast<std::size_t>(n));
      return true;
    }
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    break;
  }
  eof_ = true;
  return false;
}

bool FrameReader::skipPending() {
  while (skip_ > 0) {
    std::size_t available = std::min(skip_, buffer_.size() - pos_);
    pos_ += available;
    skip_ -= available;
    if (skip_ > 0) {
      buffer_.clear();
      pos_ = 0;
      if (!fill()) return false;
    }
  }
  return true;
}

Frame FrameReader::next() {
  if (!skipPending()) return {};
  return framing_ == Framing::ContentLength ? nextContentLength() : nextDelimited();
}

Frame FrameReader::tooLarge(std::size_t length, std::string head) {
  Frame f;
  f.kind = Frame::Kind::Error;
  f.body = std::move(head);
  f.error = fmt::format("the message is {}, over the limit of {} (--max-message-size); it was skipped",
                        support::describeSize(length), support::describeSize(maxMessage_));
  return f;
}

Frame FrameReader::nextContentLength() {
  // Header block: lines up to an empty line.
  std::size_t headerEnd;
  bool overlong = false;
  while (true) {
    headerEnd = buffer_.find("\r\n\r\n", pos_);
    std::size_t lfOnly = buffer_.find("\n\n", pos_);  // tolerate bare LF headers
    if (lfOnly != std::string::npos && (headerEnd == std::string::npos || lfOnly < headerEnd)) {
      headerEnd = lfOnly;
      break;
    }
    if (headerEnd != std::string::npos) break;
    if (buffer_.size() - pos_ > kMaxHeaderBytes) {
      // Not a header block: dropped up to the blank line that ends it (the
      // last bytes may begin that line).
      pos_ = buffer_.size() - 3;
      overlong = true;
    }
    if (!fill()) {
      Frame f;
      if (!trim(std::string_view(buffer_).substr(pos_)).empty()) {
        f.kind = Frame::Kind::Error;
        f.error = "input ended inside a header block";
        pos_ = buffer_.size();
        return f;
      }
      return f;  // Eof
    }
  }
  std::string_view headers(buffer_.data() + pos_, headerEnd - pos_);
  std::size_t bodyStart = headerEnd + (buffer_.compare(headerEnd, 4, "\r\n\r\n") == 0 ? 4 : 2);
  if (overlong) {
    pos_ = bodyStart;
    Frame f;
    f.kind = Frame::Kind::Error;
    f.error = fmt::format("header block longer than {}", support::describeSize(kMaxHeaderBytes));
    return f;
  }
  long long length = -1;
  std::string problem;
  while (!headers.empty()) {
    std::size_t eol = headers.find('\n');
    std::string_view line = trim(headers.substr(0, eol));
    headers = eol == std::string_view::npos ? std::string_view() : headers.substr(eol + 1);
    if (line.empty()) continue;
    std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) {
      problem = "malformed header line '" + std::string(line.substr(0, 200)) + "'";
      continue;
    }
    if (lower(trim(line.substr(0, colon))) != "content-length") continue;
    std::string value(trim(line.substr(colon + 1)));
    char* end = nullptr;
    errno = 0;
    long long n = std::strtoll(value.c_str(), &end, 10);
    if (value.empty() || *end != '\0' || errno != 0 || n < 0) {
      problem = "bad Content-Length '" + value.substr(0, 200) + "'";
      continue;
    }
    length = n;
  }
  pos_ = bodyStart;
  if (length < 0) {
    Frame f;
    f.kind = Frame::Kind::Error;
    f.error = problem.empty() ? "header block without Content-Length" : problem;
    return f;
  }
  const auto size = static_cast<std::size_t>(length);
  const bool refused = maxMessage_ != 0 && size > maxMessage_;
  // A refused body: only its first bytes are read, the rest is skipped later.
  const std::size_t wanted = refused ? std::min(size, kEnvelopeBytes) : size;
  if (wanted >= kLargeBody && buffer_.size() - pos_ < wanted) {
    buffer_.erase(0, pos_);
    pos_ = 0;
    try {
      buffer_.reserve(wanted);
    } catch (const std::exception&) {  // an absurd length without a limit: grow as bytes come
    }
  }
  while (buffer_.size() - pos_ < wanted)
    if (!fill()) {
      Frame f;
      f.kind = Frame::Kind::Error;
      f.error = "input ended inside a message body";
      pos_ = buffer_.size();
      return f;
    }
  if (refused) {
    std::string head = buffer_.substr(pos_, wanted);
    pos_ += wanted;
    skip_ = size - wanted;
    return tooLarge(size, std::move(head));
  }
  Frame f;
  f.kind = Frame::Kind::Body;
  if (size >= kLargeBody) {
    // Hand the buffer over as the body; what follows it starts a new buffer.
    std::string rest = buffer_.substr(pos_ + size);
    buffer_.resize(pos_ + size);
    buffer_.erase(0, pos_);
    f.body = std::move(buffer_);
    buffer_ = std::move(rest);
    pos_ = 0;
  } else {
    f.body = buffer_.substr(pos_, size);
    pos_ += size;
  }
  return f;
}

Frame FrameReader::nextDelimited() {
  std::string body;
  bool over = false;       // the body is over the limit: only its head is kept
  std::size_t length = 0;  // of the whole body, when over
  while (true) {
    std::size_t eol = buffer_.find('\n', pos_);
    if (eol == std::string::npos) {
      if (fill()) continue;
      // Last line without a newline.
      eol = buffer_.size();
      if (pos_ >= buffer_.size()) {
        Frame f;
        if (over) return tooLarge(length, std::move(body));
        if (!trim(body).empty()) {
          f.kind = Frame::Kind::Body;
          f.body = std::move(body);
        }
        return f;
      }
    }
    std::string_view line(buffer_.data() + pos_, eol - pos_);
    pos_ = eol < buffer_.size() ? eol + 1 : eol;
    std::string_view t = trim(line);
    if (line.substr(0, 3) == "---") {
      if (over) return tooLarge(length, std::move(body));
      if (trim(body).empty()) {
        body.clear();
        continue;
      }
      Frame f;
      f.kind = Frame::Kind::Body;
      f.body = std::move(body);
      return f;
    }
    if (t.substr(0, 2) == "//") continue;
    if (!over && maxMessage_ != 0 && body.size() + line.size() + 1 > maxMessage_) {
      over = true;
      length = body.size();
      body.append(line.substr(0, kEnvelopeBytes));
      body.resize(std::min(body.size(), kEnvelopeBytes));
    }
    if (over) {
      length += line.size() + 1;
      continue;
    }
    body.append(line);
    body.push_back('\n');
  }
}

void FrameWriter::write(const std::string& body) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (framing_ == Framing::ContentLength) {
    std::fprintf(out_, "Content-Length: %zu\r\n\r\n", body.size());
    std::fwrite(body.data(), 1, body.size(), out_);
  } else {
    std::fwrite(body.data(), 1, body.size(), out_);
    std::fputs("\n---\n", out_);
  }
  std::fflush(out_);
}

}  // namespace sparkmigrate::protocol
