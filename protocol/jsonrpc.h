// JSON-RPC 2.0 messages as the language server exchanges them: classifying an
// incoming JSON value as a request, notification or response (or rejecting
// it with the right error code), and building outgoing messages. No transport
// and no LSP semantics here.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace sparkmigrate::protocol {

using json = nlohmann::json;

// Error codes from JSON-RPC 2.0 and the LSP specification.
namespace error {
inline constexpr int kParseError = -32700;
inline constexpr int kInvalidRequest = -32600;
inline constexpr int kMethodNotFound = -32601;
inline constexpr int kInvalidParams = -32602;
inline constexpr int kInternalError = -32603;
inline constexpr int kServerNotInitialized = -32002;
inline constexpr int kUnknownErrorCode = -32001;
inline constexpr int kRequestFailed = -32803;
inline constexpr int kServerCancelled = -32802;
inline constexpr int kContentModified = -32801;
inline constexpr int kRequestCancelled = -32800;
}  // namespace error

struct ResponseError {
  int code = error::kInternalError;
  std::string message;
  json data;  // null when absent
};

struct Message {
  enum class Kind { Request, Notification, Response };
  Kind kind = Kind::Notification;
  json id;                             // requests and responses: a number or a string
  std::string method;                  // requests and notifications
  json params;                         // null when absent
  json result;                         // responses
  std::optional<ResponseError> error;  // responses
};

// Classifies `value` (its params are moved into the message, not copied).
// `"params": null` counts as absent. On failure returns nullopt and fills
// `problem` with an InvalidRequest error; `badId` receives the id when one
// could be read, so the error response can carry it (null otherwise).
std::optional<Message> classify(json value, ResponseError& problem, json& badId);

json makeErrorResponse(const json& id, const ResponseError& error);
json makeNotification(const std::string& method, json params);
json makeRequest(const json& id, const std::string& method, json params);

}  // namespace sparkmigrate::protocol
