// Implementation of error-text cleaning, traceback parsing, the table of
// what each Spark Connect error means, and cause ranking. Hand-written
// scanning (no regex engine): input may be a whole driver log.
#include "analysis/exception.h"

#include "analysis/migration.h"
#include "analysis/settings.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace sparkmigrate::analysis {
namespace {

std::string_view trimView(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool startsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

bool isLevel(std::string_view token) {
  while (!token.empty() && (token.back() == ':' || token.back() == ']')) token.remove_suffix(1);
  while (!token.empty() && token.front() == '[') token.remove_prefix(1);
  for (std::string_view level : {"TRACE", "DEBUG", "INFO", "WARN", "WARNING", "ERROR", "CRITICAL", "FATAL", "SEVERE",
                                 "E", "W", "I"})
    if (token == level) return token.size() > 1;
  return false;
}

// 2024-05-01, 24/05/01, 12:00:00,123, 2024-05-01T12:00:00.123Z, +0000 ...
bool isTimestamp(std::string_view token) {
  if (token.size() < 5 || !std::isdigit(static_cast<unsigned char>(token.front()))) return false;
  bool separator = false;
  for (char c : token) {
    if (c == '-' || c == '/' || c == ':') separator = true;
    if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '/' || c == ':' || c == '.' || c == ',' ||
          c == 'T' || c == 'Z' || c == '+'))
      return false;
  }
  return separator;
}

// A logger or thread name that follows a timestamp or level: "Executor:",
// "py4j.clientserver:", "[main]", "root:".
bool isLoggerName(std::string_view token) {
  if (token.size() >= 2 && token.front() == '[' && token.back() == ']') return true;
  if (token.size() < 2 || token.back() != ':') return false;
  // Not an exception's type ("pyspark.errors.PySparkAttributeError:").
  std::string_view name = token.substr(0, token.size() - 1);
  name = name.substr(name.rfind('.') == std::string_view::npos ? 0 : name.rfind('.') + 1);
  for (std::string_view suffix : {"Error", "Exception", "Warning", "Exit", "Interrupt"})
    if (name.size() >= suffix.size() && name.substr(name.size() - suffix.size()) == suffix) return false;
  for (char c : token.substr(0, token.size() - 1))
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-' || c == '$')) return false;
  return true;
}

std::string_view stripLogPrefix(std::string_view line) {
  std::string_view rest = line;
  bool stripped = false;
  for (int i = 0; i < 6; ++i) {
    std::string_view t = trimView(rest);
    std::size_t space = t.find(' ');
    std::string_view token = t.substr(0, space);
    if (isTimestamp(token) || isLevel(token) || (startsWith(token, "[") && token.back() == ']' && isLevel(token))) {
      rest = space == std::string_view::npos ? std::string_view() : t.substr(space + 1);
      stripped = true;
      continue;
    }
    // Python logging's default "ERROR:root:message".
    if (std::size_t colon = token.find(':'); colon != std::string_view::npos && isLevel(token.substr(0, colon + 1))) {
      std::string_view after = t.substr(colon + 1);
      std::size_t next = after.find(':');
      rest = next == std::string_view::npos ? after : after.substr(next + 1);
      stripped = true;
      break;
    }
    if (stripped && isLoggerName(token) && space != std::string_view::npos) {
      rest = t.substr(space + 1);
      continue;
    }
    // Kubernetes (CRI) container logs: "<time> stderr F <line>".
    if (stripped && (token == "stdout" || token == "stderr") && space != std::string_view::npos) {
      std::string_view after = t.substr(space + 1);
      rest = startsWith(after, "F ") || startsWith(after, "P ") ? after.substr(2) : after;
      break;
    }
    break;
  }
  if (!stripped) return line;
  // Keep the traceback's own indentation: a prefix is followed by one space.
  if (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  return rest;
}

std::string removeAnsi(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\x1b' && i + 1 < text.size()) {
      if (text[i + 1] == '[') {  // CSI: parameters then a final byte in @..~
        std::size_t j = i + 2;
        while (j < text.size() && !(text[j] >= '@' && text[j] <= '~')) ++j;
        i = j;
        continue;
      }
      if (text[i + 1] == ']') {  // OSC: up to BEL or ESC backslash
        std::size_t j = i + 2;
        while (j < text.size() && text[j] != '\x07' && !(text[j] == '\x1b' && j + 1 < text.size() && text[j + 1] == '\\'))
          ++j;
        i = j < text.size() && text[j] == '\x1b' ? j + 1 : j;
        continue;
      }
      ++i;
      continue;
    }
    if (c == '\r') continue;
    out += c;
  }
  return out;
}

