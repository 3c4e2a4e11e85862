// Wire-level tests of the model client: each provider's request (URL, headers,
// body) and reply (whole and streamed), retries and their timing, timeouts,
// stalls, truncation, size limits, cancellation, and that the API key never
// leaks into an error or a log line. Every server is a TestServer on
// 127.0.0.1; timeouts are short so that the whole run stays in seconds.
#include "llm/backend.h"
#include "support/log.h"
#include "test/llm/test_server.h"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <optional>
#include <sstream>
#include <thread>

using namespace sparkmigrate;
using namespace sparkmigrate::llm;
using namespace sparkmigrate::llm::test;
using nlohmann::json;

namespace {

using Clock = std::chrono::steady_clock;

// Loopback requests never go through a proxy the environment may name.
const bool kLoopbackWithoutProxy = [] {
  ::setenv("no_proxy", "127.0.0.1,localhost", 1);
  ::setenv("NO_PROXY", "127.0.0.1,localhost", 1);
  return true;
}();

constexpr const char* kKey = "sk-test-SECRET-key-4242";

double secondsSince(Clock::time_point then) {
  return std::chrono::duration<double>(Clock::now() - then).count();
}

BackendConfig configFor(Provider provider, const TestServer& server, std::string_view path = "/v1") {
  BackendConfig config;
  config.provider = provider;
  config.baseUrl = server.url(path);
  config.model = "test-model";
  config.apiKey = kKey;
  config.timeoutSeconds = 2;
  config.connectTimeoutSeconds = 2;
  config.maxAttempts = 3;
  return config;
}

Request chatRequest() {
  Request request;
  request.messages = {{Message::Role::System, "You are terse."}, {Message::Role::User, "Say hi"}};
  request.maxTokens = 100;
  request.temperature = 0;
  return request;
}

const char* kSchema = R"({"type":"object","properties":{"code":{"type":"string"}},"required":["code"]})";

struct RetryCall {
  int attempt;
  double wait;
  std::string reason;
};

// One complete() call with everything it reported.
struct Run {
  std::optional<support::Expected<Completion>> result;
  std::vector<std::string> deltas;
  std::vector<RetryCall> retries;
  double seconds = 0;

  bool ok() const { return result && result->ok(); }
  const Completion& completion() const { return result->value(); }
  std::string error() const {
    return result && !result->ok() ? result->error().message : std::string("(no error)");
  }
};

Run run(Backend& backend, const Request& request, const support::CancellationToken* cancel = nullptr,
        std::function<void(std::string_view)> onDelta = nullptr) {
  Run out;
  CallOptions options;
  options.cancel = cancel;
  options.onDelta = [&](std::string_view delta) {
    out.deltas.emplace_back(delta);
    if (onDelta) onDelta(delta);
  };
  options.onRetry = [&](int attempt, double wait, const std::string& reason) {
    out.retries.push_back({attempt, wait, reason});
  };
  auto start = Clock::now();
  out.result = backend.complete(request, options);
  out.seconds = secondsSince(start);
  return out;
}

std::string sse(const json& data, std::string_view event = "", std::string_view ending = "\n") {
  std::string text;
  if (!event.empty()) text += fmt::format("event: {}{}", event, ending);
  return text + fmt::format("data: {}{}{}", data.dump(), ending, ending);
}

json openAiReply(const std::string& content) {
  return {{"id", "chatcmpl-1"},
          {"object", "chat.completion"},
          {"choices",
           {{{"index", 0},
             {"message", {{"role", "assistant"}, {"content", content}}},
             {"finish_reason", "stop"}}}},
          {"usage", {{"prompt_tokens", 12}, {"completion_tokens", 3}, {"total_tokens", 15}}}};
}

json openAiChunk(const json& content, const json& finishReason = nullptr) {
  return {{"object", "chat.completion.chunk"},
          {"choices", {{{"index", 0}, {"delta", {{"content", content}}}, {"finish_reason", finishReason}}}}};
}

std::string openAiError(int status, const std::string& message, std::vector<std::string> headers = {}) {
  json body = {{"error", {{"message", message}, {"type", "invalid_request_error"}}}};
  return httpResponse(status, body.dump(), std::move(headers));
}

// Sets an environment variable for the lifetime of the object.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const std::string& value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    ::setenv(name, value.c_str(), 1);
  }
  ~ScopedEnv() {
    if (old_) {
      ::setenv(name_, old_->c_str(), 1);
    } else {
      ::unsetenv(name_);
    }
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

std::string httpDate(std::chrono::system_clock::time_point when) {
  std::time_t time = std::chrono::system_clock::to_time_t(when);
  std::tm parts{};
  ::gmtime_r(&time, &parts);
  char text[64];
  std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S GMT", &parts);
  return text;
}

}  // namespace

// --- names, defaults, the scripted backend ------------------------------------

TEST_CASE("provider names, defaults and describe()") {
  CHECK(parseProvider("openai") == Provider::OpenAI);
  CHECK(parseProvider("Anthropic") == Provider::Anthropic);
  CHECK(parseProvider("ollama") == Provider::Ollama);
  CHECK_FALSE(parseProvider("gemini"));
  CHECK(providerName(Provider::Anthropic) == "anthropic");
  CHECK(defaultBaseUrl(Provider::OpenAI) == "https://api.openai.com/v1");
  CHECK(defaultBaseUrl(Provider::Anthropic) == "https://api.anthropic.com/v1");
  CHECK(defaultBaseUrl(Provider::Ollama) == "http://localhost:11434");

  BackendConfig config;
  config.model = "gpt-4o";
  config.apiKey = kKey;
  auto backend = makeBackend(config);
  CHECK(backend->describe() == "openai model gpt-4o at https://api.openai.com/v1");
  CHECK(backend->config().baseUrl == "https://api.openai.com/v1");
  // Even a key pasted into the URL by mistake is not shown.
  config.baseUrl = std::string("http://localhost:1/v1?key=") + kKey;
  CHECK(makeBackend(config)->describe().find(kKey) == std::string::npos);
}

