// Turning a message body into JSON, defensively: a limit on nesting depth
// (checked by a scan before any parsing, so a body of a million `[` costs
// nothing), repair of bad text (invalid UTF-8 and lone surrogate escapes
// become U+FFFD, so one bad character in a document does not lose the whole
// message), and reading the envelope (id, method, document) of a message
// that is refused before it is parsed, so the refusal can name it.
#pragma once

#include "protocol/jsonrpc.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sparkmigrate::protocol {

// Defaults for the server's limits: far above what editors send (a message
// carries at most one document's text), low enough to keep memory bounded.
inline constexpr std::size_t kDefaultMaxMessageSize = 64u << 20;  // bytes
inline constexpr std::size_t kDefaultMaxJsonDepth = 512;


// What can be read from the start of a message that is not parsed whole: its
// id (null when not seen), method and `params.textDocument.uri` ("" when not
// seen). Reads only the first kEnvelopeBytes; keys after a large value, or
// after the point where the text stops being JSON, are not seen.
struct Envelope {
  json id;
  std::string method;
  std::string uri;
};
inline constexpr std::size_t kEnvelopeBytes = 64u << 10;
Envelope peekEnvelope(std::string_view head);

struct Decoded {
  json value;                          // null when `error` is set
  std::optional<ResponseError> error;  // ParseError (not JSON) or InvalidRequest (nested too deeply)
  Envelope envelope;                   // with an error: what could be read of the message
  bool repairedText = false;           // invalid UTF-8 or lone surrogates were replaced with U+FFFD
};

// Parses `body` as JSON. Arrays and objects nested deeper than `maxDepth`
// (0: no limit) are refused before parsing. Bytes that are not UTF-8 and
// `\uD800`-style escapes of unpaired surrogates are replaced with U+FFFD
// (one per byte, one per escape) and reported in `repairedText`.
Decoded decode(std::string body, std::size_t maxDepth);

}  // namespace sparkmigrate::protocol
