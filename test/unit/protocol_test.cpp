// The protocol layer's defences against bad input: message decoding (depth
// limit, repair of invalid UTF-8 and lone surrogates, the envelope of a
// refused message), `"params": null`, LSP integers and positions from any
// JSON number, framing limits (a message over the size limit skipped,
// not held; an endless header block dropped), and JSON written as text the
// way the library dumps it.
#include "protocol/decode.h"
#include "protocol/framing.h"
#include "protocol/json_text.h"
#include "protocol/jsonrpc.h"
#include "protocol/lsp_types.h"

#include <catch2/catch.hpp>

#include <sys/mman.h>
#include <unistd.h>

#include <limits>
#include <random>
#include <string>
#include <vector>

namespace protocol = sparkmigrate::protocol;
using json = nlohmann::json;

namespace {

// A file descriptor that reads `text` (as stdin would).
int memoryFile(const std::string& text) {
  int fd = memfd_create("protocol_test", MFD_CLOEXEC);
  REQUIRE(fd >= 0);
  REQUIRE(write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()));
  lseek(fd, 0, SEEK_SET);
  return fd;
}

std::vector<protocol::Frame> readAll(const std::string& input, std::size_t maxMessage,
                                     protocol::Framing framing = protocol::Framing::ContentLength) {
  int fd = memoryFile(input);
  protocol::FrameReader reader(fd, framing, maxMessage);
  std::vector<protocol::Frame> frames;
  for (protocol::Frame f = reader.next(); f.kind != protocol::Frame::Kind::Eof; f = reader.next())
    frames.push_back(std::move(f));
  close(fd);
  return frames;
}

std::string framed(const std::string& body) {
  return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

}  // namespace

TEST_CASE("decode refuses deep nesting before parsing, and reads the envelope") {
  std::string deep = R"({"jsonrpc": "2.0", "id": 4, "method": "textDocument/hover", "params": )" +
                     std::string(600, '[') + std::string(600, ']') + "}";
  auto out = protocol::decode(deep, 512);
  REQUIRE(out.error);
  CHECK(out.error->code == protocol::error::kInvalidRequest);
  CHECK(out.error->message.find("nested deeper than 512 levels") != std::string::npos);
  CHECK(out.envelope.id == 4);
  CHECK(out.envelope.method == "textDocument/hover");
  CHECK(!protocol::decode(deep, 0).error);    // no limit
  CHECK(!protocol::decode(deep, 601).error);  // 601 levels with the outer object
  // Brackets inside strings are text.
  CHECK(!protocol::decode(R"({"text": ")" + std::string(5000, '[') + R"("})", 2).error);
  CHECK(protocol::decode(std::string(10 << 20, '['), 512).error->code == protocol::error::kInvalidRequest);
}

TEST_CASE("decode replaces lone surrogates and invalid UTF-8 with U+FFFD") {
  auto text = [](const protocol::Decoded& d) { return d.value["params"]["text"].get<std::string>(); };
  const std::string fffd = "\xEF\xBF\xBD";
  auto lone = protocol::decode(R"({"params": {"text": "a\ud800b\udc00c"}})", 512);
  REQUIRE(!lone.error);
  CHECK(lone.repairedText);
  CHECK(text(lone) == "a" + fffd + "b" + fffd + "c");
  auto high = protocol::decode(R"({"params": {"text": "\uD83D"}})", 512);  // at the end of the string
  CHECK(text(high) == fffd);
  // Pairs, other escapes and an escaped backslash before `u` are left alone.
  auto fine = protocol::decode(R"({"params": {"text": "\ud83d\ude00 \\ud800 \n"}})", 512);
  CHECK(!fine.repairedText);
  CHECK(text(fine) == "\xF0\x9F\x98\x80 \\ud800 \n");
  // Raw bytes: one U+FFFD per byte that is not part of a UTF-8 character.
  auto bytes = protocol::decode("{\"params\": {\"text\": \"x\xff\xc3(\xe2\x82\"}}", 512);
  REQUIRE(!bytes.error);
  CHECK(bytes.repairedText);
  CHECK(text(bytes) == "x" + fffd + fffd + "(" + fffd + fffd);
  // Not JSON: a parse error, with what could be read.
  auto broken = protocol::decode(R"({"jsonrpc": "2.0", "id": "a", "method": "shutdown", "params": {)", 512);
  REQUIRE(broken.error);
  CHECK(broken.error->code == protocol::error::kParseError);
  CHECK(broken.envelope.id == "a");
  CHECK(protocol::decode("[1e999]", 512).error->code == protocol::error::kParseError);
}

