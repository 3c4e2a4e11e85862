// Reply: exactly one answer per request.
#include "server/reply.h"

#include "protocol/json_text.h"
#include "protocol/jsonrpc.h"
#include "support/log.h"

namespace sparkmigrate::server {

Reply::Reply(nlohmann::json id, std::string method, Sender send)
    : state_(std::make_unique<State>(State{std::move(id), std::move(method), std::move(send), false})) {}

Reply& Reply::operator=(Reply&& other) noexcept {
  if (this != &other) {
    if (state_ && !state_->answered)
      error(protocol::error::kInternalError, "request dropped without a reply");
    state_ = std::move(other.state_);
  }
  return *this;
}

Reply::~Reply() {
  if (state_ && !state_->answered) {
    try {
      error(protocol::error::kInternalError, "the server dropped this request without replying");
    } catch (...) {
    }
  }
}

void Reply::finish(std::string message) {
  if (!state_) return;
  if (state_->answered) {
    support::log(support::LogLevel::Error, "second reply to {} ({}) ignored", state_->id.dump(),
                 state_->method);
    return;
  }
  state_->answered = true;
  state_->send(state_->id, std::move(message));
}

void Reply::result(const nlohmann::json& value) { resultText(protocol::dumpJson(value)); }

void Reply::resultText(std::string_view text) {
  if (!state_) return;
  finish(protocol::responseText(state_->id, text));
}

void Reply::error(int code, std::string message) {
  if (!state_) return;
  finish(protocol::dumpJson(protocol::makeErrorResponse(state_->id, {code, std::move(message), nullptr})));
}

}  // namespace sparkmigrate::server
