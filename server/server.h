// The language server's main loop. One thread runs the Asio io_context and
// owns all session state; a blocking thread reads stdin and posts each frame
// to it; analysis runs on a worker pool and posts its results back. Handlers
// (server/handlers/) reach the session and these services through Server.
//
// Scheduling contract:
//   * sync handlers run on the main loop and must not block;
//   * background(...) runs a job on the pool with an immutable snapshot and
//     answers the Reply on the main loop, RequestCancelled if the client
//     cancelled it, ContentModified if the document moved on meanwhile;
//   * exceptions are caught at each boundary and become JSON-RPC errors or
//     log lines, never crossing threads or stopping the loop.
// In test mode (transcripts) input and output are `---`-delimited, debouncing
// is off, and pool work is deferred to deterministic points (shutdown, end of
// input), so a transcript always produces the same output.
//
// Limits: a message over maxMessageSize is refused unread, one nested deeper
// than maxJsonDepth unparsed (each answered with an error when its id can be
// read, and shown to the user when it carried a document); a document over
// its settings' maxFileSize is kept but not analysed. Invalid UTF-8 and lone
// surrogates in a message become U+FFFD (shown once per document).
//
// Ending: `exit` or the end of input cancels the work in flight and stops
// the reader thread; run() returns once the loop is done, and waitForWork()
// bounds how long the pools then take.
#pragma once

#include "protocol/decode.h"
#include "protocol/framing.h"
#include "protocol/jsonrpc.h"
#include "server/reply.h"
#include "server/session.h"
#include "support/cancel.h"

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

