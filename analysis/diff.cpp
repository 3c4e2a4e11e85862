// Implementation of unified diffs: common prefix and suffix, then a
// longest-common-subsequence table over the lines in between.
#include "analysis/diff.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <vector>

namespace sparkmigrate::analysis {
namespace {

std::vector<std::string_view> splitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t nl = text.find('\n', start);
    std::size_t end = nl == std::string_view::npos ? text.size() : nl + 1;
    lines.push_back(text.substr(start, end - start));
    start = end;
  }
  return lines;
}

void appendLine(std::string& out, char prefix, std::string_view line) {
  out += prefix;
  out += line;
  if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
}

}  // namespace

std::string unifiedDiff(std::string_view before, std::string_view after, const std::string& path) {
  if (before == after) return "";
  auto a = splitLines(before), b = splitLines(after);
  // Common prefix and suffix, then a longest-common-subsequence table on the rest.
  std::size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  std::size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
         a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
    ++suffix;
  std::size_t n = a.size() - prefix - suffix, m = b.size() - prefix - suffix;
  std::vector<std::uint32_t> lcs((n + 1) * (m + 1), 0);
  auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t& { return lcs[i * (m + 1) + j]; };
  for (std::size_t i = n; i-- > 0;)
    for (std::size_t j = m; j-- > 0;)
      at(i, j) = a[prefix + i] == b[prefix + j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
  // Operations over the whole files: ' ' keep, '-' delete, '+' insert.
  struct Op {
    char kind;
    std::size_t ai, bi;
  };
  std::vector<Op> ops;
  for (std::size_t k = 0; k < prefix; ++k) ops.push_back({' ', k, k});
  std::size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[prefix + i] == b[prefix + j]) {
      ops.push_back({' ', prefix + i, prefix + j});
      ++i, ++j;
    } else if (i < n && (j == m || at(i + 1, j) >= at(i, j + 1))) {
      ops.push_back({'-', prefix + i, prefix + j});
      ++i;
    } else {
      ops.push_back({'+', prefix + i, prefix + j});
      ++j;
    }
  }
  for (std::size_t k = 0; k < suffix; ++k) ops.push_back({' ', prefix + n + k, prefix + m + k});

  std::string out = fmt::format("--- {}\n+++ {}\n", path, path);
  constexpr std::size_t kContext = 3;
  std::size_t k = 0;
  while (k < ops.size()) {
    if (ops[k].kind == ' ') {
      ++k;
      continue;
    }
    std::size_t start = k >= kContext ? k - kContext : 0;
    std::size_t end = k;
    // Extend while changes are within 2*context of each other.
    std::size_t lastChange = k;
    for (std::size_t x = k; x < ops.size(); ++x) {
      if (ops[x].kind != ' ') lastChange = x;
      else if (x - lastChange > 2 * kContext) break;
      end = x;
    }
    end = std::min(ops.size() - 1, lastChange + kContext);
    std::size_t aStart = ops[start].ai, bStart = ops[start].bi, aCount = 0, bCount = 0;
    std::string body;
    for (std::size_t x = start; x <= end; ++x) {
      const Op& op = ops[x];
      if (op.kind == ' ') {
        appendLine(body, ' ', a[op.ai]);
        ++aCount, ++bCount;
      } else if (op.kind == '-') {
        appendLine(body, '-', a[op.ai]);
        ++aCount;
      } else {
        appendLine(body, '+', b[op.bi]);
        ++bCount;
      }
    }
    out += fmt::format("@@ -{},{} +{},{} @@\n", aCount ? aStart + 1 : aStart, aCount, bCount ? bStart + 1 : bStart,
                       bCount);
    out += body;
    k = end + 1;
  }
  return out;
}

}  // namespace sparkmigrate::analysis
