// The OpenAI-compatible Chat Completions wire format (OpenAI, Azure OpenAI,
// llama.cpp's llama-server, vLLM, Ollama's /v1, Databricks, ...):
// POST {base}/chat/completions, a whole JSON reply or an SSE stream of
// chat.completion.chunk objects ended by `data: [DONE]`.
#include "llm/stream.h"
#include "llm/wire.h"

#include <fmt/format.h>

namespace sparkmigrate::llm {
namespace {

using nlohmann::json;

bool endsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// Azure OpenAI resources take the key in an `api-key` header.
bool isAzureHost(const std::string& host) {
  return endsWith(host, ".openai.azure.com") || endsWith(host, ".cognitiveservices.azure.com");
}

// Text of the first tool call's arguments, for servers that answer a
// schema-constrained request with a tool call instead of content.
std::optional<std::string> toolCallArguments(const json& message) {
  auto calls = message.find("tool_calls");
  if (calls == message.end() || !calls->is_array() || calls->empty()) return std::nullopt;
  const json& call = calls->front();
  if (!call.is_object() || !call.contains("function")) return std::nullopt;
  const json& function = call["function"];
  auto arguments = function.find("arguments");
  if (arguments == function.end()) return std::nullopt;
  if (arguments->is_string()) return arguments->get<std::string>();
  if (arguments->is_object()) return arguments->dump();
  return std::nullopt;
}

class OpenAiDecoder : public SseDecoder {
 private:
  bool ended() const override { return done_; }

  support::Expected<Completion> complete() override {
    if (!sawContent_) {
      if (sawToolCall_) {
        completion_.text = toolArguments_;
      } else {
        return support::Error{std::string(kNoContentMessage)};
      }
    }
    return completion_;
  }

  bool onEvent(const SseEvent& event, const DeltaSink& onDelta) override {
    if (done_) return true;  // anything after [DONE] is ignored
    if (event.data == "[DONE]") {
      done_ = true;
      return true;
    }
    auto chunk = json::parse(event.data, nullptr, false);
    if (chunk.is_discarded()) {
      error_ = support::Error{fmt::format("the stream has an event that is not valid JSON: {}", event.data)};
      return false;
    }
    if (auto message = errorMessageFromJson(chunk)) {
      transient_ = true;
      error_ = support::Error{fmt::format("the server reported an error in the stream: {}", *message)};
      return false;
    }
    if (auto usage = chunk.find("usage"); usage != chunk.end() && usage->is_object()) {
      completion_.promptTokens = intField(*usage, "prompt_tokens");
      completion_.completionTokens = intField(*usage, "completion_tokens");
    }
    auto choices = chunk.find("choices");
    if (choices == chunk.end() || !choices->is_array() || choices->empty()) return true;
    const json& choice = choices->front();
    if (std::string reason = stringField(choice, "finish_reason"); !reason.empty()) {
      completion_.finishReason = reason;
    }
    auto delta = choice.find("delta");
    if (delta == choice.end() || !delta->is_object()) return true;
    if (auto content = delta->find("content"); content != delta->end() && content->is_string()) {
      sawContent_ = true;
      const auto& text = content->get_ref<const std::string&>();
      if (!text.empty()) {
        completion_.text += text;
        onDelta(text);
      }
    }
    if (auto calls = delta->find("tool_calls"); calls != delta->end() && calls->is_array()) {
      for (const json& call : *calls) {
        if (!call.is_object() || intField(call, "index") != 0) continue;  // only the first call
        if (!call.contains("function")) continue;
        sawToolCall_ = true;
        toolArguments_ += stringField(call["function"], "arguments");
      }
    }
    return true;
  }

  std::string toolArguments_;
  bool sawContent_ = false;
  bool sawToolCall_ = false;
  bool done_ = false;
};

class OpenAiWire : public Wire {
 public:
  support::Expected<HttpCall> buildCall(const BackendConfig& config, const Request& request) const override {
    json body = {{"model", config.model},
                 {"temperature", request.temperature},
                 {"max_tokens", request.maxTokens},
                 {"stream", config.stream}};
    json messages = json::array();
    for (const Message& message : request.messages) {
      messages.push_back({{"role", roleName(message.role)}, {"content", message.content}});
    }
    body["messages"] = std::move(messages);
    if (config.stream) body["stream_options"] = {{"include_usage", true}};
    if (!request.jsonSchema.empty()) {
      auto schema = parseSchema(request.jsonSchema);
      if (!schema) return schema.error();
      body["response_format"] = {
          {"type", "json_schema"},
          {"json_schema", {{"name", request.schemaName}, {"strict", true}, {"schema", std::move(*schema)}}}};
    }
    HttpCall call;
    call.url = joinUrl(config.baseUrl, "/chat/completions");
    call.headers = {"Content-Type: application/json",
                    config.stream ? "Accept: text/event-stream" : "Accept: application/json"};
    if (!config.apiKey.empty()) {
      call.headers.push_back(isAzureHost(urlHost(config.baseUrl)) ? "api-key: " + config.apiKey
                                                                  : "Authorization: Bearer " + config.apiKey);
    }
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
    if (auto usage = reply->find("usage"); usage != reply->end() && usage->is_object()) {
      completion.promptTokens = intField(*usage, "prompt_tokens");
      completion.completionTokens = intField(*usage, "completion_tokens");
    }
    auto choices = reply->find("choices");
    if (choices == reply->end() || !choices->is_array() || choices->empty() ||
        !choices->front().is_object()) {
      return support::Error{std::string(kNoContentMessage)};
    }
    const json& choice = choices->front();
    completion.finishReason = stringField(choice, "finish_reason");
    auto message = choice.find("message");
    if (message == choice.end() || !message->is_object())
      return support::Error{std::string(kNoContentMessage)};
    if (auto content = message->find("content"); content != message->end() && content->is_string()) {
      completion.text = content->get<std::string>();
      return completion;
    }
    if (auto arguments = toolCallArguments(*message)) {
      completion.text = std::move(*arguments);
      return completion;
    }
    if (std::string refusal = stringField(*message, "refusal"); !refusal.empty()) {
      return support::Error{fmt::format("the model refused: {}", refusal)};
    }
    return support::Error{std::string(kNoContentMessage)};
  }

  std::unique_ptr<StreamDecoder> makeDecoder() const override { return std::make_unique<OpenAiDecoder>(); }
};

}  // namespace

std::unique_ptr<Wire> makeOpenAiWire() {
  return std::make_unique<OpenAiWire>();
}

}  // namespace sparkmigrate::llm
