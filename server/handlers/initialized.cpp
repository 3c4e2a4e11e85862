// `initialized`: asks the client for the "sparkmigrate" settings section when
// it supports workspace/configuration, and registers a watcher for
// pyproject.toml when it supports dynamic registration of file watchers.
#include "server/handlers/handlers.h"

namespace sparkmigrate::server {

// Shared with didChangeConfiguration: pulls settings and applies them.
void pullConfiguration(Server& server);

void pullConfiguration(Server& server) {
  if (!server.session().client.workspaceConfiguration) return;
  json items = json::array();
  items.push_back({{"section", "sparkmigrate"}});
  server.request("workspace/configuration", {{"items", items}},
                 [&server](const json& result, const protocol::ResponseError* error) {
                   if (error || !result.is_array() || result.empty() || !result[0].is_object()) return;
                   Session& session = server.session();
                   std::string problem;
                   EditorSettings next = parseEditorSettings(result[0], session.editorSettings, problem);
                   if (!problem.empty()) server.reportProblemOnce("editor settings: " + problem);
                   session.editorSettings = next;
                   session.resolver.setOverrides(next.overrides);
                   server.settingsChanged();
                 });
}

void initialized(Server& server, const json&) {
  Session& session = server.session();
  pullConfiguration(server);
  if (session.client.watchedFilesDynamic) {
    json watchers = json::array({{{"globPattern", "**/pyproject.toml"}}});
    json registration = {{"id", "sparkmigrate-pyproject"},
                         {"method", "workspace/didChangeWatchedFiles"},
                         {"registerOptions", {{"watchers", watchers}}}};
    server.request("client/registerCapability", {{"registrations", json::array({registration})}},
                   [](const json&, const protocol::ResponseError*) {});
  }
}

}  // namespace sparkmigrate::server