TEST_CASE("scripted backend: replies in order, then the last again; errors; completeAsync") {
  ScriptedBackend backend({{"first"}, {"broken", true}, {"last"}});
  Request request = chatRequest();
  CHECK(backend.complete(request, {})->text == "first");
  auto failed = backend.complete(request, {});
  REQUIRE_FALSE(failed.ok());
  CHECK(failed.error().message == "broken");
  CHECK(backend.complete(request, {})->text == "last");
  auto future = completeAsync(backend, request, {});
  CHECK(future.get()->text == "last");
  REQUIRE(backend.requests().size() == 4);
  CHECK(backend.requests()[0].messages[1].content == "Say hi");
}

// --- OpenAI-compatible ----------------------------------------------------------

TEST_CASE("openai: request body and headers, plain reply") {
  TestServer server([](const ReceivedRequest&, int, Connection& connection) {
    connection.send(httpResponse(200, openAiReply("Hi!").dump(), {"x-request-id: req-123"}));
  });
  auto backend = makeBackend(configFor(Provider::OpenAI, server));
  Run result = run(*backend, chatRequest());
  REQUIRE(result.ok());
  CHECK(result.completion().text == "Hi!");
  CHECK(result.completion().finishReason == "stop");
  CHECK(result.completion().promptTokens == 12);
  CHECK(result.completion().completionTokens == 3);
  CHECK(result.completion().attempts == 1);
  CHECK(result.completion().requestId == "req-123");
  CHECK(result.deltas.empty());

  auto requests = server.requests();
  REQUIRE(requests.size() == 1);
  const ReceivedRequest& sent = requests[0];
  CHECK(sent.method == "POST");
  CHECK(sent.target == "/v1/chat/completions");
  CHECK(sent.header("authorization") == std::string("Bearer ") + kKey);
  CHECK_FALSE(sent.hasHeader("api-key"));
  CHECK_FALSE(sent.hasHeader("x-api-key"));
  CHECK(sent.header("content-type") == "application/json");
  json body = sent.json();
  CHECK(body["model"] == "test-model");
  CHECK(body["messages"] == json::parse(R"([{"role":"system","content":"You are terse."},
                                             {"role":"user","content":"Say hi"}])"));
  CHECK(body["temperature"] == 0);
  CHECK(body["max_tokens"] == 100);
  CHECK(body["stream"] == false);
  CHECK_FALSE(body.contains("stream_options"));
  CHECK_FALSE(body.contains("response_format"));
}

TEST_CASE("openai: no auth header without a key; a trailing slash in the base URL") {
  TestServer server([](const ReceivedRequest&, int, Connection& connection) {
    connection.send(httpResponse(200, openAiReply("ok").dump()));
  });
  BackendConfig config = configFor(Provider::OpenAI, server, "/v1/");
  config.apiKey.clear();
  auto backend = makeBackend(config);
  REQUIRE(run(*backend, chatRequest()).ok());
  auto sent = server.requests().at(0);
  CHECK(sent.target == "/v1/chat/completions");
  CHECK_FALSE(sent.hasHeader("authorization"));
  CHECK_FALSE(sent.hasHeader("api-key"));
}

TEST_CASE("openai: Azure deployment URL keeps api-version and sends the key as api-key (via an env proxy)") {
  // The Azure host name is routed to the test server through http_proxy,
  // which also shows that proxies from the environment are honoured.
  TestServer server([](const ReceivedRequest&, int, Connection& connection) {
    connection.send(httpResponse(200, openAiReply("azure").dump()));
  });
  ScopedEnv proxy("http_proxy", server.url());
  for (std::string host : {"myres.openai.azure.com", "other.cognitiveservices.azure.com"}) {
    BackendConfig config = configFor(Provider::OpenAI, server);
    config.baseUrl = fmt::format("http://{}/openai/deployments/dep1?api-version=2024-10-21", host);
    auto backend = makeBackend(config);
    Run result = run(*backend, chatRequest());
    REQUIRE(result.ok());
    CHECK(result.completion().text == "azure");
  }
  auto requests = server.requests();
  REQUIRE(requests.size() == 2);
  CHECK(requests[0].target ==
        "http://myres.openai.azure.com/openai/deployments/dep1/chat/completions?api-version=2024-10-21");
  CHECK(requests[0].header("host") == "myres.openai.azure.com");
  for (const auto& sent : requests) {
    CHECK(sent.header("api-key") == kKey);
    CHECK_FALSE(sent.hasHeader("authorization"));
  }
}

TEST_CASE("openai: JSON schema as response_format; a tool call answer is accepted") {
  TestServer server([](const ReceivedRequest&, int, Connection& connection) {
    json reply = {{"choices",
                   {{{"index", 0},
                     {"message",
                      {{"role", "assistant"},
                       {"content", nullptr},
                       {"tool_calls",
                        {{{"id", "call_1"},
                          {"type", "function"},
                          {"function", {{"name", "fix"}, {"arguments", R"({"code":"x = 1"})"}}}}}}}},
                     {"finish_reason", "tool_calls"}}}}};
    connection.send(httpResponse(200, reply.dump()));
  });
  auto backend = makeBackend(configFor(Provider::OpenAI, server));
  Request request = chatRequest();
  request.jsonSchema = kSchema;
  request.schemaName = "fix";
  Run result = run(*backend, request);
  REQUIRE(result.ok());
  CHECK(result.completion().text == R"({"code":"x = 1"})");
  CHECK(result.completion().finishReason == "tool_calls");
  json format = server.requests().at(0).json()["response_format"];
  CHECK(format ==
        json{{"type", "json_schema"},
             {"json_schema", {{"name", "fix"}, {"strict", true}, {"schema", json::parse(kSchema)}}}});

  request.jsonSchema = "{not json";
  Run bad = run(*backend, request);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error() == "the JSON schema of the request is not a JSON object");
  CHECK(server.requestCount() == 1);
}

