// Implementation of the semantic model: one collecting walk that records
// scopes, imports and bindings (with the expression each binding comes from),
// then lazy, memoised evaluation of values with a guard against cycles.
#include "analysis/semantic.h"

#include "analysis/notebook.h"

#include "support/hash.h"

#include <algorithm>
#include <array>
#include <functional>

namespace sparkmigrate::analysis {
namespace {

constexpr int kMaxDepth = SemanticModel::kMaxDepth;
// valueOf recursion: from kChainDepth on, the chain below an expression is
// evaluated from the inside out first (so the recursion stays shallow);
// kMaxValueDepth is the hard stop.
constexpr int kChainDepth = 200;
constexpr int kMaxValueDepth = 1000;

bool isBuiltinName(std::string_view name) {
  static const std::unordered_set<std::string_view> names = {"print",
                                                             "len",
                                                             "range",
                                                             "list",
                                                             "dict",
                                                             "set",
                                                             "tuple",
                                                             "str",
                                                             "int",
                                                             "float",
                                                             "bool",
                                                             "sorted",
                                                             "sum",
                                                             "min",
                                                             "max",
                                                             "abs",
                                                             "open",
                                                             "zip",
                                                             "map",
                                                             "filter",
                                                             "enumerate",
                                                             "isinstance",
                                                             "type",
                                                             "repr",
                                                             "round",
                                                             "any",
                                                             "all",
                                                             "reversed",
                                                             "iter",
                                                             "next",
                                                             "format",
                                                             "bytes",
                                                             "object",
                                                             "super",
                                                             "getattr",
                                                             "setattr",
                                                             "hasattr",
                                                             "id",
                                                             "hash",
                                                             "input",
                                                             "vars",
                                                             "dir",
                                                             "frozenset",
                                                             "Exception",
                                                             "ValueError",
                                                             "TypeError",
                                                             "KeyError",
                                                             "RuntimeError",
                                                             "AttributeError",
                                                             "NotImplementedError"};
  return names.count(name) > 0;
}

const void* nodeId(TSNode node) {
  return node.id;
}

Value other() {
  return Value{Kind::Other, {}, {}};
}
Value unknown() {
  return Value{};
}
Value ofKind(Kind kind) {
  return Value{kind, {}, {}};
}

}  // namespace

SemanticModel::SemanticModel(std::string_view source, TSNode root, const ProjectView* project,
                             const Collected* earlier)
    : source_(source), root_(root), project_(project), parents_(root) {
  std::string_view firstLine = source.substr(0, source.find('\n'));
  if (!firstLine.empty() && firstLine.back() == '\r') firstLine.remove_suffix(1);
  notebook_ = firstLine == kDatabricksNotebookMarker;
  notebookGlobals_ = notebook_ || firstLine == kJupyterNotebookMarker;
  Scope module;
  module.node = root;
  scopes_.push_back(std::move(module));
  scopeByNode_[nodeId(root)] = 0;
  collectModule(earlier);
  walkTooDeep_ = tooDeep_;
}

std::shared_ptr<const SemanticModel::Collected> SemanticModel::takeCollected(const TSTree* tree) {
  auto out = std::make_shared<Collected>();
  out->tree.reset(ts_tree_copy(tree));
  out->scopes = std::move(scopes_);
  out->bindings = std::move(bindings_);
  out->definitions = std::move(definitions_);
  return out;
}

void SemanticModel::release() {
  parents_.release();
}

void SemanticModel::adopt(std::string_view source, const ProjectView* project) {
  parents_.use();
  source_ = source;
  project_ = project;
  // What the text was indexed by and what was inferred, in the order the
  // members are declared.
  for (Binding& b : bindings_) {
    b.state = 0;
    b.cached = Value{};
  }
  memo_.clear();
  qualnameMemo_.clear();
  valueDepth_ = 0;
  qualnameDepth_ = 0;
  tooDeep_ = walkTooDeep_;
  returnState_.clear();
  returnMemo_.clear();
  recording_ = nullptr;
  sessions_.reset();
  sessionsByScope_.clear();
  assignments_.clear();
  parents_.forgetReferences();
}

// ---------------------------------------------------------------------------
// Collection

int SemanticModel::addBinding(int scope, const std::string& name, Binding binding) {
  if (scopes_[scope].names().globals.count(name)) scope = 0;
  binding.scope = scope;
  int id = static_cast<int>(bindings_.size());
  bindings_.push_back(std::move(binding));
  scopes_[scope].table->names[name].push_back(id - scopes_[scope].bindingBase);
  return id;
}

void SemanticModel::bindTarget(TSNode target, int scope, std::uint32_t pos, BindKind kind, TSNode value,
                               TSNode annotation, bool item) {
  std::string_view type = nodeType(target);
  if (type == "identifier") {
    Binding b;
    b.pos = pos;
    b.kind = kind;
    b.value = value;
    b.annotation = annotation;
    b.item = item;
    addBinding(scope, std::string(nodeText(target, source_)), std::move(b));
  } else if (type == "pattern_list" || type == "tuple_pattern" || type == "list_pattern" ||
             type == "expression_list" || type == "tuple" || type == "list") {
    // `a, b = value` / `for k, v in pairs`: each name holds its position of
    // the value (an item of it, in a loop). A starred name makes positions
    // unknown.
    bool starred = false;
    forEachNamedChild(target, [&](TSNode child) { starred = starred || isType(child, "list_splat_pattern"); });
    for (std::uint32_t i = 0; i < ts_node_named_child_count(target); ++i) {
      TSNode child = ts_node_named_child(target, i);
      if (isType(child, "identifier") && !starred && !ts_node_is_null(value) &&
          (kind == BindKind::Assign || kind == BindKind::Unpacked)) {
        Binding b;
        b.pos = pos;
        b.kind = BindKind::Unpacked;
        b.value = value;
        b.element = static_cast<int>(i);
        b.item = item;
        addBinding(scope, std::string(nodeText(child, source_)), std::move(b));
      } else {
        bindTarget(child, scope, pos, BindKind::Other, {}, {});
      }
    }
  } else if (type == "list_splat_pattern" && ts_node_named_child_count(target) > 0) {
    bindTarget(ts_node_named_child(target, 0), scope, pos, BindKind::Other, {}, {});
  } else if (type == "attribute") {
    // self.x = value inside a method: remember it on the class.
    TSNode object = field(target, "object");
    const Scope& s = scopes_[scope];
    if (s.classScope >= 0 && isType(object, "identifier") && !s.selfName.empty() &&
        nodeText(object, source_) == s.selfName) {
      Binding b;
      b.pos = pos;
      b.kind = kind == BindKind::Other ? BindKind::Other : kind;
      b.value = value;
      b.annotation = annotation;
      b.scope = scope;
      int id = static_cast<int>(bindings_.size());
      bindings_.push_back(std::move(b));
      Scope& cls = scopes_[s.classScope];
      cls.table->selfAttributes[std::string(nodeText(field(target, "attribute"), source_))].push_back(
          id - cls.bindingBase);
    }
  }
}

void SemanticModel::collectImport(TSNode node, int scope) {
  std::uint32_t pos = ts_node_end_byte(node);
  auto bindImport = [&](const std::string& name, const std::string& qualname) {
    Binding b;
    b.pos = pos;
    b.kind = BindKind::Import;
    b.qualname = canonicalQualifiedName(qualname);
    importedNames_.insert(name);
    ++fileFacts_;
    std::string_view last = std::string_view(b.qualname).substr(b.qualname.rfind('.') + 1);
    if (last != name) importAliases_.emplace_back(name, std::string(last));
    addBinding(scope, name, std::move(b));
    if (isPysparkName(qualname)) importsPyspark_ = true;
  };
  if (isType(node, "import_statement")) {
    for (std::uint32_t i = 0; i < ts_node_named_child_count(node); ++i) {
      TSNode child = ts_node_named_child(node, i);
      if (isType(child, "dotted_name")) {
        std::string full(nodeText(child, source_));
        bindImport(full.substr(0, full.find('.')), full.substr(0, full.find('.')));
        if (isPysparkName(full)) importsPyspark_ = true;
        ++fileFacts_;
      } else if (isType(child, "aliased_import")) {
        bindImport(std::string(nodeText(field(child, "alias"), source_)),
                   std::string(nodeText(field(child, "name"), source_)));
      }
    }
    return;
  }
  // import_from_statement
  TSNode moduleNode = field(node, "module_name");
  std::string module(nodeText(moduleNode, source_));
  if (isPysparkName(module)) importsPyspark_ = true;
  ++fileFacts_;
  for (std::uint32_t i = 0; i < ts_node_named_child_count(node); ++i) {
    TSNode child = ts_node_named_child(node, i);
    if (ts_node_eq(child, moduleNode)) continue;
    if (isType(child, "dotted_name")) {
      std::string name(nodeText(child, source_));
      bindImport(name, module + "." + name);
    } else if (isType(child, "aliased_import")) {
      bindImport(std::string(nodeText(field(child, "alias"), source_)),
                 module + "." + std::string(nodeText(field(child, "name"), source_)));
    } else if (isType(child, "wildcard_import")) {
      wildcardModules_.push_back(module);
    }
  }
}

void SemanticModel::collectFunction(TSNode def, int parentScope, int depth) {
  Scope scope;
  scope.node = def;
  scope.parent = parentScope;
  scope.isFunction = true;
  TSNode params = field(def, "parameters");
  bool isLambda = isType(def, "lambda");
  if (!isLambda && scopes_[parentScope].isClass) {
    bool isStatic = false;
    TSNode parent = parentOf(def);
    if (isType(parent, "decorated_definition")) {
      for (std::uint32_t i = 0; i < ts_node_named_child_count(parent); ++i) {
        TSNode child = ts_node_named_child(parent, i);
        if (isType(child, "decorator") &&
            nodeText(child, source_).find("staticmethod") != std::string_view::npos)
          isStatic = true;
      }
    }
    if (!isStatic && !ts_node_is_null(params) && ts_node_named_child_count(params) > 0) {
      TSNode first = ts_node_named_child(params, 0);
      if (isType(first, "identifier"))
        scope.selfName = std::string(nodeText(first, source_));
      else if (isType(first, "typed_parameter") && ts_node_named_child_count(first) > 0)
        scope.selfName = std::string(nodeText(ts_node_named_child(first, 0), source_));
    }
    scope.classScope = parentScope;
  } else if (parentScope >= 0 && scopes_[parentScope].isFunction) {
    // Nested functions keep seeing the method's self.
    scope.selfName = scopes_[parentScope].selfName;
    scope.classScope = scopes_[parentScope].classScope;
  }
  int id = static_cast<int>(scopes_.size());
  scopes_.push_back(std::move(scope));
  scopeByNode_[nodeId(def)] = id;

  std::uint32_t pos = ts_node_start_byte(def);
  if (!ts_node_is_null(params)) {
    int positional = 0;  // the next positional parameter's index; -1 after `*` / `*args`
    for (std::uint32_t i = 0; i < ts_node_named_child_count(params); ++i) {
      TSNode p = ts_node_named_child(params, i);
      std::string_view type = nodeType(p);
      if (type == "list_splat_pattern" || type == "keyword_separator" || type == "dictionary_splat_pattern")
        positional = -1;
      TSNode name{}, annotation{}, defaultValue{};
      if (type == "identifier") {
        name = p;
      } else if (type == "typed_parameter") {
        if (ts_node_named_child_count(p) > 0) name = ts_node_named_child(p, 0);
        annotation = field(p, "type");
      } else if (type == "default_parameter") {
        name = field(p, "name");
        defaultValue = field(p, "value");
      } else if (type == "typed_default_parameter") {
        name = field(p, "name");
        annotation = field(p, "type");
        defaultValue = field(p, "value");
      }
      if (!ts_node_is_null(defaultValue)) collect(defaultValue, parentScope, depth + 1);
      if (!ts_node_is_null(name) && isType(name, "identifier")) {
        Binding b;
        b.pos = pos;
        b.kind = BindKind::Param;
        b.annotation = annotation;
        b.value = name;
        b.element = positional < 0 ? -1 : positional++;
        const Scope& self = scopes_[id];
        if (i == 0 && self.classScope == parentScope && !self.selfName.empty() &&
            nodeText(name, source_) == self.selfName) {
          b.kind = BindKind::Self;
          b.value = scopes_[parentScope].node;
        }
        addBinding(id, std::string(nodeText(name, source_)), std::move(b));
      }
    }
  }
  TSNode body = field(def, "body");
  if (!ts_node_is_null(body)) collect(body, id, depth + 1);
}

void SemanticModel::collectClass(TSNode cls, int parentScope, int depth) {
  Scope scope;
  scope.node = cls;
  scope.parent = parentScope;
  scope.isClass = true;
  int id = static_cast<int>(scopes_.size());
  scopes_.push_back(std::move(scope));
  scopeByNode_[nodeId(cls)] = id;
  TSNode supers = field(cls, "superclasses");
  if (!ts_node_is_null(supers)) collect(supers, parentScope, depth + 1);
  TSNode body = field(cls, "body");
  if (!ts_node_is_null(body)) collect(body, id, depth + 1);
}

namespace {

// Expression node types (subtypes of `expression`, transitively).
bool isExpression(TSSymbol symbol) {
  static const std::vector<char> table = [] {
    const TSLanguage* language = pythonLanguage();
    std::vector<char> out(ts_language_symbol_count(language), 0);
    std::vector<TSSymbol> pending{
        ts_language_symbol_for_name(language, "expression", sizeof("expression") - 1, true)};
    while (!pending.empty()) {
      TSSymbol supertype = pending.back();
      pending.pop_back();
      std::uint32_t count = 0;
      const TSSymbol* subtypes = ts_language_subtypes(language, supertype, &count);
      for (std::uint32_t i = 0; i < count; ++i) {
        if (out[subtypes[i]]) continue;
        out[subtypes[i]] = 1;
        pending.push_back(subtypes[i]);
      }
    }
    return out;
  }();
  return symbol < table.size() && table[symbol];
}

bool isWordChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

// The statements and expressions collect() looks at, by grammar symbol (a
// table lookup instead of comparing the node's type name with each).
enum class Construct : std::uint8_t {
  Other, Import, ImportFrom, FunctionDef, Lambda, ClassDef, Global, Nonlocal,
  Assignment, NamedExpression, For, ForInClause, AsPattern, ExceptClause, Call
};

Construct constructOf(TSSymbol symbol) {
  static const std::vector<Construct> table = [] {
    static const std::pair<std::string_view, Construct> names[] = {
        {"import_statement", Construct::Import},       {"import_from_statement", Construct::ImportFrom},
        {"function_definition", Construct::FunctionDef}, {"lambda", Construct::Lambda},
        {"class_definition", Construct::ClassDef},     {"global_statement", Construct::Global},
        {"nonlocal_statement", Construct::Nonlocal},   {"assignment", Construct::Assignment},
        {"named_expression", Construct::NamedExpression}, {"for_statement", Construct::For},
        {"for_in_clause", Construct::ForInClause},     {"as_pattern", Construct::AsPattern},
        {"except_clause", Construct::ExceptClause},    {"call", Construct::Call}};
    std::vector<Construct> out(ts_language_symbol_count(pythonLanguage()), Construct::Other);
    for (TSSymbol s = 0; s < out.size(); ++s)
      for (const auto& [name, construct] : names)
        if (symbolName(s) == name) out[s] = construct;
    return out;
  }();
  return symbol < table.size() ? table[symbol] : Construct::Other;
}

// False when an expression cannot bind a name, open a scope or create a
// temp view: no lambda, walrus, comprehension, `as` pattern or view call in
// its text (the words `lambda`, `for` and `as`, `:=`, `TempView`,
// `registerTempTable`). collect() skips those subtrees. One pass over the
// text, stopping only at the bytes that can start one of them.
bool mayBindOrCreateView(std::string_view text) {
  static const std::array<bool, 256> starts = [] {
    std::array<bool, 256> table{};
    for (unsigned char c : std::string_view(":Trlfa")) table[c] = true;
    return table;
  }();
  auto wordAt = [&](std::size_t at, std::string_view word) {
    return text.compare(at, word.size(), word) == 0 && (at == 0 || !isWordChar(text[at - 1])) &&
           (at + word.size() >= text.size() || !isWordChar(text[at + word.size()]));
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!starts[static_cast<unsigned char>(text[i])]) continue;
    switch (text[i]) {
      case ':':
        if (i + 1 < text.size() && text[i + 1] == '=') return true;
        break;
      case 'T':
        if (text.compare(i, 8, "TempView") == 0) return true;
        break;
      case 'r':
        if (text.compare(i, 17, "registerTempTable") == 0) return true;
        break;
      case 'l':
        if (wordAt(i, "lambda")) return true;
        break;
      case 'f':
        if (wordAt(i, "for")) return true;
        break;
      case 'a':
        if (wordAt(i, "as")) return true;
        break;
    }
  }
  return false;
}

}  // namespace

