// The main loop: reader thread, dispatch, replies, outgoing requests, the
// worker pool, debounced push diagnostics, configuration refresh, refused
// messages and the way out (cancelling, stopping the reader).
#include <utility>  // before Asio: Boost 1.74 + GCC 12 in C++20 needs std::exchange

#include "server/server.h"

#include "protocol/json_text.h"
#include "server/diagnostics.h"
#include "server/notebook.h"
#include "server/handlers/handlers.h"
#include "support/log.h"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <filesystem>
#include <mutex>
#include <thread>

namespace sparkmigrate::server {

namespace asio = boost::asio;
using json = nlohmann::json;
using support::LogLevel;

struct Server::Impl {
  asio::io_context io;
  std::unique_ptr<asio::thread_pool> pool;
  std::unique_ptr<asio::thread_pool> slowPool;  // model requests
  std::deque<std::function<void()>> deferred;  // test mode
  std::optional<asio::executor_work_guard<asio::io_context::executor_type>> guard;
  std::thread reader;
  int wake[2] = {-1, -1};  // a pipe: a byte written stops the reader
  // Pool tasks running now (waitForWork).
  std::mutex workMutex;
  std::condition_variable workIdle;
  int running = 0;

  void stopReader() {
    if (wake[1] >= 0) {
      char byte = 0;
      while (::write(wake[1], &byte, 1) < 0 && errno == EINTR) {
      }
    }
  }
  void joinReader() {
    stopReader();
    if (reader.joinable() && wake[1] >= 0)
      reader.join();
    else if (reader.joinable())
      reader.detach();  // no pipe to stop it: it ends with the process
    for (int& fd : wake) {
      if (fd >= 0) ::close(fd);
      fd = -1;
    }
  }
};

Server::Server(ServerOptions options)
    : impl_(std::make_unique<Impl>()),
      options_(options),
      writer_(options.output,
              options.testMode ? protocol::Framing::Delimited : protocol::Framing::ContentLength) {
  unsigned jobs =
      options_.jobs ? options_.jobs : std::max(1u, std::min(4u, std::thread::hardware_concurrency()));
  impl_->pool = std::make_unique<asio::thread_pool>(jobs);
  impl_->slowPool = std::make_unique<asio::thread_pool>(2);
  trees_ = std::make_shared<TreeReleaser>([this] { postMain([this] { trees_->drain(); }); });
}

Server::~Server() {
  impl_->joinReader();
  impl_->slowPool->join();
  impl_->pool->join();
  trees_->stop();  // no other thread is left to touch a tree
}

// --- sending -------------------------------------------------------------------

void Server::sendRaw(const json& message) { writer_.write(protocol::dumpJson(message)); }

void Server::sendReply(const json& id, std::string message) {
  pending_.erase(id.dump());
  writer_.write(std::move(message));
}

Reply Server::makeReply(const json& id, const std::string& method) {
  return Reply(id, method, [this](const json& replyId, std::string message) {
    // Replies may be produced (or dropped) on any thread; send from the loop.
    postMain(
        [this, replyId, message = std::move(message)]() mutable { sendReply(replyId, std::move(message)); });
  });
}

void Server::notify(const std::string& method, json params) {
  sendRaw(protocol::makeNotification(method, std::move(params)));
}

void Server::notifyText(std::string_view method, std::string_view paramsText) {
  writer_.write(protocol::notificationText(method, paramsText));
}

void Server::request(const std::string& method, json params, ResponseHandler onResponse) {
  std::string id = "sparkmigrate-" + std::to_string(nextOutgoingId_++);
  outgoing_[json(id).dump()] = std::move(onResponse);
  sendRaw(protocol::makeRequest(id, method, std::move(params)));
}

void Server::showMessage(int type, const std::string& message) {
  notify("window/showMessage", {{"type", type}, {"message", message}});
}

void Server::reportProblemOnce(const std::string& problem) {
  if (!session_.reportedProblems.insert(problem).second) return;
  support::log(LogLevel::Warn, "{}", problem);
  showMessage(protocol::kMessageWarning,
              "sparkmigrate: " + problem + " (keeping the last good configuration)");
}

// --- scheduling ----------------------------------------------------------------

void Server::postMain(std::function<void()> fn) {
  asio::post(impl_->io, [fn = std::move(fn)] {
    try {
      fn();
    } catch (const std::exception& e) {
      support::log(LogLevel::Error, "main loop task failed: {}", e.what());
    }
  });
}

void Server::onPool(std::function<void()> fn, bool slow) {
  auto task = [impl = impl_.get(), fn = std::move(fn)] {
    {
      std::lock_guard<std::mutex> lock(impl->workMutex);
      ++impl->running;
    }
    struct Done {
      Impl* impl;
      ~Done() {
        std::lock_guard<std::mutex> lock(impl->workMutex);
        if (--impl->running == 0) impl->workIdle.notify_all();
      }
    } done{impl};
    try {
      fn();
    } catch (const std::exception& e) {
      support::log(LogLevel::Error, "background task failed: {}", e.what());
    } catch (...) {
      support::log(LogLevel::Error, "background task failed");
    }
  };
  if (options_.testMode)
    impl_->deferred.push_back(std::move(task));
  else
    asio::post(slow ? *impl_->slowPool : *impl_->pool, std::move(task));
}

void Server::later(int delayMs, std::function<void()> fn) {
  if (options_.testMode) {
    impl_->deferred.push_back([this, fn = std::move(fn)] { postMain(fn); });
    return;
  }
  if (delayMs <= 0) {
    postMain(std::move(fn));
    return;
  }
  auto timer = std::make_shared<asio::steady_timer>(impl_->io, std::chrono::milliseconds(delayMs));
  timer->async_wait([timer, fn = std::move(fn)](const boost::system::error_code& ec) {
    if (ec) return;
    try {
      fn();
    } catch (const std::exception& e) {
      support::log(LogLevel::Error, "timer task failed: {}", e.what());
    }
  });
}

void Server::background(Reply reply, Job job, std::optional<std::pair<std::string, int>> document, bool slow) {
  backgroundText(
      std::move(reply),
      [job = std::move(job)](const support::CancellationToken& token) { return protocol::dumpJson(job(token)); },
      std::move(document), slow);
}

void Server::backgroundText(Reply reply, TextJob job, std::optional<std::pair<std::string, int>> document,
                            bool slow) {
  support::CancellationToken token;
  if (auto it = pending_.find(reply.id().dump()); it != pending_.end()) token = it->second;
  auto shared = std::make_shared<Reply>(std::move(reply));
  onPool([this, shared, job = std::move(job), token, document] {
    if (token.cancelled()) {
      shared->error(protocol::error::kRequestCancelled, "cancelled");
      return;
    }
    std::string result;
    try {
      result = job(token);
    } catch (const InvalidParams& e) {
      shared->error(protocol::error::kInvalidParams, e.what());
      return;
    } catch (const std::exception& e) {
      shared->error(protocol::error::kInternalError, e.what());
      return;
    }
    postMain([this, shared, result = std::move(result), token, document]() mutable {
      if (token.cancelled()) {
        shared->error(protocol::error::kRequestCancelled, "cancelled");
        return;
      }
      if (document) {
        Document* doc = session_.find(document->first);
        if (!doc || doc->version() != document->second) {
          shared->error(protocol::error::kContentModified, "the document changed");
          return;
        }
      }
      shared->resultText(result);
    });
  }, slow);
}

void Server::drainThen(std::function<void()> done) {
  if (impl_->deferred.empty()) {
    done();
    return;
  }
  // Run this round; results they post to the loop run before the next round
  // (the loop is FIFO), and may defer more work.
  auto batch = std::move(impl_->deferred);
  impl_->deferred.clear();
  for (auto& task : batch) task();
  postMain([this, done = std::move(done)]() mutable { drainThen(std::move(done)); });
}

// --- documents -------------------------------------------------------------------

void Server::resolveSettings(Document& doc) {
  std::filesystem::path path = doc.path();
  if (path.empty()) {
    std::string base = session_.workspaceFolders.empty() ? std::filesystem::current_path().string()
                                                         : session_.workspaceFolders.front();
    path = std::filesystem::path(base) / "untitled.py";
  }
  analysis::ResolvedSettings resolved = session_.resolver.forFile(path);
  if (!resolved.problem.empty()) {
    reportProblemOnce(resolved.problem);
    if (doc.settings) {  // keep the last good settings
      doc.generation = session_.generation;
      return;
    }
  }
  doc.settings = resolved.settings;
  doc.relativePath = analysis::relativeTo(*resolved.settings, path);
  if (!doc.path().empty()) doc.project = projectFor(doc.path());
  doc.generation = session_.generation;
  doc.setSizeLimit(doc.settings->maxFileSize);
  if (!resolved.settings->configPath.empty()) {
    std::error_code ec;
    auto stamp = std::filesystem::last_write_time(resolved.settings->configPath, ec);
    if (!ec) session_.configStamps[resolved.settings->configPath] = stamp.time_since_epoch().count();
  }
}

std::shared_ptr<const analysis::ProjectIndex> Server::projectFor(const std::string& path) {
  std::string folder = std::filesystem::path(path).parent_path().generic_string();
  auto& slot = session_.projects[folder];
  if (!slot)
    slot = std::make_shared<const analysis::ProjectIndex>(
        analysis::indexFiles({path}, analysis::kDefaultMaxFileSize, 1));
  return slot;
}

void Server::pythonFileChanged(const std::string& path) {
  std::string folder = std::filesystem::path(path).parent_path().generic_string();
  auto it = session_.projects.find(folder);
  if (it == session_.projects.end()) return;
  auto rebuilt = std::make_shared<const analysis::ProjectIndex>(
      analysis::indexFiles({path}, analysis::kDefaultMaxFileSize, 1));
  if (*rebuilt == *it->second) return;
  it->second = std::move(rebuilt);
  settingsChanged();
}

void Server::settingsChanged() {
  ++session_.generation;
  std::set<std::string> before = std::move(session_.reportedProblems);
  session_.reportedProblems.clear();
  for (auto& [uri, doc] : session_.documents) {
    doc->cached.reset();
    // Problems already reported stay quiet while they persist.
    session_.reportedProblems = before;
    resolveSettings(*doc);
    before = session_.reportedProblems;
  }
  if (session_.client.pullDiagnostics) {
    if (session_.client.diagnosticRefresh && session_.lifecycle == Lifecycle::Running)
      request("workspace/diagnostic/refresh", nullptr, [](const json&, const protocol::ResponseError*) {});
  } else {
    for (auto& [uri, doc] : session_.documents) scheduleDiagnostics(uri);
  }
}

void Server::checkConfigFiles() {
  bool changed = false;
  for (auto& [path, stamp] : session_.configStamps) {
    std::error_code ec;
    auto now = std::filesystem::last_write_time(path, ec);
    long long value = ec ? -1 : static_cast<long long>(now.time_since_epoch().count());
    if (value != stamp) changed = true;
  }
  if (!changed) return;
  session_.configStamps.clear();
  session_.resolver.clear();
  settingsChanged();
}

DocumentSnapshot Server::snapshot(Document& document) {
  DocumentSnapshot snap = document.snapshot(session_.client.encoding, trees_);
  // Most recent first; trees are released from the first document past the budget on.
  withTrees_.erase(std::remove(withTrees_.begin(), withTrees_.end(), document.uri()), withTrees_.end());
  withTrees_.insert(withTrees_.begin(), document.uri());
  std::size_t text = 0, kept = 0;
  for (const std::string& uri : withTrees_) {
    Document* open = session_.find(uri);
    if (!open) continue;
    text += open->text().size();
    if (kept > 0 && text > kTreeTextBudget) break;
    withTrees_[kept++] = uri;
  }
  for (std::size_t i = kept; i < withTrees_.size(); ++i)
    if (Document* idle = session_.find(withTrees_[i])) idle->releaseTree();
  withTrees_.resize(kept);
  return snap;
}

void Server::remember(const std::string& uri, std::shared_ptr<const AnalysisResult> result) {
  if (Document* doc = session_.find(uri)) doc->remember(std::move(result));
}

void Server::scheduleDiagnostics(const std::string& uri) {
  if (session_.client.pullDiagnostics) return;
  if (pushScheduled_[uri]) return;  // the pending run will see the latest version
  pushScheduled_[uri] = true;
  int delay =
      session_.editorSettings.debounceMs >= 0 ? session_.editorSettings.debounceMs : options_.debounceMs;
  later(delay, [this, uri] {
    pushScheduled_.erase(uri);
    Document* doc = session_.find(uri);
    if (!doc) return;
    DocumentSnapshot snap = snapshot(*doc);
    // A notebook's findings go to its code cells, each under the cell's URI.
    std::shared_ptr<const analysis::Notebook> layout;
    std::vector<std::string> cells;
    if (auto notebook = session_.notebooks.find(uri); notebook != session_.notebooks.end()) {
      layout = notebook->second.layout;
      cells = notebook->second.codeCells;
    }
    onPool([this, snap = std::move(snap), cancel = lifetime_, layout, cells] {
      auto result = snap.analyze(&cancel);
      if (cancel.cancelled()) return;  // the findings may be incomplete
      auto publish = [&](const std::string& target, const std::string& diagnostics, bool versioned) {
        std::string params = R"({"diagnostics":)" + diagnostics + R"(,"uri":)";
        protocol::appendJsonString(params, target);
        if (versioned) {
          params += R"(,"version":)";
          protocol::appendJsonNumber(params, snap.version);
        }
        return params + '}';
      };
      std::vector<std::string> messages;
      if (layout) {
        for (std::size_t i = 0; i < cells.size(); ++i)
          messages.push_back(publish(cells[i], cellDiagnosticsText(snap, result->check, *layout, i), false));
      } else {
        messages.push_back(publish(snap.uri, diagnosticsReport(snap, *result)->items, true));
      }
      postMain([this, snap, result, messages = std::move(messages)] {
        Document* current = session_.find(snap.uri);
        remember(snap.uri, result);
        // Stale: the document changed or closed meanwhile; a newer run is due.
        if (!current || current->version() != snap.version || current->generation != snap.generation) return;
        for (const auto& params : messages) notifyText("textDocument/publishDiagnostics", params);
      });
    });
  });
}

void Server::clearDiagnostics(const std::string& uri) {
  if (session_.client.pullDiagnostics) return;
  notify("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", json::array()}});
}

