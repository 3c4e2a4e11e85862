// Ollama's native chat wire format: POST {base}/api/chat; the schema goes in
// `format`; streams are NDJSON (one JSON object per line, the last with
// "done": true).
#include "llm/stream.h"
#include "llm/wire.h"

#include <fmt/format.h>

namespace sparkmigrate::llm {
namespace {

using nlohmann::json;

// Fills `completion` from one reply object (a whole reply or the last line
// of a stream); returns the piece of text it carries, if any.
std::optional<std::string> readChunk(const json& chunk, Completion& completion) {
  if (std::string reason = stringField(chunk, "done_reason"); !reason.empty())
    completion.finishReason = reason;
  if (long long tokens = intField(chunk, "prompt_eval_count")) completion.promptTokens = tokens;
  if (long long tokens = intField(chunk, "eval_count")) completion.completionTokens = tokens;
  auto message = chunk.find("message");
  if (message == chunk.end() || !message->is_object()) return std::nullopt;
  auto content = message->find("content");
  if (content == message->end() || !content->is_string()) return std::nullopt;
  return content->get<std::string>();
}

bool isDone(const json& chunk) {
  auto done = chunk.find("done");
  return done != chunk.end() && done->is_boolean() && done->get<bool>();
}

class OllamaDecoder : public StreamDecoder {
 public:
  std::optional<support::Error> feed(std::string_view bytes, const DeltaSink& onDelta) override {
    parser_.feed(bytes, [&](std::string_view line) { return onLine(line, onDelta); });
    return std::exchange(error_, std::nullopt);
  }

  support::Expected<Completion> finish(const DeltaSink& onDelta) override {
    parser_.finish([&](std::string_view line) { return onLine(line, onDelta); });
    if (error_) return *error_;
    if (!done_) {
      transient_ = true;
      return support::Error{std::string(kTruncatedMessage)};
    }
    if (!sawContent_) return support::Error{std::string(kNoContentMessage)};
    if (completion_.finishReason.empty()) completion_.finishReason = "stop";
    return completion_;
  }

  bool transientError() const override { return transient_; }

 private:
  bool onLine(std::string_view line, const DeltaSink& onDelta) {
    if (done_) return true;
    auto chunk = json::parse(line, nullptr, false);
    if (chunk.is_discarded() || !chunk.is_object()) {
      error_ = support::Error{fmt::format("the stream has a line that is not valid JSON: {}", line)};
      return false;
    }
    if (auto message = errorMessageFromJson(chunk)) {
      transient_ = true;
      error_ = support::Error{fmt::format("the server reported an error in the stream: {}", *message)};
      return false;
    }
    if (auto text = readChunk(chunk, completion_)) {
      sawContent_ = true;
      if (!text->empty()) {
        completion_.text += *text;
        onDelta(*text);
      }
    }
    done_ = isDone(chunk);
    return true;
  }

  NdjsonParser parser_;
  Completion completion_;
  std::optional<support::Error> error_;
  bool sawContent_ = false;
  bool done_ = false;
  bool transient_ = false;
};

class OllamaWire : public Wire {
 public:
  support::Expected<HttpCall> buildCall(const BackendConfig& config, const Request& request) const override {
    json messages = json::array();
    for (const Message& message : request.messages) {
      messages.push_back({{"role", roleName(message.role)}, {"content", message.content}});
    }
    json body = {{"model", config.model},
                 {"messages", std::move(messages)},
                 {"stream", config.stream},
                 {"options", {{"temperature", request.temperature}, {"num_predict", request.maxTokens}}}};
    if (!request.jsonSchema.empty()) {
      auto schema = parseSchema(request.jsonSchema);
      if (!schema) return schema.error();
      body["format"] = std::move(*schema);
    }
    HttpCall call;
    call.url = joinUrl(config.baseUrl, "/api/chat");
    call.headers = {"Content-Type: application/json"};
    // Ollama itself has no authentication; proxies in front of it often use
    // a bearer token.
    if (!config.apiKey.empty()) call.headers.push_back("Authorization: Bearer " + config.apiKey);
    call.body = body.dump(-1, ' ', false, json::error_handler_t::replace);
    return call;
  }

  support::Expected<Completion> parseReply(std::string_view body) const override {
    auto reply = parseJsonBody(body);
    if (!reply) return reply.error();
    if (auto message = errorMessageFromJson(*reply)) {
      return support::Error{fmt::format("the server reported an error: {}", *message)};
    }
    Completion completion;
    auto text = readChunk(*reply, completion);
    if (!text) return support::Error{std::string(kNoContentMessage)};
    completion.text = std::move(*text);
    return completion;
  }

  std::unique_ptr<StreamDecoder> makeDecoder() const override { return std::make_unique<OllamaDecoder>(); }
};

}  // namespace

std::unique_ptr<Wire> makeOllamaWire() {
  return std::make_unique<OllamaWire>();
}

}  // namespace sparkmigrate::llm