// The module's statements, as collect(root) walks them, except that a
// top-level function or class the earlier version's walk recorded as
// self-contained, and that the new tree shares, is copied (reuseDefinition).
// The copy is what the walk would record: a self-contained definition's
// scopes and bindings depend only on its own subtree. One whose walk noted a
// fact of the whole file (an import, a temp view, code nested too deep) or
// bound a name outside itself (`global`, a walrus in a default) is not
// recorded. The copies come in the walk's order, where it would make them.
void SemanticModel::collectModule(const Collected* earlier) {
  const TSSymbol rootSymbol = ts_node_symbol(root_);
  if (isExpression(rootSymbol) || constructOf(rootSymbol) != Construct::Other) {
    collect(root_, 0, 0);
    return;
  }
  if (earlier) {  // about as many as last time: grown once, not moved while doubling
    scopes_.reserve(earlier->scopes.size() + 8);
    bindings_.reserve(earlier->bindings.size() + 64);
  }
  forEachNamedChild(root_, [&](TSNode statement) {
    const Construct construct = constructOf(ts_node_symbol(statement));
    if (construct != Construct::FunctionDef && construct != Construct::ClassDef) {
      collect(statement, 0, 1);
      return;
    }
    if (earlier && reuseDefinition(statement, *earlier)) return;
    const int scopeBegin = static_cast<int>(scopes_.size());
    const int bindingBegin = static_cast<int>(bindings_.size());
    const std::size_t facts = fileFacts_;
    collect(statement, 0, 1);
    const int scopeEnd = static_cast<int>(scopes_.size());
    const int bindingEnd = static_cast<int>(bindings_.size());
    bool contained = fileFacts_ == facts && bindingEnd > bindingBegin && bindings_[bindingBegin].scope == 0 &&
                     ts_node_eq(bindings_[bindingBegin].value, statement);
    for (int b = bindingBegin + 1; contained && b < bindingEnd; ++b)
      contained = bindings_[b].scope >= scopeBegin;
    for (int k = scopeBegin; contained && k < scopeEnd; ++k)
      contained = scopes_[k].parent == 0 || scopes_[k].parent >= scopeBegin;
    const void* subtree = ts_node_subtree_id(statement);
    if (contained && subtree)
      definitions_[subtree] = Definition{statement, scopeBegin, scopeEnd, bindingBegin, bindingEnd};
  });
}

