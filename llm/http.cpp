// Implementation of performHttp over libcurl's multi interface. The transfer
// runs on the calling thread: curl_multi_poll waits at most 50 ms at a time
// so that the cancellation token (also checked in the progress callback) and
// the stall detector are looked at often; callbacks, and therefore onBody,
// run on the calling thread too.
#include "llm/http.h"

#include <curl/curl.h>
#include <dlfcn.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <memory>
#include <string>
#include <type_traits>

#ifndef SPARKMIGRATE_VERSION
#define SPARKMIGRATE_VERSION "dev"
#endif

namespace sparkmigrate::llm {
namespace {

using Clock = std::chrono::steady_clock;
constexpr long kPollMilliseconds = 50;

// libcurl is loaded on the first request instead of being linked: a run that
// talks to no model does not load it and the thirty-odd libraries it needs
// (TLS, Kerberos, LDAP, ...), which used to be most of every command's
// start-up time.
struct CurlApi {
  decltype(&curl_global_init) global_init = nullptr;
  decltype(&curl_easy_init) easy_init = nullptr;
  decltype(&curl_easy_setopt) easy_setopt = nullptr;
  decltype(&curl_easy_getinfo) easy_getinfo = nullptr;
  decltype(&curl_easy_cleanup) easy_cleanup = nullptr;
  decltype(&curl_easy_strerror) easy_strerror = nullptr;
  decltype(&curl_multi_init) multi_init = nullptr;
  decltype(&curl_multi_add_handle) multi_add_handle = nullptr;
  decltype(&curl_multi_remove_handle) multi_remove_handle = nullptr;
  decltype(&curl_multi_perform) multi_perform = nullptr;
  decltype(&curl_multi_poll) multi_poll = nullptr;
  decltype(&curl_multi_info_read) multi_info_read = nullptr;
  decltype(&curl_multi_strerror) multi_strerror = nullptr;
  decltype(&curl_multi_cleanup) multi_cleanup = nullptr;
  decltype(&curl_slist_append) slist_append = nullptr;
  decltype(&curl_slist_free_all) slist_free_all = nullptr;
  std::string error;  // why libcurl could not be loaded ("" when it was)
};

CurlApi loadCurl() {
  CurlApi api;
  void* library = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
  if (!library) {
    const char* why = dlerror();
    api.error = std::string("cannot load libcurl (libcurl.so.4, Debian's libcurl4): ") + (why ? why : "not found");
    return api;
  }
  auto resolve = [&](auto& function, const char* name) {
    function = reinterpret_cast<std::remove_reference_t<decltype(function)>>(dlsym(library, name));
    if (!function) api.error = std::string("libcurl.so.4 lacks ") + name;
    return function != nullptr;
  };
  bool resolved =
      resolve(api.global_init, "curl_global_init") &&
      resolve(api.easy_init, "curl_easy_init") &&
      resolve(api.easy_setopt, "curl_easy_setopt") &&
      resolve(api.easy_getinfo, "curl_easy_getinfo") &&
      resolve(api.easy_cleanup, "curl_easy_cleanup") &&
      resolve(api.easy_strerror, "curl_easy_strerror") &&
      resolve(api.multi_init, "curl_multi_init") &&
      resolve(api.multi_add_handle, "curl_multi_add_handle") &&
      resolve(api.multi_remove_handle, "curl_multi_remove_handle") &&
      resolve(api.multi_perform, "curl_multi_perform") &&
      resolve(api.multi_poll, "curl_multi_poll") &&
      resolve(api.multi_info_read, "curl_multi_info_read") &&
      resolve(api.multi_strerror, "curl_multi_strerror") &&
      resolve(api.multi_cleanup, "curl_multi_cleanup") &&
      resolve(api.slist_append, "curl_slist_append") &&
      resolve(api.slist_free_all, "curl_slist_free_all");
  if (!resolved) return api;
  if (api.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) api.error = "libcurl failed to initialise";
  return api;
}

// Loaded once, on first use; never unloaded.
const CurlApi& curl() {
  static const CurlApi api = loadCurl();
  return api;
}

double secondsSince(Clock::time_point then) {
  return std::chrono::duration<double>(Clock::now() - then).count();
}

struct Transfer {
  const HttpRequest* request = nullptr;
  HttpResponse* response = nullptr;
  CURL* easy = nullptr;
  Clock::time_point lastData;
  std::size_t received = 0;
  bool decided = false;     // whether the body goes to onBody has been decided
  bool toCallback = false;  // ... and it does
  bool tooLarge = false;
  bool aborted = false;
  bool cancelled = false;
};

bool isCancelled(const HttpRequest& request) {
  return request.cancel && request.cancel->cancelled();
}

std::string_view trimLine(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  return text;
}

size_t onHeader(char* data, size_t size, size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  size_t bytes = size * count;
  transfer->lastData = Clock::now();
  std::string_view line = trimLine(std::string_view(data, bytes));
  HttpResponse& response = *transfer->response;
  if (line.substr(0, 5) == "HTTP/") {
    // A new response (after a 100 Continue, or through a proxy): start over.
    response.headers.clear();
    auto space = line.find(' ');
    response.status = 0;
    if (space != std::string_view::npos) {
      for (char c : line.substr(space + 1, 3)) {
        if (c >= '0' && c <= '9') response.status = response.status * 10 + (c - '0');
      }
    }
    return bytes;
  }
  auto colon = line.find(':');
  if (colon == std::string_view::npos) return bytes;
  std::string name(trimLine(line.substr(0, colon)));
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  std::string value(trimLine(line.substr(colon + 1)));
  auto [it, inserted] = response.headers.emplace(name, value);
  if (!inserted) it->second += ", " + value;
  return bytes;
}

size_t onWrite(char* data, size_t size, size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  const HttpRequest& request = *transfer->request;
  HttpResponse& response = *transfer->response;
  size_t bytes = size * count;
  transfer->lastData = Clock::now();
  if (!transfer->decided) {
    transfer->decided = true;
    long status = 0;
    curl().easy_getinfo(transfer->easy, CURLINFO_RESPONSE_CODE, &status);
    if (status != 0) response.status = status;
    if (request.onBody) {
      transfer->toCallback = request.wantsBody
                                 ? request.wantsBody(response.status, response.header("content-type"))
                                 : request.stream && response.status / 100 == 2;
    }
  }
  transfer->received += bytes;
  if (transfer->received > request.maxReplyBytes) {
    transfer->tooLarge = true;
    return 0;  // anything but `bytes` makes libcurl stop with CURLE_WRITE_ERROR
  }
  if (!transfer->toCallback) {
    response.body.append(data, bytes);
    return bytes;
  }
  try {
    if (request.onBody(std::string_view(data, bytes))) return bytes;
  } catch (const std::exception& error) {
    response.detail = error.what();
  } catch (...) {
    response.detail = "unknown exception";
  }
  transfer->aborted = true;
  return 0;
}

int onProgress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  auto* transfer = static_cast<Transfer*>(user);
  if (isCancelled(*transfer->request)) {
    transfer->cancelled = true;
    return 1;  // CURLE_ABORTED_BY_CALLBACK
  }
  return 0;
}

struct EasyDeleter {
  void operator()(CURL* easy) const { curl().easy_cleanup(easy); }
};
struct MultiDeleter {
  void operator()(CURLM* multi) const { curl().multi_cleanup(multi); }
};
struct ListDeleter {
  void operator()(curl_slist* list) const { curl().slist_free_all(list); }
};

long toMilliseconds(double seconds) {
  return static_cast<long>(std::clamp(std::ceil(seconds * 1000), 1.0, 1e9));
}

}  // namespace

