// Unit tests for sizes in bytes: the one parser of size settings and flags,
// and the one way messages print a size.
#include "support/size.h"

#include <catch2/catch.hpp>

using sparkmigrate::support::describeSize;
using sparkmigrate::support::parseByteSize;

TEST_CASE("a size is bytes or a number with a unit") {
  CHECK(parseByteSize("16777216") == 16777216u);
  CHECK(parseByteSize("16MiB") == 16u << 20);
  CHECK(parseByteSize(" 16 mib ") == 16u << 20);
  CHECK(parseByteSize("500KB") == 500000u);
  CHECK(parseByteSize("500kb") == 500000u);
  CHECK(parseByteSize("2KiB") == 2048u);
  CHECK(parseByteSize("1GB") == 1000000000u);
  CHECK(parseByteSize("1GiB") == 1u << 30);
  CHECK(parseByteSize("10B") == 10u);
  CHECK(parseByteSize("0") == 0u);
  for (const char* bad : {"", "MiB", "-1", "1.5MiB", "16 megabytes", "16M", "0x10", "18446744073709551616",
                          "17179869184GiB"}) {
    INFO(bad);
    CHECK_FALSE(parseByteSize(bad));
  }
}

TEST_CASE("sizes are printed in the largest binary unit, whole units without a decimal") {
  CHECK(describeSize(1) == "1 byte");
  CHECK(describeSize(512) == "512 bytes");
  CHECK(describeSize(64 << 10) == "64 KiB");
  CHECK(describeSize(500000) == "488.3 KiB");
  CHECK(describeSize(16u << 20) == "16 MiB");
  CHECK(describeSize((50u << 20) + (1u << 19)) == "50.5 MiB");
  CHECK(describeSize(3ull << 30) == "3 GiB");
}
