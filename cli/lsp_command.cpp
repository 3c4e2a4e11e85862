// `sparkmigrate lsp`: runs the language server over stdio. Logs go to stderr
// or --log-file, never stdout (stdout is the protocol channel). --test selects
// the transcript mode: `---`-delimited messages in and out, no debouncing and
// deterministic scheduling (see server/server.h). --max-message-size and
// --max-json-depth bound what one message may cost. After `exit` (or the end
// of input) the process gives the work it cancelled half a second to stop,
// then ends without it.
#include "cli/args.h"
#include "cli/commands.h"
#include "server/server.h"
#include "support/log.h"
#include "support/size.h"

#include <fmt/format.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>

namespace sparkmigrate::cli {
namespace {

constexpr const char* kUsage = R"(usage: sparkmigrate lsp [options]

Runs the sparkmigrate language server on stdin/stdout (LSP over JSON-RPC).
See docs/lsp.md for editor setup.

options:
  --log-file FILE     write logs to FILE instead of stderr
  --log-level LEVEL   trace, debug, info, warn, error or off (default warn)
  --jobs N            analysis worker threads (default: min(4, cores))
  --max-message-size BYTES
                      longest message accepted (default 64MiB; 0: no limit), in bytes or
                      with a unit: KB, MB, GB, KiB, MiB, GiB;
                      a longer one is skipped and answered with an error
  --max-json-depth N  deepest nesting of arrays and objects in a message (default 512; 0: no limit)
  --test              transcript mode: `---`-delimited messages, deterministic scheduling
  -h, --help          show this help)";

// How long the process waits at exit for cancelled work to stop.
constexpr std::chrono::milliseconds kExitGrace{500};

// A non-negative whole number.
std::optional<std::size_t> parseCount(const std::string& text) {
  if (text.empty() || text.size() > 9 || text.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  return std::stoul(text);
}

}  // namespace

int runLsp(int argc, char** argv) {
  Args args;
  std::vector<OptionSpec> specs = {{"log-file", true},       {"log-level", true},        {"jobs", true},
                                   {"max-message-size", true}, {"max-json-depth", true}, {"test", false},
                                   {"stdio", false},           {"help", false},          {"h", false}};
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
    fmt::print(stderr, "sparkmigrate lsp: cannot open log file {}: {}; logging to stderr\n", *file,
               std::strerror(errno));
  server::ServerOptions options;
  options.testMode = args.has("test");
  if (auto jobs = jobsOption(args, options.jobs)) {
    options.jobs = *jobs;
  } else {
    fmt::print(stderr, "sparkmigrate lsp: --jobs must be a positive number\n");
    return kExitUsage;
  }
  if (auto v = args.value("max-message-size")) {
    auto size = support::parseByteSize(*v);
    if (!size || *size > (std::uint64_t(1) << 40)) {
      fmt::print(stderr, "sparkmigrate lsp: --max-message-size {}\n", support::kByteSizeHelp);
      return kExitUsage;
    }
    options.maxMessageSize = *size;
  }
  if (auto v = args.value("max-json-depth")) {
    auto depth = parseCount(*v);
    if (!depth) {
      fmt::print(stderr, "sparkmigrate lsp: --max-json-depth must be a number\n");
      return kExitUsage;
    }
    options.maxJsonDepth = *depth;
  }
  server::Server server(options);
  int code = server.run();
  if (!server.waitForWork(kExitGrace)) {
    // Analysis that does not check its cancellation often enough would keep
    // the process alive for as long as it runs: end without waiting for it.
    support::log(support::LogLevel::Info, "work still running at exit; ending without waiting for it");
    std::fflush(nullptr);
    std::_Exit(code);
  }
  return code;
}

}  // namespace sparkmigrate::cli
