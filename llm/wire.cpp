// Helpers shared by the provider wire formats: URL building, schema parsing,
// JSON reply parsing and error-message extraction.
#include "llm/wire.h"

#include <utility>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace sparkmigrate::llm {

std::string joinUrl(std::string_view baseUrl, std::string_view path) {
  std::string_view query;
  if (auto mark = baseUrl.find_first_of("?#"); mark != std::string_view::npos) {
    query = baseUrl.substr(mark);
    baseUrl = baseUrl.substr(0, mark);
  }
  while (!baseUrl.empty() && baseUrl.back() == '/') baseUrl.remove_suffix(1);
  return fmt::format("{}{}{}", baseUrl, path, query);
}

std::string urlHost(std::string_view url) {
  if (auto scheme = url.find("://"); scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
  url = url.substr(0, url.find_first_of("/?#"));
  if (auto at = url.rfind('@'); at != std::string_view::npos) url.remove_prefix(at + 1);
  if (!url.empty() && url.front() == '[') {
    url = url.substr(0, url.find(']') + 1);  // IPv6 literal
  } else {
    url = url.substr(0, url.find(':'));
  }
  std::string host(url);
  std::transform(host.begin(), host.end(), host.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return host;
}

support::Expected<nlohmann::json> parseSchema(const std::string& schema) {
  auto parsed = nlohmann::json::parse(schema, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object()) {
    return support::Error{"the JSON schema of the request is not a JSON object"};
  }
  return parsed;
}

std::string_view roleName(Message::Role role) {
  switch (role) {
    case Message::Role::System:
      return "system";
    case Message::Role::User:
      return "user";
    case Message::Role::Assistant:
      return "assistant";
  }
  return "user";
}

support::Expected<nlohmann::json> parseJsonBody(std::string_view body) {
  try {
    return nlohmann::json::parse(body);
  } catch (const nlohmann::json::exception& error) {
    return support::Error{fmt::format("the reply is not valid JSON: {}", error.what())};
  }
}

std::optional<std::string> errorMessageFromJson(const nlohmann::json& value) {
  if (!value.is_object()) return std::nullopt;
  auto error = value.find("error");
  if (error == value.end() || error->is_null()) {
    if (stringField(value, "type") == "error") return stringField(value, "message");
    return std::nullopt;
  }
  if (error->is_string()) return error->get<std::string>();
  if (error->is_object()) {
    std::string message = stringField(*error, "message");
    if (!message.empty()) return message;
    std::string type = stringField(*error, "type");
    if (!type.empty()) return type;
  }
  return error->dump();
}

std::string errorMessageFromBody(std::string_view body) {
  auto parsed = nlohmann::json::parse(body, nullptr, false);
  if (!parsed.is_discarded()) {
    if (auto message = errorMessageFromJson(parsed)) return *message;
    if (parsed.is_object()) {
      if (std::string message = stringField(parsed, "message"); !message.empty()) return message;
      if (std::string detail = stringField(parsed, "detail"); !detail.empty()) return detail;
    }
  }
  return std::string(body);
}

long long intField(const nlohmann::json& object, const char* name) {
  if (!object.is_object()) return 0;
  auto it = object.find(name);
  if (it == object.end() || !it->is_number()) return 0;
  return it->get<long long>();
}

std::string stringField(const nlohmann::json& object, const char* name) {
  if (!object.is_object()) return {};
  auto it = object.find(name);
  if (it == object.end() || !it->is_string()) return {};
  return it->get<std::string>();
}

std::optional<support::Error> SseDecoder::feed(std::string_view bytes, const DeltaSink& onDelta) {
  parser_.feed(bytes, [&](const SseEvent& event) { return onEvent(event, onDelta); });
  return std::exchange(error_, std::nullopt);
}

support::Expected<Completion> SseDecoder::finish(const DeltaSink& onDelta) {
  parser_.finish([&](const SseEvent& event) { return onEvent(event, onDelta); });
  if (error_) return *error_;
  if (!ended() && completion_.finishReason.empty()) {
    transient_ = true;
    return support::Error{std::string(kTruncatedMessage)};
  }
  return complete();
}

}  // namespace sparkmigrate::llm
