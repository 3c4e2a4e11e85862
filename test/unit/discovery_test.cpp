// Unit tests for file discovery: recursion, default excludes, virtualenvs,
// nested .gitignore rules with negation, configured excludes, missing paths.
#include "analysis/discovery.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <unistd.h>

using namespace sparkmigrate::analysis;
namespace fs = std::filesystem;

TEST_CASE("discovery skips VCS folders, virtualenvs and ignored files") {
  fs::path root = fs::temp_directory_path() / ("sparkmigrate-discovery-" + std::to_string(::getpid()));
  fs::remove_all(root);
  auto write = [&](const std::string& rel, const std::string& text = "") {
    fs::create_directories((root / rel).parent_path());
    std::ofstream(root / rel) << text;
  };
  write(".git/HEAD");
  write(".git/hooks/x.py");
  write(".gitignore", "generated/\n*.gen.py\n!keep.gen.py\n");
  write("src/job.py");
  write("src/notes.txt");
  write("src/stub.pyi");
  write("src/a.gen.py");
  write("src/keep.gen.py");
  write("generated/out.py");
  write("env/pyvenv.cfg");
  write("env/lib/site.py");
  write(".venv/lib/x.py");
  write("pkg/.gitignore", "/local.py\n");
  write("pkg/local.py");
  write("pkg/sub/local.py");
  write("pkg/__pycache__/m.py");
  write("vendor/lib.py");
  write("pyproject.toml", "[tool.sparkmigrate]\nextend-exclude = [\"vendor\"]\n");

  ConfigResolver resolver;
  auto result = discoverFiles({root.string(), (root / "missing").string()}, resolver);
  std::vector<std::string> found;
  for (const auto& f : result.files) found.push_back(fs::relative(f.path, root).generic_string());
  std::vector<std::string> want = {"pkg/sub/local.py", "src/job.py", "src/keep.gen.py", "src/stub.pyi"};
  CHECK(found == want);
  REQUIRE(result.problems.size() == 1);
  CHECK_THAT(result.problems[0], Catch::Contains("missing: no such file or folder"));

  // A file named explicitly is checked even when ignored.
  auto explicitFile = discoverFiles({(root / "generated/out.py").string()}, resolver);
  CHECK(explicitFile.files.size() == 1);
  fs::remove_all(root);
}
