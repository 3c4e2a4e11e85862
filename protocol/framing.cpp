// Content-Length and `---`-delimited framing.
#include "protocol/framing.h"

#include <unistd.h>

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

}  // namespace

bool FrameReader::fill() {
  if (eof_) return false;
  if (pos_ > 0 && pos_ >= buffer_.size() / 2) {
    buffer_.erase(0, pos_);
    pos_ = 0;
  }
  char chunk[65536];
  while (true) {
    ssize_t n = ::read(fd_, chunk, sizeof chunk);
    if (n > 0) {
      buffer_.append(chunk, static_cast<std::size_t>(n));
      return true;
    }
    if (n < 0 && errno == EINTR) continue;
    eof_ = true;
    return false;
  }
}

Frame FrameReader::next() {
  return framing_ == Framing::ContentLength ? nextContentLength() : nextDelimited();
}

Frame FrameReader::nextContentLength() {
  // Header block: lines up to an empty line.
  std::size_t headerEnd;
  while (true) {
    headerEnd = buffer_.find("\r\n\r\n", pos_);
    std::size_t lfOnly = buffer_.find("\n\n", pos_);  // tolerate bare LF headers
    if (lfOnly != std::string::npos && (headerEnd == std::string::npos || lfOnly < headerEnd)) {
      headerEnd = lfOnly;
      break;
    }
    if (headerEnd != std::string::npos) break;
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
  long long length = -1;
  std::string problem;
  while (!headers.empty()) {
    std::size_t eol = headers.find('\n');
    std::string_view line = trim(headers.substr(0, eol));
    headers = eol == std::string_view::npos ? std::string_view() : headers.substr(eol + 1);
    if (line.empty()) continue;
    std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) {
      problem = "malformed header line '" + std::string(line) + "'";
      continue;
    }
    if (lower(trim(line.substr(0, colon))) != "content-length") continue;
    std::string value(trim(line.substr(colon + 1)));
    char* end = nullptr;
    errno = 0;
    long long n = std::strtoll(value.c_str(), &end, 10);
    if (value.empty() || *end != '\0' || errno != 0 || n < 0 || n > (1LL << 30)) {
      problem = "bad Content-Length '" + value + "'";
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
  while (buffer_.size() - pos_ < static_cast<std::size_t>(length))
    if (!fill()) {
      Frame f;
      f.kind = Frame::Kind::Error;
      f.error = "input ended inside a message body";
      pos_ = buffer_.size();
      return f;
    }
  Frame f;
  f.kind = Frame::Kind::Body;
  f.body = buffer_.substr(pos_, static_cast<std::size_t>(length));
  pos_ += static_cast<std::size_t>(length);
  return f;
}

Frame FrameReader::nextDelimited() {
  std::string body;
  while (true) {
    std::size_t eol = buffer_.find('\n', pos_);
    if (eol == std::string::npos) {
      if (fill()) continue;
      // Last line without a newline.
      eol = buffer_.size();
      if (pos_ >= buffer_.size()) {
        Frame f;
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
