// Unit tests for the incremental SSE and NDJSON parsers: the same body fed
// whole, byte by byte and split at every position must give the same events,
// with LF, CRLF and CR line endings.
#include "llm/stream.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace sparkmigrate::llm;

namespace {

std::string withEndings(std::string text, const std::string& ending) {
  std::string out;
  for (char c : text) {
    if (c == '\n') {
      out += ending;
    } else {
      out += c;
    }
  }
  return out;
}

using Events = std::vector<std::vector<std::string>>;  // {event, data, id}

// Parses `body` cut into pieces at the given positions.
Events parseSse(const std::string& body, const std::vector<std::size_t>& cuts) {
  SseParser parser;
  Events events;
  auto onEvent = [&](const SseEvent& event) {
    events.push_back({event.event, event.data, event.id});
    return true;
  };
  std::size_t from = 0;
  for (std::size_t cut : cuts) {
    parser.feed(std::string_view(body).substr(from, cut - from), onEvent);
    from = cut;
  }
  parser.feed(std::string_view(body).substr(from), onEvent);
  parser.finish(onEvent);
  return events;
}

std::vector<std::string> parseNdjson(const std::string& body, const std::vector<std::size_t>& cuts) {
  NdjsonParser parser;
  std::vector<std::string> lines;
  auto onLine = [&](std::string_view line) {
    lines.emplace_back(line);
    return true;
  };
  std::size_t from = 0;
  for (std::size_t cut : cuts) {
    parser.feed(std::string_view(body).substr(from, cut - from), onLine);
    from = cut;
  }
  parser.feed(std::string_view(body).substr(from), onLine);
  parser.finish(onLine);
  return lines;
}

std::vector<std::size_t> everyByte(std::size_t size) {
  std::vector<std::size_t> cuts;
  for (std::size_t i = 1; i < size; ++i) cuts.push_back(i);
  return cuts;
}

const std::string kSseBody =
    ": ping\n"
    "event: message_start\n"
    "data: {\"a\":1}\n"
    "\n"
    ": keep-alive comment\n"
    "\n"
    "data: first line\n"
    "data:second line\n"
    "id: 7\n"
    "retry: 1000\n"
    "unknown: field\n"
    "\n"
    "event: lonely\n"
    "\n"
    "data: [DONE]\n"
    "\n";

const Events kSseEvents = {
    {"message_start", "{\"a\":1}", ""},
    {"", "first line\nsecond line", "7"},
    {"", "[DONE]", "7"},
};

}  // namespace

TEST_CASE("SSE parser: whole, byte by byte and every split, for LF, CRLF and CR") {
  for (const std::string ending : {"\n", "\r\n", "\r"}) {
    INFO("line ending " << (ending == "\n" ? "LF" : ending == "\r\n" ? "CRLF" : "CR"));
    std::string body = withEndings(kSseBody, ending);
    CHECK(parseSse(body, {}) == kSseEvents);
    CHECK(parseSse(body, everyByte(body.size())) == kSseEvents);
    for (std::size_t cut = 1; cut < body.size(); ++cut) {
      INFO("split at " << cut);
      REQUIRE(parseSse(body, {cut}) == kSseEvents);
    }
    for (std::size_t a = 1; a + 3 < body.size(); a += 3) {
      REQUIRE(parseSse(body, {a, a + 1, a + 3}) == kSseEvents);
    }
  }
}

TEST_CASE("SSE parser: mixed endings, byte-order mark, no final blank line") {
  std::string body =
      "\xEF\xBB\xBF"
      "data: x\r\n\r\ndata: y\n\ndata: z\r\rdata: [DONE]";
  Events expected = {{"", "x", ""}, {"", "y", ""}, {"", "z", ""}, {"", "[DONE]", ""}};
  CHECK(parseSse(body, {}) == expected);
  CHECK(parseSse(body, everyByte(body.size())) == expected);
  // "data" without a colon is a data line with an empty value.
  CHECK(parseSse("data\n\n", {}) == Events{{"", "", ""}});
}

TEST_CASE("SSE parser: a callback returning false stops parsing") {
  SseParser parser;
  int seen = 0;
  bool more = parser.feed("data: 1\n\ndata: 2\n\n", [&](const SseEvent&) {
    ++seen;
    return false;
  });
  CHECK_FALSE(more);
  CHECK(seen == 1);
}

TEST_CASE("NDJSON parser: whole, byte by byte and every split") {
  const std::vector<std::string> expected = {"{\"a\":1}", "{\"b\":2}", "{\"done\":true}"};
  for (const std::string ending : {"\n", "\r\n"}) {
    std::string body = withEndings("{\"a\":1}\n\n{\"b\":2}\n   \n{\"done\":true}\n", ending);
    CHECK(parseNdjson(body, {}) == expected);
    CHECK(parseNdjson(body, everyByte(body.size())) == expected);
    for (std::size_t cut = 1; cut < body.size(); ++cut) {
      INFO("split at " << cut);
      REQUIRE(parseNdjson(body, {cut}) == expected);
    }
  }
  // The last line without a newline is still delivered at the end.
  CHECK(parseNdjson("{\"a\":1}\n{\"done\":true}", {3}) ==
        std::vector<std::string>{"{\"a\":1}", "{\"done\":true}"});
}