std::string HttpResponse::header(const std::string& lowerName) const {
  auto it = headers.find(lowerName);
  return it == headers.end() ? std::string() : it->second;
}

HttpResponse performHttp(const HttpRequest& request) {
  HttpResponse response;
  auto start = Clock::now();
  auto finish = [&](HttpOutcome outcome) {
    response.outcome = outcome;
    response.elapsedSeconds = secondsSince(start);
    return response;
  };
  if (isCancelled(request)) return finish(HttpOutcome::Cancelled);
  if (!curl().error.empty()) {
    response.detail = curl().error;
    return finish(HttpOutcome::TransportError);
  }

  // Declared before the handles that point at them, so that they outlive them.
  Transfer transfer;
  char errorBuffer[CURL_ERROR_SIZE] = {};
  std::unique_ptr<curl_slist, ListDeleter> headers;
  std::unique_ptr<CURL, EasyDeleter> easy(curl().easy_init());
  std::unique_ptr<CURLM, MultiDeleter> multi(curl().multi_init());
  if (!easy || !multi) {
    response.detail = "cannot create a libcurl handle";
    return finish(HttpOutcome::TransportError);
  }
  for (const std::string& header : request.headers) {
    curl_slist* extended = curl().slist_append(headers.get(), header.c_str());
    if (!extended) {
      response.detail = "out of memory";
      return finish(HttpOutcome::TransportError);
    }
    headers.release();
    headers.reset(extended);
  }

  transfer.request = &request;
  transfer.response = &response;
  transfer.easy = easy.get();
  transfer.lastData = start;
  CURL* handle = easy.get();
  curl().easy_setopt(handle, CURLOPT_URL, request.url.c_str());
  curl().easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "http,https");
  curl().easy_setopt(handle, CURLOPT_POST, 1L);
  curl().easy_setopt(handle, CURLOPT_POSTFIELDS, request.body.data());
  curl().easy_setopt(handle, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
  curl().easy_setopt(handle, CURLOPT_HTTPHEADER, headers.get());
  curl().easy_setopt(handle, CURLOPT_USERAGENT, "sparkmigrate/" SPARKMIGRATE_VERSION);
  curl().easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
  curl().easy_setopt(handle, CURLOPT_ERRORBUFFER, errorBuffer);
  curl().easy_setopt(handle, CURLOPT_HEADERFUNCTION, onHeader);
  curl().easy_setopt(handle, CURLOPT_HEADERDATA, &transfer);
  curl().easy_setopt(handle, CURLOPT_WRITEFUNCTION, onWrite);
  curl().easy_setopt(handle, CURLOPT_WRITEDATA, &transfer);
  curl().easy_setopt(handle, CURLOPT_NOPROGRESS, 0L);
  curl().easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, onProgress);
  curl().easy_setopt(handle, CURLOPT_XFERINFODATA, &transfer);
  // TLS peers and host names are always verified (libcurl's default, made
  // explicit); proxies come from the environment (libcurl's default too:
  // CURLOPT_PROXY is deliberately never set).
  curl().easy_setopt(handle, CURLOPT_SSL_VERIFYPEER, 1L);
  curl().easy_setopt(handle, CURLOPT_SSL_VERIFYHOST, 2L);
  curl().easy_setopt(handle, CURLOPT_FOLLOWLOCATION, 0L);
  curl().easy_setopt(handle, CURLOPT_TCP_KEEPALIVE, 1L);  // notice peers that vanish mid-stream
  curl().easy_setopt(handle, CURLOPT_CONNECTTIMEOUT_MS, toMilliseconds(request.connectTimeoutSeconds));
  curl().easy_setopt(handle, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(request.maxReplyBytes));
  long lowSpeedTime = 0;
  if (request.stream) {
    // A stalled stream: less than 1 byte/s over timeoutSeconds (libcurl
    // counts whole seconds; the loop below also checks at 50 ms resolution).
    lowSpeedTime = std::max(1L, static_cast<long>(std::ceil(request.timeoutSeconds)));
    curl().easy_setopt(handle, CURLOPT_LOW_SPEED_LIMIT, 1L);
    curl().easy_setopt(handle, CURLOPT_LOW_SPEED_TIME, lowSpeedTime);
    curl().easy_setopt(handle, CURLOPT_TIMEOUT_MS, toMilliseconds(10 * request.timeoutSeconds));
  } else {
    curl().easy_setopt(handle, CURLOPT_TIMEOUT_MS, toMilliseconds(request.timeoutSeconds));
  }

  if (curl().multi_add_handle(multi.get(), handle) != CURLM_OK) {
    response.detail = "cannot start the transfer";
    return finish(HttpOutcome::TransportError);
  }
  struct Detach {
    CURLM* multi;
    CURL* easy;
    ~Detach() { curl().multi_remove_handle(multi, easy); }
  } detach{multi.get(), handle};

  while (true) {
    int running = 0;
    CURLMcode code = curl().multi_perform(multi.get(), &running);
    if (transfer.cancelled || isCancelled(request)) return finish(HttpOutcome::Cancelled);
    if (code != CURLM_OK) {
      response.detail = curl().multi_strerror(code);
      return finish(HttpOutcome::TransportError);
    }
    if (running == 0) break;
    if (request.stream && secondsSince(transfer.lastData) >= request.timeoutSeconds) {
      return finish(HttpOutcome::Stalled);
    }
    curl().multi_poll(multi.get(), nullptr, 0, kPollMilliseconds, nullptr);
  }

  CURLcode result = CURLE_OK;
  int queued = 0;
  while (CURLMsg* message = curl().multi_info_read(multi.get(), &queued)) {
    if (message->msg == CURLMSG_DONE && message->easy_handle == handle) result = message->data.result;
  }
  long status = 0;
  curl().easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &status);
  if (status != 0) response.status = status;
  if (result == CURLE_OK) return finish(HttpOutcome::Complete);

  if (transfer.cancelled || result == CURLE_ABORTED_BY_CALLBACK) return finish(HttpOutcome::Cancelled);
  if (transfer.tooLarge || result == CURLE_FILESIZE_EXCEEDED) return finish(HttpOutcome::TooLarge);
  if (transfer.aborted) return finish(HttpOutcome::Aborted);
  response.detail = errorBuffer[0] ? std::string(errorBuffer) : std::string(curl().easy_strerror(result));
  switch (result) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_CONNECT:
      return finish(HttpOutcome::ConnectFailed);
    case CURLE_OPERATION_TIMEDOUT: {
      curl_off_t connectMicros = 0;
      curl().easy_getinfo(handle, CURLINFO_CONNECT_TIME_T, &connectMicros);
      if (connectMicros == 0) return finish(HttpOutcome::ConnectFailed);
      if (request.stream &&
          secondsSince(transfer.lastData) >= 0.9 * std::min<double>(lowSpeedTime, request.timeoutSeconds)) {
        return finish(HttpOutcome::Stalled);
      }
      return finish(HttpOutcome::TimedOut);
    }
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
    case CURLE_SSL_CONNECT_ERROR:
      response.retryable = true;
      return finish(HttpOutcome::TransportError);
    default:
      return finish(HttpOutcome::TransportError);
  }
}

}  // namespace sparkmigrate::llm
