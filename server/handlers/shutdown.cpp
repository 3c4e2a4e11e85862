// `shutdown`: stops accepting requests (later ones answer InvalidRequest) and
// answers null. In test mode, deferred work is finished first so transcripts
// see every reply before the shutdown reply.
#include "server/handlers/handlers.h"

namespace sparkmigrate::server {

void shutdown(Server& server, const json&, Reply& reply) {
  server.session().lifecycle = Lifecycle::ShutDown;
  if (!server.testMode()) {
    reply.result(nullptr);
    return;
  }
  auto shared = std::make_shared<Reply>(std::move(reply));
  server.drainThen([shared] { shared->result(nullptr); });
}

}  // namespace sparkmigrate::server
