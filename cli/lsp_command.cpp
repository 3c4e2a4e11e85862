// `sparkmigrate lsp`: runs the language server over stdio. Logs go to stderr
// or --log-file, never stdout (stdout is the protocol channel). --test selects
// the transcript mode: `---`-delimited messages in and out, no debouncing and
// deterministic scheduling (see server/server.h).
#include "cli/args.h"
#include "cli/commands.h"
#include "server/server.h"
#include "support/log.h"

#include <fmt/format.h>

namespace sparkmigrate::cli {
namespace {

constexpr const char* kUsage = R"(usage: sparkmigrate lsp [options]

Runs the sparkmigrate language server on stdin/stdout (LSP over JSON-RPC).
See docs/lsp.md for editor setup.

options:
  --log-file FILE     write logs to FILE instead of stderr
  --log-level LEVEL   trace, debug, info, warn, error or off (default warn)
  --jobs N            analysis worker threads (default: min(4, cores))
  --test              transcript mode: `---`-delimited messages, deterministic scheduling
  -h, --help          show this help)";

}  // namespace

int runLsp(int argc, char** argv) {
  Args args;
  std::vector<OptionSpec> specs = {{"log-file", true}, {"log-level", true}, {"jobs", true}, {"test", false},
                                   {"stdio", false},   {"help", false},     {"h", false}};
  if (!args.parse(argc, argv, 2, specs)) {
    fmt::print(stderr, "sparkmigrate lsp: {}\n{}\n", args.error(), kUsage);
    return kExitUsage;
  }
  if (args.has("help") || args.has("h")) {
    fmt::print(stderr, "{}\n", kUsage);
    return kExitClean;
  }
  support::LogLevel level = support::LogLevel::Warn;
  if (auto l = args.value("log-level"); l && !support::parseLogLevel(*l, level)) {
    fmt::print(stderr, "sparkmigrate lsp: --log-level must be trace, debug, info, warn, error or off\n");
    return kExitUsage;
  }
  support::setLogLevel(level);
  if (auto file = args.value("log-file"); file && !support::setLogFile(*file))
    fmt::print(stderr, "sparkmigrate lsp: cannot open log file {}; logging to stderr\n", *file);
  server::ServerOptions options;
  options.testMode = args.has("test");
  if (auto j = args.value("jobs")) {
    try {
      int n = std::stoi(*j);
      if (n < 1) throw std::invalid_argument("jobs");
      options.jobs = static_cast<unsigned>(n);
    } catch (const std::exception&) {
      fmt::print(stderr, "sparkmigrate lsp: --jobs must be a positive number\n");
      return kExitUsage;
    }
  }
  server::Server server(options);
  return server.run();
}

}  // namespace sparkmigrate::cli