std::vector<std::string_view> splitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) {
      if (start < text.size()) lines.push_back(text.substr(start));
      break;
    }
    lines.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  return lines;
}

std::uint32_t parseNumber(std::string_view s) {
  std::uint32_t n = 0;
  std::size_t i = 0;
  for (; i < s.size() && i < 9 && std::isdigit(static_cast<unsigned char>(s[i])); ++i) n = n * 10 + (s[i] - '0');
  return i == 0 ? 0 : n;
}

// A notebook cell's pseudo-file: Databricks' `<command-12>` or
// `/root/.ipykernel/991/command-12-34`, IPython's `<ipython-input-3-ab>`.
bool isNotebookCell(std::string_view file) {
  std::string_view base = file.substr(file.rfind('/') == std::string_view::npos ? 0 : file.rfind('/') + 1);
  return startsWith(file, "<command-") || startsWith(file, "<ipython-input-") ||
         (file.find("/.ipykernel/") != std::string_view::npos && startsWith(base, "command-"));
}

// `File "path", line N, in function` (Python) or `File path:N, in f(...)`
// (IPython 8) or `Cell In[3], line 2` / `Input In [3], in <cell line: 2>()`.
bool parseFrame(std::string_view line, TracebackFrame& frame) {
  std::string_view t = trimView(line);
  if (startsWith(t, "File \"")) {
    std::size_t close = t.find('"', 6);
    if (close == std::string_view::npos) return false;
    frame.file = std::string(t.substr(6, close - 6));
    std::string_view rest = t.substr(close + 1);
    if (std::size_t at = rest.find("line "); at != std::string_view::npos) frame.line = parseNumber(rest.substr(at + 5));
    if (std::size_t in = rest.find(", in "); in != std::string_view::npos)
      frame.function = std::string(trimView(rest.substr(in + 5)));
    if (isNotebookCell(frame.file)) frame.file.clear();
    return true;
  }
  if (startsWith(t, "File ")) {
    std::string_view rest = t.substr(5);
    std::size_t comma = rest.find(", in ");
    std::string_view location = comma == std::string_view::npos ? rest : rest.substr(0, comma);
    if (std::size_t at = location.find(", line "); at != std::string_view::npos) {  // `File <command-12>, line 3`
      if (parseNumber(location.substr(at + 7)) == 0) return false;
      frame.file = std::string(location.substr(0, at));
      frame.line = parseNumber(location.substr(at + 7));
    } else {
      std::size_t colon = location.rfind(':');
      if (colon == std::string_view::npos || parseNumber(location.substr(colon + 1)) == 0) return false;
      frame.file = std::string(location.substr(0, colon));
      frame.line = parseNumber(location.substr(colon + 1));
    }
    if (comma != std::string_view::npos) {
      std::string_view function = rest.substr(comma + 5);
      frame.function = std::string(function.substr(0, function.find('(')));
    }
    if (isNotebookCell(frame.file)) frame.file.clear();
    return true;
  }
  // pytest: `jobs/etl.py:12: in load` (--tb=short), `jobs/etl.py:12: AttributeError` (--tb=long).
  if (std::size_t at = t.find(".py:"); at != std::string_view::npos && t.find(' ') > at) {
    std::string_view after = t.substr(at + 4);
    std::size_t digits = after.find_first_not_of("0123456789");
    if (parseNumber(after) > 0 && digits != std::string_view::npos && after[digits] == ':') {
      frame.file = std::string(t.substr(0, at + 3));
      frame.line = parseNumber(after);
      std::string_view rest = trimView(after.substr(digits + 1));
      if (startsWith(rest, "in ")) frame.function = std::string(trimView(rest.substr(3)));
      return true;
    }
  }
  if (startsWith(t, "Cell In[") || startsWith(t, "Input In [")) {
    frame.file.clear();
    if (std::size_t at = t.find("line "); at != std::string_view::npos) frame.line = parseNumber(t.substr(at + 5));
    if (std::size_t at = t.find("line: "); at != std::string_view::npos) frame.line = parseNumber(t.substr(at + 6));
    frame.function = "<cell>";
    return true;
  }
  return false;
}

