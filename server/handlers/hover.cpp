// `textDocument/hover`: on a flagged expression, the rule's explanation in
// Markdown (why it fails under Connect, what to write instead, since which
// version Connect supports it, a docs link); also on a code inside a
// `# noqa: SPKnnn` or `# sparkmigrate: ignore[SPKnnn]` comment. Also in a
// notebook's code cells.
#include "server/handlers/handlers.h"

#include "analysis/catalogue.h"
#include "analysis/rule_docs.h"
#include "analysis/suppression.h"

#include <algorithm>
#include <set>

namespace sparkmigrate::server {

void hoverCapability(const ClientCapabilities&, json& caps) {
  caps["hoverProvider"] = true;
}

void hover(Server& server, const json& params, Reply& reply) {
  auto position = requireField(params, "position").get<protocol::Position>();
  // In a notebook cell, the cell's lines are lines of its notebook's document.
  std::uint32_t cellLine = 0;
  Document* doc = nullptr;
  if (auto cell = server.session().findCell(requireUri(params))) {
    if (!cell->index) return reply.result(nullptr);  // not Python
    doc = server.session().find(cell->notebook);
    cellLine = cell->layout->cells[*cell->index].firstLine;
  } else {
    doc = &requireDocument(server, params);
  }
  position.line += cellLine;
  DocumentSnapshot snap = server.snapshot(*doc);
  bool markdown = server.session().client.hoverMarkdown;
  server.background(
      std::move(reply),
      [&server, snap, position, markdown, cellLine](const support::CancellationToken& cancel) -> json {
        if (!snap.tree) return nullptr;  // not analysed (too large)
        PositionMapper mapper = snap.mapper();
        std::uint32_t offset = mapper.toOffset(position);
        std::vector<std::string> parts;
        std::set<std::string> seen;
        std::optional<analysis::ByteRange> range;
        auto add = [&](const analysis::Rule& rule, analysis::ByteRange r) {
          if (!seen.insert(rule.code).second) return;
          parts.push_back(analysis::renderRuleHover(rule, analysis::ruleUrl(rule)));
          if (!range) range = r;
        };
        const auto& catalogue = analysis::Catalogue::builtin();
        for (const auto& s :
             analysis::collectSuppressions(ts_tree_root_node(snap.tree.get()), *snap.text, *snap.lines))
          for (const auto& code : s.codes)
            if (code.range.start <= offset && offset <= code.range.end)
              if (const analysis::Rule* rule = catalogue.find(code.code)) add(*rule, code.range);
        if (parts.empty()) {
          auto result = snap.analyze(&cancel);
          server.postMain([&server, uri = snap.uri, result] { server.remember(uri, result); });
          for (const auto& d : result->check.diagnostics)
            if (d.rule && d.range.start <= offset && offset < std::max(d.range.end, d.range.start + 1))
              add(*d.rule, d.range);
        }
        if (parts.empty()) return nullptr;
        std::string value;
        for (std::size_t i = 0; i < parts.size(); ++i) value += (i ? "\n\n---\n\n" : "") + parts[i];
        protocol::Range shown = mapper.toRange(*range);
        if (shown.start.line < cellLine) return nullptr;  // the finding starts in another cell
        shown.start.line -= cellLine;
        shown.end.line -= std::min(cellLine, shown.end.line);
        return {{"contents", {{"kind", markdown ? "markdown" : "plaintext"}, {"value", value}}}, {"range", shown}};
      },
      std::make_pair(snap.uri, snap.version));
}

}  // namespace sparkmigrate::server