// --- dispatch ----------------------------------------------------------------------

void Server::requestExit(int code) {
  auto stop = [this, code] {
    if (exitCode_) return;
    exitCode_ = code;
    // The loop ends once what is queued (replies included) has run; the
    // reader stops at its next read.
    impl_->stopReader();
    impl_->guard.reset();
  };
  if (options_.testMode) {
    drainThen(stop);
    return;
  }
  // Work in flight is cancelled now: nobody waits for its results any more.
  lifetime_.cancel();
  for (auto& [id, token] : pending_) token.cancel();
  stop();
}

void Server::handleResponse(const protocol::Message& message) {
  auto it = outgoing_.find(message.id.dump());
  if (it == outgoing_.end()) {
    support::log(LogLevel::Warn, "response to unknown request {}", message.id.dump());
    return;
  }
  ResponseHandler handler = std::move(it->second);
  outgoing_.erase(it);
  handler(message.result, message.error ? &*message.error : nullptr);
}

namespace {

// How a document is named to the user: its path, or its URI when not a file.
std::string documentName(const std::string& uri) {
  std::string path = protocol::uriToPath(uri);
  return path.empty() ? uri : path;
}

bool isTextSync(std::string_view method) {
  return method == "textDocument/didOpen" || method == "textDocument/didChange";
}

// True for the body of an `exit` notification (checked cheaply first: the
// reader thread looks at every message).
bool isExit(const std::string& body) {
  if (body.size() > 512 || body.find("\"exit\"") == std::string::npos) return false;
  json value = json::parse(body, nullptr, /*allow_exceptions=*/false);
  return value.is_object() && value.value("method", json()) == "exit";
}

}  // namespace