bool isIdentifierChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// "pkg.mod.PySparkAttributeError: message" -> type and message; the type's
// last component ends in Error, Exception, Exit, Interrupt or Warning.
bool parseExceptionLine(std::string_view line, std::string& type, std::string& message) {
  std::string_view t = trimView(line);
  std::size_t end = 0;
  while (end < t.size() && (isIdentifierChar(t[end]) || t[end] == '.')) ++end;
  if (end == 0 || (end < t.size() && t[end] != ':')) return false;
  std::string_view qualified = t.substr(0, end);
  std::string_view name = qualified.substr(qualified.rfind('.') == std::string_view::npos ? 0 : qualified.rfind('.') + 1);
  bool looksLikeException = false;
  for (std::string_view suffix : {"Error", "Exception", "Exit", "Interrupt", "Warning"})
    if (name.size() > suffix.size() && name.substr(name.size() - suffix.size()) == suffix) looksLikeException = true;
  if (name == "Exception") looksLikeException = true;
  if (!looksLikeException) return false;
  type = std::string(name);
  message = end < t.size() ? std::string(trimView(t.substr(end + 1))) : "";
  return true;
}

// The first "[CONDITION]" or "[CONDITION.SUB]" in the text. Linear: only a
// short run of condition characters is looked at after each '['.
std::string findCondition(std::string_view text) {
  auto conditionChar = [](char c) { return (c >= 'A' && c <= 'Z') || c == '_' || c == '.' || (c >= '0' && c <= '9'); };
  for (std::size_t open = text.find('['); open != std::string_view::npos; open = text.find('[', open + 1)) {
    std::size_t close = open + 1;
    while (close < text.size() && close - open <= 128 && conditionChar(text[close])) ++close;
    if (close >= text.size() || text[close] != ']') continue;
    std::string_view inside = text.substr(open + 1, close - open - 1);
    if (inside.size() >= 4 && inside.find('_') != std::string_view::npos) return std::string(inside);
  }
  return "";
}

std::string between(std::string_view text, std::string_view after, char open, char close) {
  std::size_t at = after.empty() ? 0 : text.find(after);
  if (at == std::string_view::npos) return "";
  std::size_t start = text.find(open, at + after.size());
  if (start == std::string_view::npos) return "";
  std::size_t end = text.find(close, start + 1);
  if (end == std::string_view::npos) return "";
  return std::string(text.substr(start + 1, end - start - 1));
}

// The Spark Connect conditions sparkmigrate explains; anything else with a
// bracketed condition is reported as-is but not recognised.
constexpr std::array<std::string_view, 11> kConditions = {
    "JVM_ATTRIBUTE_NOT_SUPPORTED", "NOT_IMPLEMENTED",   "ATTRIBUTE_NOT_SUPPORTED",
    "CONTEXT_UNAVAILABLE_FOR_REMOTE_CLIENT",            "SESSION_NOT_SAME",
    "STREAMING_CONNECT_SERIALIZATION_ERROR",            "NO_ACTIVE_SESSION",
    "CANNOT_CONFIGURE_SPARK_CONNECT_MASTER",            "UNSUPPORTED_CONNECT_FEATURE",
    "CONFIG_NOT_AVAILABLE",                             "SESSION_ALREADY_EXIST"};

bool knownCondition(std::string_view condition) {
  std::string_view base = condition.substr(0, condition.find('.'));
  return std::find(kConditions.begin(), kConditions.end(), base) != kConditions.end();
}

