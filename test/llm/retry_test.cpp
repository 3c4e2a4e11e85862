// Unit tests for the retry policy (status classes, backoff, Retry-After in
// its three forms, the cancellable sleep) and the error-text helpers
// (redaction, one-line messages, URL building).
#include "llm/error_text.h"
#include "llm/retry.h"
#include "llm/wire.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

using namespace sparkmigrate;
using namespace sparkmigrate::llm;

namespace {

std::chrono::system_clock::time_point at(int year, unsigned month, unsigned day, int hour, int minute,
                                         int second) {
  using namespace std::chrono;
  return sys_days(year_month_day{std::chrono::year(year), std::chrono::month(month), std::chrono::day(day)}) +
         hours(hour) + minutes(minute) + seconds(second);
}

}  // namespace

TEST_CASE("retryable statuses") {
  for (long status : {408, 409, 429, 500, 502, 503, 504, 529}) CHECK(isRetryableStatus(status));
  for (long status : {200, 400, 401, 403, 404, 422, 413, 418}) CHECK_FALSE(isRetryableStatus(status));
}

TEST_CASE("backoff doubles from 0.5 s, is capped at 8 s and scaled by the jitter") {
  CHECK(backoffSeconds(1, 1.0) == Approx(0.5));
  CHECK(backoffSeconds(2, 1.0) == Approx(1.0));
  CHECK(backoffSeconds(3, 0.75) == Approx(1.5));
  CHECK(backoffSeconds(5, 1.0) == Approx(8.0));
  CHECK(backoffSeconds(12, 1.0) == Approx(8.0));
  for (int i = 0; i < 100; ++i) {
    double jitter = randomJitter();
    CHECK(jitter >= 0.75);
    CHECK(jitter <= 1.0);
  }
}

TEST_CASE("Retry-After: milliseconds, seconds and HTTP dates") {
  auto now = at(2015, 10, 21, 7, 27, 30);
  CHECK(retryHintSeconds("250", "", now) == Approx(0.25));
  CHECK(retryHintSeconds("1500", "30", now) == Approx(1.5));  // retry-after-ms wins
  CHECK(retryHintSeconds("", "2", now) == Approx(2.0));
  CHECK(retryHintSeconds("", " 1.5 ", now) == Approx(1.5));
  CHECK(retryHintSeconds("soon", "3", now) == Approx(3.0));  // invalid ms: fall back
  CHECK(retryHintSeconds("", "Wed, 21 Oct 2015 07:28:00 GMT", now) == Approx(30.0));
  CHECK(retryHintSeconds("", "Wed, 21 Oct 2015 07:27:00 GMT", now) == Approx(0.0));  // past
  CHECK(retryHintSeconds("", "3600", now) == Approx(60.0));                          // capped
  CHECK(retryHintSeconds("", "Thu, 22 Oct 2015 07:28:00 GMT", now) == Approx(60.0));
  CHECK_FALSE(retryHintSeconds("", "", now));
  CHECK_FALSE(retryHintSeconds("", "-1", now));
  CHECK_FALSE(retryHintSeconds("", "later", now));
  CHECK_FALSE(retryHintSeconds("", "Wed, 32 Oct 2015 07:28:00 GMT", now));
  CHECK_FALSE(retryHintSeconds("", "Wed, 21 Foo 2015 07:28:00 GMT", now));
  CHECK_FALSE(retryHintSeconds("", "Wednesday, 21-Oct-15 07:28:00 GMT", now));
  CHECK(secondsUntilHttpDate("Sun, 06 Nov 1994 08:49:37 GMT", at(1994, 11, 6, 8, 49, 30)) == Approx(7.0));
  CHECK(secondsUntilHttpDate("Thu, 29 Feb 2024 00:00:00 GMT", at(2024, 2, 28, 23, 59, 0)) == Approx(60.0));
}

TEST_CASE("the backoff sleep stops within 50 ms of a cancel") {
  support::CancellationToken token;
  CHECK(sleepUnlessCancelled(0.05, &token));
  std::thread canceller([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    token.cancel();
  });
  auto start = std::chrono::steady_clock::now();
  CHECK_FALSE(sleepUnlessCancelled(10, &token));
  double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  canceller.join();
  CHECK(elapsed < 0.1 + 0.1);
}

TEST_CASE("redaction and one-line error text") {
  CHECK(redactSecret("key sk-secret-123 and sk-secret-123 again", "sk-secret-123") ==
        "key *** and *** again");
  CHECK(redactSecret("abc", "ab") == "abc");  // too short to hide
  CHECK(redactSecret("anything", "") == "anything");
  CHECK(oneLine("first\nsecond\r\n\tthird  \x01") == "first second third");
  CHECK(safeText("bad key:\nsk-abcd\n", "sk-abcd") == "bad key: ***");
  CHECK(clipText("abcdef", 4) == "abcd...");
  CHECK(clipText("ab\xC3\xA9", 3) == "ab...");  // never splits a character
}

TEST_CASE("endpoint URLs keep the query string last") {
  CHECK(joinUrl("http://h:1/v1", "/chat/completions") == "http://h:1/v1/chat/completions");
  CHECK(joinUrl("http://h:1/v1/", "/chat/completions") == "http://h:1/v1/chat/completions");
  CHECK(joinUrl("https://r.openai.azure.com/openai/deployments/d?api-version=2024-10-21",
                "/chat/completions") ==
        "https://r.openai.azure.com/openai/deployments/d/chat/completions?api-version=2024-10-21");
  CHECK(urlHost("https://R.OpenAI.Azure.com/openai?x=1") == "r.openai.azure.com");
  CHECK(urlHost("http://user:pw@127.0.0.1:8080/v1") == "127.0.0.1");
  CHECK(urlHost("http://[::1]:8080/v1") == "[::1]");
}
