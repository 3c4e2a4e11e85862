// `$/setTrace`: "off", "messages" or "verbose"; when not off the server sends
// a `$/logTrace` line for each message it receives.
#include "server/handlers/handlers.h"

namespace sparkmigrate::server {

void setTrace(Server& server, const json& params) {
  if (!params.is_object() || !params.contains("value") || !params["value"].is_string()) return;
  std::string value = params["value"];
  if (value == "off" || value == "messages" || value == "verbose") server.session().trace = value;
}

}  // namespace sparkmigrate::server
