// The few LSP structures the server reads and writes, with the spec's field
// names and to_json/from_json for nlohmann. Positions here are raw LSP
// positions (line, character in the negotiated encoding); converting them to
// byte offsets is the server's job (server/position.h), never done here.
//
// To add a new LSP type: declare the struct with the spec's field names, add
// to_json/from_json next to it, and keep optional fields std::optional so
// absent fields stay absent on the wire.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace sparkmigrate::protocol {

enum class PositionEncoding { Utf8, Utf16, Utf32 };
std::string_view encodingName(PositionEncoding encoding);

struct Position {
  std::uint32_t line = 0;
  std::uint32_t character = 0;
  friend bool operator==(const Position&, const Position&) = default;
};

struct Range {
  Position start;
  Position end;
  friend bool operator==(const Range&, const Range&) = default;
};

struct TextEdit {
  Range range;
  std::string newText;
};

struct TextDocumentContentChangeEvent {
  std::optional<Range> range;  // absent: the whole document
  std::string text;
};

// LSP `uinteger` and `integer` values. JSON has one kind of number, so 3.0
// is 3; anything else (a fraction, a negative uinteger, NaN, a string)
// throws json::type_error, as a value of the wrong type does, which a request
// answers with InvalidParams. A uinteger above the maximum is clamped (a
// position past the end means the end); an integer out of range throws.
std::uint32_t toUinteger(const nlohmann::json& value, const char* name);
std::int32_t toInteger(const nlohmann::json& value, const char* name);

void to_json(nlohmann::json& j, const Position& p);
// Reads line and character with toUinteger.
void from_json(const nlohmann::json& j, Position& p);
void to_json(nlohmann::json& j, const Range& r);
void from_json(const nlohmann::json& j, Range& r);
void to_json(nlohmann::json& j, const TextEdit& e);
void from_json(const nlohmann::json& j, TextDocumentContentChangeEvent& c);

// DiagnosticSeverity and DiagnosticTag values.
inline constexpr int kSeverityError = 1, kSeverityWarning = 2, kSeverityInformation = 3, kSeverityHint = 4;
inline constexpr int kTagUnnecessary = 1, kTagDeprecated = 2;
// TextDocumentSyncKind.
inline constexpr int kSyncIncremental = 2;
// MessageType.
inline constexpr int kMessageError = 1, kMessageWarning = 2, kMessageInfo = 3, kMessageLog = 4;

// `file://` URIs <-> paths (percent-decoding; other schemes give "").
std::string uriToPath(const std::string& uri);
std::string pathToUri(const std::string& path);

}  // namespace sparkmigrate::protocol
