// ProjectIndex: module keys from paths, name resolution as Python imports do,
// and the rounds that evaluate each module's exports with the semantic model.
#include "analysis/project.h"

#include "analysis/discovery.h"
#include "analysis/semantic.h"
#include "analysis/syntax.h"
#include "support/hash.h"
#include "support/thread_pool.h"

#include <algorithm>
#include <mutex>
#include <set>
#include <unordered_set>

namespace sparkmigrate::analysis {
namespace {

constexpr int kRounds = 4;    // evaluation rounds at most (chains of helpers this deep settle)
constexpr int kMaxHops = 4;   // re-exports followed at most

std::string_view parentOf(std::string_view path) {
  std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string_view() : path.substr(0, slash);
}

// "/a/b/session.py" -> "/a/b/session"; "/a/b/pkg/__init__.py" -> "/a/b/pkg".
std::string moduleKey(std::string_view path) {
  std::string_view stem = path.substr(0, path.size() - 3);
  if (stem.size() >= 9 && stem.substr(stem.size() - 9) == "/__init__") stem.remove_suffix(9);
  return std::string(stem);
}

bool holdsSpark(const ModuleExport* e) {
  return e && (isSparkKind(e->kind) || !e->elements.empty());
}

// Whether callers pass a Spark object to some parameter of some function.
bool passesSpark(const std::map<std::string, CallArguments, std::less<>>& arguments) {
  for (const auto& [function, a] : arguments) {
    if (std::any_of(a.positional.begin(), a.positional.end(), isSparkKind)) return true;
    for (const auto& [name, kind] : a.keywords)
      if (isSparkKind(kind)) return true;
  }
  return false;
}

// Two callers' kinds of one argument: agreement, or Other.
Kind mergeKind(Kind a, Kind b) {
  if (a == Kind::Unknown) return b;
  if (b == Kind::Unknown) return a;
  return a == b ? a : Kind::Other;
}

}  // namespace

void CallArguments::merge(const CallArguments& other) {
  if (positional.size() < other.positional.size()) positional.resize(other.positional.size(), Kind::Unknown);
  for (std::size_t i = 0; i < other.positional.size(); ++i) positional[i] = mergeKind(positional[i], other.positional[i]);
  for (const auto& [name, kind] : other.keywords) {
    auto [it, added] = keywords.emplace(name, kind);
    if (!added) it->second = mergeKind(it->second, kind);
  }
}

Kind ProjectIndex::argument(std::string_view module, std::string_view function, int position,
                            std::string_view name) const {
  auto m = modules_.find(module);
  if (m == modules_.end()) return Kind::Unknown;
  auto f = m->second.arguments.find(function);
  if (f == m->second.arguments.end()) return Kind::Unknown;
  const CallArguments& a = f->second;
  Kind kind = position >= 0 && static_cast<std::size_t>(position) < a.positional.size() ? a.positional[position]
                                                                                         : Kind::Unknown;
  if (auto k = a.keywords.find(name); k != a.keywords.end()) kind = mergeKind(kind, k->second);
  return isSparkKind(kind) ? kind : Kind::Unknown;
}

std::size_t ProjectIndex::modules() const {
  return static_cast<std::size_t>(
      std::count_if(modules_.begin(), modules_.end(), [](const auto& m) { return m.second.analysed; }));
}

std::vector<std::string> ProjectIndex::candidates(std::string_view directory, std::string_view module) const {
  std::string path;  // the module as a path suffix: "a.b" -> "/a/b"
  std::string_view base = directory;
  std::size_t leading = 0;
  while (leading < module.size() && module[leading] == '.') ++leading;
  for (std::size_t up = 1; up < leading && !base.empty(); ++up) base = parentOf(base);
  for (char c : module.substr(leading)) path += c == '.' ? '/' : c;
  if (!path.empty()) path.insert(path.begin(), '/');
  // Relative import, or a module beside the importer.
  std::string local = std::string(base) + path;
  if (leading > 0) return path.empty() ? std::vector<std::string>{} : std::vector<std::string>{local};
  if (modules_.count(local)) return {local};
  // Elsewhere in the project: the modules whose key ends with the path.
  std::vector<std::string> out;
  auto named = byName_.find(std::string_view(path).substr(path.rfind('/') + 1));
  if (named == byName_.end()) return out;
  for (const std::string& key : named->second)
    if (key.size() >= path.size() && key.compare(key.size() - path.size(), path.size(), path) == 0)
      out.push_back(key);
  return out;
}

std::pair<std::string, std::string> ProjectIndex::target(std::string_view directory, std::string_view qualname) const {
  std::size_t dot = qualname.rfind('.');
  if (dot == std::string_view::npos || dot + 1 == qualname.size()) return {};
  auto keys = candidates(directory, qualname.substr(0, dot));
  if (keys.size() != 1 || !modules_.count(keys[0])) return {};
  return {keys[0], std::string(qualname.substr(dot + 1))};
}

const ModuleExport* ProjectIndex::find(std::string_view directory, std::string_view qualname,
                                       std::vector<std::string>* modulesUsed) const {
  const ModuleExport* e = resolve(directory, qualname, 0, modulesUsed);
  return holdsSpark(e) ? e : nullptr;
}

const ModuleExport* ProjectIndex::resolve(std::string_view directory, std::string_view qualname, int hops,
                                          std::vector<std::string>* modulesUsed) const {
  if (hops > kMaxHops || modules_.empty()) return nullptr;
  std::size_t dot = qualname.rfind('.');
  if (dot == std::string_view::npos || dot + 1 == qualname.size()) return nullptr;
  std::string_view module = qualname.substr(0, dot), name = qualname.substr(dot + 1);
  auto lookIn = [&](const std::string& key) -> const ModuleExport* {
    auto found = modules_.find(key);
    if (found == modules_.end()) return nullptr;
    if (modulesUsed) modulesUsed->push_back(key);
    auto entry = found->second.names.find(name);
    if (entry == found->second.names.end()) return nullptr;
    if (!entry->second.reexport.empty())
      return resolve(found->second.directory, entry->second.reexport, hops + 1, modulesUsed);
    return &entry->second;
  };
  // Of several modules that may be meant, only an answer they all agree on.
  const ModuleExport* answer = nullptr;
  for (const auto& key : candidates(directory, module)) {
    const ModuleExport* e = lookIn(key);
    if (!e) continue;
    if (answer && !(*answer == *e)) return nullptr;
    answer = e;
  }
  return answer;
}

ProjectView ProjectView::forFile(const ProjectIndex* index, const std::filesystem::path& path) {
  std::error_code ec;
  std::filesystem::path absolute = std::filesystem::absolute(path, ec).lexically_normal();
  std::string file = absolute.generic_string();
  bool python = file.size() > 3 && file.compare(file.size() - 3, 3, ".py") == 0;
  return ProjectView{index, absolute.parent_path().generic_string(), nullptr, python ? moduleKey(file) : ""};
}

namespace {

// The last component of a module's dotted name: "session" for .../session.py,
// "pkg" for .../pkg/__init__.py.
std::string_view moduleName(std::string_view path) {
  std::string_view key = path.substr(0, path.size() - 3);
  if (key.size() >= 9 && key.substr(key.size() - 9) == "/__init__") key.remove_suffix(9);
  auto slash = key.rfind('/');
  return slash == std::string_view::npos ? key : key.substr(slash + 1);
}

// Drops the files beside the checked ones that cannot change what the index
// says about them, so a file checked alone does not cost its whole folder. A
// sibling matters when a file that matters names it (it may import it) or it
// names a file that matters (it may import that file and call its functions,
// or re-export its names to one that does); repeated until nothing is added.
// Checking whole folders keeps every file, as all of them are checked (or
// could not be read: then there are fewer sources than checked files).
void keepRelevantSiblings(std::vector<ProjectIndex::Source>& sources, const std::set<std::string>& checked) {
  auto isChecked = [&](const ProjectIndex::Source& s) { return checked.count(s.path) > 0; };
  if (std::all_of(sources.begin(), sources.end(), isChecked)) return;
  std::vector<std::unordered_set<std::string_view>> tokens(sources.size());
  for (std::size_t i = 0; i < sources.size(); ++i)
    forEachToken(sources[i].text, [&](std::string_view token, std::uint32_t) { tokens[i].insert(token); });
  std::vector<char> keep(sources.size());
  std::vector<std::size_t> pending;
  for (std::size_t i = 0; i < sources.size(); ++i)
    if (checked.count(sources[i].path)) {
      keep[i] = 1;
      pending.push_back(i);
    }
  while (!pending.empty()) {
    std::size_t i = pending.back();
    pending.pop_back();
    std::string_view name = moduleName(sources[i].path);
    for (std::size_t j = 0; j < sources.size(); ++j) {
      if (keep[j] || !(tokens[i].count(moduleName(sources[j].path)) || tokens[j].count(name))) continue;
      keep[j] = 1;
      pending.push_back(j);
    }
  }
  // remove_if tests each element where it stands before moving any over it.
  std::erase_if(sources, [&](const ProjectIndex::Source& s) { return !keep[&s - sources.data()]; });
}

}  // namespace

ProjectIndex indexFiles(const std::vector<std::filesystem::path>& files, std::uint64_t maxFileSize,
                        unsigned jobs) {
  namespace fs = std::filesystem;
  std::set<std::string> checked, paths, folders;
  std::error_code ec;
  for (const auto& file : files) {
    fs::path absolute = fs::absolute(file, ec).lexically_normal();
    checked.insert(absolute.generic_string());
    folders.insert(absolute.parent_path().generic_string());
  }
  paths = checked;
  for (const auto& folder : folders) {
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
      if (it->path().extension() == ".py" && it->is_regular_file(ec)) paths.insert(it->path().generic_string());
    }
    ec.clear();
  }
  std::vector<std::string> ordered(paths.begin(), paths.end());
  std::vector<ProjectIndex::Source> sources(ordered.size());
  support::parallelFor(ordered.size(), jobs, [&](std::size_t i) {
    FileText read = readSourceFile(ordered[i], maxFileSize);
    if (read.error.empty()) sources[i] = {ordered[i], std::move(read.text)};
  });
  std::erase_if(sources, [](const ProjectIndex::Source& s) { return s.path.empty(); });
  keepRelevantSiblings(sources, checked);
  return ProjectIndex::build(sources, jobs, /*keepTrees=*/true);
}

