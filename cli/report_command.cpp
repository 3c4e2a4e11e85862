// `sparkmigrate report PATH... -o report.html`: a migration readiness report.
// Reads its options (the settings options of check, a runtime report, an
// earlier report to compare with, the date), runs check's own pipeline
// (checkWith in check_command.cpp) and writes the page (writeHtml,
// cli/output_html.cpp) through a temporary file in the destination's folder
// that is renamed over it, so a failed run leaves no half-written page.
#include "cli/args.h"
#include "cli/commands.h"
#include "cli/report.h"
#include "cli/runtime_report.h"
#include "support/thread_pool.h"

#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <regex>

namespace sparkmigrate::cli {
namespace fs = std::filesystem;
namespace {

constexpr const char* kUsage = R"(usage: sparkmigrate report [options] -o FILE [PATH...]

Writes a migration readiness report: one self-contained HTML page (inline CSS and SVG
charts; no script runs, nothing is fetched) with the findings of `sparkmigrate check` on
PATH by rule family, folder, file and rule, each split by what it will take: a safe fix,
an unsafe fix, a model suggestion (`fix --llm`) or manual work. PATH defaults to the
current folder.

options:
  -o, --output FILE      the page to write (- for standard output); replaced only once it
                         is complete
  --runtime-report FILE  merge a report written by the runtime shim and list the call sites
                         seen most often at run time (docs/runtime-report.md)
  --compare-to FILE      an earlier report's page, or the output of `sparkmigrate check
                         --output-format json`: show the changes since then and carry the
                         history of totals forward
  --date DATE            the report's date: YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ (default:
                         $SOURCE_DATE_EPOCH, else now)
  --target-version, --select, --extend-select, --ignore, --extend-ignore, --platform,
  --config, --isolated, --force-exclude, --max-file-size
                         as for `sparkmigrate check`
  --jobs N               parallel workers (default: number of cores)
  -h, --help             show this help

exit status: 0 the page was written (findings or not; files that could not be read are listed
in it), 2 usage error or a page that could not be written (nothing is written), or a
pyproject.toml that could not be read (the page is written with the defaults and lists it))";

// The report's time: --date, else $SOURCE_DATE_EPOCH, else now; "" with
// `problem` set when malformed.
std::string generatedAt(const std::optional<std::string>& date, std::string& problem) {
  if (date) {
    static const std::regex kDay(R"(\d{4}-\d{2}-\d{2})"), kTime(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)");
    if (std::regex_match(*date, kDay)) return *date + "T00:00:00Z";
    if (std::regex_match(*date, kTime)) return *date;
    problem = "--date must be YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ (got '" + *date + "')";
    return "";
  }
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
    char* end = nullptr;
    errno = 0;
    const long long seconds = std::strtoll(epoch, &end, 10);
    if (*end || errno || seconds < 0) {
      problem = fmt::format("SOURCE_DATE_EPOCH must be a number of seconds (got '{}')", epoch);
      return "";
    }
    return isoUtc(static_cast<std::time_t>(seconds));
  }
  return isoUtc(std::time(nullptr));
}

// A temporary file beside `path`, renamed over it by commit(); removed
// unless committed.
class AtomicFile {
 public:
  explicit AtomicFile(const std::string& path) : path_(path) {
    fs::path target(path);
    fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    std::string pattern = (dir / ("." + target.filename().string() + ".sparkmigrate-XXXXXX")).string();
    int fd = ::mkstemp(pattern.data());
    if (fd < 0) {
      error_ = std::strerror(errno);
      return;
    }
    tmp_ = pattern;
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd, 0666 & ~mask);  // as a plain open() would create it
    file_ = ::fdopen(fd, "wb");
    if (!file_) {
      error_ = std::strerror(errno);
      ::close(fd);
    }
  }
  ~AtomicFile() {
    if (file_) std::fclose(file_);
    if (!tmp_.empty()) ::unlink(tmp_.c_str());
  }
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  std::FILE* file() const { return file_; }
  const std::string& error() const { return error_; }

  // "" once the file is complete on disk under its name, else what went wrong.
  std::string commit() {
    if (!error_.empty()) return error_;
    const bool written = std::fflush(file_) == 0 && !std::ferror(file_) && ::fsync(::fileno(file_)) == 0;
    const int writeErrno = errno;
    const bool closed = std::fclose(file_) == 0;
    file_ = nullptr;
    if (!written || !closed) return std::strerror(written ? errno : writeErrno);
    if (::rename(tmp_.c_str(), path_.c_str()) != 0) return std::strerror(errno);
    tmp_.clear();
    return "";
  }

 private:
  std::string path_, tmp_, error_;
  std::FILE* file_ = nullptr;
};

}  // namespace

int runReport(int argc, char** argv) {
  Args args;
  std::vector<OptionSpec> specs = settingsOptionSpecs();
  specs.insert(specs.end(), {{"output", true},
                             {"o", true},
                             {"runtime-report", true},
                             {"compare-to", true},
                             {"date", true},
                             {"jobs", true},
                             {"help", false},
                             {"h", false}});
  if (!args.parse(argc, argv, 2, specs)) {
    fmt::print(stderr, "sparkmigrate report: {}\n{}\n", args.error(), kUsage);
    return kExitUsage;
  }
  if (args.has("help") || args.has("h")) {
    fmt::print("{}\n", kUsage);
    return kExitClean;
  }
  auto usageError = [](const std::string& message) {
    fmt::print(stderr, "sparkmigrate report: {}\n", message);
    return kExitUsage;
  };
  std::optional<std::string> output = args.value("output");
  if (auto o = args.value("o")) output = o;
  if (!output || output->empty()) return usageError("-o FILE is required (- for standard output)");
  analysis::Overrides overrides;
  if (std::string problem = overridesFromArgs(args, overrides); !problem.empty()) return usageError(problem);
  auto jobs = jobsOption(args, support::defaultJobs());
  if (!jobs) return usageError("--jobs must be a positive number");
  std::string problem;
  HtmlOptions html;
  html.generatedAt = generatedAt(args.value("date"), problem);
  if (!problem.empty()) return usageError(problem);
  html.inputs = args.positionals();
  if (html.inputs.empty()) html.inputs.push_back(".");
  if (std::find(html.inputs.begin(), html.inputs.end(), "-") != html.inputs.end())
    return usageError("report reads files, not standard input");

  const std::uint64_t maxSize = overrides.maxFileSize.value_or(analysis::kDefaultMaxFileSize);
  std::optional<std::vector<RuntimeRecord>> records;
  if (auto path = args.value("runtime-report")) {
    auto read = readRuntimeReport(*path, maxSize);
    if (!read) return usageError(read.error().message);
    records = std::move(*read);
    html.runtimeReport = true;
  }
  if (auto path = args.value("compare-to")) {
    auto baseline = readReadinessBaseline(*path, maxSize);
    if (!baseline) return usageError("--compare-to " + baseline.error().message);
    html.previous = std::move(*baseline);
  }

  // The destination is opened first, so a folder that cannot be written to
  // fails before the check rather than after it.
  std::optional<AtomicFile> page;
  if (*output != "-") {
    page.emplace(*output);
    if (!page->error().empty()) return usageError(fmt::format("cannot write {}: {}", *output, page->error()));
  }
  std::size_t findings = 0, affected = 0, checked = 0;
  analysis::ConfigResolver resolver(overrides);
  const int status =
      checkWith(html.inputs, resolver, *jobs, records ? &*records : nullptr, [&](const Report& report) {
        writeHtml(report, html, page ? page->file() : stdout);
        checked = report.filesChecked;
        for (const auto& file : report.files) {
          findings += file.diagnostics.size();
          affected += !file.diagnostics.empty();
        }
      });
  if (!page) {
    std::fflush(stdout);
    return status == kExitUsage ? kExitUsage : kExitClean;
  }
  if (std::string error = page->commit(); !error.empty())
    return usageError(fmt::format("cannot write {}: {}", *output, error));
  fmt::print("Wrote {}: {} finding{} in {} of {} file{} checked.\n", *output, findings,
             findings == 1 ? "" : "s", affected, checked, checked == 1 ? "" : "s");
  return status == kExitUsage ? kExitUsage : kExitClean;
}

}  // namespace sparkmigrate::cli
