// The migration readiness report (`sparkmigrate report`, cli/report_command.cpp):
// one self-contained HTML page for whoever plans a Spark Connect migration.
// Headline figures, then the findings by rule family, folder, file and rule,
// each split by what it will take (safe fix, unsafe fix, model suggestion,
// manual) as stacked bar charts in inline SVG beside tables of the numbers,
// the hottest call sites of a runtime report, and the changes since an
// earlier report. Nothing runs and nothing is fetched: the CSS and the SVG are
// inline, and the page's own figures are embedded as JSON that no browser
// executes, which `report --compare-to` reads back (as it reads the output of
// `check --output-format json`).
#include "analysis/catalogue.h"
#include "analysis/rule_docs.h"
#include "cli/report.h"
#include "migrate/migrate.h"
#include "support/utf8.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <sys/stat.h>

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <numeric>
#include <set>
#include <sstream>

namespace sparkmigrate::cli {
namespace fs = std::filesystem;
namespace {

using nlohmann::json;

constexpr std::string_view kDataId = "sparkmigrate-report-data";
constexpr std::string_view kDataFormat = "sparkmigrate-report";
constexpr int kDataVersion = 1;
constexpr std::size_t kHistoryLimit = 100;    // points kept in the carried-forward history
constexpr std::size_t kFindingsLimit = 5000;  // rows in the "all findings" table

struct EffortInfo {
  const char* key;    // in the embedded data
  const char* label;  // shown
  const char* css;    // class e-<css>: fill (SVG) and background (HTML) in the colour
  const char* color;
  const char* how;  // what to do about it (HTML)
};
constexpr EffortInfo kEffortInfo[kEfforts] = {
    {"safe_fix", "Safe fix", "safe", "#2f9e44",
     "<code>sparkmigrate fix</code> rewrites it; the rewrite keeps the behaviour"},
    {"unsafe_fix", "Unsafe fix", "unsafe", "#f59f00",
     "<code>sparkmigrate fix --unsafe-fixes</code> rewrites it; review the change"},
    {"model_suggestion", "Model suggestion", "model", "#4c6ef5",
     "no mechanical rewrite: <code>sparkmigrate fix --llm</code> asks the configured model for one, "
     "validated before it is shown"},
    {"manual", "Manual", "manual", "#c2255c",
     "nothing automatic (e.g. an unused suppression comment): by hand"},
};
constexpr const char* kInk = "#1f2328";

std::size_t sum(const EffortCounts& counts) {
  return std::accumulate(counts.begin(), counts.end(), std::size_t{0});
}

// The last `keep` characters of a long label, after an ellipsis.
std::string tail(std::string_view text, std::size_t keep) {
  std::size_t start = text.size(), kept = 0;
  while (start > 0 && kept < keep) {
    --start;
    if ((static_cast<unsigned char>(text[start]) & 0xC0) != 0x80) ++kept;
  }
  if (start == 0) return std::string(text);
  return "…" + std::string(text.substr(start));
}

std::string percent(std::size_t part, std::size_t whole) {
  if (whole == 0) return "—";                     // nothing to divide
  return fmt::format("{}%", part * 100 / whole);  // rounded down: 100% only when all are
}

// "+3", "−2" (a minus sign) or "±0".
std::string signedDelta(long long delta) {
  if (delta > 0) return fmt::format("+{}", delta);
  if (delta < 0) return fmt::format("−{}", -delta);
  return "±0";
}

long long diff(std::size_t now, std::size_t then) {
  return static_cast<long long>(now) - static_cast<long long>(then);
}

// "2026-03-01 12:00 UTC" from "2026-03-01T12:00:00Z".
std::string shownTime(const std::string& iso) {
  if (iso.size() >= 16 && iso[10] == 'T') return iso.substr(0, 10) + " " + iso.substr(11, 5) + " UTC";
  return iso;
}

// --- the figures -------------------------------------------------------------------------

struct Row {
  std::string key;    // family, folder, path or rule code (data-key)
  std::string label;  // shown
  const analysis::Rule* rule = nullptr;
  EffortCounts counts{};
  std::size_t files = 0, affected = 0;  // folders
  std::size_t total() const { return sum(counts); }
};

struct Site {
  const FileReport* file;
  const analysis::Diagnostic* d;
};

struct Summary {
  ReadinessTotals totals;
  std::vector<Row> families, folders, files, rules;
  std::vector<Site> findings;  // every finding, in report order
};

void sortRows(std::vector<Row>& rows) {
  std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    if (a.total() != b.total()) return a.total() > b.total();
    return a.key < b.key;
  });
}

std::vector<Row> rowsOf(std::map<std::string, Row>& byKey) {
  std::vector<Row> rows;
  for (auto& [key, row] : byKey) rows.push_back(std::move(row));
  sortRows(rows);
  return rows;
}

