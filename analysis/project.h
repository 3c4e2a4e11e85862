// What the other modules of the project being checked export that holds a
// Spark object: a helper module that does `from session import get_spark`
// (or receives frames from `load_orders()` in a sibling module) learns what
// those names hold although it never imports pyspark itself. Built once per
// run from the files being checked (the CLI) or the workspace's files (the
// language server): each module whose text mentions Spark is parsed and the
// semantic model evaluates its module-level functions and variables; rounds
// repeat for modules whose exports depend on other project modules until
// nothing changes. Names are resolved as Python would from the importing
// file's folder: relative imports, then a module beside the importer (the
// script's folder is first on sys.path), then the one module of the project
// whose dotted path ends with the imported name (none when several disagree).
#pragma once

#include "analysis/kinds.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace sparkmigrate::analysis {

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
  // Indexes the given Python files (texts that do not mention Spark export
  // nothing and are not parsed). `jobs` threads evaluate modules in parallel.
  static ProjectIndex build(const std::vector<Source>& sources, unsigned jobs = 1);

  // What the dotted `qualname` (as an import statement in a file of folder
  // `directory` names it: "session.get_spark", ".io.load", "pkg.util.spark")
  // is, or nullptr when no module of the project exports it as a Spark object
  // (or a tuple holding one).
  // `modulesUsed`, when given, collects the keys of the modules consulted.
  const ModuleExport* find(std::string_view directory, std::string_view qualname,
                           std::vector<std::string>* modulesUsed = nullptr) const;
  std::size_t modules() const { return modules_.size(); }
  bool operator==(const ProjectIndex&) const = default;

 private:
  const ModuleExport* resolve(std::string_view directory, std::string_view qualname, int hops,
                              std::vector<std::string>* modulesUsed) const;
  struct Module {
    std::string directory;  // the folder its own imports are resolved from
    std::map<std::string, ModuleExport, std::less<>> names;
    bool operator==(const Module&) const = default;
  };
  // module key (file path without ".py"; a package's folder for __init__.py) -> module
  std::map<std::string, Module, std::less<>> modules_;
};

// The project of a run over `files`: those files and the other Python files in
// their folders (a script checked alone still sees the modules beside it),
// read as discovery reads sources (unreadable ones are left out).
ProjectIndex indexFiles(const std::vector<std::filesystem::path>& files, std::uint64_t maxFileSize,
                        unsigned jobs);

// The project as one file sees it: the index and the file's folder.
// `forFile` makes the view for a file at `path` (any form).

struct ProjectView {
  const ProjectIndex* index = nullptr;
  std::string directory;
  std::vector<std::string>* modulesUsed = nullptr;  // see ProjectIndex::find
  const ModuleExport* find(std::string_view qualname) const {
    return index ? index->find(directory, qualname, modulesUsed) : nullptr;
  }
  static ProjectView forFile(const ProjectIndex* index, const std::filesystem::path& path);
  // A digest of what `qualnames` resolve to (for incremental analysis).
  std::uint64_t digest(const std::vector<std::string>& qualnames) const;
};

}  // namespace sparkmigrate::analysis
