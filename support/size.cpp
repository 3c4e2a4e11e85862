// Parsing and printing sizes in bytes (see size.h).
#include "support/size.h"

#include <fmt/format.h>

namespace sparkmigrate::support {

std::optional<std::uint64_t> parseByteSize(std::string_view text) {
  auto trim = [](std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return s;
  };
  text = trim(text);
  std::uint64_t number = 0;
  std::size_t digits = 0;
  for (; digits < text.size() && text[digits] >= '0' && text[digits] <= '9'; ++digits) {
    std::uint64_t digit = static_cast<std::uint64_t>(text[digits] - '0');
    if (number > (UINT64_MAX - digit) / 10) return std::nullopt;
    number = number * 10 + digit;
  }
  if (digits == 0) return std::nullopt;
  std::string unit;
  for (char c : trim(text.substr(digits)))
    unit += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  static const std::pair<std::string_view, std::uint64_t> kUnits[] = {
      {"", 1},            {"b", 1},            {"kb", 1000},        {"mb", 1000000},
      {"gb", 1000000000}, {"kib", 1ull << 10}, {"mib", 1ull << 20}, {"gib", 1ull << 30}};
  for (const auto& [name, factor] : kUnits)
    if (unit == name) {
      if (number > UINT64_MAX / factor) return std::nullopt;
      return number * factor;
    }
  return std::nullopt;
}

std::string describeSize(std::uint64_t bytes) {
  if (bytes < 1024) return fmt::format("{} byte{}", bytes, bytes == 1 ? "" : "s");
  static const std::pair<std::uint64_t, std::string_view> kUnits[] = {
      {1ull << 30, "GiB"}, {1ull << 20, "MiB"}, {1ull << 10, "KiB"}};
  for (const auto& [factor, name] : kUnits) {
    if (bytes < factor) continue;
    if (bytes % factor == 0) return fmt::format("{} {}", bytes / factor, name);
    return fmt::format("{:.1f} {}", static_cast<double>(bytes) / static_cast<double>(factor), name);
  }
  return "";  // not reached: bytes >= 1024 matches KiB
}

}  // namespace sparkmigrate::support