bool SemanticModel::reuseDefinition(TSNode statement, const Collected& earlier) {
  const void* subtree = ts_node_subtree_id(statement);
  auto found = subtree ? earlier.definitions.find(subtree) : earlier.definitions.end();
  if (found == earlier.definitions.end()) return false;
  const Definition& was = found->second;
  // Only positions are read from the earlier nodes: their TSTree (not the
  // subtrees, which `earlier.tree` keeps) may be gone.
  TSPoint from = ts_node_start_point(was.node), to = ts_node_start_point(statement);
  if (from.column != to.column) return false;
  // The same subtree: the statement is the new node (its parent is new), and
  // every node below it moves by the same bytes and rows.
  const std::int64_t bytes =
      static_cast<std::int64_t>(ts_node_start_byte(statement)) - ts_node_start_byte(was.node);
  const std::int64_t rows = static_cast<std::int64_t>(to.row) - from.row;
  auto moved = [&](TSNode node) {
    if (ts_node_is_null(node)) return node;
    if (ts_node_eq(node, was.node)) return statement;
    node.context[0] = static_cast<std::uint32_t>(node.context[0] + bytes);
    node.context[1] = static_cast<std::uint32_t>(node.context[1] + rows);
    node.tree = root_.tree;
    return node;
  };
  const int scopeShift = static_cast<int>(scopes_.size()) - was.scopeBegin;
  const int bindingShift = static_cast<int>(bindings_.size()) - was.bindingBegin;
  auto copyBinding = [&](const Binding& from) {
    Binding b = from;
    b.pos = static_cast<std::uint32_t>(b.pos + bytes);
    b.value = moved(b.value);
    b.annotation = moved(b.annotation);
    b.state = 0;
    b.cached = Value{};
    return b;
  };
  // Its own binding, in the module scope, first, as collect() makes it.
  addBinding(0, std::string(nodeText(field(statement, "name"), source_)),
             copyBinding(earlier.bindings[was.bindingBegin]));
  for (int k = was.scopeBegin; k < was.scopeEnd; ++k) {
    Scope scope = earlier.scopes[k];
    scope.node = moved(scope.node);
    if (scope.parent >= was.scopeBegin) scope.parent += scopeShift;
    if (scope.classScope >= was.scopeBegin) scope.classScope += scopeShift;
    scope.bindingBase += bindingShift;  // its names are shared, not copied
    scopeByNode_[nodeId(scope.node)] = static_cast<int>(scopes_.size());
    scopes_.push_back(std::move(scope));
  }
  for (int b = was.bindingBegin + 1; b < was.bindingEnd; ++b) {
    Binding binding = copyBinding(earlier.bindings[b]);
    binding.scope += scopeShift;
    bindings_.push_back(std::move(binding));
  }
  definitions_[subtree] = Definition{statement, was.scopeBegin + scopeShift, was.scopeEnd + scopeShift,
                                     was.bindingBegin + bindingShift, was.bindingEnd + bindingShift};
  ++definitionsReused_;
  return true;
}

void SemanticModel::collect(TSNode node, int scope, int depth) {
  if (depth > kMaxDepth) {
    noteTooDeep(node);
    return;
  }
  const TSSymbol symbol = ts_node_symbol(node);
  if (isExpression(symbol) && !mayBindOrCreateView(nodeText(node, source_))) return;
  const Construct construct = constructOf(symbol);
  if (construct == Construct::Import || construct == Construct::ImportFrom) {
    collectImport(node, scope);
    return;
  }
  if (construct == Construct::FunctionDef) {
    Binding b;
    b.pos = ts_node_start_byte(node);
    b.kind = BindKind::Def;
    b.value = node;
    addBinding(scope, std::string(nodeText(field(node, "name"), source_)), std::move(b));
    TSNode ret = field(node, "return_type");
    if (!ts_node_is_null(ret)) collect(ret, scope, depth + 1);
    collectFunction(node, scope, depth + 1);
    return;
  }
  if (construct == Construct::Lambda) {
    collectFunction(node, scope, depth + 1);
    return;
  }
  if (construct == Construct::ClassDef) {
    Binding b;
    b.pos = ts_node_start_byte(node);
    b.kind = BindKind::ClassDef;
    b.value = node;
    addBinding(scope, std::string(nodeText(field(node, "name"), source_)), std::move(b));
    collectClass(node, scope, depth + 1);
    return;
  }
  if (construct == Construct::Global || construct == Construct::Nonlocal) {
    for (std::uint32_t i = 0; i < ts_node_named_child_count(node); ++i) {
      TSNode child = ts_node_named_child(node, i);
      if (isType(child, "identifier") && construct == Construct::Global)
        scopes_[scope].table->globals.insert(std::string(nodeText(child, source_)));
    }
    return;
  }
  if (construct == Construct::Assignment) {
    // Chained assignment a = b = value binds every target to the same value.
    TSNode right = field(node, "right");
    TSNode value = right;
    while (isType(value, "assignment")) value = field(value, "right");
    auto bindLink = [&](TSNode target, TSNode annotation) {
      bindTarget(target, scope, ts_node_end_byte(node),
                 ts_node_is_null(annotation) ? BindKind::Assign : BindKind::Annotated, value, annotation);
      if (isType(target, "attribute") || isType(target, "subscript")) collect(target, scope, depth + 1);
    };
    TSNode annotation = field(node, "type");
    bindLink(field(node, "left"), annotation);
    for (TSNode a = right; isType(a, "assignment"); a = field(a, "right"))
      bindLink(field(a, "left"), field(a, "type"));
    if (!ts_node_is_null(annotation)) collect(annotation, scope, depth + 1);
    if (!ts_node_is_null(value)) collect(value, scope, depth + 1);
    return;
  }
  if (construct == Construct::NamedExpression) {
    TSNode value = field(node, "value");
    bindTarget(field(node, "name"), scope, ts_node_end_byte(node), BindKind::Assign, value, {});
    collect(value, scope, depth + 1);
    return;
  }
  if (construct == Construct::For || construct == Construct::ForInClause) {
    TSNode left = field(node, "left");
    TSNode right = field(node, "right");
    if (!ts_node_is_null(left))
      bindTarget(left, scope, ts_node_start_byte(node), ts_node_is_null(right) ? BindKind::Other : BindKind::Unpacked,
                 right, {}, /*item=*/true);
  }
  if (construct == Construct::AsPattern && isType(parentOf(node), "with_item")) {
    TSNode value = ts_node_named_child(node, 0);
    TSNode alias = field(node, "alias");
    if (!ts_node_is_null(alias) && ts_node_named_child_count(alias) > 0)
      bindTarget(ts_node_named_child(alias, 0), scope, ts_node_end_byte(node), BindKind::Assign, value, {});
  }
  if (construct == Construct::ExceptClause) {
    TSNode alias = field(node, "alias");
    if (!ts_node_is_null(alias) && isType(alias, "identifier"))
      bindTarget(alias, scope, ts_node_start_byte(node), BindKind::Other, {}, {});
  }
  if (construct == Construct::Call) {
    TSNode fn = field(node, "function");
    if (isType(fn, "attribute")) {
      std::string_view method = nodeText(field(fn, "attribute"), source_);
      if (method == "createOrReplaceTempView" || method == "createTempView" ||
          method == "registerTempTable") {
        TSNode args = field(node, "arguments");
        if (!ts_node_is_null(args) && ts_node_named_child_count(args) > 0) {
          TSNode first = ts_node_named_child(args, 0);
          if (isType(first, "string")) {
            tempViews_[stringContent(first, source_)].emplace_back(ts_node_start_byte(first), scope);
            ++fileFacts_;
          }
        }
      }
    }
  }
  forEachNamedChild(node, [&](TSNode child) { collect(child, scope, depth + 1); });
}

// ---------------------------------------------------------------------------
// Lookup

int SemanticModel::scopeOf(TSNode node) const {
  // Scopes are created in source order, so their start bytes are sorted: find
  // the last one starting at or before the node, then climb to the innermost
  // one that really encloses it (the scope's own node belongs to its parent).
  std::uint32_t start = ts_node_start_byte(node), end = ts_node_end_byte(node);
  auto it = std::upper_bound(
      scopes_.begin() + 1, scopes_.end(), start,
      [](std::uint32_t s, const Scope& scope) { return s < ts_node_start_byte(scope.node); });
  int s = static_cast<int>(it - scopes_.begin()) - 1;
  while (s > 0) {
    const Scope& scope = scopes_[s];
    bool encloses = ts_node_start_byte(scope.node) <= start && end <= ts_node_end_byte(scope.node) &&
                    !ts_node_eq(scope.node, node);
    if (encloses) return s;
    s = scope.parent;
  }
  return 0;
}