TEST_CASE("peekEnvelope reads id, method and uri from a message's first bytes") {
  std::string head = R"({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": )"
                     R"({"uri": "file:///a.py", "version": 1, "text": "import pys)";
  auto envelope = protocol::peekEnvelope(head);
  CHECK(envelope.method == "textDocument/didOpen");
  CHECK(envelope.uri == "file:///a.py");
  CHECK(envelope.id.is_null());
  auto nested = protocol::peekEnvelope(R"({"params": {"id": 3, "x": {"uri": "no"}}, "id": 5})");
  CHECK(nested.id == 5);
  CHECK(nested.uri.empty());
  CHECK(protocol::peekEnvelope("garbage").method.empty());
}

TEST_CASE("classify takes params null as absent") {
  protocol::ResponseError problem;
  json badId;
  json shutdown = json::parse(R"({"jsonrpc": "2.0", "id": 1, "method": "shutdown", "params": null})");
  auto message = protocol::classify(shutdown, problem, badId);
  REQUIRE(message);
  CHECK(message->kind == protocol::Message::Kind::Request);
  CHECK(message->params.is_null());
  json number = json::parse(R"({"jsonrpc": "2.0", "method": "exit", "params": 3})");
  CHECK(!protocol::classify(number, problem, badId));
  // A response's error code out of range is not trusted.
  auto response = protocol::classify(
      json::parse(R"({"jsonrpc": "2.0", "id": 1, "error": {"code": 1e300, "message": 7}})"), problem, badId);
  REQUIRE(response);
  CHECK(response->error->code == protocol::error::kUnknownErrorCode);
}

TEST_CASE("LSP integers and positions from any JSON number") {
  auto position = [](const char* text) { return json::parse(text).get<protocol::Position>(); };
  CHECK(position(R"({"line": 3, "character": 4.0})") == protocol::Position{3, 4});
  const auto max = std::numeric_limits<std::uint32_t>::max();
  CHECK(position(R"({"line": 1e300, "character": 18446744073709551615})") ==
        protocol::Position{max, max});
  CHECK(position(R"({"line": 99999999999999999999999, "character": -0.0})") == protocol::Position{max, 0});
  for (const char* bad : {R"({"line": -5, "character": 0})", R"({"line": 0, "character": -1e300})",
                          R"({"line": 1.5, "character": 0})", R"({"line": "1", "character": 0})",
                          R"({"line": null, "character": 0})"})
    CHECK_THROWS_AS(position(bad), json::type_error);
  CHECK(protocol::toUinteger(json(std::numeric_limits<double>::infinity()), "x") == max);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  CHECK_THROWS_AS(protocol::toUinteger(json(nan), "x"), json::type_error);
  CHECK(protocol::toInteger(json(-7), "version") == -7);
  CHECK(protocol::toInteger(json(12.0), "version") == 12);
  CHECK_THROWS_AS(protocol::toInteger(json(1e300), "version"), json::type_error);
  CHECK_THROWS_AS(protocol::toInteger(json(2147483648u), "version"), json::type_error);
  CHECK_THROWS_AS(protocol::toInteger(json(nan), "version"), json::type_error);
}

