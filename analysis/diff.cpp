// Implementation of unified diffs: common prefix and suffix; in between, the
// lines that occur exactly once in each text are matched in order (the
// longest increasing run of them, as patience diff does), and the gaps
// between those anchors get a longest-common-subsequence table each. Fixes
// change a few lines here and there, so the gaps are small and a diff of a
// 20,000-line file costs about what reading it does; a gap too large for a
// table (no unique line for thousands of lines) is shown as removed and added.
#include "analysis/diff.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <utility>
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

// One line of the edit script: ' ' keep, '-' delete, '+' insert; indices
// into the old and new lines.
struct Op {
  char kind;
  std::size_t ai, bi;
};

// The lines of a[aLo, aHi) and b[bLo, bHi) that occur exactly once in each,
// as (index in a, index in b) pairs increasing in both: the longest such
// chain, found by patience sorting.
std::vector<std::pair<std::size_t, std::size_t>> uniqueAnchors(const std::vector<std::string_view>& a,
                                                               const std::vector<std::string_view>& b,
                                                               std::size_t aLo, std::size_t aHi, std::size_t bLo,
                                                               std::size_t bHi) {
  struct Seen {
    std::size_t inA = 0, inB = 0, atA = 0, atB = 0;
  };
  std::unordered_map<std::string_view, Seen> seen;
  for (std::size_t i = aLo; i < aHi; ++i) {
    Seen& s = seen[a[i]];
    ++s.inA, s.atA = i;
  }
  for (std::size_t j = bLo; j < bHi; ++j) {
    auto it = seen.find(b[j]);
    if (it != seen.end()) ++it->second.inB, it->second.atB = j;
  }
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  for (std::size_t i = aLo; i < aHi; ++i) {
    const Seen& s = seen[a[i]];
    if (s.inA == 1 && s.inB == 1) pairs.emplace_back(i, s.atB);
  }
  // Longest increasing subsequence of the b indices (pairs are sorted by a).
  std::vector<std::size_t> tails, previous(pairs.size());
  for (std::size_t k = 0; k < pairs.size(); ++k) {
    auto pos = std::lower_bound(tails.begin(), tails.end(), k, [&](std::size_t t, std::size_t x) {
      return pairs[t].second < pairs[x].second;
    });
    previous[k] = pos == tails.begin() ? SIZE_MAX : *(pos - 1);
    if (pos == tails.end()) tails.push_back(k);
    else *pos = k;
  }
  std::vector<std::pair<std::size_t, std::size_t>> chain;
  for (std::size_t k = tails.empty() ? SIZE_MAX : tails.back(); k != SIZE_MAX; k = previous[k])
    chain.push_back(pairs[k]);
  std::reverse(chain.begin(), chain.end());
  return chain;
}

// The operations turning a[ai, ae) into b[bi, be): a longest-common-
// subsequence table, or, for a gap too large for one, delete then insert.
void gapOps(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b, std::size_t ai,
            std::size_t ae, std::size_t bi, std::size_t be, std::vector<Op>& ops) {
  std::size_t n = ae - ai, m = be - bi;
  constexpr std::size_t kMaxCells = 4u << 20;
  if (n && m && (n + 1) * (m + 1) > kMaxCells) {
    for (std::size_t i = 0; i < n; ++i) ops.push_back({'-', ai + i, bi});
    for (std::size_t j = 0; j < m; ++j) ops.push_back({'+', ae, bi + j});
    return;
  }
  std::vector<std::uint32_t> lcs((n + 1) * (m + 1), 0);
  auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t& { return lcs[i * (m + 1) + j]; };
  for (std::size_t i = n; i-- > 0;)
    for (std::size_t j = m; j-- > 0;)
      at(i, j) = a[ai + i] == b[bi + j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
  std::size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[ai + i] == b[bi + j]) {
      ops.push_back({' ', ai + i, bi + j});
      ++i, ++j;
    } else if (i < n && (j == m || at(i + 1, j) >= at(i, j + 1))) {
      ops.push_back({'-', ai + i, bi + j});
      ++i;
    } else {
      ops.push_back({'+', ai + i, bi + j});
      ++j;
    }
  }
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
  std::vector<Op> ops;
  std::size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  std::size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
         a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
    ++suffix;
  for (std::size_t k = 0; k < prefix; ++k) ops.push_back({' ', k, k});
  std::size_t aEnd = a.size() - suffix, bEnd = b.size() - suffix;
  std::size_t ai = prefix, bi = prefix;
  for (auto [x, y] : uniqueAnchors(a, b, prefix, aEnd, prefix, bEnd)) {
    gapOps(a, b, ai, x, bi, y, ops);
    ops.push_back({' ', x, y});
    ai = x + 1, bi = y + 1;
  }
  gapOps(a, b, ai, aEnd, bi, bEnd, ops);
  for (std::size_t k = 0; k < suffix; ++k) ops.push_back({' ', aEnd + k, bEnd + k});

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
