// `window/workDoneProgress/cancel`: the user pressed cancel on a progress
// the server started (a model request): cancels that request, which then
// answers RequestCancelled. Unknown tokens are ignored.
#include "server/handlers/handlers.h"

namespace sparkmigrate::server {

void workDoneProgressCancel(Server& server, const json& params) {
  if (!params.is_object() || !params.contains("token")) return;
  const json& token = params["token"];
  std::string key = token.is_string() ? token.get<std::string>() : token.dump();
  auto& tokens = server.session().progressTokens;
  if (auto it = tokens.find(key); it != tokens.end()) it->second.cancel();
}

}  // namespace sparkmigrate::server