TEST_CASE("a message over the size limit is refused, skipped, and the next one read") {
  std::string big =
      R"({"jsonrpc": "2.0", "id": 9, "method": "x", "params": ")" + std::string(300000, 'a') + "\"}";
  auto frames = readAll(framed(big) + framed(R"({"id": 1})"), 1000);
  REQUIRE(frames.size() == 2);
  CHECK(frames[0].kind == protocol::Frame::Kind::Error);
  CHECK(frames[0].error.find("over the limit of 1000 bytes") != std::string::npos);
  CHECK(frames[0].body.size() == protocol::kEnvelopeBytes);  // the head, for the id
  CHECK(protocol::peekEnvelope(frames[0].body).id == 9);
  CHECK(frames[1].kind == protocol::Frame::Kind::Body);
  CHECK(frames[1].body == R"({"id": 1})");
  // Large bodies within the limit arrive whole.
  std::string large(3 << 20, 'b');
  frames = readAll(framed(large) + framed("{}"), 0);
  REQUIRE(frames.size() == 2);
  CHECK(frames[0].body == large);
  CHECK(frames[1].body == "{}");
  // The delimited (transcript) form has the same limit.
  frames = readAll(std::string(2000, 'c') + "\n---\n{}\n---\n", 1000, protocol::Framing::Delimited);
  REQUIRE(frames.size() == 2);
  CHECK(frames[0].kind == protocol::Frame::Kind::Error);
  CHECK(frames[1].body == "{}\n");
}

TEST_CASE("an endless header block is dropped, not held") {
  std::string junk = "X-Junk: " + std::string(200000, 'j') + "\r\n\r\n";
  auto frames = readAll(junk + framed("{}"), 0);
  REQUIRE(frames.size() == 2);
  CHECK(frames[0].error.find("header block longer than 64 KiB") != std::string::npos);
  CHECK(frames[1].body == "{}");
  CHECK(readAll("Content-Length: 99999999999999999999\r\n\r\n", 0)[0].error.find("bad Content-Length") == 0);
}

TEST_CASE("JSON strings written directly are the library's dump, byte for byte") {
  std::vector<std::string> samples = {"", "plain", "quote \" and backslash \\", "tab\tnew\nline\r\b\f",
                                      "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80", "\x7f del"};
  std::string every;
  for (int c = 0; c < 0x80; ++c) every += static_cast<char>(c);
  samples.push_back(every);
  // Invalid UTF-8: lone continuation, truncated sequences, overlong, surrogate, past U+10FFFF.
  for (std::string bad : {"\x80", "a\xc3", "\xe2\x82", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xff"})
    samples.push_back("x" + bad + "y");
  std::mt19937 random(7);
  for (int i = 0; i < 2000; ++i) {
    std::string s;
    int length = static_cast<int>(random() % 12);
    for (int k = 0; k < length; ++k) {
      // Mostly bytes that make or break UTF-8 sequences.
      static const unsigned char kBytes[] = {'a', '"', '\\', 0x01, 0x1f, 0x7f, 0x80, 0xbf,
                                             0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5};
      s += static_cast<char>(kBytes[random() % sizeof kBytes]);
    }
    samples.push_back(s);
  }
  // Longer, mostly plain text with a special byte here and there: the writer
  // skips plain text a word at a time, so specials must be seen at any offset.
  for (int i = 0; i < 2000; ++i) {
    std::string s;
    int length = static_cast<int>(random() % 40);
    for (int k = 0; k < length; ++k) {
      static const unsigned char kSpecial[] = {'"', '\\', 0x00, 0x1f, 0x20, 0x7f, 0x80, 0xc3, 0xa9, 0xff};
      s += random() % 8 ? static_cast<char>('a' + random() % 26) : static_cast<char>(kSpecial[random() % sizeof kSpecial]);
    }
    samples.push_back(s);
  }
  for (const auto& s : samples) {
    std::string written;
    protocol::appendJsonString(written, s);
    INFO(json::binary({s.begin(), s.end()}).dump());
    CHECK(written == protocol::dumpJson(json(s)));
  }
}

TEST_CASE("messages around JSON text parse as the message they stand for") {
  json result = {{"items", json::array({1, "two"})}, {"kind", "full"}};
  json response = json::parse(protocol::responseText("req-1", protocol::dumpJson(result)));
  CHECK(response == json{{"jsonrpc", "2.0"}, {"id", "req-1"}, {"result", result}});
  json notification = json::parse(protocol::notificationText("a/b", R"({"x":1})"));
  CHECK(notification == protocol::makeNotification("a/b", {{"x", 1}}));
  std::string number;
  protocol::appendJsonNumber(number, -42);
  CHECK(number == "-42");
}
