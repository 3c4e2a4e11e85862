// A tiny HTTP/1.1 server for the llm wire tests: one thread, listening on
// 127.0.0.1 at an ephemeral port, one request per connection, each answered
// by a handler the test supplies (which can send bytes, pause, stall or close
// mid-reply). Every loop is bounded in count and time; nothing leaves
// loopback.
#pragma once

#include <nlohmann/json.hpp>

#include <atomic>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace sparkmigrate::llm::test {

struct ReceivedRequest {
  std::string method;
  std::string target;                          // path and query
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;

  bool hasHeader(const std::string& lowerName) const { return headers.count(lowerName) != 0; }
  std::string header(const std::string& lowerName) const;
  nlohmann::json json() const;  // the body; null when it is not JSON
};

class Connection {
 public:
  Connection(int fd, const std::atomic<bool>& stopping) : fd_(fd), stopping_(stopping) {}
  // Sends everything (false when the peer is gone).
  bool send(std::string_view bytes);
  // Sleeps, returning early (false) when the server stops.
  bool pause(double seconds);
  // Waits until `ready` returns true (true) or `seconds` pass (false).
  bool waitFor(const std::function<bool()>& ready, double seconds);
  // Whether the client closed the connection (waits up to `seconds`).
  bool peerClosed(double seconds);

 private:
  int fd_;
  const std::atomic<bool>& stopping_;
};

class TestServer {
 public:
  // The handler answers request number `index` (0-based); the connection is
  // closed when it returns.
  using Handler = std::function<void(const ReceivedRequest& request, int index, Connection& connection)>;

  explicit TestServer(Handler handler);
  ~TestServer();
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  int port() const { return port_; }
  std::string url(std::string_view path = "") const;
  std::vector<ReceivedRequest> requests() const;
  int requestCount() const;

 private:
  void serve();

  Handler handler_;
  int listenFd_ = -1;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  mutable std::mutex mutex_;
  std::vector<ReceivedRequest> requests_;
  std::thread thread_;
};

// A whole HTTP/1.1 response with Content-Length and Connection: close.
std::string httpResponse(int status, std::string_view body, std::vector<std::string> headers = {},
                         std::string_view contentType = "application/json");
// Response headers for a body of unknown length, ended by closing.
std::string streamHeaders(std::string_view contentType = "text/event-stream",
                          std::vector<std::string> headers = {});

// A port on 127.0.0.1 that refuses connections while the object lives (a
// bound socket that does not listen).
class RefusingPort {
 public:
  RefusingPort();
  ~RefusingPort();
  int port() const { return port_; }

 private:
  int fd_ = -1;
  int port_ = 0;
};

}  // namespace sparkmigrate::llm::test