Summary summarize(const Report& report, const std::string& generatedAt) {
  Summary s;
  s.totals.generatedAt = generatedAt;
  s.totals.filesChecked = report.filesChecked;
  std::map<std::string, Row> families, folders, rules;
  for (const auto& file : report.files) {
    std::string folder = fs::path(file.path).parent_path().generic_string();
    if (folder.empty()) folder = ".";
    Row& inFolder = folders[folder];
    inFolder.key = inFolder.label = folder;
    ++inFolder.files;
    if (file.diagnostics.empty()) continue;
    ++inFolder.affected;
    ++s.totals.filesAffected;
    Row fileRow{file.path, file.path};
    for (const auto& d : file.diagnostics) {
      const auto e = static_cast<std::size_t>(effortOf(d));
      s.findings.push_back({&file, &d});
      ++s.totals.findings[e];
      ++fileRow.counts[e];
      ++inFolder.counts[e];
      const std::string group = d.rule ? d.rule->group : "other";
      Row& family = families[group];
      family.key = group;
      family.label = analysis::groupTitle(group);
      ++family.counts[e];
      Row& rule = rules[d.code];
      rule.key = rule.label = d.code;
      rule.rule = d.rule;
      ++rule.counts[e];
    }
    s.files.push_back(std::move(fileRow));
  }
  sortRows(s.files);
  s.families = rowsOf(families);
  s.folders = rowsOf(folders);
  s.rules = rowsOf(rules);
  return s;
}

// --- the embedded data -------------------------------------------------------------------

json countsJson(const EffortCounts& counts) {
  json j = {{"findings", sum(counts)}};
  for (std::size_t e = 0; e < kEfforts; ++e) j[kEffortInfo[e].key] = counts[e];
  return j;
}

json totalsJson(const ReadinessTotals& t) {
  json j = countsJson(t.findings);
  j["generated_at"] = t.generatedAt;
  j["files_checked"] = t.filesChecked ? json(*t.filesChecked) : json(nullptr);
  j["files_affected"] = t.filesAffected;
  return j;
}

EffortCounts countsFrom(const json& j) {
  EffortCounts counts{};
  for (std::size_t e = 0; e < kEfforts; ++e) counts[e] = j.at(kEffortInfo[e].key).get<std::size_t>();
  return counts;
}

ReadinessTotals totalsFrom(const json& j) {
  ReadinessTotals t;
  t.generatedAt = j.at("generated_at").get<std::string>();
  if (!j.at("files_checked").is_null()) t.filesChecked = j.at("files_checked").get<std::size_t>();
  t.filesAffected = j.at("files_affected").get<std::size_t>();
  t.findings = countsFrom(j);
  return t;
}

std::vector<ReadinessTotals> historyOf(const Summary& s, const HtmlOptions& options) {
  std::vector<ReadinessTotals> history;
  if (options.previous) history = options.previous->history;
  history.push_back(s.totals);
  if (history.size() > kHistoryLimit) history.erase(history.begin(), history.end() - kHistoryLimit);
  return history;
}

// The page's figures as JSON that cannot end its <script> element: `<`, `>`
// and `&` only occur inside strings, where \u escapes mean the same.
std::string dataJson(const Report& report, const Summary& s, const HtmlOptions& options) {
  json families = json::object(), rules = json::object(), history = json::array();
  for (const auto& row : s.families) families[row.key] = countsJson(row.counts);
  for (const auto& row : s.rules) rules[row.key] = countsJson(row.counts);
  for (const auto& point : historyOf(s, options)) history.push_back(totalsJson(point));
  json data = {{"format", std::string(kDataFormat)},
               {"version", kDataVersion},
               {"generated_at", s.totals.generatedAt},
               {"sparkmigrate", SPARKMIGRATE_VERSION},
               {"inputs", options.inputs},
               {"totals", totalsJson(s.totals)},
               {"errors", report.errors.size()},
               {"families", families},
               {"rules", rules},
               {"history", history}};
  std::string text = data.dump(-1, ' ', false, json::error_handler_t::replace);
  std::string out;
  for (char c : text) {
    if (c == '<')
      out += "\\u003c";
    else if (c == '>')
      out += "\\u003e";
    else if (c == '&')
      out += "\\u0026";
    else
      out += c;
  }
  return out;
}

std::string notReport(const std::string& path) {
  return fmt::format(
      "{}: not a sparkmigrate report (expected a page written by `sparkmigrate report` or the output of "
      "`sparkmigrate check --output-format json`)",
      path);
}

ReadinessBaseline baselineFromData(const json& data, const std::string& path) {
  if (!data.is_object() || data.value("format", json()) != std::string(kDataFormat))
    throw std::invalid_argument(notReport(path));
  if (data.at("version") != kDataVersion)
    throw std::invalid_argument(
        fmt::format("{}: report data version {} is not supported (this sparkmigrate reads {})", path,
                    data.at("version").dump(), kDataVersion));
  ReadinessBaseline baseline;
  baseline.totals = totalsFrom(data.at("totals"));
  for (const auto& [family, counts] : data.at("families").items())
    baseline.families[family] = countsFrom(counts);
  for (const auto& point : data.at("history")) baseline.history.push_back(totalsFrom(point));
  if (baseline.history.empty()) baseline.history.push_back(baseline.totals);
  return baseline;
}

