// `$/cancelRequest`: marks a pending request cancelled. Background work checks
// the token before it starts, between rules, and before replying; a cancelled
// request answers RequestCancelled. Unknown or finished ids are ignored.
#include "server/handlers/handlers.h"

namespace sparkmigrate::server {

void cancelRequest(Server& server, const json& params) {
  if (!params.is_object() || !params.contains("id")) return;
  server.cancel(params["id"]);
}

}  // namespace sparkmigrate::server
