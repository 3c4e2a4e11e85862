// Implementation of the HTTP backend: builds the call through the provider's
// Wire, performs it, classifies the outcome (success, transient failure worth
// a retry, final error), waits between attempts and turns every failure into
// one redacted line.
#include "llm/http_backend.h"

#include "llm/error_text.h"
#include "llm/http.h"
#include "llm/retry.h"
#include "llm/wire.h"
#include "support/log.h"
#include "support/size.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cctype>

namespace sparkmigrate::llm {
namespace {

constexpr std::size_t kMaxServerMessageBytes = 200;

bool startsWithIgnoringCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i]) return false;
  }
  return true;
}

std::string_view outcomeName(HttpOutcome outcome) {
  switch (outcome) {
    case HttpOutcome::Complete:
      return "complete";
    case HttpOutcome::Cancelled:
      return "cancelled";
    case HttpOutcome::ConnectFailed:
      return "connect failed";
    case HttpOutcome::TimedOut:
      return "timed out";
    case HttpOutcome::Stalled:
      return "stalled";
    case HttpOutcome::TooLarge:
      return "too large";
    case HttpOutcome::Aborted:
      return "aborted";
    case HttpOutcome::TransportError:
      return "transport error";
  }
  return "?";
}

// Why an attempt failed and what to do about it.
struct Failure {
  std::string reason;
  bool retryable = false;
  std::optional<double> retryHint;  // seconds, from the server
};

class HttpBackend : public Backend {
 public:
  HttpBackend(BackendConfig config, std::unique_ptr<Wire> wire)
      : config_(std::move(config)), wire_(std::move(wire)) {}

  support::Expected<Completion> complete(const Request& request, const CallOptions& options) override {
    try {
      return run(request, options);
    } catch (const std::exception& error) {
      return support::Error{
          safeText(fmt::format("internal error in the model client: {}", error.what()), config_.apiKey)};
    } catch (...) {
      return support::Error{"internal error in the model client"};
    }
  }

  const BackendConfig& config() const override { return config_; }

 private:
  support::Expected<Completion> run(const Request& request, const CallOptions& options);
  Failure classifyStatus(const HttpResponse& response) const;

  BackendConfig config_;
  std::unique_ptr<Wire> wire_;
};

Failure HttpBackend::classifyStatus(const HttpResponse& response) const {
  Failure failure;
  std::string message = clipText(oneLine(redactSecret(errorMessageFromBody(response.body), config_.apiKey)),
                                 kMaxServerMessageBytes);
  failure.reason =
      fmt::format("HTTP {} from {} at {}", response.status, providerName(config_.provider), config_.baseUrl);
  if (!message.empty()) failure.reason += ": " + message;
  failure.retryable = isRetryableStatus(response.status);
  // A 429 for an exhausted quota or spending limit does not go away by waiting.
  if (response.status == 429 && (response.body.find("insufficient_quota") != std::string::npos ||
                                 response.body.find("spend_limit") != std::string::npos)) {
    failure.retryable = false;
  }
  // OpenAI's explicit override.
  std::string shouldRetry = response.header("x-should-retry");
  if (shouldRetry == "true") failure.retryable = true;
  if (shouldRetry == "false") failure.retryable = false;
  failure.retryHint = retryHintSeconds(response.header("retry-after-ms"), response.header("retry-after"),
                                       std::chrono::system_clock::now());
  return failure;
}