// `check --output-format json`: ruff's array of findings, plus entries with a
// null code for files that could not be checked. Each finding is rebuilt as
// far as effortOf needs it, so that both sides count alike.
ReadinessBaseline baselineFromCheck(const json& findings, const std::string& path,
                                    const std::string& generatedAt) {
  const auto& catalogue = analysis::Catalogue::builtin();
  ReadinessBaseline baseline;
  baseline.totals.generatedAt = generatedAt;
  std::set<std::string> files;
  for (const auto& f : findings) {
    if (!f.is_object() || !f.contains("code") || !f.contains("filename") || !f.contains("location"))
      throw std::invalid_argument(notReport(path));
    if (f.at("code").is_null()) continue;  // a file that could not be checked
    analysis::Diagnostic d;
    d.code = f.at("code").get<std::string>();
    d.rule = catalogue.find(d.code);
    if (const json fix = f.value("fix", json()); fix.is_object()) {
      const std::string applicability = fix.at("applicability").get<std::string>();
      analysis::Fix mechanical;
      mechanical.safety = applicability == analysis::fixSafetyName(analysis::FixSafety::Safe)
                              ? analysis::FixSafety::Safe
                          : applicability == analysis::fixSafetyName(analysis::FixSafety::Unsafe)
                              ? analysis::FixSafety::Unsafe
                              : analysis::FixSafety::DisplayOnly;
      mechanical.edits.resize(fix.value("edits", json::array()).size());
      d.fix = std::move(mechanical);
    }
    const auto e = static_cast<std::size_t>(effortOf(d));
    ++baseline.totals.findings[e];
    ++baseline.families[d.rule ? d.rule->group : "other"][e];
    files.insert(f.at("filename").get<std::string>());
  }
  baseline.totals.filesAffected = files.size();
  baseline.history.push_back(baseline.totals);
  return baseline;
}

// --- drawing -----------------------------------------------------------------------------

using Out = std::back_insert_iterator<std::string>;

// A stacked horizontal bar per row (the first `limit` rows with findings),
// each segment an effort with its own <title>.
void barChart(std::string& out, std::string_view id, std::string_view title, const std::vector<Row>& rows,
              std::size_t limit, bool paths) {
  std::vector<const Row*> shown;
  for (const auto& row : rows)
    if (row.total() > 0 && shown.size() < limit) shown.push_back(&row);
  if (shown.empty()) return;
  std::size_t max = 0;
  for (const Row* row : shown) max = std::max(max, row->total());
  constexpr double kLabelEnd = 300, kBarStart = 310, kBarMax = 620, kRow = 26, kBar = 16;
  const double height = static_cast<double>(shown.size()) * kRow + 8;
  Out o(out);
  fmt::format_to(
      o,
      "<svg class=\"chart bars\" id=\"{0}-chart\" role=\"img\" aria-labelledby=\"{0}-chart-title\" "
      "viewBox=\"0 0 1000 {1}\" width=\"1000\" height=\"{1}\">"
      "<title id=\"{0}-chart-title\">{2}</title>\n",
      id, height, markup(title));
  for (std::size_t i = 0; i < shown.size(); ++i) {
    const Row& row = *shown[i];
    const double y = 4 + static_cast<double>(i) * kRow;
    std::string label = paths ? tail(row.label, 44) : row.label;
    fmt::format_to(
        o, "<g><text class=\"label\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}<title>{}</title></text>",
        kLabelEnd, y + kBar - 3, markup(label), markup(row.label));
    double x = kBarStart;
    for (std::size_t e = 0; e < kEfforts; ++e) {
      const std::size_t n = row.counts[e];
      if (n == 0) continue;
      const double w = kBarMax * static_cast<double>(n) / static_cast<double>(max);
      fmt::format_to(o,
                     "<rect class=\"e-{}\" x=\"{:.1f}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\">"
                     "<title>{}: {} {} finding{}</title></rect>",
                     kEffortInfo[e].css, x, y, w, kBar, markup(row.label), n, kEffortInfo[e].label,
                     n == 1 ? "" : "s");
      x += w;
    }
    fmt::format_to(o, "<text class=\"total\" x=\"{:.1f}\" y=\"{}\">{}</text></g>\n", x + 6, y + kBar - 3,
                   row.total());
  }
  out += "</svg>\n";
}

