// Classification and construction of JSON-RPC 2.0 messages.
#include "protocol/jsonrpc.h"

#include "protocol/lsp_types.h"

namespace sparkmigrate::protocol {

std::optional<Message> classify(json value, ResponseError& problem, json& badId) {
  badId = nullptr;
  problem = {error::kInvalidRequest, "", nullptr};
  if (!value.is_object()) {
    problem.message = "a JSON-RPC message must be an object";
    return std::nullopt;
  }
  auto idIt = value.find("id");
  bool hasId = idIt != value.end();
  if (hasId && (idIt->is_number_integer() || idIt->is_string())) badId = *idIt;
  auto version = value.find("jsonrpc");
  if (version == value.end() || *version != "2.0") {
    problem.message = "missing or wrong \"jsonrpc\": \"2.0\"";
    return std::nullopt;
  }
  if (hasId && !idIt->is_number_integer() && !idIt->is_string() && !idIt->is_null()) {
    problem.message = "\"id\" must be a number or a string";
    return std::nullopt;
  }
  Message m;
  auto method = value.find("method");
  if (method != value.end()) {
    if (!method->is_string()) {
      problem.message = "\"method\" must be a string";
      return std::nullopt;
    }
    m.method = method->get<std::string>();
    // `"params": null` is the same as no params (Emacs' eglot sends it for
    // shutdown and exit); a handler that needs params says so itself.
    if (auto params = value.find("params"); params != value.end()) {
      if (!params->is_null() && !params->is_object() && !params->is_array()) {
        problem.message = "\"params\" must be an object or an array";
        return std::nullopt;
      }
      m.params = std::move(*params);
    }
    if (hasId && !idIt->is_null()) {
      m.kind = Message::Kind::Request;
      m.id = *idIt;
    } else {
      m.kind = Message::Kind::Notification;
    }
    return m;
  }
  if (!hasId) {
    problem.message = "a message needs a \"method\" or an \"id\"";
    return std::nullopt;
  }
  m.kind = Message::Kind::Response;
  m.id = *idIt;
  if (auto err = value.find("error"); err != value.end() && err->is_object()) {
    ResponseError e;
    e.code = error::kUnknownErrorCode;
    if (auto code = err->find("code"); code != err->end()) {
      try {
        e.code = toInteger(*code, "error.code");
      } catch (const json::exception&) {
      }
    }
    if (auto message = err->find("message"); message != err->end() && message->is_string())
      e.message = message->get<std::string>();
    e.data = err->value("data", json(nullptr));
    m.error = e;
  } else if (auto result = value.find("result"); result != value.end()) {
    m.result = *result;
  } else {
    problem.message = "a response needs \"result\" or \"error\"";
    return std::nullopt;
  }
  return m;
}

json makeErrorResponse(const json& id, const ResponseError& e) {
  json err = {{"code", e.code}, {"message", e.message}};
  if (!e.data.is_null()) err["data"] = e.data;
  return {{"jsonrpc", "2.0"}, {"id", id}, {"error", std::move(err)}};
}

json makeNotification(const std::string& method, json params) {
  json out = {{"jsonrpc", "2.0"}, {"method", method}};
  if (!params.is_null()) out["params"] = std::move(params);
  return out;
}

json makeRequest(const json& id, const std::string& method, json params) {
  json out = {{"jsonrpc", "2.0"}, {"id", id}, {"method", method}};
  if (!params.is_null()) out["params"] = std::move(params);
  return out;
}

}  // namespace sparkmigrate::protocol
