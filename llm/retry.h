// The retry policy shared by every provider: which failures are transient,
// how long to wait before the next attempt (jittered exponential backoff that
// honours the server's retry-after-ms / Retry-After hints) and a cancellable
// sleep.
#pragma once

#include "support/cancel.h"

#include <chrono>
#include <optional>
#include <string_view>

namespace sparkmigrate::llm {

inline constexpr double kInitialBackoffSeconds = 0.5;
inline constexpr double kMaxBackoffSeconds = 8;
inline constexpr double kMaxRetryHintSeconds = 60;

// 408, 409, 429 and 5xx (529 included).
bool isRetryableStatus(long status);

// The backoff after failed attempt `attempt` (1-based): 0.5 s * 2^(attempt-1),
// at most 8 s, scaled by `jitter`, which callers draw from [0.75, 1.0].
double backoffSeconds(int attempt, double jitter);
// A jitter factor drawn uniformly from [0.75, 1.0].
double randomJitter();

// Seconds until an RFC 7231 IMF-fixdate ("Wed, 21 Oct 2015 07:28:00 GMT");
// negative when it is in the past; nullopt when the text is not such a date.
std::optional<double> secondsUntilHttpDate(std::string_view text, std::chrono::system_clock::time_point now);

// The server's hint from the `retry-after-ms` header (milliseconds) or else
// `retry-after` (seconds, possibly decimal, or an HTTP date), capped at 60 s.
// nullopt when neither header is present and valid.
std::optional<double> retryHintSeconds(std::string_view retryAfterMs, std::string_view retryAfter,
                                       std::chrono::system_clock::time_point now);

// Sleeps `seconds` in slices of at most 50 ms; returns false as soon as the
// token is cancelled.
bool sleepUnlessCancelled(double seconds, const support::CancellationToken* cancel);

}  // namespace sparkmigrate::llm
