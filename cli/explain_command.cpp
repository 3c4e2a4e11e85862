// `sparkmigrate explain [FILE|-]`: migration from an exception. Reads a
// Spark Connect error or traceback (from a file or stdin), resolves the
// frames to the user's files (against the current folder, or --root when the
// traceback came from another machine), checks them with the rules that
// explain the error, ranks the findings as causes, and prints what failed,
// why, the rule, and the fix as a diff: the rule's own fix, or a validated
// model rewrite when a backend is configured. --apply writes the fix;
// --write-test writes a pytest test that runs the migrated function on Spark
// Connect (regression_test.cpp). Bad input never crashes: an error it does not
// recognise gets error_condition null and exit status 1; empty or binary
// input is refused with one line and exit status 2.
#include "analysis/fix.h"
#include "analysis/rule_docs.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "cli/explain.h"
#include "cli/report.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <vector>

namespace sparkmigrate::cli {
namespace fs = std::filesystem;
namespace {

constexpr const char* kUsage = R"(usage: sparkmigrate explain [options] [FILE|-]

Reads a Spark Connect error message or a whole traceback (also from a notebook or a driver log,
with colours, timestamps or log prefixes around it) from FILE or standard input, finds the frames
in your files, locates the code that caused it, and prints what failed, why, the rule, and the
fix as a diff.

options:
  --root DIR             resolve the traceback's paths against DIR (it came from another machine);
                         default: the current folder
  --output-format F      text or json (default text)
  --apply                write the fix
  --write-test           write a pytest test that runs the migrated function on Spark Connect
                         (in the project's tests/ or test/ folder, else tests/)
  --tests-dir DIR        where --write-test writes (default: found or created under the root)
  --follow-symlinks      with --apply: also write a file that a symbolic link leads to outside its
                         folder
  --target-version V, --select, --extend-select, --ignore, --extend-ignore, --platform, --isolated,
  --max-file-size SIZE   as for `sparkmigrate check`
  --llm-backend, --llm-model, ...   a model for findings without a mechanical fix (docs/llm.md)
  -h, --help             show this help

exit status: 0 the error was recognised and its cause located, 1 not recognised or not located,
2 usage error, or input that is empty or binary)";

// The end of a log is where the error is: the last 16 MiB are read, from a line start.
constexpr std::size_t kMaxInput = 16u << 20;

std::string readInput(const std::string& source, std::string& error) {
  std::string name = source == "-" ? "standard input" : source;
  std::string text;
  bool cut = false;
  if (source == "-") {
    std::vector<char> chunk(1 << 16);
    while (std::size_t n = std::fread(chunk.data(), 1, chunk.size(), stdin)) {
      if (std::memchr(chunk.data(), '\0', n)) {
        error = name + ": binary data (NUL bytes), not an error message or traceback";
        return "";
      }
      text.append(chunk.data(), n);
      if (text.size() > 2 * kMaxInput) {
        text.erase(0, text.size() - kMaxInput);
        cut = true;
      }
    }
  } else {
    analysis::FileText read = analysis::readRegularFile(source, kMaxInput, true);
    if (!read.error.empty()) {
      error = source + ": " + read.error;
      return "";
    }
    text = std::move(read.text);
    cut = read.skipped > 0;
  }
  if (text.size() > kMaxInput) {
    text.erase(0, text.size() - kMaxInput);
    cut = true;
  }
  if (cut) {  // from a line start
    std::size_t newline = text.find('\n');
    text.erase(0, newline == std::string::npos ? 0 : newline + 1);
  }
  if (text.find('\0') != std::string::npos) {
    error = name + ": binary data (NUL bytes), not an error message or traceback";
    return "";
  }
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    error = name + ": empty; give the error message or traceback";
    return "";
  }
  return text;
}

std::string relativeForDisplay(const std::string& path) {
  std::error_code ec;
  fs::path rel = fs::path(path).lexically_relative(fs::current_path(ec));
  return !rel.empty() && *rel.begin() != ".." ? rel.string() : path;
}

std::string explainText(const migrate::ExplainRequest& request, const migrate::ExplainResult& result) {
  const analysis::ParsedError& error = request.error;
  std::string out;
  std::string headline = error.exceptionType.empty() ? error.message : error.exceptionType + ": " + error.message;
  if (headline.size() > 400) headline = headline.substr(0, 397) + "...";
  out += headline + "\n";
  for (std::size_t i = error.frames.size(); i-- > 0;) {
    if (result.framePaths[i].empty()) continue;
    const auto& f = error.frames[i];
    out += fmt::format("  at {}:{}{}\n", relativeForDisplay(result.framePaths[i]), f.line,
                       f.function.empty() ? "" : " in " + f.function);
  }
  if (!error.recognised) {
    out += "\nsparkmigrate does not recognise this as a Spark Connect incompatibility. It knows the error conditions "
           "JVM_ATTRIBUTE_NOT_SUPPORTED, NOT_IMPLEMENTED, ATTRIBUTE_NOT_SUPPORTED, CONTEXT_UNAVAILABLE_FOR_REMOTE_CLIENT, "
           "SESSION_NOT_SAME, STREAMING_CONNECT_SERIALIZATION_ERROR, NO_ACTIVE_SESSION, "
           "CANNOT_CONFIGURE_SPARK_CONNECT_MASTER, UNSUPPORTED_CONNECT_FEATURE.*, CONFIG_NOT_AVAILABLE and the "
           "AttributeError, ImportError and ModuleNotFoundError of older clients.\n";
    return out;
  }
  out += "\nwhy: " + result.meaning.why + "\n";
  if (result.causes.empty()) {
    out += result.files.empty()
               ? "\nNone of the traceback's frames is in a file under " + request.root.string() +
                     " (use --root to point at the project the traceback came from).\n"
               : "\nNo code in the traceback's files explains it.\n";
    return out;
  }
  const analysis::Cause& cause = result.causes.front();
  const auto& file = result.files[cause.file];
  const analysis::Diagnostic& d = cause.finding;
  analysis::LineIndex lines(file.text);
  std::string path = relativeForDisplay(file.path);
  out += fmt::format("\ncause: {}:{}:{}: {} {}\n", path, d.start.line + 1, d.start.column + 1, d.code, d.message);
  std::string number = std::to_string(d.start.line + 1);
  out += fmt::format("{} | {}\n", number, lines.lineText(file.text, d.start.line));
  if (d.rule) out += fmt::format("rule: {} {} (`sparkmigrate rule {}`)\n", d.code, d.rule->name, d.code);
  if (result.fix) {
    const auto& fix = *result.fix;
    if (!fix.diff.empty()) {
      out += fmt::format("\nfix ({}{}): {}\n", fix.source, fix.safety.empty() ? "" : ", " + fix.safety, fix.guidance);
      out += fix.diff;
    } else {
      out += "\nfix: " + (fix.guidance.empty() ? std::string("see the rule's documentation") : fix.guidance) + "\n";
    }
  }
  if (result.causes.size() > 1) {
    out += "\nother candidates:\n";
    for (std::size_t i = 1; i < result.causes.size(); ++i) {
      const auto& c = result.causes[i];
      out += fmt::format("  {}:{}:{}: {} {}\n", relativeForDisplay(result.files[c.file].path),
                         c.finding.start.line + 1, c.finding.start.column + 1, c.finding.code, c.finding.message);
    }
  }
  return out;
}

}  // namespace

