// A small, stable 64-bit hash (FNV-1a over bytes, with an order-sensitive
// combine) for digests that are compared between two analyses of a file.
#pragma once

#include <cstdint>
#include <string_view>

namespace sparkmigrate::support {

inline std::uint64_t hashBytes(std::string_view bytes, std::uint64_t seed = 0xcbf29ce484222325ull) {
  std::uint64_t h = seed;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 0x100000001b3ull;
  }
  return h;
}

// Folds `value` into `seed`; the result depends on the order of the calls.
inline std::uint64_t hashCombine(std::uint64_t seed, std::uint64_t value) {
  seed ^= value + 0x9e3779b97f4a7c15ull + (seed << 6) + (seed >> 2);
  return seed;
}

}  // namespace sparkmigrate::support
