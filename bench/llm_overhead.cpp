// Benchmark: what sparkmigrate adds around a model for one finding in a
// 1,000-line job file: building the task (region, retrieved rule docs,
// prompt) and validating the answer (parse, region, re-check of the whole
// file, names), with a scripted backend that answers instantly, so the
// figure excludes the model itself. Prints the median and p95 of each part
// over many runs. Built with the project; run by `make bench`.
#include "analysis/checker.h"
#include "analysis/migration.h"
#include "migrate/migrate.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <vector>

using namespace sparkmigrate;

namespace {

// A job module of numbered steps, one judgement finding (an RDD count)
// every tenth function, about `lines` lines in all.
std::string jobFile(int lines) {
  std::string text =
      "from pyspark.sql import SparkSession\nfrom pyspark.sql import functions as F\n\n"
      "spark = SparkSession.builder.getOrCreate()\n\n\n";
  for (int step = 0; static_cast<int>(std::count(text.begin(), text.end(), '\n')) < lines; ++step) {
    text += fmt::format("def step_{}(df):\n", step);
    text += fmt::format("    out = df.filter(F.col('value') > {}).withColumn('step', F.lit({}))\n", step, step);
    if (step % 10 == 5) text += "    print(out.rdd.getNumPartitions())\n";
    text += "    out = out.groupBy('key').agg(F.sum('value').alias('total'))\n";
    text += "    return out.orderBy('key')\n\n\n";
  }
  return text;
}

struct Timing {
  std::vector<double> ms;
  void add(std::chrono::steady_clock::duration d) { ms.push_back(std::chrono::duration<double, std::milli>(d).count()); }
  double at(double q) {
    std::sort(ms.begin(), ms.end());
    return ms[std::min(ms.size() - 1, static_cast<std::size_t>(q * ms.size()))];
  }
};

}  // namespace

int main() {
  std::string text = jobFile(1000);
  analysis::Settings settings;
  // As the language server holds it: a tree and a check with incremental state.
  analysis::TreePtr tree = analysis::parsePython(text);
  analysis::CheckResult check = analysis::checkDocumentIncremental(text, tree.get(), settings, "job.py", nullptr);
  // The finding nearest the middle of the file.
  const analysis::Diagnostic* target = nullptr;
  for (const auto& d : check.diagnostics)
    if (migrate::needsJudgement(d) && (!target || d.start.line <= 500)) target = &d;
  if (!target) {
    fmt::print(stderr, "no finding to migrate in the generated file\n");
    return 1;
  }
  analysis::MigrationTask probe = analysis::buildMigrationTask(text, tree.get(), check, *target, settings, "job.py");
  std::string region = text.substr(probe.region.range.start, probe.region.range.end - probe.region.range.start);
  std::string answer = region;
  answer.replace(answer.find("print(out.rdd.getNumPartitions())"), 33, "out.explain()");
  std::string reply = "{\"code\": " + [&] {
    std::string quoted = "\"";
    for (char c : answer) quoted += c == '\n' ? std::string("\\n") : c == '"' ? std::string("\\\"") : std::string(1, c);
    return quoted + "\"";
  }() + ", \"imports\": []}";

  Timing build, validate, loop;
  const int runs = 200;
  for (int i = 0; i < runs; ++i) {
    auto t0 = std::chrono::steady_clock::now();
    auto task = analysis::buildMigrationTask(text, tree.get(), check, *target, settings, "job.py");
    auto t1 = std::chrono::steady_clock::now();
    auto v = analysis::validateRewrite(text, tree.get(), check, task, {answer, {}}, settings, "job.py");
    auto t2 = std::chrono::steady_clock::now();
    if (v.verdict != analysis::Verdict::Validated) {
      fmt::print(stderr, "the benchmark's answer was rejected: {}\n", v.complaint);
      return 1;
    }
    llm::ScriptedBackend backend({{reply}});
    migrate::Options options;  // no cache: every run asks
    auto t3 = std::chrono::steady_clock::now();
    auto outcome = migrate::migrateFinding(backend, text, tree.get(), check, *target, settings, "job.py", "job.py", options);
    auto t4 = std::chrono::steady_clock::now();
    if (!outcome.validated) return 1;
    build.add(t1 - t0);
    validate.add(t2 - t1);
    loop.add(t4 - t3);
  }
  fmt::print("file: {} lines, {} findings; target {} at line {} (region {} lines)\n",
             std::count(text.begin(), text.end(), '\n'), check.diagnostics.size(), target->code,
             target->start.line + 1, probe.region.end.line - probe.region.start.line);
  fmt::print("{:<44} {:>8} {:>8}\n", "part (ms, over " + std::to_string(runs) + " runs)", "median", "p95");
  fmt::print("{:<44} {:>8.2f} {:>8.2f}\n", "prompt building (region, docs, prompt)", build.at(0.5), build.at(0.95));
  fmt::print("{:<44} {:>8.2f} {:>8.2f}\n", "validation (parse, region, re-check, names)", validate.at(0.5),
             validate.at(0.95));
  fmt::print("{:<44} {:>8.2f} {:>8.2f}\n", "whole loop around an instant model", loop.at(0.5), loop.at(0.95));
  return 0;
}