// Findings over the reports of the history: the total and each effort.
void historyChart(std::string& out, const std::vector<ReadinessTotals>& history) {
  constexpr double kWidth = 1000, kHeight = 260, kLeft = 56, kRight = 24, kTop = 16, kBottom = 44;
  const double plotW = kWidth - kLeft - kRight, plotH = kHeight - kTop - kBottom;
  std::size_t peak = 1;
  for (const auto& point : history) peak = std::max(peak, sum(point.findings));
  std::size_t top = 1;  // a round upper bound: 1, 2 or 5 times a power of ten
  for (std::size_t scale = 1;; scale *= 10) {
    if (peak <= scale) {
      top = scale;
      break;
    }
    if (peak <= 2 * scale) {
      top = 2 * scale;
      break;
    }
    if (peak <= 5 * scale) {
      top = 5 * scale;
      break;
    }
  }
  const std::size_t n = history.size();
  auto x = [&](std::size_t i) {
    return n == 1 ? kLeft + plotW / 2 : kLeft + plotW * static_cast<double>(i) / static_cast<double>(n - 1);
  };
  auto y = [&](std::size_t v) {
    return kTop + plotH - plotH * static_cast<double>(v) / static_cast<double>(top);
  };
  Out o(out);
  fmt::format_to(
      o,
      "<svg class=\"chart\" id=\"history-chart\" role=\"img\" aria-labelledby=\"history-chart-title\" "
      "viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\">"
      "<title id=\"history-chart-title\">Findings in each report, oldest first: the total and what they "
      "will take</title>\n",
      kWidth, kHeight, kWidth, kHeight);
  for (std::size_t tick : {std::size_t{0}, top / 2, top}) {
    fmt::format_to(o,
                   "<line class=\"grid\" x1=\"{}\" x2=\"{}\" y1=\"{:.1f}\" y2=\"{:.1f}\"/>"
                   "<text class=\"axis\" x=\"{}\" y=\"{:.1f}\" text-anchor=\"end\">{}</text>\n",
                   kLeft, kWidth - kRight, y(tick), y(tick), kLeft - 8, y(tick) + 4, tick);
  }
  const std::size_t every = std::max<std::size_t>(1, (n + 7) / 8);
  for (std::size_t i = 0; i < n; ++i)
    if (i % every == 0 || i + 1 == n)
      fmt::format_to(o, "<text class=\"axis\" x=\"{:.1f}\" y=\"{}\" text-anchor=\"{}\">{}</text>\n", x(i),
                     kHeight - kBottom + 20,
                     n > 1 && i == 0       ? "start"
                     : n > 1 && i + 1 == n ? "end"
                                           : "middle",
                     markup(history[i].generatedAt.substr(0, 10)));
  auto series = [&](std::string_view cls, std::string_view color, double width, auto value) {
    std::string points;
    for (std::size_t i = 0; i < n; ++i)
      points += fmt::format("{}{:.1f},{:.1f}", i ? " " : "", x(i), y(value(history[i])));
    fmt::format_to(o,
                   "<polyline class=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\" points=\"{}\"/>\n",
                   cls, color, width, points);
  };
  for (std::size_t e = 0; e < kEfforts; ++e)
    series(fmt::format("line e-line-{}", kEffortInfo[e].css), kEffortInfo[e].color, 2,
           [e](const ReadinessTotals& t) { return t.findings[e]; });
  series("line total", kInk, 3, [](const ReadinessTotals& t) { return sum(t.findings); });
  for (std::size_t i = 0; i < n; ++i) {
    const auto& t = history[i];
    std::string detail;
    for (std::size_t e = 0; e < kEfforts; ++e)
      detail += fmt::format("{}{} {}", e ? ", " : "", t.findings[e], kEffortInfo[e].label);
    fmt::format_to(o,
                   "<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"4.5\" fill=\"{}\">"
                   "<title>{}: {} findings ({})</title></circle>\n",
                   x(i), y(sum(t.findings)), kInk, markup(shownTime(t.generatedAt)), sum(t.findings), detail);
  }
  out += "</svg>\n";
}

// Each effort: its colour, its count and share, and what to do about it.
void legend(std::string& out, const EffortCounts& counts) {
  out += "<ul class=\"legend\">\n";
  for (std::size_t e = 0; e < kEfforts; ++e) {
    const auto& info = kEffortInfo[e];
    fmt::format_to(Out(out),
                   "<li id=\"legend-{}\"><span class=\"sw e-{}\"></span><b>{}</b> <b>{}</b> "
                   "<span class=\"muted\">({})</span> &#8212; {}</li>\n",
                   info.key, info.css, info.label, counts[e], percent(counts[e], sum(counts)), info.how);
  }
  out += "</ul>\n";
}

// "3 safe fix, 1 model suggestion" with colour swatches.
std::string effortChips(const EffortCounts& counts) {
  std::string out;
  for (std::size_t e = 0; e < kEfforts; ++e)
    if (counts[e])
      out += fmt::format("<span class=\"chip\"><span class=\"sw e-{}\"></span>{} {}</span>",
                         kEffortInfo[e].css, counts[e], kEffortInfo[e].label);
  return out;
}

std::string effortChip(Effort effort) {
  const auto& info = kEffortInfo[static_cast<std::size_t>(effort)];
  return fmt::format("<span class=\"chip\"><span class=\"sw e-{}\"></span>{}</span>", info.css, info.label);
}

std::string ruleLink(const analysis::Rule* rule, const std::string& code) {
  if (!rule) return fmt::format("<code>{}</code>", markup(code));
  return fmt::format("<a class=\"rule\" href=\"{}\"><code>{}</code></a>", markup(analysis::ruleUrl(*rule)),
                     markup(code));
}

std::string number(std::size_t n) {
  return fmt::format("<td class=\"n{}\">{}</td>", n ? "" : " zero", n);
}