TEST_CASE("openai: null content without tool calls is an error") {
  TestServer server([](const ReceivedRequest&, int, Connection& connection) {
    json reply = openAiReply("x");
    reply["choices"][0]["message"]["content"] = nullptr;
    connection.send(httpResponse(200, reply.dump()));
  });
  auto backend = makeBackend(configFor(Provider::OpenAI, server));
  Run result = run(*backend, chatRequest());
  REQUIRE_FALSE(result.ok());
  CHECK(result.error() == "the reply has no message content");
  CHECK(server.requestCount() == 1);
}

TEST_CASE("openai: SSE stream with pings is delivered incrementally") {
  std::atomic<int> deltasSeen{0};
  std::atomic<bool> sawIncremental{false};
  TestServer server([&](const ReceivedRequest&, int, Connection& connection) {
    connection.send(streamHeaders("text/event-stream", {"x-request-id: stream-1"}));
    connection.send(": ping\r\n\r\n");
    connection.send(
        sse({{"object", "chat.completion.chunk"},
             {"choices", {{{"index", 0}, {"delta", {{"role", "assistant"}, {"content", nullptr}}}}}}},
            "", "\r\n"));
    connection.send(sse(openAiChunk("Hel")));
    // The client must have seen the first piece before the rest is sent.
    sawIncremental = connection.waitFor([&] { return deltasSeen >= 1; }, 3);
    std::string rest = sse(openAiChunk("lo")) + ": another ping\n\n" + sse(openAiChunk(nullptr, "stop")) +
                       sse({{"object", "chat.completion.chunk"},
                            {"choices", json::array()},
                            {"usage", {{"prompt_tokens", 9}, {"completion_tokens", 2}}}}) +
                       "data: [DONE]\n\n";
    // In odd pieces, to exercise the incremental parser over the socket.
    for (std::size_t at = 0; at < rest.size(); at += 7) {
      connection.send(std::string_view(rest).substr(at, 7));
      connection.pause(0.001);
    }
  });
  BackendConfig config = configFor(Provider::OpenAI, server);
  config.stream = true;
  auto backend = makeBackend(config);
  Run result = run(*backend, chatRequest(), nullptr, [&](std::string_view) { ++deltasSeen; });
  REQUIRE(result.ok());
  CHECK(sawIncremental);
  CHECK(result.completion().text == "Hello");
  CHECK(result.deltas == std::vector<std::string>{"Hel", "lo"});
  CHECK(result.completion().finishReason == "stop");
  CHECK(result.completion().promptTokens == 9);
  CHECK(result.completion().completionTokens == 2);
  CHECK(result.completion().requestId == "stream-1");
  json body = server.requests().at(0).json();
  CHECK(body["stream"] == true);
  CHECK(body["stream_options"] == json{{"include_usage", true}});
}

TEST_CASE("openai: a server that ignores stream=true and answers with JSON is accepted") {
  TestServer server([](const ReceivedRequest&, int, Connection& connection) {
    connection.send(httpResponse(200, openAiReply("whole").dump()));
  });
  BackendConfig config = configFor(Provider::OpenAI, server);
  config.stream = true;
  auto backend = makeBackend(config);
  Run result = run(*backend, chatRequest());
  REQUIRE(result.ok());
  CHECK(result.completion().text == "whole");
  CHECK(result.deltas == std::vector<std::string>{"whole"});
}

// --- Anthropic ----------------------------------------------------------------

TEST_CASE("anthropic: request body and headers, plain reply") {
  TestServer server([](const ReceivedRequest&, int, Connection& connection) {
    json reply = {{"id", "msg_1"},
                  {"type", "message"},
                  {"role", "assistant"},
                  {"content", {{{"type", "text"}, {"text", "Hi"}}, {{"type", "text"}, {"text", " there"}}}},
                  {"stop_reason", "end_turn"},
                  {"usage", {{"input_tokens", 20}, {"output_tokens", 4}}}};
    connection.send(httpResponse(200, reply.dump(), {"request-id: req_abc"}));
  });
  auto backend = makeBackend(configFor(Provider::Anthropic, server));
  Run result = run(*backend, chatRequest());
  REQUIRE(result.ok());
  CHECK(result.completion().text == "Hi there");
  CHECK(result.completion().finishReason == "end_turn");
  CHECK(result.completion().promptTokens == 20);
  CHECK(result.completion().completionTokens == 4);
  CHECK(result.completion().requestId == "req_abc");

  const ReceivedRequest sent = server.requests().at(0);
  CHECK(sent.target == "/v1/messages");
  CHECK(sent.header("x-api-key") == kKey);
  CHECK(sent.header("anthropic-version") == "2023-06-01");
  CHECK_FALSE(sent.hasHeader("authorization"));
  json body = sent.json();
  CHECK(body["model"] == "test-model");
  CHECK(body["max_tokens"] == 100);
  CHECK(body["system"] == "You are terse.");
  CHECK(body["messages"] == json::parse(R"([{"role":"user","content":"Say hi"}])"));
  CHECK(body["temperature"] == 0);
  CHECK(body["stream"] == false);
  CHECK_FALSE(body.contains("tools"));
}

