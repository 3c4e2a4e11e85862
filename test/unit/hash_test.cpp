// Unit tests for the digest that tells two analyses' facts (and two reports'
// diagnostics) apart: a report copies a diagnostic's earlier text when their
// digests agree, so any change to the bytes must change the digest.
#include "support/hash.h"

#include <catch2/catch.hpp>

#include <set>
#include <string>

using sparkmigrate::support::hashBytes;

TEST_CASE("the digest changes with every byte, every bit and the length") {
  std::string text = "`df.rdd.count()` goes through the RDD; call the same action on the DataFrame";
  for (std::size_t size = 0; size <= text.size(); ++size) {
    std::string base = text.substr(0, size);
    std::set<std::uint64_t> seen{hashBytes(base)};
    CHECK(hashBytes(base) == hashBytes(std::string(base)));
    // Zero bytes added at the end (the last word is padded with zeros).
    CHECK(seen.insert(hashBytes(base + '\0')).second);
    CHECK(seen.insert(hashBytes(base + std::string(8, '\0'))).second);
    for (std::size_t at = 0; at < size; ++at)
      for (int bit = 0; bit < 8; ++bit) {
        std::string changed = base;
        changed[at] = static_cast<char>(changed[at] ^ (1 << bit));
        INFO("size " << size << ", byte " << at << ", bit " << bit);
        CHECK(seen.insert(hashBytes(changed)).second);
      }
  }
  CHECK(hashBytes("abc", 1) != hashBytes("abc", 2));
}
