// `exit`: ends the process, with 0 after a shutdown request and 1 otherwise
// (as the specification says).
#include "server/handlers/handlers.h"

namespace sparkmigrate::server {

void exitNotification(Server& server, const json&) {
  server.requestExit(server.session().lifecycle == Lifecycle::ShutDown ? 0 : 1);
}

}  // namespace sparkmigrate::server