support::Expected<Completion> HttpBackend::run(const Request& request, const CallOptions& options) {
  const std::string& key = config_.apiKey;
  auto cancelled = [] { return support::Error{std::string(kCancelledMessage)}; };
  if (options.cancel && options.cancel->cancelled()) return cancelled();
  if (key.find_first_of("\r\n") != std::string::npos)
    return support::Error{"the API key contains a line break"};
  auto call = wire_->buildCall(config_, request);
  if (!call) return support::Error{safeText(call.error().message, key)};
  const int maxAttempts = std::max(1, config_.maxAttempts);
  const std::string safeUrl = safeText(call->url, key);

  for (int attempt = 1;; ++attempt) {
    bool delivered = false;  // some text reached onDelta: no retry after that
    bool streamed = false;   // the body went to the decoder
    std::unique_ptr<StreamDecoder> decoder;
    std::optional<support::Error> streamError;
    DeltaSink sink = [&](std::string_view delta) {
      delivered = true;
      if (options.onDelta) options.onDelta(delta);
    };

    HttpRequest http;
    http.url = call->url;
    http.headers = call->headers;
    http.headers.push_back("Expect:");  // no 100-continue round trip
    http.body = call->body;
    http.timeoutSeconds = config_.timeoutSeconds;
    http.connectTimeoutSeconds = config_.connectTimeoutSeconds;
    http.stream = config_.stream;
    http.maxReplyBytes = config_.maxReplyBytes;
    http.cancel = options.cancel;
    if (config_.stream) {
      decoder = wire_->makeDecoder();
      // A server that ignores `stream` answers with one JSON document.
      http.wantsBody = [&](long status, std::string_view contentType) {
        streamed = status / 100 == 2 && !startsWithIgnoringCase(contentType, "application/json");
        return streamed;
      };
      http.onBody = [&](std::string_view bytes) {
        streamError = decoder->feed(bytes, sink);
        return !streamError;
      };
    }

    HttpResponse response = performHttp(http);
    support::log(support::LogLevel::Debug, "llm: {} POST {} -> {} in {} ms (attempt {}/{})",
                 providerName(config_.provider), safeUrl,
                 response.outcome == HttpOutcome::Complete ? std::to_string(response.status)
                                                           : std::string(outcomeName(response.outcome)),
                 static_cast<long long>(response.elapsedSeconds * 1000), attempt, maxAttempts);

    Failure failure;
    switch (response.outcome) {
      case HttpOutcome::Cancelled:
        return cancelled();
      case HttpOutcome::Complete: {
        if (response.status / 100 != 2) {
          failure = classifyStatus(response);
          break;
        }
        // A stream that closed before its first byte never reached wantsBody.
        if (config_.stream && response.body.empty() &&
            !startsWithIgnoringCase(response.header("content-type"), "application/json")) {
          streamed = true;
        }
        support::Expected<Completion> result =
            streamed ? decoder->finish(sink) : wire_->parseReply(response.body);
        if (result) {
          if (!streamed && config_.stream && !result->text.empty()) sink(result->text);
          result->attempts = attempt;
          result->requestId = response.header("x-request-id");
          if (result->requestId.empty()) result->requestId = response.header("request-id");
          return result;
        }
        failure.reason = result.error().message;
        failure.retryable = streamed && decoder->transientError() && !delivered;
        break;
      }
      case HttpOutcome::ConnectFailed:
        failure.reason = fmt::format("cannot connect to {}: {}", call->url, response.detail);
        failure.retryable = true;
        break;
      case HttpOutcome::TimedOut:
        failure.reason =
            config_.stream
                ? fmt::format("timed out after {:g} s waiting for the end of the streamed reply",
                              10 * config_.timeoutSeconds)
                : fmt::format("timed out after {:g} s waiting for the reply", config_.timeoutSeconds);
        failure.retryable = !delivered;
        break;
      case HttpOutcome::Stalled:
        failure.reason = fmt::format("the stream stalled: no data for {:g} s", config_.timeoutSeconds);
        failure.retryable = !delivered;
        break;
      case HttpOutcome::TooLarge:
        failure.reason = fmt::format("the reply is larger than {}", support::describeSize(config_.maxReplyBytes));
        break;
      case HttpOutcome::Aborted:
        if (streamError) {
          failure.reason = streamError->message;
          failure.retryable = decoder->transientError() && !delivered;
        } else {
          failure.reason =
              fmt::format("the reply was abandoned: the text callback failed: {}", response.detail);
        }
        break;
      case HttpOutcome::TransportError:
        failure.reason = delivered
                             ? fmt::format("{}: {}", kTruncatedMessage, response.detail)
                             : fmt::format("the connection to {} failed: {}", call->url, response.detail);
        failure.retryable = response.retryable && !delivered;
        break;
    }

    if (!failure.retryable || attempt >= maxAttempts) {
      if (attempt > 1) failure.reason += fmt::format(" (after {} attempts)", attempt);
      return support::Error{safeText(failure.reason, key)};
    }
    double wait = std::max(backoffSeconds(attempt, randomJitter()), failure.retryHint.value_or(0.0));
    std::string reason = safeText(failure.reason, key);
    support::log(support::LogLevel::Debug, "llm: retrying in {:.2f} s: {}", wait, reason);
    if (options.onRetry) options.onRetry(attempt + 1, wait, reason);
    if (!sleepUnlessCancelled(wait, options.cancel)) return cancelled();
  }
}

}  // namespace

std::unique_ptr<Backend> makeHttpBackend(BackendConfig config, std::unique_ptr<Wire> wire) {
  return std::make_unique<HttpBackend>(std::move(config), std::move(wire));
}

}  // namespace sparkmigrate::llm