TEST_CASE("anthropic: JSON schema as a forced tool; its input is the text") {
  TestServer server([](const ReceivedRequest&, int, Connection& connection) {
    json reply = {
        {"type", "message"},
        {"content",
         {{{"type", "text"}, {"text", "Here you go"}},
          {{"type", "tool_use"}, {"id", "toolu_1"}, {"name", "fix"}, {"input", {{"code", "y = 2"}}}}}},
        {"stop_reason", "tool_use"},
        {"usage", {{"input_tokens", 1}, {"output_tokens", 1}}}};
    connection.send(httpResponse(200, reply.dump()));
  });
  BackendConfig config = configFor(Provider::Anthropic, server);
  config.apiKey.clear();
  auto backend = makeBackend(config);
  Request request = chatRequest();
  request.jsonSchema = kSchema;
  request.schemaName = "fix";
  Run result = run(*backend, request);
  REQUIRE(result.ok());
  CHECK(json::parse(result.completion().text) == json{{"code", "y = 2"}});
  CHECK(result.completion().finishReason == "tool_use");
  const ReceivedRequest sent = server.requests().at(0);
  CHECK_FALSE(sent.hasHeader("x-api-key"));
  json body = sent.json();
  REQUIRE(body["tools"].size() == 1);
  CHECK(body["tools"][0]["name"] == "fix");
  CHECK(body["tools"][0]["input_schema"] == json::parse(kSchema));
  CHECK(body["tools"][0]["description"].is_string());
  CHECK(body["tool_choice"] == json{{"type", "tool"}, {"name", "fix"}});
  CHECK_FALSE(body.contains("response_format"));
}

TEST_CASE("anthropic: named SSE events with pings are delivered incrementally") {
  std::atomic<int> deltasSeen{0};
  std::atomic<bool> sawIncremental{false};
  TestServer server([&](const ReceivedRequest&, int, Connection& connection) {
    connection.send(streamHeaders());
    connection.send(
        sse({{"type", "message_start"},
             {"message", {{"id", "msg_1"}, {"usage", {{"input_tokens", 25}, {"output_tokens", 1}}}}}},
            "message_start", "\r\n"));
    connection.send(sse(
        {{"type", "content_block_start"}, {"index", 0}, {"content_block", {{"type", "text"}, {"text", ""}}}},
        "content_block_start"));
    connection.send(sse({{"type", "ping"}}, "ping"));
    connection.send(sse({{"type", "content_block_delta"},
                         {"index", 0},
                         {"delta", {{"type", "text_delta"}, {"text", "Good"}}}},
                        "content_block_delta"));
    sawIncremental = connection.waitFor([&] { return deltasSeen >= 1; }, 3);
    connection.send(sse({{"type", "content_block_delta"},
                         {"index", 0},
                         {"delta", {{"type", "text_delta"}, {"text", " day"}}}},
                        "content_block_delta"));
    connection.send(sse({{"type", "content_block_stop"}, {"index", 0}}, "content_block_stop"));
    connection.send(sse({{"type", "message_delta"},
                         {"delta", {{"stop_reason", "end_turn"}}},
                         {"usage", {{"output_tokens", 7}}}},
                        "message_delta"));
    connection.send(sse({{"type", "message_stop"}}, "message_stop"));
  });
  BackendConfig config = configFor(Provider::Anthropic, server);
  config.stream = true;
  auto backend = makeBackend(config);
  Run result = run(*backend, chatRequest(), nullptr, [&](std::string_view) { ++deltasSeen; });
  REQUIRE(result.ok());
  CHECK(sawIncremental);
  CHECK(result.completion().text == "Good day");
  CHECK(result.deltas == std::vector<std::string>{"Good", " day"});
  CHECK(result.completion().finishReason == "end_turn");
  CHECK(result.completion().promptTokens == 25);
  CHECK(result.completion().completionTokens == 7);
  CHECK(server.requests().at(0).json()["stream"] == true);
}

TEST_CASE("anthropic: streamed tool input is returned as JSON") {
  TestServer server([&](const ReceivedRequest&, int, Connection& connection) {
    connection.send(streamHeaders());
    connection.send(
        sse({{"type", "message_start"}, {"message", {{"usage", {{"input_tokens", 5}}}}}}, "message_start"));
    connection.send(
        sse({{"type", "content_block_start"},
             {"index", 0},
             {"content_block", {{"type", "tool_use"}, {"name", "fix"}, {"input", json::object()}}}},
            "content_block_start"));
    for (const char* piece : {"{\"co", "de\": \"z", " = 3\"}"}) {
      connection.send(sse({{"type", "content_block_delta"},
                           {"index", 0},
                           {"delta", {{"type", "input_json_delta"}, {"partial_json", piece}}}},
                          "content_block_delta"));
    }
    connection.send(
        sse({{"type", "message_delta"}, {"delta", {{"stop_reason", "tool_use"}}}}, "message_delta"));
    connection.send(sse({{"type", "message_stop"}}, "message_stop"));
  });
  BackendConfig config = configFor(Provider::Anthropic, server);
  config.stream = true;
  auto backend = makeBackend(config);
  Request request = chatRequest();
  request.jsonSchema = kSchema;
  Run result = run(*backend, request);
  REQUIRE(result.ok());
  CHECK(json::parse(result.completion().text) == json{{"code", "z = 3"}});
  CHECK(result.completion().finishReason == "tool_use");
}

TEST_CASE("anthropic: an error event in the stream is an error") {
  TestServer server([&](const ReceivedRequest&, int, Connection& connection) {
    connection.send(streamHeaders());
    connection.send(
        sse({{"type", "message_start"}, {"message", {{"usage", {{"input_tokens", 5}}}}}}, "message_start"));
    connection.send(sse(
        {{"type", "content_block_delta"}, {"index", 0}, {"delta", {{"type", "text_delta"}, {"text", "Hal"}}}},
        "content_block_delta"));
    connection.send(sse(
        {{"type", "error"}, {"error", {{"type", "overloaded_error"}, {"message", "Overloaded"}}}}, "error"));
  });
  BackendConfig config = configFor(Provider::Anthropic, server);
  config.stream = true;
  auto backend = makeBackend(config);
  Run result = run(*backend, chatRequest());
  REQUIRE_FALSE(result.ok());
  CHECK(result.error() == "the server reported an error in the stream: Overloaded");
  CHECK(server.requestCount() == 1);  // text was already shown: no retry
}