void Server::refuse(const protocol::Envelope& envelope, const protocol::ResponseError& error) {
  support::log(LogLevel::Warn, "refused {}: {}", envelope.method.empty() ? "a message" : envelope.method,
               error.message);
  // A request refused for its size or depth gets its error; a parse error
  // has no id (JSON-RPC).
  bool request =
      !envelope.id.is_null() && !envelope.method.empty() && error.code != protocol::error::kParseError;
  sendRaw(protocol::makeErrorResponse(request ? envelope.id : json(nullptr), error));
  if (!isTextSync(envelope.method)) return;
  std::string name = envelope.uri.empty() ? "a document" : documentName(envelope.uri);
  if (envelope.method == "textDocument/didOpen") {
    showMessage(protocol::kMessageError,
                fmt::format("sparkmigrate: {} was not opened: {}", name, error.message));
    return;
  }
  // A change not applied leaves the document out of step with the editor:
  // it is closed until the editor opens it again.
  if (envelope.uri.empty()) {
    showMessage(protocol::kMessageError,
                fmt::format("sparkmigrate: a change to a document was refused ({}); reopen the file you are "
                            "editing to have it checked again",
                            error.message));
    return;
  }
  if (session_.documents.erase(envelope.uri)) clearDiagnostics(envelope.uri);
  showMessage(protocol::kMessageError, fmt::format("sparkmigrate: a change to {} was refused ({}); it is not "
                                                   "checked until it is opened again",
                                                   name, error.message));
}

