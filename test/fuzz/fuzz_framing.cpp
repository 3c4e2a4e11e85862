// Fuzzes the reading side of the protocol layer as the server uses it: the
// input is a byte stream read by protocol::FrameReader (both framings, from a
// memory file, as stdin would be read), each body is decoded
// (protocol::decode: depth limit, text repair, parsing) and classified as
// Server::dispatch does, an answer is built and serialised, and the
// LSP wire helpers (positions, ranges, content changes, file URIs) are run on
// every object and string of the message. Crashes, sanitizer reports, hangs
// and broken invariants (stated below with `check`) are findings.
#include "protocol/decode.h"
#include "protocol/framing.h"
#include "protocol/json_text.h"
#include "protocol/jsonrpc.h"
#include "protocol/lsp_types.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace protocol = sparkmigrate::protocol;
using json = nlohmann::json;

namespace {

void check(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "fuzz_framing: invariant broken: %s\n", what);
  std::abort();
}

int memoryFile(const std::uint8_t* data, std::size_t size) {
  int fd = memfd_create("fuzz_framing", MFD_CLOEXEC);
  check(fd >= 0, "memfd_create");
  for (std::size_t done = 0; done < size;) {
    ssize_t n = write(fd, data + done, size - done);
    check(n > 0, "write to the memory file");
    done += static_cast<std::size_t>(n);
  }
  lseek(fd, 0, SEEK_SET);
  return fd;
}

// The LSP helpers on every value of a message (iterative: depth is the input's).
void exerciseLspTypes(const json& root) {
  std::vector<const json*> todo{&root};
  for (std::size_t visited = 0; !todo.empty() && visited < 10000; ++visited) {
    const json* value = todo.back();
    todo.pop_back();
    if (value->is_string()) {
      const std::string& s = value->get_ref<const std::string&>();
      std::string path = protocol::uriToPath(s);
      if (!s.empty() && s[0] == '/')
        check(protocol::uriToPath(protocol::pathToUri(s)) == s, "uriToPath(pathToUri(p)) == p");
      (void)path;
      continue;
    }
    if (value->is_object()) {
      try {
        auto p = value->get<protocol::Position>();
        json back = p;
        check(back.get<protocol::Position>() == p, "Position round trip");
      } catch (const json::exception&) {
      }
      try {
        auto r = value->get<protocol::Range>();
        json back = r;
        check(back.get<protocol::Range>() == r, "Range round trip");
      } catch (const json::exception&) {
      }
      try {
        (void)value->get<protocol::TextDocumentContentChangeEvent>();
      } catch (const json::exception&) {
      }
    }
    if (value->is_structured())
      for (const auto& child : *value) todo.push_back(&child);
  }
}

// What the server does with one frame body.
void handleBody(const std::string& body) {
  protocol::Decoded decoded = protocol::decode(body, protocol::kDefaultMaxJsonDepth);
  if (decoded.error) {
    check(decoded.error->code == protocol::error::kParseError || decoded.error->code == protocol::error::kInvalidRequest,
          "a body that is not decoded is a ParseError or an InvalidRequest");
    check(decoded.envelope.id.is_null() || decoded.envelope.id.is_string() || decoded.envelope.id.is_number_integer(),
          "a refused message's id is null, a string or an integer");
    // (the error quotes the input, which may not be UTF-8: the server dumps with replace too)
    (void)protocol::makeErrorResponse(decoded.envelope.id, *decoded.error)
        .dump(-1, ' ', false, json::error_handler_t::replace);
    return;
  }
  json value = std::move(decoded.value);
  protocol::ResponseError problem;
  json badId;
  auto message = protocol::classify(value, problem, badId);
  if (!message) {
    check(problem.code == protocol::error::kInvalidRequest, "a rejected message is an InvalidRequest");
    check(badId.is_null() || badId.is_string() || badId.is_number_integer(), "badId is null, string or int");
    (void)protocol::makeErrorResponse(badId, problem).dump(-1, ' ', false, json::error_handler_t::replace);
    return;
  }
  using Kind = protocol::Message::Kind;
  if (message->kind == Kind::Request)
    check(message->id.is_string() || message->id.is_number_integer(), "a request id is a string or an int");
  if (message->kind != Kind::Response)
    check(message->params.is_null() || message->params.is_structured(), "params is null, object or array");
  // What the server would send back parses as JSON again.
  std::string out = message->kind == Kind::Request
                        ? protocol::responseText(message->id, protocol::dumpJson(message->params))
                        : protocol::dumpJson(protocol::makeNotification(message->method, message->params));
  check(!json::parse(out, nullptr, false).is_discarded(), "an answer is JSON");
  exerciseLspTypes(value);
}

void readAll(const std::uint8_t* data, std::size_t size, protocol::Framing framing) {
  int fd = memoryFile(data, size);
  protocol::FrameReader reader(fd, framing);
  // Every frame consumes input, so there are at most size + 1 of them.
  for (std::size_t frames = 0;; ++frames) {
    check(frames <= size + 1, "the reader makes progress");
    protocol::Frame frame = reader.next();
    if (frame.kind == protocol::Frame::Kind::Eof) break;
    if (frame.kind == protocol::Frame::Kind::Error) {
      check(!frame.error.empty(), "a framing error says why");
      continue;
    }
    // (the delimited reader ends each line with a newline, the last one too)
    check(frame.body.size() <= size + 1, "a body is part of the input");
    handleBody(frame.body);
  }
  close(fd);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  readAll(data, size, protocol::Framing::ContentLength);
  readAll(data, size, protocol::Framing::Delimited);
  return 0;
}