// --- Ollama -------------------------------------------------------------------

TEST_CASE("ollama: request body, plain reply, schema as format") {
  TestServer server([](const ReceivedRequest&, int, Connection& connection) {
    json reply = {{"model", "test-model"},
                  {"message", {{"role", "assistant"}, {"content", "Hello from llama"}}},
                  {"done", true},
                  {"done_reason", "stop"},
                  {"prompt_eval_count", 30},
                  {"eval_count", 5}};
    connection.send(httpResponse(200, reply.dump()));
  });
  BackendConfig config = configFor(Provider::Ollama, server, "");
  config.apiKey.clear();
  auto backend = makeBackend(config);
  Request request = chatRequest();
  request.jsonSchema = kSchema;
  request.temperature = 0.25;
  Run result = run(*backend, request);
  REQUIRE(result.ok());
  CHECK(result.completion().text == "Hello from llama");
  CHECK(result.completion().finishReason == "stop");
  CHECK(result.completion().promptTokens == 30);
  CHECK(result.completion().completionTokens == 5);

  const ReceivedRequest sent = server.requests().at(0);
  CHECK(sent.target == "/api/chat");
  CHECK_FALSE(sent.hasHeader("authorization"));
  json body = sent.json();
  CHECK(body["model"] == "test-model");
  CHECK(body["stream"] == false);
  CHECK(body["messages"] == json::parse(R"([{"role":"system","content":"You are terse."},
                                             {"role":"user","content":"Say hi"}])"));
  CHECK(body["options"] == json{{"temperature", 0.25}, {"num_predict", 100}});
  CHECK(body["format"] == json::parse(kSchema));
}

TEST_CASE("ollama: NDJSON stream is delivered incrementally") {
  std::atomic<int> deltasSeen{0};
  std::atomic<bool> sawIncremental{false};
  TestServer server([&](const ReceivedRequest&, int, Connection& connection) {
    connection.send(streamHeaders("application/x-ndjson"));
    connection.send(R"({"message":{"role":"assistant","content":"Str"},"done":false})"
                    "\n");
    sawIncremental = connection.waitFor([&] { return deltasSeen >= 1; }, 3);
    std::string rest = std::string(R"({"message":{"role":"assistant","content":"eam"},"done":false})") +
                       "\r\n" +
                       R"({"message":{"role":"assistant","content":""},"done":true,"done_reason":"stop",)" +
                       R"("prompt_eval_count":8,"eval_count":2})" + "\n";
    for (std::size_t at = 0; at < rest.size(); at += 5) connection.send(std::string_view(rest).substr(at, 5));
  });
  BackendConfig config = configFor(Provider::Ollama, server, "");
  config.stream = true;
  auto backend = makeBackend(config);
  Run result = run(*backend, chatRequest(), nullptr, [&](std::string_view) { ++deltasSeen; });
  REQUIRE(result.ok());
  CHECK(sawIncremental);
  CHECK(result.completion().text == "Stream");
  CHECK(result.deltas == std::vector<std::string>{"Str", "eam"});
  CHECK(result.completion().finishReason == "stop");
  CHECK(result.completion().promptTokens == 8);
  CHECK(result.completion().completionTokens == 2);
  CHECK(server.requests().at(0).json()["stream"] == true);
}

TEST_CASE("ollama: an error line in the stream is an error") {
  TestServer server([&](const ReceivedRequest&, int, Connection& connection) {
    connection.send(streamHeaders("application/x-ndjson"));
    connection.send(R"({"message":{"role":"assistant","content":"a"},"done":false})"
                    "\n");
    connection.send(R"({"error":"model runner has unexpectedly stopped"})"
                    "\n");
  });
  BackendConfig config = configFor(Provider::Ollama, server, "");
  config.stream = true;
  auto backend = makeBackend(config);
  Run result = run(*backend, chatRequest());
  REQUIRE_FALSE(result.ok());
  CHECK(result.error() ==
        "the server reported an error in the stream: model runner has unexpectedly stopped");
}

// --- retries ------------------------------------------------------------------

TEST_CASE("429 with Retry-After: 1, then success") {
  TestServer server([](const ReceivedRequest&, int index, Connection& connection) {
    if (index == 0) {
      connection.send(openAiError(429, "Rate limit reached", {"Retry-After: 1"}));
    } else {
      connection.send(httpResponse(200, openAiReply("after wait").dump()));
    }
  });
  auto backend = makeBackend(configFor(Provider::OpenAI, server));
  Run result = run(*backend, chatRequest());
  REQUIRE(result.ok());
  CHECK(result.completion().text == "after wait");
  CHECK(result.completion().attempts == 2);
  CHECK(result.seconds >= 0.95);
  CHECK(result.seconds < 3);
  REQUIRE(result.retries.size() == 1);
  CHECK(result.retries[0].attempt == 2);
  CHECK(result.retries[0].wait == Approx(1.0));
  CHECK(result.retries[0].reason.find("HTTP 429") != std::string::npos);
  CHECK(server.requestCount() == 2);
}

