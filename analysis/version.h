// Spark versions as the rules and `--target-version` speak them: major.minor.
// The supported targets are listed here, with the documented default.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sparkmigrate::analysis {

struct SparkVersion {
  int major = 0;
  int minor = 0;
  auto operator<=>(const SparkVersion&) const = default;
  std::string str() const { return std::to_string(major) + "." + std::to_string(minor); }
};

// Parses "3.5" or "3.5.1" (the patch level is ignored).
std::optional<SparkVersion> parseSparkVersion(std::string_view text);

// The versions accepted by --target-version, oldest first.
const std::vector<SparkVersion>& supportedTargets();
bool isSupportedTarget(SparkVersion version);

// The default target: 3.5, the Spark line behind Databricks Runtime 14.3 to
// 16.4 LTS and Databricks Connect 14 to 16, the most widely deployed Connect
// clients; the conservative choice reports everything that breaks there.
inline constexpr SparkVersion kDefaultTarget{3, 5};

}  // namespace sparkmigrate::analysis
