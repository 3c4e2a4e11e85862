// Light semantic model of one Python file: imports, scopes and bindings, and
// an on-demand inference of the Spark kind of any expression (SparkSession,
// SparkContext, DataFrame, RDD, ...). It understands imports and aliases,
// assignments, builder chains, attribute chains (`spark.sparkContext`,
// `df.rdd`, `self.spark`), parameter and return annotations, functions that
// return Spark objects, tuple unpacking (`spark, sc = make()`), items of
// containers (`frames["orders"]`, `for name, df in frames.items()`),
// properties, attributes of local classes and their bases, what other modules
// of the project export (project.h), and the notebook/shell globals `spark`,
// `sc` and `sqlContext`. Values it cannot see through are Unknown, values it knows are
// not Spark objects are Other: rules use that difference to avoid flagging
// objects that merely share a name (`sc = StandardScaler()`).
//
// Built once per parse; queries are memoised and not thread-safe (one model
// per thread).
#pragma once

#include "analysis/kinds.h"
#include "analysis/project.h"
#include "analysis/syntax.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace sparkmigrate::analysis {

// What a client read of the file outside the code it was looking at, noted by
// the model's file-wide queries while a SemanticModel::Recording is active.
// The incremental checker records this per top-level statement for the fixes
// computed in it, and reuses those fixes only while none of it can have
// changed (see checker.cpp).
struct FileLookups {
  std::vector<std::uint64_t> references;  // name hashes: every reference to the name (references())
  std::vector<std::uint64_t> bindings;    // name hashes: its assignments in any scope (assignmentsTo())
  std::vector<std::string> texts;         // substrings searched for in the whole text (textOccurrences())
  bool sessions = false;                  // the sessions bound or used anywhere (sessions())
  bool importPoint = false;               // where imports are added (importInsertionPoint(), placeImport())
  bool empty() const {
    return references.empty() && bindings.empty() && texts.empty() && !sessions && !importPoint;
  }
};

// The hash under which FileLookups and the incremental checker know a name.
std::uint64_t nameHash(std::string_view name);

struct Value {
  Kind kind = Kind::Unknown;
  std::string qualname;  // Module/Class: canonical dotted name
  TSNode node{};         // Function/local Class: the definition node
};

class SemanticModel {
 public:
  // What a model's walk recorded (scopes and bindings), handed to the model
  // of the document's next version: each top-level function or class whose
  // walk touched nothing outside itself (no import, `global`, temp view or
  // module-level binding in it) and whose subtree the new tree shares is
  // copied from it, moved to where it now stands, instead of walked again.
  // It keeps the tree it was made from alive, so a subtree of the new tree
  // at the same address is the same subtree, with the same descendants.
  struct Collected;

  // `project`, when given, answers what names imported from the project's
  // other modules hold (see project.h); it must outlive the model.
  // `earlier`, when given, is what takeCollected() took from the model of an
  // earlier version of the same document; it must outlive the constructor.
  SemanticModel(std::string_view source, TSNode root, const ProjectView* project = nullptr,
                const Collected* earlier = nullptr);
  SemanticModel(const SemanticModel&) = delete;
  SemanticModel& operator=(const SemanticModel&) = delete;

  std::string_view source() const { return source_; }

  // Hands what the walk recorded over for the model of the next version
  // (`tree` is the tree this model was made from). The model answers no
  // query afterwards: call it last, just before the model goes.
  std::shared_ptr<const Collected> takeCollected(const TSTree* tree);
  // How many top-level definitions were copied from `earlier`.
  std::size_t definitionsReused() const { return definitionsReused_; }

  // A model kept past the code that made it: the project index keeps the
  // model it evaluated a module with, and the check of that file adopts it
  // instead of making another, possibly on another thread. release() stops
  // the model serving parentOf() on the thread that made it (syntax.h's
  // ParentIndex); adopt() makes it the model of `source` (the very bytes it
  // was made from, maybe another copy) under `project`, serving the calling
  // thread, and forgets every value inferred so far, so it answers as a
  // model made afresh would: what its walk recorded (scopes, bindings,
  // imports) depends on the tree alone and is kept.
  void release();
  void adopt(std::string_view source, const ProjectView* project);
  // A Databricks source notebook ("# Databricks notebook source" first line).
  bool isNotebook() const { return notebook_; }
  // A Databricks or Jupyter notebook: `spark`, `sc` and `sqlContext` are globals.
  bool hasNotebookGlobals() const { return notebookGlobals_; }

