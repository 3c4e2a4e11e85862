// Implementation of the tree-sitter wrappers: a thread-local parser, string
// literal decoding and the error-subtree test that lets rules skip broken code.
#include "analysis/syntax.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>
#include <unordered_set>

extern "C" const TSLanguage* tree_sitter_python(void);

// cmake/ts_named_walk.c, in the tree-sitter runtime.
extern "C" void ts_node_walk_named(TSNode root, void (*visit)(void*, TSNode, TSFieldId, std::uint32_t), void* payload);

namespace sparkmigrate::analysis {

const TSLanguage* pythonLanguage() {
  return tree_sitter_python();
}

namespace {
struct ParserHolder {
  TSParser* parser = ts_parser_new();
  ParserHolder() { ts_parser_set_language(parser, pythonLanguage()); }
  ~ParserHolder() { ts_parser_delete(parser); }
};
}  // namespace

namespace {
// Every field name of the grammar in an open-addressed table: `field(node,
// "name")` runs at almost every node the analyses visit, so finding the id
// costs a few instructions, not a general hash of the string.
class FieldTable {
 public:
  FieldTable() {
    const TSLanguage* language = pythonLanguage();
    for (TSFieldId id = 1; id <= ts_language_field_count(language); ++id)
      if (const char* name = ts_language_field_name_for_id(language, id)) {
        std::size_t slot = hash(name);
        while (slots_[slot].id) slot = (slot + 1) % kSlots;
        slots_[slot] = {name, id};
      }
  }
  TSFieldId find(std::string_view name) const {
    if (name.empty()) return 0;
    for (std::size_t slot = hash(name);; slot = (slot + 1) % kSlots) {
      if (!slots_[slot].id) return 0;
      if (slots_[slot].name == name) return slots_[slot].id;
    }
  }

