// Implementation of the retry policy: status classification, jittered
// backoff, Retry-After parsing (delta-seconds and IMF-fixdate) and the
// cancellable sleep.
#include "llm/retry.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <random>
#include <thread>

namespace sparkmigrate::llm {
namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() &&
         (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' || text.back() == '\n')) {
    text.remove_suffix(1);
  }
  return text;
}

// A non-negative decimal number taking the whole text.
std::optional<double> parseNumber(std::string_view text) {
  text = trim(text);
  if (text.empty() || !(std::isdigit(static_cast<unsigned char>(text.front())) || text.front() == '.')) {
    return std::nullopt;
  }
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value, std::chars_format::fixed);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

bool parseDigits(std::string_view text, int& out) {
  if (text.empty()) return false;
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  out = value;
  return true;
}

}  // namespace

bool isRetryableStatus(long status) {
  return status == 408 || status == 409 || status == 429 || (status >= 500 && status <= 599);
}

double backoffSeconds(int attempt, double jitter) {
  double base = kInitialBackoffSeconds * std::pow(2.0, std::max(0, attempt - 1));
  return std::min(base, kMaxBackoffSeconds) * jitter;
}

double randomJitter() {
  thread_local std::mt19937 generator{std::random_device{}()};
  return std::uniform_real_distribution<double>(0.75, 1.0)(generator);
}

std::optional<double> secondsUntilHttpDate(std::string_view text, std::chrono::system_clock::time_point now) {
  // IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT" (exactly 29 characters).
  text = trim(text);
  if (text.size() != 29 || text[3] != ',' || text[4] != ' ' || text[7] != ' ' || text[11] != ' ' ||
      text[16] != ' ' || text[19] != ':' || text[22] != ':' || text.substr(25) != " GMT") {
    return std::nullopt;
  }
  static constexpr std::array<std::string_view, 7> kDays = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  if (std::find(kDays.begin(), kDays.end(), text.substr(0, 3)) == kDays.end()) return std::nullopt;
  static constexpr std::array<std::string_view, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  auto month = std::find(kMonths.begin(), kMonths.end(), text.substr(8, 3));
  if (month == kMonths.end()) return std::nullopt;
  int day = 0, year = 0, hour = 0, minute = 0, second = 0;
  if (!parseDigits(text.substr(5, 2), day) || !parseDigits(text.substr(12, 4), year) ||
      !parseDigits(text.substr(17, 2), hour) || !parseDigits(text.substr(20, 2), minute) ||
      !parseDigits(text.substr(23, 2), second) || hour > 23 || minute > 59 || second > 60) {
    return std::nullopt;
  }
  using namespace std::chrono;
  year_month_day date{std::chrono::year(year),
                      std::chrono::month(static_cast<unsigned>(month - kMonths.begin() + 1)),
                      std::chrono::day(static_cast<unsigned>(day))};
  if (!date.ok()) return std::nullopt;
  auto when = sys_days(date) + hours(hour) + minutes(minute) + seconds(second);
  return duration<double>(when - now).count();
}

std::optional<double> retryHintSeconds(std::string_view retryAfterMs, std::string_view retryAfter,
                                       std::chrono::system_clock::time_point now) {
  std::optional<double> hint;
  if (auto ms = parseNumber(retryAfterMs)) {
    hint = *ms / 1000;
  } else if (auto seconds = parseNumber(retryAfter)) {
    hint = *seconds;
  } else if (auto untilDate = secondsUntilHttpDate(retryAfter, now)) {
    hint = std::max(0.0, *untilDate);
  }
  if (hint) hint = std::min(*hint, kMaxRetryHintSeconds);
  return hint;
}

bool sleepUnlessCancelled(double seconds, const support::CancellationToken* cancel) {
  using Clock = std::chrono::steady_clock;
  auto deadline =
      Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
  while (true) {
    if (cancel && cancel->cancelled()) return false;
    auto now = Clock::now();
    if (now >= deadline) return true;
    std::this_thread::sleep_for(std::min<Clock::duration>(deadline - now, std::chrono::milliseconds(50)));
  }
}

}  // namespace sparkmigrate::llm
