// Unit tests for file discovery: recursion, default excludes, virtualenvs,
// nested .gitignore rules with negation, configured excludes, missing paths,
// the tree each file was found under; and reading: regular files only, the
// size limit, binary and non-UTF-8 text.
#include "analysis/discovery.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sys/stat.h>
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
  CHECK_THAT(result.problems[0].str(), Catch::EndsWith("missing: no such file or folder"));
  for (const auto& f : result.files) CHECK(f.tree == root);

  // A file named explicitly is checked even when ignored; its tree is its folder.
  auto explicitFile = discoverFiles({(root / "generated/out.py").string()}, resolver);
  REQUIRE(explicitFile.files.size() == 1);
  CHECK(explicitFile.files[0].tree == root / "generated");
  fs::remove_all(root);
}

TEST_CASE(".gitignore patterns match as git matches them") {
  GitignoreRules rules("/repo", "foo/*\n!foo/bar/\nmy\\ file.py\n\\#hash.py\n**/gen/x.py\nspaced.py   \n");
  CHECK(rules.match("/repo/foo/baz", true) == true);
  CHECK(rules.match("/repo/foo/bar", true) == false);      // re-included
  CHECK_FALSE(rules.match("/repo/foo/bar/x.py", false));   // `*` stops at a slash
  CHECK(rules.match("/repo/src/my file.py", false) == true);
  CHECK_FALSE(rules.match("/repo/src/my\\ file.py", false));
  CHECK(rules.match("/repo/#hash.py", false) == true);
  CHECK(rules.match("/repo/gen/x.py", false) == true);     // `**/` matches no folder too
  CHECK(rules.match("/repo/a/b/gen/x.py", false) == true);
  CHECK(rules.match("/repo/spaced.py", false) == true);    // trailing spaces dropped
  CHECK_FALSE(rules.match("/elsewhere/foo/baz", true));
}

TEST_CASE("reading takes regular files only, within the size limit, as UTF-8 text") {
  fs::path root = fs::temp_directory_path() / ("sparkmigrate-read-" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root);
  auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(root / name, std::ios::binary) << text;
    return root / name;
  };

  auto ok = readSourceFile(write("ok.py", "x = 1\n"), kDefaultMaxFileSize);
  CHECK(ok.error.empty());
  CHECK(ok.text == "x = 1\n");

  // The limit: at it is read, one byte over is refused unread; 0 is no limit.
  fs::path sized = write("sized.py", std::string(1000, 'x'));
  CHECK(readSourceFile(sized, 1000).error.empty());
  auto over = readSourceFile(sized, 999);
  CHECK(over.text.empty());
  CHECK(over.error == "1000 bytes, over the maximum file size of 999 bytes (max-file-size in pyproject.toml, "
                      "--max-file-size)");
  CHECK(readSourceFile(sized, 0).error.empty());
  CHECK(readRegularFile(sized, 999).error == "1000 bytes, over the maximum file size of 999 bytes");

  // With keepTail a log keeps its end.
  auto tail = readRegularFile(write("log.txt", "0123456789"), 4, true);
  CHECK(tail.error.empty());
  CHECK(tail.text == "6789");
  CHECK(tail.skipped == 6);

  // Not regular: never read (a FIFO would block, /dev/zero never ends).
  fs::path fifo = root / "fifo.py";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  CHECK(readSourceFile(fifo, 0).error == "not a regular file (a FIFO)");
  fs::create_symlink("/dev/zero", root / "zero.py");
  CHECK(readSourceFile(root / "zero.py", 0).error == "not a regular file (a character device)");
  CHECK(readSourceFile(root, 0).error == "not a regular file (a folder)");
  CHECK_THAT(readSourceFile(root / "missing.py", 0).error,
             Catch::StartsWith("cannot read file: No such file"));

  auto binary = readSourceFile(write("bin.py", std::string("x\0y", 3)), 0);
  CHECK(binary.error == "binary file (contains NUL bytes)");
  auto latin1 = readSourceFile(write("latin1.py", "# caf\xe9\nx = 1\n"), 0);
  CHECK(latin1.error == "not valid UTF-8 (byte 0xe9)");
  REQUIRE(latin1.errorAt);
  CHECK(latin1.errorAt->line == 0);
  CHECK(latin1.errorAt->column == 5);
  CHECK(latin1.text.empty());
  fs::remove_all(root);
}