std::uint64_t ProjectView::digest(const std::vector<std::string>& qualnames) const {
  std::uint64_t h = 0x9e3779b97f4a7c15ULL;
  for (const auto& q : qualnames) {
    const ModuleExport* e = find(q);
    std::string text = q;
    if (e) {
      text += e->function ? "|f" : "|v";
      text += kindName(e->kind);
      for (Kind k : e->elements) (text += ',') += kindName(k);
    }
    h = support::hashCombine(h, support::hashBytes(text));
  }
  return index ? support::hashCombine(h, index->argumentsDigest(module)) : h;
}

bool mentionsSpark(std::string_view text) {
  return text.find("park") != std::string_view::npos || text.find("getOrCreate") != std::string_view::npos;
}

bool ProjectIndex::analysed(std::string_view module) const {
  auto m = modules_.find(module);
  return m != modules_.end() && m->second.analysed;
}

std::uint64_t ProjectIndex::argumentsDigest(std::string_view module) const {
  auto m = modules_.find(module);
  if (m == modules_.end()) return 0;
  std::string text;
  for (const auto& [function, a] : m->second.arguments) {
    text += function + "(";
    for (Kind k : a.positional) text += std::string(kindName(k)) + ",";
    for (const auto& [name, k] : a.keywords) text += name + "=" + std::string(kindName(k)) + ",";
    text += ")";
  }
  return support::hashBytes(text);
}