void readSubject(ParsedError& e, std::string_view text) {
  const std::string& c = e.condition;
  std::string_view base = std::string_view(c).substr(0, c.find('.'));
  if (base == "JVM_ATTRIBUTE_NOT_SUPPORTED" || base == "ATTRIBUTE_NOT_SUPPORTED") {
    e.subject = between(text, "Attribute", '`', '`');
  } else if (base == "NOT_IMPLEMENTED") {
    std::size_t start = text.find(']');
    std::size_t end = text.find(" is not implemented");
    if (start != std::string_view::npos && end != std::string_view::npos && end > start)
      e.subject = std::string(trimView(text.substr(start + 1, end - start - 1)));
    if (e.subject.size() > 2 && e.subject.substr(e.subject.size() - 2) == "()") e.subject.resize(e.subject.size() - 2);
    for (std::string_view prefix : {"DataFrame.", "Column."})
      if (startsWith(e.subject, prefix)) e.subject = e.subject.substr(prefix.size());
  } else if (base == "STREAMING_CONNECT_SERIALIZATION_ERROR") {
    e.subject = between(text, "function", '`', '`');
  } else if (base == "CONFIG_NOT_AVAILABLE") {
    std::size_t at = text.find("Configuration ");
    if (at != std::string_view::npos) {
      std::string_view rest = text.substr(at + 14);
      e.subject = std::string(rest.substr(0, rest.find(' ')));
    }
  } else if (base == "CONTEXT_UNAVAILABLE_FOR_REMOTE_CLIENT") {
    e.subject = "SparkContext";
  } else if (base == "CANNOT_CONFIGURE_SPARK_CONNECT_MASTER") {
    e.subject = "master";
  } else if (base == "UNSUPPORTED_CONNECT_FEATURE") {
    std::string_view sub = std::string_view(c).substr(std::min(c.size(), base.size() + 1));
    e.subject = sub == "RDD" ? "rdd" : startsWith(sub, "SESSION_SPARK_CONTEXT") ? "sparkContext" : std::string(sub);
  } else if (base == "NO_ACTIVE_SESSION" || base == "SESSION_NOT_SAME" || base == "SESSION_ALREADY_EXIST") {
    e.subject = "";
  }
}

// The plain Python errors of older or remote-only clients.
void readPlainError(ParsedError& e) {
  std::string_view m = e.message;
  if (e.exceptionType == "AttributeError" && m.find("object has no attribute") != std::string_view::npos) {
    std::string object = between(m, "", '\'', '\'');
    std::size_t at = m.find("attribute");
    std::string attribute = at == std::string_view::npos ? "" : between(m.substr(at), "", '\'', '\'');
    for (std::string_view spark : {"SparkSession", "DataFrame", "Column", "SparkContext", "GroupedData",
                                   "DataFrameReader", "DataFrameWriter", "SQLContext"})
      if (object == spark) e.recognised = true;
    e.subject = attribute;
  } else if (e.exceptionType == "ImportError" && startsWith(m, "cannot import name")) {
    e.subject = between(m, "", '\'', '\'');
    e.recognised = m.find("'pyspark") != std::string_view::npos;
  } else if (e.exceptionType == "ModuleNotFoundError" && startsWith(m, "No module named")) {
    e.subject = between(m, "", '\'', '\'');
    e.recognised = startsWith(e.subject, "py4j") || startsWith(e.subject, "pyspark");
  } else if (m.find("Calls to SparkContext are not supported on a Spark Connect cluster") != std::string_view::npos) {
    e.condition = "CONTEXT_UNAVAILABLE_FOR_REMOTE_CLIENT";  // the Databricks runtime's wording
    e.subject = "SparkContext";
    e.recognised = true;
  }
}

bool isIdentifierIn(std::string_view text, std::string_view word) {
  if (word.empty()) return false;
  for (std::size_t at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1)) {
    bool before = at == 0 || !isIdentifierChar(text[at - 1]);
    bool after = at + word.size() >= text.size() || !isIdentifierChar(text[at + word.size()]);
    if (before && after) return true;
  }
  return false;
}

bool ruleMatches(const std::vector<std::string>& rules, std::string_view code) {
  for (const auto& r : rules)
    if (selectorMatches(r, code)) return true;
  return false;
}

}  // namespace