 private:
  static constexpr std::size_t kSlots = 256;  // more than twice the grammar's fields, so probes stay short
  static std::size_t hash(std::string_view name) {
    return (name.size() * 31 + static_cast<unsigned char>(name[0]) * 7 +
            static_cast<unsigned char>(name.back()) * 3 + static_cast<unsigned char>(name[name.size() / 2])) %
           kSlots;
  }
  struct Slot {
    std::string_view name;
    TSFieldId id = 0;
  };
  Slot slots_[kSlots];
};

// Each symbol's name, as ts_node_type would give it, with its length known.
std::vector<std::string_view> symbolNames() {
  const TSLanguage* language = pythonLanguage();
  std::vector<std::string_view> names(ts_language_symbol_count(language));
  for (TSSymbol s = 0; s < names.size(); ++s)
    if (const char* name = ts_language_symbol_name(language, s)) names[s] = name;
  return names;
}
}  // namespace

TSFieldId fieldId(std::string_view name) {
  static const FieldTable table;
  return table.find(name);
}

std::string_view symbolName(TSSymbol symbol) {
  static const std::vector<std::string_view> names = symbolNames();
  if (symbol < names.size()) return names[symbol];
  const char* name = ts_language_symbol_name(pythonLanguage(), symbol);  // ERROR and the like
  return name ? std::string_view(name) : std::string_view();
}

TreePtr parsePython(std::string_view text, const TSTree* old, const support::CancellationToken* cancel) {
  thread_local ParserHolder holder;
  if (!cancel)
    return TreePtr(
        ts_parser_parse_string(holder.parser, old, text.data(), static_cast<std::uint32_t>(text.size())));
  TSInput input{};
  input.payload = &text;
  input.read = [](void* payload, std::uint32_t byte, TSPoint, std::uint32_t* bytesRead) -> const char* {
    auto* source = static_cast<std::string_view*>(payload);
    if (byte >= source->size()) {
      *bytesRead = 0;
      return "";
    }
    *bytesRead = static_cast<std::uint32_t>(source->size() - byte);
    return source->data() + byte;
  };
  input.encoding = TSInputEncodingUTF8;
  TSParseOptions options{};
  options.payload = const_cast<support::CancellationToken*>(cancel);
  options.progress_callback = [](TSParseState* state) {
    return static_cast<const support::CancellationToken*>(state->payload)->cancelled();
  };
  TSTree* tree = ts_parser_parse_with_options(holder.parser, old, input, options);
  if (!tree) ts_parser_reset(holder.parser);  // a halted parse would otherwise resume on the next call
  return TreePtr(tree);
}

std::string stringContent(TSNode node, std::string_view source) {
  if (isType(node, "concatenated_string")) {
    std::string out;
    for (std::uint32_t i = 0; i < ts_node_named_child_count(node); ++i)
      out += stringContent(ts_node_named_child(node, i), source);
    return out;
  }
  if (!isType(node, "string")) return {};
  std::string out;
  for (std::uint32_t i = 0; i < ts_node_named_child_count(node); ++i) {
    TSNode child = ts_node_named_child(node, i);
    std::string_view type = nodeType(child);
    if (type == "string_content" || type == "escape_sequence")
      out += nodeText(child, source);
    else if (type == "interpolation")
      return {};
  }
  return out;
}

bool insideError(TSNode node) {
  if (ts_node_is_missing(node)) return true;
  if (!ts_node_has_error(ts_tree_root_node(node.tree))) return false;
  for (TSNode n = node; !ts_node_is_null(n); n = parentOf(n))
    if (ts_node_is_error(n)) return true;
  return false;
}

namespace {
thread_local ParentIndex* gParentIndex = nullptr;
}

ParentIndex::ParentIndex(TSNode root) : root_(root) {
  forEachChild(root, [&](TSNode child) { top_.push_back(child); });
  use();
}

ParentIndex::~ParentIndex() {
  if (serving_) release();
}

void ParentIndex::release() {
  gParentIndex = previous_;
  serving_ = false;
}

void ParentIndex::use() {
  previous_ = gParentIndex;
  gParentIndex = this;
  serving_ = true;
}

TSNode ParentIndex::parent(TSNode node) const {
  if (ts_node_eq(node, root_)) return TSNode{};
  std::uint32_t start = ts_node_start_byte(node), end = ts_node_end_byte(node);
  auto it = std::upper_bound(top_.begin(), top_.end(), start,
                             [](std::uint32_t s, TSNode n) { return s < ts_node_start_byte(n); });
  // Zero-width neighbours can share a start byte: look at a few candidates.
  for (int k = 0; k < 3 && it != top_.begin(); ++k) {
    TSNode candidate = *--it;
    if (ts_node_eq(candidate, node)) return root_;
    if (ts_node_start_byte(candidate) <= start && end <= ts_node_end_byte(candidate)) {
      TSNode current = candidate;
      while (true) {
        TSNode next = ts_node_child_with_descendant(current, node);
        if (ts_node_is_null(next)) break;
        if (ts_node_eq(next, node)) return current;
        current = next;
      }
    }
  }
  return ts_node_parent(node);
}

const std::vector<ParentIndex::Node>& ParentIndex::nodes() {
  if (!nodes_.empty()) return nodes_;
  nodes_.reserve(ts_node_descendant_count(root_));  // named or not: an upper bound
  ts_node_walk_named(
      root_,
      [](void* out, TSNode node, TSFieldId field, std::uint32_t parent) {
        auto& nodes = *static_cast<std::vector<Node>*>(out);
        nodes.push_back({node, ts_node_symbol(node), field, parent, static_cast<std::uint32_t>(nodes.size()) + 1});
      },
      &nodes_);
  // A node's descendants follow it: its end is the furthest of its children's.
  for (std::size_t i = nodes_.size(); i-- > 1;) {
    Node& parent = nodes_[nodes_[i].parent];
    parent.end = std::max(parent.end, nodes_[i].end);
  }
  return nodes_;
}

void ParentIndex::fieldChildren(TSNode node, std::vector<std::pair<TSFieldId, TSNode>>& out) {
  if (!nodes_.empty()) {
    auto [first, last] = subtree(node);
    for (std::size_t k = first + 1; k < last; k = nodes_[k].end)
      if (nodes_[k].field) out.emplace_back(nodes_[k].field, nodes_[k].node);
    return;
  }
  TSTreeCursor cursor = ts_tree_cursor_new(node);
  if (ts_tree_cursor_goto_first_child(&cursor)) {
    do {
      TSFieldId field = ts_tree_cursor_current_field_id(&cursor);
      if (field && ts_node_is_named(ts_tree_cursor_current_node(&cursor)))
        out.emplace_back(field, ts_tree_cursor_current_node(&cursor));
    } while (ts_tree_cursor_goto_next_sibling(&cursor));
  }
  ts_tree_cursor_delete(&cursor);
}

std::pair<std::size_t, std::size_t> ParentIndex::subtree(TSNode node) {
  const std::vector<Node>& all = nodes();
  // Start bytes never decrease in document order; zero-width nodes can share one.
  std::uint32_t start = ts_node_start_byte(node);
  auto it = std::lower_bound(all.begin(), all.end(), start,
                             [](const Node& n, std::uint32_t s) { return ts_node_start_byte(n.node) < s; });
  for (; it != all.end() && ts_node_start_byte(it->node) == start; ++it)
    if (ts_node_eq(it->node, node)) return {static_cast<std::size_t>(it - all.begin()), it->end};
  return {0, 0};
}

const std::vector<TSNode>& ParentIndex::references(std::string_view text, std::string_view name) {
  if (!referencesBuilt_) {
    referencesBuilt_ = true;
    TSFieldId attribute = fieldId("attribute"), nameField = fieldId("name");
    TSSymbol identifier = ts_language_symbol_for_name(pythonLanguage(), "identifier", 10, true);
    TSSymbol keywordArgument = ts_language_symbol_for_name(pythonLanguage(), "keyword_argument", 16, true);
    const std::vector<Node>& all = nodes();
    for (const Node& n : all) {
      if (n.symbol != identifier) continue;
      bool keyword = n.field == nameField && n.parent != kNoParent && all[n.parent].symbol == keywordArgument;
      if (n.field != attribute && !keyword) references_[nodeText(n.node, text)].push_back(n.node);
    }
  }
  static const std::vector<TSNode> none;
  auto it = references_.find(name);
  return it == references_.end() ? none : it->second;
}

void ParentIndex::forgetReferences() {
  referencesBuilt_ = false;
  references_.clear();
}

TSNode descendantAt(TSNode root, std::uint32_t offset) {
  TSNode from = root;
  ParentIndex* index = gParentIndex;
  if (index && root.tree == index->tree() && ts_node_eq(root, index->root_)) {
    const auto& top = index->top_;
    auto it = std::upper_bound(top.begin(), top.end(), offset,
                               [](std::uint32_t s, TSNode n) { return s < ts_node_start_byte(n); });
    if (it != top.begin() && offset < ts_node_end_byte(*(it - 1))) from = *(it - 1);
  }
  return ts_node_descendant_for_byte_range(from, offset, offset + 1);
}

TSNode parentOf(TSNode node) {
  if (gParentIndex && node.tree == gParentIndex->tree()) return gParentIndex->parent(node);
  return ts_node_parent(node);
}

TSNode enclosingFunction(TSNode n) {
  if (ts_node_is_null(n)) return n;
  for (TSNode p = parentOf(n); !ts_node_is_null(p); p = parentOf(p))
    if (isType(p, "function_definition") || isType(p, "lambda")) return p;
  return TSNode{};
}

TSInputEdit inputEdit(const LineIndex& lines, ByteRange range, std::string_view inserted) {
  TSInputEdit edit;
  edit.start_byte = range.start;
  edit.old_end_byte = range.end;
  edit.new_end_byte = range.start + static_cast<std::uint32_t>(inserted.size());
  TextPoint start = lines.pointAt(range.start), oldEnd = lines.pointAt(range.end);
  edit.start_point = {start.line, start.column};
  edit.old_end_point = {oldEnd.line, oldEnd.column};
  auto lastNewline = inserted.rfind('\n');
  if (lastNewline == std::string_view::npos) {
    edit.new_end_point = {start.line, start.column + static_cast<std::uint32_t>(inserted.size())};
  } else {
    std::uint32_t rows = 0;
    for (char c : inserted) rows += c == '\n';
    edit.new_end_point = {start.line + rows, static_cast<std::uint32_t>(inserted.size() - lastNewline - 1)};
  }
  return edit;
}

// Where new imports go: after the last import of the module's leading run of
// imports (docstring, comments and `from __future__` included), else before
// the first statement.
std::uint32_t importInsertionPoint(TSNode root, std::string_view text) {
  std::uint32_t after = 0;
  bool sawImport = false, first = true;
  TSNode firstStatement{};
  forEachNamedChild(root, [&](TSNode child) {
    std::string_view type = nodeType(child);
    if (type == "comment") return true;
    if (ts_node_is_null(firstStatement)) firstStatement = child;
    bool docstring = first && type == "expression_statement" && ts_node_named_child_count(child) == 1 &&
                     isType(ts_node_named_child(child, 0), "string");
    first = false;
    if (type == "import_statement" || type == "import_from_statement" || type == "future_import_statement") {
      after = ts_node_end_byte(child);
      sawImport = true;
      return true;
    }
    if (docstring && !sawImport) {
      after = ts_node_end_byte(child);
      return true;
    }
    if (!sawImport && after == 0) after = ts_node_start_byte(child);
    return false;  // the leading run ends here
  });
  if (!sawImport && after > 0 && !ts_node_is_null(firstStatement) &&
      after == ts_node_start_byte(firstStatement))
    return after;  // before the first statement, at its line start
  if (after == 0) return 0;
  // After the end of that statement's line.
  std::uint32_t end = after;
  while (end < text.size() && text[end] != '\n') ++end;
  return end < text.size() ? end + 1 : end;
}

namespace {

// 0 __future__, 1 the standard library, 2 everything else (isort's default
// section for a module it does not know is third party).
int importSection(std::string_view module) {
  std::string_view top = module.substr(0, module.find('.'));
  if (top == "__future__") return 0;
  static const std::unordered_set<std::string_view> stdlib = {
      "abc",        "argparse",  "array",     "ast",        "asyncio",     "base64",   "bisect",
      "calendar",   "collections", "concurrent", "configparser", "contextlib", "copy", "csv",
      "dataclasses", "datetime", "decimal",   "difflib",    "enum",        "errno",    "fnmatch",
      "fractions",  "functools", "gc",        "getpass",    "glob",        "gzip",     "hashlib",
      "heapq",      "hmac",      "html",      "http",       "importlib",   "inspect",  "io",
      "ipaddress",  "itertools", "json",      "locale",     "logging",     "lzma",     "math",
      "multiprocessing", "numbers", "operator", "os",       "pathlib",     "pickle",   "platform",
      "pprint",     "queue",     "random",    "re",         "secrets",     "shlex",    "shutil",
      "signal",     "socket",    "sqlite3",   "statistics", "string",      "struct",   "subprocess",
      "sys",        "tempfile",  "textwrap",  "threading",  "time",        "timeit",   "traceback",
      "types",      "typing",    "unittest",  "urllib",     "uuid",        "warnings", "weakref",
      "xml",        "zipfile",   "zlib"};
  return stdlib.count(top) ? 1 : 2;
}

struct LeadingImport {
  std::uint32_t start, end;  // the statement
  int section;
  bool from;
  std::string module;  // lower case, for ordering
};

std::string lowered(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The start of the line holding `offset`, and the start of the line after it.
std::uint32_t lineStartOf(std::string_view text, std::uint32_t offset) {
  while (offset > 0 && text[offset - 1] != '\n') --offset;
  return offset;
}
std::uint32_t nextLineStart(std::string_view text, std::uint32_t offset) {
  while (offset < text.size() && text[offset] != '\n') ++offset;
  return offset < text.size() ? offset + 1 : offset;
}

}  // namespace

ImportInsertion placeImport(TSNode root, std::string_view text, std::string_view line) {
  bool from = line.substr(0, 5) == "from ";
  if (!from && line.substr(0, 7) != "import ") {
    // A guarded import (`try: ... except ImportError: ...`): after them all.
    std::uint32_t at = importInsertionPoint(root, text);
    if (at == text.size() && at > 0 && text.back() != '\n') return {at, "\n" + std::string(line) + "\n"};
    return {at, std::string(line) + "\n"};
  }
  std::string_view rest = line.substr(from ? 5 : 7);
  std::string_view module = rest.substr(0, rest.find_first_of(" ,"));
  int section = importSection(module);
  auto order = [](bool isFrom, const std::string& name) { return std::pair{isFrom, name}; };
  const auto wanted = order(from, lowered(module));

  // The leading run of imports (as importInsertionPoint walks it).
  std::vector<LeadingImport> imports;
  bool first = true;
  for (std::uint32_t i = 0; i < ts_node_named_child_count(root); ++i) {
    TSNode child = ts_node_named_child(root, i);
    std::string_view type = nodeType(child);
    if (type == "comment") continue;
    bool docstring = first && type == "expression_statement" && ts_node_named_child_count(child) == 1 &&
                     isType(ts_node_named_child(child, 0), "string");
    first = false;
    if (docstring) continue;
    LeadingImport entry{ts_node_start_byte(child), ts_node_end_byte(child), 0, false, ""};
    if (type == "future_import_statement") {
      entry.module = "__future__";
    } else if (type == "import_from_statement") {
      entry.from = true;
      entry.module = lowered(nodeText(field(child, "module_name"), text));
      entry.section = importSection(entry.module);
    } else if (type == "import_statement" && ts_node_named_child_count(child) > 0) {
      TSNode name = ts_node_named_child(child, 0);
      if (isType(name, "aliased_import")) name = field(name, "name");
      entry.module = lowered(nodeText(name, text));
      entry.section = importSection(entry.module);
    } else {
      break;
    }
    imports.push_back(std::move(entry));
  }

  std::string own(line);
  if (imports.empty()) {
    std::uint32_t at = importInsertionPoint(root, text);
    if (at == text.size() && at > 0 && text.back() != '\n') return {at, "\n" + own + "\n"};
    // Set off from code that follows directly: two blank lines before a
    // definition, one before other code (PEP 8).
    bool codeNext = at < text.size() && text[at] != '\n' && text[at] != '\r';
    if (!codeNext) return {at, own + "\n"};
    TSNode next = descendantAt(root, at);
    while (!ts_node_is_null(next) && !ts_node_eq(ts_node_parent(next), root)) next = ts_node_parent(next);
    std::string_view type = ts_node_is_null(next) ? "" : nodeType(next);
    bool definition = type == "function_definition" || type == "class_definition" || type == "decorated_definition";
    return {at, own + (definition ? "\n\n\n" : "\n\n")};
  }
  auto after = [&](const LeadingImport& i, const std::string& inserted) {
    std::uint32_t at = nextLineStart(text, i.end);
    if (at == text.size() && text.back() != '\n') return ImportInsertion{at, "\n" + inserted};
    return ImportInsertion{at, inserted};
  };
  const LeadingImport* lastEarlier = nullptr;
  const LeadingImport* lastSame = nullptr;
  for (const auto& i : imports) {
    if (i.section == section) {
      if (wanted < order(i.from, i.module)) return {lineStartOf(text, i.start), own + "\n"};
      lastSame = &i;
    } else if (i.section > section && !lastSame) {
      return {lineStartOf(text, i.start), own + "\n\n"};  // a section of its own, before the later ones
    } else if (i.section < section) {
      lastEarlier = &i;
    }
  }
  if (lastSame) return after(*lastSame, own + "\n");
  return after(*lastEarlier, "\n" + own + "\n");
}

}  // namespace sparkmigrate::analysis