const SemanticModel::Binding* SemanticModel::lookup(std::string_view name, TSNode at) {
  std::uint32_t pos = ts_node_start_byte(at);
  std::string key(name);
  bool innermost = true;
  for (int s = scopeOf(at); s >= 0;) {
    const Scope& scope = scopes_[s];
    if (!innermost && scope.isClass) {
      s = scope.parent;
      continue;
    }
    if (scope.names().globals.count(key) && s != 0) {
      s = 0;
      innermost = false;
      continue;
    }
    auto it = scope.names().names.find(key);
    if (it != scope.names().names.end() && !it->second.empty()) {
      const auto& ids = it->second;
      // Bindings are recorded in source order: the last one at or before `pos`.
      auto after = std::upper_bound(ids.begin(), ids.end(), pos, [&](std::uint32_t p, int id) {
        return p < bindings_[scope.binding(id)].pos;
      });
      int chosen = after == ids.begin() ? -1 : *(after - 1);
      if (chosen < 0) chosen = innermost && scope.isFunction ? ids.front() : ids.back();
      return &bindings_[scope.binding(chosen)];
    }
    if (s == 0) break;
    s = scope.parent;
    innermost = false;
  }
  return nullptr;
}

int SemanticModel::methodClassScope(TSNode at, std::string_view selfName) {
  const Scope& scope = scopes_[scopeOf(at)];
  if (scope.classScope < 0 || scope.selfName.empty() || scope.selfName != selfName) return -1;
  return scope.classScope;
}

// ---------------------------------------------------------------------------
// Values

Value SemanticModel::valueFromQualname(const std::string& qualname) {
  if (project_ && !isPysparkName(qualname)) {
    Value v = importedValue(qualname);
    if (v.kind != Kind::Unknown) return v;
  }
  std::string canonical = canonicalQualifiedName(qualname);
  if (instanceKindOfClass(canonical) || isKnownClass(canonical)) return Value{Kind::Class, canonical, {}};
  return Value{Kind::Module, canonical, {}};
}

Value SemanticModel::bindingValue(int id) {
  Binding& b = bindings_[id];
  if (b.state == 2) return b.cached;
  if (b.state == 1) return unknown();
  b.state = 1;
  Value v;
  switch (b.kind) {
    case BindKind::Assign:
      v = ts_node_is_null(b.value) ? unknown() : valueOf(b.value);
      break;
    case BindKind::Annotated: {
      Value fromAnnotation = ts_node_is_null(b.annotation) ? unknown() : annotationValue(b.annotation);
      if (isSparkKind(fromAnnotation.kind) || ts_node_is_null(b.value))
        v = fromAnnotation;
      else
        v = valueOf(b.value);
      break;
    }
    case BindKind::Param:
      v = ts_node_is_null(b.annotation) ? conventionalParameter(b.value) : annotationValue(b.annotation);
      if (v.kind == Kind::Unknown && ts_node_is_null(b.annotation)) v = passedValue(b);
      break;
    case BindKind::Self: {
      // An instance of the enclosing class: a Spark kind only when the class
      // subclasses a Spark class.
      v = other();
      TSNode supers = field(b.value, "superclasses");
      for (std::uint32_t i = 0; !ts_node_is_null(supers) && i < ts_node_named_child_count(supers); ++i) {
        if (auto kind = instanceKindOfClass(qualifiedName(ts_node_named_child(supers, i)))) v = ofKind(*kind);
      }
      break;
    }
    case BindKind::Import:
      v = valueFromQualname(b.qualname);
      break;
    case BindKind::Def:
      v = Value{Kind::Function, {}, b.value};
      break;
    case BindKind::ClassDef:
      v = Value{Kind::Class, {}, b.value};
      break;
    case BindKind::Unpacked:
      v = b.item ? itemValue(b.value, b.element) : elementValue(b.value, b.element, 0);
      break;
    case BindKind::Other:
      v = unknown();
      break;
  }
  b.cached = v;
  b.state = 2;
  return v;
}

// An unannotated parameter named `spark`, `sc`, `sqlContext` ... holds what
// the name says (helper modules receive the session this way and often never
// import pyspark), unless its default value says otherwise.
Value SemanticModel::conventionalParameter(TSNode name) {
  auto kind = kindOfConventionalName(nodeText(name, source_));
  if (!kind) return unknown();
  TSNode parent = parentOf(name);
  if (isType(parent, "default_parameter") && !isType(field(parent, "value"), "none")) return unknown();
  return ofKind(*kind);
}

// What the project's callers pass to a parameter of a module-level function
// (project.h): `def export_lines(orders)` called with a DataFrame.
Value SemanticModel::passedValue(const Binding& param) {
  const Scope& scope = scopes_[param.scope];
  if (!project_ || !scope.isFunction || scope.parent != 0 || !isType(scope.node, "function_definition"))
    return unknown();
  std::string_view function = nodeText(field(scope.node, "name"), source_);
  Kind kind = project_->argument(function, param.element, nodeText(param.value, source_));
  return isSparkKind(kind) ? ofKind(kind) : unknown();
}

std::vector<ProjectCall> SemanticModel::projectCalls() {
  std::vector<ProjectCall> out;
  auto argumentKind = [&](TSNode argument) {
    Kind kind = valueOf(argument).kind;
    return kind == Kind::Unknown || isSparkKind(kind) ? kind : Kind::Other;
  };
  static const TSSymbol callSymbol = ts_language_symbol_for_name(pythonLanguage(), "call", 4, true);
  for (const ParentIndex::Node& n : parents_.nodes()) {
    if (n.symbol != callSymbol) continue;
    TSNode node = n.node;
    TSNode function = field(node, "function"), args = field(node, "arguments");
    if (!isType(args, "argument_list")) continue;
    ProjectCall call;
    if (isType(function, "identifier")) {
      const Binding* b = lookup(nodeText(function, source_), function);
      if (b && b->kind == BindKind::Import && !isPysparkName(b->qualname))
        call.qualname = b->qualname;
      else if (b && b->kind == BindKind::Def && b->scope == 0)
        call.function = nodeText(function, source_);
    } else if (isType(function, "attribute") && isType(field(function, "object"), "identifier")) {
      TSNode object = field(function, "object");
      const Binding* b = lookup(nodeText(object, source_), object);
      if (b && b->kind == BindKind::Import && !isPysparkName(b->qualname))
        call.qualname = b->qualname + "." + std::string(nodeText(field(function, "attribute"), source_));
    }
    if (call.qualname.empty() && call.function.empty()) continue;
    bool positional = true;
    forEachNamedChild(args, [&](TSNode a) {
      if (isType(a, "keyword_argument")) {
        call.arguments.keywords[std::string(nodeText(field(a, "name"), source_))] = argumentKind(field(a, "value"));
      } else if (isType(a, "list_splat") || isType(a, "dictionary_splat")) {
        positional = false;
      } else if (positional && !isType(a, "comment")) {
        call.arguments.positional.push_back(argumentKind(a));
      }
    });
    out.push_back(std::move(call));
  }
  return out;
}

Value SemanticModel::valueOf(TSNode expr) {
  if (ts_node_is_null(expr)) return unknown();
  auto it = memo_.find(nodeId(expr));
  if (it != memo_.end()) return it->second;
  if (valueDepth_ >= kChainDepth) {
    // Deep already: evaluate the chain below from its innermost link up, so
    // that computing this node finds every link memoised.
    std::vector<TSNode> chain;
    for (TSNode n = chainChild(expr); !ts_node_is_null(n) && !memo_.count(nodeId(n)); n = chainChild(n))
      chain.push_back(n);
    for (auto link = chain.rbegin(); link != chain.rend(); ++link) valueOf(*link);
  }
  if (valueDepth_ >= kMaxValueDepth) {
    noteTooDeep(expr);
    return unknown();
  }
  memo_[nodeId(expr)] = unknown();  // cycle guard
  ++valueDepth_;
  Value v = compute(expr);
  --valueDepth_;
  memo_[nodeId(expr)] = v;
  return v;
}

// The sub-expression computing `expr` evaluates first: the object of an
// attribute, the callee of a call, the left operand, the value a name was
// last assigned.
TSNode SemanticModel::chainChild(TSNode expr) {
  std::string_view type = nodeType(expr);
  if (type == "attribute") return field(expr, "object");
  if (type == "call") return field(expr, "function");
  if (type == "subscript") return field(expr, "value");
  if (type == "parenthesized_expression" || type == "await" || type == "binary_operator" ||
      type == "boolean_operator" || type == "comparison_operator" || type == "conditional_expression" ||
      type == "not_operator" || type == "unary_operator")
    return ts_node_named_child_count(expr) ? ts_node_named_child(expr, 0) : TSNode{};
  if (type == "identifier") {
    const Binding* b = lookup(nodeText(expr, source_), expr);
    if (b && b->state == 0 && (b->kind == BindKind::Assign || b->kind == BindKind::Annotated)) return b->value;
  }
  return TSNode{};
}

void SemanticModel::noteTooDeep(TSNode node) {
  ++fileFacts_;
  if (ts_node_is_null(tooDeep_) || ts_node_start_byte(node) < ts_node_start_byte(tooDeep_)) tooDeep_ = node;
}