void Server::reportRepairedText(const protocol::Message& message) {
  const json& params = message.params;
  std::string uri;
  if (params.is_object() && params.contains("textDocument") && params["textDocument"].is_object() &&
      params["textDocument"].value("uri", json()).is_string())
    uri = params["textDocument"]["uri"].get<std::string>();
  if (!isTextSync(message.method) || uri.empty()) {
    support::log(LogLevel::Warn, "{}: invalid UTF-8 or unpaired surrogates replaced with U+FFFD",
                 message.method);
    return;
  }
  if (!session_.repairedText.insert(uri).second) return;
  support::log(LogLevel::Warn, "{}: invalid UTF-8 or unpaired surrogates replaced with U+FFFD", uri);
  showMessage(protocol::kMessageWarning,
              fmt::format("sparkmigrate: {} has text that is not valid Unicode (invalid UTF-8 or an unpaired "
                          "surrogate); it is checked with U+FFFD in its place",
                          documentName(uri)));
}

void Server::dispatch(std::string body) {
  if (exitCode_) return;  // what arrives after exit is not served
  protocol::Decoded decoded = protocol::decode(std::move(body), options_.maxJsonDepth);
  if (decoded.error) {
    refuse(decoded.envelope, *decoded.error);
    return;
  }
  protocol::ResponseError problem;
  json badId;
  auto message = protocol::classify(std::move(decoded.value), problem, badId);
  if (!message) {
    sendRaw(protocol::makeErrorResponse(badId, problem));
    return;
  }
  if (decoded.repairedText) reportRepairedText(*message);
  if (message->kind == protocol::Message::Kind::Response) {
    handleResponse(*message);
    return;
  }
  const bool isRequest = message->kind == protocol::Message::Kind::Request;
  if (session_.trace != "off")
    notify("$/logTrace", {{"message", fmt::format("Received {} '{}'", isRequest ? "request" : "notification",
                                                  message->method)}});
  support::log(LogLevel::Debug, "<- {} {}", message->method, isRequest ? message->id.dump() : "");
  const HandlerEntry* entry = findHandler(message->method);

  if (!isRequest) {
    if (!entry || !entry->notification) {
      support::log(LogLevel::Debug, "ignoring notification {}", message->method);
      return;
    }
    bool allowed = session_.lifecycle == Lifecycle::Running || message->method == "exit" ||
                   (session_.lifecycle == Lifecycle::ShutDown && message->method == "$/cancelRequest");
    if (!allowed) {
      support::log(LogLevel::Warn, "dropping {} (not initialized or shut down)", message->method);
      return;
    }
    try {
      entry->notification(*this, message->params);
    } catch (const std::exception& e) {
      support::log(LogLevel::Error, "{} failed: {}", message->method, e.what());
    }
    return;
  }

  std::string key = message->id.dump();
  if (pending_.count(key)) {
    sendRaw(protocol::makeErrorResponse(
        message->id, {protocol::error::kInvalidRequest, "a request with this id is still pending", nullptr}));
    return;
  }
  pending_[key] = support::CancellationToken();
  Reply reply = makeReply(message->id, message->method);
  if (session_.lifecycle == Lifecycle::Uninitialized && message->method != "initialize") {
    reply.error(protocol::error::kServerNotInitialized, "the server has not been initialized");
    return;
  }
  if (session_.lifecycle != Lifecycle::Uninitialized && message->method == "initialize") {
    reply.error(protocol::error::kInvalidRequest, "initialize was already called");
    return;
  }
  if (session_.lifecycle == Lifecycle::ShutDown) {
    reply.error(protocol::error::kInvalidRequest, "the server is shutting down");
    return;
  }
  if (!entry || !entry->request) {
    reply.error(protocol::error::kMethodNotFound, "method not found: " + message->method);
    return;
  }
  try {
    entry->request(*this, message->params, reply);
  } catch (const InvalidParams& e) {
    if (!reply.answered()) reply.error(protocol::error::kInvalidParams, e.what());
  } catch (const json::exception& e) {
    if (!reply.answered()) reply.error(protocol::error::kInvalidParams, e.what());
  } catch (const std::exception& e) {
    if (!reply.answered()) reply.error(protocol::error::kInternalError, e.what());
  }
}