std::string cleanErrorText(std::string_view text) {
  std::string plain = removeAnsi(text);
  std::string out;
  out.reserve(plain.size());
  for (std::string_view line : splitLines(plain)) {
    out += stripLogPrefix(line);
    out += '\n';
  }
  return out;
}

constexpr std::size_t kMaxFrames = 256;

ParsedError parseError(std::string_view raw) {
  ParsedError e;
  std::string text = cleanErrorText(raw);
  std::vector<std::string_view> lines = splitLines(text);
  std::vector<TracebackFrame> frames;  // of the current chain of tracebacks
  bool chained = false;                // the next traceback continues the chain
  std::string lastType, lastMessage;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    if (startsWith(line, "E   ")) line.remove_prefix(1);  // pytest's exception lines
    std::string_view trimmed = trimView(line);
    if (trimmed == "Traceback (most recent call last):") {
      // A traceback chained to the previous one (Python's "During handling
      // of the above exception", "The above exception was the direct cause",
      // or the worker's traceback in a PythonException's message) keeps the
      // frames before it, which may be the only ones in the user's code; any
      // other starts afresh.
      if (!chained) frames.clear();
      chained = false;
      continue;
    }
    if (startsWith(trimmed, "During handling of the above exception") ||
        startsWith(trimmed, "The above exception was the direct cause")) {
      chained = true;
      continue;
    }
    TracebackFrame frame;
    if (parseFrame(line, frame)) {
      // The source line(s) after it: Python prints one indented line; IPython
      // prints numbered lines with an arrow on the current one.
      for (std::size_t j = i + 1; j < lines.size() && j <= i + 12; ++j) {
        std::string_view next = trimView(lines[j]);
        TracebackFrame probe;
        if (next.empty() || parseFrame(next, probe)) break;
        std::string type, message;
        if (parseExceptionLine(next, type, message)) break;
        // IPython's arrow pads to the number's width: "----> 3", "---> 12", "-> 1234".
        if (std::size_t dashes = next.find_first_not_of('-');
            dashes != 0 && dashes != std::string_view::npos && next[dashes] == '>') {
          std::string_view code = trimView(next.substr(next.find('>') + 1));
          std::size_t digits = 0;
          while (digits < code.size() && std::isdigit(static_cast<unsigned char>(code[digits]))) ++digits;
          if (digits > 0 && frame.line == 0) frame.line = parseNumber(code);
          frame.source = std::string(trimView(code.substr(digits)));
          break;
        }
        if (frame.source.empty() && !std::isdigit(static_cast<unsigned char>(next.front())) && next.front() != '^' &&
            next.front() != '~')
          frame.source = std::string(next);
      }
      frames.push_back(std::move(frame));
      // A log can repeat a chained traceback many times: keep the innermost.
      if (frames.size() > kMaxFrames) frames.erase(frames.begin(), frames.begin() + (frames.size() - kMaxFrames));
      continue;
    }
    std::string type, message;
    if (parseExceptionLine(line, type, message)) {
      chained = type == "PythonException";  // the worker's traceback follows in its message
      // Prefer the last exception line that names a condition; otherwise the
      // last one (chained exceptions end with the one that surfaced).
      bool names = !findCondition(message).empty();
      if (names || lastType.empty() || findCondition(lastMessage).empty()) {
        lastType = type;
        lastMessage = message;
        if (!frames.empty() || e.frames.empty()) e.frames = frames;
      }
    }
  }
  if (e.frames.empty()) e.frames = frames;
  e.exceptionType = lastType;
  e.message = lastMessage;
  if (e.message.empty()) {
    // A bare message: the first line with a condition, or the whole first line.
    for (std::string_view line : lines)
      if (!findCondition(line).empty()) {
        e.message = std::string(trimView(line));
        break;
      }
    if (e.message.empty() && !lines.empty()) e.message = std::string(trimView(lines.front()));
  }
  if (e.message.size() > 2000) e.message.resize(2000);
  std::string condition = findCondition(e.message);
  if (!condition.empty() && knownCondition(condition)) {
    e.condition = condition;
    e.recognised = true;
    readSubject(e, e.message);
  } else {
    readPlainError(e);
  }
  return e;
}