  // ---- File-wide queries. Code that looks beyond the node it was given
  // (the fix transforms) asks these, never the tree directly: each notes
  // what it read in the active recording, so the incremental checker knows
  // when an answer can have changed.
  //
  // While alive, the model's file-wide queries add what they read to `into`.
  class Recording {
   public:
    Recording(SemanticModel& model, FileLookups& into);
    ~Recording();
    Recording(const Recording&) = delete;
    Recording& operator=(const Recording&) = delete;

   private:
    SemanticModel& model_;
    FileLookups* previous_;
  };
  // Every identifier named `name` that is a reference (not an `x.name`
  // member, not an `f(name=...)` keyword), in document order.
  const std::vector<TSNode>& references(std::string_view name);
  // The `name = value` assignments, in any scope, in document order: the
  // identifier, the value, and the innermost def/lambda around them (null:
  // module level).
  struct Assignment {
    TSNode target, value, fn;
  };
  const std::vector<Assignment>& assignmentsTo(std::string_view name);
  // Where `needle` occurs in the text (byte offsets, in order).
  std::vector<std::uint32_t> textOccurrences(std::string_view needle);
  // The smallest node containing byte `offset` (an offset a query returned).
  TSNode nodeAt(std::uint32_t offset);
  // Calls fn(node, symbol) for the named nodes under `node` in document
  // order until it returns false (ParentIndex::forEachNamedIn): the walk of
  // the whole tree is made once and shared by the model, rule matching and
  // fixes.
  template <typename Fn>
  void forEachNamedIn(TSNode node, Fn&& fn) {
    parents_.forEachNamedIn(node, fn);
  }
  // The named children of `node` that fill a field, with the field, appended
  // to `out` (ParentIndex::fieldChildren).
  void fieldChildren(TSNode node, std::vector<std::pair<TSFieldId, TSNode>>& out) {
    parents_.fieldChildren(node, out);
  }
  // Every identifier that names a SparkSession: assigned one, a parameter
  // typed as one, or a bound name used as one (not `x.name` members), in
  // document order, with what its visibility at a use depends on.
  struct SessionName {
    enum class Shape { Assigned, Parameter, Used };
    TSNode id;
    std::string_view name;
    Shape shape;
    TSNode scope;  // innermost enclosing def/lambda/class (null: module level)
    TSNode fn;     // innermost enclosing def/lambda (null: module level)
  };
  const std::vector<SessionName>& sessions();
  // The sessions() whose scope is module level or encloses `fn` (a def or
  // lambda; null: module level): one list per such scope, each in document
  // order.
  using SessionList = std::vector<const SessionName*>;
  std::vector<const SessionList*> sessionsAround(TSNode fn);
  // Where the imports a fix needs are added (syntax.h's importInsertionPoint
  // and placeImport).
  std::uint32_t importInsertionPoint();
  ImportInsertion placeImport(std::string_view line);

  // The project this file belongs to (null: the file alone), and the dotted
  // names its imports bind, which that project may answer for.
  const ProjectView* project() const { return project_; }
  std::vector<std::string> importQualnames() const;
  // The file imports pyspark (or databricks.connect) somewhere.
  bool importsPyspark() const { return importsPyspark_; }
  // Names bound by `import ... as NAME` / `from ... import X as NAME`, with
  // the last component of what they refer to (NAME -> "SparkContext").
  const std::vector<std::pair<std::string, std::string>>& importAliases() const { return importAliases_; }

  // The inferred value of an expression node. Chains of any length
  // (`df.select(..).select(..)...`, `x2 = x1; x1 = x0; ...`) are evaluated
  // exactly; recursion that still goes deeper than a fixed bound (nesting
  // thousands of levels deep) stops there, the value is Unknown, and
  // tooDeep() tells where.
  Value valueOf(TSNode expr);
  // The first node where the model gave up because the code nests deeper
  // than it descends (null node when it never did).
  TSNode tooDeep() const { return tooDeep_; }
  Kind kindOf(TSNode expr) { return valueOf(expr).kind; }
  // The canonical dotted name an identifier or attribute chain refers to
  // through imports ("pyspark.SparkContext", "pyspark.sql.DataFrame.union"),
  // or "" when it does not resolve to an import.
  std::string qualifiedName(TSNode expr);

  // True when the identifier has no binding visible from it (not assigned,
  // imported, a parameter or a definition anywhere in its scopes) and no
  // wildcard import of a non-pyspark module could provide it.
  bool isUnboundName(TSNode name);