// The numbers behind a chart: a row per entry, a column per effort, a total.
void countsTable(std::string& out, std::string_view id, std::string_view heading,
                 const std::vector<Row>& rows, bool folders, bool codeLabels, std::string_view totalLabel) {
  Out o(out);
  fmt::format_to(o, "<table id=\"{}\"><thead><tr><th>{}</th>", id, heading);
  if (folders) out += "<th class=\"n\">Files</th><th class=\"n\">Affected</th>";
  for (const auto& info : kEffortInfo)
    fmt::format_to(o, "<th class=\"n\"><span class=\"sw e-{}\"></span>{}</th>", info.css, info.label);
  out += "<th class=\"n\">Findings</th></tr></thead>\n<tbody>\n";
  Row all;
  for (const auto& row : rows) {
    const std::string label = codeLabels ? "<code>" + markup(row.label) + "</code>" : markup(row.label);
    fmt::format_to(o, "<tr data-key=\"{}\"><td>{}</td>", markup(row.key), label);
    if (folders) out += number(row.files) + number(row.affected);
    for (std::size_t e = 0; e < kEfforts; ++e) {
      out += number(row.counts[e]);
      all.counts[e] += row.counts[e];
    }
    out += number(row.total()) + "</tr>\n";
    all.files += row.files;
    all.affected += row.affected;
  }
  out += "</tbody>\n";
  if (!totalLabel.empty()) {
    fmt::format_to(o, "<tfoot><tr data-key=\"\"><td>{}</td>", totalLabel);
    if (folders) out += number(all.files) + number(all.affected);
    for (std::size_t e = 0; e < kEfforts; ++e) out += number(all.counts[e]);
    out += number(all.total()) + "</tr></tfoot>\n";
  }
  out += "</table>\n";
}

// A chart of the first rows and a table of them all (folded away when longer).
void breakdown(std::string& out, std::string_view id, std::string_view title, std::string_view intro,
               const std::vector<Row>& rows, std::size_t top, bool paths, bool folders,
               std::string_view heading, std::string_view noun) {
  Out o(out);
  fmt::format_to(o, "<section id=\"{}\">\n<h2>{}</h2>\n<p class=\"intro\">{}</p>\n", id, title, intro);
  std::size_t withFindings = 0;
  for (const auto& row : rows) withFindings += row.total() > 0;
  if (withFindings == 0) {
    out += "<p>No findings.</p>\n</section>\n";
    return;
  }
  if (withFindings > top)
    fmt::format_to(o, "<p class=\"muted\">The {} {} with the most findings of {}.</p>\n", top, noun,
                   withFindings);
  barChart(out, id, fmt::format("Findings by {}, split by what they will take", heading), rows, top, paths);
  const bool fold = rows.size() > top;
  if (fold) fmt::format_to(o, "<details><summary>All {} {}</summary>\n", rows.size(), noun);
  countsTable(out, fmt::format("{}-table", id), heading, rows, folders, paths, folders ? "All folders" : "");
  if (fold) out += "</details>\n";
  out += "</section>\n";
}

void card(std::string& out, std::string_view id, const std::string& value, std::string_view label,
          const std::string& note) {
  fmt::format_to(
      Out(out),
      "<div class=\"card\" id=\"card-{}\"><div class=\"value\">{}</div><div class=\"label\">{}</div>"
      "<div class=\"note\">{}</div></div>\n",
      id, value, label, note);
}

// "+3 since 2026-01-01": worse in red, better in green (for counts where fewer is better).
std::string deltaNote(long long delta, const std::string& since, bool fewerIsBetter = true) {
  const char* cls = delta == 0 ? "same" : ((delta < 0) == fewerIsBetter ? "better" : "worse");
  return fmt::format("<span class=\"delta {}\">{}</span> since {}", cls, signedDelta(delta),
                     markup(since.substr(0, 10)));
}

std::string deltaCell(long long delta, bool fewerIsBetter = true) {
  const char* cls = delta == 0 ? "same" : ((delta < 0) == fewerIsBetter ? "better" : "worse");
  return fmt::format("<td class=\"n delta {}\">{}</td>", cls, signedDelta(delta));
}

constexpr const char* kStyle = R"(
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #fff; color: #1f2328;
       font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; }