int runExplain(int argc, char** argv) {
  Args args;
  std::vector<OptionSpec> specs = settingsOptionSpecs();
  specs.insert(specs.end(), {{"root", true},
                             {"output-format", true},
                             {"apply", false},
                             {"write-test", false},
                             {"tests-dir", true},
                             {"no-cache", false},
                             {"follow-symlinks", false},
                             {"help", false},
                             {"h", false}});
  if (!args.parse(argc, argv, 2, specs)) {
    fmt::print(stderr, "sparkmigrate explain: {}\n{}\n", args.error(), kUsage);
    return kExitUsage;
  }
  if (args.has("help") || args.has("h")) {
    fmt::print("{}\n", kUsage);
    return kExitClean;
  }
  auto usageError = [](const std::string& message) {
    fmt::print(stderr, "sparkmigrate explain: {}\n", message);
    return kExitUsage;
  };
  analysis::Overrides overrides;
  if (std::string problem = overridesFromArgs(args, overrides); !problem.empty()) return usageError(problem);
  std::string format = args.value("output-format").value_or("text");
  if (format != "text" && format != "json") return usageError("--output-format must be text or json");
  if (args.positionals().size() > 1) return usageError("give one FILE (or - for standard input)");
  std::string source = args.positionals().empty() ? "-" : args.positionals().front();
  if (source == "-" && isatty(STDIN_FILENO))
    fmt::print(stderr, "Paste the error or traceback, then press Ctrl-D.\n");
  std::string readError;
  std::string input = readInput(source, readError);
  if (!readError.empty()) return usageError(readError);
  std::error_code ec;
  fs::path root = fs::absolute(args.value("root").value_or("."), ec).lexically_normal();
  if (!fs::is_directory(root, ec)) return usageError("--root: not a folder: " + root.string());

  migrate::ExplainRequest request;
  request.error = analysis::parseError(input);
  request.root = root;
  request.overrides = overrides;
  request.useCache = !args.has("no-cache");
  migrate::ExplainResult result = migrate::explain(request);

  std::string testPath;
  if (args.has("write-test")) {
    fs::path testsDir;
    if (auto dir = args.value("tests-dir")) testsDir = fs::absolute(*dir, ec);
    testPath = writeRegressionTest(request, result, testsDir, result.notes);
  }
  std::string written;
  if (args.has("apply") && result.fix && !result.fix->fixedText.empty()) {
    const auto& file = result.files[result.causes.front().file];
    WriteScope scope{fs::path(file.path).parent_path(), args.has("follow-symlinks")};
    std::string error = writeInPlace(file.path, file.text, result.fix->fixedText, scope);
    if (error.empty())
      written = file.path;
    else
      result.notes.push_back(fmt::format("not written: {}: {}", file.path, error));
  }

  if (format == "json") {
    nlohmann::json out = migrate::explainJson(request, result);
    out["test"] = testPath.empty() ? nlohmann::json(nullptr) : nlohmann::json(testPath);
    out["written"] = written.empty() ? nlohmann::json(nullptr) : nlohmann::json(written);
    std::fprintf(stdout, "%s\n", out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
  } else {
    std::fputs(explainText(request, result).c_str(), stdout);
    if (!written.empty()) fmt::print("Fixed {}\n", written);
    if (!testPath.empty()) fmt::print("Wrote the test {}\n", testPath);
  }
  for (const auto& note : result.notes) fmt::print(stderr, "note: {}\n", note);
  std::fflush(stdout);
  return request.error.recognised && !result.causes.empty() ? kExitClean : kExitFindings;
}

}  // namespace sparkmigrate::cli
