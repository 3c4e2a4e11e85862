// Implementation of the loopback HTTP server used by the llm tests (POSIX
// sockets, poll with short timeouts so that stopping is prompt).
#include "test/llm/test_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <stdexcept>

namespace sparkmigrate::llm::test {
namespace {

using Clock = std::chrono::steady_clock;
constexpr int kMaxConnections = 64;        // per server
constexpr double kMaxServerLifetime = 60;  // seconds
constexpr double kRequestReadTimeout = 5;  // seconds
constexpr std::size_t kMaxRequestBytes = 8 << 20;

double secondsSince(Clock::time_point then) {
  return std::chrono::duration<double>(Clock::now() - then).count();
}

int bindLoopback(int& port) {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) throw std::runtime_error("socket() failed");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;  // ephemeral
  if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    throw std::runtime_error("bind() failed");
  }
  socklen_t length = sizeof address;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  port = ntohs(address.sin_port);
  return fd;
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

std::string trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r'))
    text.remove_suffix(1);
  return std::string(text);
}

// Reads one request (headers and a Content-Length body) within the timeout.
bool readRequest(int fd, const std::atomic<bool>& stopping, ReceivedRequest& request) {
  std::string data;
  auto start = Clock::now();
  std::size_t headerEnd = std::string::npos;
  std::size_t contentLength = 0;
  char buffer[65536];
  while (secondsSince(start) < kRequestReadTimeout && !stopping && data.size() < kMaxRequestBytes) {
    if (headerEnd == std::string::npos) {
      headerEnd = data.find("\r\n\r\n");
      if (headerEnd != std::string::npos) {
        std::string_view head(data.data(), headerEnd);
        auto lineEnd = head.find("\r\n");
        std::string_view requestLine = head.substr(0, lineEnd);
        auto firstSpace = requestLine.find(' ');
        auto secondSpace = requestLine.find(' ', firstSpace + 1);
        request.method = std::string(requestLine.substr(0, firstSpace));
        request.target = std::string(requestLine.substr(firstSpace + 1, secondSpace - firstSpace - 1));
        while (lineEnd != std::string_view::npos) {
          head.remove_prefix(lineEnd + 2);
          lineEnd = head.find("\r\n");
          std::string_view line = head.substr(0, lineEnd);
          auto colon = line.find(':');
          if (colon == std::string_view::npos) continue;
          request.headers[lower(trim(line.substr(0, colon)))] = trim(line.substr(colon + 1));
        }
        if (request.header("content-length").size())
          contentLength = std::stoul(request.header("content-length"));
        if (lower(request.header("expect")) == "100-continue") {
          std::string_view reply = "HTTP/1.1 100 Continue\r\n\r\n";
          ::send(fd, reply.data(), reply.size(), MSG_NOSIGNAL);
        }
      }
    }
    if (headerEnd != std::string::npos && data.size() >= headerEnd + 4 + contentLength) {
      request.body = data.substr(headerEnd + 4, contentLength);
      return true;
    }
    pollfd poller{fd, POLLIN, 0};
    if (::poll(&poller, 1, 50) <= 0) continue;
    ssize_t got = ::recv(fd, buffer, sizeof buffer, 0);
    if (got <= 0) return false;
    data.append(buffer, static_cast<std::size_t>(got));
  }
  return false;
}

}  // namespace

std::string ReceivedRequest::header(const std::string& lowerName) const {
  auto it = headers.find(lowerName);
  return it == headers.end() ? std::string() : it->second;
}

nlohmann::json ReceivedRequest::json() const {
  auto parsed = nlohmann::json::parse(body, nullptr, false);
  return parsed.is_discarded() ? nlohmann::json() : parsed;
}

bool Connection::send(std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t sent = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (sent <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(sent));
  }
  return true;
}

bool Connection::pause(double seconds) {
  auto start = Clock::now();
  while (secondsSince(start) < seconds) {
    if (stopping_) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return true;
}

bool Connection::waitFor(const std::function<bool()>& ready, double seconds) {
  auto start = Clock::now();
  while (secondsSince(start) < seconds && !stopping_) {
    if (ready()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return ready();
}

bool Connection::peerClosed(double seconds) {
  auto start = Clock::now();
  char buffer[256];
  while (secondsSince(start) < seconds && !stopping_) {
    pollfd poller{fd_, POLLIN, 0};
    if (::poll(&poller, 1, 10) > 0) {
      ssize_t got = ::recv(fd_, buffer, sizeof buffer, MSG_DONTWAIT);
      if (got == 0 || (got < 0 && errno != EAGAIN && errno != EWOULDBLOCK)) return true;
    }
  }
  return false;
}

TestServer::TestServer(Handler handler) : handler_(std::move(handler)) {
  listenFd_ = bindLoopback(port_);
  if (::listen(listenFd_, 16) != 0) {
    ::close(listenFd_);
    throw std::runtime_error("listen() failed");
  }
  thread_ = std::thread([this] { serve(); });
}

TestServer::~TestServer() {
  stopping_ = true;
  thread_.join();
  ::close(listenFd_);
}

std::string TestServer::url(std::string_view path) const {
  return fmt::format("http://127.0.0.1:{}{}", port_, path);
}

std::vector<ReceivedRequest> TestServer::requests() const {
  std::lock_guard lock(mutex_);
  return requests_;
}

int TestServer::requestCount() const {
  std::lock_guard lock(mutex_);
  return static_cast<int>(requests_.size());
}

void TestServer::serve() {
  auto start = Clock::now();
  for (int served = 0; served < kMaxConnections && !stopping_ && secondsSince(start) < kMaxServerLifetime;) {
    pollfd poller{listenFd_, POLLIN, 0};
    if (::poll(&poller, 1, 50) <= 0) continue;
    int fd = ::accept4(listenFd_, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0) continue;
    ++served;
    ReceivedRequest request;
    if (readRequest(fd, stopping_, request)) {
      int index = 0;
      {
        std::lock_guard lock(mutex_);
        index = static_cast<int>(requests_.size());
        requests_.push_back(request);
      }
      Connection connection(fd, stopping_);
      handler_(request, index, connection);
    }
    ::shutdown(fd, SHUT_RDWR);
    ::close(fd);
  }
}

std::string httpResponse(int status, std::string_view body, std::vector<std::string> headers,
                         std::string_view contentType) {
  std::string text =
      fmt::format("HTTP/1.1 {} Status\r\nContent-Type: {}\r\nContent-Length: {}\r\nConnection: close\r\n",
                  status, contentType, body.size());
  for (const std::string& header : headers) text += header + "\r\n";
  text += "\r\n";
  text += body;
  return text;
}

std::string streamHeaders(std::string_view contentType, std::vector<std::string> headers) {
  std::string text = fmt::format("HTTP/1.1 200 OK\r\nContent-Type: {}\r\nConnection: close\r\n", contentType);
  for (const std::string& header : headers) text += header + "\r\n";
  text += "\r\n";
  return text;
}

RefusingPort::RefusingPort() {
  fd_ = bindLoopback(port_);
}

RefusingPort::~RefusingPort() {
  ::close(fd_);
}

}  // namespace sparkmigrate::llm::test
