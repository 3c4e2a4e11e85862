// SHA-256 (FIPS 180-4) of a byte string, as 64 lowercase hex digits: the key
// of on-disk caches, where a collision would serve one answer for another.
#pragma once

#include <string>
#include <string_view>

namespace sparkmigrate::support {

std::string sha256Hex(std::string_view bytes);

}  // namespace sparkmigrate::support