ErrorMeaning meaningOf(const ParsedError& error) {
  ErrorMeaning m;
  const std::string& subject = error.subject;
  std::string_view base = std::string_view(error.condition).substr(0, error.condition.find('.'));
  m.needle = subject;
  auto attributeRules = [&](std::string_view attr) -> std::vector<std::string> {
    if (attr == "sparkContext" || attr == "_sc") return {"SPK001", "SPK003", "SPK407", "SPK1"};
    if (attr == "_jsc" || attr == "_jvm" || attr == "_jconf" || attr == "_jsparkSession")
      return {"SPK002", "SPK201", "SPK202", "SPK119", "SPK703"};
    if (attr == "newSession") return {"SPK004"};
    if (attr == "_jdf" || attr == "_jseq" || attr == "_jmap" || attr == "_jcols") return {"SPK203", "SPK405"};
    if (attr == "_jc") return {"SPK204"};
    if (attr == "_jreader" || attr == "_jwrite") return {"SPK205"};
    if (attr == "rdd") return {"SPK3"};
    if (attr == "toJSON") return {"SPK401", "SPK402", "SPK902"};
    if (attr == "sql_ctx") return {"SPK407"};
    if (attr == "foreach" || attr == "foreachPartition") return {"SPK403"};
    if (attr == "checkpoint" || attr == "localCheckpoint") return {"SPK404"};
    if (attr == "enableHiveSupport") return {"SPK009"};
    if (attr == "registerJavaFunction") return {"SPK504", "SPK905"};
    if (attr == "HiveContext") return {"SPK503"};
    return {"SPK405", "SPK408"};
  };
  if (base == "JVM_ATTRIBUTE_NOT_SUPPORTED") {
    m.rules = attributeRules(subject);
    m.why = "Spark Connect has no JVM on the client: `" + subject +
            "` reaches the driver's JVM (Py4J), which a Connect session does not have.";
  } else if (base == "NOT_IMPLEMENTED") {
    m.rules = attributeRules(subject);
    m.why = "The Spark Connect client does not implement `" + subject + "` (it needs the driver).";
  } else if (base == "ATTRIBUTE_NOT_SUPPORTED") {
    m.rules = attributeRules(subject);
    m.why = "A Connect DataFrame has no attribute `" + subject + "`: classic-only members and attribute-style "
            "access to missing columns fail.";
  } else if (base == "CONTEXT_UNAVAILABLE_FOR_REMOTE_CLIENT") {
    m.rules = {"SPK005", "SPK001", "SPK1"};
    m.why = "A Spark Connect client cannot create or use a SparkContext; only the SparkSession exists.";
  } else if (base == "SESSION_NOT_SAME") {
    m.rules = {"SPK012", "SPK004", "SPK010", "SPK006", "SPK005"};
    m.needle = "";
    m.why = "Two DataFrames from different Spark Connect sessions were combined (join, union); with Connect every "
            "session is separate (`newSession()`, `builder.create()` and a session made after `spark.stop()` are "
            "new ones): build both from the same `spark`.";
  } else if (base == "STREAMING_CONNECT_SERIALIZATION_ERROR") {
    m.rules = {"SPK603", "SPK014"};
    m.why = "The streaming function `" + subject + "` runs next to the server and cannot capture the client's "
            "session or DataFrames: use `batch_df.sparkSession` inside it.";
  } else if (base == "NO_ACTIVE_SESSION") {
    m.rules = {"SPK014", "SPK603"};
    m.needle = "";
    m.why = "A function that runs on the server (a UDF, foreach, mapInPandas) captured the client's SparkSession or a "
            "DataFrame; there is no session there.";
  } else if (base == "CANNOT_CONFIGURE_SPARK_CONNECT_MASTER") {
    m.rules = {"SPK007"};
    m.why = "A master URL and a Spark Connect URL (SPARK_REMOTE or .remote()) were both configured.";
  } else if (base == "UNSUPPORTED_CONNECT_FEATURE") {
    m.rules = attributeRules(subject);
    m.why = "The feature needs the driver (" + error.condition + "), which Spark Connect clients cannot reach.";
  } else if (base == "CONFIG_NOT_AVAILABLE") {
    m.rules = {"SPK907", "SPK008"};
    m.databricks = true;
    m.why = "Databricks serverless and standard-access compute only let a session set an allow-list of Spark SQL "
            "properties; `" + subject + "` is not on it.";
  } else if (base == "SESSION_ALREADY_EXIST") {
    m.rules = {"SPK005", "SPK007"};
    m.needle = "";
    m.why = "A classic SparkSession or SparkContext already runs in this process, so a remote session cannot start.";
  } else if (error.exceptionType == "AttributeError") {
    m.rules = attributeRules(subject);
    m.why = "Older Spark Connect clients raise a plain AttributeError for classic-only members such as `" + subject +
            "`.";
  } else if (error.exceptionType == "ImportError") {
    m.rules = {"SPK810", "SPK5", "SPK1"};
    m.why = "The remote-only `pyspark-client` package (Spark 4.0+) has no `" + subject +
            "`: it only contains what Spark Connect supports.";
  } else if (error.exceptionType == "ModuleNotFoundError") {
    m.rules = startsWith(subject, "py4j") ? std::vector<std::string>{"SPK206", "SPK201"}
                                         : std::vector<std::string>{"SPK701", "SPK810"};
    m.needle = subject.substr(0, subject.find('.'));
    m.why = "The remote-only `pyspark-client` package does not ship `" + subject + "`.";
  }
  return m;
}