main { max-width: 1120px; margin: 0 auto; padding: 28px 32px 40px; }
h1 { font-size: 28px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 36px 0 8px; padding-bottom: 4px; border-bottom: 1px solid #d1d9e0; }
code { font: 13px/1.4 ui-monospace, "DejaVu Sans Mono", monospace; }
a { color: #0969da; }
.meta, .muted, .intro { color: #59636e; }
.intro { margin: 0 0 12px; }
.cards { display: grid; grid-template-columns: repeat(5, 1fr); gap: 12px; margin-top: 20px; }
.card { border: 1px solid #d1d9e0; border-radius: 8px; padding: 12px 16px; background: #f6f8fa; }
.card .value { font-size: 30px; font-weight: 650; line-height: 1.2; }
.card .label { font-weight: 600; }
.card .note { color: #59636e; font-size: 13px; }
.legend { list-style: none; padding: 0; margin: 12px 0 0; }
.legend li { margin: 4px 0; }
.sw { display: inline-block; width: 12px; height: 12px; border-radius: 2px; margin-right: 6px;
      vertical-align: -1px; }
.chip { white-space: nowrap; margin-right: 12px; }
svg.chart { display: block; width: 100%; height: auto; margin: 8px 0 16px; }
svg text { font: 13px system-ui, "DejaVu Sans", sans-serif; fill: #1f2328; }
svg text.axis { fill: #59636e; font-size: 12px; }
svg .grid { stroke: #d1d9e0; stroke-width: 1; }
table { border-collapse: collapse; width: 100%; font-size: 14px; margin: 8px 0; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #d1d9e0; vertical-align: top; }
th { background: #f6f8fa; font-weight: 600; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.zero { color: #8c959f; }
tfoot td { font-weight: 600; border-top: 2px solid #d1d9e0; }
.delta.better { color: #1a7f37; font-weight: 600; }
.delta.worse { color: #cf222e; font-weight: 600; }
.delta.same { color: #59636e; }
details { margin: 8px 0; }
summary { cursor: pointer; color: #0969da; }
.errors li { margin: 2px 0; }
footer { margin-top: 40px; color: #59636e; font-size: 13px; }
@media (max-width: 800px) { .cards { grid-template-columns: repeat(2, 1fr); } }
)";

}  // namespace

std::string markup(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    const std::size_t valid = support::firstInvalidUtf8(text);
    for (char ch : text.substr(0, valid)) {
      const auto c = static_cast<unsigned char>(ch);
      switch (c) {
        case '&':
          out += "&amp;";
          break;
        case '<':
          out += "&lt;";
          break;
        case '>':
          out += "&gt;";
          break;
        case '"':
          out += "&quot;";
          break;
        case '\'':
          out += "&#39;";
          break;
        default:
          if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f)
            out += "\xEF\xBF\xBD";
          else
            out += ch;
      }
    }
    if (valid >= text.size()) break;
    out += "\xEF\xBF\xBD";
    text.remove_prefix(valid + 1);
  }
  return out;
}

Effort effortOf(const analysis::Diagnostic& d) {
  if (d.fix && !d.fix->edits.empty()) {
    if (d.fix->safety == analysis::FixSafety::Safe) return Effort::SafeFix;
    if (d.fix->safety == analysis::FixSafety::Unsafe) return Effort::UnsafeFix;
  }
  return migrate::needsJudgement(d) ? Effort::ModelSuggestion : Effort::Manual;
}

std::string isoUtc(std::time_t t) {
  std::tm tm{};
  ::gmtime_r(&t, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

support::Expected<ReadinessBaseline> readReadinessBaseline(const std::string& path, std::uint64_t maxSize) {
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (ec) return support::Error{fmt::format("{}: cannot read: {}", path, ec.message())};
  if (maxSize && size > maxSize)
    return support::Error{fmt::format("{}: larger than {} bytes (--max-file-size)", path, maxSize)};
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  if (!in) return support::Error{fmt::format("{}: cannot read", path)};
  const std::string text = buffer.str();
  const std::size_t start = text.find_first_not_of(" \t\r\n");
  const char first = start == std::string::npos ? '\0' : text[start];
  try {
    if (first == '[') {
      struct stat st{};
      std::string when = ::stat(path.c_str(), &st) == 0 ? isoUtc(st.st_mtime) : "";
      return baselineFromCheck(json::parse(text), path, when);
    }
    if (first == '{') return baselineFromData(json::parse(text), path);
    const std::size_t marker = text.find(fmt::format("id=\"{}\"", kDataId));
    const std::size_t open = marker == std::string::npos ? marker : text.find('>', marker);
    const std::size_t close = open == std::string::npos ? open : text.find("</script>", open);
    if (close == std::string::npos) return support::Error{notReport(path)};
    return baselineFromData(json::parse(text.substr(open + 1, close - open - 1)), path);
  } catch (const json::exception& e) {
    std::string what = e.what();
    if (what.rfind("[json.exception.", 0) == 0 && what.find("] ") != std::string::npos)
      what = what.substr(what.find("] ") + 2);
    std::replace(what.begin(), what.end(), '\n', ' ');
    return support::Error{fmt::format("{}: malformed report data: {}", path, what)};
  } catch (const std::invalid_argument& e) {
    return support::Error{e.what()};
  }
}

void writeHtml(const Report& report, const HtmlOptions& options, std::FILE* file) {
  const Summary s = summarize(report, options.generatedAt);
  const std::size_t findings = sum(s.totals.findings);
  const std::size_t checked = report.filesChecked;
  const std::size_t ready = checked - s.totals.filesAffected;
  const ReadinessBaseline* previous = options.previous ? &*options.previous : nullptr;
  std::string out;
  Out o(out);

  fmt::format_to(o,
                 "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                 "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                 "<meta http-equiv=\"Content-Security-Policy\" "
                 "content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
                 "<meta name=\"generator\" content=\"sparkmigrate {}\">\n"
                 "<title>Spark Connect migration readiness</title>\n<style>{}",
                 SPARKMIGRATE_VERSION, kStyle);
  for (const auto& info : kEffortInfo)
    fmt::format_to(o, ".e-{0} {{ fill: {1}; background: {1}; }}\n", info.css, info.color);
  out += "</style>\n</head>\n<body>\n<main>\n";

  // Headline.
  std::string inputs;
  for (const auto& input : options.inputs)
    inputs += (inputs.empty() ? "" : ", ") + ("<code>" + markup(input) + "</code>");
  fmt::format_to(
      o,
      "<header>\n<h1>Spark Connect migration readiness</h1>\n"
      "<p class=\"meta\">{} checked by sparkmigrate {} on <time datetime=\"{}\">{}</time></p>\n</header>\n",
      inputs.empty() ? "The code" : inputs, SPARKMIGRATE_VERSION, markup(options.generatedAt),
      markup(shownTime(options.generatedAt)));
  const std::string since = previous ? previous->totals.generatedAt : "";
  out += "<section id=\"headline\" class=\"cards\">\n";
  std::string checkedNote = report.errors.empty()
                                ? "Python files and notebooks"
                                : fmt::format("{} could not be checked (below)", report.errors.size());
  if (previous && previous->totals.filesChecked)
    checkedNote = deltaNote(diff(checked, *previous->totals.filesChecked), since, false);
  card(out, "files-checked", std::to_string(checked), "files checked", checkedNote);
  card(out, "files-affected", std::to_string(s.totals.filesAffected), "files affected",
       previous ? deltaNote(diff(s.totals.filesAffected, previous->totals.filesAffected), since)
                : "with at least one finding");
  card(out, "findings", std::to_string(findings), "findings",
       previous
           ? deltaNote(diff(findings, sum(previous->totals.findings)), since)
           : fmt::format("in {} file{}", s.totals.filesAffected, s.totals.filesAffected == 1 ? "" : "s"));
  card(out, "ready", percent(ready, checked), "of files ready",
       fmt::format("{} of {} with no finding", ready, checked));
  const std::size_t safe = s.totals.findings[static_cast<std::size_t>(Effort::SafeFix)];
  card(out, "safe-fix", percent(safe, findings), "of findings have a safe fix",
       fmt::format("{} fixed by <code>sparkmigrate fix</code>", safe));
  out += "</section>\n";

  // What it will take, overall.
  out += "<section id=\"effort\">\n<h2>What it will take</h2>\n";
  if (findings > 0) {
    out +=
        "<svg class=\"chart\" id=\"effort-chart\" role=\"img\" aria-labelledby=\"effort-chart-title\" "
        "viewBox=\"0 0 1000 30\" width=\"1000\" height=\"30\"><title id=\"effort-chart-title\">All findings, "
        "split by what they will take</title>\n";
    double x = 0;
    for (std::size_t e = 0; e < kEfforts; ++e) {
      const std::size_t n = s.totals.findings[e];
      if (n == 0) continue;
      const double w = 1000.0 * static_cast<double>(n) / static_cast<double>(findings);
      fmt::format_to(o,
                     "<rect class=\"e-{}\" x=\"{:.1f}\" y=\"0\" width=\"{:.1f}\" height=\"30\">"
                     "<title>{} {} finding{} ({})</title></rect>\n",
                     kEffortInfo[e].css, x, w, n, kEffortInfo[e].label, n == 1 ? "" : "s",
                     percent(n, findings));
      x += w;
    }
    out += "</svg>\n";
  }
  legend(out, s.totals.findings);
  out += "</section>\n";

  // Changes since the earlier report.
  if (previous) {
    const auto history = historyOf(s, options);
    fmt::format_to(
        o,
        "<section id=\"trends\">\n<h2>Since {}</h2>\n<p class=\"intro\">Compared with the report of {}. "
        "The chart shows the findings of the {} reports so far: all of them in black, and each kind "
        "in its colour.</p>\n",
        markup(shownTime(since)), markup(shownTime(since)), history.size());
    historyChart(out, history);
    out +=
        "<table id=\"trend-totals\"><thead><tr><th></th><th class=\"n\">Then</th><th class=\"n\">Now</th>"
        "<th class=\"n\">Change</th></tr></thead>\n<tbody>\n";
    auto trendRow = [&](std::string_view key, std::string_view label, std::size_t then, std::size_t now,
                        bool fewerIsBetter) {
      fmt::format_to(o, "<tr data-key=\"{}\"><td>{}</td>{}{}{}</tr>\n", key, label, number(then), number(now),
                     deltaCell(diff(now, then), fewerIsBetter));
    };
    if (previous->totals.filesChecked)
      trendRow("files_checked", "Files checked", *previous->totals.filesChecked, checked, false);
    trendRow("files_affected", "Files affected", previous->totals.filesAffected, s.totals.filesAffected,
             true);
    trendRow("findings", "Findings", sum(previous->totals.findings), findings, true);
    for (std::size_t e = 0; e < kEfforts; ++e)
      trendRow(kEffortInfo[e].key,
               fmt::format("<span class=\"sw e-{}\"></span>{}", kEffortInfo[e].css, kEffortInfo[e].label),
               previous->totals.findings[e], s.totals.findings[e], true);
    out += "</tbody></table>\n";
    std::map<std::string, std::pair<std::size_t, std::size_t>> families;  // then, now
    for (const auto& [family, counts] : previous->families) families[family].first = sum(counts);
    for (const auto& row : s.families) families[row.key].second = row.total();
    out +=
        "<table id=\"trend-families\"><thead><tr><th>Rule family</th><th class=\"n\">Then</th>"
        "<th class=\"n\">Now</th><th class=\"n\">Change</th></tr></thead>\n<tbody>\n";
    for (const auto& [family, counts] : families)
      trendRow(markup(family), markup(analysis::groupTitle(family)), counts.first, counts.second, true);
    out += "</tbody></table>\n</section>\n";
  }

  breakdown(out, "by-family", "By rule family",
            "Each rule belongs to a family of related APIs; a family often moves together.", s.families,
            s.families.size(), false, false, "Rule family", "families");
  breakdown(out, "by-folder", "By folder", "Findings in the files directly inside each folder.", s.folders,
            options.top, true, true, "Folder", "folders");
  breakdown(out, "by-file", "By file", "The files with findings.", s.files, options.top, true, false, "File",
            "files");

  // By rule.
  out +=
      "<section id=\"by-rule\">\n<h2>By rule</h2>\n"
      "<p class=\"intro\">Each rule's page says why the code breaks under Spark Connect and what to write "
      "instead.</p>\n";
  if (s.rules.empty()) {
    out += "<p>No findings.</p>\n";
  } else {
    out +=
        "<table id=\"by-rule-table\"><thead><tr><th>Rule</th><th>Name</th><th>Family</th>"
        "<th class=\"n\">Findings</th><th>What it will take</th></tr></thead>\n<tbody>\n";
    for (const auto& row : s.rules)
      fmt::format_to(o, "<tr data-key=\"{}\"><td>{}</td><td>{}</td><td>{}</td>{}<td>{}</td></tr>\n",
                     markup(row.key), ruleLink(row.rule, row.key), row.rule ? markup(row.rule->name) : "",
                     row.rule ? markup(analysis::groupTitle(row.rule->group)) : "other", number(row.total()),
                     effortChips(row.counts));
    out += "</tbody></table>\n";
  }
  out += "</section>\n";

  // The hottest call sites of the runtime report.
  if (options.runtimeReport) {
    std::vector<Site> hot;
    for (const auto& site : s.findings)
      if (site.d->runtime && site.d->runtime->outcome != "rewritten") hot.push_back(site);  // intercepted, not fixed
    std::stable_sort(hot.begin(), hot.end(),
                     [](const Site& a, const Site& b) { return a.d->runtime->count > b.d->runtime->count; });
    fmt::format_to(
        o,
        "<section id=\"hot-sites\">\n<h2>Hottest call sites at run time</h2>\n<p class=\"intro\">Where the "
        "runtime shim intercepted the most calls: the code that runs most is the first to migrate.</p>\n");
    if (hot.empty()) {
      out += "<p>No record of the runtime report is in a checked file.</p>\n";
    } else {
      if (hot.size() > options.top)
        fmt::format_to(o, "<p class=\"muted\">The {} busiest of {} call sites.</p>\n", options.top,
                       hot.size());
      out +=
          "<table id=\"hot-sites-table\"><thead><tr><th class=\"n\">Calls</th><th>Call site</th><th>API</th>"
          "<th>Rule</th><th>What it will take</th></tr></thead>\n<tbody>\n";
      for (std::size_t i = 0; i < hot.size() && i < options.top; ++i) {
        const auto& [file, d] = hot[i];
        fmt::format_to(o,
                       "<tr><td class=\"n\">{}</td><td><code>{}:{}</code>{}</td><td><code>{}</code></td>"
                       "<td>{}</td><td>{}</td></tr>\n",
                       d->runtime->count, markup(file->path), rowColumn(*file, d->start).str(),
                       d->runtimeOnly ? " <span class=\"muted\">(seen only at run time)</span>" : "",
                       markup(d->runtime->api), ruleLink(d->rule, d->code), effortChip(effortOf(*d)));
      }
      out += "</tbody></table>\n";
    }
    out += "</section>\n";
  }

  // Every finding.
  out += "<section id=\"findings\">\n<h2>Findings</h2>\n";
  if (s.findings.empty()) {
    out += "<p>No findings.</p>\n";
  } else {
    fmt::format_to(o, "<details id=\"all-findings\"><summary>All {} findings</summary>\n", s.findings.size());
    if (s.findings.size() > kFindingsLimit)
      fmt::format_to(o,
                     "<p class=\"muted\">The first {}; <code>sparkmigrate check</code> lists them all.</p>\n",
                     kFindingsLimit);
    out +=
        "<table><thead><tr><th>Where</th><th>Rule</th><th>Message</th><th>What it will take</th></tr>"
        "</thead>\n<tbody>\n";
    for (std::size_t i = 0; i < s.findings.size() && i < kFindingsLimit; ++i) {
      const auto& [file, d] = s.findings[i];
      fmt::format_to(o, "<tr><td><code>{}:{}</code></td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                     markup(file->path), rowColumn(*file, d->start).str(), ruleLink(d->rule, d->code),
                     markup(d->message), effortChip(effortOf(*d)));
    }
    out += "</tbody></table>\n</details>\n";
  }
  out += "</section>\n";

  if (!report.errors.empty()) {
    fmt::format_to(
        o,
        "<section id=\"errors\">\n<h2>Not checked</h2>\n<p class=\"intro\">{} file{} or setting{} could not "
        "be read; their findings are missing above.</p>\n<ul class=\"errors\">\n",
        report.errors.size(), report.errors.size() == 1 ? "" : "s", report.errors.size() == 1 ? "" : "s");
    for (const auto& error : report.errors)
      fmt::format_to(o, "<li><code>{}</code></li>\n", markup(error.line()));
    out += "</ul>\n</section>\n";
  }

  fmt::format_to(
      o,
      "<footer>Written by <code>sparkmigrate report</code> from the findings of <code>sparkmigrate "
      "check</code>. The figures are embedded in this page as JSON (<code>#{}</code>): give the page to "
      "<code>sparkmigrate report --compare-to</code> next time to see the changes.</footer>\n</main>\n"
      "<script type=\"application/json\" id=\"{}\">{}</script>\n</body>\n</html>\n",
      kDataId, kDataId, dataJson(report, s, options));
  std::fwrite(out.data(), 1, out.size(), file);
}

}  // namespace sparkmigrate::cli
