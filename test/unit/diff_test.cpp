// Unified diffs (fix --diff, explain): applying the printed hunks to the old
// text gives the new one, hunks keep three lines of context, and a diff of a
// long file with scattered edits stays small.
#include "analysis/diff.h"

#include <catch2/catch.hpp>

#include <random>
#include <sstream>
#include <string>
#include <vector>

using sparkmigrate::analysis::unifiedDiff;

namespace {

std::vector<std::string> linesOf(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t nl = text.find('\n', start);
    std::size_t end = nl == std::string::npos ? text.size() : nl + 1;
    out.push_back(text.substr(start, end - start));
    start = end;
  }
  return out;
}

// Applies a unified diff as `patch` would, checking each context and removed
// line against the old text; fails the test on any mismatch.
std::string applyDiff(const std::string& before, const std::string& diff) {
  std::vector<std::string> old = linesOf(before), patch = linesOf(diff), out;
  REQUIRE(patch.size() >= 2);
  std::size_t next = 0;  // next old line not yet copied
  for (std::size_t k = 2; k < patch.size(); ++k) {
    const std::string& line = patch[k];
    REQUIRE(line.rfind("@@ -", 0) == 0);
    std::size_t oldStart = std::stoul(line.substr(4));
    std::size_t first = oldStart == 0 ? 0 : oldStart - 1;
    if (line.find(",0 +") != std::string::npos && oldStart > 0) first = oldStart;  // pure insertion after line
    REQUIRE(first >= next);
    while (next < first) out.push_back(old[next++]);
    for (++k; k < patch.size() && patch[k].rfind("@@", 0) != 0; ++k) {
      std::string body = patch[k].substr(1);
      if (k + 1 < patch.size() && patch[k + 1] == "\\ No newline at end of file\n") {
        body.pop_back();
        ++k;
      }
      char kind = patch[k][0] == '\\' ? patch[k - 1][0] : patch[k][0];
      if (kind == ' ' || kind == '-') {
        REQUIRE(next < old.size());
        CHECK(old[next] == body);
        ++next;
      }
      if (kind == ' ' || kind == '+') out.push_back(body);
    }
    --k;
  }
  while (next < old.size()) out.push_back(old[next++]);
  std::string text;
  for (const auto& l : out) text += l;
  return text;
}

std::string numbered(std::size_t n) {
  std::string text;
  for (std::size_t i = 0; i < n; ++i)
    text += i % 7 == 0 ? "\n" : (i % 5 == 0 ? "    return out\n" : "x_" + std::to_string(i) + " = f(" + std::to_string(i) + ")\n");
  return text;
}

}  // namespace

TEST_CASE("diff: one changed line gets three lines of context on each side") {
  std::string before = "a\nb\nc\nd\ne\nf\ng\nh\n", after = "a\nb\nc\nd\nE\nf\ng\nh\n";
  CHECK(unifiedDiff(before, after, "f.py") ==
        "--- f.py\n+++ f.py\n@@ -2,7 +2,7 @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n");
  CHECK(unifiedDiff(before, before, "f.py").empty());
}

TEST_CASE("diff: applying the hunks to the old text gives the new one") {
  std::mt19937 random(20261203);
  for (int round = 0; round < 60; ++round) {
    INFO("round " << round);
    std::vector<std::string> lines = linesOf(numbered(40 + round * 7));
    std::vector<std::string> edited = lines;
    int edits = 1 + static_cast<int>(random() % 6);
    for (int e = 0; e < edits && !edited.empty(); ++e) {
      std::size_t at = random() % edited.size();
      switch (random() % 4) {
        case 0: edited.erase(edited.begin() + static_cast<long>(at)); break;
        case 1: edited.insert(edited.begin() + static_cast<long>(at), "from functools import reduce\n"); break;
        case 2: edited[at] = "changed_" + std::to_string(e) + "\n"; break;
        default: edited.insert(edited.begin() + static_cast<long>(at), "\n"); break;
      }
    }
    std::string before, after;
    for (const auto& l : lines) before += l;
    for (const auto& l : edited) after += l;
    if (round % 10 == 3 && !after.empty()) after.pop_back();  // no newline at the end
    std::string diff = unifiedDiff(before, after, "job.py");
    CHECK(applyDiff(before, diff) == after);
  }
}

TEST_CASE("diff: a long file with scattered edits, and a gap with no unique line") {
  std::string before = numbered(20000);
  std::vector<std::string> lines = linesOf(before);
  for (std::size_t i = 100; i < lines.size(); i += 97) lines[i] = "edited_" + std::to_string(i) + "\n";
  std::string after;
  for (const auto& l : lines) after += l;
  std::string diff = unifiedDiff(before, after, "big.py");
  CHECK(applyDiff(before, diff) == after);
  CHECK(linesOf(diff).size() < 2000);  // 205 hunks of one changed line and its context, not the file
  // Thousands of identical lines on both sides of a change: no line is unique.
  std::string same(3000 * 2, ' ');
  for (std::size_t i = 0; i < same.size(); i += 2) same[i] = 'x', same[i + 1] = '\n';
  std::string changed = same;
  changed[3000] = 'y';
  CHECK(applyDiff(same, unifiedDiff(same, changed, "same.py")) == changed);
}