struct ProjectIndex::KeptTrees {
  struct Entry {
    std::uint64_t hash = 0;
    std::size_t size = 0;
    Parsed parsed;
  };
  std::mutex mutex;
  std::map<std::string, Entry, std::less<>> trees;  // module key -> tree and model
};

ProjectIndex::Parsed::Parsed() = default;
ProjectIndex::Parsed::Parsed(Parsed&&) noexcept = default;
ProjectIndex::Parsed& ProjectIndex::Parsed::operator=(Parsed&&) noexcept = default;
ProjectIndex::Parsed::~Parsed() = default;

ProjectIndex::Parsed ProjectIndex::takeParsed(std::string_view module, std::string_view text) const {
  if (!kept_.trees) return {};
  std::lock_guard lock(kept_.trees->mutex);
  auto it = kept_.trees->trees.find(module);
  if (it == kept_.trees->trees.end()) return {};
  KeptTrees::Entry entry = std::move(it->second);
  kept_.trees->trees.erase(it);
  if (entry.size != text.size() || entry.hash != support::hashBytes(text)) return {};
  return std::move(entry.parsed);
}

ProjectIndex ProjectIndex::build(const std::vector<Source>& sources, unsigned jobs, bool keepTrees) {
  struct Module {
    const Source* source;
    std::string key;
    TreePtr tree;                   // parsed when first analysed
    std::unique_ptr<SemanticModel> model;  // the last one evaluated, kept (released) with keepTrees
    std::vector<std::string> uses;  // module keys its evaluation consulted
    std::vector<ProjectCall> calls;
    bool dirty;                     // analysed in the next round (first: the texts that mention Spark)
  };
  std::vector<Module> modules;
  for (const auto& source : sources) {
    if (source.path.size() < 3 || source.path.compare(source.path.size() - 3, 3, ".py") != 0) continue;
    modules.push_back({&source, moduleKey(source.path), nullptr, nullptr, {}, {}, mentionsSpark(source.text)});
  }
  ProjectIndex index;
  for (const auto& m : modules)  // known (exporting nothing) before the first round
    index.modules_[m.key].directory = std::string(parentOf(m.source->path));
  for (const auto& entry : index.modules_)
    index.byName_[entry.first.substr(entry.first.rfind('/') + 1)].push_back(entry.first);
  // The tokens of the modules not analysed yet, made when first needed: such
  // a module is analysed once it names a module whose exports changed.
  std::vector<std::unordered_set<std::string_view>> tokens(modules.size());
  std::vector<char> tokenized(modules.size());
  for (int round = 0; round < kRounds; ++round) {
    std::vector<std::map<std::string, ModuleExport, std::less<>>> exports(modules.size());
    support::parallelFor(modules.size(), jobs, [&](std::size_t i) {
      Module& m = modules[i];
      if (!m.dirty) return;
      if (!m.tree) m.tree = parsePython(m.source->text);
      if (!m.tree) return;
      m.uses.clear();
      ProjectView view{&index, std::string(parentOf(m.source->path)), &m.uses, m.key};
      auto model = std::make_unique<SemanticModel>(m.source->text, ts_tree_root_node(m.tree.get()), &view);
      for (auto& [name, e] : model->moduleExports()) exports[i].emplace(std::move(name), std::move(e));
      m.calls = model->projectCalls();
      if (keepTrees) {
        model->release();  // adopted by the check of the file, with its own view
        m.model = std::move(model);
      }
    });
    // Publish the round; a module is evaluated again only when a module it
    // consulted changed what it exports, or its callers what they pass it.
    std::vector<std::string> changed;
    for (std::size_t i = 0; i < modules.size(); ++i) {
      if (!modules[i].dirty) continue;
      auto& slot = index.modules_[modules[i].key];
      slot.analysed = true;
      if (slot.names != exports[i]) {
        slot.names = std::move(exports[i]);
        changed.push_back(modules[i].key);
      }
    }
    std::map<std::string, std::map<std::string, CallArguments, std::less<>>, std::less<>> passed;
    for (const auto& m : modules) {
      for (const auto& call : m.calls) {
        auto [key, function] = call.qualname.empty() ? std::pair{m.key, call.function}
                                                     : index.target(parentOf(m.source->path), call.qualname);
        if (!key.empty()) passed[key][function].merge(call.arguments);
      }
    }
    std::vector<std::string> called;  // modules whose callers now pass something else
    for (auto& [key, module] : index.modules_) {
      auto it = passed.find(key);
      auto now = it == passed.end() ? decltype(module.arguments){} : std::move(it->second);
      if (module.arguments != now) {
        // Evaluated again only when a Spark object is or was among them: what
        // a string or a number passed to the standard library's `getLogger`
        // changes nothing, and must not pull every module it calls into the index.
        if (passesSpark(module.arguments) || passesSpark(now)) called.push_back(key);
        module.arguments = std::move(now);
      }
    }
    if (changed.empty() && called.empty()) break;
    std::unordered_set<std::string_view> changedNames;
    for (const auto& key : changed) changedNames.insert(std::string_view(key).substr(key.rfind('/') + 1));
    for (std::size_t i = 0; i < modules.size(); ++i) {
      Module& m = modules[i];
      bool analysed = index.modules_[m.key].analysed;
      if (!analysed && !changed.empty() && !tokenized[i]) {
        tokenized[i] = 1;
        forEachToken(m.source->text, [&](std::string_view t, std::uint32_t) { tokens[i].insert(t); });
      }
      m.dirty = std::find(called.begin(), called.end(), m.key) != called.end() ||
                // A module not analysed yet may import one that changed (its text names it).
                (!analysed && std::any_of(changedNames.begin(), changedNames.end(),
                                          [&](std::string_view name) { return tokens[i].count(name) > 0; })) ||
                (analysed && std::any_of(changed.begin(), changed.end(), [&](const std::string& key) {
                   return std::find(m.uses.begin(), m.uses.end(), key) != m.uses.end();
                 }));
    }
  }
  if (keepTrees) {
    index.kept_.trees = std::make_shared<KeptTrees>();
    std::size_t bytes = 0;
    for (auto& m : modules) {
      if (!m.tree || (bytes += m.source->text.size()) > kKeptTreeSourceBytes) continue;
      auto& entry = index.kept_.trees->trees[m.key];
      entry = {support::hashBytes(m.source->text), m.source->text.size(), {}};
      entry.parsed.tree = std::move(m.tree);
      entry.parsed.model = std::move(m.model);
    }
  }
  return index;
}

}  // namespace sparkmigrate::analysis