TEST_CASE("retry-after-ms is honoured") {
  TestServer server([](const ReceivedRequest&, int index, Connection& connection) {
    if (index == 0) {
      connection.send(openAiError(429, "slow down", {"retry-after-ms: 700", "Retry-After: 30"}));
    } else {
      connection.send(httpResponse(200, openAiReply("ok").dump()));
    }
  });
  auto backend = makeBackend(configFor(Provider::OpenAI, server));
  Run result = run(*backend, chatRequest());
  REQUIRE(result.ok());
  REQUIRE(result.retries.size() == 1);
  CHECK(result.retries[0].wait == Approx(0.7));
  CHECK(result.seconds >= 0.65);
  CHECK(result.seconds < 2.5);
}

TEST_CASE("Retry-After as an HTTP date is honoured") {
  TestServer server([](const ReceivedRequest&, int index, Connection& connection) {
    if (index == 0) {
      std::string date = httpDate(std::chrono::system_clock::now() + std::chrono::seconds(2));
      connection.send(openAiError(503, "busy", {"Retry-After: " + date}));
    } else {
      connection.send(httpResponse(200, openAiReply("ok").dump()));
    }
  });
  auto backend = makeBackend(configFor(Provider::OpenAI, server));
  Run result = run(*backend, chatRequest());
  REQUIRE(result.ok());
  REQUIRE(result.retries.size() == 1);
  // The date has whole seconds: between 1 and 2 s from now, beyond the 0.5 s backoff.
  CHECK(result.retries[0].wait > 0.9);
  CHECK(result.retries[0].wait <= 2.05);
  CHECK(result.seconds >= 0.9);
  CHECK(result.completion().attempts == 2);
}

TEST_CASE("500 (and Anthropic's 529) then success") {
  for (Provider provider : {Provider::OpenAI, Provider::Anthropic}) {
    TestServer server([&](const ReceivedRequest&, int index, Connection& connection) {
      if (index == 0) {
        connection.send(
            provider == Provider::OpenAI
                ? openAiError(500, "internal")
                : httpResponse(
                      529, R"({"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}})"));
      } else if (provider == Provider::OpenAI) {
        connection.send(httpResponse(200, openAiReply("recovered").dump()));
      } else {
        connection.send(httpResponse(
            200, R"({"content":[{"type":"text","text":"recovered"}],"stop_reason":"end_turn"})"));
      }
    });
    auto backend = makeBackend(configFor(provider, server));
    Run result = run(*backend, chatRequest());
    REQUIRE(result.ok());
    CHECK(result.completion().text == "recovered");
    CHECK(result.completion().attempts == 2);
    REQUIRE(result.retries.size() == 1);
    CHECK(result.retries[0].wait >= 0.375 - 1e-9);
    CHECK(result.retries[0].wait <= 0.5 + 1e-9);
    CHECK(result.seconds >= 0.37);
  }
}

TEST_CASE("400, 401, 403, 404 and 422 are not retried; the error names status, provider, URL and message") {
  for (int status : {400, 401, 403, 404, 422}) {
    TestServer server([&](const ReceivedRequest&, int, Connection& connection) {
      connection.send(openAiError(status, "Bad thing\nhappened"));
    });
    auto backend = makeBackend(configFor(Provider::OpenAI, server));
    Run result = run(*backend, chatRequest());
    REQUIRE_FALSE(result.ok());
    CHECK(result.error() ==
          fmt::format("HTTP {} from openai at {}: Bad thing happened", status, server.url("/v1")));
    CHECK(server.requestCount() == 1);
    CHECK(result.retries.empty());
  }
}

TEST_CASE("a long server message is truncated to 200 characters") {
  TestServer server([&](const ReceivedRequest&, int, Connection& connection) {
    connection.send(openAiError(400, std::string(1000, 'x')));
  });
  auto backend = makeBackend(configFor(Provider::OpenAI, server));
  Run result = run(*backend, chatRequest());
  REQUIRE_FALSE(result.ok());
  CHECK(result.error() ==
        fmt::format("HTTP 400 from openai at {}: {}...", server.url("/v1"), std::string(200, 'x')));
}

TEST_CASE("maxAttempts is respected") {
  TestServer server([](const ReceivedRequest&, int, Connection& connection) {
    connection.send(openAiError(503, "unavailable"));
  });
  BackendConfig config = configFor(Provider::OpenAI, server);
  config.maxAttempts = 3;
  auto backend = makeBackend(config);
  Run result = run(*backend, chatRequest());
  REQUIRE_FALSE(result.ok());
  CHECK(server.requestCount() == 3);
  CHECK(result.error() ==
        fmt::format("HTTP 503 from openai at {}: unavailable (after 3 attempts)", server.url("/v1")));
  REQUIRE(result.retries.size() == 2);
  CHECK(result.retries[0].attempt == 2);
  CHECK(result.retries[1].attempt == 3);
  CHECK(result.retries[1].wait >= 0.75 - 1e-9);  // 1 s backoff, jittered

  config.maxAttempts = 1;
  auto once = makeBackend(config);
  Run single = run(*once, chatRequest());
  CHECK(server.requestCount() == 4);
  CHECK(single.retries.empty());
}

TEST_CASE("a 429 for an exhausted quota is not retried") {
  TestServer server([](const ReceivedRequest&, int, Connection& connection) {
    connection.send(
        httpResponse(429, R"({"error":{"message":"You exceeded your quota","code":"insufficient_quota"}})"));
  });
  auto backend = makeBackend(configFor(Provider::OpenAI, server));
  Run result = run(*backend, chatRequest());
  REQUIRE_FALSE(result.ok());
  CHECK(server.requestCount() == 1);
}

// --- timeouts, stalls, truncation, size -----------------------------------------

