// JSON written as text: the one serialisation of outgoing messages (compact,
// UTF-8 kept as is, invalid bytes replaced by U+FFFD), and a writer for the
// hot answers (diagnostic reports of thousands of items) that appends to a
// string directly instead of building a DOM first. Messages can embed such
// text as their result or params.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace sparkmigrate::protocol {

// `value` as compact JSON text; invalid UTF-8 in strings becomes U+FFFD.
std::string dumpJson(const nlohmann::json& value);

// Appends `s` as a quoted JSON string, exactly as dumpJson writes it.
void appendJsonString(std::string& out, std::string_view s);

// Appends an unsigned or signed integer.
void appendJsonNumber(std::string& out, std::int64_t n);

// Messages around a result or params already written as JSON text.
std::string responseText(const nlohmann::json& id, std::string_view resultText);
std::string notificationText(std::string_view method, std::string_view paramsText);

}  // namespace sparkmigrate::protocol
