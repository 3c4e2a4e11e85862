// What distinguishes one provider's wire format from another, behind one
// small interface: how a Request becomes an HTTP call, how a whole reply is
// read, and how a streamed reply is decoded. The transport, retries, errors
// and logging are shared (http_backend.cpp); each provider lives in its own
// file (openai.cpp, anthropic.cpp, ollama.cpp).
#pragma once

#include "llm/backend.h"
#include "llm/stream.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sparkmigrate::llm {

struct HttpCall {
  std::string url;
  std::vector<std::string> headers;  // "Name: value", the key among them
  std::string body;
};

using DeltaSink = std::function<void(std::string_view delta)>;

// Decodes one streamed reply. Not reused across attempts.
class StreamDecoder {
 public:
  virtual ~StreamDecoder() = default;
  // Consumes the next piece of the body, passing text to onDelta as it is
  // decoded. An error stops the transfer.
  virtual std::optional<support::Error> feed(std::string_view bytes, const DeltaSink& onDelta) = 0;
  // The body ended: the completion, or why it is incomplete.
  virtual support::Expected<Completion> finish(const DeltaSink& onDelta) = 0;
  // Whether the last error is worth another attempt (the server reported a
  // failure mid-stream, or the stream was cut), provided nothing was shown.
  virtual bool transientError() const = 0;
};

// A decoder of Server-Sent Events (OpenAI, Anthropic): feeds each event to
// onEvent, stops at the first error, and reports a stream that ended before
// the provider's end (or a finish reason) as truncated and worth a retry.
class SseDecoder : public StreamDecoder {
 public:
  std::optional<support::Error> feed(std::string_view bytes, const DeltaSink& onDelta) final;
  support::Expected<Completion> finish(const DeltaSink& onDelta) final;
  bool transientError() const final { return transient_; }

 protected:
  // One event; false stops the stream (after setting error_).
  virtual bool onEvent(const SseEvent& event, const DeltaSink& onDelta) = 0;
  // Whether the provider's end-of-stream event came.
  virtual bool ended() const = 0;
  // The completion of a stream that ended properly, or why it has none.
  virtual support::Expected<Completion> complete() = 0;

  Completion completion_;
  std::optional<support::Error> error_;
  bool transient_ = false;

 private:
  SseParser parser_;
};

class Wire {
 public:
  virtual ~Wire() = default;
  // Fails only on a request that cannot be sent (a schema that is not JSON).
  virtual support::Expected<HttpCall> buildCall(const BackendConfig& config,
                                                const Request& request) const = 0;
  // A whole (non-streamed) 2xx reply.
  virtual support::Expected<Completion> parseReply(std::string_view body) const = 0;
  virtual std::unique_ptr<StreamDecoder> makeDecoder() const = 0;
};

std::unique_ptr<Wire> makeOpenAiWire();
std::unique_ptr<Wire> makeAnthropicWire();
std::unique_ptr<Wire> makeOllamaWire();

// Shared helpers for the wire implementations (wire.cpp).

// "{base}{path}" with `path` inserted before any "?query" of the base URL
// and without doubling the slash.
std::string joinUrl(std::string_view baseUrl, std::string_view path);
// The host of a URL, in lower case, without user info or port.
std::string urlHost(std::string_view url);
// Parses Request::jsonSchema (which must be a JSON object).
support::Expected<nlohmann::json> parseSchema(const std::string& schema);
// "system", "user", "assistant".
std::string_view roleName(Message::Role role);
// Parses a JSON reply body, or "the reply is not valid JSON: ...".
support::Expected<nlohmann::json> parseJsonBody(std::string_view body);
// The human-readable error in an error body ({"error": {"message": ...}},
// {"error": "..."}, {"message": ...}), else the body itself; empty if none.
std::string errorMessageFromBody(std::string_view body);
// The error text in a parsed JSON object, if it reports one.
std::optional<std::string> errorMessageFromJson(const nlohmann::json& value);
// Integer field of an object, 0 when absent or not a number.
long long intField(const nlohmann::json& object, const char* name);
// String field of an object, empty when absent or not a string.
std::string stringField(const nlohmann::json& object, const char* name);

inline constexpr std::string_view kNoContentMessage = "the reply has no message content";
inline constexpr std::string_view kTruncatedMessage = "the stream ended early (truncated reply)";

}  // namespace sparkmigrate::llm
