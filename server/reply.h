// The answer to one JSON-RPC request. Every request gets exactly one reply:
// a Reply can answer once (later calls are ignored and logged), and one that
// is destroyed unanswered sends InternalError. Movable, not copyable; safe to
// answer or drop on any thread (sending goes through a thread-safe callback).
#pragma once

#include <nlohmann/json.hpp>

#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace sparkmigrate::server {

class Reply {
 public:
  // `send` receives the complete response message as JSON text.
  using Sender = std::function<void(const nlohmann::json& id, std::string message)>;
  Reply(nlohmann::json id, std::string method, Sender send);
  Reply(Reply&&) noexcept = default;
  Reply& operator=(Reply&&) noexcept;
  Reply(const Reply&) = delete;
  Reply& operator=(const Reply&) = delete;
  ~Reply();

  void result(const nlohmann::json& value);
  // A result already written as JSON text.
  void resultText(std::string_view text);
  void error(int code, std::string message);
  bool answered() const { return !state_ || state_->answered; }
  const nlohmann::json& id() const { return state_->id; }
  const std::string& method() const { return state_->method; }

 private:
  struct State {
    nlohmann::json id;
    std::string method;
    Sender send;
    bool answered = false;
  };
  void finish(std::string message);
  std::unique_ptr<State> state_;
};

}  // namespace sparkmigrate::server