std::vector<Cause> rankCauses(const ParsedError& error, const std::vector<FrameFile>& files, std::size_t limit) {
  ErrorMeaning meaning = meaningOf(error);
  std::vector<Cause> causes;
  for (std::size_t f = 0; f < files.size(); ++f) {
    const FrameFile& file = files[f];
    // The functions (regions) of the reported lines.
    TreePtr tree = parsePython(file.text);
    TSNode root = ts_tree_root_node(tree.get());
    ParentIndex parents(root);
    LineIndex index(file.text);
    std::vector<ByteRange> functions;
    for (std::uint32_t line : file.lines) {
      if (line == 0 || line > index.lineCount()) continue;
      std::uint32_t offset = index.lineStart(line - 1);
      std::string_view lineText = index.lineText(file.text, line - 1);
      offset += static_cast<std::uint32_t>(lineText.find_first_not_of(" \t") == std::string_view::npos
                                               ? 0
                                               : lineText.find_first_not_of(" \t"));
      MigrationRegion region = migrationRegion(file.text, root, file.check.notebook, offset);
      if (region.kind == "function" || region.kind == "method") functions.push_back(region.range);
    }
    for (const auto& d : file.check.diagnostics) {
      if (d.code == kUnusedSuppressionCode) continue;
      std::string_view flagged = std::string_view(file.text).substr(d.range.start, d.range.end - d.range.start);
      bool ruleFits = ruleMatches(meaning.rules, d.code);
      bool names = isIdentifierIn(flagged, meaning.needle);
      bool onLine = false, inFunction = false;
      for (std::uint32_t line : file.lines) onLine |= d.start.line + 1 <= line && line <= d.end.line + 1;
      for (const auto& range : functions) inFunction |= range.contains(d.range);
      int score = (ruleFits ? 4 : 0) + (names ? 3 : 0);
      if (score == 0 && !onLine) continue;
      std::uint32_t distance = UINT32_MAX;
      for (std::uint32_t line : file.lines)
        distance = std::min<std::uint32_t>(distance, line > d.start.line + 1 ? line - d.start.line - 1 : d.start.line + 1 - line);
      score += onLine ? 3 : inFunction ? 2 : 0;
      // The most specific rule of the meaning first.
      for (std::size_t r = 0; r < meaning.rules.size(); ++r)
        if (selectorMatches(meaning.rules[r], d.code)) {
          score += r == 0 ? 1 : 0;
          break;
        }
      causes.push_back({f, d, score, distance});
    }
  }
  std::stable_sort(causes.begin(), causes.end(), [](const Cause& a, const Cause& b) {
    return a.score != b.score ? a.score > b.score : a.distance < b.distance;
  });
  if (causes.size() > limit) causes.resize(limit);
  return causes;
}

}  // namespace sparkmigrate::analysis