Value SemanticModel::compute(TSNode expr) {
  std::string_view type = nodeType(expr);
  if (type == "identifier") {
    std::string_view name = nodeText(expr, source_);
    if (const Binding* b = lookup(name, expr)) return bindingValue(static_cast<int>(b - bindings_.data()));
    if (notebookGlobals_ || importsPyspark_) {
      if (name == "spark") return ofKind(Kind::SparkSession);
      if (name == "sc") return ofKind(Kind::SparkContext);
      if (name == "sqlContext") return ofKind(Kind::SQLContext);
    }
    for (const auto& module : wildcardModules_) {
      if (!isPysparkName(module)) continue;
      Value v = valueFromQualname(module + "." + std::string(name));
      if (v.kind == Kind::Class || module == "pyspark.sql.functions") return v;
    }
    if (isBuiltinName(name)) return Value{Kind::Module, "builtins." + std::string(name), {}};
    return unknown();
  }
  if (type == "attribute") return attributeValue(expr);
  if (type == "call") return callValue(expr);
  if (type == "parenthesized_expression" || type == "await") {
    return ts_node_named_child_count(expr) ? valueOf(ts_node_named_child(expr, 0)) : unknown();
  }
  if (type == "conditional_expression") {
    Value first = valueOf(ts_node_named_child(expr, 0));
    if (first.kind != Kind::Unknown && first.kind != Kind::Other) return first;
    Value second = valueOf(ts_node_named_child(expr, 2));
    return second.kind == Kind::Unknown ? first : second;
  }
  if (type == "subscript") {
    Value base = valueOf(field(expr, "value"));
    if (base.kind == Kind::Other || base.kind == Kind::Unknown) {
      // An item of a container of Spark objects (`frames["orders"]`).
      std::vector<TSNode> parts;
      containerParts(field(expr, "value"), Part::Value, parts, 0);
      Value item = commonValue(parts);
      if (isSparkKind(item.kind)) return item;
    }
    if (base.kind == Kind::DataFrame) return ofKind(Kind::Column);
    if (base.kind == Kind::JVMView || base.kind == Kind::JavaObject) return base;
    if (base.kind == Kind::Unknown || base.kind == Kind::Module) return unknown();
    return other();
  }
  if (type == "binary_operator" || type == "comparison_operator" || type == "boolean_operator" ||
      type == "unary_operator" || type == "not_operator") {
    for (std::uint32_t i = 0; i < ts_node_named_child_count(expr); ++i)
      if (valueOf(ts_node_named_child(expr, i)).kind == Kind::Column) return ofKind(Kind::Column);
    return other();
  }
  if (type == "lambda") return Value{Kind::Function, {}, expr};
  static const std::unordered_set<std::string_view> literals = {"string",
                                                                "concatenated_string",
                                                                "integer",
                                                                "float",
                                                                "true",
                                                                "false",
                                                                "none",
                                                                "list",
                                                                "dictionary",
                                                                "set",
                                                                "tuple",
                                                                "list_comprehension",
                                                                "dictionary_comprehension",
                                                                "set_comprehension",
                                                                "generator_expression",
                                                                "ellipsis"};
  if (literals.count(type)) return other();
  return unknown();
}

Value SemanticModel::selfAttribute(TSNode object, std::string_view member, TSNode at) {
  int cls = methodClassScope(at, nodeText(object, source_));
  if (cls < 0) return Value{Kind::Unknown, "<no-self>", {}};
  return classMember(cls, member, 0);
}

bool SemanticModel::isProperty(TSNode def) {
  TSNode decorated = parentOf(def);
  bool property = false;
  if (isType(decorated, "decorated_definition"))
    forEachNamedChild(decorated, [&](TSNode child) {
      std::string_view text = nodeText(child, source_);
      property = property || (isType(child, "decorator") &&
                              (text == "@property" || text.substr(text.size() >= 15 ? text.size() - 15 : 0) ==
                                                          "cached_property"));
    });
  return property;
}

// What `self.member` (or `instance.member`) holds for the class opening scope
// `cls`: an attribute its methods assign, a class attribute or method (a
// property's value), else the same member of a base class defined in this file.
Value SemanticModel::classMember(int cls, std::string_view member, int depth) {
  if (cls < 0 || depth > 8) return unknown();
  const Scope& scope = scopes_[cls];
  auto it = scope.names().selfAttributes.find(std::string(member));
  if (it != scope.names().selfAttributes.end()) {
    Value best;
    for (int id : it->second) {
      Value v = bindingValue(scope.binding(id));
      if (isSparkKind(v.kind)) return v;
      if (best.kind == Kind::Unknown) best = v;
    }
    return best;
  }
  auto named = scope.names().names.find(std::string(member));
  if (named != scope.names().names.end() && !named->second.empty()) {
    Value v = bindingValue(scope.binding(named->second.back()));
    if (v.kind == Kind::Function && !ts_node_is_null(v.node) && isProperty(v.node)) return returnValue(v.node);
    return v;
  }
  TSNode supers = field(scope.node, "superclasses");
  for (std::uint32_t i = 0; !ts_node_is_null(supers) && i < ts_node_named_child_count(supers); ++i) {
    TSNode base = ts_node_named_child(supers, i);
    if (!isType(base, "identifier")) continue;
    const Binding* b = lookup(nodeText(base, source_), base);
    if (!b || b->kind != BindKind::ClassDef) continue;
    Value v = classMember(scopeOpenedBy(b->value), member, depth + 1);
    if (v.kind != Kind::Unknown) return v;
  }
  return unknown();
}

Value SemanticModel::importedValue(const std::string& qualname) {
  const ModuleExport* e = project_ ? project_->find(qualname) : nullptr;
  if (!e) return unknown();
  if (e->function) return Value{Kind::Function, qualname, {}};
  return ofKind(e->kind);
}

void SemanticModel::containerParts(TSNode expr, Part part, std::vector<TSNode>& out, int depth) {
  if (ts_node_is_null(expr) || depth > 8) return;
  std::string_view type = nodeType(expr);
  if (type == "identifier") {
    const Binding* b = lookup(nodeText(expr, source_), expr);
    if (b && (b->kind == BindKind::Assign || b->kind == BindKind::Annotated)) containerParts(b->value, part, out, depth + 1);
  } else if (type == "parenthesized_expression") {
    if (ts_node_named_child_count(expr) > 0) containerParts(ts_node_named_child(expr, 0), part, out, depth + 1);
  } else if (type == "list" || type == "tuple" || type == "set" || type == "expression_list") {
    forEachNamedChild(expr, [&](TSNode child) {
      if (!isType(child, "list_splat") && !isType(child, "comment")) out.push_back(child);
    });
  } else if (type == "dictionary") {
    forEachNamedChild(expr, [&](TSNode child) {
      if (isType(child, "pair")) out.push_back(field(child, part == Part::Value ? "value" : "key"));
    });
  } else if (type == "list_comprehension" || type == "set_comprehension" || type == "generator_expression") {
    if (ts_node_named_child_count(expr) > 0) out.push_back(field(expr, "body"));
  } else if (type == "dictionary_comprehension") {
    TSNode pair = field(expr, "body");
    if (isType(pair, "pair")) out.push_back(field(pair, part == Part::Value ? "value" : "key"));
  }
}

Value SemanticModel::commonValue(const std::vector<TSNode>& exprs) {
  if (exprs.empty()) return unknown();
  Value found;
  bool allOther = true;
  for (TSNode e : exprs) {
    Value v = valueOf(e);
    if (isSparkKind(v.kind)) {
      if (isSparkKind(found.kind) && found.kind != v.kind) return unknown();
      found = ofKind(v.kind);
    }
    if (v.kind != Kind::Other) allOther = false;
  }
  if (isSparkKind(found.kind)) return found;
  return allOther ? other() : unknown();
}

// Position `element` of what `expr` evaluates to as a tuple: a tuple literal,
// a name assigned one, or a call of a function that returns one.
Value SemanticModel::elementValue(TSNode expr, int element, int depth) {
  if (ts_node_is_null(expr) || element < 0 || depth > 8) return unknown();
  std::string_view type = nodeType(expr);
  if (type == "tuple" || type == "expression_list" || type == "list" || type == "parenthesized_expression") {
    if (type == "parenthesized_expression")
      return ts_node_named_child_count(expr) ? elementValue(ts_node_named_child(expr, 0), element, depth + 1) : unknown();
    bool starred = false;
    forEachNamedChild(expr, [&](TSNode child) { starred = starred || isType(child, "list_splat"); });
    if (starred || static_cast<std::uint32_t>(element) >= ts_node_named_child_count(expr)) return unknown();
    return valueOf(ts_node_named_child(expr, static_cast<std::uint32_t>(element)));
  }
  if (type == "identifier") {
    const Binding* b = lookup(nodeText(expr, source_), expr);
    if (b && (b->kind == BindKind::Assign || b->kind == BindKind::Annotated))
      return elementValue(b->value, element, depth + 1);
    return unknown();
  }
  if (type == "call") {
    TSNode fn = field(expr, "function");
    Value callee;
    if (isType(fn, "attribute") && isType(field(fn, "object"), "identifier")) {
      Value self = selfAttribute(field(fn, "object"), nodeText(field(fn, "attribute"), source_), expr);
      callee = self.qualname == "<no-self>" ? valueOf(fn) : self;
    } else {
      callee = valueOf(fn);
    }
    if (callee.kind != Kind::Function) return unknown();
    if (ts_node_is_null(callee.node)) {
      const ModuleExport* e = project_ && !callee.qualname.empty() ? project_->find(callee.qualname) : nullptr;
      if (!e || static_cast<std::size_t>(element) >= e->elements.size()) return unknown();
      return ofKind(e->elements[static_cast<std::size_t>(element)]);
    }
    for (TSNode returned : returnedExpressions(callee.node)) {
      Value v = elementValue(returned, element, depth + 1);
      if (isSparkKind(v.kind)) return v;
    }
  }
  return unknown();
}

