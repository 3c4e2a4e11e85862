// One HTTP POST over libcurl, the way the backends need it: cancellable
// within ~50 ms (multi interface, short polls), bounded in time and size,
// TLS verified, proxies taken from the environment, and with the body of a
// successful streamed reply handed over piece by piece as it arrives.
#pragma once

#include "support/cancel.h"

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace sparkmigrate::llm {

struct HttpRequest {
  std::string url;
  std::vector<std::string> headers;  // "Name: value"
  std::string body;                  // JSON, sent with POST
  double timeoutSeconds = 300;       // whole reply; with `stream`, longest silence
  double connectTimeoutSeconds = 10;
  bool stream = false;  // streaming: a stall detector and a total limit of 10 x timeoutSeconds
  std::size_t maxReplyBytes = 4 << 20;
  const support::CancellationToken* cancel = nullptr;
  // Decides, once the headers of the final response are in, whether its body
  // goes to onBody (true) or is collected into HttpResponse::body. Unset:
  // stream 2xx replies when `stream` is set.
  std::function<bool(long status, std::string_view contentType)> wantsBody;
  // Receives body pieces (see wantsBody) on the calling thread; returning
  // false aborts the transfer (HttpOutcome::Aborted).
  std::function<bool(std::string_view bytes)> onBody;
};

enum class HttpOutcome {
  Complete,        // a whole response arrived (any status)
  Cancelled,       // the token was cancelled
  ConnectFailed,   // DNS, TCP or proxy connection failed or timed out
  TimedOut,        // the whole-reply limit was reached
  Stalled,         // streaming: no data for timeoutSeconds
  TooLarge,        // more than maxReplyBytes
  Aborted,         // onBody returned false
  TransportError,  // the connection broke, a TLS error, ...
};

struct HttpResponse {
  HttpOutcome outcome = HttpOutcome::TransportError;
  long status = 0;
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;                            // unless it went to onBody
  std::string detail;                          // libcurl's error text, for failures
  bool retryable = false;                      // for TransportError: worth another attempt
  double elapsedSeconds = 0;

  std::string header(const std::string& lowerName) const;
};

// Performs the request on the calling thread. Never throws.
HttpResponse performHttp(const HttpRequest& request);

}  // namespace sparkmigrate::llm
