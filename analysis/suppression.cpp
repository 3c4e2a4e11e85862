// Parsing of suppression comments.
#include "analysis/suppression.h"

#include <cctype>
#include <string>

namespace sparkmigrate::analysis {
namespace {

// Reads comma/space separated codes starting at `pos` until `stop` or the end.
void readCodes(std::string_view comment, std::size_t pos, std::size_t stop, std::uint32_t base,
               Suppression& out) {
  while (pos < stop) {
    while (pos < stop && (comment[pos] == ',' || comment[pos] == ' ' || comment[pos] == '\t')) ++pos;
    std::size_t begin = pos;
    while (pos < stop && (std::isalnum(static_cast<unsigned char>(comment[pos])) || comment[pos] == '_'))
      ++pos;
    if (pos == begin) break;
    Suppression::Code code;
    code.code = std::string(comment.substr(begin, pos - begin));
    code.range = {base + static_cast<std::uint32_t>(begin), base + static_cast<std::uint32_t>(pos)};
    out.codes.push_back(std::move(code));
  }
}

}  // namespace

bool parseSuppressionComment(std::string_view comment, std::uint32_t commentStart, Suppression& out) {
  constexpr std::string_view kOurs = "sparkmigrate: ignore[";
  if (auto at = comment.find(kOurs); at != std::string_view::npos) {
    std::size_t open = at + kOurs.size();
    std::size_t close = comment.find(']', open);
    if (close == std::string_view::npos) return false;
    out.ours = true;
    readCodes(comment, open, close, commentStart, out);
    return !out.codes.empty();
  }
  // `noqa` must be its own word, case-insensitive, as flake8 and ruff read it.
  for (std::size_t at = 0; at + 4 <= comment.size(); ++at) {
    bool word = (at == 0 || !std::isalnum(static_cast<unsigned char>(comment[at - 1])));
    std::string lower;
    for (std::size_t k = 0; k < 4; ++k)
      lower += static_cast<char>(std::tolower(static_cast<unsigned char>(comment[at + k])));
    if (!word || lower != "noqa") continue;
    std::size_t pos = at + 4;
    if (pos < comment.size() && std::isalnum(static_cast<unsigned char>(comment[pos]))) continue;
    if (pos < comment.size() && comment[pos] == ':') {
      ++pos;
      std::size_t stop = comment.find('#', pos);
      if (stop == std::string_view::npos) stop = comment.size();
      readCodes(comment, pos, stop, commentStart, out);
      if (out.codes.empty()) out.all = true;
    } else {
      out.all = true;
    }
    return true;
  }
  return false;
}

std::vector<Suppression> collectSuppressions(TSNode root, std::string_view text, const LineIndex& lines) {
  std::vector<Suppression> out;
  // Only lines whose text mentions `noqa` or `sparkmigrate:` after a `#` can
  // hold a suppression; for those, the tree says whether the `#` starts a
  // comment (and not, say, a string).
  std::size_t pos = 0;
  while ((pos = text.find('#', pos)) != std::string_view::npos) {
    std::size_t lineEnd = text.find('\n', pos);
    if (lineEnd == std::string_view::npos) lineEnd = text.size();
    std::string lower(text.substr(pos, lineEnd - pos));
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower.find("noqa") == std::string::npos && lower.find("sparkmigrate:") == std::string::npos) {
      pos = lineEnd;
      continue;
    }
    auto start = static_cast<std::uint32_t>(pos);
    TSNode node = descendantAt(root, start);
    if (isType(node, "comment") && ts_node_start_byte(node) == start) {
      Suppression s;
      if (parseSuppressionComment(nodeText(node, text), start, s)) {
        s.line = lines.pointAt(start).line;
        s.range = {start, ts_node_end_byte(node)};
        out.push_back(std::move(s));
      }
      pos = ts_node_end_byte(node);
    } else {
      ++pos;
    }
  }
  return out;
}

Edit suppressionEdit(TSNode root, std::string_view text, const LineIndex& lines, std::uint32_t line,
                     const std::vector<std::string>& codes) {
  std::string list;
  for (const auto& code : codes) list.append(list.empty() ? "" : ", ").append(code);
  for (const auto& s : collectSuppressions(root, text, lines)) {
    if (s.line != line || s.all || s.codes.empty()) continue;
    std::uint32_t after = s.codes.back().range.end;
    return {{after, after}, ", " + list};
  }
  std::string_view lineText = lines.lineText(text, line);
  std::uint32_t end = lines.lineStart(line) + static_cast<std::uint32_t>(lineText.size());
  // Trailing spaces stay and count towards the two before the comment (one
  // on an empty line).
  std::size_t trailing = 0;
  while (trailing < 2 && trailing < lineText.size() && lineText[lineText.size() - 1 - trailing] == ' ') ++trailing;
  std::string comment(lineText.empty() ? 1 : 2 - trailing, ' ');
  comment.append("# noqa: ").append(list);
  return {{end, end}, std::move(comment)};
}

}  // namespace sparkmigrate::analysis