namespace sparkmigrate::server {

struct ServerOptions {
  bool testMode = false;
  int inputFd = 0;
  std::FILE* output = stdout;
  unsigned jobs = 0;  // 0: min(4, cores)
  int debounceMs = 25;
  std::size_t maxMessageSize = protocol::kDefaultMaxMessageSize;  // bytes of one message; 0: no limit
  std::size_t maxJsonDepth = protocol::kDefaultMaxJsonDepth;      // 0: no limit
};

class Server {
 public:
  explicit Server(ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Serves until `exit` or end of input. Returns the process exit code
  // (0 after shutdown + exit, 1 otherwise). Work still running on the pools
  // has been cancelled by then.
  int run();
  // After run(): waits up to `grace` for the pools to finish what they were
  // running when it was cancelled. False when some is still running (the
  // destructor would wait for it; a process that must end now can _Exit).
  bool waitForWork(std::chrono::milliseconds grace);

  Session& session() { return session_; }
  bool testMode() const { return options_.testMode; }
  // Cancelled once the server is on its way out (`exit` or the end of input
  // seen by the reader, even before the loop gets to them).
  const support::CancellationToken& lifetime() const { return lifetime_; }

  // --- outgoing messages (main loop) -------------------------------------
  void notify(const std::string& method, nlohmann::json params);
  // A notification whose params are already JSON text.
  void notifyText(std::string_view method, std::string_view paramsText);
  using ResponseHandler =
      std::function<void(const nlohmann::json& result, const protocol::ResponseError* error)>;
  void request(const std::string& method, nlohmann::json params, ResponseHandler onResponse);
  void showMessage(int type, const std::string& message);
  // Shows a problem once per distinct text (configuration errors).
  void reportProblemOnce(const std::string& problem);

  // --- scheduling ----------------------------------------------------------
  using Job = std::function<nlohmann::json(const support::CancellationToken&)>;
  using TextJob = std::function<std::string(const support::CancellationToken&)>;
  // Runs `job` on the pool and answers `reply` with its result (serialised
  // there too, or written as JSON text by a TextJob). With a
  // document (uri, version), a result computed for an older version answers
  // ContentModified.
  // `slow` work (waiting for a model) runs on a pool of its own, so that
  // diagnostics never queue behind it.
  void background(Reply reply, Job job, std::optional<std::pair<std::string, int>> document = std::nullopt,
                  bool slow = false);
  void backgroundText(Reply reply, TextJob job,
                      std::optional<std::pair<std::string, int>> document = std::nullopt, bool slow = false);
  // Runs `fn` on the main loop later (after `delayMs`, or deferred in test mode).
  void later(int delayMs, std::function<void()> fn);
  void postMain(std::function<void()> fn);
  void onPool(std::function<void()> fn, bool slow = false);

  // --- documents and diagnostics ----------------------------------------------
  // Resolves the settings for a document (pyproject.toml + editor settings),
  // keeping its last good settings when the governing config is broken.
  void resolveSettings(Document& document);
  // Re-resolves every open document and re-publishes or refreshes diagnostics.
  void settingsChanged();
  // The project index of the folder holding `path` (built from the files on
  // disk on first use; Python files saved or changed there rebuild it).
  std::shared_ptr<const analysis::ProjectIndex> projectFor(const std::string& path);
  // A Python file was saved or changed on disk: rebuilds its folder's index
  // and, when what the folder exports changed, analyses the documents again.
  void pythonFileChanged(const std::string& path);
  // Re-reads configuration when a pyproject.toml in use changed on disk.
  void checkConfigFiles();
  // Push mode: (re)computes and publishes diagnostics after the debounce.
  void scheduleDiagnostics(const std::string& uri);
  void clearDiagnostics(const std::string& uri);
  // A snapshot of the document (see Document::snapshot). The documents
  // snapshotted most recently keep their trees, up to kTreeTextBudget bytes
  // of text (the latest always); the others hold their text and results and
  // parse again when next used. A tree costs about 60 bytes per byte of
  // text: 2.5 MB for a 1,000-line file, parsed again in about 8 ms.
  DocumentSnapshot snapshot(Document& document);
  static constexpr std::size_t kTreeTextBudget = 192 * 1024;
  // Stores a result if the document is still at that version and generation.
  void remember(const std::string& uri, std::shared_ptr<const AnalysisResult> result);

  // Marks a pending request as cancelled ($/cancelRequest).
  void cancel(const nlohmann::json& id);
  // The cancellation token of a pending request (a fresh one if unknown).
  support::CancellationToken cancellationToken(const nlohmann::json& id);

  // --- lifecycle ----------------------------------------------------------------
  void requestExit(int code);
  // Test mode: runs deferred work, round after round, until none is left,
  // then calls `done` on the loop (used by shutdown and exit).
  void drainThen(std::function<void()> done);

 private:
  void dispatch(std::string body);
  // Answers a message that was refused before it was parsed (too large, too
  // deeply nested, not JSON), with what could be read of it.
  void refuse(const protocol::Envelope& envelope, const protocol::ResponseError& error);
  // Tells the user once per document that its text had characters replaced.
  void reportRepairedText(const protocol::Message& message);
  void readInput();  // the reader thread
  void handleResponse(const protocol::Message& message);
  void sendRaw(const nlohmann::json& message);
  void sendReply(const nlohmann::json& id, std::string message);
  Reply makeReply(const nlohmann::json& id, const std::string& method);

  struct Impl;
  std::unique_ptr<Impl> impl_;
  ServerOptions options_;
  Session session_;
  protocol::FrameWriter writer_;
  std::map<std::string, support::CancellationToken> pending_;  // request id (dumped) -> token
  std::map<std::string, ResponseHandler> outgoing_;
  long long nextOutgoingId_ = 1;
  std::map<std::string, bool> pushScheduled_;
  std::optional<int> exitCode_;
  // Cancelled when the loop ends: work that no request owns (push analysis).
  support::CancellationToken lifetime_;
  std::shared_ptr<TreeReleaser> trees_;
  std::vector<std::string> withTrees_;  // URIs whose documents keep a tree, most recent first
};

}  // namespace sparkmigrate::server