support::CancellationToken Server::cancellationToken(const json& id) {
  auto it = pending_.find(id.dump());
  return it == pending_.end() ? support::CancellationToken() : it->second;
}

void Server::cancel(const json& id) {
  if (auto it = pending_.find(id.dump()); it != pending_.end()) it->second.cancel();
}

void Server::readInput() {
  auto framing = options_.testMode ? protocol::Framing::Delimited : protocol::Framing::ContentLength;
  protocol::FrameReader frames(options_.inputFd, framing, options_.maxMessageSize, impl_->wake[0]);
  while (true) {
    protocol::Frame frame;
    try {
      frame = frames.next();
    } catch (const std::exception& e) {  // out of memory for a message (with no size limit)
      support::log(LogLevel::Error, "reading input failed: {}", e.what());
      break;
    }
    if (frame.kind == protocol::Frame::Kind::Eof) break;
    // On the way out, parsing on the main loop stops at once, so that the
    // loop gets to `exit` (test mode keeps to the order of the transcript).
    if (!options_.testMode && frame.kind == protocol::Frame::Kind::Body && isExit(frame.body))
      lifetime_.cancel();
    if (frame.kind == protocol::Frame::Kind::Error) {
      asio::post(impl_->io, [this, frame = std::move(frame)] {
        if (exitCode_) return;
        // A message over the size limit comes with its first bytes; a broken
        // header block with none.
        int code = frame.body.empty() ? protocol::error::kParseError : protocol::error::kInvalidRequest;
        refuse(protocol::peekEnvelope(frame.body), {code, frame.error, nullptr});
      });
      continue;
    }
    asio::post(impl_->io, [this, body = std::move(frame.body)]() mutable {
      try {
        dispatch(std::move(body));
      } catch (const std::exception& e) {
        support::log(LogLevel::Error, "dispatch failed: {}", e.what());
      }
    });
  }
  if (!options_.testMode) lifetime_.cancel();
  asio::post(impl_->io, [this] {
    support::log(LogLevel::Info, "end of input");
    if (!exitCode_) requestExit(session_.lifecycle == Lifecycle::ShutDown ? 0 : 1);
  });
}

