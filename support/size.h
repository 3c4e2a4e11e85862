// Sizes in bytes, for limits users set and messages about them: one parser
// for every size setting and flag (max-file-size, --max-message-size) and one
// way of printing a size, so that the CLI, the server and the protocol layer
// say "16 MiB" the same way.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sparkmigrate::support {

// A number of bytes ("16777216") or a number with a unit: B, KB, MB, GB
// (powers of 1000) or KiB, MiB, GiB (powers of 1024), case-insensitive, with
// or without a space ("16MiB", "500 KB"). nullopt for anything else,
// negative numbers and overflow.
std::optional<std::uint64_t> parseByteSize(std::string_view text);

// What follows a setting's name in the error for a value parseByteSize refuses.
inline constexpr std::string_view kByteSizeHelp =
    "must be a number of bytes or a size such as \"16MiB\" or \"500KB\" (0 for no limit)";

// "1 byte", "512 bytes", "64 KiB", "50.5 MiB", "2 GiB": whole units without a
// decimal, others to one decimal.
std::string describeSize(std::uint64_t bytes);

}  // namespace sparkmigrate::support
