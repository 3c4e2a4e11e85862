// A small command-line parser: `--name value`, `--name=value`, boolean
// `--flag`, repeatable options and positional arguments, with one-line errors
// for unknown or malformed options.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace sparkmigrate::cli {

struct OptionSpec {
  std::string name;  // without the leading dashes
  bool takesValue = false;
};

class Args {
 public:
  // Parses argv[first..]; returns false and sets error() on bad input.
  bool parse(int argc, char** argv, int first, const std::vector<OptionSpec>& specs);
  const std::string& error() const { return error_; }

  bool has(const std::string& name) const { return values_.count(name) > 0; }
  std::optional<std::string> value(const std::string& name) const;  // last occurrence
  std::vector<std::string> values(const std::string& name) const;   // all, comma-split
  const std::vector<std::string>& positionals() const { return positionals_; }

 private:
  std::map<std::string, std::vector<std::string>> values_;
  std::vector<std::string> positionals_;
  std::string error_;
};

// The options several commands share, read the same way everywhere; nullopt
// when the value is malformed (the caller names the option in its error).
// --color auto|always|never: whether standard output gets colour (auto: on a
// terminal, unless NO_COLOR is set).
std::optional<bool> colorOption(const Args& args);
// --jobs N with N >= 1, else `fallback`.
std::optional<unsigned> jobsOption(const Args& args, unsigned fallback);

}  // namespace sparkmigrate::cli
