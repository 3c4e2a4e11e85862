// Entry point of the sparkmigrate binary: dispatches to the subcommands and
// turns any escaping exception into a one-line error (exit 2), never a crash.
#include "cli/commands.h"

#include <fmt/format.h>

#include <cstring>
#include <exception>
#include <string_view>

namespace {

struct Command {
  std::string_view name;
  std::string_view summary;
  int (*run)(int, char**);
};

constexpr Command kCommands[] = {
    {"check", "find code that breaks under Spark Connect", sparkmigrate::cli::runCheck},
    {"fix", "apply the automatic fixes (--diff to preview, --unsafe-fixes for more)",
     sparkmigrate::cli::runFix},
    {"report", "write a migration readiness report: one HTML page with charts (-o report.html)",
     sparkmigrate::cli::runReport},
    {"explain", "locate and fix the code behind a Spark Connect error or traceback",
     sparkmigrate::cli::runExplain},
    {"lsp", "run the language server on stdio (see docs/lsp.md)", sparkmigrate::cli::runLsp},
    {"rule", "show a rule's documentation, list rules, generate docs/rules", sparkmigrate::cli::runRule},
};

void usage(std::FILE* out) {
  fmt::print(out, "usage: sparkmigrate <command> [options]\n\ncommands:\n");
  for (const auto& c : kCommands) fmt::print(out, "  {:<8} {}\n", c.name, c.summary);
  fmt::print(out, "\nRun `sparkmigrate <command> --help` for a command's options.\n");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    usage(stderr);
    return sparkmigrate::cli::kExitUsage;
  }
  std::string_view name = argv[1];
  if (name == "--version" || name == "-V") {
    fmt::print("sparkmigrate {}\n", SPARKMIGRATE_VERSION);
    return 0;
  }
  if (name == "--help" || name == "-h" || name == "help") {
    usage(stdout);
    return 0;
  }
  for (const auto& c : kCommands) {
    if (c.name != name) continue;
    try {
      return c.run(argc, argv);
    } catch (const std::exception& e) {
      fmt::print(stderr, "sparkmigrate {}: internal error: {}\n", name, e.what());
      return sparkmigrate::cli::kExitUsage;
    }
  }
  fmt::print(stderr, "sparkmigrate: unknown command '{}'\n", name);
  usage(stderr);
  return sparkmigrate::cli::kExitUsage;
}
