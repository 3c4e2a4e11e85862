// `workspace/didChangeConfiguration`: applies the settings in the
// notification when they are there (`settings.sparkmigrate` or `settings`),
// otherwise pulls them again with workspace/configuration. Then every open
// document is re-resolved and re-diagnosed.
#include "server/handlers/handlers.h"

namespace sparkmigrate::server {

void pullConfiguration(Server& server);

void didChangeConfiguration(Server& server, const json& params) {
  Session& session = server.session();
  const json* settings = nullptr;
  if (params.is_object() && params.contains("settings") && params["settings"].is_object()) {
    settings = &params["settings"];
    if (settings->contains("sparkmigrate")) settings = &(*settings)["sparkmigrate"];
  }
  if (session.client.workspaceConfiguration && (!settings || settings->empty())) {
    pullConfiguration(server);
    return;
  }
  if (!settings) return;
  std::string problem;
  EditorSettings next = parseEditorSettings(*settings, session.editorSettings, problem);
  if (!problem.empty()) server.reportProblemOnce("editor settings: " + problem);
  session.editorSettings = next;
  session.resolver.setOverrides(next.overrides);
  server.settingsChanged();
}

}  // namespace sparkmigrate::server