// What an item of `iterable` holds (its position `element`, when the loop
// unpacks items): `frames.items()`, `.values()`, `.keys()`, `enumerate(x)`,
// `zip(a, b)`, `sorted(x)`, or a container (containerParts).
Value SemanticModel::itemValue(TSNode iterable, int element) {
  if (isType(iterable, "call")) {
    TSNode fn = field(iterable, "function");
    TSNode args = field(iterable, "arguments");
    auto argument = [&](std::uint32_t i) {
      return !ts_node_is_null(args) && i < ts_node_named_child_count(args) ? ts_node_named_child(args, i) : TSNode{};
    };
    if (isType(fn, "attribute")) {
      std::string_view method = nodeText(field(fn, "attribute"), source_);
      TSNode object = field(fn, "object");
      std::vector<TSNode> parts;
      if (method == "items" && element >= 0) {
        if (element > 1) return unknown();
        containerParts(object, element == 0 ? Part::Key : Part::Value, parts, 0);
        return commonValue(parts);
      }
      if (method == "values" || method == "keys") {
        containerParts(object, method == "values" ? Part::Value : Part::Key, parts, 0);
        if (element < 0) return commonValue(parts);
        for (TSNode part : parts)
          if (Value v = elementValue(part, element, 0); isSparkKind(v.kind)) return v;
        return unknown();
      }
    } else if (isType(fn, "identifier")) {
      std::string_view name = nodeText(fn, source_);
      bool builtin = !lookup(name, fn);
      if (builtin && name == "enumerate") return element == 1 ? itemValue(argument(0), -1) : other();
      if (builtin && name == "zip" && element >= 0) return itemValue(argument(static_cast<std::uint32_t>(element)), -1);
      if (builtin && (name == "sorted" || name == "list" || name == "reversed" || name == "tuple" || name == "set"))
        return itemValue(argument(0), element);
    }
  }
  std::vector<TSNode> parts;
  containerParts(iterable, Part::Element, parts, 0);
  if (element < 0) return commonValue(parts);
  for (TSNode part : parts)
    if (Value v = elementValue(part, element, 0); isSparkKind(v.kind)) return v;
  return unknown();
}

Value SemanticModel::attributeValue(TSNode attr) {
  TSNode object = field(attr, "object");
  std::string_view member = nodeText(field(attr, "attribute"), source_);
  if (isType(object, "identifier")) {
    Value self = selfAttribute(object, member, attr);
    if (self.qualname != "<no-self>") return self;
  }
  Value base = valueOf(object);
  switch (base.kind) {
    case Kind::Module:
      return valueFromQualname(base.qualname + "." + std::string(member));
    case Kind::Class:
      if (!base.qualname.empty()) {
        if (auto kind = classAttributeKind(base.qualname, member)) return ofKind(*kind);
        return Value{Kind::Module, base.qualname + "." + std::string(member), {}};
      }
      return unknown();
    case Kind::Other:
      // An instance of a class defined here: what its methods assigned.
      if (isType(base.node, "class_definition")) {
        Value v = classMember(scopeOpenedBy(base.node), member, 0);
        if (isSparkKind(v.kind)) return v;
      }
      return other();
    case Kind::Unknown:
    case Kind::Function:
      return unknown();
    default:
      if (auto kind = attributeKind(base.kind, member)) return ofKind(*kind);
      return unknown();
  }
}

Value SemanticModel::callValue(TSNode call) {
  TSNode fn = field(call, "function");
  if (isType(fn, "attribute")) {
    TSNode object = field(fn, "object");
    std::string_view method = nodeText(field(fn, "attribute"), source_);
    if (isType(object, "identifier")) {
      int cls = methodClassScope(call, nodeText(object, source_));
      if (cls >= 0) {
        const Scope& scope = scopes_[cls];
        auto it = scope.names().names.find(std::string(method));
        if (it != scope.names().names.end() && !it->second.empty()) {
          Value target = bindingValue(scope.binding(it->second.back()));
          if (target.kind == Kind::Function) return returnValue(target.node);
        }
        return unknown();
      }
    }
    Value base = valueOf(object);
    switch (base.kind) {
      case Kind::Module: {
        std::string full = canonicalQualifiedName(base.qualname + "." + std::string(method));
        if (auto kind = instanceKindOfClass(full)) return ofKind(*kind);
        if (isKnownClass(full)) return other();
        if (auto kind = moduleFunctionResult(full)) return ofKind(*kind);
        if (isForeignLibrary(full)) return other();
        if (Value v = importedValue(full); v.kind == Kind::Function) return exportedResult(v);
        return unknown();
      }
      case Kind::Class:
        if (!base.qualname.empty()) {
          if (auto kind = classMethodResult(base.qualname, method)) return ofKind(*kind);
        }
        return unknown();
      case Kind::Other:
        // A method of a class defined here.
        if (isType(base.node, "class_definition")) {
          Value m = classMember(scopeOpenedBy(base.node), method, 0);
          if (m.kind == Kind::Function && !ts_node_is_null(m.node)) {
            Value r = returnValue(m.node);
            if (isSparkKind(r.kind)) return r;
          }
        }
        return other();
      case Kind::Unknown:
      case Kind::Function:
        return unknown();
      default:
        if (auto kind = methodResult(base.kind, method)) return ofKind(*kind);
        return unknown();
    }
  }
  Value callee = valueOf(fn);
  switch (callee.kind) {
    case Kind::Class:
      if (!callee.qualname.empty()) {
        if (auto kind = instanceKindOfClass(callee.qualname)) return ofKind(*kind);
        return other();
      }
      if (!ts_node_is_null(callee.node)) {
        // A local class: a Spark kind only when it subclasses a Spark class.
        TSNode supers = field(callee.node, "superclasses");
        for (std::uint32_t i = 0; !ts_node_is_null(supers) && i < ts_node_named_child_count(supers); ++i) {
          std::string q = qualifiedName(ts_node_named_child(supers, i));
          if (auto kind = instanceKindOfClass(q)) return ofKind(*kind);
        }
        return Value{Kind::Other, {}, callee.node};  // an instance of a local class
      }
      return other();
    case Kind::Module:
      if (auto kind = moduleFunctionResult(callee.qualname)) return ofKind(*kind);
      if (callee.qualname == "functools.reduce") {
        // reduce(f, frames): what the items are (a union of DataFrames is
        // one), or what f's class makes (reduce(DataFrame.union, stages));
        // otherwise what f returns, which is not known here.
        TSNode args = field(call, "arguments");
        if (ts_node_is_null(args) || ts_node_named_child_count(args) < 2) return unknown();
        Value item = itemValue(ts_node_named_child(args, 1), -1);
        if (isSparkKind(item.kind)) return item;
        TSNode f = ts_node_named_child(args, 0);
        if (isType(f, "attribute"))
          if (auto kind = instanceKindOfClass(qualifiedName(field(f, "object")))) return ofKind(*kind);
        return unknown();
      }
      if (isForeignLibrary(callee.qualname)) return other();
      return unknown();
    case Kind::Function:
      return ts_node_is_null(callee.node) ? exportedResult(callee) : returnValue(callee.node);
    case Kind::Other:
      return other();
    default:
      return unknown();
  }
}

// What calling a function another module of the project exports returns.
Value SemanticModel::exportedResult(const Value& function) {
  const ModuleExport* e = project_ && !function.qualname.empty() ? project_->find(function.qualname) : nullptr;
  return e && e->function ? ofKind(e->kind) : unknown();
}

Value SemanticModel::returnValue(TSNode def) {
  if (ts_node_is_null(def)) return unknown();
  if (isType(def, "lambda")) return valueOf(field(def, "body"));
  const void* id = nodeId(def);
  auto state = returnState_.find(id);
  if (state != returnState_.end()) return state->second == 2 ? returnMemo_[id] : unknown();
  returnState_[id] = 1;
  Value result;
  TSNode annotation = field(def, "return_type");
  if (!ts_node_is_null(annotation)) {
    result = annotationValue(annotation);
  } else {
    bool allOther = true;
    std::vector<TSNode> returned = returnedExpressions(def);
    for (TSNode expr : returned) {
      if (ts_node_is_null(expr)) continue;  // a bare `return`
      Value v = valueOf(expr);
      if (isSparkKind(v.kind)) {
        result = v;
        break;
      }
      if (v.kind != Kind::Other) allOther = false;
    }
    if (!isSparkKind(result.kind)) result = (returned.empty() || allOther) ? other() : unknown();
  }
  returnState_[id] = 2;
  returnMemo_[id] = result;
  return result;
}

