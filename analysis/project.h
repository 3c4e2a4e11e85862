// What the other modules of the project being checked export that holds a
// Spark object: a helper module that does `from session import get_spark`
// (or receives frames from `load_orders()` in a sibling module) learns what
// those names hold although it never imports pyspark itself; and what the
// project's callers pass to a module's functions (`export_lines(orders)`
// called with a DataFrame from main.py). Built once per run from the files
// being checked (the CLI) or the workspace's files (the language server):
// each module whose text mentions Spark, or that callers pass Spark objects
// to, is parsed and the semantic model evaluates its module-level functions,
// variables and calls; rounds repeat for modules whose exports or arguments
// depend on other project modules until nothing changes. Names are resolved
// as Python would from the importing file's folder: relative imports, then a
// module beside the importer (the script's folder is first on sys.path), then
// the one module of the project whose dotted path ends with the imported name
// (none when several disagree).
#pragma once

#include "analysis/kinds.h"
#include "analysis/syntax.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sparkmigrate::analysis {

class SemanticModel;

// What the project's callers pass to a module's function: for each
// positional index and each keyword name, the Spark kind every caller that
// can be read agrees on (Unknown: none seen; Other: callers disagree or pass
// something else).
struct CallArguments {
  std::vector<Kind> positional;
  std::map<std::string, Kind, std::less<>> keywords;
  void merge(const CallArguments& other);
  bool operator==(const CallArguments&) const = default;
};

// A call, in one module, of a function a module of the project defines.
struct ProjectCall {
  std::string qualname;  // as the caller's import names it ("checks.export_lines"); empty: its own
  std::string function;  // a function of the caller's own module (qualname empty)
  CallArguments arguments;
};

struct ModuleExport {
  bool function = false;       // a function: `kind` is what calling it returns
  Kind kind = Kind::Unknown;   // a Spark kind, or Unknown (not a Spark object, or not known)
  std::vector<Kind> elements;  // a function returning a tuple: each element's kind
  std::string reexport;        // an imported name, passed on: the dotted name it imports
  bool operator==(const ModuleExport&) const = default;
};

class ProjectIndex {
 public:
  struct Source {
    std::string path;  // absolute, lexically normal
    std::string text;
  };
  // Indexes the given Python files. A text that does not mention Spark is
  // parsed only when callers pass it Spark objects, or it names a module
  // whose exports changed. `jobs` threads evaluate modules in parallel. With
  // `keepTrees`, the trees parsed and the semantic models last made of them
  // are kept for takeParsed (as many as kKeptTreeSourceBytes of source), so
  // a run does not parse a file, or walk its tree to model it, twice.
  static ProjectIndex build(const std::vector<Source>& sources, unsigned jobs = 1, bool keepTrees = false);

  // A module's tree as build parsed it and the semantic model build last
  // evaluated the module with (released: SemanticModel::adopt it before use;
  // checkDocument does). The model goes before the tree it points into.
  struct Parsed {
    TreePtr tree;
    std::unique_ptr<SemanticModel> model;
    Parsed();
    Parsed(Parsed&&) noexcept;
    Parsed& operator=(Parsed&&) noexcept;
    ~Parsed();
  };
  // What build parsed for `module` (a key) when it was parsed from exactly
  // `text`, handed over once; otherwise empty. Thread-safe.
  Parsed takeParsed(std::string_view module, std::string_view text) const;
  static constexpr std::size_t kKeptTreeSourceBytes = 16u << 20;

  // What the dotted `qualname` (as an import statement in a file of folder
  // `directory` names it: "session.get_spark", ".io.load", "pkg.util.spark")
  // is, or nullptr when no module of the project exports it as a Spark object
  // (or a tuple holding one).
  // `modulesUsed`, when given, collects the keys of the modules consulted.
  const ModuleExport* find(std::string_view directory, std::string_view qualname,
                           std::vector<std::string>* modulesUsed = nullptr) const;
  // The kind the project's callers pass to parameter `name` (at `position`
  // among the positional ones, or -1) of function `function` of the module
  // `module` (a key, ProjectView::module), or Unknown.
  Kind argument(std::string_view module, std::string_view function, int position, std::string_view name) const;
  // Whether `module` (a key) was analysed: it mentions Spark, callers pass it
  // Spark objects, or it imports what another module's Spark exports are.
  bool analysed(std::string_view module) const;
  // A digest of what callers pass to the functions of `module`.
  std::uint64_t argumentsDigest(std::string_view module) const;
  // The modules whose text was analysed (those that mention Spark or receive
  // Spark objects from callers).
  std::size_t modules() const;
  bool operator==(const ProjectIndex&) const = default;

 private:
  const ModuleExport* resolve(std::string_view directory, std::string_view qualname, int hops,
                              std::vector<std::string>* modulesUsed) const;
  // The module key and function name a call of `qualname` from `directory`
  // reaches (one module, no re-exports followed), or an empty key.
  std::pair<std::string, std::string> target(std::string_view directory, std::string_view qualname) const;
  // The keys of the modules an import of dotted `module` from `directory` may
  // mean: one (relative, or beside the importer) or all that end with it.
  std::vector<std::string> candidates(std::string_view directory, std::string_view module) const;
  struct Module {
    std::string directory;  // the folder its own imports are resolved from
    bool analysed = false;
    std::map<std::string, ModuleExport, std::less<>> names;
    std::map<std::string, CallArguments, std::less<>> arguments;  // function -> what callers pass
    bool operator==(const Module&) const = default;
  };
  // module key (file path without ".py"; a package's folder for __init__.py) -> module
  std::map<std::string, Module, std::less<>> modules_;
  // last component of a module key ("session") -> the keys ending with it
  std::map<std::string, std::vector<std::string>, std::less<>> byName_;
  // Trees and models kept by build for takeParsed: not part of what the index says.
  struct KeptTrees;
  struct KeptTreesHandle {
    std::shared_ptr<KeptTrees> trees;
    bool operator==(const KeptTreesHandle&) const { return true; }
  };
  KeptTreesHandle kept_;
};

// Whether a text mentions Spark at all (a cheap test on the bytes: "park",
// "getOrCreate"); the index analyses such modules without further evidence.
bool mentionsSpark(std::string_view text);

// The project of a run over `files`: those files and the other Python files in
// their folders (a script checked alone still sees the modules beside it),
// read as discovery reads sources (unreadable ones are left out).
// The index keeps the trees it parsed (ProjectIndex::takeParsed).
ProjectIndex indexFiles(const std::vector<std::filesystem::path>& files, std::uint64_t maxFileSize,
                        unsigned jobs);

// The project as one file sees it: the index and the file's folder.
// `forFile` makes the view for a file at `path` (any form).

struct ProjectView {
  const ProjectIndex* index = nullptr;
  std::string directory;
  std::vector<std::string>* modulesUsed = nullptr;  // see ProjectIndex::find
  std::string module;  // the file's own module key
  const ModuleExport* find(std::string_view qualname) const {
    return index ? index->find(directory, qualname, modulesUsed) : nullptr;
  }
  Kind argument(std::string_view function, int position, std::string_view name) const {
    return index ? index->argument(module, function, position, name) : Kind::Unknown;
  }
  bool analysed() const { return index && index->analysed(module); }
  static ProjectView forFile(const ProjectIndex* index, const std::filesystem::path& path);
  // A digest of what `qualnames` resolve to and of what callers pass to the
  // file's own functions (for incremental analysis).
  std::uint64_t digest(const std::vector<std::string>& qualnames) const;
};

}  // namespace sparkmigrate::analysis