  // ---- Bindings and scopes, for analyses built on the model (the rule
  // predicates in predicates.cpp).
  // Unpacked: one element of a tuple target (`a, b = value`) or an item of
  // the iterable a `for` loop walks (value: the iterable).
  enum class BindingKind { Assign, Annotated, Param, Self, Import, Def, ClassDef, Unpacked, Other };
  struct BindingRef {
    int id;             // for bindingValue
    BindingKind kind;
    TSNode value;       // expression (Assign/Annotated), name (Param), def/class node
    int scope;          // the scope it is made in (0: module)
    TSNode annotation;  // Annotated/Param: the type annotation, if any
  };
  // The binding an identifier refers to where it stands, or nothing.
  std::optional<BindingRef> bindingOf(TSNode identifier);
  // The value a binding holds.
  Value bindingValue(int id);
  // The scope a node is in, the scope a def/lambda/class opens (-1 for other
  // nodes), and whether `scope` is `outer` or nested inside it.
  int scopeOf(TSNode node) const;
  int scopeOpenedBy(TSNode node) const;
  bool scopeInside(int scope, int outer) const;
  // The lambda or def a function expression stands for (itself, a decorated
  // def, or the def a name is bound to), or a null node.
  TSNode definitionOf(TSNode function);
  // Where temp views named `name` are created: (start byte, scope) of each.
  const std::vector<std::pair<std::uint32_t, int>>& tempViewCreations(std::string_view name) const;
  // Which session a session, DataFrame, reader or grouped data comes from (a
  // parameter's binding, the default session, or the call that made a new
  // one), or nullptr when that is not known inside `within`.
  const void* sessionOrigin(TSNode expr, TSNode within, int depth = 0);
  // How deep the model's recursive walks go before they stop.
  static constexpr int kMaxDepth = 1500;

  // What one top-level statement can learn from the others; incremental
  // analysis (checker.cpp) digests and compares these between two versions
  // of a file to decide which statements to analyse again.
  // The module's top-level statements (and comments), in order.
  const std::vector<TSNode>& topLevel() const { return parents_.topLevel(); }
  // Every binding: its name, the byte where it is made, and whether it is at
  // module level (including `global` ones made in functions).
  struct BindingSite {
    std::string_view name;
    std::uint32_t pos;
    bool module;
  };
  std::vector<BindingSite> bindingSites() const;
  // What the module's top-level names hold that other modules may import: for
  // each function what it returns (a Spark kind, a tuple holding some, or
  // Unknown), for each variable what it holds, and the names imported from
  // the project that it passes on.
  std::vector<std::pair<std::string, ModuleExport>> moduleExports();
  // Every call of a function of the project (imported from a non-pyspark
  // module, or defined at this module's top level) with what it passes.
  std::vector<ProjectCall> projectCalls();
  // The module-level bindings of a name, in source order.
  std::vector<BindingRef> moduleBindings(std::string_view name);
  // Every name an import binds anywhere, sorted; the modules of wildcard
  // imports; each temp view name with how often it is created (times 65536)
  // plus how many of those are at module level, sorted by name.
  std::vector<std::string_view> importedNames() const;
  const std::vector<std::string>& wildcardModules() const { return wildcardModules_; }
  std::vector<std::pair<std::string_view, std::size_t>> tempViewCounts() const;

 private:
  using BindKind = BindingKind;
  struct Binding {
    std::uint32_t pos = 0;
    BindKind kind = BindKind::Other;
    TSNode value{};        // expression (Assign/Annotated), name (Param), def/class node
    TSNode annotation{};   // Annotated/Param
    std::string qualname;  // Import
    int element = -1;      // Unpacked: the position in the tuple target, or -1 for the whole item;
                           // Param: its index among the positional parameters, or -1
    bool item = false;     // Unpacked: `value` is an iterable and this binding holds an item of it
    int scope = 0;
    int state = 0;  // 0 new, 1 computing, 2 done
    Value cached;
  };
  // What a scope binds, by name: written while its code is walked, then
  // shared by the later versions of the model that copy its definition
  // (reuseDefinition), which place its binding ids with Scope::bindingBase.
  struct Names {
    std::unordered_map<std::string, std::vector<int>> names;  // -> binding ids (less bindingBase)
    std::unordered_set<std::string> globals;
    // For classes: attributes assigned through `self.x = ...` in methods.
    std::unordered_map<std::string, std::vector<int>> selfAttributes;
  };
  struct Scope {
    TSNode node{};
    int parent = -1;
    bool isClass = false;
    bool isFunction = false;
    std::shared_ptr<Names> table = std::make_shared<Names>();
    int bindingBase = 0;   // what the ids in `table` are offset by in this model
    std::string selfName;  // for methods: the first parameter's name
    int classScope = -1;   // for methods: the scope of the class
    const Names& names() const { return *table; }
    int binding(int id) const { return id + bindingBase; }
  };

