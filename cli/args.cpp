// Implementation of the command-line parser.
#include "cli/args.h"

#include <unistd.h>

#include <cstdlib>
#include <stdexcept>

namespace sparkmigrate::cli {

bool Args::parse(int argc, char** argv, int first, const std::vector<OptionSpec>& specs) {
  bool onlyPositionals = false;
  for (int i = first; i < argc; ++i) {
    std::string arg = argv[i];
    if (onlyPositionals || arg.size() < 2 || arg[0] != '-' || arg == "-") {
      positionals_.push_back(arg);
      continue;
    }
    if (arg == "--") {
      onlyPositionals = true;
      continue;
    }
    std::string name = arg.substr(arg[1] == '-' ? 2 : 1);
    std::optional<std::string> inlineValue;
    if (auto eq = name.find('='); eq != std::string::npos) {
      inlineValue = name.substr(eq + 1);
      name = name.substr(0, eq);
    }
    const OptionSpec* spec = nullptr;
    for (const auto& s : specs)
      if (s.name == name) spec = &s;
    if (!spec) {
      error_ = "unknown option '" + arg + "'";
      return false;
    }
    if (spec->takesValue) {
      if (!inlineValue) {
        if (i + 1 >= argc) {
          error_ = "option '--" + name + "' needs a value";
          return false;
        }
        inlineValue = argv[++i];
      }
      values_[name].push_back(*inlineValue);
    } else {
      if (inlineValue) {
        error_ = "option '--" + name + "' takes no value";
        return false;
      }
      values_[name].push_back("");
    }
  }
  return true;
}

std::optional<std::string> Args::value(const std::string& name) const {
  auto it = values_.find(name);
  if (it == values_.end() || it->second.empty()) return std::nullopt;
  return it->second.back();
}

std::vector<std::string> Args::values(const std::string& name) const {
  std::vector<std::string> out;
  auto it = values_.find(name);
  if (it == values_.end()) return out;
  for (const auto& v : it->second) {
    std::size_t start = 0;
    while (start <= v.size()) {
      std::size_t comma = v.find(',', start);
      if (comma == std::string::npos) comma = v.size();
      std::string part = v.substr(start, comma - start);
      while (!part.empty() && part.front() == ' ') part.erase(0, 1);
      while (!part.empty() && part.back() == ' ') part.pop_back();
      if (!part.empty()) out.push_back(part);
      start = comma + 1;
    }
  }
  return out;
}

std::optional<bool> colorOption(const Args& args) {
  std::string mode = args.value("color").value_or("auto");
  if (mode == "always") return true;
  if (mode == "never") return false;
  if (mode != "auto") return std::nullopt;
  return isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR");
}

std::optional<unsigned> jobsOption(const Args& args, unsigned fallback) {
  auto value = args.value("jobs");
  if (!value) return fallback;
  try {
    int n = std::stoi(*value);
    if (n >= 1) return static_cast<unsigned>(n);
  } catch (const std::exception&) {
  }
  return std::nullopt;
}

}  // namespace sparkmigrate::cli
