// The Backend that talks HTTP: the retry loop, error messages and logging
// shared by every provider, around a Wire (the provider's format) and
// performHttp (the transport).
#pragma once

#include "llm/backend.h"
#include "llm/wire.h"

#include <memory>

namespace sparkmigrate::llm {

// `config` must already be complete (base URL filled in, maxAttempts >= 1);
// `wire` is the provider's format.
std::unique_ptr<Backend> makeHttpBackend(BackendConfig config, std::unique_ptr<Wire> wire);

}  // namespace sparkmigrate::llm
