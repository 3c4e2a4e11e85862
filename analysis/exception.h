// Migration from an exception: reads what a user pastes (a Spark Connect
// error message, a Python or IPython traceback, a driver log with colours,
// timestamps and log prefixes around it) into the error condition, its
// subject (the attribute, feature, function, config key or module it names)
// and the frames; knows which rules explain each condition; and ranks the
// findings of the user's files as the cause, which may sit on another line
// than the one reported (Connect builds plans lazily and fails at the
// action, a UDF fails on the server where it was defined). Never fails on
// bad input: what cannot be read is simply not recognised.
#pragma once

#include "analysis/checker.h"
#include "analysis/settings.h"

#include <string>
#include <string_view>
#include <vector>

namespace sparkmigrate::analysis {

struct TracebackFrame {
  std::string file;      // as printed ("" for notebook cells: `Cell In[3]`, `<command-12>`)
  std::uint32_t line = 0;  // 1-based, 0 when unknown
  std::string function;  // "" when not printed
  std::string source;    // the source line printed under the frame, if any
};

struct ParsedError {
  std::string exceptionType;  // "PySparkAttributeError", "AttributeError", ... ("" for a bare message)
  std::string message;        // the exception's message, first line, without the type
  // The Spark Connect error condition ("JVM_ATTRIBUTE_NOT_SUPPORTED",
  // "UNSUPPORTED_CONNECT_FEATURE.RDD", ...), or "" for the plain Python
  // errors of older clients and for what is not recognised.
  std::string condition;
  std::string subject;  // attribute, feature, function, config key, name or module
  bool recognised = false;
  std::vector<TracebackFrame> frames;  // outermost first
};

// Removes ANSI escape sequences and log-line prefixes (timestamps, levels,
// logger names) so that what is left reads like the original traceback.
std::string cleanErrorText(std::string_view text);

ParsedError parseError(std::string_view text);

// What a recognised error means: the rules that explain it (codes or
// prefixes, the most specific first), the identifier to look for in the
// flagged code, and one line on why it happens under Spark Connect.
struct ErrorMeaning {
  std::vector<std::string> rules;
  std::string needle;
  std::string why;
  bool databricks = false;  // only Databricks rules explain it
};
ErrorMeaning meaningOf(const ParsedError& error);

// One user file the traceback names, with its check (run with the meaning's
// rules selected) and the lines of the frames in it.
struct FrameFile {
  std::string path;  // resolved, readable
  std::string text;
  CheckResult check;
  std::vector<std::uint32_t> lines;  // 1-based frame lines in this file
};

struct Cause {
  std::size_t file = 0;  // index into the FrameFile list
  Diagnostic finding;
  int score = 0;
  std::uint32_t distance = 0;  // lines to the nearest frame line in its file
};

// The findings of `files` that may have caused `error`, best first (at most
// `limit`). A finding counts when its rule explains the error or its flagged
// code names the subject; on a reported line, or in the function of one,
// ranks it higher.
std::vector<Cause> rankCauses(const ParsedError& error, const std::vector<FrameFile>& files, std::size_t limit = 5);

}  // namespace sparkmigrate::analysis