std::vector<TSNode> SemanticModel::returnedExpressions(TSNode def) {
  // A @contextmanager generator: `with f() as x` binds what it yields.
  TSNode decorated = parentOf(def);
  bool contextManager = false;
  if (isType(decorated, "decorated_definition"))
    forEachNamedChild(decorated, [&](TSNode child) {
      std::string_view text = nodeText(child, source_);
      if (isType(child, "decorator") && text.size() >= 14 && text.substr(text.size() - 14) == "contextmanager")
        contextManager = true;
    });
  std::vector<TSNode> out;
  std::function<void(TSNode, int)> visit = [&](TSNode node, int depth) {
    if (depth > kMaxDepth) return;
    std::string_view type = nodeType(node);
    if (type == "function_definition" || type == "lambda" || type == "class_definition") return;
    if (type == "return_statement" || (type == "yield" && contextManager)) {
      out.push_back(ts_node_named_child_count(node) ? ts_node_named_child(node, 0) : TSNode{});
      return;
    }
    forEachNamedChild(node, [&](TSNode child) { visit(child, depth + 1); });
  };
  if (!ts_node_is_null(def)) visit(field(def, "body"), 0);
  return out;
}

std::vector<std::string> SemanticModel::importQualnames() const {
  std::vector<std::string> out;
  for (const auto& b : bindings_)
    if (b.kind == BindKind::Import) out.push_back(b.qualname);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<std::pair<std::string, ModuleExport>> SemanticModel::moduleExports() {
  std::vector<std::pair<std::string, ModuleExport>> out;
  for (const auto& [name, ids] : scopes_[0].names().names) {
    if (ids.empty()) continue;
    int id = scopes_[0].binding(ids.back());
    const Binding& b = bindings_[id];
    ModuleExport e;
    if (b.kind == BindKind::Def) {
      e.function = true;
      Value r = returnValue(b.value);
      if (isSparkKind(r.kind)) {
        e.kind = r.kind;
      } else {
        for (TSNode returned : returnedExpressions(b.value)) {
          if (!isType(returned, "tuple") && !isType(returned, "expression_list")) continue;
          std::vector<Kind> kinds;
          bool any = false;
          for (std::uint32_t i = 0; i < ts_node_named_child_count(returned); ++i) {
            Kind k = elementValue(returned, static_cast<int>(i), 0).kind;
            any = any || isSparkKind(k);
            kinds.push_back(isSparkKind(k) ? k : Kind::Unknown);
          }
          if (any) {
            e.elements = std::move(kinds);
            break;
          }
        }
      }
    } else if (b.kind == BindKind::Import) {
      if (isPysparkName(b.qualname) || !project_ || !project_->find(b.qualname)) continue;
      e.reexport = b.qualname;
    } else if (b.kind == BindKind::ClassDef) {
      continue;
    } else {
      Kind k = bindingValue(id).kind;
      e.kind = isSparkKind(k) ? k : Kind::Unknown;
    }
    out.emplace_back(name, std::move(e));
  }
  return out;
}

Value SemanticModel::annotationValue(TSNode annotation) {
  TSNode node = annotation;
  if (isType(node, "type") && ts_node_named_child_count(node) > 0) node = ts_node_named_child(node, 0);
  std::string_view type = nodeType(node);
  static const std::unordered_map<std::string_view, Kind> bareNames = {
      {"SparkSession", Kind::SparkSession},
      {"DataFrame", Kind::DataFrame},
      {"SparkContext", Kind::SparkContext},
      {"SQLContext", Kind::SQLContext},
      {"HiveContext", Kind::HiveContext},
      {"Column", Kind::Column},
      {"RDD", Kind::RDD},
      {"SparkConf", Kind::SparkConf},
      {"Broadcast", Kind::Broadcast},
      {"StreamingContext", Kind::StreamingContext},
      {"DataFrameReader", Kind::DataFrameReader},
      {"DataFrameWriter", Kind::DataFrameWriter}};
  if (type == "identifier" || type == "attribute") {
    std::string q = qualifiedName(node);
    if (!q.empty()) {
      if (auto kind = instanceKindOfClass(q)) return ofKind(*kind);
      return isPysparkName(q) ? unknown() : other();
    }
    std::string_view text = nodeText(node, source_);
    std::string_view last = text.substr(text.rfind('.') == std::string_view::npos ? 0 : text.rfind('.') + 1);
    if (auto it = bareNames.find(last); it != bareNames.end()) {
      // A name that resolves to a local definition is not pyspark's.
      if (type == "identifier" && lookup(text, node)) return other();
      return ofKind(it->second);
    }
    return isBuiltinName(text) ? other() : unknown();
  }
  if (type == "string") {
    std::string content = stringContent(node, source_);
    // Take the identifiers of the string annotation in order; the first one
    // that names a Spark class wins (handles "Optional[DataFrame]").
    std::string token;
    for (std::size_t i = 0; i <= content.size(); ++i) {
      char c = i < content.size() ? content[i] : ' ';
      if (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.') {
        token += c;
        continue;
      }
      if (!token.empty()) {
        std::string_view last = token;
        if (auto dot = last.rfind('.'); dot != std::string_view::npos) last = last.substr(dot + 1);
        if (auto it = bareNames.find(last); it != bareNames.end()) return ofKind(it->second);
        token.clear();
      }
    }
    return unknown();
  }
  if (type == "generic_type" || type == "subscript") {
    std::string_view text = nodeText(node, source_);
    bool wrapper = text.rfind("Optional", 0) == 0 || text.rfind("Union", 0) == 0 ||
                   text.rfind("typing.Optional", 0) == 0 || text.rfind("typing.Union", 0) == 0;
    if (!wrapper) return other();
    Value found = other();
    visitTree(node, [&](TSNode n) {
      if (isSparkKind(found.kind)) return false;
      std::string_view t = nodeType(n);
      if (!ts_node_eq(n, node) && (t == "identifier" || t == "attribute" || t == "string")) {
        Value v = annotationValue(n);
        if (isSparkKind(v.kind)) found = v;
        return false;
      }
      return true;
    });
    return found;
  }
  if (type == "binary_operator") {
    for (TSNode side : {field(node, "left"), field(node, "right")}) {
      Value v = annotationValue(side);
      if (isSparkKind(v.kind)) return v;
    }
    return other();
  }
  if (type == "none") return other();
  return unknown();
}

std::string SemanticModel::qualifiedName(TSNode expr) {
  // Only chains whose head is an imported name (or a wildcard-imported one)
  // can resolve; most expressions are not, and are rejected cheaply.
  TSNode head = expr;
  while (isType(head, "attribute")) head = field(head, "object");
  if (!isType(head, "identifier")) return {};
  if (wildcardModules_.empty() && !importedNames_.count(std::string(nodeText(head, source_)))) return {};
  auto memo = qualnameMemo_.find(nodeId(expr));
  if (memo != qualnameMemo_.end()) return memo->second;
  if (qualnameDepth_ >= kMaxValueDepth) return {};  // no module path is that long
  ++qualnameDepth_;
  std::string result = resolveQualifiedName(expr);
  --qualnameDepth_;
  qualnameMemo_.emplace(nodeId(expr), result);
  return result;
}

std::string SemanticModel::resolveQualifiedName(TSNode expr) {
  if (isType(expr, "identifier")) {
    const Binding* b = lookup(nodeText(expr, source_), expr);
    if (b && b->kind == BindKind::Import) return b->qualname;
    if (!b) {
      std::string name(nodeText(expr, source_));
      for (const auto& module : wildcardModules_)
        if (isPysparkName(module)) {
          Value v = valueFromQualname(module + "." + name);
          if (v.kind == Kind::Class) return v.qualname;
        }
    }
    return {};
  }
  if (isType(expr, "attribute")) {
    std::string base = qualifiedName(field(expr, "object"));
    if (base.empty()) return {};
    return canonicalQualifiedName(base + "." + std::string(nodeText(field(expr, "attribute"), source_)));
  }
  return {};
}

// ---------------------------------------------------------------------------
// Bindings and scopes, for analyses built on the model

namespace {
TSNode resolveDefinition(TSNode node) {
  if (isType(node, "decorated_definition")) return field(node, "definition");
  return node;
}
}  // namespace

std::optional<SemanticModel::BindingRef> SemanticModel::bindingOf(TSNode identifier) {
  if (!isType(identifier, "identifier")) return std::nullopt;
  const Binding* b = lookup(nodeText(identifier, source_), identifier);
  if (!b) return std::nullopt;
  return BindingRef{static_cast<int>(b - bindings_.data()), b->kind, b->value, b->scope, b->annotation};
}

int SemanticModel::scopeOpenedBy(TSNode node) const {
  auto it = scopeByNode_.find(nodeId(node));
  return it == scopeByNode_.end() ? -1 : it->second;
}

bool SemanticModel::scopeInside(int scope, int outer) const {
  for (int s = scope; s >= 0; s = scopes_[s].parent)
    if (s == outer) return true;
  return false;
}

const std::vector<std::pair<std::uint32_t, int>>& SemanticModel::tempViewCreations(std::string_view name) const {
  static const std::vector<std::pair<std::uint32_t, int>> none;
  auto it = tempViews_.find(std::string(name));
  return it == tempViews_.end() ? none : it->second;
}

std::vector<std::pair<std::string_view, std::size_t>> SemanticModel::tempViewCounts() const {
  std::vector<std::pair<std::string_view, std::size_t>> views;
  for (const auto& [view, uses] : tempViews_) {
    std::size_t atModule = 0;
    for (const auto& use : uses) atModule += use.second == 0;
    views.emplace_back(view, uses.size() * 65536 + atModule);
  }
  std::sort(views.begin(), views.end());
  return views;
}

TSNode SemanticModel::definitionOf(TSNode function) {
  TSNode def = resolveDefinition(function);
  if (isType(def, "identifier")) {
    const Binding* b = lookup(nodeText(def, source_), def);
    if (!b || b->kind != BindKind::Def) return TSNode{};
    def = b->value;
  }
  if (!isType(def, "lambda") && !isType(def, "function_definition")) return TSNode{};
  return def;
}

bool SemanticModel::isUnboundName(TSNode name) {
  if (!isType(name, "identifier")) return false;
  if (lookup(nodeText(name, source_), name)) return false;
  for (const auto& module : wildcardModules_)
    if (!isPysparkName(module)) return false;
  return true;
}

namespace {
bool contains(TSNode outer, std::uint32_t offset) {
  return ts_node_start_byte(outer) <= offset && offset < ts_node_end_byte(outer);
}

const char kDefaultSession = 0;  // what `builder.getOrCreate()` returns
}  // namespace

const void* SemanticModel::sessionOrigin(TSNode expr, TSNode within, int depth) {
  if (ts_node_is_null(expr) || depth > 64) return nullptr;
  std::string_view type = nodeType(expr);
  if (type == "parenthesized_expression")
    return ts_node_named_child_count(expr) ? sessionOrigin(ts_node_named_child(expr, 0), within, depth + 1)
                                           : nullptr;
  if (type == "identifier") {
    const Binding* b = lookup(nodeText(expr, source_), expr);
    if (!b) return nullptr;
    if (b->kind == BindKind::Param) return kindOf(expr) == Kind::Other ? nullptr : b;
    // Followed only inside `within`, so a finding depends on one statement.
    if ((b->kind == BindKind::Assign || b->kind == BindKind::Annotated) && !ts_node_is_null(b->value) &&
        contains(within, ts_node_start_byte(b->value)))
      return sessionOrigin(b->value, within, depth + 1);
    return nullptr;
  }
  if (type != "call" && type != "attribute") return nullptr;
  TSNode member = type == "call" ? field(expr, "function") : expr;
  if (!isType(member, "attribute")) return nullptr;
  TSNode object = field(member, "object");
  std::string_view name = nodeText(field(member, "attribute"), source_);
  Kind objectKind = kindOf(object);
  if (type == "call" && objectKind == Kind::Builder) {
    if (name == "create") return nodeId(expr);
    if (name == "getOrCreate") return &kDefaultSession;
    return nullptr;
  }
  if (type == "call" && objectKind == Kind::SparkSession && (name == "newSession" || name == "cloneSession"))
    return nodeId(expr);
  // DataFrames, readers and grouped data keep the session they came from.
  if (isSessionBound(objectKind) && isSessionBound(kindOf(expr))) return sessionOrigin(object, within, depth + 1);
  return nullptr;
}
// ---------------------------------------------------------------------------
// What incremental analysis compares (checker.cpp digests it)

std::vector<SemanticModel::BindingSite> SemanticModel::bindingSites() const {
  std::vector<BindingSite> out;
  for (std::size_t s = 0; s < scopes_.size(); ++s)
    for (const auto& [name, ids] : scopes_[s].names().names)
      for (int id : ids) out.push_back({name, bindings_[scopes_[s].binding(id)].pos, s == 0});
  return out;
}

std::vector<SemanticModel::BindingRef> SemanticModel::moduleBindings(std::string_view name) {
  std::vector<BindingRef> out;
  const Scope& module = scopes_[0];
  auto it = module.names().names.find(std::string(name));
  if (it == module.names().names.end()) return out;
  for (int stored : it->second) {
    const int id = module.binding(stored);
    const Binding& b = bindings_[id];
    out.push_back({id, b.kind, b.value, b.scope, b.annotation});
  }
  return out;
}

std::vector<std::string_view> SemanticModel::importedNames() const {
  std::vector<std::string_view> names(importedNames_.begin(), importedNames_.end());
  std::sort(names.begin(), names.end());
  return names;
}

// ---------------------------------------------------------------------------
// File-wide queries, noted in the active recording.

std::uint64_t nameHash(std::string_view name) {
  return support::hashBytes(name);
}

namespace {
void addSorted(std::vector<std::uint64_t>& list, std::uint64_t value) {
  auto at = std::lower_bound(list.begin(), list.end(), value);
  if (at == list.end() || *at != value) list.insert(at, value);
}
}  // namespace

SemanticModel::Recording::Recording(SemanticModel& model, FileLookups& into)
    : model_(model), previous_(model.recording_) {
  model.recording_ = &into;
}

SemanticModel::Recording::~Recording() {
  model_.recording_ = previous_;
}

const std::vector<TSNode>& SemanticModel::references(std::string_view name) {
  if (recording_) addSorted(recording_->references, nameHash(name));
  return parents_.references(source_, name);
}

const std::vector<SemanticModel::Assignment>& SemanticModel::assignmentsTo(std::string_view name) {
  if (recording_) addSorted(recording_->bindings, nameHash(name));
  auto cached = assignments_.find(name);
  if (cached != assignments_.end()) return cached->second;
  const auto& references = parents_.references(source_, name);
  static const std::vector<Assignment> kNone;
  if (references.empty()) return kNone;
  // Keyed by the text of a reference: it lives as long as the model.
  auto& out = assignments_[nodeText(references.front(), source_)];
  for (TSNode id : references) {
    TSNode assignment = parentOf(id);
    if (!isType(assignment, "assignment") || !ts_node_eq(field(assignment, "left"), id)) continue;
    out.push_back({id, field(assignment, "right"), enclosingFunction(assignment)});
  }
  return out;
}

std::vector<std::uint32_t> SemanticModel::textOccurrences(std::string_view needle) {
  if (recording_ && std::find(recording_->texts.begin(), recording_->texts.end(), needle) == recording_->texts.end())
    recording_->texts.emplace_back(needle);
  std::vector<std::uint32_t> out;
  if (needle.empty()) return out;
  for (std::size_t at = source_.find(needle); at != std::string_view::npos; at = source_.find(needle, at + 1))
    out.push_back(static_cast<std::uint32_t>(at));
  return out;
}

TSNode SemanticModel::nodeAt(std::uint32_t offset) {
  return descendantAt(root_, offset);
}

std::uint32_t SemanticModel::importInsertionPoint() {
  if (recording_) recording_->importPoint = true;
  return analysis::importInsertionPoint(root_, source_);
}

ImportInsertion SemanticModel::placeImport(std::string_view line) {
  if (recording_) recording_->importPoint = true;
  return analysis::placeImport(root_, source_, line);
}

const std::vector<SemanticModel::SessionName>& SemanticModel::sessions() {
  if (recording_) recording_->sessions = true;
  if (sessions_) return *sessions_;
  sessions_.emplace();
  struct Frame {
    TSNode scope, fn;
  };
  const std::vector<ParentIndex::Node>& nodes = parents_.nodes();
  std::vector<Frame> inside(nodes.size());  // per node: the scope around its children
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    TSNode node = nodes[i].node;
    const bool top = nodes[i].parent == ParentIndex::kNoParent;
    const Frame around = top ? Frame{} : inside[nodes[i].parent];
    if (isType(node, "identifier") && !top) {
      TSNode parent = nodes[nodes[i].parent].node;
      std::optional<SessionName::Shape> shape;
      if (isType(parent, "assignment") && ts_node_eq(field(parent, "left"), node)) {
        if (kindOf(field(parent, "right")) == Kind::SparkSession) shape = SessionName::Shape::Assigned;
      } else if (isType(parent, "typed_parameter") || isType(parent, "parameters")) {
        if (kindOf(node) == Kind::SparkSession) shape = SessionName::Shape::Parameter;
      } else if (!(isType(parent, "attribute") && !ts_node_eq(field(parent, "object"), node))) {
        if (kindOf(node) == Kind::SparkSession && !isUnboundName(node)) shape = SessionName::Shape::Used;
      }
      if (shape) sessions_->push_back({node, nodeText(node, source_), *shape, around.scope, around.fn});
    }
    Frame& inner = inside[i];
    inner = around;
    if (isType(node, "function_definition") || isType(node, "lambda"))
      inner = {node, node};
    else if (isType(node, "class_definition"))
      inner.scope = node;
  }
  for (const SessionName& s : *sessions_) sessionsByScope_[s.scope.id].push_back(&s);
  return *sessions_;
}

std::vector<const SemanticModel::SessionList*> SemanticModel::sessionsAround(TSNode fn) {
  sessions();
  std::vector<const SessionList*> out;
  auto add = [&](const void* scope) {
    auto it = sessionsByScope_.find(scope);
    if (it != sessionsByScope_.end()) out.push_back(&it->second);
  };
  add(nullptr);
  for (TSNode scope = fn; !ts_node_is_null(scope); scope = parentOf(scope))
    if (isType(scope, "function_definition") || isType(scope, "lambda") || isType(scope, "class_definition"))
      add(scope.id);
  return out;
}

}  // namespace sparkmigrate::analysis