  void collectModule(const Collected* earlier);
  bool reuseDefinition(TSNode statement, const Collected& earlier);
  void collect(TSNode node, int scope, int depth);
  void collectFunction(TSNode def, int parentScope, int depth);
  void collectClass(TSNode cls, int parentScope, int depth);
  void bindTarget(TSNode target, int scope, std::uint32_t pos, BindKind kind, TSNode value,
                  TSNode annotation, bool item = false);
  int addBinding(int scope, const std::string& name, Binding binding);
  void collectImport(TSNode node, int scope);

  const Binding* lookup(std::string_view name, TSNode at);
  Value conventionalParameter(TSNode name);
  Value compute(TSNode expr);
  TSNode chainChild(TSNode expr);
  void noteTooDeep(TSNode node);
  Value callValue(TSNode call);
  Value attributeValue(TSNode attr);
  Value annotationValue(TSNode annotation);
  Value returnValue(TSNode def);
  // The expressions `def` returns (and, for a @contextmanager generator, yields).
  std::vector<TSNode> returnedExpressions(TSNode def);
  // Containers and tuples: the expressions a container's items come from, what
  // position `element` of a tuple-valued expression holds, what an item of an
  // iterable holds, and the value shared by a set of expressions.
  enum class Part { Element, Key, Value };
  void containerParts(TSNode expr, Part part, std::vector<TSNode>& out, int depth);
  Value commonValue(const std::vector<TSNode>& exprs);
  Value elementValue(TSNode expr, int element, int depth);
  Value itemValue(TSNode iterable, int element);
  Value importedValue(const std::string& qualname);
  Value passedValue(const Binding& param);
  Value exportedResult(const Value& function);
  Value classMember(int classScope, std::string_view member, int depth);
  bool isProperty(TSNode def);
  Value valueFromQualname(const std::string& qualname);
  std::string resolveQualifiedName(TSNode expr);
  Value selfAttribute(TSNode object, std::string_view member, TSNode at);
  int methodClassScope(TSNode at, std::string_view selfName);

  std::string_view source_;
  TSNode root_;
  const ProjectView* project_ = nullptr;
  ParentIndex parents_;
  bool notebook_ = false;
  bool notebookGlobals_ = false;  // a Databricks or Jupyter notebook: `spark`, `sc`, `sqlContext`
  bool importsPyspark_ = false;
  std::vector<Scope> scopes_;
  std::vector<Binding> bindings_;
  std::unordered_map<const void*, int> scopeByNode_;
  std::unordered_map<const void*, Value> memo_;
  std::unordered_map<const void*, std::string> qualnameMemo_;
  int valueDepth_ = 0;     // valueOf calls on the stack
  int qualnameDepth_ = 0;  // qualifiedName calls on the stack
  TSNode tooDeep_{};       // the first node analysis could not descend into
  TSNode walkTooDeep_{};   // the first node the constructor's walk could not descend into
  std::unordered_set<std::string> importedNames_;  // names bound by an import anywhere
  std::vector<std::pair<std::string, std::string>> importAliases_;
  std::unordered_map<const void*, int> returnState_;
  std::unordered_map<const void*, Value> returnMemo_;
  // view name -> (start byte, scope) of each temp-view creation
  std::unordered_map<std::string, std::vector<std::pair<std::uint32_t, int>>> tempViews_;
  std::vector<std::string> wildcardModules_;
  FileLookups* recording_ = nullptr;
  std::optional<std::vector<SessionName>> sessions_;
  std::unordered_map<const void*, SessionList> sessionsByScope_;  // scope id -> its sessions_ entries
  std::unordered_map<std::string_view, std::vector<Assignment>> assignments_;  // assignmentsTo, per name
  // Where each self-contained top-level definition's scopes and bindings
  // are (its own binding, in the module scope, first), by subtree.
  struct Definition {
    TSNode node;
    int scopeBegin, scopeEnd, bindingBegin, bindingEnd;
  };
  std::unordered_map<const void*, Definition> definitions_;
  std::size_t fileFacts_ = 0;  // facts of the whole file the walk noted (imports, temp views, depth)
  std::size_t definitionsReused_ = 0;

 public:
  struct Collected {
    TreePtr tree;
    std::vector<Scope> scopes;
    std::vector<Binding> bindings;
    std::unordered_map<const void*, Definition> definitions;
  };
};

}  // namespace sparkmigrate::analysis