TEST_CASE("the whole-reply timeout") {
  TestServer server([](const ReceivedRequest&, int, Connection& connection) { connection.pause(5); });
  BackendConfig config = configFor(Provider::OpenAI, server);
  config.timeoutSeconds = 0.5;
  config.maxAttempts = 1;
  auto backend = makeBackend(config);
  Run result = run(*backend, chatRequest());
  REQUIRE_FALSE(result.ok());
  CHECK(result.error() == "timed out after 0.5 s waiting for the reply");
  CHECK(result.seconds >= 0.45);
  CHECK(result.seconds < 1.5);
}

TEST_CASE("a stalled stream (headers and a delta, then silence) fails within the timeout, without a retry") {
  TestServer server([](const ReceivedRequest&, int, Connection& connection) {
    connection.send(streamHeaders());
    connection.send(sse(openAiChunk("partial")));
    connection.pause(5);
  });
  BackendConfig config = configFor(Provider::OpenAI, server);
  config.stream = true;
  config.timeoutSeconds = 0.5;
  config.maxAttempts = 3;
  auto backend = makeBackend(config);
  Run result = run(*backend, chatRequest());
  REQUIRE_FALSE(result.ok());
  CHECK(result.error() == "the stream stalled: no data for 0.5 s");
  CHECK(result.deltas == std::vector<std::string>{"partial"});
  CHECK(result.seconds >= 0.45);
  CHECK(result.seconds < 1.5);
  CHECK(server.requestCount() == 1);  // text was shown: not retried
}

TEST_CASE("a truncated stream (closed without [DONE]) is an error") {
  SECTION("close-delimited body") {
    TestServer server([](const ReceivedRequest&, int, Connection& connection) {
      connection.send(streamHeaders());
      connection.send(sse(openAiChunk("cut")));
    });
    BackendConfig config = configFor(Provider::OpenAI, server);
    config.stream = true;
    auto backend = makeBackend(config);
    Run result = run(*backend, chatRequest());
    REQUIRE_FALSE(result.ok());
    CHECK(result.error() == "the stream ended early (truncated reply)");
    CHECK(server.requestCount() == 1);
  }
  SECTION("chunked body cut inside a chunk") {
    TestServer server([](const ReceivedRequest&, int, Connection& connection) {
      connection.send(
          "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n");
      std::string event = sse(openAiChunk("cut"));
      connection.send(fmt::format("{:x}\r\n{}\r\n", event.size(), event));
      connection.send("400\r\ndata: {\"obj");
    });
    BackendConfig config = configFor(Provider::OpenAI, server);
    config.stream = true;
    auto backend = makeBackend(config);
    Run result = run(*backend, chatRequest());
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().rfind("the stream ended early (truncated reply)", 0) == 0);
    CHECK(server.requestCount() == 1);
  }
  SECTION("cut before any text: retried") {
    TestServer server([](const ReceivedRequest&, int index, Connection& connection) {
      connection.send(streamHeaders());
      if (index == 0) return;
      connection.send(sse(openAiChunk("whole", "stop")) + "data: [DONE]\n\n");
    });
    BackendConfig config = configFor(Provider::OpenAI, server);
    config.stream = true;
    auto backend = makeBackend(config);
    Run result = run(*backend, chatRequest());
    REQUIRE(result.ok());
    CHECK(result.completion().text == "whole");
    CHECK(result.completion().attempts == 2);
    REQUIRE(result.retries.size() == 1);
    CHECK(result.retries[0].reason == "the stream ended early (truncated reply)");
  }
}

TEST_CASE("malformed JSON with status 200 is an error, not retried") {
  TestServer server([](const ReceivedRequest&, int, Connection& connection) {
    connection.send(httpResponse(200, "{\"choices\": [ oops"));
  });
  auto backend = makeBackend(configFor(Provider::OpenAI, server));
  Run result = run(*backend, chatRequest());
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().rfind("the reply is not valid JSON: ", 0) == 0);
  CHECK(result.error().find('\n') == std::string::npos);
  CHECK(server.requestCount() == 1);
}

TEST_CASE("a reply larger than maxReplyBytes is an error") {
  const std::string huge = "{\"pad\":\"" + std::string(3 << 20, 'a') + "\"}";
  SECTION("with Content-Length") {
    TestServer server([&](const ReceivedRequest&, int, Connection& connection) {
      connection.send(httpResponse(200, huge));
    });
    BackendConfig config = configFor(Provider::OpenAI, server);
    config.maxReplyBytes = 1 << 20;
    auto backend = makeBackend(config);
    Run result = run(*backend, chatRequest());
    REQUIRE_FALSE(result.ok());
    CHECK(result.error() == "the reply is larger than 1 MiB");
    CHECK(server.requestCount() == 1);
  }
  SECTION("streamed, without Content-Length") {
    TestServer server([&](const ReceivedRequest&, int, Connection& connection) {
      connection.send(streamHeaders());
      std::string event = sse(openAiChunk("")) + ": " + std::string(64 << 10, 'p') + "\n\n";
      for (int i = 0; i < 64 && connection.send(event); ++i) {
      }
    });
    BackendConfig config = configFor(Provider::OpenAI, server);
    config.stream = true;
    config.maxReplyBytes = 1 << 20;
    auto backend = makeBackend(config);
    Run result = run(*backend, chatRequest());
    REQUIRE_FALSE(result.ok());
    CHECK(result.error() == "the reply is larger than 1 MiB");
  }
}

TEST_CASE("connection refused is retried, then a clear error") {
  RefusingPort refusing;
  BackendConfig config;
  config.baseUrl = fmt::format("http://127.0.0.1:{}/v1", refusing.port());
  config.apiKey = kKey;
  config.maxAttempts = 2;
  config.connectTimeoutSeconds = 2;
  auto backend = makeBackend(config);
  Run result = run(*backend, chatRequest());
  REQUIRE_FALSE(result.ok());
  std::string prefix =
      fmt::format("cannot connect to http://127.0.0.1:{}/v1/chat/completions: ", refusing.port());
  CHECK(result.error().rfind(prefix, 0) == 0);
  CHECK(result.error().find("(after 2 attempts)") != std::string::npos);
  REQUIRE(result.retries.size() == 1);
  CHECK(result.retries[0].attempt == 2);
  CHECK(result.seconds < 2);
}