int Server::run() {
  impl_->guard.emplace(impl_->io.get_executor());
  if (::pipe2(impl_->wake, O_CLOEXEC) != 0) {
    support::log(LogLevel::Warn, "no pipe to stop the reader: {}", std::strerror(errno));
    impl_->wake[0] = impl_->wake[1] = -1;
  }
  // stdin is read on a plain blocking thread: a regular file as stdin (as in
  // transcript tests) cannot be registered with epoll. It is joined before
  // run() returns, so it never posts to a loop that is gone.
  impl_->reader = std::thread([this] { readInput(); });
  while (true) {
    try {
      impl_->io.run();  // returns when the work guard is gone and nothing is queued
      if (exitCode_) break;
    } catch (const std::exception& e) {
      support::log(LogLevel::Error, "main loop: {}", e.what());
    }
    impl_->io.restart();
  }
  lifetime_.cancel();
  for (auto& [id, token] : pending_) token.cancel();  // model requests and analyses in flight stop now
  impl_->slowPool->stop();
  impl_->pool->stop();
  impl_->joinReader();
  return *exitCode_;
}

bool Server::waitForWork(std::chrono::milliseconds grace) {
  std::unique_lock<std::mutex> lock(impl_->workMutex);
  return impl_->workIdle.wait_for(lock, grace, [this] { return impl_->running == 0; });
}

}  // namespace sparkmigrate::server
