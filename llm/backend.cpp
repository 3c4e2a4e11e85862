// The public entry points of llm/backend.h that are not tied to HTTP:
// provider names and defaults, describe(), makeBackend, completeAsync and the
// scripted backend used by tests.
#include "llm/backend.h"

#include "llm/error_text.h"
#include "llm/http_backend.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <mutex>

namespace sparkmigrate::llm {
namespace {

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

// ScriptedBackend has no room for a lock of its own (its layout is part of
// the public header); calls to any scripted backend are serialised here.
std::mutex gScriptedMutex;

}  // namespace

std::optional<Provider> parseProvider(std::string_view name) {
  for (Provider provider : {Provider::OpenAI, Provider::Anthropic, Provider::Ollama}) {
    if (equalsIgnoringCase(name, providerName(provider))) return provider;
  }
  return std::nullopt;
}

std::string_view providerName(Provider provider) {
  switch (provider) {
    case Provider::OpenAI:
      return "openai";
    case Provider::Anthropic:
      return "anthropic";
    case Provider::Ollama:
      return "ollama";
  }
  return "openai";
}

std::string_view defaultBaseUrl(Provider provider) {
  switch (provider) {
    case Provider::OpenAI:
      return "https://api.openai.com/v1";
    case Provider::Anthropic:
      return "https://api.anthropic.com/v1";
    case Provider::Ollama:
      return "http://localhost:11434";
  }
  return "https://api.openai.com/v1";
}

std::string Backend::describe() const {
  const BackendConfig& settings = config();
  std::string_view url = settings.baseUrl.empty() ? defaultBaseUrl(settings.provider) : settings.baseUrl;
  std::string text =
      settings.model.empty()
          ? fmt::format("{} at {}", providerName(settings.provider), url)
          : fmt::format("{} model {} at {}", providerName(settings.provider), settings.model, url);
  return safeText(text, settings.apiKey);
}

std::unique_ptr<Backend> makeBackend(BackendConfig config) {
  if (config.baseUrl.empty()) config.baseUrl = std::string(defaultBaseUrl(config.provider));
  config.maxAttempts = std::max(1, config.maxAttempts);
  if (!(config.timeoutSeconds > 0)) config.timeoutSeconds = BackendConfig{}.timeoutSeconds;
  if (!(config.connectTimeoutSeconds > 0))
    config.connectTimeoutSeconds = BackendConfig{}.connectTimeoutSeconds;
  std::unique_ptr<Wire> wire;
  switch (config.provider) {
    case Provider::OpenAI:
      wire = makeOpenAiWire();
      break;
    case Provider::Anthropic:
      wire = makeAnthropicWire();
      break;
    case Provider::Ollama:
      wire = makeOllamaWire();
      break;
  }
  if (!wire) wire = makeOpenAiWire();  // an out-of-range Provider value
  return makeHttpBackend(std::move(config), std::move(wire));
}

std::future<support::Expected<Completion>> completeAsync(Backend& backend, Request request,
                                                         CallOptions options) {
  return std::async(std::launch::async,
                    [&backend, request = std::move(request), options = std::move(options)] {
                      return backend.complete(request, options);
                    });
}

ScriptedBackend::ScriptedBackend(std::vector<Reply> replies, BackendConfig config)
    : replies_(std::move(replies)), config_(std::move(config)) {}

support::Expected<Completion> ScriptedBackend::complete(const Request& request, const CallOptions& options) {
  Reply reply;
  {
    std::lock_guard lock(gScriptedMutex);
    std::size_t index = requests_.size();
    requests_.push_back(request);
    if (replies_.empty()) return support::Error{"the scripted backend has no replies"};
    reply = replies_[std::min(index, replies_.size() - 1)];
  }
  if (options.cancel && options.cancel->cancelled()) return support::Error{std::string(kCancelledMessage)};
  if (reply.error) return support::Error{reply.text};
  if (config_.stream && options.onDelta && !reply.text.empty()) options.onDelta(reply.text);
  Completion completion;
  completion.text = std::move(reply.text);
  completion.finishReason = "stop";
  return completion;
}

}  // namespace sparkmigrate::llm