// --- cancellation -------------------------------------------------------------

TEST_CASE("cancelling mid-request returns promptly and closes the connection") {
  std::atomic<bool> peerClosed{false};
  TestServer server([&](const ReceivedRequest&, int, Connection& connection) {
    connection.send(streamHeaders());
    connection.send(": ping\n\n");
    peerClosed = connection.peerClosed(5);
  });
  BackendConfig config = configFor(Provider::OpenAI, server);
  config.stream = true;
  config.timeoutSeconds = 10;
  auto backend = makeBackend(config);
  support::CancellationToken token;
  CallOptions options;
  options.cancel = &token;
  auto future = completeAsync(*backend, chatRequest(), options);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  REQUIRE(future.wait_for(std::chrono::seconds(0)) == std::future_status::timeout);
  auto cancelledAt = Clock::now();
  token.cancel();
  REQUIRE(future.wait_for(std::chrono::seconds(3)) == std::future_status::ready);
  double latency = secondsSince(cancelledAt);
  auto result = future.get();
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().message == kCancelledMessage);
  CHECK(latency < 0.2);
  // The server sees the client go away.
  for (int i = 0; i < 100 && !peerClosed; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  CHECK(peerClosed);
}

TEST_CASE("cancelling during the backoff returns promptly") {
  TestServer server([](const ReceivedRequest&, int, Connection& connection) {
    connection.send(openAiError(429, "later", {"Retry-After: 30"}));
  });
  auto backend = makeBackend(configFor(Provider::OpenAI, server));
  support::CancellationToken token;
  std::atomic<bool> retrying{false};
  CallOptions options;
  options.cancel = &token;
  options.onRetry = [&](int, double wait, const std::string&) {
    CHECK(wait == Approx(30));
    retrying = true;
  };
  auto future = completeAsync(*backend, chatRequest(), options);
  for (int i = 0; i < 300 && !retrying; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  REQUIRE(retrying);
  std::this_thread::sleep_for(std::chrono::milliseconds(150));
  auto cancelledAt = Clock::now();
  token.cancel();
  REQUIRE(future.wait_for(std::chrono::seconds(3)) == std::future_status::ready);
  CHECK(secondsSince(cancelledAt) < 0.2);
  auto result = future.get();
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().message == kCancelledMessage);
  CHECK(server.requestCount() == 1);
}

TEST_CASE("an already cancelled token sends nothing") {
  TestServer server([](const ReceivedRequest&, int, Connection& connection) {
    connection.send(httpResponse(200, openAiReply("no").dump()));
  });
  auto backend = makeBackend(configFor(Provider::OpenAI, server));
  support::CancellationToken token;
  token.cancel();
  Run result = run(*backend, chatRequest(), &token);
  REQUIRE_FALSE(result.ok());
  CHECK(result.error() == kCancelledMessage);
  CHECK(server.requestCount() == 0);
}

// --- the key never leaks --------------------------------------------------------

TEST_CASE("the API key appears in no error message or log line, even when the server echoes it") {
  std::string logPath = fmt::format("/tmp/sparkmigrate-llm-test-{}.log", ::getpid());
  std::remove(logPath.c_str());
  REQUIRE(support::setLogFile(logPath));
  support::setLogLevel(support::LogLevel::Debug);
  const std::string echo = fmt::format("Incorrect API key provided: {}.\nYou can find your key at ...", kKey);
  TestServer server([&](const ReceivedRequest& request, int index, Connection& connection) {
    switch (index) {
      case 0:  // 401 echoing the key
        connection.send(openAiError(401, echo));
        break;
      case 1:  // 200 with broken JSON containing the key
        connection.send(httpResponse(200, std::string("{\"echo\": \"") + kKey + "\" oops"));
        break;
      case 2:  // an error event in a stream
        connection.send(streamHeaders());
        connection.send(sse({{"error", {{"message", echo}}}}));
        break;
      default:  // the error body is the request's own headers, key included
        std::string headers;
        for (const auto& [name, value] : request.headers) headers += name + ": " + value + "\n";
        connection.send(httpResponse(400, headers, {}, "text/plain"));
        break;
    }
  });
  BackendConfig config = configFor(Provider::OpenAI, server);
  config.maxAttempts = 1;
  std::vector<std::string> errors;
  for (bool stream : {false, false, true, false}) {
    config.stream = stream;
    auto backend = makeBackend(config);
    Run result = run(*backend, chatRequest());
    REQUIRE_FALSE(result.ok());
    errors.push_back(result.error());
  }
  support::setLogLevel(support::LogLevel::Warn);
  CHECK(
      errors[0] ==
      fmt::format("HTTP 401 from openai at {}: Incorrect API key provided: ***. You can find your key at ...",
                  server.url("/v1")));
  CHECK(errors[3].find("Bearer ***") != std::string::npos);
  for (const std::string& error : errors) {
    INFO(error);
    CHECK(error.find(kKey) == std::string::npos);
    CHECK(error.find("SECRET") == std::string::npos);
    CHECK(error.find('\n') == std::string::npos);
  }
  std::ifstream logFile(logPath);
  std::stringstream logText;
  logText << logFile.rdbuf();
  std::string log = logText.str();
  CHECK(log.find("POST " + server.url("/v1/chat/completions")) != std::string::npos);
  CHECK(log.find(kKey) == std::string::npos);
  CHECK(log.find("Say hi") == std::string::npos);  // nor the prompt
  std::remove(logPath.c_str());
}
