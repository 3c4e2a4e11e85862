// Model access for sparkmigrate: one small, cancellable Backend interface with
// implementations for the three wire families that cover the hosted and local
// model servers people use (OpenAI-compatible Chat Completions, Anthropic
// Messages, Ollama's native /api/chat), over libcurl. It knows nothing of
// Python, Spark or LSP: it sends messages and returns the assistant's text.
//
// Contract:
//   * complete() blocks the calling thread (run it on a worker: the language
//     server's pool, or completeAsync below) and returns the reply text or a
//     one-line error. It never throws.
//   * The API key is sent only in the provider's auth header; it never
//     appears in an error message, a log line or anything returned.
//   * Transient failures (connection errors, 408, 409, 429, 5xx) are retried
//     up to config.maxAttempts HTTP attempts with jittered exponential backoff
//     that honours Retry-After (seconds or HTTP date) and retry-after-ms;
//     400/401/403/404/422 never are. A cancelled token stops the transfer and
//     any backoff within about 50 ms and returns an error whose message is
//     kCancelledMessage.
//   * TLS peers are verified; proxy environment variables are honoured.
//
// To add a new backend:
//   1. Add a Provider value and its name in parseProvider/providerName.
//   2. Write its request body, reply parser and stream parser in
//      llm/<name>.cpp (see openai.cpp) and select it in makeBackend.
//   3. Add a scripted loopback server for its wire format to
//      test/python/llm_servers.py and cover it in test/python/test_llm_faults.py.
#pragma once

#include "support/cancel.h"
#include "support/expected.h"

#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sparkmigrate::llm {

enum class Provider { OpenAI, Anthropic, Ollama };

// "openai", "anthropic", "ollama".
std::optional<Provider> parseProvider(std::string_view name);
std::string_view providerName(Provider provider);
// The base URL used when none is configured: https://api.openai.com/v1,
// https://api.anthropic.com/v1, http://localhost:11434.
std::string_view defaultBaseUrl(Provider provider);

struct BackendConfig {
  Provider provider = Provider::OpenAI;
  // Without the endpoint's own path: ".../v1" for OpenAI-compatible servers
  // ("/chat/completions" is appended before any query string, so an Azure
  // deployment URL with ?api-version=... works), ".../v1" for Anthropic
  // ("/messages"), the server root for Ollama ("/api/chat"). Empty: the
  // provider's default.
  std::string baseUrl;
  std::string model;
  std::string apiKey;                 // may be empty (local servers)
  double timeoutSeconds = 300;        // whole reply (non-streaming); silence allowed (streaming)
  double connectTimeoutSeconds = 10;  // TCP + TLS handshake
  int maxAttempts = 3;                // HTTP attempts per complete() call, >= 1
  bool stream = false;                // ask for a streamed reply (SSE / NDJSON)
  std::size_t maxReplyBytes = 4 << 20;  // larger replies are an error
};

struct Message {
  enum class Role { System, User, Assistant };
  Role role = Role::User;
  std::string content;
};

struct Request {
  std::vector<Message> messages;  // at most one System message, first
  // A JSON Schema (as JSON text) the answer must follow; empty for free text.
  // OpenAI-compatible: response_format json_schema (strict); Anthropic: a
  // forced tool whose input_schema it is (the tool input is returned as the
  // text, as JSON); Ollama: `format`. Servers that ignore it still answer;
  // callers parse tolerantly.
  std::string jsonSchema;
  std::string schemaName = "answer";
  int maxTokens = 2048;
  double temperature = 0;
};

struct Completion {
  std::string text;          // assistant text (or the forced tool's input as JSON)
  std::string finishReason;  // as the server said: stop, length, end_turn, tool_use, ...
  long long promptTokens = 0;
  long long completionTokens = 0;
  int attempts = 1;       // HTTP attempts made
  std::string requestId;  // x-request-id / request-id, when given
};

struct CallOptions {
  const support::CancellationToken* cancel = nullptr;
  // Streaming: called on the calling thread with each piece of text as it
  // arrives (before complete() returns).
  std::function<void(std::string_view delta)> onDelta;
  // Called before a retry: the attempt about to start (2, 3, ...), the wait
  // in seconds and the one-line reason.
  std::function<void(int attempt, double waitSeconds, const std::string& reason)> onRetry;
};

inline constexpr std::string_view kCancelledMessage = "cancelled";

class Backend {
 public:
  virtual ~Backend() = default;
  virtual support::Expected<Completion> complete(const Request& request, const CallOptions& options) = 0;
  virtual const BackendConfig& config() const = 0;
  // "openai model gpt-4o at https://api.openai.com/v1" (never the key).
  std::string describe() const;
};

std::unique_ptr<Backend> makeBackend(BackendConfig config);

// Runs backend.complete on a new thread; the backend must outlive the future.
std::future<support::Expected<Completion>> completeAsync(Backend& backend, Request request, CallOptions options);

// A deterministic backend for tests: answers each call with the next scripted
// reply (text, or an error message when `error` is set), then repeats the last.
class ScriptedBackend : public Backend {
 public:
  struct Reply {
    std::string text;
    bool error = false;
  };
  explicit ScriptedBackend(std::vector<Reply> replies, BackendConfig config = {});
  support::Expected<Completion> complete(const Request& request, const CallOptions& options) override;
  const BackendConfig& config() const override { return config_; }
  const std::vector<Request>& requests() const { return requests_; }  // what it was asked

 private:
  std::vector<Reply> replies_;
  std::vector<Request> requests_;
  BackendConfig config_;
};

}  // namespace sparkmigrate::llm
