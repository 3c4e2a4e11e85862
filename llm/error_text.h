// Helpers that make text safe to leave the llm library: every error message
// and log line goes through them so that it is one line, bounded in length
// and never contains the API key.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace sparkmigrate::llm {

// Replaces every occurrence of `secret` in `text` by "***". Secrets shorter
// than 4 characters are left alone (replacing them would mangle ordinary text
// and they are not worth hiding).
std::string redactSecret(std::string text, std::string_view secret);

// Joins lines with a space, drops other control characters and trims.
std::string oneLine(std::string_view text);

// At most `maxBytes` bytes of `text`, cut at a UTF-8 character boundary, with
// "..." appended when something was cut.
std::string clipText(std::string_view text, std::size_t maxBytes);

// The last step for any message that leaves the library: oneLine + redaction.
std::string safeText(std::string_view text, std::string_view secret);

}  // namespace sparkmigrate::llm
