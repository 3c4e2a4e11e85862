// Parsing and the list of supported Spark Connect targets.
#include "analysis/version.h"

#include <charconv>

namespace sparkmigrate::analysis {

std::optional<SparkVersion> parseSparkVersion(std::string_view text) {
  SparkVersion v;
  const char* begin = text.data();
  const char* end = text.data() + text.size();
  auto r1 = std::from_chars(begin, end, v.major);
  if (r1.ec != std::errc() || r1.ptr == end || *r1.ptr != '.') return std::nullopt;
  auto r2 = std::from_chars(r1.ptr + 1, end, v.minor);
  if (r2.ec != std::errc()) return std::nullopt;
  if (r2.ptr != end) {
    int patch = 0;
    if (*r2.ptr != '.') return std::nullopt;
    auto r3 = std::from_chars(r2.ptr + 1, end, patch);
    if (r3.ec != std::errc() || r3.ptr != end) return std::nullopt;
  }
  return v;
}

const std::vector<SparkVersion>& supportedTargets() {
  static const std::vector<SparkVersion> targets = {{3, 4}, {3, 5}, {4, 0}, {4, 1}, {4, 2}, {4, 3}};
  return targets;
}

bool isSupportedTarget(SparkVersion version) {
  for (const auto& v : supportedTargets())
    if (v == version) return true;
  return false;
}

}  // namespace sparkmigrate::analysis
