// A small, stable 64-bit hash (over eight bytes at a time, with an
// order-sensitive combine) for digests that are compared between two
// analyses of a file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace sparkmigrate::support {

inline std::uint64_t hashBytes(std::string_view bytes, std::uint64_t seed = 0xcbf29ce484222325ull) {
  // Eight bytes at a time: each word is spread by an odd multiply, folded in,
  // rotated and multiplied again; the length and a final avalanche (the
  // finaliser of MurmurHash3) make every input bit reach every output bit.
  auto rotate = [](std::uint64_t v, int by) { return (v << by) | (v >> (64 - by)); };
  auto fold = [&](std::uint64_t h, std::uint64_t word) {
    return rotate(h ^ (word * 0x87c37b91114253d5ull), 29) * 0x4cf5ad432745937full;
  };
  std::uint64_t h = seed;
  const char* p = bytes.data();
  std::size_t n = bytes.size();
  for (; n >= 8; p += 8, n -= 8) {
    std::uint64_t word;
    std::memcpy(&word, p, 8);
    h = fold(h, word);
  }
  if (n > 0) {
    std::uint64_t word = 0;
    std::memcpy(&word, p, n);
    h = fold(h, word);
  }
  h ^= bytes.size();
  h = (h ^ (h >> 33)) * 0xff51afd7ed558ccdull;
  h = (h ^ (h >> 33)) * 0xc4ceb9fe1a85ec53ull;
  return h ^ (h >> 33);
}

// Folds `value` into `seed`; the result depends on the order of the calls.
inline std::uint64_t hashCombine(std::uint64_t seed, std::uint64_t value) {
  seed ^= value + 0x9e3779b97f4a7c15ull + (seed << 6) + (seed >> 2);
  return seed;
}

}  // namespace sparkmigrate::support
