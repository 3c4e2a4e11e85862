// The Anthropic Messages wire format: POST {base}/messages with x-api-key and
// anthropic-version headers; a JSON schema becomes a forced tool whose input
// is returned as the text. Streams are named SSE events (message_start,
// content_block_delta, message_delta, message_stop, ping, error, ...).
#include "llm/stream.h"
#include "llm/wire.h"

#include <fmt/format.h>

namespace sparkmigrate::llm {
namespace {

using nlohmann::json;

constexpr std::string_view kAnthropicVersion = "2023-06-01";

// The forced tool's input, as JSON text; fragments that do not parse are
// returned as they came.
std::string normaliseToolInput(const std::string& text) {
  if (text.empty()) return "{}";
  auto parsed = json::parse(text, nullptr, false);
  return parsed.is_discarded() ? text : parsed.dump(-1, ' ', false, json::error_handler_t::replace);
}

class AnthropicDecoder : public SseDecoder {
 private:
  bool ended() const override { return stopped_; }

  support::Expected<Completion> complete() override {
    if (sawTool_) {
      completion_.text = normaliseToolInput(toolInput_);
    } else if (!sawText_) {
      return support::Error{std::string(kNoContentMessage)};
    }
    return completion_;
  }

  bool onEvent(const SseEvent& event, const DeltaSink& onDelta) override {
    if (stopped_) return true;
    auto data = json::parse(event.data, nullptr, false);
    if (data.is_discarded() || !data.is_object()) {
      error_ = support::Error{fmt::format("the stream has an event that is not valid JSON: {}", event.data)};
      return false;
    }
    std::string type = stringField(data, "type");
    if (type.empty()) type = event.event;
    if (type == "error" || event.event == "error") {
      transient_ = true;
      error_ = support::Error{fmt::format("the server reported an error in the stream: {}",
                                          errorMessageFromJson(data).value_or(event.data))};
      return false;
    }
    if (type == "message_start") {
      const json& message = data.contains("message") ? data["message"] : json();
      if (message.is_object() && message.contains("usage")) {
        completion_.promptTokens = intField(message["usage"], "input_tokens");
        completion_.completionTokens = intField(message["usage"], "output_tokens");
      }
    } else if (type == "content_block_start") {
      const json& block = data.contains("content_block") ? data["content_block"] : json();
      std::string blockType = stringField(block, "type");
      if (blockType == "tool_use" && !sawTool_) {
        sawTool_ = true;
        toolIndex_ = intField(data, "index");
      } else if (blockType == "text") {
        sawText_ = true;
        if (std::string text = stringField(block, "text"); !text.empty()) appendText(text, onDelta);
      }
    } else if (type == "content_block_delta") {
      const json& delta = data.contains("delta") ? data["delta"] : json();
      std::string deltaType = stringField(delta, "type");
      if (deltaType == "text_delta") {
        sawText_ = true;
        appendText(stringField(delta, "text"), onDelta);
      } else if (deltaType == "input_json_delta" && sawTool_ && intField(data, "index") == toolIndex_) {
        toolInput_ += stringField(delta, "partial_json");
      }
    } else if (type == "message_delta") {
      if (data.contains("delta")) {
        if (std::string reason = stringField(data["delta"], "stop_reason"); !reason.empty()) {
          completion_.finishReason = reason;
        }
      }
      if (data.contains("usage")) {
        if (long long tokens = intField(data["usage"], "output_tokens"))
          completion_.completionTokens = tokens;
        if (long long tokens = intField(data["usage"], "input_tokens")) completion_.promptTokens = tokens;
      }
    } else if (type == "message_stop") {
      stopped_ = true;
    }
    // ping, content_block_stop and unknown events carry nothing we need.
    return true;
  }

  void appendText(const std::string& text, const DeltaSink& onDelta) {
    if (text.empty()) return;
    completion_.text += text;
    onDelta(text);
  }

  std::string toolInput_;
  long long toolIndex_ = 0;
  bool sawTool_ = false;
  bool sawText_ = false;
  bool stopped_ = false;
};

class AnthropicWire : public Wire {
 public:
  support::Expected<HttpCall> buildCall(const BackendConfig& config, const Request& request) const override {
    json body = {{"model", config.model},
                 {"max_tokens", request.maxTokens},
                 {"temperature", request.temperature},
                 {"stream", config.stream}};
    std::string system;
    json messages = json::array();
    for (const Message& message : request.messages) {
      if (message.role == Message::Role::System) {
        if (!system.empty()) system += "\n\n";
        system += message.content;
      } else {
        messages.push_back({{"role", roleName(message.role)}, {"content", message.content}});
      }
    }
    if (!system.empty()) body["system"] = system;
    body["messages"] = std::move(messages);
    if (!request.jsonSchema.empty()) {
      auto schema = parseSchema(request.jsonSchema);
      if (!schema) return schema.error();
      body["tools"] =
          json::array({{{"name", request.schemaName},
                        {"description", "Give the answer as this tool's input, following its schema."},
                        {"input_schema", std::move(*schema)}}});
      body["tool_choice"] = {{"type", "tool"}, {"name", request.schemaName}};
    }
    HttpCall call;
    call.url = joinUrl(config.baseUrl, "/messages");
    call.headers = {"Content-Type: application/json", fmt::format("anthropic-version: {}", kAnthropicVersion),
                    config.stream ? "Accept: text/event-stream" : "Accept: application/json"};
    if (!config.apiKey.empty()) call.headers.push_back("x-api-key: " + config.apiKey);
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
    completion.finishReason = stringField(*reply, "stop_reason");
    if (auto usage = reply->find("usage"); usage != reply->end()) {
      completion.promptTokens = intField(*usage, "input_tokens");
      completion.completionTokens = intField(*usage, "output_tokens");
    }
    auto content = reply->find("content");
    if (content == reply->end() || !content->is_array())
      return support::Error{std::string(kNoContentMessage)};
    bool sawText = false;
    for (const json& block : *content) {
      std::string type = stringField(block, "type");
      if (type == "tool_use" && block.contains("input")) {
        completion.text = block["input"].dump(-1, ' ', false, json::error_handler_t::replace);
        return completion;
      }
      if (type == "text") {
        sawText = true;
        completion.text += stringField(block, "text");
      }
    }
    if (!sawText) return support::Error{std::string(kNoContentMessage)};
    return completion;
  }

  std::unique_ptr<StreamDecoder> makeDecoder() const override { return std::make_unique<AnthropicDecoder>(); }
};

}  // namespace

std::unique_ptr<Wire> makeAnthropicWire() {
  return std::make_unique<AnthropicWire>();
}

}  // namespace sparkmigrate::llm
